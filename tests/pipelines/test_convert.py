from __future__ import annotations

import pytest

from kakehashi.pipelines.convert import convert, detect_kind
from kakehashi.pipelines.errors import ConversionError

ARTICLE = """<!doctype html>
<html><head><title>Tokyo Tower - City Guide</title></head>
<body>
<nav><a href="/">Home</a> | <a href="/shop">Shop the souvenir store now</a></nav>
<main><article>
<h1>Tokyo Tower</h1>
<p>Tokyo Tower was completed in 1958. It is 333 metres tall and was built to broadcast television.</p>
<h2>Visiting</h2>
<p>The main deck is at 150 metres. About 150 million people have visited the tower since it opened.</p>
</article></main>
<footer>Copyright 2024 City Guide. All rights reserved. Cookie settings.</footer>
</body></html>"""

JAPANESE_ARTICLE = """<html lang="ja"><head><meta charset="shift_jis"><title>富士山</title></head><body>
<article><h1>富士山</h1>
<p>富士山は日本で最も高い山で、標高は三七七六メートルです。静岡県と山梨県にまたがっています。</p>
<p>二〇一三年に世界文化遺産に登録されました。毎年夏には多くの人が登山します。</p>
</article></body></html>"""


def test_html_keeps_the_article_as_markdown_and_drops_navigation_and_footer() -> None:
    document = convert("https://example.org/tower", ARTICLE.encode())

    assert document.markdown
    assert "333 metres tall" in document.text
    assert "150 million people" in document.text
    assert "## Visiting" in document.text or "Visiting" in document.text
    assert "souvenir store" not in document.text
    assert "Cookie settings" not in document.text
    assert document.title and "Tokyo Tower" in document.title


def test_japanese_html_in_shift_jis_is_decoded() -> None:
    document = convert("fuji.html", JAPANESE_ARTICLE.encode("shift_jis"))

    assert "標高は三七七六メートルです。" in document.text
    assert document.title == "富士山"


def test_plain_text_in_euc_jp_and_markdown_pass_through() -> None:
    text = "東京の人口は約千四百万人です。日本の首都であり、政治と経済の中心です。"
    assert convert("notes.txt", text.encode("euc_jp")).text == text
    markdown = convert("notes.md", b"# Heading\n\nBody text.")
    assert markdown.markdown and markdown.text == "# Heading\n\nBody text."


def test_pdf_text_is_extracted_page_by_page() -> None:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    for sentence in ("The bridge opened in 1998.", "It is 3,911 metres long."):
        pdf.add_page()
        pdf.set_font("helvetica", size=12)
        pdf.cell(text=sentence)
    pdf.set_title("Akashi Kaikyo Bridge")

    document = convert("bridge.pdf", bytes(pdf.output()))

    assert "The bridge opened in 1998." in document.text
    assert "It is 3,911 metres long." in document.text
    assert document.title == "Akashi Kaikyo Bridge"


def test_content_type_wins_over_the_name() -> None:
    assert detect_kind("https://example.org/report", "application/pdf; qs=0.9") == "pdf"
    assert detect_kind("https://example.org/data.txt", "text/html") == "html"
    assert detect_kind("https://example.org/wiki/Tokyo") == "html"
    assert detect_kind("README.md") == "markdown"


@pytest.mark.parametrize(
    ("name", "data"),
    [("picture.png", b"\x89PNG\r\n"), ("empty.txt", b"   \n"), ("broken.pdf", b"%PDF-1.4 not really")],
)
def test_unreadable_content_raises_conversion_error(name: str, data: bytes) -> None:
    with pytest.raises(ConversionError):
        convert(name, data)

"""Build `src/kakehashi/routing/privacy/person_names.json`: common first names and Japanese names.

The privacy scanner treats special-category words (a diagnosis, a religion, an arrest) as personal
data only in a sentence that mentions a person. Rules see "Mr. Ito", 田中さん or "Ana Ruiz told";
they miss a bare first name ("Priya's out until the 15th", "1:1 notes w/ Carlos") and a Japanese
colleague written without an honorific, as in-house notes do (「中島は適応障害で休職」). This
lexicon covers both.

Source: the `names-dataset` PyPI package (MIT; first and last names with per-country popularity
ranks). Loading it takes ~3 GB of memory, so the gateway does not depend on it: this script is run
by hand (`pip install names-dataset==3.3.1`) and the small result is committed.

Selection:
- first_names: Latin-script names (hyphenated ones too: Ann-Marie, Jean-Luc) ranked in the top FIRST_RANK of any of COUNTRIES, 3-15
  letters, minus English words that are also names (a word seen in lower case in the project's
  own English text: ``data/*.jsonl`` prompts and Markdown docs; or listed in COMMON_WORDS) and words of the
  special-category vocabularies (Christian, Addison...).
- ja_surnames / ja_given_names: names written in kanji (1-3 characters) ranked in Japan's top
  JA_RANK, without entries that are common nouns or places (JA_NOT_NAMES).
"""

from __future__ import annotations

import gzip
import json
import pickle
import re
from pathlib import Path

import names_dataset

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/kakehashi/routing/privacy/person_names.json"
FIRST_RANK = 300
JA_RANK = 3000
COUNTRIES = re.findall(
    r"\S+",
    "US GB CA AU IE NZ IN PK BD PH NG KE GH ZA EG SA AE MA DZ TN TR IR IL RU UA PL DE AT CH FR ES IT PT "
    "NL BE SE NO DK FI GR RO HU CZ BR MX AR CO PE CL VE VN TH ID MY CN KR JP TW HK SG LK NP",
)
# English words that are also popular first names, beyond those seen in lower case in data/.
COMMON_WORDS = set(
    re.findall(
        r"\S+",
        """will may mark bill grace hope faith joy art rose summer autumn winter dawn eve chase hunter miles guy sky
    ray rich pat sue max page drew gene ivy iris jade ruby pearl lily holly olive amber crystal destiny christian
    christ jesus muhammad mohammed mohamed allah buddha krishna addison parkison parkinson graves crohn
    tourette asperger cushing hashimoto huntington down major sunny star angel king prince queen princess
    justice honor honour glory precious lucky happy gift blessing miracle harmony melody heaven paris london
    sydney florence georgia virginia carolina dakota austin houston dallas jordan india china kenya israel
    chelsea brooklyn phoenix august june april january march jan apr jun jul aug sep sept oct nov dec
    monday friday sunday tuesday wednesday thursday saturday the and for not you are new all one can big
    long short young old west north south east bay lane street cliff dale glen heath ford bishop pope dean
    deacon cardinal abbott parson sheriff marshal judge porter baker carter cook taylor mason smith
    hall wood field brook forest river stone rock storm rain snow frost cloud flower daisy violet poppy
    hazel ginger honey candy brandy sherry whisky cherry apple berry mercedes lexus tesla kia skype
    zoom slack teams signal notion figma jira linear docker python ruby rust swift go java julia perl
    none mine harm rehab hindu laid low lung man pan pin ping ran saw tea tiny win yen hang hung nil echo foo
    hiro ken claude alexa siri cortana gemini bard watson jarvis llama mistral falcon""",
    )
)
# Kanji "names" that are places, brands or words (common surnames that are also brands stay:
# the rule needs a particle or a given name after them).
JA_NOT_NAMES = set(
    re.findall(
        r"\S+",
        "銀座 日本 東京 大阪 京都 中央 大和 平和 自由 未来 希望 太陽 大地 海 空 光 愛 誠 学 進 勝 正 力 仁 和 明 "
    "本田 豊田 日産 三菱 住友 三井 安田 野村 富士 日立 松下 東芝 明治 森永 武田",
    )
)


def _lower_words() -> set[str]:
    words: set[str] = set()
    for path in sorted((ROOT / "data").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            words.update(re.findall(r"\b[a-z]{3,15}\b", json.loads(line).get("prompt", "")))
    # ...and the project's own prose (README, docs; not the sources, whose comments quote names).
    for pattern in ("*.md", "docs/**/*.md", "benchmarks/**/*.md"):
        for path in sorted(ROOT.glob(pattern)):
            words.update(re.findall(r"\b[a-z]{3,15}\b", path.read_text(encoding="utf-8", errors="ignore")))
    return words


def main() -> None:
    base = Path(names_dataset.__file__).with_name("v3")
    with gzip.open(base / "first_names.pkl.gz") as f:
        first = pickle.load(f)
    with gzip.open(base / "last_names.pkl.gz") as f:
        last = pickle.load(f)
    lower = _lower_words() | COMMON_WORDS
    first_names = sorted(
        n for n, a in first.items()
        if re.fullmatch(r"[A-Z][a-zà-ÿ]{2,14}|[A-Z][a-zà-ÿ]{1,14}-[A-Z][a-zà-ÿ]{1,14}", n)
        and any((a.get("rank") or {}).get(c, 10**9) <= FIRST_RANK for c in COUNTRIES)
        and n.lower() not in lower
    )

    def kanji(table: dict) -> list[str]:
        return sorted(
            n for n, a in table.items()
            if re.fullmatch(r"[一-龥々]{1,3}", n) and (a.get("rank") or {}).get("JP", 10**9) <= JA_RANK
            and n not in JA_NOT_NAMES and len(n) >= 2
        )

    data = {
        "source": "names-dataset 3.3.1 (MIT), selected by scripts/build_person_names.py",
        "first_names": first_names,
        "ja_surnames": kanji(last),
        "ja_given_names": kanji(first),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print({k: len(v) for k, v in data.items() if isinstance(v, list)})


if __name__ == "__main__":
    main()

"""Answer quality of `kakehashi rag ask` on a sample of the evaluation questions: the share of answers whose
citations contain the gold passage (checked automatically: a cited passage from the gold file overlapping
the gold span), through a real `kakehashi serve` on 127.0.0.1 with its bundled local chat model.

    flock /tmp/kk-bench.lock .venv/bin/python benchmarks/rag/bench.py --corpus /tmp/kk-rag-eval   # the stores
    flock /tmp/kk-bench.lock .venv/bin/python benchmarks/rag/answers.py --per-lang 25

It reuses the stores bench.py left in --work (en.sqlite3, ja.sqlite3). Each question is asked exactly as a
user would: `kakehashi rag ask --store STORE --base-url URL --json "QUESTION"` in its own process. The
evaluation's questions describe what a manual page's command does; they are asked as "which command ...".
The sample is every n-th question (fixed, not chosen by outcome).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

EVAL = Path(__file__).resolve().parents[2] / "eval" / "rag"
ASK = {"en": "Which command can I use to {q}?", "ja": "「{q}」ためのコマンドは何ですか?"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def overlaps_gold(c: dict[str, Any], q: dict[str, Any]) -> bool:
    return Path(c["path"]).name == q["gold_file"] and c["start"] < q["gold_end"] and q["gold_start"] < c["end"]


def sample(lang: str, n: int, names: set[str]) -> list[dict[str, Any]]:
    qs = [q for line in (EVAL / f"questions.{lang}.jsonl").open(encoding="utf-8")
          if (q := json.loads(line))["gold_file"] in names]
    step = max(1, len(qs) // n)
    return qs[::step][:n]


def ask(base: str, store: Path, question: str, max_tokens: int) -> tuple[dict[str, Any], float]:
    cmd = [sys.executable, "-m", "kakehashi", "rag", "ask", "--store", str(store), "--base-url", base,
           "--max-tokens", str(max_tokens), "--json", question]
    t0 = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=600)
    return json.loads(out.stdout), time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", type=Path, default=Path("/tmp/kk-rag-bench"), help="bench.py's --work")
    ap.add_argument("--corpus", type=Path, default=Path("/tmp/kk-rag-eval"))
    ap.add_argument("--per-lang", type=int, default=25)
    ap.add_argument("--langs", default="en,ja")
    ap.add_argument("--max-tokens", type=int, default=128)
    ap.add_argument("--out", type=Path, default=Path(__file__).with_name("answers.json"))
    ap.add_argument("--max-seconds", type=float, default=None,
                    help="ask no new question after this long (the sample is then cut short, and says so)")
    ap.add_argument("--resume", action="store_true",
                    help="keep the answers already in --out and ask only the rest (runs in short pieces)")
    a = ap.parse_args()
    earlier = json.loads(a.out.read_text(encoding="utf-8")) if a.resume and a.out.exists() else {}
    stop_at = time.monotonic() + a.max_seconds if a.max_seconds else None

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    own = Path(tempfile.mkdtemp(prefix="kk-answers-"))
    env = {**os.environ, "KAKEHASHI_LEDGER": str(own / "ledger.sqlite3"), "XDG_DATA_HOME": str(own / "data")}
    server = subprocess.Popen([sys.executable, "-m", "kakehashi", "serve", "--port", str(port), "--slots", "1",
                               "--log-level", "warning"], env=env, stdout=subprocess.DEVNULL,
                              stderr=(own / "serve.log").open("wb"))
    result: dict[str, Any] = {"load_before": os.getloadavg(), "max_tokens": a.max_tokens, "k": 4}
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                if httpx.get(f"{base}/health/ready", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"kakehashi serve did not start; see {own / 'serve.log'}")
            time.sleep(0.5)
        for lang in a.langs.split(","):
            names = {p.name for p in (a.corpus / lang).glob("*.txt")}
            rows = list(earlier.get(lang, {}).get("rows", []))
            done = {r["id"] for r in rows}
            for q in sample(lang, a.per_lang, names):
                if q["id"] in done:
                    continue
                if stop_at is not None and time.monotonic() > stop_at:
                    result["cut_short"] = True
                    break
                r, seconds = ask(base, a.work / f"{lang}.sqlite3", ASK[lang].format(q=q["question"]), a.max_tokens)
                command = q["gold_file"].split(".")[0]
                rows.append({
                    "id": q["id"], "seconds": round(seconds, 1), "found": r["found"],
                    "gold_given": any(overlaps_gold(p, q) for p in r["passages"]),
                    "gold_cited": any(overlaps_gold(c, q) for c in r["citations"]),
                    "gold_cited_explicitly": any(overlaps_gold(c, q) for c in r["citations"] if not c.get("inferred")),
                    "names_command": command.lower() in r["answer"].lower(),
                    "route": r["route"].get("x-kakehashi-model"), "answer": r["answer"][:300],
                })
                print(json.dumps(rows[-1], ensure_ascii=False), file=sys.stderr, flush=True)
                result[lang] = {"questions_so_far": len(rows), "rows": rows}  # kept if the run is cut short
                a.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
            n = len(rows)
            if not n:
                continue

            def share(key: str, rows: list[dict[str, Any]] = rows, n: int = n) -> float:
                return round(100 * sum(bool(r[key]) for r in rows) / n, 1)

            result[lang] = {"questions": n, **{f"{k}_%": share(k) for k in (
                "found", "gold_given", "gold_cited", "gold_cited_explicitly", "names_command")},
                "seconds_p50": sorted(r["seconds"] for r in rows)[n // 2], "rows": rows}
    finally:
        server.terminate()
        server.wait(timeout=60)
    result["load_after"] = os.getloadavg()
    a.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    print(json.dumps({k: {kk: vv for kk, vv in v.items() if kk != "rows"} if isinstance(v, dict) else v
                      for k, v in result.items()}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()

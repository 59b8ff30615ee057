#!/usr/bin/env bash
# Installs PyTorch's current libtorch (with CUDA) from PyPI into a virtual environment inside the build
# tree, for the second build configuration (DROSTE_TORCH=pip ./dev.sh ...). Never touches the system
# Python. Idempotent: a venv that already holds the pinned version is left as it is.
# Usage: tools/install-torch-pip.sh VENV_DIR      prints nothing else but progress; exit 1 on failure
set -euo pipefail

# Pinned: the GPU test machine runs PyTorch 2.11 + CUDA 13 (tools/device/), and the wheel's libtorch is
# built for CUDA 13.0, the toolkit this machine kind has. Raise both together.
TORCH_VERSION=2.11.0

venv="${1:?usage: tools/install-torch-pip.sh VENV_DIR}"
marker="$venv/.droste-torch-$TORCH_VERSION"
if [ -f "$marker" ]; then
  echo "install-torch-pip: torch $TORCH_VERSION present in $venv"
  exit 0
fi
python=$(command -v python3 || true)
if [ -z "$python" ]; then
  echo "install-torch-pip: python3 is needed to install PyTorch from PyPI" >&2
  exit 1
fi
echo "install-torch-pip: installing torch==$TORCH_VERSION (libtorch with CUDA, ~3 GB of wheels) into $venv"
rm -rf "$venv"
"$python" -m venv "$venv"
start=$(date +%s)
"$venv/bin/pip" install --quiet --disable-pip-version-check "torch==$TORCH_VERSION"
"$venv/bin/python" - <<'PY'
import os, torch
lib = os.path.join(os.path.dirname(torch.__file__), "lib")
assert torch.version.cuda, "the wheel has no CUDA"
for name in ("libtorch.so", "libtorch_cpu.so", "libtorch_cuda.so", "libc10_cuda.so"):
    assert os.path.exists(os.path.join(lib, name)), name + " missing"
print(f"install-torch-pip: torch {torch.__version__} (CUDA {torch.version.cuda})")
PY
touch "$marker"
echo "install-torch-pip: took $(( $(date +%s) - start )) s"

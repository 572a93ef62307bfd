#!/usr/bin/env bash
# Sets up a fresh machine for Activation Notebooks (as root, or with sudo for apt): Debian's
# Jupyter (for the Jupyter tests), PyTorch and torchvision (for the pytorch tests), Fashion-MNIST
# (the guide's real data, in /usr/share/datasets/fashion-mnist), the real VS Code test harness's
# browser and code-server, and the npm packages. Idempotent: safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

need=()
for p in jupyter-notebook python3-nbconvert dataset-fashion-mnist python3-torch python3-torchvision; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  echo "[setup] apt-get install ${need[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
bash scripts/install-vscode-test-deps.sh
echo "[setup] npm ci"
npm ci --no-audit --no-fund

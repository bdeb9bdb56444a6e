#!/usr/bin/env bash
# Installs the Debian packages the browser tests need (listed in .ci/apt-packages) when missing:
# Chromium and the Noto CJK fonts, so that Chinese renders as Chinese in screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
for pkg in $(cat .ci/apt-packages); do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ "${#missing[@]}" -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "The browser tests need these Debian packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
echo "installed: ${missing[*]}"

#!/usr/bin/env bash
# apt-install.sh NAME PACKAGE...: install the Debian packages among PACKAGE that are missing,
# with apt-get (as root, or with sudo); NAME starts every line it says. Without apt-get, it
# names what to install and leaves it to the caller to decide whether that is fatal.
set -euo pipefail
me=$1
shift
missing=()
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "$me: please install: ${missing[*]}" >&2
  exit 0
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "$me: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

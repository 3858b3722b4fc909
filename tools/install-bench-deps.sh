#!/usr/bin/env bash
# System packages `make bench` needs: the sqlite3 shell, the anchor the report and export
# figures are measured against. Installed with apt-get when missing (as root, or with sudo).
set -euo pipefail
command -v sqlite3 >/dev/null && exit 0
if ! command -v apt-get >/dev/null; then
  echo "install-bench-deps: please install the sqlite3 command-line shell" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "install-bench-deps: installing sqlite3"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends sqlite3 >/dev/null

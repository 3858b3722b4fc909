#!/usr/bin/env bash
# System packages `make bench` needs: the sqlite3 shell, the anchor the report and export
# figures are measured against. Installed with apt-get when missing (as root, or with sudo).
set -euo pipefail
command -v sqlite3 >/dev/null && exit 0
bash "$(dirname "$0")/apt-install.sh" install-bench-deps sqlite3
command -v sqlite3 >/dev/null || {
  echo "install-bench-deps: the sqlite3 command-line shell is needed" >&2
  exit 1
}

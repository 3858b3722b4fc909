#!/usr/bin/env bash
# Follow the README's quick start and integrator examples verbatim on a clean clone:
#   make run (headless here), then, from a second "terminal", make trigger ID=gate-alarm and
#   .venv/bin/pos-coach trigger gate-alarm; both must show the card (exit 0) and log it.
# Usage: bash tools/follow_readme.sh [REPO]   (REPO: a path or URL to clone; default this one)
# It needs what a new user needs: Python 3.11+, make, git, and the package registries.
set -euo pipefail
repo="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
work="$(mktemp -d)"
app=""
cleanup() {
  # make and the counter it started: the whole process group, by its id
  if [ -n "$app" ]; then kill -- "-$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

git clone --quiet "$repo" "$work/pos-coach"
cd "$work/pos-coach"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"  # no screen needed to try it

echo "follow-readme: make run (first run creates .venv and installs: a few minutes)"
setsid make run >"$work/run.log" 2>&1 &
app=$!

# the counter is up once it answers a trigger; `make trigger` itself is the probe
for _ in $(seq 1 600); do
  if .venv/bin/pos-coach trigger greeting >/dev/null 2>&1; then break; fi
  if ! kill -0 "$app" 2>/dev/null; then
    echo "follow-readme: make run ended early:" >&2; cat "$work/run.log" >&2; exit 1
  fi
  sleep 1
done

echo "follow-readme: make trigger ID=gate-alarm"
make --no-print-directory trigger ID=gate-alarm
echo "follow-readme: .venv/bin/pos-coach trigger gate-alarm"
.venv/bin/pos-coach trigger gate-alarm

set +e
.venv/bin/pos-coach trigger gate-alrm
status=$?
set -e
[ "$status" -eq 4 ] || { echo "follow-readme: unknown id exited $status, not 4" >&2; exit 1; }

shown=$(python3 - <<'EOF'
import sqlite3
rows = sqlite3.connect("var/journal.db").execute(
    "SELECT count(*) FROM events WHERE kind = 'shown' AND situation = 'gate-alarm'"
).fetchone()
print(rows[0])
EOF
)
[ "$shown" -ge 2 ] || { echo "follow-readme: $shown gate-alarm cards in the journal" >&2; exit 1; }
echo "follow-readme: ok — the README's commands work on a clean clone ($shown cards logged)"

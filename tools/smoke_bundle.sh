#!/usr/bin/env bash
# Build the PyInstaller bundle from build.spec and prove it works outside the source tree:
# `--version`, `init` and `report evaluation --pdf` run from the bundle on a fresh store.
# Slow (minutes), so it is not part of the test command; run it before a release:
#   tools/smoke_bundle.sh [PYTHON]      (default: .venv/bin/python; pyinstaller is pinned in constraints.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
python="${1:-.venv/bin/python}"
"$python" -m pip install -q -c constraints.txt pyinstaller
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
start=$SECONDS
"$python" -m PyInstaller --noconfirm --log-level ERROR --distpath "$work/dist" --workpath "$work/build" build.spec
echo "built in $((SECONDS - start)) s"
bundle="$work/dist/cpm-desktop/cpm-desktop"
for scripts in storage/migrations/versions sync/hub_migrations/versions; do  # Alembic reads them as files
  ls "$work"/dist/cpm-desktop/_internal/cpm_desktop/$scripts/0001_*.py >/dev/null \
    || { echo "the bundle lacks the migration scripts in $scripts" >&2; exit 1; }
done
expected="cpm-desktop $("$python" -c 'from importlib.metadata import version; print(version("cpm-desktop"))')"
python="$(cd "$(dirname "$python")" && pwd)/$(basename "$python")"  # still found after the cd below

# Run from an empty folder with no source tree in sight and settings kept out of the home folder.
cd "$work"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"
export CPM_PASSPHRASE="smoke test passphrase" QT_QPA_PLATFORM=offscreen
got="$("$bundle" --version)"
[ "$got" = "$expected" ] || { echo "--version printed '$got', expected '$expected'" >&2; exit 1; }
"$bundle" init --db smoke.cpm
"$bundle" report evaluation --db smoke.cpm --from 2017-04-01 --to 2018-03-31 --pdf smoke.pdf
head -c 5 smoke.pdf | grep -q '%PDF-' || { echo "report evaluation wrote no PDF" >&2; exit 1; }
"$python" - smoke.pdf <<'PY'
import sys
from pypdf import PdfReader
text = "".join(page.extract_text() for page in PdfReader(sys.argv[1]).pages)
assert "valuation" in text, "the PDF has no evaluation summary in it"
PY
echo "bundle smoke test passed in $((SECONDS - start)) s: $got, init, report evaluation --pdf"

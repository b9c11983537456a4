#!/usr/bin/env bash
# The annual report's DOCX as PDF and page images, to look at by hand (not part of CI):
#   scripts/annual-report-pdf.sh <year> <out-dir> [--db <path>]
# Writes <out-dir>/annual-report-<year>.docx, .pdf and one PNG per page (…-1.png, …-2.png).
# Needs LibreOffice Writer and poppler (Debian: apt-get install -y libreoffice-writer-nogui
# poppler-utils). A 2017 desk to try it on: pnpm desk seed --report-2017 --db /tmp/r/desk.sqlite
set -euo pipefail
year=${1:?year}
out=${2:?out-dir}
shift 2
mkdir -p "$out"
base="$out/annual-report-$year"
pnpm --silent desk report annual --year "$year" --format docx --out "$base.docx" "$@"
# a profile of its own: a running LibreOffice (or a root-owned ~/.config) would refuse the conversion
soffice -env:UserInstallation="file://$(mktemp -d)" --headless --convert-to pdf --outdir "$out" "$base.docx" >/dev/null
pdftoppm -png -r 70 "$base.pdf" "$base"
ls "$base".* "$base"-*.png

#!/usr/bin/env bash
# Renders an annual report (interchange JSON) to DOCX with src/writers, converts the DOCX to PDF with
# LibreOffice (Debian package libreoffice-writer-nogui) and the PDF to PNG pages with pdftoppm
# (poppler-utils), so that the DOCX can be looked at as Word/WPS would print it.
# Usage: scripts/docx-preview.sh REPORT.json OUT_DIR
# Writes OUT_DIR/report.docx, OUT_DIR/report.pdf and OUT_DIR/page-N.png (60 dpi).
set -euo pipefail

if [ "$#" -ne 2 ]; then
  echo "usage: $0 REPORT.json OUT_DIR" >&2
  exit 2
fi
report=$(realpath "$1")
mkdir -p "$2"
out=$(realpath "$2")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

office=$(command -v soffice || command -v libreoffice || true)
if [ -z "$office" ]; then
  echo "LibreOffice not found: install the Debian package libreoffice-writer-nogui" >&2
  exit 1
fi
command -v pdftoppm >/dev/null || { echo "pdftoppm not found: install poppler-utils" >&2; exit 1; }

cd "$root"
REPORT="$report" OUT="$out/report.docx" node --input-type=module -e '
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";
register();
const { renderReport } = await import(pathToFileURL(process.cwd() + "/src/writers/render-report.ts").href);
const report = JSON.parse(readFileSync(process.env.REPORT, "utf8"));
writeFileSync(process.env.OUT, await renderReport(report, "docx"));
'

# A private LibreOffice profile, so that a running instance or a locked profile does not get in the way.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
timeout 180 "$office" -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" \
  "$out/report.docx" >/dev/null
rm -f "$out"/page-*.png
pdftoppm -png -r 60 "$out/report.pdf" "$out/page"
ls "$out"/page-*.png

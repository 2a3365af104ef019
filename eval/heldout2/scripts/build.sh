#!/bin/sh
# Rebuild everything: gold + specs, .txt, .docx, .doc, .pdf, checks, perfect records, score.
set -e
cd /tmp/heldout2
python3 scripts/specs.py
python3 scripts/build_txt.py
mkdir -p build
node scripts/build_docx.mjs yili-zx-2023-05 docs/yili-zx-2023-05.docx
node scripts/build_docx.mjs anji-rd-2016-12 docs/anji-rd-2016-12.docx
node scripts/build_docx.mjs qiqihar-gsl-2014-09 build/qiqihar-gsl-2014-09.docx
node scripts/build_docx.mjs zunyi-93-2025-11 build/zunyi-93-2025-11.docx
(cd build && soffice --headless --convert-to doc qiqihar-gsl-2014-09.docx >/dev/null && soffice --headless --convert-to pdf zunyi-93-2025-11.docx >/dev/null)
cp build/qiqihar-gsl-2014-09.doc build/zunyi-93-2025-11.pdf docs/
python3 scripts/check_and_perfect.py
node score.mjs perfect

#!/bin/sh
# Converts the intermediate docx files to .doc / .pdf with LibreOffice.
set -e
cd /tmp/heldout/build
P=-env:UserInstallation=file:///tmp/heldout/build/lo-profile
soffice $P --headless --convert-to doc --outdir /tmp/heldout/docs wuxi-gsl-2023-09.docx
soffice $P --headless --convert-to pdf --outdir /tmp/heldout/docs changshou-zx-2024-15.docx xian-93-2016-04.docx

#!/bin/sh
# Re-save corpus reports with a real word processor (LibreOffice, Debian's
# libreoffice-writer-nogui), so the corpus holds files exactly as that
# producer writes them. The numbers of a report do not change when it is
# re-saved, so each new case takes the expected.json of the case it was made
# from (itself written by hand); the tables of every output were also read
# back with a separate script and compared by eye before committing.
#
#   tools/mkproducers.sh        (needs soffice on PATH)
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

resave() { # resave SRC_CASE NEW_CASE FILTER [VIA]
	src=corpus/$1 dst=corpus/$2 filter=$3 via=${4:-}
	rm -rf "$tmp/in" "$tmp/out" && mkdir -p "$tmp/in" "$tmp/out" "$dst"
	cp "$src/input.docx" "$tmp/in/input.docx"
	in=$tmp/in/input.docx
	if [ -n "$via" ]; then
		soffice --headless --convert-to "$via" --outdir "$tmp/in" "$in" >/dev/null 2>&1
		in=$tmp/in/input.${via%%:*}
	fi
	soffice --headless --convert-to "docx:$filter" --outdir "$tmp/out" "$in" >/dev/null 2>&1
	cp "$tmp/out/input.docx" "$dst/input.docx"
	cp "$src/expected.json" "$dst/expected.json"
	[ -f "$src/args" ] && cp "$src/args" "$dst/args"
	echo "$2: $(wc -c < "$dst/input.docx") bytes"
}

resave seed-word lo-resave "MS Word 2007 XML"
resave seed-word lo-ooxml "Office Open XML Text"
resave seed-word lo-from-odt "MS Word 2007 XML" odt
resave format-2019 lo-format-2019 "MS Word 2007 XML"
resave different-values lo-different-values "MS Word 2007 XML"

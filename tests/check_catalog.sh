#!/bin/sh
# Fails when a message in the sources has no Indonesian translation in po/id.po, or when
# the catalog has untranslated or fuzzy entries: --lang id must never fall back to English.
set -eu
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find "$src/src" -name '*.cpp' -o -name '*.hpp' | sort > "$tmp/files"
xgettext --language=C++ --from-code=UTF-8 --keyword=tr --keyword=trf --keyword=trn:1,2 \
  --keyword=trnf:1,2 --keyword=N_ --files-from="$tmp/files" -o "$tmp/kades.pot"
msgcmp "$src/po/id.po" "$tmp/kades.pot"
stats=$(msgfmt --check --statistics -o /dev/null "$src/po/id.po" 2>&1)
echo "$stats"
case "$stats" in
  *untranslated*|*fuzzy*) echo "po/id.po has untranslated or fuzzy messages" >&2; exit 1 ;;
esac

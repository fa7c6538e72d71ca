#!/usr/bin/env bash
# Makes SmartOffice.Domain/Demo/DemoFaxFont.otf, the font the demo FAX forms are drawn with (the app needs no system fonts):
# Noto Sans CJK JP Regular cut down to ASCII, kana, and every character the demo data's source can write on a form.
# Run again after adding characters to the demo vocabulary (the demo tests say when). Needs fonts-noto-cjk and fonttools.
set -euo pipefail
cd "$(dirname "$0")/.."
source_font=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
command -v pyftsubset >/dev/null || { echo "pyftsubset missing: apt-get install fonttools" >&2; exit 1; }
[ -f "$source_font" ] || { echo "$source_font missing: apt-get install fonts-noto-cjk" >&2; exit 1; }
chars=$(mktemp)
python3 - "$chars" <<'PY'
import glob, sys
text = ''.join(open(p, encoding='utf-8').read() for p in sorted(glob.glob('SmartOffice.Domain/Demo/*.cs')))
chars = {c for c in text if ord(c) > 0x7f}
chars |= {chr(c) for c in range(0x20, 0x7f)}
chars |= {chr(c) for c in range(0x3040, 0x30ff)}   # hiragana, katakana
chars |= set('…〇・ー「」、。!?()')
open(sys.argv[1], 'w', encoding='utf-8').write(''.join(sorted(chars)))
PY
pyftsubset "$source_font" --font-number=0 --text-file="$chars" --output-file=SmartOffice.Domain/Demo/DemoFaxFont.otf \
  --layout-features='' --no-hinting --desubroutinize=false --name-IDs='*' --name-languages='*'
rm -f "$chars"
ls -l SmartOffice.Domain/Demo/DemoFaxFont.otf

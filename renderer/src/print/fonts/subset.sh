#!/usr/bin/env bash
# Makes the *.woff2 beside this script: Noto Serif/Sans CJK SC subset to ASCII,
# GB2312 and common punctuation (the print view's fallback fonts, ~6 MB instead of
# ~40 MB). Needs Debian's fonts-noto-cjk, python3-fonttools and python3-brotli.
# Run once when the fonts change; the output is committed.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
out=renderer/src/print/fonts
chars=$(mktemp)
/usr/bin/python3 - "$chars" <<'PY'
import sys
chars = set(chr(c) for c in range(0x20, 0x7f))
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
chars |= set('—–…·“”‘’〔〕《》【】「」『』　、。，；：？！（）％＋－＝０１２３４５６７８９')
open(sys.argv[1], 'w').write(''.join(sorted(chars)))
PY
for spec in NotoSerifCJK-Regular.ttc:NotoSerifSC-GB2312 NotoSansCJK-Regular.ttc:NotoSansSC-GB2312; do
  # Font number 2 in each collection is the Simplified Chinese face.
  /usr/bin/python3 -m fontTools.subset "/usr/share/fonts/opentype/noto/${spec%%:*}" --font-number=2 \
    --text-file="$chars" --flavor=woff2 --layout-features='*' --output-file="$out/${spec##*:}.woff2"
done
rm -f "$chars"
ls -la "$out"

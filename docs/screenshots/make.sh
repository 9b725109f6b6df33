#!/bin/sh
# Regenerates the screenshots of docs/screenshots (README, metainfo) and of the stress
# packs (docs/screenshots/stress): `sh docs/screenshots/make.sh` from the checkout,
# after `make` (it uses .venv). Headless: Qt's offscreen platform.
set -eu
cd "$(dirname "$0")/../.."
export QT_QPA_PLATFORM=offscreen
shot() { .venv/bin/python -m gzexplorer screenshot "$@" >/dev/null; }
out=docs/screenshots
for view in overview economy governance ecology culture; do
    shot --theme "$view" --out "$out/$view.png"
done
shot --theme governance --scheme dark --out "$out/governance-dark.png"
shot --theme economy --language zh_CN --out "$out/economy-zh.png"
shot --theme overview --language zh_CN --scheme dark --out "$out/overview-zh-dark.png"
shot --theme economy --language zh_CN --table --out "$out/economy-table-zh.png"
shot --theme economy --size 1280x720 --out "$out/economy-1280x720.png"
shot --theme economy --size 1024x700 --out "$out/economy-1024x700.png"
for pack in busy edge; do
    views=$(.venv/bin/python -c "
from gzexplorer import charts, model
print(' '.join(v for v, _ in charts.views(model.load('tests/packs/$pack'))))")
    for view in $views; do
        shot --data "tests/packs/$pack" --theme "$view" --out "$out/stress/$pack-$view.png"
    done
done
.venv/bin/python docs/screenshots/dialogs.py 2>/dev/null
# a page of the PDF brief, as a picture (pdftoppm: poppler-utils, needed for this only)
if command -v pdftoppm >/dev/null; then
    pdf=$(mktemp --suffix=.pdf)
    .venv/bin/python -m gzexplorer export --format pdf --theme governance --out "$pdf" >/dev/null
    pdftoppm -png -r 100 -f 2 -l 2 -singlefile "$pdf" "$out/brief-page"
    rm -f "$pdf"
fi

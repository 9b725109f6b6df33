#!/usr/bin/env bash
# Build every distributable of gzexplorer into dist/ (called by `make dist`):
#
#   dist/gzexplorer-VERSION.tar.gz                    sdist      (python -m build)
#   dist/gzexplorer-VERSION-py3-none-any.whl          wheel      (python -m build, from the sdist)
#   dist/gzexplorer-VERSION-linux-x86_64.tar.gz       standalone bundle (PyInstaller, packaging/gzexplorer.spec)
#   dist/gzexplorer_VERSION_amd64.deb                 Debian package (dpkg-deb, packaging/deb.py)
#
# Works from a clean checkout. The build tools live in their own virtual environment,
# build/venv, with the freshly built wheel installed in it (not the checkout), so the
# bundle holds exactly what the wheel holds. Intermediate files go to build/.
#
# Needs: Python >= 3.11 with venv ($PYTHON, default python3), network access to PyPI,
# and for the .deb: dpkg-deb and dpkg-shlibdeps (dpkg-dev), binutils (strip), and the
# system libraries Qt's xcb plugin links to (see .ci/run), so that Depends can be read
# off them. Without dpkg-deb (macOS, Windows, other distributions) the .deb is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=build/venv
VPY=$VENV/bin/python
MAX_BUNDLE_BYTES=200000000   # the issue's budget: 200 MB unpacked ...
MAX_ARCHIVE_BYTES=80000000   # ... and 80 MB as .tar.gz

step() { printf '\n==> %s\n' "$*"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1000000 }'; }

VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' src/gzexplorer/__init__.py)
[ -n "$VERSION" ] || die "cannot read __version__ from src/gzexplorer/__init__.py"
PLATFORM="$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m)"   # linux-x86_64
BUNDLE_NAME="gzexplorer-$VERSION"
ARCHIVE="dist/gzexplorer-$VERSION-$PLATFORM.tar.gz"
WHEEL="dist/gzexplorer-$VERSION-py3-none-any.whl"
start=$(date +%s)

step "icons: resources/icons/hicolor (committed; packaging/make_icons.py renders them)"
"$PYTHON" - <<'EOF'
import struct, sys
from pathlib import Path
bad = []
for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
    p = Path(f"resources/icons/hicolor/{size}x{size}/apps/gzexplorer.png")
    head = p.read_bytes()[:24] if p.is_file() else b""
    if head[:8] != b"\x89PNG\r\n\x1a\n" or struct.unpack(">II", head[16:24]) != (size, size):
        bad.append(str(p))
if bad:
    sys.exit("missing or wrong icons: " + ", ".join(bad) + "; run packaging/make_icons.py")
EOF

step "translations: resources/i18n/*.qm (make translations compiles them from the .ts)"
for ts in resources/i18n/*.ts; do
    [ -e "$ts" ] || continue
    qm="${ts%.ts}.qm"
    if [ -f "$qm" ] && [ ! "$qm" -ot "$ts" ]; then
        echo "$qm"
    else  # packaging/hatch_build.py compiles it when python -m build runs
        echo "$qm: missing or older than $ts; the build compiles it"
    fi
done

step "build environment: $VENV"
if [ ! -x "$VPY" ]; then
    "$PYTHON" -m venv "$VENV"
fi
"$VPY" -m pip install --quiet --disable-pip-version-check --upgrade pip
"$VPY" -m pip install --quiet --disable-pip-version-check "build>=1.2"

step "sdist and wheel: python -m build"
rm -rf dist build/pyinstaller build/bundle build/deb
mkdir -p dist
"$VPY" -m build --outdir dist .
[ -f "$WHEEL" ] || die "expected $WHEEL (do pyproject.toml's version and __version__ agree?)"
"$VPY" - "$WHEEL" <<'EOF'
import sys, zipfile
from pathlib import Path
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
need = [
    "gzexplorer/cli.py",
    "gzexplorer/data/datapackage.json",
    "gzexplorer/data/guizhou-case-study.txt",
    "gzexplorer/resources/icons/gzexplorer.svg",
    "gzexplorer/resources/icons/hicolor/256x256/apps/gzexplorer.png",
    "gzexplorer/resources/linux/gzexplorer.desktop",
]
# Compiled translations are git-ignored: check they made it (the build hook compiles
# them, pyproject's sdist artifacts carry them into the wheel built from the sdist).
need += [f"gzexplorer/resources/i18n/{ts.stem}.qm" for ts in Path("resources/i18n").glob("*.ts")]
missing = [n for n in need if n not in names]
if missing:
    sys.exit(f"{sys.argv[1]} lacks: {', '.join(missing)}")
print(f"{sys.argv[1]}: {len(names)} files, data pack, resources and translations included")
EOF

step "install the wheel and PyInstaller into $VENV"
# The [dist] extra brings PyInstaller; --force-reinstall --no-deps replaces an older
# build of the same version.
"$VPY" -m pip install --quiet --disable-pip-version-check "$WHEEL[dist]"
"$VPY" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$WHEEL"
"$VPY" -m pip list --disable-pip-version-check 2>/dev/null |
    grep -iE '^(pyinstaller|pyside6[-_]essentials|shiboken6|pyqtgraph|pandas|numpy) ' || true

step "standalone bundle: PyInstaller packaging/gzexplorer.spec"
"$VENV/bin/pyinstaller" --noconfirm --log-level WARN \
    --distpath build/bundle --workpath build/pyinstaller packaging/gzexplorer.spec
mv build/bundle/gzexplorer "build/bundle/$BUNDLE_NAME"
BUNDLE="build/bundle/$BUNDLE_NAME"

step "check the bundle"
internal="$BUNDLE/_internal"
for f in gzexplorer \
    _internal/PySide6/Qt/plugins/platforms/libqxcb.so \
    _internal/PySide6/Qt/plugins/platforms/libqoffscreen.so \
    _internal/PySide6/Qt/plugins/imageformats/libqsvg.so \
    _internal/PySide6/Qt/plugins/iconengines/libqsvgicon.so \
    _internal/gzexplorer/data/datapackage.json \
    _internal/gzexplorer/resources/icons/gzexplorer.svg; do
    [ -e "$BUNDLE/$f" ] || die "bundle lacks $f"
done
unwanted=$(find "$internal" \( -iname '*WebEngine*' -o -name '*Qt6Quick*' -o -name '*Qt6Qml*' \
    -o -name '*Designer*' -o -path '*/Qt/qml*' \
    -o \( -path '*/PySide6/*translations/*' ! -name 'qtbase_*.qm' \) \) -print)
[ -z "$unwanted" ] || die "bundle holds what it should not: $unwanted"
# Qt's translations: only qtbase_<lang>.qm of the languages the app has a translation for.
while IFS= read -r qm; do
    lang=$(basename "$qm" .qm)
    [ -f "$internal/gzexplorer/resources/i18n/gzexplorer_${lang#qtbase_}.qm" ] ||
        die "bundle holds a Qt translation the app never loads: $qm"
done < <(find "$internal/PySide6" -name 'qtbase_*.qm')
# Every ELF file must find its libraries, in the bundle or on the system.
missing=$(find "$BUNDLE" -type f \( -name '*.so*' -o -name gzexplorer \) -print0 |
    { xargs -0 ldd 2>/dev/null || true; } | awk '/not found/ { print $1 }' | sort -u | tr '\n' ' ')
if [ -n "$missing" ]; then
    die "libraries not found: $missing
  On Debian/Ubuntu install what Qt's xcb plugin needs (the list is in .ci/run), e.g.
  apt-get install libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0 libxkbcommon-x11-0 libxcb-shape0 libxcb-xkb1 libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3"
fi
echo "bundle: xcb and offscreen plugins, data pack, icons; no QML/WebEngine/Designer; libraries resolve"
bundle_bytes=$(du -sb "$BUNDLE" | cut -f1)

step "archive: $ARCHIVE"
tar -C build/bundle --sort=name --owner=0 --group=0 --numeric-owner -cf - "$BUNDLE_NAME" |
    gzip -6n > "$ARCHIVE"
archive_bytes=$(stat -c %s "$ARCHIVE")

if command -v dpkg-deb >/dev/null 2>&1; then
    step "Debian package: packaging/deb.py"
    "$PYTHON" packaging/deb.py --bundle "$BUNDLE" --version "$VERSION" --outdir dist --workdir build/deb
else
    step "Debian package: skipped (no dpkg-deb on this system)"
fi

step "sizes"
printf '  bundle unpacked  %s (%s bytes; budget 200 MB)\n' "$(mb "$bundle_bytes")" "$bundle_bytes"
printf '  %s  %s (%s bytes; budget 80 MB)\n' "$ARCHIVE" "$(mb "$archive_bytes")" "$archive_bytes"
for f in dist/*.deb dist/*.whl "dist/gzexplorer-$VERSION.tar.gz"; do
    [ -f "$f" ] && printf '  %s  %s (%s bytes)\n' "$f" "$(mb "$(stat -c %s "$f")")" "$(stat -c %s "$f")"
done
[ "$bundle_bytes" -le "$MAX_BUNDLE_BYTES" ] || die "the bundle is over 200 MB"
[ "$archive_bytes" -le "$MAX_ARCHIVE_BYTES" ] || die "the archive is over 80 MB"
printf '\nmake dist: done in %ss\n' "$(($(date +%s) - start))"

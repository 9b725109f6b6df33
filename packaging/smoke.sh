#!/usr/bin/env bash
# Smoke test of the packaged builds; CI (.ci/run) runs it after `make test`.
#
#   packaging/smoke.sh             make dist, then try each package for real
#   packaging/smoke.sh --no-build  try what is in dist/ already
#
# 1. wheel:  pip install into a fresh venv, run from another folder: --version and a
#            headless export (the built-in data must come from site-packages).
#            Each package also exports with --language zh_CN: the compiled translation
#            must be found (a Chinese chart title, nothing on stderr).
# 2. bundle: unpack the .tar.gz, check the xcb plugin is there, --version and a headless
#            export; with Xvfb also an export and the main window on a real X server
#            through the xcb plugin (this catches missing X11 libraries), and an export
#            as in a Wayland session (it must fall back to XWayland without a warning).
# 3. .deb:   dpkg -i (needs root and no gzexplorer package installed), /usr/bin/gzexplorer
#            --version and an export, desktop file, metainfo and icons in place, dpkg -r.
# Every exported PNG is checked: signature, width and height from IHDR (check_png.py).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PYTHON=${PYTHON:-python3}
BUILD=1
[ "${1:-}" = --no-build ] && BUILD=0

VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' src/gzexplorer/__init__.py)
PLATFORM="$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m)"
WHEEL="$ROOT/dist/gzexplorer-$VERSION-py3-none-any.whl"
ARCHIVE="$ROOT/dist/gzexplorer-$VERSION-$PLATFORM.tar.gz"
APP_ID=io.github.gzexplorer.gzexplorer

passed=0
failed=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/gzexplorer-smoke.XXXXXX")
XVFB_PID=
DEB_INSTALLED_BY_US=0
cleanup() {
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
    if [ "$DEB_INSTALLED_BY_US" = 1 ] && dpkg -s gzexplorer >/dev/null 2>&1; then
        dpkg -r gzexplorer >/dev/null 2>&1 || true
    fi
    rm -rf "$TMP"
}
trap cleanup EXIT

section() { printf '\n== %s\n' "$*"; SECTION_START=$(date +%s); }
took() { printf '   (%ss)\n' "$(($(date +%s) - SECTION_START))"; }
# check DESCRIPTION COMMAND...: run it, count it, show its last line of output.
check() {
    local name=$1 out
    shift
    if out=$("$@" 2>&1); then
        passed=$((passed + 1))
        printf '  ok    %s%s\n' "$name" "${out:+  [${out##*$'\n'}]}"
    else
        failed=$((failed + 1))
        printf '  FAIL  %s\n' "$name"
        printf '%s\n' "$out" | tail -n 20 | sed 's/^/        /'
    fi
}
# Run without any display, as on a server: the export subcommand must pick offscreen.
headless() { env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$@"; }
expect_version() { [ "$("$@")" = "gzexplorer $VERSION" ] && echo "gzexplorer $VERSION"; }
export_png() {  # export_png DIR EXE [env...]: the issue's export, then check the PNG
    local dir=$1
    shift
    mkdir -p "$dir"
    (cd "$dir" && "$@" export --theme economy --format png --out X.png >/dev/null) &&
        "$PYTHON" "$ROOT/packaging/check_png.py" "$dir/X.png" 1200 750
}
speaks_chinese() {  # speaks_chinese DIR EXE [env...]: its compiled translation is found
    local dir=$1
    shift
    mkdir -p "$dir"
    (cd "$dir" && "$@" export --theme economy --format svg --language zh_CN --out X.svg \
        >/dev/null 2>err.txt) || { cat "$dir/err.txt"; return 1; }
    [ ! -s "$dir/err.txt" ] || { cat "$dir/err.txt"; return 1; }  # e.g. "not installed"
    grep -q "GDP增长率" "$dir/X.svg" || { echo "the chart title is not in Chinese"; return 1; }
    echo "chart title in Chinese, nothing on stderr"
}
no_missing_libraries() {
    local missing
    missing=$(find "$1" -type f \( -name '*.so*' -o -name gzexplorer \) -print0 |
        { xargs -0 ldd 2>/dev/null || true; } | awk '/not found/ { print $1 }' | sort -u)
    [ -z "$missing" ] || { echo "not found: $missing"; return 1; }
    echo "every library resolves"
}
start=$(date +%s)

if [ "$BUILD" = 1 ]; then
    section "make dist"
    make dist PYTHON="$PYTHON"
    took
fi

section "wheel: $(basename "$WHEEL")"
check "wheel built" test -f "$WHEEL"
"$PYTHON" -m venv "$TMP/wheel-venv"
"$TMP/wheel-venv/bin/pip" install --quiet --disable-pip-version-check "$WHEEL"
GZX="$TMP/wheel-venv/bin/gzexplorer"
check "gzexplorer --version" expect_version headless "$GZX" --version
check "data pack found in site-packages, not the checkout" \
    bash -c "cd '$TMP' && '$TMP/wheel-venv/bin/python' -c 'from gzexplorer.paths import builtin_pack as b; p = str(b()); print(p); assert \"site-packages\" in p'"
check "headless export (another folder)" export_png "$TMP/wheel-out" headless "$GZX"
check "wheel: --language zh_CN finds the translation" speaks_chinese "$TMP/wheel-zh" headless "$GZX"
took

section "bundle: $(basename "$ARCHIVE")"
check "archive built" test -f "$ARCHIVE"
mkdir -p "$TMP/bundle"
tar -xzf "$ARCHIVE" -C "$TMP/bundle"
BUNDLE="$TMP/bundle/gzexplorer-$VERSION"
EXE="$BUNDLE/gzexplorer"
check "xcb platform plugin present" test -f "$BUNDLE/_internal/PySide6/Qt/plugins/platforms/libqxcb.so"
check "offscreen platform plugin present" test -f "$BUNDLE/_internal/PySide6/Qt/plugins/platforms/libqoffscreen.so"
check "bundled libraries resolve (ldd)" no_missing_libraries "$BUNDLE"
check "bundle --version" expect_version headless "$EXE" --version
check "bundle headless export" export_png "$TMP/bundle-out" headless "$EXE"
check "bundle: --language zh_CN finds the translation" speaks_chinese "$TMP/bundle-zh" headless "$EXE"
if command -v Xvfb >/dev/null 2>&1; then
    display=99
    while [ -e "/tmp/.X$display-lock" ] || [ -e "/tmp/.X11-unix/X$display" ]; do
        display=$((display + 1))
    done
    Xvfb ":$display" -screen 0 1440x900x24 -nolisten tcp >"$TMP/xvfb.log" 2>&1 &
    XVFB_PID=$!
    for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
    on_x() { env -u WAYLAND_DISPLAY DISPLAY=":$display" QT_QPA_PLATFORM=xcb "$@"; }
    check "bundle export on X11 (xcb plugin, Xvfb :$display)" export_png "$TMP/bundle-x11" on_x "$EXE"
    window_stays_up() {
        on_x "$EXE" >"$TMP/window.log" 2>&1 &
        local pid=$!
        sleep 4
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid"
            wait "$pid" 2>/dev/null || true
            echo "main window ran 4 s"
        else
            cat "$TMP/window.log"
            return 1
        fi
    }
    check "bundle main window on X11" window_stays_up
    wayland_session_uses_x11() {  # no Wayland plugin in the bundle: XWayland, no warning
        local dir="$TMP/bundle-wayland"
        mkdir -p "$dir"
        (cd "$dir" && env -u QT_QPA_PLATFORM WAYLAND_DISPLAY=wayland-0 XDG_SESSION_TYPE=wayland \
            DISPLAY=":$display" "$EXE" export --theme economy --out X.png >/dev/null 2>err.txt) &&
            [ ! -s "$dir/err.txt" ] || { cat "$dir/err.txt"; return 1; }
        "$PYTHON" "$ROOT/packaging/check_png.py" "$dir/X.png" 1200 750
    }
    check "bundle in a Wayland session runs on XWayland, silently" wayland_session_uses_x11
    kill "$XVFB_PID" 2>/dev/null || true
    XVFB_PID=
else
    echo "  skip  X11 checks: no Xvfb (apt-get install xvfb)"
fi
took

DEB=$(ls "$ROOT"/dist/gzexplorer_"$VERSION"_*.deb 2>/dev/null | head -n 1 || true)
if [ -z "$DEB" ]; then
    echo "  skip  .deb: none in dist/ (no dpkg-deb where it was built)"
elif [ "$(id -u)" != 0 ]; then
    echo "  skip  .deb: dpkg -i needs root"
elif dpkg -s gzexplorer >/dev/null 2>&1; then
    echo "  skip  .deb: a gzexplorer package is installed already; not touching it"
else
    section ".deb: $(basename "$DEB")"
    check "dpkg -i" dpkg -i "$DEB"
    DEB_INSTALLED_BY_US=1
    check "/usr/bin/gzexplorer --version" expect_version headless /usr/bin/gzexplorer --version
    check "/usr/bin/gzexplorer export" export_png "$TMP/deb-out" headless /usr/bin/gzexplorer
    check ".deb: --language zh_CN finds the translation" \
        speaks_chinese "$TMP/deb-zh" headless /usr/bin/gzexplorer
    check "installed tree resolves its libraries (ldd)" no_missing_libraries /opt/gzexplorer
    check "desktop file installed" test -f /usr/share/applications/gzexplorer.desktop
    check "metainfo installed" test -f "/usr/share/metainfo/$APP_ID.metainfo.xml"
    check "icons installed (48 px, 512 px, SVG)" test -f /usr/share/icons/hicolor/48x48/apps/gzexplorer.png \
        -a -f /usr/share/icons/hicolor/512x512/apps/gzexplorer.png \
        -a -f /usr/share/icons/hicolor/scalable/apps/gzexplorer.svg
    if command -v desktop-file-validate >/dev/null 2>&1; then
        check "desktop-file-validate" desktop-file-validate /usr/share/applications/gzexplorer.desktop
    fi
    if command -v appstreamcli >/dev/null 2>&1; then
        check "appstreamcli validate --no-net" appstreamcli validate --no-net "/usr/share/metainfo/$APP_ID.metainfo.xml"
    fi
    check "dpkg -r" dpkg -r gzexplorer
    check "removed: no /opt/gzexplorer, no /usr/bin/gzexplorer" \
        bash -c '! [ -e /opt/gzexplorer ] && ! [ -e /usr/bin/gzexplorer ] && ! [ -L /usr/bin/gzexplorer ]'
    DEB_INSTALLED_BY_US=0
    took
fi

printf '\nsmoke test of the packages took %ss\n' "$(($(date +%s) - start))"
printf 'smoke: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" = 0 ]

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
#            --version and an export, desktop file, metainfo and icons in place; then as a
#            file manager sees it: the dpkg triggers registered the MIME types, xdg-mime
#            and gio tell a *.gzpack.zip and a datapackage.json from a plain .zip and other
#            JSON and name gzexplorer.desktop as their default, and `gio open` / `xdg-open`
#            of each (with Xvfb) bring up gzexplorer's window titled with that pack; dpkg -r.
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
# An X server of our own (Xvfb) on the first free display: start_xvfb sets $display.
start_xvfb() {
    display=99
    while [ -e "/tmp/.X$display-lock" ] || [ -e "/tmp/.X11-unix/X$display" ]; do
        display=$((display + 1))
    done
    Xvfb ":$display" -screen 0 1440x900x24 -nolisten tcp >"$TMP/xvfb.log" 2>&1 &
    XVFB_PID=$!
    for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
}
stop_xvfb() {
    kill "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
    XVFB_PID=
}

# --- the installed .deb's desktop integration, as a file manager sees it ---
PACK_TYPE=application/vnd.gzexplorer.pack+zip    # resources/linux/*.mime.xml
DESCRIPTOR_TYPE=application/vnd.datapackage+json
# A desktop user's clean environment: a fresh home (no mimeapps.list), no desktop named,
# so xdg-utils take their generic path (shared-mime-info through `mimetype`, then
# mimeinfo.cache) and GIO its own (what GNOME's, Cinnamon's, MATE's, Xfce's file managers
# use).
as_user() {
    env -i HOME="$TMP/home" PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        LANG=C.UTF-8 "$@"
}
mime_registered() {  # shared-mime-info's trigger compiled our XML into the database
    local globs
    globs=$(grep -F -e ":$PACK_TYPE:" -e ":$DESCRIPTOR_TYPE:" /usr/share/mime/globs2 || true)
    grep -qF ":$PACK_TYPE:*.gzpack.zip" <<<"$globs" &&
        grep -qF ":$DESCRIPTOR_TYPE:datapackage.json" <<<"$globs" ||
        { echo "not in /usr/share/mime/globs2: '$globs'"; return 1; }
    tr '\n' ' ' <<<"$globs"
}
apps_registered() {  # desktop-file-utils' trigger listed gzexplorer for both types
    local cache=/usr/share/applications/mimeinfo.cache
    grep -q "^$PACK_TYPE=.*gzexplorer\.desktop" "$cache" &&
        grep -q "^$DESCRIPTOR_TYPE=.*gzexplorer\.desktop" "$cache" ||
        { echo "gzexplorer.desktop is not listed for both types in $cache"; return 1; }
    echo "$cache lists gzexplorer.desktop for both"
}
filetype_is() {  # filetype_is FILE TYPE: xdg-mime and GIO both say TYPE
    local xdg gio
    xdg=$(as_user xdg-mime query filetype "$1" 2>&1 | sed 's/;.*//')
    gio=$(as_user gio info -a standard::content-type "$1" 2>&1 |
        sed -n 's/^ *standard::content-type: //p')
    [ "$xdg" = "$2" ] && [ "$gio" = "$2" ] ||
        { echo "$(basename "$1"): xdg-mime says '$xdg', gio says '$gio'; want $2"; return 1; }
    echo "$2 (xdg-mime, gio)"
}
default_is_gzexplorer() {  # default_is_gzexplorer TYPE: xdg-mime and GIO pick gzexplorer
    local xdg gio
    xdg=$(as_user xdg-mime query default "$1" 2>&1)
    gio=$(as_user gio mime "$1" 2>&1 | sed -n '1s/^.*: //p')
    [ "$xdg" = gzexplorer.desktop ] && [ "$gio" = gzexplorer.desktop ] ||
        { echo "$1: xdg-mime default '$xdg', gio default '$gio'"; return 1; }
    echo "gzexplorer.desktop (xdg-mime, gio)"
}
not_claimed() {  # not_claimed TYPE...: gzexplorer is no handler of these at all
    local t
    for t in "$@"; do
        if as_user gio mime "$t" 2>&1 | grep -q gzexplorer; then
            as_user gio mime "$t"
            return 1
        fi
    done
    echo "gzexplorer is not among their applications"
}
# opens_pack TITLE OPENER... FILE: open FILE as a file manager's double-click does (gio
# open or xdg-open, through the desktop file's Exec=gzexplorer %f) and wait for a window
# titled "TITLE — gzexplorer" (the title of the pack in FILE, not the built-in pack's);
# then end that app (its pid read off the window) and wait for the opener.
opens_pack() {
    local title=$1 pattern wid= pid shown opener_pid
    shift
    pattern="^$(printf '%s' "$title — gzexplorer" | sed 's/[][\.*^$()+?{}|]/\\&/g')\$"
    as_user DISPLAY=":$display" "$@" >"$TMP/open.log" 2>&1 &
    opener_pid=$!
    for _ in $(seq 120); do
        wid=$(DISPLAY=":$display" xdotool search --name "$pattern" 2>/dev/null | head -n 1) || true
        [ -n "$wid" ] && break
        sleep 0.5
    done
    if [ -z "$wid" ]; then
        echo "no window titled '$title — gzexplorer' within 60 s; windows:"
        DISPLAY=":$display" xdotool search --name . getwindowname %@ 2>/dev/null || true
        cat "$TMP/open.log"
        # end what it opened instead (any gzexplorer window on our X server), and the opener
        for wid in $(DISPLAY=":$display" xdotool search --name ' — gzexplorer$' 2>/dev/null); do
            pid=$(DISPLAY=":$display" xdotool getwindowpid "$wid" 2>/dev/null) &&
                kill "$pid" 2>/dev/null || true
        done
        kill "$opener_pid" 2>/dev/null || true
        return 1
    fi
    shown=$(DISPLAY=":$display" xdotool getwindowname "$wid")
    pid=$(DISPLAY=":$display" xdotool getwindowpid "$wid")
    kill "$pid"
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    wait "$opener_pid" 2>/dev/null || true
    echo "window: $shown"
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
    start_xvfb
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
    stop_xvfb
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

    # Double-clicking a pack in a file manager. Needs shared-mime-info, desktop-file-utils,
    # xdg-utils, libfile-mimeinfo-perl (xdg-mime's generic path), libglib2.0-bin (gio),
    # xdotool and Xvfb: .ci/run installs them.
    check "MIME XML installed" test -f "/usr/share/mime/packages/$APP_ID.xml"
    check "dpkg trigger: MIME database updated" mime_registered
    check "dpkg trigger: desktop database updated" apps_registered
    files="$TMP/files"
    mkdir -p "$files/pack" "$TMP/home"
    "$PYTHON" - "$ROOT/docs/example-pack" "$files/riverton.gzpack.zip" <<'PY'
import sys, zipfile
from pathlib import Path
pack, out = Path(sys.argv[1]), sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for f in sorted(pack.iterdir()):
        z.write(f, f.name)
PY
    cp "$files/riverton.gzpack.zip" "$files/archive.zip"
    cp -r "$ROOT/tests/packs/busy/." "$files/pack/"
    printf '{"name": "not a pack"}\n' >"$files/settings.json"
    check "a *.gzpack.zip is a pack" filetype_is "$files/riverton.gzpack.zip" "$PACK_TYPE"
    check "the same zip named *.zip stays a zip" filetype_is "$files/archive.zip" application/zip
    check "a datapackage.json is a pack descriptor" \
        filetype_is "$files/pack/datapackage.json" "$DESCRIPTOR_TYPE"
    check "other JSON stays JSON" filetype_is "$files/settings.json" application/json
    check "default for a pack zip: gzexplorer" default_is_gzexplorer "$PACK_TYPE"
    check "default for a datapackage.json: gzexplorer" default_is_gzexplorer "$DESCRIPTOR_TYPE"
    check "zip and JSON not claimed" not_claimed application/zip application/json
    if command -v Xvfb >/dev/null 2>&1 && command -v xdotool >/dev/null 2>&1; then
        start_xvfb
        riverton=$(sed -n 's/^  "title": "\(.*\)",$/\1/p' "$ROOT/docs/example-pack/datapackage.json")
        busy=$(sed -n 's/^  "title": "\(.*\)",$/\1/p' "$files/pack/datapackage.json")
        check "gio open a pack zip: its window" \
            opens_pack "$riverton" gio open "$files/riverton.gzpack.zip"
        check "xdg-open a pack zip: its window" \
            opens_pack "$riverton" xdg-open "$files/riverton.gzpack.zip"
        check "gio open a datapackage.json: its window" \
            opens_pack "$busy" gio open "$files/pack/datapackage.json"
        check "xdg-open a datapackage.json: its window" \
            opens_pack "$busy" xdg-open "$files/pack/datapackage.json"
        stop_xvfb
    else
        echo "  skip  opening a pack as a file manager does: no Xvfb or xdotool"
    fi
    check "dpkg -r" dpkg -r gzexplorer
    check "removed: no /opt/gzexplorer, no /usr/bin/gzexplorer" \
        bash -c '! [ -e /opt/gzexplorer ] && ! [ -e /usr/bin/gzexplorer ] && ! [ -L /usr/bin/gzexplorer ]'
    check "removed: the MIME types and their application unregistered" bash -c \
        "! grep -qF '$PACK_TYPE' /usr/share/mime/globs2 /usr/share/applications/mimeinfo.cache"
    DEB_INSTALLED_BY_US=0
    took
fi

printf '\nsmoke test of the packages took %ss\n' "$(($(date +%s) - start))"
printf 'smoke: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" = 0 ]

"""Build the Debian package of gzexplorer from the PyInstaller bundle, with dpkg-deb.

    python3 packaging/deb.py --bundle build/bundle/gzexplorer-0.1.0 --version 0.1.0 --outdir dist

Layout of the package:

    /opt/gzexplorer/                      the bundle (executable + _internal/)
    /usr/bin/gzexplorer                   symlink to /opt/gzexplorer/gzexplorer
    /usr/share/applications/gzexplorer.desktop
    /usr/share/metainfo/io.github.gzexplorer.gzexplorer.metainfo.xml
    /usr/share/mime/packages/io.github.gzexplorer.gzexplorer.xml (pack zip, datapackage.json)
    /usr/share/icons/hicolor/{16x16..512x512,scalable}/apps/gzexplorer.{png,svg}
    /usr/share/doc/gzexplorer/copyright

Depends: what dpkg-shlibdeps (package dpkg-dev) reads off every ELF file of the bundle
(versioned, from the system libraries the bundle links to: Qt's X11/xcb, OpenGL,
fontconfig, D-Bus ... and Python's OpenSSL, SQLite ...), plus REQUIRED below, which
names the libraries Qt's xcb platform plugin needs even if a future Qt loads some of
them with dlopen. Recommends: a CJK font when the app ships a Chinese translation, and
a colour emoji font (a pack's passages may hold emoji; without a font they show as boxes),
and shared-mime-info and desktop-file-utils, whose triggers register the MIME types.
No maintainer scripts: the triggers of shared-mime-info, desktop-file-utils and
hicolor-icon-theme refresh the MIME database, the menu and MIME-to-application cache and
the icon cache on install and removal (packaging/smoke.sh checks that they did).
Standard library only: runs with any Python 3.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "gzexplorer"
APP_ID = "io.github.gzexplorer.gzexplorer"
MAINTAINER = "gzexplorer contributors <maintainers@users.noreply.r-seed-d563fc95.example>"
HOMEPAGE = "https://github.com/gzexplorer/gzexplorer"

# System libraries the Qt xcb platform plugin and Qt itself need (Qt's list for X11,
# plus OpenGL, fontconfig, xkbcommon and D-Bus). dpkg-shlibdeps finds all of them
# today; listing them keeps them in Depends whatever it finds.
REQUIRED = [
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-cursor0",
    "libxcb-image0",
    "libxcb-render-util0",
    "libxkbcommon-x11-0",
    "libxcb-shape0",
    "libxcb-xkb1",
    "libgl1",
    "libegl1",
    "libfontconfig1",
    "libxkbcommon0",
    "libdbus-1-3",
]

CJK_FONTS = "fonts-wqy-microhei | fonts-noto-cjk"
EMOJI_FONT = "fonts-noto-color-emoji"
# What makes a file manager know a pack zip and a datapackage.json and offer gzexplorer
# for them: shared-mime-info's trigger compiles the MIME XML into /usr/share/mime (GIO and
# Qt read it; without the package no file type is known at all), desktop-file-utils'
# trigger lists the desktop file's MimeType= in /usr/share/applications/mimeinfo.cache
# (xdg-mime and xdg-open read it). Both are on every desktop; Recommends says so.
DESKTOP_INTEGRATION = ["shared-mime-info", "desktop-file-utils"]


def recommends(chinese: bool) -> list[str]:
    """The fonts the package recommends: a CJK font for the Chinese interface (without
    one it stays English), an emoji font for the emoji a pack's text may hold."""
    return [CJK_FONTS, EMOJI_FONT] if chinese else [EMOJI_FONT]


DESCRIPTION = """\
Explorer for the Guizhou digital-transformation case study
 A desktop data explorer for the case study "Leapfrogging with All-Round
 Digital Transformation in Guizhou" (Development Research Center of the State
 Council): the themes economy, governance, ecology and culture, every figure of
 the document as a chart next to the passage it comes from, full-text search,
 and export of any chart as PNG, SVG or CSV.
 .
 This package ships a self-contained build (Python, Qt 6 / PySide6, pyqtgraph,
 pandas) in /opt/gzexplorer."""

COPYRIGHT = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: gzexplorer
Source: {homepage}

Files: *
Copyright: gzexplorer contributors
License: MIT

Files: opt/gzexplorer/_internal/gzexplorer/data/*
Copyright: Xiheng Jiang, Changyu Liu, Development Research Center of the State Council (DRC)
License: other
 The case-study text belongs to its authors and the DRC and is reproduced
 unchanged so that every figure can be checked; the tables' structure and
 annotations are CC-BY-4.0.

Files: opt/gzexplorer/_internal/PySide6/*
 opt/gzexplorer/_internal/shiboken6/*
Copyright: The Qt Company Ltd. and other contributors
License: LGPL-3
 Qt 6 and PySide6 (from the PySide6-Essentials wheel), linked dynamically and
 shipped unmodified as shared libraries. On Debian systems the LGPL-3 is in
 /usr/share/common-licenses/LGPL-3.

Files: opt/gzexplorer/_internal/libpython*
 opt/gzexplorer/_internal/python3*/*
 opt/gzexplorer/_internal/base_library.zip
Copyright: Python Software Foundation
License: PSF-2.0

Files: opt/gzexplorer/_internal/numpy/*
 opt/gzexplorer/_internal/numpy.libs/*
 opt/gzexplorer/_internal/pandas/*
Copyright: NumPy Developers; the pandas development team; OpenBLAS contributors
License: BSD-3-clause

Files: opt/gzexplorer/_internal/pyqtgraph/*
Copyright: Luke Campagnola and the pyqtgraph contributors
License: MIT

Files: opt/gzexplorer/gzexplorer
Copyright: PyInstaller Development Team
License: GPL-2+ with Bootloader exception
 The PyInstaller bootloader may be distributed with any program.

License: MIT
 Permission is hereby granted, free of charge, to any person obtaining a copy
 of this software and associated documentation files (the "Software"), to deal
 in the Software without restriction, including without limitation the rights
 to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 copies of the Software, and to permit persons to whom the Software is
 furnished to do so, subject to the following conditions:
 .
 The above copyright notice and this permission notice shall be included in
 all copies or substantial portions of the Software.
 .
 THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
 IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
 FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT.
"""


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, text=True, **kwargs)


def is_elf(path: Path) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as f:
        return f.read(4) == b"\x7fELF"


def copy_file(src: Path, dest: Path, mode: int = 0o644) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    dest.chmod(mode)


def normalise_modes(tree: Path) -> None:
    """Directories 755, executables 755, other files 644, whatever the umask was."""
    for path in [tree, *tree.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)


def shlibs_depends(pkgroot: Path, elf_files: list[Path]) -> list[str]:
    """dpkg-shlibdeps on the bundle's ELF files: 'libc6 (>= 2.35)', 'libgl1', ..."""
    if not shutil.which("dpkg-shlibdeps"):
        raise SystemExit(
            "deb.py: dpkg-shlibdeps is missing: apt-get install dpkg-dev (it computes Depends)"
        )
    with tempfile.TemporaryDirectory() as tmp:
        # dpkg-shlibdeps wants debian/control of a source package in the current folder.
        (Path(tmp) / "debian").mkdir()
        (Path(tmp) / "debian" / "control").write_text(
            f"Source: {PACKAGE}\n\nPackage: {PACKAGE}\nArchitecture: any\n"
        )
        cmd = ["dpkg-shlibdeps", "-O", f"-S{pkgroot}", "--ignore-missing-info"]
        # --ignore-missing-info: the bundle's own libraries (Qt, ICU, libpython, OpenBLAS)
        # come from no Debian package and have no shlibs file; -S finds them in the tree.
        cmd += [f"-e{p}" for p in elf_files]
        proc = subprocess.run(cmd, cwd=tmp, text=True, capture_output=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit("deb.py: dpkg-shlibdeps failed (a library the bundle needs is missing?)")
    match = re.search(r"^shlibs:Depends=(.*)$", proc.stdout, re.M)
    return [d.strip() for d in match.group(1).split(",")] if match else []


def merge_depends(found: list[str], required: list[str]) -> list[str]:
    by_name = {re.split(r"[ (]", d, maxsplit=1)[0]: d for d in found}
    for name in required:
        by_name.setdefault(name, name)
    return [by_name[name] for name in sorted(by_name)]


def build(bundle: Path, version: str, outdir: Path, workdir: Path) -> Path:
    arch = run(["dpkg", "--print-architecture"], capture_output=True).stdout.strip()
    pkgroot = workdir / f"{PACKAGE}_{version}_{arch}"
    if pkgroot.exists():
        shutil.rmtree(pkgroot)
    (pkgroot / "DEBIAN").mkdir(parents=True)

    opt = pkgroot / "opt" / PACKAGE
    shutil.copytree(bundle, opt, symlinks=True)
    (pkgroot / "usr" / "bin").mkdir(parents=True)
    (pkgroot / "usr" / "bin" / PACKAGE).symlink_to(f"/opt/{PACKAGE}/{PACKAGE}")

    share = pkgroot / "usr" / "share"
    linux = ROOT / "resources" / "linux"
    copy_file(linux / f"{PACKAGE}.desktop", share / "applications" / f"{PACKAGE}.desktop")
    copy_file(linux / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml")
    # the MIME types of a pack zip and of datapackage.json (shared-mime-info's trigger
    # updates the database on install)
    copy_file(linux / f"{APP_ID}.mime.xml", share / "mime" / "packages" / f"{APP_ID}.xml")
    icons = ROOT / "resources" / "icons"
    copy_file(icons / "gzexplorer.svg", share / "icons/hicolor/scalable/apps/gzexplorer.svg")
    pngs = sorted((icons / "hicolor").glob("*/apps/gzexplorer.png"))
    if not pngs:
        raise SystemExit("deb.py: no PNG icons in resources/icons/hicolor: make_icons.py")
    for png in pngs:
        copy_file(png, share / "icons" / "hicolor" / png.relative_to(icons / "hicolor"))
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(COPYRIGHT.format(homepage=HOMEPAGE))
    normalise_modes(pkgroot)

    elf_files = sorted(p for p in opt.rglob("*") if is_elf(p))
    depends = merge_depends(shlibs_depends(pkgroot, elf_files), REQUIRED)
    installed_kb = sum(
        (p.lstat().st_size + 1023) // 1024
        for p in pkgroot.rglob("*")
        if "DEBIAN" not in p.relative_to(pkgroot).parts
    )
    chinese = any((opt / "_internal" / "gzexplorer" / "resources" / "i18n").glob("*_zh*.qm"))
    recommended = ", ".join(recommends(chinese) + DESKTOP_INTEGRATION)
    control = (
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kb}\n"
        f"Depends: {', '.join(depends)}\n"
        f"Recommends: {recommended}\n"
        "Section: science\n"
        "Priority: optional\n"
        f"Homepage: {HOMEPAGE}\n"
        f"Description: {DESCRIPTION}\n"
    )
    (pkgroot / "DEBIAN" / "control").write_text(control)
    (pkgroot / "DEBIAN" / "control").chmod(0o644)

    outdir.mkdir(parents=True, exist_ok=True)
    deb = outdir / f"{PACKAGE}_{version}_{arch}.deb"
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(pkgroot), str(deb)])
    print(f"Depends: {', '.join(depends)}")
    print(f"Recommends: {recommended}")
    return deb


def main() -> int:
    parser = argparse.ArgumentParser(description="Build the gzexplorer .deb from the bundle.")
    parser.add_argument("--bundle", type=Path, required=True, help="the PyInstaller folder")
    parser.add_argument("--version", required=True)
    parser.add_argument("--outdir", type=Path, default=ROOT / "dist")
    parser.add_argument("--workdir", type=Path, default=ROOT / "build" / "deb")
    args = parser.parse_args()
    if not (args.bundle / PACKAGE).is_file():
        parser.error(f"{args.bundle} holds no {PACKAGE} executable")
    print(build(args.bundle.resolve(), args.version, args.outdir.resolve(), args.workdir.resolve()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

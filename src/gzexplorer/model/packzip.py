"""A data pack as one ``.zip`` file: checked, then extracted into a temporary folder the
app owns for the session, which the loader reads as any pack folder.

Refused, with one line each: a file that is not a zip or is damaged, a member whose
name is absolute or leaves the archive (``..``), a symbolic link, an encrypted member,
too many members, more than MAX_TOTAL_BYTES unpacked, a member that unpacks to more
than MAX_RATIO times its packed size (a zip bomb), and an archive without
``datapackage.json`` at its root or in its one folder. Standard library only.
"""

from __future__ import annotations

import atexit
import shutil
import stat
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from gzexplorer.model.errors import DataPackError, Problem

DESCRIPTOR = "datapackage.json"
SUFFIX = ".zip"
MAX_ZIP_BYTES = 1 * 2**30
MAX_TOTAL_BYTES = 2 * 2**30
MAX_MEMBERS = 10_000
MAX_RATIO = 200  # unpacked / packed, for members over RATIO_FROM bytes
RATIO_FROM = 2**20
_CHUNK = 2**20

_extracted: dict[tuple[str, int, int], Path] = {}
_folders: list[Path] = []


def is_zip_path(path: Path) -> bool:
    """Whether ``path`` names a pack zip (by its name: a damaged zip is still one)."""
    return path.suffix.lower() == SUFFIX and not path.is_dir()


def _fail(path: Path, message: str) -> DataPackError:
    return DataPackError([Problem(path.name, message)], str(path))


def _member_problem(info: zipfile.ZipInfo) -> str:
    name = info.filename
    pure = PurePosixPath(name.replace("\\", "/"))
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return f"the member {name!r} has an absolute path; refused"
    if ".." in pure.parts:
        return f"the member {name!r} leaves the archive (..); refused"
    if stat.S_ISLNK(info.external_attr >> 16):
        return f"the member {name!r} is a symbolic link; refused"
    if info.flag_bits & 0x1:
        return f"the member {name!r} is encrypted; gzexplorer cannot read it"
    if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        return (
            f"the member {name!r} unpacks to {info.file_size:,} bytes from "
            f"{info.compress_size:,} (a zip bomb?); refused"
        )
    return ""


def _root(names: list[str]) -> str:
    """The folder (``""`` or ``"x/"``) holding datapackage.json, or "?" if none is."""
    if DESCRIPTOR in names:
        return ""
    roots = [n[: -len(DESCRIPTOR)] for n in names if n.endswith("/" + DESCRIPTOR)]
    roots = [r for r in roots if r.count("/") == 1]
    return roots[0] if len(roots) == 1 else "?"


def extract(path: str | Path) -> Path:
    """The pack folder inside the zip at ``path``, extracted once per session.

    Raises DataPackError (one problem) if the zip is refused."""
    p = Path(path).expanduser()
    try:
        st = p.stat()
    except OSError as exc:
        raise _fail(p, f"cannot read: {exc.strerror}") from None
    key = (str(p.resolve()), st.st_size, st.st_mtime_ns)
    if key in _extracted and _extracted[key].is_dir():
        return _extracted[key]
    if st.st_size > MAX_ZIP_BYTES:
        raise _fail(p, f"the zip is {st.st_size:,} bytes; at most {MAX_ZIP_BYTES:,} are read")
    try:
        with zipfile.ZipFile(p) as archive:
            folder = _extract(p, archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError):
        raise _fail(p, "not a valid zip archive (damaged or not a zip)") from None
    except OSError as exc:
        raise _fail(p, f"cannot read: {exc.strerror or exc}") from None
    _extracted[key] = folder
    return folder


def _extract(p: Path, archive: zipfile.ZipFile) -> Path:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise _fail(p, f"the zip has {len(members):,} members; at most {MAX_MEMBERS:,}")
    total = 0
    for info in members:
        problem = _member_problem(info)
        if problem:
            raise _fail(p, problem)
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise _fail(p, f"the zip unpacks to {total:,} bytes; at most {MAX_TOTAL_BYTES:,}")
    names = [i.filename for i in members if not i.is_dir()]
    root = _root(names)
    if root == "?":
        raise _fail(p, f"not a data pack: no {DESCRIPTOR} at the zip's root or in its one folder")
    target = Path(tempfile.mkdtemp(prefix="gzexplorer-pack-"))
    _folders.append(target)
    try:
        for info in members:
            dest = target.joinpath(*PurePosixPath(info.filename.replace("\\", "/")).parts)
            if info.is_dir():
                dest.mkdir(parents=True, exist_ok=True)
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            written = 0
            with archive.open(info) as src, open(dest, "wb") as out:
                while chunk := src.read(_CHUNK):
                    written += len(chunk)
                    if written > info.file_size:  # a header that lies about the size
                        raise _fail(p, f"the member {info.filename!r} is larger than declared")
                    out.write(chunk)
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    return target / root if root else target


def cleanup() -> None:
    """Remove every folder extracted this session."""
    while _folders:
        shutil.rmtree(_folders.pop(), ignore_errors=True)
    _extracted.clear()


atexit.register(cleanup)


def write_zip(folder: Path, out, name: str = "") -> None:
    """Write the pack folder's files into the open binary file ``out`` as a zip, under
    one folder ``name`` (default: none, the files at the root). Symbolic links and
    anything outside ``folder`` are left out."""
    base = folder.resolve()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(base.rglob("*")):
            if file.is_symlink() or not file.is_file():
                continue
            rel = file.relative_to(base).as_posix()
            archive.write(file, f"{name}/{rel}" if name else rel)

"""Writing files so that a failure never leaves a partial or clobbered file."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import IO


class WriteError(Exception):
    """A file could not be written; the message names the file and the reason."""


def check_target(path: str | Path) -> Path:
    """The target as a Path, or WriteError if it cannot be written there."""
    p = Path(path).expanduser()
    if p.exists() and p.is_dir():
        raise WriteError(f"{p}: is a folder; give a file name")
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.exists():
        raise WriteError(f"{p}: the folder {parent} does not exist")
    if not parent.is_dir():
        raise WriteError(f"{p}: {parent} is a file, not a folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise WriteError(f"{p}: no permission to write in {parent}")
    return p


def atomic_write(path: str | Path, write: Callable[[IO[bytes]], None]) -> Path:
    """Write via ``write(fileobj)`` to a temporary file beside ``path``, then rename.

    On any failure the temporary file is removed, an existing ``path`` is untouched,
    and WriteError says what went wrong.
    """
    target = check_target(path)
    try:
        import tempfile  # imported when writing: the app's start does not need it

        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise WriteError(f"{target}: could not write: {_reason(exc)}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as exc:
        _remove(tmp)
        raise WriteError(f"{target}: could not write: {_reason(exc)}") from None
    except BaseException:
        _remove(tmp)
        raise
    return target


def write_bytes(path: str | Path, data: bytes) -> Path:
    return atomic_write(path, lambda f: f.write(data))


def _reason(exc: OSError) -> str:
    return "the disk is full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))


def _remove(tmp: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(tmp)

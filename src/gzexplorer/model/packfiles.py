"""The files of a data pack, read without trusting them: the descriptor, resource paths
that may not leave the pack folder nor name a pipe or a device, sizes checked before
reading, UTF-8 text (a BOM is accepted), a declared ``bytes`` count or ``hash``.
Standard library only: the first frame reads through here too.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from pathlib import Path
from typing import Any

from gzexplorer.model.errors import DataPackError, Problem, Problems

DESCRIPTOR = "datapackage.json"
MAX_DESCRIPTOR_BYTES = 4 * 2**20
MAX_RESOURCE_BYTES = 1 * 2**30
NAME_PATTERN = re.compile(r"^([-a-z0-9._/])+$")  # resource names, as frictionless


def locate(path: str | Path) -> tuple[Path, Path]:
    """The pack folder and its descriptor, for a folder, a datapackage.json path or a
    ``.zip`` holding a pack (extracted into a temporary folder for the session)."""
    p = Path(path).expanduser()
    if not p.exists():
        raise DataPackError([Problem(str(p), "no such file or folder")], str(p))
    if p.suffix.lower() == ".zip" and not p.is_dir():
        from gzexplorer.model import packzip  # a zip: checked and extracted for the session

        p = packzip.extract(p)
    if p.is_dir():
        descriptor = p / DESCRIPTOR
        if not descriptor.is_file():
            raise DataPackError(
                [Problem(str(p), f"not a data pack: the folder has no {DESCRIPTOR}")], str(p)
            )
        return p, descriptor
    return p.parent, p


def read_descriptor(descriptor: Path) -> dict[str, Any]:
    name = descriptor.name

    def fail(message: str) -> DataPackError:
        return DataPackError([Problem(name, message)], str(descriptor.parent))

    size = descriptor.stat().st_size
    if size == 0:
        raise fail("the file is empty; expected a JSON object describing the pack")
    if size > MAX_DESCRIPTOR_BYTES:
        raise fail(
            f"the file is {size:,} bytes; a descriptor may be at most {MAX_DESCRIPTOR_BYTES:,}"
        )
    try:
        raw = descriptor.read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):  # JSON may not begin with one (RFC 8259)
            raise fail("the file begins with a byte order mark (BOM); save it as UTF-8 without")
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise fail(f"not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise fail(f"cannot read: {exc.strerror}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataPackError(
            [Problem(name, f"invalid JSON: {exc.msg} (column {exc.colno})", row=exc.lineno)],
            str(descriptor.parent),
        ) from None
    except RecursionError:  # "[[[[…" thousands deep: the parser gives up
        raise fail("invalid JSON: nested too deeply") from None
    if not isinstance(data, dict):
        raise fail("expected a JSON object at the top level")
    if not isinstance(data.get("resources"), list):
        raise fail('expected a "resources" list')
    return data


def resource_path(
    folder: Path,
    resource: dict[str, Any],
    where: str,
    problems: Problems,
    limit: int | None = None,
) -> Path | None:
    """The resource's file, or None (with a problem) if its path is unsafe or missing,
    or the file is bigger than ``limit`` (default MAX_RESOURCE_BYTES)."""
    rel = resource.get("path")
    if not isinstance(rel, str) or not rel:
        problems.add(
            where, 'expected a "path" naming a file inside the pack folder', code="source-error"
        )
        return None
    if rel.startswith(("/", "\\")) or Path(rel).is_absolute() or "://" in rel:
        problems.add(
            where, f'path "{rel}" must be relative to the pack folder', code="source-error"
        )
        return None
    if ".." in Path(rel).parts:
        problems.add(where, f'path "{rel}" leaves the pack folder', code="source-error")
        return None
    target = folder / rel
    try:
        resolved = target.resolve(strict=True)
    except (FileNotFoundError, NotADirectoryError, RuntimeError):
        problems.add(rel, "file not found in the pack folder", code="source-error")
        return None
    except ValueError:  # a NUL character in the path
        problems.add(where, f"path {_quoted(rel)} is not a valid file name", code="source-error")
        return None
    except OSError as exc:  # a name too long, a symlink loop, no permission
        problems.add(
            where,
            f"path {_quoted(rel)} cannot be opened: {exc.strerror or exc}",
            code="source-error",
        )
        return None
    if not resolved.is_relative_to(folder.resolve()):
        problems.add(rel, "links outside the pack folder; refused", code="source-error")
        return None
    if resolved.is_dir():
        problems.add(rel, "expected a file, found a folder", code="source-error")
        return None
    if not resolved.is_file():
        problems.add(rel, "not a regular file (a pipe or a device); refused", code="source-error")
        return None
    size = resolved.stat().st_size
    limit = MAX_RESOURCE_BYTES if limit is None else limit
    if size > limit:
        problems.add(
            rel, f"the file is {size:,} bytes; at most {limit:,} are read", code="source-error"
        )
        return None
    return resolved


def _quoted(rel: str) -> str:
    """A path for a message: quoted, control characters escaped, at most 80 characters."""
    return json.dumps(rel if len(rel) <= 80 else rel[:79] + "…", ensure_ascii=False)


def read_text(
    path: Path, rel: str, problems: Problems, records: bool = False, resource: dict | None = None
) -> str | None:
    """The file's text; ``records`` numbers a bad byte's row by CSV records, not lines.
    A ``bytes`` count or ``hash`` declared by the ``resource`` must match the file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.add(rel, f"cannot read: {exc.strerror}", code="source-error")
        return None
    if resource is not None and not _integrity(data, resource, rel, problems):
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        if records:  # a quoted cell may span lines: count the records before the bad byte
            before = data[: exc.start].decode("utf-8", errors="replace") + "x"
            with contextlib.suppress(csv.Error):
                line = sum(1 for _ in csv.reader(io.StringIO(before, newline="")))
        problems.add(
            rel,
            f"not UTF-8 text (byte {exc.start}); save the file as UTF-8",
            row=line,
            code="encoding-error",
        )
        return None


def _integrity(data: bytes, resource: dict, rel: str, problems: Problems) -> bool:
    declared = resource.get("bytes")
    if declared is not None and declared != len(data):
        problems.add(
            rel,
            f"the file has {len(data):,} bytes; datapackage.json declares {declared}",
            code="byte-count-error",
        )
        return False
    declared = resource.get("hash")
    if declared is not None:
        import hashlib  # seldom declared: not imported for the first frame

        algorithm, _, digest = str(declared).rpartition(":")
        algorithm = algorithm or "md5"
        if algorithm not in ("md5", "sha1", "sha256", "sha512"):
            problems.add(rel, f'hash algorithm "{algorithm}" is not known', code="hash-count-error")
            return False
        actual = hashlib.new(algorithm, data).hexdigest()
        if actual != digest:  # hex digits in lower case, as frictionless compares
            problems.add(
                rel,
                f"the file's {algorithm} hash is {actual}; datapackage.json declares {digest}",
                code="hash-count-error",
            )
            return False
    return True


def check_file(path: Path, resource: dict, rel: str, problems: Problems) -> None:
    """A resource gzexplorer does not read: its declared ``bytes`` and ``hash``."""
    if "bytes" in resource or "hash" in resource:
        try:
            data = path.read_bytes()
        except OSError as exc:
            problems.add(rel, f"cannot read: {exc.strerror}", code="source-error")
            return
        _integrity(data, resource, rel, problems)


_TEXT_PROPERTIES = ("name", "id", "title", "description", "version", "homepage", "image", "created")
_LIST_PROPERTIES = ("licenses", "sources", "contributors", "keywords")


def _check_metadata(item: dict[str, Any], where: str, problems: Problems) -> None:
    """What the Data Package spec says of a package's or a resource's own properties:
    text where text is meant, lists of objects, licences with a name or a path."""
    for key in _TEXT_PROPERTIES:
        if key in item and not isinstance(item[key], str):
            problems.add(where, f'"{key}" must be text', code="descriptor-error")
    for key in _LIST_PROPERTIES:
        if key not in item:
            continue
        value = item[key]
        kind = str if key == "keywords" else dict
        if not isinstance(value, list) or not all(isinstance(v, kind) for v in value):
            what = "text" if kind is str else "objects"
            problems.add(where, f'"{key}" must be a list of {what}', code="descriptor-error")
        elif key == "licenses" and not all("name" in v or "path" in v for v in value):
            problems.add(where, 'each licence needs a "name" or a "path"', code="descriptor-error")
    if "created" in item and isinstance(item["created"], str):
        from datetime import datetime

        try:
            datetime.fromisoformat(item["created"].replace("Z", "+00:00"))
        except ValueError:
            problems.add(
                where, '"created" must be a date and time (ISO 8601)', code="descriptor-error"
            )


def check_descriptor(descriptor: dict[str, Any], name: str, problems: Problems) -> dict[str, dict]:
    """The resources by name; problems for what the Data Package spec refuses (a
    resource without a valid, unique name; a bad package name; metadata of the wrong
    kind; a profile gzexplorer cannot vouch for)."""
    _check_metadata({k: v for k, v in descriptor.items() if k != "name"}, name, problems)
    profile = descriptor.get("profile", "data-package")
    if profile not in ("data-package", "tabular-data-package"):
        problems.add(
            name,
            f'profile "{profile}": gzexplorer checks packs by the "data-package" profile',
            code="descriptor-error",
        )
    package_name = descriptor.get("name")
    if package_name is not None and (
        not isinstance(package_name, str) or not NAME_PATTERN.match(package_name)
    ):
        problems.add(
            name,
            f"the package name {package_name!r} may hold only a-z, 0-9, - . _ and /",
            code="descriptor-error",
        )
    by_name: dict[str, dict] = {}
    for i, res in enumerate(descriptor["resources"]):
        if not isinstance(res, dict) or not isinstance(res.get("name"), str):
            problems.add(name, f'resource {i + 1} has no "name"', code="descriptor-error")
        elif not NAME_PATTERN.match(res["name"]):
            problems.add(
                name,
                f'resource {i + 1}: the name "{res["name"]}" may hold only a-z, 0-9, - . _ and /',
                code="descriptor-error",
            )
        elif res["name"] in by_name:
            problems.add(name, f'two resources are named "{res["name"]}"', code="descriptor-error")
        else:
            by_name[res["name"]] = res
            where = f'{name}: resource "{res["name"]}"'
            _check_metadata({k: v for k, v in res.items() if k != "name"}, where, problems)
            res_profile = res.get("profile", "data-resource")
            if res_profile not in ("data-resource", "tabular-data-resource"):
                problems.add(
                    where, f'profile "{res_profile}" is not known', code="descriptor-error"
                )
            elif res_profile == "tabular-data-resource" and "schema" not in res:
                problems.add(
                    where, "a tabular-data-resource needs a schema", code="descriptor-error"
                )
            elif profile == "tabular-data-package" and "schema" not in res:
                problems.add(
                    where,
                    "in a tabular-data-package every resource is a table with a schema",
                    code="descriptor-error",
                )
    return by_name

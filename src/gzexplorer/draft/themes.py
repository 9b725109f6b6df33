"""Themes and their keywords, kept as data: ``themes.toml`` beside this module, and
the user's own file (``~/.config/gzexplorer/themes.toml``) over it."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from gzexplorer.model import profile

BUILT_IN = Path(__file__).with_name("themes.toml")
DEFAULT = ("economy", "governance", "ecology", "culture")


class ThemeError(Exception):
    """A theme list or keyword file that cannot be used: one line for the user."""


def user_file() -> Path:
    """Where a user keeps their own themes and keywords."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "gzexplorer" / "themes.toml"


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    description: str
    icon: str
    keywords: tuple[str, ...]

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        parts = []
        for k in self.keywords:
            word = re.escape(k.rstrip("*")).replace(r"\ ", r"\s+")
            parts.append(word + (r"[\w-]*" if k.endswith("*") else ""))
        body = "|".join(sorted(parts, key=len, reverse=True)) or r"(?!x)x"
        return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)

    def hits(self, text: str) -> int:
        return len(self.pattern.findall(text))


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ThemeError(f"cannot read the theme keywords in {path}: {exc}") from None


def load(ids: list[str] | None = None, extra: Path | None = None) -> tuple[list[Theme], list[str]]:
    """The themes named by ``ids`` (default: the four of the built-in pack), with
    their keywords, and notes for the user (a theme with no keyword list)."""
    tables = dict(_read(BUILT_IN))
    own = extra if extra is not None else user_file()
    if own.is_file():
        tables.update(_read(own))
    wanted = list(ids) if ids else list(DEFAULT)
    themes, notes = [], []
    for tid in wanted:
        if not re.fullmatch(profile.ID_PATTERN, tid):
            raise ThemeError(
                f"--themes: {tid!r} is not an id (letters, digits, _ . -, starting with "
                "a letter or digit)"
            )
        spec = tables.get(tid, {})
        keywords = spec.get("keywords")
        if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
            words = [w for w in re.split(r"[_.-]+", tid) if w]
            keywords = [w + "*" for w in words]
            notes.append(
                f"theme {tid!r} has no keyword list; it is matched by its name only "
                f"(add keywords in {user_file()})"
            )
        icon = str(spec.get("icon", tid if tid in profile.ICONS else ""))
        themes.append(
            Theme(
                tid,
                str(spec.get("name", tid.replace("_", " ").replace("-", " ").capitalize())),
                str(spec.get("description", "")),
                icon if icon in profile.ICONS else "",
                tuple(keywords),
            )
        )
    if len({t.id for t in themes}) != len(themes):
        raise ThemeError("--themes names a theme twice")
    return themes, notes


def tag(themes: list[Theme], text: str) -> list[str]:
    """The ids of the themes whose keywords ``text`` holds, in the themes' order."""
    return [t.id for t in themes if t.hits(text)]

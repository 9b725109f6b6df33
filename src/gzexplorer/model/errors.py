"""What can be wrong with a data pack, as data: problems, warnings and the one error
type the model raises."""

from __future__ import annotations

from dataclasses import asdict, dataclass

MAX_PROBLEMS_PER_FILE = 30


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or, as a warning, probably wrong) with a data pack.

    ``row`` counts like frictionless does: the header is row 1, the first record row 2.
    ``code`` names the rule, for machines (``type-error``, ``quote-not-in-passage`` ...).
    """

    file: str
    message: str
    row: int | None = None
    field: str | None = None
    code: str = "error"
    warning: bool = False

    def __str__(self) -> str:
        where = self.file if self.row is None else f"{self.file}:{self.row}"
        text = (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )
        return f"warning: {text}" if self.warning else text

    def as_dict(self) -> dict:
        """For ``gzexplorer validate --json``."""
        out = asdict(self)
        out["severity"] = "warning" if out.pop("warning") else "error"
        return out


class Problems:
    """Collects problems while a pack is read, at most MAX_PROBLEMS_PER_FILE errors (and
    as many warnings) per file, then one line saying that more were not listed."""

    def __init__(self) -> None:
        self.items: list[Problem] = []
        self._per_file: dict[tuple[str, bool], int] = {}

    def add(
        self,
        file: str,
        message: str,
        row: int | None = None,
        field: str | None = None,
        code: str = "error",
        warning: bool = False,
    ) -> None:
        key = (file, warning)
        n = self._per_file.get(key, 0) + 1
        self._per_file[key] = n
        if n <= MAX_PROBLEMS_PER_FILE:
            self.items.append(Problem(file, message, row, field, code, warning))
        elif n == MAX_PROBLEMS_PER_FILE + 1:
            kind = "warnings" if warning else "problems"
            self.items.append(
                Problem(
                    file, f"more {kind} in this file were not listed", None, None, "more", warning
                )
            )

    def warn(
        self,
        file: str,
        message: str,
        row: int | None = None,
        field: str | None = None,
        code: str = "warning",
    ) -> None:
        self.add(file, message, row, field, code, warning=True)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.warning]

    def __bool__(self) -> bool:
        """True when there is an error (warnings alone do not stop a load)."""
        return any(not p.warning for p in self.items)


class DataPackError(Exception):
    """A data pack could not be loaded; ``problems`` lists every error found and
    ``warnings`` what was probably wrong besides."""

    def __init__(
        self, problems: list[Problem], pack: str = "", warnings: list[Problem] | None = None
    ) -> None:
        self.problems = list(problems)
        self.warnings = list(warnings or [])
        self.pack = pack
        super().__init__("\n".join(str(p) for p in self.problems))

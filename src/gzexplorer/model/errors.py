"""The one error type the model raises for a bad data pack."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data pack.

    ``row`` counts like frictionless does: the header is row 1, the first record row 2.
    """

    file: str
    message: str
    row: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.file if self.row is None else f"{self.file}:{self.row}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class DataPackError(Exception):
    """A data pack could not be loaded; ``problems`` lists every reason found."""

    def __init__(self, problems: list[Problem], pack: str = "") -> None:
        self.problems = list(problems)
        self.pack = pack
        super().__init__("\n".join(str(p) for p in self.problems))

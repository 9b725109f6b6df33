"""QSettings with types checked: a corrupt or wrong-typed value falls back to its default."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings


class Settings:
    def __init__(self, qsettings: QSettings) -> None:
        self.q = qsettings

    def get(self, key: str, kind: type, default: Any) -> Any:
        try:
            value = self.q.value(key)
        except Exception:  # a value Qt cannot decode
            return default
        if value is None:
            return default
        if kind is bool:
            if isinstance(value, bool):
                return value
            if isinstance(value, str) and value.lower() in ("true", "false"):
                return value.lower() == "true"
            return default
        if kind is QByteArray:
            return value if isinstance(value, QByteArray) and not value.isEmpty() else default
        if kind is int:
            try:
                return int(value)
            except (TypeError, ValueError):
                return default
        return value if isinstance(value, kind) else default

    def set(self, key: str, value: Any) -> None:
        self.q.setValue(key, value)

    def sync(self) -> None:
        self.q.sync()

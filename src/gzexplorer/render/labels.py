"""WrappedLabel: a word-wrapped QLabel that remembers the heights it has measured."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


class WrappedLabel(QLabel):
    """A word-wrapping label whose height for a width is measured once per text.

    Qt lays the text out again for every ``heightForWidth`` call, and a window's layout
    asks each wrapped label several times whenever any widget is shown, hidden or
    given new text: most of the cost of a theme switch. The answer depends only on
    the text, the font, the margins and the width, which make the key."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("wordWrap", True)
        super().__init__(*args, **kwargs)
        self._heights: dict[tuple, int] = {}

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt naming)
        m = self.contentsMargins()
        key = (
            width,
            self.text(),
            self.font().key(),
            m.left(),
            m.top(),
            m.right(),
            m.bottom(),
            self.wordWrap(),
        )
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 256:  # texts come and go; keep the memo small
                self._heights.clear()
            height = self._heights[key] = super().heightForWidth(width)
        return height

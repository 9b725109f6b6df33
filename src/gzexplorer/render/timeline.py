"""Timelines: one dot per dated event, in the lane charts/ gave it, its title beside it."""

from __future__ import annotations

from gzexplorer.render.renderer import Range, Renderer


class TimelineRenderer(Renderer):
    left_axis = False  # lanes are no quantity

    def axis_labels(self) -> tuple[str, str]:
        return "", ""  # the years speak for themselves

    def draw(self) -> None:
        s = self.canvas.chart_style
        self.grid(True, False)
        self.marks = list(self.spec.marks())
        years = [m.x for m in self.marks] or [0.0]
        lo, hi = min(years), max(years)
        mid = (lo + hi) / 2
        for series in self.spec.series:
            marks = list(series.marks)
            xs, lanes = [m.x for m in marks], [m.y for m in marks]
            self.canvas.add_scatter(marks, xs, lanes, self.color(series.color), size=s.marker + 3)
            for m in marks:
                if hi == lo:  # a single year: the label sits centred above its dot
                    anchor, x = (0.5, 1.4), m.x
                elif m.x > mid:  # right half: label to the left, so it stays inside
                    anchor, x = (1, 0.5), m.x - 0.18
                else:
                    anchor, x = (0, 0.5), m.x + 0.18
                self.text(m.label, x, m.y, anchor, s.text, s.body_pt)

    def view_range(self) -> Range:
        xs = [m.x for m in self.marks] or [0]
        pad = max(1.0, (max(xs) - min(xs)) * 0.08)
        return (min(xs) - pad, max(xs) + pad), (-1, len(self.marks))

"""Two partners' answers to one assessment, side by side (issue 10's mutual reveal): which items they answered the
same way, how far apart the others are, and the one to talk about first. A conversation starter, never a grade."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from intimacy_desktop.core.practice import FIVE_POINT, Assessment, Item, Scale


@dataclass(frozen=True)
class Row:
    item: Item
    a: object
    b: object
    apart: float  # 0 when the same; five-point scales: the steps between; hours: the hours between; else 1


@dataclass(frozen=True)
class Comparison:
    rows: tuple[Row, ...]

    @property
    def same(self) -> int:
        return sum(1 for r in self.rows if r.apart == 0)

    @property
    def furthest(self) -> Item | None:
        """The item to talk about first: the furthest apart (the first of equals), None when all match."""
        best = max(self.rows, key=lambda r: r.apart, default=None)
        return best.item if best is not None and best.apart > 0 else None


def distance(item: Item, a: object, b: object) -> float:
    if item.scale in FIVE_POINT or item.scale is Scale.HOURS:
        return abs(float(a) - float(b))  # type: ignore[arg-type]
    return 0.0 if a == b else 1.0


def compare(assessment: Assessment, first: Mapping[str, object], second: Mapping[str, object]) -> Comparison:
    return Comparison(tuple(Row(i, first[i.id], second[i.id], distance(i, first[i.id], second[i.id]))
                            for i in assessment.items))

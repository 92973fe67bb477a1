"""NumPy's order of numbers, one lane at a time: sorting, ranking, searching, de-duplicating.

NumPy sorts numbers ascending with every NaN last (NaN compares false with everything,
so a plain sort would leave it wherever it was). ``False`` comes before ``True``, and
``-0.0`` equals ``0.0``, so the two keep the order they had. Python's ``sorted`` is a
stable merge sort (Timsort), which is what NumPy's ``kind="stable"`` promises; NumPy's
default ``kind="quicksort"`` promises no order for equal elements, and zeronn gives the
stable order for it too.

- ``check_kind(kind, stable)``: the ``kind`` and ``stable`` arguments, checked as NumPy does;
- ``sort_lane(lane)``, ``argsort_lane(lane)``: one lane sorted, or the indices that sort it;
- ``search_lane(lane, values, side)``: where ``values`` would go in a sorted lane;
- ``unique_lane(lane, equal_nan)``: the sorted distinct values, with the first index of
  each, which unique each element is, and how many times each occurs.

>>> nan = float("nan")
>>> sort_lane([3.0, nan, -1.0, 2.0]), argsort_lane([3.0, nan, -1.0, 2.0])
([-1.0, 2.0, 3.0, nan], [2, 3, 0, 1])
>>> search_lane([1, 2, 2, 3], [2, 5], "left")
[1, 4]
"""

from __future__ import annotations

__all__ = ["check_kind", "sort_lane", "argsort_lane", "search_lane", "unique_lane", "Unique"]

from bisect import bisect_left, bisect_right
from typing import Any, List, NamedTuple, Optional, Sequence

_KINDS = ("quicksort", "mergesort", "heapsort", "stable")


def check_kind(kind: Optional[str], stable: Optional[bool]) -> None:
    """Check NumPy's ``kind`` and ``stable`` arguments of ``sort`` and ``argsort``. Every kind
    gives the stable order here, so only their spelling is checked.

    >>> check_kind("stable", None)
    >>> check_kind("bogo", None)
    Traceback (most recent call last):
    ...
    ValueError: sort kind must be one of 'quick', 'heap', or 'stable' (got 'bogo')
    """
    if stable is not None and kind is not None:
        raise ValueError("`kind` and keyword parameters can't be provided at the same time. Use only one of them.")
    if kind is not None and (not isinstance(kind, str) or not any(k.startswith(kind[:1].lower()) for k in _KINDS)):
        raise ValueError(f"sort kind must be one of 'quick', 'heap', or 'stable' (got {kind!r})")


def sort_lane(lane: Sequence[Any]) -> List[Any]:
    """The lane sorted ascending, NaNs last (in the order they came), equal values in theirs.

    >>> sort_lane([True, False, True]), sort_lane([0.0, -0.0, float("nan"), -1.0])
    ([False, True, True], [-1.0, 0.0, -0.0, nan])
    """
    numbers = [value for value in lane if value == value]
    if len(numbers) == len(lane):
        return sorted(lane)
    return sorted(numbers) + [value for value in lane if value != value]


def argsort_lane(lane: Sequence[Any]) -> List[int]:
    """The indices that sort the lane (``sort_lane``'s order): stable, NaNs last.

    >>> argsort_lane([2, 1, 2, 0])
    [3, 1, 0, 2]
    """
    numbers = [i for i in range(len(lane)) if lane[i] == lane[i]]  # a NaN would confuse the comparisons
    order = sorted(numbers, key=lane.__getitem__)
    if len(numbers) == len(lane):
        return order
    return order + [i for i in range(len(lane)) if lane[i] != lane[i]]


def search_lane(lane: Sequence[Any], values: Sequence[Any], side: str) -> List[int]:
    """Where each of ``values`` would be inserted into the sorted ``lane`` to keep it sorted:
    before equal elements (``side="left"``) or after them (``"right"``), NaN after every number.

    >>> search_lane([1.0, 2.0, float("nan")], [float("nan"), 2.0], "left")
    [2, 1]
    """
    if side not in ("left", "right"):
        raise ValueError(f"search side must be 'left' or 'right' (got {side!r})")
    numbers = sum(1 for value in lane if value == value)  # the NaNs sit after these
    ordered = lane[:numbers]
    bisect = bisect_left if side == "left" else bisect_right
    places = []
    for value in values:
        if value != value:  # NaN: after the numbers, before or after the NaNs
            places.append(numbers if side == "left" else len(lane))
        else:
            places.append(bisect(ordered, value))
    return places


class Unique(NamedTuple):
    """What ``unique_lane`` finds: the distinct values (sorted), the index of the first
    occurrence of each, for each element which distinct value it is, and each one's count."""

    values: List[Any]
    first_index: List[int]
    inverse: List[int]
    counts: List[int]


def unique_lane(lane: Sequence[Any], equal_nan: bool = True) -> Unique:
    """The distinct values of ``lane``, sorted, as NumPy's ``unique`` finds them: after a
    stable sort, the first of every run of equal values (``-0.0`` and ``0.0`` are one
    value, shown as whichever came first). NaNs are one value when ``equal_nan``, else each
    is its own.

    >>> unique_lane([3, 1, 3, 2])
    Unique(values=[1, 2, 3], first_index=[1, 3, 0], inverse=[2, 0, 2, 1], counts=[1, 1, 2])
    """
    order = argsort_lane(lane)
    values: List[Any] = []
    first_index: List[int] = []
    counts: List[int] = []
    inverse = [0] * len(lane)
    for i in order:
        value = lane[i]
        same = bool(values) and (values[-1] == value or (equal_nan and value != value and values[-1] != values[-1]))
        if not same:
            values.append(value)
            first_index.append(i)
            counts.append(0)
        counts[-1] += 1
        inverse[i] = len(values) - 1
    return Unique(values, first_index, inverse, counts)

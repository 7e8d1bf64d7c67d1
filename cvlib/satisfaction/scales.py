"""Rating scales: Likert and semantic-differential items, reverse coding, item summaries.

The course material names the two scales used to measure satisfaction
(000, "李克特等级量表和语义差别量表"): a Likert item asks how far the
respondent agrees with a statement, a semantic-differential item where the
object lies between two opposite adjectives.  This module describes such a
scale (:class:`Scale`), checks answers against it (:func:`check_ratings`),
recodes negatively worded items (:func:`reverse_code`), summarises items
(:func:`item_summary`, :func:`likert_distribution`) and puts answers on the
ACSI's 0-100 scale (:func:`acsi_rescale`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .._validate import (
    check_missing,
    require_columns,
    require_frame,
    require_no_missing,
    require_numeric,
)

__all__ = [
    "Scale",
    "ACSI_SCALE",
    "likert",
    "semantic_differential",
    "check_ratings",
    "reverse_code",
    "item_summary",
    "likert_distribution",
    "acsi_rescale",
]

@dataclass(frozen=True)
class Scale:
    """A rating scale: its bounds, its labels and the items that are reverse-coded.

    Parameters
    ----------
    low, high : int
        The lowest and highest answer (e.g. 1 and 5 for a five-point Likert
        item, 1 and 10 for the ACSI items, 0 and 10 for the NPS question).
    kind : {"likert", "semantic"}
        A Likert item asks for agreement with a statement; a semantic
        differential item asks where the object lies between two opposite
        adjectives (Osgood, Suci & Tannenbaum 1957).
    labels : tuple of str, optional
        One label per answer point, from ``low`` to ``high`` (Likert anchors,
        e.g. "strongly disagree" ... "strongly agree"); or two labels for the
        end points only.
    poles : dict, optional
        For semantic-differential items: item -> (left adjective, right
        adjective), e.g. ``{"price": ("expensive", "cheap")}``.
    reverse : tuple of str
        Items worded negatively ("The staff are unhelpful"), to be recoded
        with :func:`reverse_code` before they are summed with the others.

    Examples
    --------
    >>> s = likert(5, reverse=("Q3",))
    >>> s.low, s.high, s.midpoint, s.points
    (1, 5, 3.0, 5)
    """

    low: int = 1
    high: int = 10
    kind: str = "likert"
    labels: tuple[str, ...] | None = None
    poles: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    reverse: tuple[str, ...] = ()

    def __post_init__(self):
        if not (isinstance(self.low, (int, np.integer)) and isinstance(self.high, (int, np.integer))):
            raise TypeError(f"scale bounds must be whole numbers, got low={self.low!r}, high={self.high!r}")
        if self.high <= self.low:
            raise ValueError(f"scale high must exceed low, got low={self.low}, high={self.high}")
        if self.kind not in ("likert", "semantic"):
            raise ValueError(f"scale kind must be 'likert' or 'semantic', got {self.kind!r}")
        if self.labels is not None and len(self.labels) not in (2, self.points):
            raise ValueError(
                f"a {self.points}-point scale needs {self.points} labels (or 2 for the end points), "
                f"got {len(self.labels)}: {list(self.labels)}"
            )
        object.__setattr__(self, "reverse", tuple(self.reverse))

    @property
    def points(self) -> int:
        """Number of answer categories, ``high - low + 1``."""
        return int(self.high - self.low + 1)

    @property
    def midpoint(self) -> float:
        """The neutral middle of the scale, ``(low + high) / 2``."""
        return (self.low + self.high) / 2

    @property
    def values(self) -> list[int]:
        """The answer categories ``low, ..., high``."""
        return list(range(int(self.low), int(self.high) + 1))

    def label(self, value: int) -> str:
        """The label of answer ``value`` (the number itself when the scale has no label for it)."""
        if self.labels is not None:
            if len(self.labels) == self.points:
                return self.labels[int(value) - self.low]
            if value == self.low:
                return f"{value} {self.labels[0]}"
            if value == self.high:
                return f"{value} {self.labels[1]}"
        return str(int(value))


def likert(points: int = 5, labels: Sequence[str] | None = None, reverse: Sequence[str] = ()) -> Scale:
    """A Likert agreement scale 1..points (Likert 1932).

    With ``points`` 5 or 7 and no ``labels`` the usual agreement anchors are used.

    Examples
    --------
    >>> likert(5).label(5)
    'strongly agree'
    """
    if labels is None:
        default = {
            5: ("strongly disagree", "disagree", "neither", "agree", "strongly agree"),
            7: ("strongly disagree", "disagree", "somewhat disagree", "neither",
                "somewhat agree", "agree", "strongly agree"),
        }
        labels = default.get(points)
    return Scale(1, int(points), "likert", tuple(labels) if labels is not None else None,
                 reverse=tuple(reverse))


def semantic_differential(poles: Mapping[str, tuple[str, str]], points: int = 7,
                          reverse: Sequence[str] = ()) -> Scale:
    """A semantic-differential scale 1..points with a pair of opposite adjectives per item.

    Examples
    --------
    >>> s = semantic_differential({"staff": ("unfriendly", "friendly")})
    >>> s.poles["staff"], s.points
    (('unfriendly', 'friendly'), 7)
    """
    for item, pair in poles.items():
        if len(pair) != 2:
            raise ValueError(f"poles of item {item!r} must be two adjectives (left, right), got {pair!r}")
    return Scale(1, int(points), "semantic", None, dict(poles), tuple(reverse))


#: The ACSI/ECSI answer scale: 1 ("poor", "very dissatisfied") to 10 ("excellent").
ACSI_SCALE = Scale(1, 10, "likert", ("poor", "excellent"))


def _as_scale(scale) -> Scale:
    if isinstance(scale, Scale):
        return scale
    try:
        low, high = scale
    except (TypeError, ValueError):
        raise TypeError(f"scale must be a Scale or a (low, high) pair such as (1, 10), got {scale!r}") from None
    return Scale(int(low), int(high))


def _items_list(items, data: pd.DataFrame, what: str = "items") -> list[str]:
    if isinstance(items, str):
        items = [items]
    items = list(items)
    if not items:
        raise ValueError(f"{what} is empty; name at least one column of the survey")
    dup = sorted({i for i in items if items.count(i) > 1})
    if dup:
        raise ValueError(f"{what} names column(s) {dup} more than once")
    require_columns(data, items, "the survey")
    require_numeric(data, items, "the survey")
    return items


def check_ratings(data: pd.DataFrame, items: Sequence[str], scale=(1, 10), *,
                  integer: bool = False) -> None:
    """Raise a ValueError if an item has answers outside the scale (or non-whole answers).

    Parameters
    ----------
    data : DataFrame
        One row per respondent.
    items : list of str
        The rating columns to check.
    scale : Scale or (low, high)
        The answer range.
    integer : bool
        Also require whole-number answers.

    Examples
    --------
    >>> check_ratings(pd.DataFrame({"q": [1, 5, 11]}), ["q"], (1, 10))
    Traceback (most recent call last):
    ...
    ValueError: column 'q' has 1 answer(s) outside the 1-10 scale: [11.0]; recode them or pass the right scale (e.g. scale=(0, 10))
    """
    require_frame(data)
    sc = _as_scale(scale)
    items = _items_list(items, data)
    for c in items:
        v = data[c].to_numpy(dtype=float)
        bad = ~np.isnan(v) & ((v < sc.low) | (v > sc.high))
        if bad.any():
            shown = sorted(set(v[bad].tolist()))[:5]
            raise ValueError(
                f"column {c!r} has {int(bad.sum())} answer(s) outside the {sc.low}-{sc.high} scale: "
                f"{shown}; recode them or pass the right scale (e.g. scale=(0, 10))"
            )
        if integer:
            frac = ~np.isnan(v) & (v != np.round(v))
            if frac.any():
                shown = sorted(set(v[frac].tolist()))[:5]
                raise ValueError(
                    f"column {c!r} has {int(frac.sum())} answer(s) that are not whole numbers: "
                    f"{shown}; each answer must be one of the scale's categories "
                    f"{sc.low}, ..., {sc.high}"
                )


def reverse_code(data: pd.DataFrame, items: Sequence[str] | None = None, scale=(1, 10)) -> pd.DataFrame:
    """Return a copy of ``data`` with negatively worded items recoded.

    .. math:: x' = \\text{low} + \\text{high} - x

    so that on a 1-5 scale 1 becomes 5 and 2 becomes 4.

    Parameters
    ----------
    data : DataFrame
    items : list of str, optional
        Columns to recode; default the scale's ``reverse`` items.
    scale : Scale or (low, high)

    Examples
    --------
    >>> reverse_code(pd.DataFrame({"q": [1, 2, 5]}), ["q"], (1, 5))["q"].tolist()
    [5, 4, 1]
    """
    sc = _as_scale(scale)
    items = list(sc.reverse if items is None else items)
    out = data.copy()
    if not items:
        return out
    check_ratings(data, items, sc)
    for c in items:
        out[c] = sc.low + sc.high - data[c]
    return out


def _prepare(data, items, scale, missing, *, integer: bool = False):
    """Validate a block of ratings; return (values with NaN, items, scale, policy).

    ``missing="drop"`` has already removed the incomplete respondents from
    the returned values.
    """
    require_frame(data)
    sc = _as_scale(scale)
    items = _items_list(items, data)
    missing = check_missing(missing)
    check_ratings(data, items, sc, integer=integer)
    if missing == "raise":
        require_no_missing(data, items, "the survey")
    rev = [c for c in sc.reverse if c in items]
    frame = reverse_code(data[items], rev, sc) if rev else data[items]
    x = frame.to_numpy(dtype=float)
    if missing == "drop":
        x = x[~np.isnan(x).any(axis=1)]
    return x, items, sc, missing


def _require_answers(x: np.ndarray, items: list[str], minimum: int, why: str) -> np.ndarray:
    """Answers per item; refuse items with fewer than ``minimum`` (they would give NaN)."""
    n = (~np.isnan(x)).sum(axis=0)
    few = [f"{items[j]!r} ({int(n[j])})" for j in np.flatnonzero(n < minimum)]
    if few:
        raise ValueError(f"item(s) {', '.join(few)} have fewer than {minimum} answer(s); {why}")
    return n


def item_summary(data: pd.DataFrame, items: Sequence[str], scale=(1, 10), *, top: int = 2,
                 missing: str = "raise") -> pd.DataFrame:
    """Summarise rating items: answers, mean, sd, top-box and bottom-box shares.

    The top-k-box share is the share of answers in the k highest categories
    (for ``top=2`` on 1-10: 9 or 10); the bottom box likewise.  Shares are
    fractions 0-1 of the respondents who answered the item.  Reverse-coded
    items of ``scale`` are recoded first.

    Parameters
    ----------
    data : DataFrame
        One row per respondent, items as columns.
    items : list of str
    scale : Scale or (low, high)
        The answer range; answers outside it are refused.
    top : int
        Size of the top and bottom boxes (categories).
    missing : {"raise", "drop", "available"}
        ``"raise"`` (default): a ValueError saying how many answers are
        missing; ``"drop"``: only respondents who answered every item;
        ``"available"``: each item over the respondents who answered it.

    Returns
    -------
    DataFrame
        One row per item: ``item``, ``n`` (answers), ``missing``,
        ``mean``, ``sd``, ``top_box`` and ``bottom_box`` (shares 0-1),
        ``mean_0_100`` (the mean on the ACSI 0-100 scale).  An item with
        fewer than two answers is refused (its sd is undefined).

    Examples
    --------
    >>> d = pd.DataFrame({"q": [1, 4, 5, 5]})
    >>> item_summary(d, ["q"], (1, 5))[["mean", "top_box"]].round(2).values.tolist()
    [[3.75, 0.75]]
    """
    x, items, sc, missing = _prepare(data, items, scale, missing)
    if top < 1 or top >= sc.points:
        raise ValueError(f"top must be between 1 and {sc.points - 1} categories, got {top}")
    n = _require_answers(x, items, 2, "a mean and a standard deviation need at least two")
    mean = np.nanmean(x, axis=0)
    sd = np.nanstd(x, axis=0, ddof=1)
    answered = ~np.isnan(x)
    top_box = ((x >= sc.high - top + 1) & answered).sum(axis=0) / n
    bottom_box = ((x <= sc.low + top - 1) & answered).sum(axis=0) / n
    return pd.DataFrame({
        "item": items,
        "n": n.astype(int),
        "missing": (len(data) - n).astype(int),
        "mean": mean,
        "sd": sd,
        "top_box": top_box,
        "bottom_box": bottom_box,
        "mean_0_100": acsi_rescale(mean, sc),
    })


def likert_distribution(data: pd.DataFrame, items: Sequence[str], scale=(1, 5), *,
                        missing: str = "raise") -> pd.DataFrame:
    """The share of each answer category per item: the table behind a diverging bar chart.

    .. math:: \\text{share}_{iv} = \\frac{\\#\\{\\text{answers } v \\text{ to item } i\\}}
              {\\#\\{\\text{answers to item } i\\}}

    Answers must be whole numbers on the scale: a half point (2.5) belongs
    to no category, so it is refused rather than left out of the shares.

    Parameters
    ----------
    data : DataFrame
        One row per respondent.
    items : list of str
    scale : Scale or (low, high)
    missing : {"raise", "drop", "available"}
        As in :func:`item_summary`.

    Returns
    -------
    DataFrame
        Tidy: ``item``, ``response`` (the category, low..high), ``label``,
        ``count`` and ``share`` (fraction of those who answered the item;
        each item's shares sum to 1).

    Examples
    --------
    >>> d = pd.DataFrame({"q": [1, 2, 2, 5]})
    >>> likert_distribution(d, ["q"], (1, 5))["share"].tolist()
    [0.25, 0.5, 0.0, 0.0, 0.25]
    """
    x, items, sc, missing = _prepare(data, items, scale, missing, integer=True)
    n = _require_answers(x, items, 1, "shares of no answers are undefined")
    rows = []
    for j, item in enumerate(items):
        col = x[:, j]
        for v in sc.values:
            cnt = int((col == v).sum())
            rows.append((item, v, sc.label(v), cnt, cnt / n[j]))
    return pd.DataFrame(rows, columns=["item", "response", "label", "count", "share"])


def acsi_rescale(values, scale=(1, 10)):
    """Rescale ratings (or mean ratings) to 0-100, as the ACSI reports them.

    .. math:: \\text{score} = \\frac{x - \\text{low}}{\\text{high} - \\text{low}} \\times 100

    so 1 -> 0 and 10 -> 100 on the ACSI 1-10 scale (Fornell et al. 1996).
    A value outside the scale is refused (11 on a 1-10 scale would become
    111.1, an index above 100).

    Parameters
    ----------
    values : float or array-like
        Ratings or mean ratings on ``scale``; NaN stays NaN.
    scale : Scale or (low, high)

    Returns
    -------
    float or ndarray
        Scores 0-100.

    Examples
    --------
    >>> float(acsi_rescale(7.75))
    75.0
    >>> acsi_rescale([1, 3, 5], scale=(1, 5)).tolist()
    [0.0, 50.0, 100.0]
    """
    sc = _as_scale(scale)
    try:
        v = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"values must be numbers (ratings on the {sc.low}-{sc.high} scale), "
                        f"got {values!r}") from None
    out = v[~np.isnan(v)]
    bad = (out < sc.low) | (out > sc.high)
    if bad.any():
        raise ValueError(
            f"values must lie on the {sc.low}-{sc.high} scale, got {int(bad.sum())} outside it: "
            f"{sorted(set(out[bad].tolist()))[:5]}; pass the right scale (e.g. scale=(0, 10))"
        )
    return (v - sc.low) / (sc.high - sc.low) * 100.0

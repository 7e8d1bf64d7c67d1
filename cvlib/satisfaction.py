"""Satisfaction measurement: scales, the 0-100 satisfaction index, drivers, IPA, Kano and NPS.

The functions here follow the course's path from a questionnaire to a
decision:

* **scales**: :class:`Scale` (Likert and semantic-differential items, their
  bounds, labels and reverse-coded items), :func:`reverse_code`,
  :func:`item_summary` (mean, top-2-box, distribution) and
  :func:`likert_distribution` (the tidy table behind a diverging bar chart);
* **the satisfaction index** on 0-100 with the ACSI rescaling,
  :func:`satisfaction_index` (equal, user-given or PLS weights, per segment,
  bootstrap confidence intervals), :func:`acsi_rescale` and
  :func:`pls_item_weights`;
* **from satisfaction to loyalty**: :func:`loyalty_regression` (OLS with
  HC3 robust standard errors, or an ordered logit for an ordinal item),
  :func:`key_drivers` (standardised coefficients, Shapley decomposition of
  R\\ :sup:`2` and Johnson's relative weights), :func:`drivers_by_level`
  (what dissatisfied, neutral and satisfied customers care about);
* **importance-performance analysis** :func:`ipa` (Martilla & James 1977),
  **Kano** :func:`kano_classify` and :func:`kano_table` (Berger et al.
  1993), and the **Net Promoter Score** :func:`nps` (Reichheld 2003).

The reliability measures (Cronbach's alpha, rho_C, rho_A, AVE, HTMT) and the
PLS path models live in :mod:`cvlib.pls`.

Every function is pure: it reads a DataFrame and returns a new DataFrame or a
small result object; nothing is modified and nothing is plotted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from math import factorial

import numpy as np
import pandas as pd

from ._validate import (
    require_columns,
    require_frame,
    require_no_missing,
    require_numeric,
    require_weights,
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
    "satisfaction_index",
    "IndexResult",
    "pls_item_weights",
    "loyalty_regression",
    "LoyaltyModel",
    "shapley_r2",
    "relative_weights",
    "key_drivers",
    "KeyDrivers",
    "drivers_by_level",
    "IPA_QUADRANTS",
    "ipa",
    "IPAResult",
    "KANO_ANSWERS",
    "KANO_TABLE",
    "kano_classify",
    "kano_table",
    "nps",
]

MISSING_POLICIES = ("available", "listwise", "raise")


# =====================================================================  scales


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
                raise ValueError(f"column {c!r} has {int(frac.sum())} answer(s) that are not whole numbers")


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


def _prepare(data, items, scale, missing):
    """Validate a block of ratings; return (values array with NaN, items, scale)."""
    require_frame(data)
    sc = _as_scale(scale)
    items = _items_list(items, data)
    if missing not in MISSING_POLICIES:
        raise ValueError(f"missing must be one of {list(MISSING_POLICIES)}, got {missing!r}")
    check_ratings(data, items, sc)
    if missing == "raise":
        require_no_missing(data, items, "the survey")
    rev = [c for c in sc.reverse if c in items]
    frame = reverse_code(data[items], rev, sc) if rev else data[items]
    x = frame.to_numpy(dtype=float)
    return x, items, sc


def item_summary(data: pd.DataFrame, items: Sequence[str], scale=(1, 10), *, top: int = 2,
                 missing: str = "available") -> pd.DataFrame:
    """Summarise rating items: answers, mean, sd, top-box and bottom-box shares.

    The top-k-box share is the share of answers in the k highest categories
    (for ``top=2`` on 1-10: 9 or 10); the bottom box likewise.  Shares are
    of the respondents who answered the item.  Reverse-coded items of
    ``scale`` are recoded first.

    Parameters
    ----------
    data : DataFrame
        One row per respondent, items as columns.
    items : list of str
    scale : Scale or (low, high)
    top : int
        Size of the top and bottom boxes (categories).
    missing : {"available", "listwise", "raise"}
        ``"available"``: each item over the respondents who answered it;
        ``"listwise"``: only respondents who answered every item;
        ``"raise"``: a ValueError when any answer is missing.

    Returns
    -------
    DataFrame
        One row per item: ``item``, ``n`` (answers), ``missing``,
        ``mean``, ``sd``, ``top_box`` and ``bottom_box`` (shares 0-1),
        ``mean_0_100`` (the mean on the ACSI 0-100 scale).

    Examples
    --------
    >>> d = pd.DataFrame({"q": [1, 4, 5, 5]})
    >>> item_summary(d, ["q"], (1, 5))[["mean", "top_box"]].round(2).values.tolist()
    [[3.75, 0.75]]
    """
    x, items, sc = _prepare(data, items, scale, missing)
    if top < 1 or top >= sc.points:
        raise ValueError(f"top must be between 1 and {sc.points - 1} categories, got {top}")
    if missing == "listwise":
        x = x[~np.isnan(x).any(axis=1)]
    answered = ~np.isnan(x)
    n = answered.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.nanmean(np.where(answered, x, np.nan), axis=0) if len(x) else np.full(len(items), np.nan)
        sd = np.array([np.std(col[~np.isnan(col)], ddof=1) if (~np.isnan(col)).sum() > 1 else np.nan
                       for col in x.T])
        top_box = (x >= sc.high - top + 1).sum(axis=0) / n
        bottom_box = (x <= sc.low + top - 1).sum(axis=0) / n
    return pd.DataFrame({
        "item": items,
        "n": n.astype(int),
        "missing": (len(x) - n).astype(int),
        "mean": mean,
        "sd": sd,
        "top_box": top_box,
        "bottom_box": bottom_box,
        "mean_0_100": acsi_rescale(mean, sc),
    })


def likert_distribution(data: pd.DataFrame, items: Sequence[str], scale=(1, 5), *,
                        missing: str = "available") -> pd.DataFrame:
    """The share of each answer category per item: the table behind a diverging bar chart.

    Returns
    -------
    DataFrame
        Tidy: ``item``, ``response`` (the category, low..high), ``label``,
        ``count`` and ``share`` (of those who answered the item; each item's
        shares sum to 1).

    Examples
    --------
    >>> d = pd.DataFrame({"q": [1, 2, 2, 5]})
    >>> likert_distribution(d, ["q"], (1, 5))["share"].tolist()
    [0.25, 0.5, 0.0, 0.0, 0.25]
    """
    x, items, sc = _prepare(data, items, scale, missing)
    if missing == "listwise":
        x = x[~np.isnan(x).any(axis=1)]
    rows = []
    for j, item in enumerate(items):
        col = x[:, j]
        col = col[~np.isnan(col)]
        for v in sc.values:
            cnt = int((col == v).sum())
            rows.append((item, v, sc.label(v), cnt, cnt / len(col) if len(col) else np.nan))
    return pd.DataFrame(rows, columns=["item", "response", "label", "count", "share"])


# ======================================================= satisfaction index


def acsi_rescale(values, scale=(1, 10)):
    """Rescale ratings (or mean ratings) to 0-100, as the ACSI reports them.

    .. math:: \\text{score} = \\frac{x - \\text{low}}{\\text{high} - \\text{low}} \\times 100

    so 1 -> 0 and 10 -> 100 on the ACSI 1-10 scale (Fornell et al. 1996).

    Examples
    --------
    >>> float(acsi_rescale(7.75))
    75.0
    """
    sc = _as_scale(scale)
    return (np.asarray(values, dtype=float) - sc.low) / (sc.high - sc.low) * 100.0


def _resolve_weights(weights, items, normalize) -> np.ndarray:
    if weights is None or (isinstance(weights, str) and weights == "equal"):
        return np.full(len(items), 1.0 / len(items))
    if isinstance(weights, str):
        raise ValueError(
            f"weights must be 'equal', a list of numbers or a dict item -> weight, got {weights!r}; "
            f"for PLS weights pass pls_item_weights(result, block)"
        )
    if isinstance(weights, (Mapping, pd.Series)):
        w = dict(weights)
        unknown = [k for k in w if k not in items]
        absent = [i for i in items if i not in w]
        if unknown or absent:
            raise ValueError(
                f"weights must give one weight per item {items}"
                + (f"; unknown item(s) {unknown}" if unknown else "")
                + (f"; no weight for {absent}" if absent else "")
            )
        arr = [w[i] for i in items]
    else:
        arr = list(np.atleast_1d(np.asarray(weights, dtype=float)))
        if len(arr) != len(items):
            raise ValueError(f"got {len(arr)} weight(s) for {len(items)} item(s) {items}")
    return require_weights(arr, items, total=1.0, normalize=normalize)


@dataclass
class IndexResult:
    """A satisfaction index per segment, with its bootstrap confidence interval.

    Attributes
    ----------
    table : DataFrame
        One row per segment: ``segment``, ``n`` (respondents), ``index``
        (0-100), ``se`` (bootstrap standard error), ``ci_low``, ``ci_high``.
    items : DataFrame
        One row per segment and item: ``segment``, ``item``, ``weight``,
        ``mean`` (raw scale), ``score`` (0-100) and ``contribution``
        (weight x score; they add up to the index).
    weights : Series
        The item weights used (summing to 1).
    scale : Scale
    ci : float
        The confidence level.
    n_boot : int
        Bootstrap resamples (0: no interval).
    """

    table: pd.DataFrame
    items: pd.DataFrame
    weights: pd.Series
    scale: Scale
    ci: float
    n_boot: int

    @property
    def params(self) -> pd.Series:
        """The index of each segment."""
        return self.table.set_index("segment")["index"]

    @property
    def bse(self) -> pd.Series:
        """Bootstrap standard errors by segment."""
        return self.table.set_index("segment")["se"]

    def conf_int(self) -> pd.DataFrame:
        """Percentile bootstrap interval by segment (columns ``ci_low``, ``ci_high``)."""
        return self.table.set_index("segment")[["ci_low", "ci_high"]]

    def summary(self) -> pd.DataFrame:
        """The index table (a copy)."""
        return self.table.copy()

    def __repr__(self) -> str:
        head = (f"IndexResult: satisfaction index 0-100 on a {self.scale.low}-{self.scale.high} scale, "
                f"{len(self.weights)} item(s), {self.n_boot} bootstrap resamples, {self.ci:.0%} CI")
        return head + "\n" + self.table.round(2).to_string(index=False)

    def _repr_html_(self) -> str:
        return (f"<p><b>Satisfaction index</b> (0-100; {len(self.weights)} items, "
                f"{self.n_boot} bootstrap resamples, {self.ci:.0%} percentile CI)</p>"
                + self.table.round(2).to_html(index=False))


def _rng(seed):
    return seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)


def _index_from_counts(values, answered, counts, w, sc):
    """Vectorised index for each row of ``counts`` (B x n resampling counts)."""
    sums = counts @ values            # B x k
    ns = counts @ answered            # B x k
    with np.errstate(invalid="ignore", divide="ignore"):
        means = sums / ns
    return ((means - sc.low) / (sc.high - sc.low) * 100.0) @ w


def satisfaction_index(data: pd.DataFrame, items: Sequence[str], weights="equal", *,
                       scale=(1, 10), by: str | None = None, normalize: bool = False,
                       missing: str = "available", n_boot: int = 1000, ci: float = 0.95,
                       seed=None) -> IndexResult:
    """The 0-100 customer satisfaction index, overall or per segment, with bootstrap CIs.

    .. math::

        \\text{index} = \\sum_i w_i \\, \\frac{\\bar x_i - \\text{min}}{\\text{max} - \\text{min}}
        \\times 100, \\qquad \\sum_i w_i = 1

    where :math:`\\bar x_i` is the mean answer to item *i* and min, max are
    the scale bounds.  With the ACSI's 1-10 items and the PLS outer weights
    (made unstandardised and normalised, :func:`pls_item_weights`) this is
    the ACSI/ECSI index (Fornell et al. 1996).

    Parameters
    ----------
    data : DataFrame
        One row per respondent.
    items : list of str
        The satisfaction items (e.g. ``["CUSA1", "CUSA2", "CUSA3"]``).
    weights : "equal", list or dict item -> weight
        Must sum to 1 unless ``normalize=True``.
    scale : Scale or (low, high)
        The items' answer range (default the ACSI 1-10).
    by : str, optional
        A column naming the company or segment; one index per value.
    normalize : bool
        Rescale weights that do not sum to 1.
    missing : {"available", "listwise", "raise"}
        ``"available"``: each item's mean over those who answered it (the
        default); ``"listwise"``: only complete respondents; ``"raise"``: an
        error if any answer is missing.
    n_boot : int
        Bootstrap resamples of respondents (within each segment); 0 for none.
    ci : float
        Confidence level of the percentile interval.
    seed : int or numpy Generator, optional
        Seed of the bootstrap.

    Returns
    -------
    IndexResult

    Examples
    --------
    >>> d = pd.DataFrame({"s1": [10, 7, 4], "s2": [10, 10, 1]})
    >>> round(float(satisfaction_index(d, ["s1", "s2"], n_boot=0).params["all"]), 2)
    66.67

    References
    ----------
    Fornell, C., Johnson, M. D., Anderson, E. W., Cha, J. & Bryant, B. E.
    (1996). The American Customer Satisfaction Index: nature, purpose, and
    findings. *Journal of Marketing* 60(4), 7-18.
    """
    x, items, sc = _prepare(data, items, scale, missing)
    w = _resolve_weights(weights, items, normalize)
    if not 0 < ci < 1:
        raise ValueError(f"ci must be a confidence level in (0, 1) such as 0.95, got {ci}")
    if int(n_boot) < 0:
        raise ValueError(f"n_boot must be 0 or a positive number of resamples, got {n_boot}")
    if by is not None:
        require_columns(data, [by], "the survey")
        groups = data[by]
        if groups.isna().any():
            raise ValueError(f"column {by!r} has {int(groups.isna().sum())} missing segment label(s)")
        if isinstance(groups.dtype, pd.CategoricalDtype):
            labels = [c for c in groups.cat.categories if (groups == c).any()]
        else:
            labels = sorted(groups.unique(), key=str)
        masks = [(lab, (groups == lab).to_numpy()) for lab in labels]
    else:
        masks = [("all", np.ones(len(x), dtype=bool))]
    rng = _rng(seed)
    alpha = (1 - ci) / 2
    rows, item_rows = [], []
    for lab, mask in masks:
        xs = x[mask]
        if missing == "listwise":
            xs = xs[~np.isnan(xs).any(axis=1)]
        answered = ~np.isnan(xs)
        n_item = answered.sum(axis=0)
        if len(xs) == 0 or (n_item == 0).any():
            empty = [items[j] for j in np.flatnonzero(n_item == 0)] or items
            raise ValueError(f"segment {lab!r} has no answers for item(s) {empty}")
        values = np.where(answered, xs, 0.0)
        means = values.sum(axis=0) / n_item
        scores = (means - sc.low) / (sc.high - sc.low) * 100.0
        index = float(scores @ w)
        se = lo = hi = np.nan
        if n_boot:
            n = len(xs)
            counts = rng.multinomial(n, np.full(n, 1.0 / n), size=int(n_boot)).astype(float)
            boot = _index_from_counts(values, answered.astype(float), counts, w, sc)
            boot = boot[~np.isnan(boot)]
            se = float(np.std(boot, ddof=1))
            lo, hi = (float(v) for v in np.quantile(boot, [alpha, 1 - alpha]))
        rows.append((lab, len(xs), index, se, lo, hi))
        for j, item in enumerate(items):
            item_rows.append((lab, item, w[j], means[j], scores[j], w[j] * scores[j]))
    table = pd.DataFrame(rows, columns=["segment", "n", "index", "se", "ci_low", "ci_high"])
    item_table = pd.DataFrame(item_rows, columns=["segment", "item", "weight", "mean", "score",
                                                  "contribution"])
    return IndexResult(table, item_table, pd.Series(w, index=items, name="weight"), sc, ci,
                       int(n_boot))


def pls_item_weights(result, block: str, data: pd.DataFrame | None = None) -> pd.Series:
    """Index weights of one block from a PLS path model, normalised to sum to 1.

    PLS outer weights :math:`w_i` apply to standardised items
    :math:`z_i = (x_i - \\bar x_i)/s_i`.  When ``data`` is given they are
    turned into weights for the raw items, :math:`w_i / s_i` (the
    "unstandardised" weights of Fornell et al. 1996), then normalised:

    .. math:: \\tilde w_i = \\frac{w_i / s_i}{\\sum_j w_j / s_j}

    Parameters
    ----------
    result : a :mod:`cvlib.pls` estimate result
        Anything with an ``outer`` DataFrame holding columns ``block``,
        ``item`` and ``weight``.
    block : str
        The latent variable, e.g. ``"Satisfaction"``.
    data : DataFrame, optional
        The raw items, to unstandardise the weights.

    Returns
    -------
    Series
        item -> weight, summing to 1; pass it as ``weights=`` to
        :func:`satisfaction_index`.
    """
    outer = getattr(result, "outer", None)
    if not isinstance(outer, pd.DataFrame) or not {"block", "item", "weight"} <= set(outer.columns):
        raise TypeError("result must be a cvlib.pls estimate (with an `outer` table of block, item, weight)")
    rows = outer[outer["block"] == block]
    if rows.empty:
        raise ValueError(f"the model has no block {block!r}; blocks are {sorted(outer['block'].unique())}")
    w = rows.set_index("item")["weight"].astype(float)
    if data is not None:
        require_columns(data, list(w.index), "data")
        sd = data[list(w.index)].astype(float).std(ddof=1)
        w = w / sd
    if (w <= 0).any():
        raise ValueError(
            f"block {block!r} has non-positive weight(s) {w[w <= 0].round(4).to_dict()}; an index "
            f"needs positive weights (check the item coding)"
        )
    w = w / w.sum()
    w.name = "weight"
    return w


# ============================================== from satisfaction to loyalty


def _complete(data, columns, missing, what="the survey"):
    require_frame(data)
    require_columns(data, columns, what)
    require_numeric(data, columns, what)
    if missing not in ("drop", "raise"):
        raise ValueError(f"missing must be 'drop' (listwise) or 'raise', got {missing!r}")
    if missing == "raise":
        require_no_missing(data, columns, what)
    return data[list(columns)].dropna()


@dataclass
class LoyaltyModel:
    """A regression of loyalty on satisfaction and its drivers (wraps a statsmodels result).

    Attributes
    ----------
    kind : {"ols", "ordered"}
    outcome : str
    predictors : list of str
    fit : statsmodels results
        The underlying statsmodels result, for anything not exposed here.
    std_params : Series
        Standardised coefficients (OLS only): b_j s_j / s_y.
    """

    kind: str
    outcome: str
    predictors: list[str]
    fit: object
    std_params: pd.Series | None
    nobs: int

    @property
    def params(self) -> pd.Series:
        return self.fit.params

    @property
    def bse(self) -> pd.Series:
        return self.fit.bse

    @property
    def pvalues(self) -> pd.Series:
        return self.fit.pvalues

    def conf_int(self, alpha: float = 0.05) -> pd.DataFrame:
        ci = self.fit.conf_int(alpha)
        ci.columns = ["ci_low", "ci_high"]
        return ci

    @property
    def llf(self) -> float:
        return float(self.fit.llf)

    @property
    def aic(self) -> float:
        return float(self.fit.aic)

    @property
    def bic(self) -> float:
        return float(self.fit.bic)

    @property
    def rsquared(self) -> float:
        """R-squared (OLS) or McFadden's pseudo R-squared (ordered logit)."""
        if self.kind == "ols":
            return float(self.fit.rsquared)
        return float(self.fit.prsquared)

    def summary(self) -> pd.DataFrame:
        """Coefficient table: estimate, se, z/t, p-value, CI (and standardised beta for OLS)."""
        out = pd.DataFrame({"estimate": self.params, "se": self.bse,
                            "stat": self.fit.tvalues, "p_value": self.pvalues})
        out = out.join(self.conf_int())
        if self.std_params is not None:
            out["beta"] = self.std_params.reindex(out.index).astype(float)
        out.index.name = "term"
        return out

    def __repr__(self) -> str:
        what = "OLS with HC3 robust standard errors" if self.kind == "ols" else "ordered logit"
        fit = f"R2 = {self.rsquared:.3f}" if self.kind == "ols" else f"pseudo R2 = {self.rsquared:.3f}"
        return (f"LoyaltyModel: {self.outcome} ~ {' + '.join(self.predictors)} ({what}; "
                f"n = {self.nobs}, {fit}, logLik = {self.llf:.2f}, AIC = {self.aic:.2f})\n"
                + self.summary().round(4).to_string())

    def _repr_html_(self) -> str:
        return f"<pre>{self.__repr__().splitlines()[0]}</pre>" + self.summary().round(4).to_html()


def loyalty_regression(data: pd.DataFrame, outcome: str, predictors: Sequence[str], *,
                       kind: str = "ols", cov_type: str = "HC3", missing: str = "drop",
                       distr: str = "logit") -> LoyaltyModel:
    """Regress loyalty on satisfaction and its drivers.

    ``kind="ols"``: :math:`y = b_0 + \\sum_j b_j x_j + e`, fitted by
    statsmodels OLS with heteroskedasticity-robust HC3 standard errors
    (MacKinnon & White 1985), with standardised coefficients
    :math:`\\beta_j = b_j s_{x_j} / s_y`.

    ``kind="ordered"``: for an ordinal outcome (a 1-10 repurchase item), an
    ordered logit (or probit) :math:`P(y \\le k) = F(\\tau_k - x'b)` by
    statsmodels' ``OrderedModel``; the thresholds appear as ``1/2``, ``2/3``...

    Parameters
    ----------
    data : DataFrame
    outcome : str
        The loyalty column (e.g. ``"CUSL1"``, intention to repurchase).
    predictors : list of str
        Satisfaction and driver columns.
    kind : {"ols", "ordered"}
    cov_type : str
        statsmodels covariance type for OLS (``"HC3"``, ``"HC1"``, ``"nonrobust"``).
    missing : {"drop", "raise"}
        Drop incomplete respondents (listwise) or raise.
    distr : {"logit", "probit"}
        Link of the ordered model.

    Returns
    -------
    LoyaltyModel
    """
    if kind not in ("ols", "ordered"):
        raise ValueError(f"kind must be 'ols' or 'ordered' (ordinal outcome), got {kind!r}")
    predictors = [predictors] if isinstance(predictors, str) else list(predictors)
    if not predictors:
        raise ValueError("predictors is empty; name at least one driver column")
    if outcome in predictors:
        raise ValueError(f"the outcome {outcome!r} is also listed among the predictors")
    d = _complete(data, [outcome] + predictors, missing)
    if len(d) <= len(predictors) + 2:
        raise ValueError(f"only {len(d)} complete respondent(s) for {len(predictors)} predictor(s)")
    const = d[predictors].std(ddof=1) == 0
    if const.any():
        raise ValueError(f"predictor(s) {list(const[const].index)} are constant; drop them")
    import statsmodels.api as sm

    if kind == "ols":
        fit = sm.OLS(d[outcome].astype(float), sm.add_constant(d[predictors].astype(float))).fit(
            cov_type=cov_type)
        std = fit.params[predictors] * d[predictors].std(ddof=1) / d[outcome].std(ddof=1)
        return LoyaltyModel("ols", outcome, predictors, fit, std, len(d))
    from statsmodels.miscmodels.ordinal_model import OrderedModel

    levels = np.sort(d[outcome].unique())
    if np.all(levels == np.round(levels)):
        levels = levels.astype(int)        # thresholds read 1/2, 2/3, ... rather than 1.0/2.0
    if len(levels) < 3:
        raise ValueError(f"an ordered model needs an outcome with at least 3 levels; {outcome!r} has {list(levels)}")
    values = d[outcome].to_numpy()
    if levels.dtype.kind == "i":
        values = values.astype(int)
    y = pd.Series(pd.Categorical(values, categories=levels, ordered=True), index=d.index)
    model = OrderedModel(y, d[predictors].astype(float), distr=distr)
    fit = model.fit(method="bfgs", disp=False, maxiter=2000)
    return LoyaltyModel("ordered", outcome, predictors, fit, None, len(d))


# ---------------------------------------------------- relative importance


def _r2_all_subsets(corr: np.ndarray) -> np.ndarray:
    """R2 of y on every subset of predictors (bitmask index) from the correlation matrix.

    ``corr`` is the (p+1) x (p+1) correlation matrix with y last.
    """
    p = corr.shape[0] - 1
    rxx, rxy = corr[:p, :p], corr[:p, p]
    r2 = np.zeros(1 << p)
    for mask in range(1, 1 << p):
        idx = [j for j in range(p) if mask >> j & 1]
        r = rxy[idx]
        r2[mask] = float(r @ np.linalg.solve(rxx[np.ix_(idx, idx)], r))
    return r2


def shapley_r2(data: pd.DataFrame, outcome: str, drivers: Sequence[str], *,
               missing: str = "drop") -> pd.Series:
    """Shapley decomposition of R-squared (LMG; Lindeman, Merenda & Gold 1980).

    Each driver's share is its average gain in R-squared when it joins a
    model, over all orders of entry:

    .. math::

        \\phi_j = \\sum_{S \\subseteq P \\setminus \\{j\\}}
        \\frac{|S|!\\,(p - |S| - 1)!}{p!} \\left[R^2(S \\cup \\{j\\}) - R^2(S)\\right]

    computed exactly over all :math:`2^p` subsets (p <= 15).  The shares add
    up to the full model's R-squared.

    Returns
    -------
    Series
        driver -> Shapley value (R-squared units).
    """
    drivers = [drivers] if isinstance(drivers, str) else list(drivers)
    if len(drivers) > 15:
        raise ValueError(f"exact Shapley needs 2^p regressions; {len(drivers)} drivers is too many (max 15)")
    d = _complete(data, list(drivers) + [outcome], missing)
    _check_design(d, outcome, drivers)
    corr = np.corrcoef(d.to_numpy(dtype=float), rowvar=False)
    p = len(drivers)
    r2 = _r2_all_subsets(corr)
    size = np.array([bin(m).count("1") for m in range(1 << p)])
    coef = np.array([factorial(s) * factorial(p - s - 1) / factorial(p) if s < p else 0.0
                     for s in range(p + 1)])
    phi = np.zeros(p)
    for j in range(p):
        bit = 1 << j
        without = np.array([m for m in range(1 << p) if not m & bit])
        phi[j] = float(np.sum(coef[size[without]] * (r2[without | bit] - r2[without])))
    return pd.Series(phi, index=drivers, name="shapley")


def relative_weights(data: pd.DataFrame, outcome: str, drivers: Sequence[str], *,
                     missing: str = "drop") -> pd.Series:
    """Johnson's (2000) relative weights: R-squared shared out through orthogonal proxies.

    With :math:`R_{xx} = Q \\Lambda Q'`, the orthogonal counterpart of the
    drivers is :math:`Z = X R_{xx}^{-1/2}`, linked to them by
    :math:`\\Lambda^* = R_{xx}^{1/2}`.  The regression of y on Z has
    weights :math:`\\beta = R_{xx}^{-1/2} r_{xy}` and the relative weight of
    driver j is

    .. math:: \\varepsilon_j = \\sum_k \\lambda^{*2}_{jk} \\beta_k^2 ,

    which add up to R-squared.

    Returns
    -------
    Series
        driver -> raw relative weight (R-squared units).

    References
    ----------
    Johnson, J. W. (2000). A heuristic method for estimating the relative
    weight of predictor variables in multiple regression. *Multivariate
    Behavioral Research* 35(1), 1-19.
    """
    drivers = [drivers] if isinstance(drivers, str) else list(drivers)
    d = _complete(data, list(drivers) + [outcome], missing)
    _check_design(d, outcome, drivers)
    corr = np.corrcoef(d.to_numpy(dtype=float), rowvar=False)
    p = len(drivers)
    rxx, rxy = corr[:p, :p], corr[:p, p]
    evals, evecs = np.linalg.eigh(rxx)
    half = evecs @ np.diag(np.sqrt(np.clip(evals, 0.0, None))) @ evecs.T
    beta = np.linalg.solve(half, rxy)
    eps = (half ** 2) @ (beta ** 2)
    return pd.Series(eps, index=drivers, name="relative_weight")


def _check_design(d, outcome, drivers):
    if len(d) <= len(drivers) + 1:
        raise ValueError(f"only {len(d)} complete respondent(s) for {len(drivers)} driver(s)")
    sd = d.std(ddof=1)
    const = list(sd[sd == 0].index)
    if const:
        raise ValueError(f"column(s) {const} are constant among the complete respondents; drop them")
    if outcome in drivers:
        raise ValueError(f"the outcome {outcome!r} is also listed among the drivers")
    corr = np.corrcoef(d[list(drivers)].to_numpy(dtype=float), rowvar=False)
    if len(drivers) > 1 and np.linalg.matrix_rank(np.atleast_2d(corr)) < len(drivers):
        raise ValueError(f"the drivers {list(drivers)} are perfectly collinear")


@dataclass
class KeyDrivers:
    """Key-driver analysis: standardised coefficients and relative importance.

    Attributes
    ----------
    table : DataFrame
        One row per driver: ``driver``, ``r`` (correlation with the
        outcome), ``beta`` (standardised coefficient), ``shapley`` (Shapley
        share of R-squared, in R-squared units), ``relative_weight``
        (Johnson), ``importance`` (Shapley share in % of R-squared) and
        ``rank`` (1 = most important), sorted by importance.
    r_squared : float
    outcome : str
    nobs : int
    """

    table: pd.DataFrame
    r_squared: float
    outcome: str
    nobs: int

    @property
    def params(self) -> pd.Series:
        return self.table.set_index("driver")["beta"]

    def summary(self) -> pd.DataFrame:
        return self.table.copy()

    def __repr__(self) -> str:
        return (f"KeyDrivers: {self.outcome} on {len(self.table)} drivers (n = {self.nobs}, "
                f"R2 = {self.r_squared:.3f})\n" + self.table.round(4).to_string(index=False))

    def _repr_html_(self) -> str:
        return (f"<p><b>Key drivers of {self.outcome}</b> (n = {self.nobs}, R² = {self.r_squared:.3f})</p>"
                + self.table.round(4).to_html(index=False))


def key_drivers(data: pd.DataFrame, outcome: str, drivers: Sequence[str], *,
                missing: str = "drop") -> KeyDrivers:
    """Key-driver analysis of an outcome (overall satisfaction, loyalty) on attribute ratings.

    Reports, per driver, the correlation with the outcome, the standardised
    regression coefficient (which can be misleading when drivers are
    correlated), and two relative-importance measures that add up to
    R-squared: the exact Shapley decomposition (:func:`shapley_r2`) and
    Johnson's relative weights (:func:`relative_weights`).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> d = pd.DataFrame(rng.normal(size=(200, 3)), columns=["a", "b", "c"])
    >>> d["y"] = d["a"] + 0.5 * d["b"] + rng.normal(size=200)
    >>> kd = key_drivers(d, "y", ["a", "b", "c"])
    >>> bool(abs(kd.table["shapley"].sum() - kd.r_squared) < 1e-12)
    True
    """
    drivers = [drivers] if isinstance(drivers, str) else list(drivers)
    if not drivers:
        raise ValueError("drivers is empty; name at least one attribute column")
    d = _complete(data, drivers + [outcome], missing)
    _check_design(d, outcome, drivers)
    z = (d - d.mean()) / d.std(ddof=1)
    corr = np.corrcoef(z.to_numpy(dtype=float), rowvar=False)
    p = len(drivers)
    beta = np.linalg.solve(corr[:p, :p], corr[:p, p])
    r2 = float(corr[:p, p] @ beta)
    sh = shapley_r2(d, outcome, drivers, missing="raise")
    rw = relative_weights(d, outcome, drivers, missing="raise")
    table = pd.DataFrame({
        "driver": drivers,
        "r": corr[:p, p],
        "beta": beta,
        "shapley": sh.to_numpy(),
        "relative_weight": rw.to_numpy(),
        "importance": sh.to_numpy() / r2 * 100 if r2 > 0 else np.nan,
    })
    table = table.sort_values("shapley", ascending=False, kind="stable").reset_index(drop=True)
    table["rank"] = np.arange(1, p + 1)
    return KeyDrivers(table, r2, outcome, len(d))


def drivers_by_level(data: pd.DataFrame, outcome: str, drivers: Sequence[str], *,
                     level: str | None = None, cuts: tuple[float, float] = (4, 7),
                     labels: tuple[str, str, str] = ("dissatisfied", "neutral", "satisfied"),
                     missing: str = "drop", min_n: int = 30) -> pd.DataFrame:
    """Key drivers separately for dissatisfied, neutral and satisfied customers.

    The course material's point: what makes an unhappy customer unhappy
    (basic attributes that fail) is not what delights a happy one.
    Respondents are split on ``level`` (by default the outcome itself, e.g.
    overall satisfaction on 1-10) into ``<= cuts[0]``, ``(cuts[0], cuts[1]]``
    and ``> cuts[1]``, and :func:`key_drivers` is run within each group.
    (Within a group the outcome's range is cut, so R-squared is lower than
    overall: compare the *shares* of importance, not their size.)

    Returns
    -------
    DataFrame
        Tidy: ``level``, ``n``, ``driver``, ``beta``, ``shapley``,
        ``importance`` (% of the group's R-squared), ``rank``, ``r_squared``.
    """
    drivers = [drivers] if isinstance(drivers, str) else list(drivers)
    level = outcome if level is None else level
    cols = list(dict.fromkeys(drivers + [outcome, level]))
    d = _complete(data, cols, missing)
    if len(cuts) != 2 or not cuts[0] < cuts[1]:
        raise ValueError(f"cuts must be two increasing thresholds such as (4, 7), got {cuts!r}")
    if len(labels) != 3:
        raise ValueError(f"labels must name the three groups, got {labels!r}")
    v = d[level]
    groups = np.where(v <= cuts[0], 0, np.where(v <= cuts[1], 1, 2))
    frames = []
    for g, lab in enumerate(labels):
        sub = d[groups == g]
        if len(sub) < max(min_n, len(drivers) + 2):
            raise ValueError(
                f"only {len(sub)} {lab} respondent(s) ({level} in group {g + 1} of cuts {cuts}); "
                f"need at least {max(min_n, len(drivers) + 2)}: move the cuts or lower min_n"
            )
        kd = key_drivers(sub, outcome, drivers, missing="raise")
        t = kd.table[["driver", "beta", "shapley", "importance", "rank"]].copy()
        t.insert(0, "n", kd.nobs)
        t.insert(0, "level", lab)
        t["r_squared"] = kd.r_squared
        frames.append(t)
    out = pd.concat(frames, ignore_index=True)
    out["level"] = pd.Categorical(out["level"], categories=list(labels), ordered=True)
    return out


# ============================================ importance-performance analysis

#: Martilla & James (1977) quadrant labels: (high importance?, high performance?) -> label.
IPA_QUADRANTS = {
    (True, False): "Concentrate here",
    (True, True): "Keep up the good work",
    (False, False): "Low priority",
    (False, True): "Possible overkill",
}


@dataclass
class IPAResult:
    """An importance-performance grid.

    Attributes
    ----------
    table : DataFrame
        ``attribute``, ``importance``, ``performance``, ``quadrant``.
    importance_cut, performance_cut : float
        Where the cross-hairs are.
    """

    table: pd.DataFrame
    importance_cut: float
    performance_cut: float

    def summary(self) -> pd.DataFrame:
        return self.table.copy()

    def quadrant(self, attribute: str) -> str:
        """The quadrant label of one attribute."""
        hit = self.table.loc[self.table["attribute"] == attribute, "quadrant"]
        if hit.empty:
            raise KeyError(f"no attribute {attribute!r}; attributes are {self.table['attribute'].tolist()}")
        return str(hit.iloc[0])

    def __repr__(self) -> str:
        return (f"IPAResult: importance cut {self.importance_cut:.3f}, performance cut "
                f"{self.performance_cut:.3f}\n" + self.table.round(3).to_string(index=False))

    def _repr_html_(self) -> str:
        return (f"<p><b>Importance-performance analysis</b> (cuts: importance "
                f"{self.importance_cut:.3f}, performance {self.performance_cut:.3f})</p>"
                + self.table.round(3).to_html(index=False))


def _cut(values: np.ndarray, how, name: str, scale) -> float:
    if isinstance(how, str):
        if how == "mean":
            return float(np.mean(values))
        if how == "median":
            return float(np.median(values))
        if how == "midpoint":
            if scale is None:
                raise ValueError(f"{name}='midpoint' needs the rating scale: pass scale=(low, high)")
            return _as_scale(scale).midpoint
        raise ValueError(f"{name} must be 'mean', 'median', 'midpoint' or a number, got {how!r}")
    try:
        return float(how)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be 'mean', 'median', 'midpoint' or a number, got {how!r}") from None


def ipa(data: pd.DataFrame, *, attribute: str = "attribute", importance: str = "importance",
        performance: str = "performance", importance_cut="mean", performance_cut="mean",
        scale=None) -> IPAResult:
    """Importance-performance analysis (Martilla & James 1977).

    Each attribute is placed by its importance (stated, or derived from a
    key-driver analysis) and its performance (mean rating).  Cross-hairs
    split the grid into four quadrants:

    ====================  ===================  ======================
    importance            low performance      high performance
    ====================  ===================  ======================
    high                  Concentrate here     Keep up the good work
    low                   Low priority         Possible overkill
    ====================  ===================  ======================

    A value equal to a cut counts as high.

    Parameters
    ----------
    data : DataFrame
        One row per attribute.
    attribute, importance, performance : str
        Column names.
    importance_cut, performance_cut : "mean", "median", "midpoint" or float
        Where the lines go: the mean of the attributes (the default, as
        Martilla & James suggest when ratings cluster high), the median, the
        scale midpoint (needs ``scale``) or a number.
    scale : Scale or (low, high), optional
        The rating scale, for ``"midpoint"`` cuts.

    Returns
    -------
    IPAResult

    References
    ----------
    Martilla, J. A. & James, J. C. (1977). Importance-performance analysis.
    *Journal of Marketing* 41(1), 77-79.
    """
    require_columns(data, [attribute, importance, performance], "the IPA table")
    require_numeric(data, [importance, performance], "the IPA table")
    require_no_missing(data, [importance, performance], "the IPA table")
    if data[attribute].duplicated().any():
        dup = data.loc[data[attribute].duplicated(), attribute].tolist()
        raise ValueError(f"attribute(s) {dup} appear more than once; give one row per attribute")
    if len(data) < 2:
        raise ValueError(f"IPA needs at least 2 attributes, got {len(data)}")
    imp = data[importance].to_numpy(dtype=float)
    perf = data[performance].to_numpy(dtype=float)
    ic = _cut(imp, importance_cut, "importance_cut", scale)
    pc = _cut(perf, performance_cut, "performance_cut", scale)
    quad = [IPA_QUADRANTS[(bool(i >= ic), bool(p >= pc))] for i, p in zip(imp, perf, strict=True)]
    table = pd.DataFrame({"attribute": data[attribute].astype(str).to_numpy(), "importance": imp,
                          "performance": perf, "quadrant": quad})
    return IPAResult(table, ic, pc)


# ====================================================================== Kano

#: The five answers of a Kano question, coded 1-5, with accepted spellings.
KANO_ANSWERS = {
    1: "like",
    2: "must-be",
    3: "neutral",
    4: "live-with",
    5: "dislike",
}
_KANO_ALIASES = {
    "like": 1, "i like it": 1, "i like it that way": 1, "delighted": 1,
    "must-be": 2, "must be": 2, "mustbe": 2, "it must be that way": 2, "expect": 2, "expect it": 2,
    "neutral": 3, "i am neutral": 3, "indifferent": 3,
    "live-with": 4, "live with": 4, "i can live with it": 4, "tolerate": 4,
    "can live with it": 4,
    "dislike": 5, "i dislike it": 5, "i dislike it that way": 5,
}

#: The Kano evaluation table (Berger et al. 1993, table 1): functional answer (rows) x
#: dysfunctional answer (columns), both coded 1 like ... 5 dislike.
#: A attractive, O one-dimensional, M must-be, I indifferent, R reverse, Q questionable.
KANO_TABLE = pd.DataFrame(
    [["Q", "A", "A", "A", "O"],
     ["R", "I", "I", "I", "M"],
     ["R", "I", "I", "I", "M"],
     ["R", "I", "I", "I", "M"],
     ["R", "R", "R", "R", "Q"]],
    index=pd.Index(list(KANO_ANSWERS.values()), name="functional"),
    columns=pd.Index(list(KANO_ANSWERS.values()), name="dysfunctional"),
)
_KANO_GRID = KANO_TABLE.to_numpy()
KANO_CATEGORIES = ("A", "O", "M", "I", "R", "Q")
_KANO_NAMES = {"A": "attractive", "O": "one-dimensional", "M": "must-be", "I": "indifferent",
               "R": "reverse", "Q": "questionable"}


def _kano_codes(values, name: str) -> np.ndarray:
    s = pd.Series(values)
    out = np.full(len(s), -1, dtype=int)
    for i, v in enumerate(s.tolist()):
        if v is None or (isinstance(v, float) and np.isnan(v)):
            out[i] = 0
        elif isinstance(v, str):
            out[i] = _KANO_ALIASES.get(" ".join(v.strip().lower().split()), -1)
        elif isinstance(v, (int, float, np.integer, np.floating)) and float(v) in (1, 2, 3, 4, 5):
            out[i] = int(v)
    bad = out == -1
    if bad.any():
        shown = ", ".join(sorted({repr(v) for v in s[bad].tolist()})[:5])
        raise ValueError(
            f"{name} has {int(bad.sum())} answer(s) that are not Kano answers: [{shown}]; expected "
            f"1-5 or one of {list(KANO_ANSWERS.values())}"
        )
    return out


def kano_classify(functional, dysfunctional) -> np.ndarray:
    """Classify answer pairs with the Kano evaluation table.

    Parameters
    ----------
    functional, dysfunctional : array-like
        Answers to "How do you feel if the product *has* the feature?" and
        "... if it does *not* have it?", coded 1-5 or as text (like,
        must-be, neutral, live-with, dislike).  Missing answers are not
        allowed here (see :func:`kano_table`).

    Returns
    -------
    ndarray of str
        A (attractive), O (one-dimensional), M (must-be), I (indifferent),
        R (reverse) or Q (questionable).

    Examples
    --------
    >>> kano_classify(["like", "neutral", 1], ["neutral", "dislike", 5]).tolist()
    ['A', 'M', 'O']
    """
    f = _kano_codes(functional, "functional")
    d = _kano_codes(dysfunctional, "dysfunctional")
    if len(f) != len(d):
        raise ValueError(f"functional has {len(f)} answers but dysfunctional has {len(d)}")
    if (f == 0).any() or (d == 0).any():
        raise ValueError(f"{int(((f == 0) | (d == 0)).sum())} answer pair(s) have a missing answer; "
                         f"drop them or use kano_table(..., missing='drop')")
    return _KANO_GRID[f - 1, d - 1]


def kano_table(data: pd.DataFrame, *, feature: str = "feature", functional: str = "functional",
               dysfunctional: str = "dysfunctional", missing: str = "drop") -> pd.DataFrame:
    """Kano categories per feature, with Berger et al.'s satisfaction coefficients.

    Every respondent's answer pair is classified with :data:`KANO_TABLE`;
    the feature's category is the most frequent one (ties broken in the
    order M > O > A > I > R > Q, the usual "must-be first" rule).  The
    better (CS+) and worse (CS-) coefficients are

    .. math::

        CS^+ = \\frac{A + O}{A + O + M + I}, \\qquad
        CS^- = -\\frac{O + M}{A + O + M + I}

    so CS+ lies in [0, 1] (how much having the feature adds satisfaction)
    and CS- in [-1, 0] (how much lacking it causes dissatisfaction).

    Parameters
    ----------
    data : DataFrame
        Long format: one row per respondent and feature.
    feature, functional, dysfunctional : str
        Column names.
    missing : {"drop", "raise"}
        Drop pairs with a missing answer, or raise.

    Returns
    -------
    DataFrame
        One row per feature: ``feature``, ``n``, counts ``A, O, M, I, R, Q``,
        ``category``, ``category_name``, ``better`` (CS+), ``worse`` (CS-).

    References
    ----------
    Kano, N., Seraku, N., Takahashi, F. & Tsuji, S. (1984). Attractive
    quality and must-be quality. *Hinshitsu* 14(2), 39-48.
    Berger, C. et al. (1993). Kano's methods for understanding
    customer-defined quality. *Center for Quality Management Journal* 2(4), 3-36.
    """
    require_columns(data, [feature, functional, dysfunctional], "the Kano answers")
    if missing not in ("drop", "raise"):
        raise ValueError(f"missing must be 'drop' or 'raise', got {missing!r}")
    if missing == "raise":
        require_no_missing(data, [feature, functional, dysfunctional], "the Kano answers")
    f = _kano_codes(data[functional], f"column {functional!r}")
    d = _kano_codes(data[dysfunctional], f"column {dysfunctional!r}")
    keep = (f > 0) & (d > 0) & data[feature].notna().to_numpy()
    cats = _KANO_GRID[f[keep] - 1, d[keep] - 1]
    feats = data[feature].to_numpy()[keep]
    if isinstance(data[feature].dtype, pd.CategoricalDtype):
        order = [c for c in data[feature].cat.categories if (feats == c).any()]
    else:
        order = list(dict.fromkeys(feats.tolist()))
    tie_order = ["M", "O", "A", "I", "R", "Q"]
    rows = []
    for ft in order:
        c = cats[feats == ft]
        counts = {k: int((c == k).sum()) for k in KANO_CATEGORIES}
        best = max(tie_order, key=lambda k: (counts[k], -tie_order.index(k)))
        base = counts["A"] + counts["O"] + counts["M"] + counts["I"]
        better = (counts["A"] + counts["O"]) / base if base else np.nan
        worse = -(counts["O"] + counts["M"]) / base if base else np.nan
        rows.append({"feature": ft, "n": len(c), **counts, "category": best,
                     "category_name": _KANO_NAMES[best], "better": better, "worse": worse})
    return pd.DataFrame(rows, columns=["feature", "n", *KANO_CATEGORIES, "category",
                                       "category_name", "better", "worse"])


# ======================================================================= NPS


def nps(data, column: str = "recommend", *, by: str | None = None, missing: str = "drop",
        ci: float = 0.95) -> pd.DataFrame:
    """Net Promoter Score with its standard error (Reichheld 2003).

    On the 0-10 "How likely are you to recommend ...?" question, promoters
    answer 9-10, passives 7-8 and detractors 0-6.

    .. math::

        NPS = (p_P - p_D) \\times 100, \\qquad
        SE = \\sqrt{\\frac{p_P + p_D - (p_P - p_D)^2}{n}} \\times 100

    (the multinomial variance of the difference of two shares), with a
    normal-approximation confidence interval NPS +- z SE.

    Parameters
    ----------
    data : DataFrame, Series or array
        The answers (a DataFrame with ``column``, or the answers themselves).
    column : str
        The 0-10 question.
    by : str, optional
        A segment column; one row per segment.
    missing : {"drop", "raise"}
    ci : float
        Confidence level.

    Returns
    -------
    DataFrame
        ``segment``, ``n``, ``promoters``, ``passives``, ``detractors``
        (shares 0-1), ``nps`` (-100..100), ``se``, ``ci_low``, ``ci_high``.

    Examples
    --------
    >>> nps(pd.Series([10, 9, 8, 3]))[["nps", "se"]].round(2).values.tolist()
    [[25.0, 41.46]]

    References
    ----------
    Reichheld, F. F. (2003). The one number you need to grow. *Harvard
    Business Review* 81(12), 46-54.
    """
    from scipy.stats import norm

    if not isinstance(data, pd.DataFrame):
        if by is not None:
            raise ValueError("by= needs a DataFrame holding the segment column")
        data = pd.DataFrame({column: pd.Series(np.asarray(data))})
    require_columns(data, [column] + ([by] if by else []), "the survey")
    require_numeric(data, [column], "the survey")
    if missing not in ("drop", "raise"):
        raise ValueError(f"missing must be 'drop' or 'raise', got {missing!r}")
    if missing == "raise":
        require_no_missing(data, [column], "the survey")
    check_ratings(data, [column], (0, 10), integer=True)
    if not 0 < ci < 1:
        raise ValueError(f"ci must be a confidence level in (0, 1), got {ci}")
    z = float(norm.ppf(0.5 + ci / 2))
    if by is None:
        groups = [("all", data[column])]
    else:
        g = data[by]
        labels = (list(g.cat.categories) if isinstance(g.dtype, pd.CategoricalDtype)
                  else sorted(g.dropna().unique(), key=str))
        groups = [(lab, data.loc[g == lab, column]) for lab in labels]
    rows = []
    for lab, s in groups:
        v = s.dropna().to_numpy(dtype=float)
        n = len(v)
        if n == 0:
            raise ValueError(f"segment {lab!r} has no answers to {column!r}")
        pp, pd_ = float((v >= 9).mean()), float((v <= 6).mean())
        score = (pp - pd_) * 100
        se = np.sqrt(max(pp + pd_ - (pp - pd_) ** 2, 0.0) / n) * 100
        rows.append((lab, n, pp, 1 - pp - pd_, pd_, score, se, score - z * se, score + z * se))
    return pd.DataFrame(rows, columns=["segment", "n", "promoters", "passives", "detractors",
                                       "nps", "se", "ci_low", "ci_high"])

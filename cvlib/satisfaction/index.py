"""The 0-100 customer satisfaction index (ACSI/ECSI style), per segment, with bootstrap intervals.

:func:`satisfaction_index` averages each item over the respondents, puts the
means on 0-100 (:func:`cvlib.satisfaction.acsi_rescale`) and weights them
with weights that sum to 100 (equal, your own, or the PLS outer weights of
:func:`pls_item_weights`).  Its bootstrap resamples respondents with the
library's one bootstrap (:mod:`cvlib._bootstrap`).
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from .._bootstrap import percentile_table, resample_counts
from .._results import EstimateResult
from .._validate import (
    as_rng,
    check_ci,
    check_n_boot,
    group_labels,
    require_columns,
    require_weights,
)
from ..language import say
from .scales import _prepare

__all__ = ["satisfaction_index", "IndexResult", "pls_item_weights"]


def _resolve_weights(weights, items, normalize) -> np.ndarray:
    if weights is None or (isinstance(weights, str) and weights == "equal"):
        return np.full(len(items), 100.0 / len(items))
    if isinstance(weights, str):
        raise ValueError(
            f"weights must be 'equal', a list of numbers or a dict item -> weight, got {weights!r}; "
            f"for PLS weights pass pls_item_weights(result, block)"
        )
    if isinstance(weights, Mapping | pd.Series):
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
    return require_weights(arr, items, total=100.0, normalize=normalize)


class IndexResult(EstimateResult):
    """A satisfaction index per segment, with its bootstrap confidence interval.

    ``summary(ci=None)`` has one row per segment with ``estimate`` (the
    index, 0-100), ``se`` (bootstrap standard error), ``ci_low``,
    ``ci_high`` (percentile interval; by default at the level given to
    :func:`satisfaction_index`) and ``n``; ``conf_int(alpha=0.05)`` the
    interval alone.  Without a bootstrap (``n_boot=0``) the se and interval
    are NaN.

    Attributes
    ----------
    table : DataFrame
        One row per segment: ``segment``, ``n`` (respondents), ``index``
        (0-100), ``se``, ``ci_low``, ``ci_high`` (at ``level``).
    items : DataFrame
        One row per segment and item: ``segment``, ``item``, ``weight``
        (summing to 100), ``mean`` (raw scale), ``score`` (0-100) and
        ``contribution`` (weight x score / 100; they add up to the index).
    weights : Series
        The item weights used (summing to 100).
    scale : Scale
    level : float
        Confidence level of ``table`` (the ``ci`` argument).
    n_boot : int
        Bootstrap resamples (0: no interval).
    draws : DataFrame or None
        The index of every bootstrap resample (one column per segment).
    """

    def __init__(self, table, items, weights, scale, level, n_boot, draws):
        self.table, self.items, self.weights, self.scale = table, items, weights, scale
        self.level, self.n_boot, self.draws = level, n_boot, draws

    @property
    def params(self) -> pd.Series:
        """The index (0-100) of each segment."""
        return self.table.set_index("segment")["index"].rename("index")

    @property
    def bse(self) -> pd.Series:
        """Bootstrap standard errors by segment (NaN without a bootstrap)."""
        return self.table.set_index("segment")["se"]

    @property
    def ci(self) -> float:
        """Deprecated: the confidence level; use ``level`` (the interval is in ``conf_int()``)."""
        warnings.warn("IndexResult.ci is deprecated: the level is IndexResult.level and the "
                      "interval is in conf_int() or summary()", FutureWarning, stacklevel=2)
        return self.level

    def _estimates(self, ci: float) -> pd.DataFrame:
        seg = self.params.index
        if self.draws is None:
            out = pd.DataFrame({"estimate": self.params, "se": np.nan, "ci_low": np.nan,
                                "ci_high": np.nan}, index=seg)
        else:
            out = percentile_table(self.params.to_numpy(), self.draws.to_numpy(), ci, index=seg)
        out["n"] = self.table.set_index("segment")["n"]
        return out

    def summary(self, ci: float | None = None) -> pd.DataFrame:
        """One row per segment: ``estimate``, ``se``, ``ci_low``, ``ci_high``, ``n``.

        Parameters
        ----------
        ci : float, optional
            Confidence level in (0, 1); default the level the index was computed with.
        """
        return super().summary(self.level if ci is None else ci)

    def _title(self) -> list[str]:
        boot = (say(f"{self.n_boot} bootstrap resamples, {self.level:.0%} percentile CI",
                    f"{self.n_boot} 次自助重抽样，{self.level:.0%} 百分位置信区间")
                if self.n_boot else say("no bootstrap", "未做自助法"))
        return [say(f"Satisfaction index (0-100) on a {self.scale.low}-{self.scale.high} scale",
                    f"满意度指数（0-100），原量表 {self.scale.low}-{self.scale.high}"),
                say(f"{len(self.weights)} item(s), weights summing to 100; {boot}",
                    f"{len(self.weights)} 个题项，权重合计 100；{boot}")]


def _index_from_counts(values, answered, counts, w, sc):
    """Vectorised index for each row of ``counts`` (B x n resampling counts)."""
    sums = counts @ values            # B x k
    ns = counts @ answered            # B x k
    with np.errstate(invalid="ignore", divide="ignore"):
        means = sums / ns
    return ((means - sc.low) / (sc.high - sc.low) * 100.0) @ w / 100.0


def satisfaction_index(data: pd.DataFrame, items: Sequence[str], weights="equal", *,
                       scale=(1, 10), by: str | None = None, normalize: bool = False,
                       missing: str = "raise", n_boot: int = 1000, ci: float = 0.95,
                       seed=None) -> IndexResult:
    """The 0-100 customer satisfaction index, overall or per segment, with bootstrap CIs.

    .. math::

        \\text{index} = \\sum_i \\frac{w_i}{100} \\, \\frac{\\bar x_i - \\text{min}}{\\text{max} - \\text{min}}
        \\times 100, \\qquad \\sum_i w_i = 100

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
        Must sum to 100 unless ``normalize=True``.
    scale : Scale or (low, high)
        The items' answer range (default the ACSI 1-10); answers outside it
        are refused.
    by : str, optional
        A column naming the company or segment; one index per value
        (categories in their order, unused ones skipped; see
        :func:`cvlib._validate.group_labels`).
    normalize : bool
        Rescale weights that do not sum to 100.
    missing : {"raise", "drop", "available"}
        ``"raise"`` (default): an error saying how many answers are missing;
        ``"drop"``: only respondents who answered every item;
        ``"available"``: each item's mean over those who answered it (as
        the ACSI does).
    n_boot : int
        Bootstrap resamples of respondents (within each segment); 0 for no
        interval.
    ci : float
        Confidence level of the percentile interval, in (0, 1).
    seed : None, int or numpy Generator
        Seed of the bootstrap.

    Returns
    -------
    IndexResult
        ``params`` (index by segment), ``summary()`` with ``estimate``,
        ``se``, ``ci_low``, ``ci_high``, ``n``; ``items`` (contributions).

    Examples
    --------
    >>> d = pd.DataFrame({"s1": [10, 7, 4], "s2": [10, 10, 1]})
    >>> round(float(satisfaction_index(d, ["s1", "s2"], n_boot=0).params["all"]), 2)
    66.67
    >>> res = satisfaction_index(d, ["s1", "s2"], [60, 40], n_boot=200, seed=1)
    >>> res.items["contribution"].round(2).tolist()
    [40.0, 26.67]
    >>> list(res.summary().columns)
    ['estimate', 'se', 'ci_low', 'ci_high', 'n']

    References
    ----------
    Fornell, C., Johnson, M. D., Anderson, E. W., Cha, J. & Bryant, B. E.
    (1996). The American Customer Satisfaction Index: nature, purpose, and
    findings. *Journal of Marketing* 60(4), 7-18.
    """
    x, items, sc, missing = _prepare(data, items, scale, missing)
    w = _resolve_weights(weights, items, normalize)
    ci = check_ci(ci)
    n_boot = check_n_boot(n_boot, minimum=0)
    if by is not None:
        require_columns(data, [by], "the survey")
        groups = data[by]
        labels = group_labels(groups, by)
        keep = (~np.isnan(data[items].to_numpy(dtype=float)).any(axis=1)
                if missing == "drop" else np.ones(len(data), dtype=bool))
        g = groups.to_numpy()[keep]
        masks = [(lab, g == lab) for lab in labels]
    else:
        masks = [("all", np.ones(len(x), dtype=bool))]
    rng = as_rng(seed)
    rows, item_rows, draws = [], [], {}
    for lab, mask in masks:
        xs = x[mask]
        answered = ~np.isnan(xs)
        n_item = answered.sum(axis=0)
        if len(xs) == 0 or (n_item == 0).any():
            empty = [items[j] for j in np.flatnonzero(n_item == 0)] or items
            raise ValueError(f"segment {lab!r} has no answers for item(s) {empty}")
        values = np.where(answered, xs, 0.0)
        means = values.sum(axis=0) / n_item
        scores = (means - sc.low) / (sc.high - sc.low) * 100.0
        index = float(scores @ w / 100.0)
        se = lo = hi = np.nan
        if n_boot:
            counts = resample_counts(len(xs), n_boot, seed=rng)
            boot = _index_from_counts(values, answered.astype(float), counts, w, sc)
            draws[lab] = boot
            t = percentile_table([index], boot[:, None], ci)
            se, lo, hi = (float(t[c].iloc[0]) for c in ("se", "ci_low", "ci_high"))
        rows.append((lab, len(xs), index, se, lo, hi))
        for j, item in enumerate(items):
            item_rows.append((lab, item, w[j], means[j], scores[j], w[j] * scores[j] / 100.0))
    table = pd.DataFrame(rows, columns=["segment", "n", "index", "se", "ci_low", "ci_high"])
    item_table = pd.DataFrame(item_rows, columns=["segment", "item", "weight", "mean", "score",
                                                  "contribution"])
    draw_frame = pd.DataFrame(draws) if n_boot else None
    return IndexResult(table, item_table, pd.Series(w, index=items, name="weight"), sc, ci,
                       n_boot, draw_frame)


def pls_item_weights(result, block: str, data: pd.DataFrame | None = None) -> pd.Series:
    """Index weights of one block from a PLS path model, normalised to sum to 100.

    PLS outer weights :math:`w_i` of a standardised model apply to
    standardised items :math:`z_i = (x_i - \\bar x_i)/s_i`.  When ``data``
    is given they are turned into weights for the raw items,
    :math:`w_i / s_i` (the "unstandardised" weights of Fornell et al. 1996),
    then normalised:

    .. math:: \\tilde w_i = 100 \\, \\frac{w_i / s_i}{\\sum_j w_j / s_j}

    A model estimated with ``standardized=False`` already has weights for the
    raw (centred) items; they are only normalised.

    Parameters
    ----------
    result : a :mod:`cvlib.pls` estimate result
        Anything with an ``outer`` DataFrame holding columns ``block``,
        ``item`` and ``weight``.
    block : str
        The latent variable, e.g. ``"Satisfaction"``.
    data : DataFrame, optional
        The raw items, to unstandardise the weights of a standardised model.

    Returns
    -------
    Series
        item -> weight, summing to 100; pass it as ``weights=`` to
        :func:`satisfaction_index`.

    Examples
    --------
    >>> from cvlib import datasets, pls
    >>> survey = datasets.load("acsi_survey").dropna()
    >>> blocks = {"Quality": ["PERQ1", "PERQ2", "PERQ3"], "Satisfaction": ["CUSA1", "CUSA2", "CUSA3"]}
    >>> model = pls.estimate(survey, [("Quality", "Satisfaction")], blocks)
    >>> float(pls_item_weights(model, "Satisfaction", data=survey).sum())
    100.0
    """
    outer = getattr(result, "outer", None)
    if not isinstance(outer, pd.DataFrame) or not {"block", "item", "weight"} <= set(outer.columns):
        raise TypeError("result must be a cvlib.pls estimate (with an `outer` table of block, item, weight)")
    rows = outer[outer["block"] == block]
    if rows.empty:
        raise ValueError(f"the model has no block {block!r}; blocks are {sorted(outer['block'].unique())}")
    w = rows.set_index("item")["weight"].astype(float)
    if data is not None and getattr(result, "standardized", True):
        require_columns(data, list(w.index), "data")
        sd = data[list(w.index)].astype(float).std(ddof=1)
        flat = list(sd[~(sd > 0)].index)
        if flat:
            raise ValueError(
                f"item(s) {flat} are constant (or have fewer than two answers) in data: a weight "
                f"per point of a constant item is undefined; drop them from block {block!r}"
            )
        w = w / sd
    if not np.isfinite(w).all():
        raise ValueError(f"block {block!r} has undefined weight(s) {w[~np.isfinite(w)].to_dict()}")
    if (w <= 0).any():
        raise ValueError(
            f"block {block!r} has non-positive weight(s) {w[w <= 0].round(4).to_dict()}; an index "
            f"needs positive weights (check the item coding)"
        )
    w = w / w.sum() * 100.0
    w.name = "weight"
    return w

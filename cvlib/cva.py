"""Gale's customer value analysis (客户价值分析): the seven tools.

Bradley T. Gale, *Managing Customer Value* (Free Press, 1994) measures a
business's value against its competitors' with seven linked tools:

1. market-perceived quality profile (质量概况) ........ :func:`quality_profile`,
   :func:`profile_from_ratings` (respondent-level, bootstrap CIs)
2. market-perceived price profile (价格概况) .......... :func:`price_profile`,
   :func:`relative_price` (the single-price case)
3. customer value map (客户价值图) ..................... :func:`value_map`
   (its inputs for a whole market: :func:`brand_scores`)
4. win/loss analysis (赢/输分析) ....................... :func:`win_loss`
5. head-to-head area chart (竞争对比面积图) ............ :func:`head_to_head`
6. key events timeline (关键事件) ...................... :func:`scores_over_time`,
   :func:`key_events`
7. what/who matrix (做什么/谁负责矩阵) ................. :func:`what_who`

Every function is pure (tables in, new tables or result objects out) and
checks its input with errors that name the column, attribute or brand at fault.

Conventions.  An *aggregated* table has one row per attribute, a column of
importance weights (summing to 100) and one column of mean ratings per brand.
Ratings are on a 1-10 scale by default (``scale=(1, 10)``); pass
``scale=None`` for measured values (days, hours, percent) and list the
attributes where less is better in ``lower_is_better``.  Scores and relative
measures (relative quality, relative price) are on the 100 scale (100 =
parity); per-attribute performance ratios are printed as Gale prints them
(1.29 = 29% better); shares are fractions 0-1.

The course material (file 001) names the tools 市场感知质量水平 (quality
profile), 市场感知价格水平 (price profile), 客户价值图 (value map), 得失分析
(win/loss), 客户分析对照图 (head-to-head), 关键事件表 (key events) and
What/Who矩阵.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd

from ._bootstrap import percentile_interval, resample_counts
from ._results import EstimateResult, Result, check_alpha, html_table, text_table
from ._validate import (
    check_ci,
    check_missing,
    check_n_boot,
    check_option,
    parse_dates,
    renamed_args,
    require_columns,
    require_frame,
    require_numeric,
    require_weights,
    takes_date_format,
)
from .language import say

__all__ = [
    "Profile",
    "HeadToHead",
    "ValueMap",
    "WinLoss",
    "KeyEvents",
    "WhatWho",
    "quality_profile",
    "price_profile",
    "profile_from_ratings",
    "mean_ratings",
    "brand_scores",
    "relative_price",
    "round_half_up",
    "value_map",
    "win_loss",
    "head_to_head",
    "scores_over_time",
    "key_events",
    "what_who",
]

_KINDS = ("quality", "price")
_METHODS = ("ratio", "weighted_average")


def _preview(values, n: int = 6) -> str:
    values = list(values)
    return "[" + ", ".join(repr(v) for v in values[:n]) + (", ..." if len(values) > n else "") + "]"


def round_half_up(x, decimals: int = 2):
    """Round as a calculator (and Gale's printed tables) does: halves go up.

    Python's ``round`` rounds halves to even and works on the binary value, so
    ``round(1.125, 2)`` gives 1.12; Gale prints 1.13.  The decimal text of the
    float is rounded, so ``round_half_up(1.005, 2)`` is 1.01 as on paper.

    >>> round_half_up(9 / 8, 2)
    1.13
    """
    q = Decimal(1).scaleb(-int(decimals))

    def one(v):
        v = float(v)
        if not np.isfinite(v):
            return v
        return float(Decimal(repr(v)).quantize(q, rounding=ROUND_HALF_UP))

    if np.ndim(x) == 0:
        return one(x)
    return np.array([one(v) for v in np.asarray(x, dtype=float).ravel()]).reshape(np.shape(x))


# ---------------------------------------------------------------------------------- profiles


@dataclass(frozen=True, repr=False)
class Profile(Result):
    """A market-perceived quality or price profile (Gale 1994, tools 1 and 2).

    Attributes
    ----------
    kind : {"quality", "price"}
    method : {"ratio", "weighted_average"}
    ours, competitor : str
        The two offers compared (a list of competitors is named "mean of [...]").
    table : DataFrame
        One row per attribute: ``attribute``, ``weight`` (sums to 100),
        ``ours``, ``competitor`` (mean ratings; NaN when ratios were given),
        ``ratio`` (performance ratio, inverted where less is better, rounded if
        asked), ``weighted_ratio`` (weight x ratio) and ``area``
        (weight x (ratio - 1), the head-to-head area).  Respondent-level
        profiles add ``n_ours`` and ``n_competitor`` (answers used).
    score : float
        On the 100 scale (100 = parity).  ``"ratio"``: sum of weight x ratio.
        ``"weighted_average"``: 100 x ours_average / competitor_average.
    ours_average, competitor_average : float or None
        Weighted average ratings, sum(weight x rating) / 100.
    relative : float
        Relative quality (= score) or relative price (= 100 x 100 / score),
        on the 100 scale: 118.4 means 18.4% better, 84.5 means 15.5% cheaper.
    relative_quality, relative_price : float or None
        The same, named; the one not matching ``kind`` is None.
    dropped : list of str
        Attributes dropped because of missing ratings (``missing="drop"``).
    notes : list of str
        Everything the function did to the input that a reader should know.
    intervals : DataFrame or None
        Bootstrap percentile intervals (respondent-level profiles): rows per
        attribute ratio, ``score`` and ``relative``; columns ``estimate``,
        ``se``, ``ci_low``, ``ci_high`` at confidence level ``ci_level``.
        ``conf_int(alpha)`` recomputes them at another level from the same
        resamples.
    """

    kind: str
    method: str
    ours: str
    competitor: str
    table: pd.DataFrame
    score: float
    ours_average: float | None
    competitor_average: float | None
    dropped: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    intervals: pd.DataFrame | None = None
    n_boot: int = 0
    ci_level: float = 0.95
    boot_scores: np.ndarray | None = None
    boot_draws: pd.DataFrame | None = None

    _show_index = False

    @property
    def relative(self) -> float:
        """Relative quality or relative price on the 100 scale (100 = parity)."""
        return 100.0 * 100.0 / self.score if self.kind == "price" else self.score

    def conf_int(self, alpha: float = 0.05) -> pd.DataFrame:
        """Bootstrap percentile intervals at level ``1 - alpha``: columns ``ci_low``, ``ci_high``.

        Rows: every attribute ratio, ``score`` and ``relative`` (100 scale).
        Only respondent-level profiles (:func:`profile_from_ratings` with
        ``n_boot``) have them.
        """
        if self.boot_draws is None:
            raise ValueError("this profile has no bootstrap resamples: only profile_from_ratings(..., "
                             "n_boot=1000) gives confidence intervals")
        _, lo, hi = percentile_interval(self.boot_draws.to_numpy(), check_alpha(alpha))
        return pd.DataFrame({"ci_low": lo, "ci_high": hi}, index=self.boot_draws.columns)

    @property
    def relative_quality(self) -> float | None:
        return self.score if self.kind == "quality" else None

    @property
    def relative_price(self) -> float | None:
        return 100.0 * 100.0 / self.score if self.kind == "price" else None

    @property
    def net_area(self) -> float:
        """Sum of weight x (ratio - 1) over attributes (= score - 100 for the ratio method)."""
        return float(self.table["area"].sum())

    def head_to_head(self, sort: bool = False) -> HeadToHead:
        """The head-to-head area chart data of this profile (tool 5)."""
        return head_to_head(self, sort=sort)

    def summary(self) -> pd.DataFrame:
        """The profile table with the brands' names and a total row, as Gale prints it."""
        t = self.table.copy()
        if not t["lower_is_better"].any():
            t = t.drop(columns="lower_is_better")
        if t["ours"].isna().all():
            t = t.drop(columns=["ours", "competitor"])
        comp_label = self.competitor if self.competitor != self.ours else f"{self.competitor} (competitor)"
        t = t.rename(columns={"ours": self.ours, "competitor": comp_label})
        total = {c: np.nan for c in t.columns}
        total["attribute"] = "total"
        total["weight"] = t["weight"].sum()
        if self.ours_average is not None:
            total[self.ours] = self.ours_average
            total[comp_label] = self.competitor_average
        total["weighted_ratio"] = t["weighted_ratio"].sum()
        total["area"] = t["area"].sum()
        total["ratio"] = self.score / 100.0
        return pd.concat([t, pd.DataFrame([total])], ignore_index=True)

    def _title(self) -> list[str]:
        what = say("Quality", "质量") if self.kind == "quality" else say("Price", "价格")
        lines = [say(f"{what} profile (Gale): {self.ours} vs {self.competitor}, method {self.method!r}",
                     f"{what}概况（Gale）：{self.ours} 对 {self.competitor}，方法 {self.method!r}")]
        label = "quality score" if self.kind == "quality" else "price-satisfaction score"
        tail = (f" -> relative price {self.relative_price:.2f}" if self.kind == "price"
                else f" -> relative quality {self.relative_quality:.2f}")
        lines.append(f"{label} {self.score:.2f} (100 = parity){tail}")
        if self.ours_average is not None:
            rel = "relative price" if self.kind == "price" else "relative quality"
            ratio = (self.competitor_average / self.ours_average if self.kind == "price"
                     else self.ours_average / self.competitor_average)
            lines.append(
                f"weighted average ratings {self.ours_average:.4g} vs {self.competitor_average:.4g}: "
                f"{rel} {100 * ratio:.2f} on the 100 scale"
            )
        if self.intervals is not None:
            r = self.intervals.loc["score"]
            lines.append(f"{self.ci_level:.0%} bootstrap CI of the score: [{r['ci_low']:.2f}, {r['ci_high']:.2f}] "
                         f"({self.n_boot} resamples of respondents)")
        lines += [f"note: {n}" for n in self.notes]
        return lines


def _brand_list(competitor) -> list[str]:
    if isinstance(competitor, str):
        return [competitor]
    if isinstance(competitor, Sequence) and len(competitor) and all(isinstance(c, str) for c in competitor):
        return list(competitor)
    raise TypeError(f"competitor must be a brand name or a list of brand names, got {competitor!r}")


def _competitor_name(comps: list[str]) -> str:
    return comps[0] if len(comps) == 1 else "mean of " + ", ".join(comps)


def _check_brands(brands: list[str], available: list[str], what: str) -> None:
    unknown = [b for b in brands if b not in available]
    if unknown:
        import difflib

        hints = [m for b in unknown for m in difflib.get_close_matches(b, available, n=1)]
        raise ValueError(
            f"unknown brand {unknown[0]!r}" + (f" (and {unknown[1:]})" if len(unknown) > 1 else "")
            + f": {what} are {available}" + (f"; did you mean {hints}?" if hints else "")
        )


def _check_scale(values: pd.DataFrame, scale, who: str) -> None:
    if scale is None:
        return
    low, high = scale
    bad = values.notna() & ((values < low) | (values > high))
    if bad.to_numpy().any():
        cells = [f"{c!r} {r!r}={values.loc[r, c]:g}" for c in values.columns for r in values.index[bad[c]]]
        raise ValueError(
            f"ratings must lie on the {low:g}-{high:g} scale; {who} has {int(bad.to_numpy().sum())} "
            f"value(s) outside it: {_preview(cells)}. Pass scale=(low, high) for another scale, "
            f"or scale=None for measured values (days, hours, percent)"
        )


def _ratios(ours: np.ndarray, comp: np.ndarray, lower: np.ndarray, attrs: list[str],
            ours_name: str, comp_name: str) -> np.ndarray:
    denom = np.where(lower, ours, comp)
    zero = denom == 0
    if zero.any():
        who = np.where(lower, ours_name, comp_name)
        a = [f"{attrs[i]!r} ({who[i]} = 0)" for i in np.flatnonzero(zero)]
        raise ValueError(
            f"the performance ratio is undefined for attribute {a[0]}"
            + (f" and {a[1:]}" if len(a) > 1 else "")
            + ": the ratio divides by this rating, which must not be 0 (ratings start at 1 on a 1-10 scale)"
        )
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(lower, comp / ours, ours / comp)


def _check_round(round_ratios):
    if round_ratios is None:
        return None
    if isinstance(round_ratios, bool) or not isinstance(round_ratios, int | np.integer) or round_ratios < 0:
        raise ValueError(f"round_ratios must be a whole number of decimals >= 0 (Gale prints 2), "
                         f"or None for exact ratios; got {round_ratios!r}")
    return int(round_ratios)


def _finish(kind, method, ours_name, comp_name, attrs, w, ours, comp, ratio, lower,
            round_ratios, dropped, notes, extra=None) -> Profile:
    round_ratios = _check_round(round_ratios)
    if round_ratios is not None:
        ratio = round_half_up(ratio, int(round_ratios))
        notes = notes + [f"ratios rounded half up to {int(round_ratios)} decimals"]
    table = pd.DataFrame({
        "attribute": attrs,
        "weight": w,
        "ours": ours,
        "competitor": comp,
        "ratio": ratio,
        "lower_is_better": lower,
        "weighted_ratio": w * ratio,
        "area": w * (ratio - 1.0),
    })
    if extra:
        for k, v in extra.items():
            table[k] = v
    # weighted averages only make sense for ratings where more is better throughout
    have_ratings = not np.isnan(ours).all() and not np.asarray(lower).any()
    ours_avg = float(np.sum(w * ours) / 100.0) if have_ratings else None
    comp_avg = float(np.sum(w * comp) / 100.0) if have_ratings else None
    if method == "ratio":
        score = float(np.sum(w * ratio))
    else:
        score = 100.0 * ours_avg / comp_avg
    return Profile(kind=kind, method=method, ours=ours_name, competitor=comp_name, table=table,
                   score=score, ours_average=ours_avg, competitor_average=comp_avg,
                   dropped=list(dropped), notes=list(notes))


def _lower_mask(lower_is_better, attrs: list[str]) -> np.ndarray:
    if lower_is_better is None:
        return np.zeros(len(attrs), dtype=bool)
    if isinstance(lower_is_better, str):
        lower_is_better = [lower_is_better]
    unknown = [a for a in lower_is_better if a not in attrs]
    if unknown:
        raise ValueError(f"lower_is_better names unknown attribute(s) {unknown}; the attributes are {attrs}")
    return np.array([a in set(lower_is_better) for a in attrs])


def _check_options(kind, method, missing, allowed_missing) -> str:
    check_option(kind, "kind", _KINDS)
    check_option(method, "method", _METHODS)
    return check_missing(missing, allowed_missing)


def _profile(kind, data, ours, competitor, *, attribute, weight, lower_is_better, scale,
             normalize, round_ratios, method, missing, ratio) -> Profile:
    missing = _check_options(kind, method, missing, ("raise", "drop"))
    _check_round(round_ratios)
    require_frame(data, "data")
    require_columns(data, [attribute, weight], "data")
    attrs_s = data[attribute]
    if attrs_s.isna().any():
        raise ValueError(f"column {attribute!r} has {int(attrs_s.isna().sum())} missing attribute name(s)")
    attrs = [str(a) for a in attrs_s]
    dup = sorted({a for a in attrs if attrs.count(a) > 1})
    if dup:
        raise ValueError(f"attribute(s) {dup} appear more than once in column {attribute!r}; one row per attribute")
    require_numeric(data, [weight], "data")
    if data[weight].isna().any():
        miss = [attrs[i] for i in np.flatnonzero(data[weight].isna().to_numpy())]
        raise ValueError(f"column {weight!r} has missing weights for attribute(s) {miss}; every attribute needs a weight")
    lower = _lower_mask(lower_is_better, attrs)
    notes: list[str] = []

    if ratio is not None:
        require_columns(data, [ratio], "data")
        require_numeric(data, [ratio], "data")
        if method != "ratio":
            raise ValueError("method='weighted_average' needs the ratings of both offers, not ratios; "
                             "pass ours= and competitor= as rating columns")
        r = data[ratio].to_numpy(float)
        if np.isnan(r).any():
            miss = [attrs[i] for i in np.flatnonzero(np.isnan(r))]
            raise ValueError(f"column {ratio!r} has missing ratios for attribute(s) {miss}")
        if (r <= 0).any():
            bad = [attrs[i] for i in np.flatnonzero(r <= 0)]
            raise ValueError(f"performance ratios must be positive, got {r[r <= 0].tolist()} for {bad}")
        if lower.any():
            notes.append("ratios were given; lower_is_better only marks the rows (ratios are used as given)")
        w = require_weights(data[weight].to_numpy(float), attrs, normalize=normalize)
        if normalize and not np.allclose(w, data[weight].to_numpy(float)):
            notes.append(f"weights rescaled to sum to 100 (they summed to {data[weight].sum():g})")
        nan = np.full(len(attrs), np.nan)
        return _finish(kind, "ratio", ours or "ours", competitor or "competitor", attrs, w, nan, nan,
                       r, lower, round_ratios, [], notes)

    if ours is None or competitor is None:
        raise TypeError("pass ours= and competitor= (brand columns of data), or ratio= (a column of performance ratios)")
    if not isinstance(ours, str):
        raise TypeError(f"ours must be the name of one brand column, got {ours!r}")
    comps = _brand_list(competitor)
    brand_cols = [str(c) for c in data.columns if c not in (attribute, weight)]
    _check_brands([ours] + comps, brand_cols, "the brand columns of data (all columns but "
                  f"{attribute!r} and {weight!r})")
    require_numeric(data, [ours] + comps, "data")
    ratings = data[list(dict.fromkeys([ours] + comps))].set_axis(attrs, axis=0).astype(float)
    missing_cells = ratings.isna()
    dropped: list[str] = []
    keep = np.ones(len(attrs), dtype=bool)
    if missing_cells.to_numpy().any():
        rows = missing_cells.any(axis=1).to_numpy()
        detail = [f"{attrs[i]!r} ({', '.join(ratings.columns[missing_cells.iloc[i].to_numpy()])})"
                  for i in np.flatnonzero(rows)]
        if missing == "raise":
            raise ValueError(
                f"missing ratings for attribute(s) {', '.join(detail)}; fill them in, or pass "
                f"missing='drop' to drop those attributes and rescale the other weights to 100"
            )
        keep = ~rows
        if not keep.any():
            raise ValueError("every attribute has a missing rating; nothing is left to compare")
        dropped = [attrs[i] for i in np.flatnonzero(rows)]
        notes.append(f"dropped attribute(s) {dropped} with missing ratings (missing='drop'); "
                     f"the remaining weights were rescaled to sum to 100")
    _check_scale(ratings, scale, f"the ratings of {list(ratings.columns)}")
    if scale is None and (ratings.fillna(1) < 0).to_numpy().any():
        raise ValueError("measured values must be non-negative for a performance ratio")
    attrs_k = [a for a, k in zip(attrs, keep, strict=True) if k]
    w_all = data[weight].to_numpy(float)
    if dropped:
        w = w_all[keep]
        require_weights(w_all, attrs, normalize=normalize)  # the full set must still be valid
        w = w * 100.0 / w.sum()
    else:
        w = require_weights(w_all, attrs, normalize=normalize)
        if normalize and not np.allclose(w, w_all):
            notes.append(f"weights rescaled to sum to 100 (they summed to {w_all.sum():g})")
    r_k = ratings.iloc[keep]
    o = r_k[ours].to_numpy(float)
    c = r_k[comps].to_numpy(float).mean(axis=1)
    lower_k = lower[keep]
    if method == "weighted_average" and lower_k.any():
        raise ValueError(
            f"method='weighted_average' averages ratings, so every attribute must be 'more is better'; "
            f"{[a for a, lo in zip(attrs_k, lower_k, strict=True) if lo]} are lower_is_better: use method='ratio'"
        )
    r = _ratios(o, c, lower_k, attrs_k, ours, _competitor_name(comps))
    return _finish(kind, method, ours, _competitor_name(comps), attrs_k, w, o, c, r, lower_k,
                   round_ratios, dropped, notes)


_PROFILE_DOC_PARAMS = """
    Parameters
    ----------
    data : DataFrame
        One row per attribute: an attribute-name column, a weight column and
        one column of (mean) ratings per brand.
    ours : str
        The brand column of the business being profiled.
    competitor : str or list of str
        The competitor's brand column; a list compares with the mean rating of
        those brands.
    attribute, weight : str
        Column names of the attribute names and importance weights.
    lower_is_better : list of str, optional
        Attributes where a smaller value is better (e.g. days in hospital):
        their ratio is competitor / ours.
    scale : (low, high) or None, default (1, 10)
        The rating scale; ratings outside it are an error.  None for measured values.
    normalize : bool, default False
        Rescale weights that do not sum to 100 (otherwise an error).
    round_ratios : int >= 0, optional
        Round each ratio half up to this many decimals before weighting, as
        printed tables do (Gale: 2).
    method : {"ratio", "weighted_average"}
        ``"ratio"`` (Gale): score = sum of weight x ratio.  ``"weighted_average"``
        (the course slides): ratio of the two weighted average ratings, x 100.
    missing : {"raise", "drop"}
        A missing rating is an error, or (``"drop"``) its attribute is dropped and
        the other weights rescaled to 100 (recorded in ``dropped`` and ``notes``).
    ratio : str, optional
        Column of performance ratios given directly (Gale's surgery example);
        ``ours``/``competitor`` are then only labels.
"""


def quality_profile(data: pd.DataFrame, ours: str | None = None, competitor=None, *,
                    attribute: str = "attribute", weight: str = "weight",
                    lower_is_better=None, scale=(1, 10), normalize: bool = False,
                    round_ratios: int | None = None, method: str = "ratio",
                    missing: str = "raise", ratio: str | None = None) -> Profile:
    r"""Market-perceived quality profile (Gale 1994, tool 1; 质量概况).

    For each non-price attribute :math:`a` with importance weight :math:`w_a`
    (:math:`\sum_a w_a = 100`) and mean ratings :math:`x_a` (ours) and
    :math:`y_a` (competitor) the performance ratio is :math:`r_a = x_a / y_a`
    (:math:`y_a / x_a` where less is better) and

    .. math:: \text{quality score} = \sum_a w_a r_a \qquad (100 = \text{parity}).

    The "weighted average" variant of the course slides (file 001, 市场感知质量水平)
    compares the weighted average ratings instead:
    :math:`100 \cdot \sum_a w_a x_a / \sum_a w_a y_a`.  Scores are on the 100 scale.
    {params}
    Returns
    -------
    Profile
        ``score`` (= relative quality, 100 scale), ``table`` per attribute, ``summary()``.

    Examples
    --------
    Gale's endoscopic vs traditional gall-bladder surgery (ratios as printed):

    >>> surgery = pd.DataFrame({{"attribute": ["at-home recovery", "hospital stay",
    ...     "complications", "scar", "operation time"], "weight": [40, 30, 10, 5, 15],
    ...     "ratio": [3.0, 2.0, 1.5, 1.4, 2.0]}})
    >>> quality_profile(surgery, ratio="ratio").score
    232.0

    References
    ----------
    Gale, B. T. (1994). *Managing Customer Value*. Free Press, ch. 2-3 (the
    surgery quality profile; reprinted in Yang & El-Haik, *Design for Six Sigma
    for Service*, table 5.3).
    """
    return _profile("quality", data, ours, competitor, attribute=attribute, weight=weight,
                    lower_is_better=lower_is_better, scale=scale, normalize=normalize,
                    round_ratios=round_ratios, method=method, missing=missing, ratio=ratio)


def price_profile(data: pd.DataFrame, ours: str | None = None, competitor=None, *,
                  attribute: str = "attribute", weight: str = "weight",
                  lower_is_better=None, scale=(1, 10), normalize: bool = False,
                  round_ratios: int | None = None, method: str = "ratio",
                  missing: str = "raise", ratio: str | None = None) -> Profile:
    r"""Market-perceived price profile (Gale 1994, tool 2; 价格概况).

    The same computation as :func:`quality_profile` on price-satisfaction
    attributes (purchase price, trade-in allowance, ...), rated so that a high
    rating means the customer is satisfied with the price.  The price
    satisfaction score :math:`S = \sum_a w_a r_a` gives

    .. math:: \text{relative price} = 100 \times 100 / S

    on the 100 scale (below 100: customers perceive our price as lower than
    the competitor's; 84.5 = 15.5% more attractive).
    {params}
    Returns
    -------
    Profile
        ``score`` (price-satisfaction score), ``relative_price``, ``table``.

    Examples
    --------
    Gale's Acura price profile (luxury cars):

    >>> cars = pd.DataFrame({{"attribute": ["purchase price", "trade-in allowance",
    ...     "resale price", "finance rate"], "weight": [60, 20, 10, 10],
    ...     "Acura": [9, 6, 9, 7], "Competitors": [7, 6, 8, 7]}})
    >>> p = price_profile(cars, ours="Acura", competitor="Competitors")
    >>> round(p.score, 2), round(p.relative_price, 2), round(p.relative, 2)
    (118.39, 84.46, 84.46)
    >>> price_profile(cars, "Acura", "Competitors", round_ratios=2).score  # Gale's 118.7
    118.7

    References
    ----------
    Gale, B. T. (1994). *Managing Customer Value*. Free Press (Acura price profile).
    """
    return _profile("price", data, ours, competitor, attribute=attribute, weight=weight,
                    lower_is_better=lower_is_better, scale=scale, normalize=normalize,
                    round_ratios=round_ratios, method=method, missing=missing, ratio=ratio)


quality_profile.__doc__ = quality_profile.__doc__.replace("{params}", _PROFILE_DOC_PARAMS).replace("{{", "{").replace("}}", "}")
price_profile.__doc__ = price_profile.__doc__.replace("{params}", _PROFILE_DOC_PARAMS).replace("{{", "{").replace("}}", "}")


def relative_price(price, competitor_prices, weights=None) -> float:
    r"""Relative price in the single-price case: :math:`100 \times p / \bar p_{competitors}`.

    Parameters
    ----------
    price : float
        Our price (any currency, same unit as the competitors').
    competitor_prices : float or sequence of float
        The competitors' prices; several are averaged (weighted by ``weights``,
        e.g. market shares, when given).
    weights : sequence of float, optional
        Non-negative weights of the competitors' prices.

    Returns
    -------
    float
        On the 100 scale: 100 = the competitors' average price.

    Examples
    --------
    The workbook's own example: a price of 35,200 against a competitors'
    average of 40,000 is 12% cheaper.

    >>> relative_price(35_200, 40_000)
    88.0

    References
    ----------
    Gale (1994): when one price dominates, relative price is simply our price
    over the competitors' average.
    """
    p = np.asarray(price, dtype=float)
    c = np.atleast_1d(np.asarray(competitor_prices, dtype=float))
    if p.ndim != 0:
        raise TypeError(f"price must be one number, got {price!r}")
    if np.isnan(p) or np.isnan(c).any():
        raise ValueError("prices must not be missing (NaN)")
    if p <= 0 or (c <= 0).any():
        raise ValueError(f"prices must be positive, got price={float(p):g} and competitor prices {c.tolist()}")
    if weights is None:
        avg = float(c.mean())
    else:
        wt = np.asarray(weights, dtype=float)
        if wt.shape != c.shape:
            raise ValueError(f"weights must have one value per competitor price ({c.size}), got {wt.size}")
        if (wt < 0).any() or wt.sum() <= 0:
            raise ValueError(f"weights must be non-negative with a positive sum, got {wt.tolist()}")
        avg = float(np.sum(wt * c) / wt.sum())
    return float(100.0 * p / avg)


# ---------------------------------------------------------------- respondent-level ratings


def _weights_series(weights, attribute: str, weight: str) -> pd.Series:
    if isinstance(weights, pd.DataFrame):
        require_columns(weights, [attribute, weight], "weights")
        return pd.Series(weights[weight].to_numpy(float), index=weights[attribute].astype(str))
    if isinstance(weights, pd.Series):
        return weights.astype(float).set_axis(weights.index.astype(str))
    if isinstance(weights, Mapping):
        return pd.Series({str(k): float(v) for k, v in weights.items()})
    raise TypeError(f"weights must be a dict, Series or DataFrame (attribute, weight), got {type(weights).__name__}")


def _respondent_arrays(ratings, brands, attrs, respondent, brand, scale, missing):
    require_frame(ratings, "ratings")
    require_columns(ratings, [respondent, brand], "ratings")
    unknown_attr = [a for a in attrs if a not in ratings.columns]
    if unknown_attr:
        raise ValueError(f"unknown attribute column(s) {unknown_attr}: ratings has columns "
                         f"{list(map(str, ratings.columns))}; weights must be keyed by rating columns")
    available = sorted(map(str, ratings[brand].dropna().unique()))
    _check_brands(brands, available, f"the brands in column {brand!r}")
    require_numeric(ratings, attrs, "ratings")
    sub = ratings.loc[ratings[brand].astype(str).isin(brands), [respondent, brand] + attrs]
    dup = sub.duplicated([respondent, brand], keep=False)
    if dup.any():
        first = [v.item() if isinstance(v, np.generic) else v
                 for v in sub.loc[dup, [respondent, brand]].iloc[0].tolist()]
        raise ValueError(
            f"ratings has {int(sub.duplicated([respondent, brand]).sum())} duplicated (respondent, brand) "
            f"row(s), first {first}: each respondent rates each brand once. Remove the repeats "
            f"(e.g. ratings.drop_duplicates([{respondent!r}, {brand!r}])) or average them on purpose first"
        )
    _check_scale(sub[attrs].reset_index(drop=True).rename(index=lambda i: f"row {i}"), scale, "ratings")
    n_missing = int(sub[attrs].isna().to_numpy().sum())
    notes = []
    if n_missing:
        per = sub[attrs].isna().sum()
        per = per[per > 0]
        if missing == "raise":
            raise ValueError(
                f"ratings has {n_missing} missing answer(s) ({', '.join(f'{a!r}: {n}' for a, n in per.items())}); "
                f"pass missing='available' (mean of the answers given, per brand and attribute) or "
                f"missing='drop' (drop every rating row with a missing answer)"
            )
        if missing == "drop":
            before = len(sub)
            sub = sub.dropna(subset=attrs)
            notes.append(f"missing='drop': dropped {before - len(sub)} of {before} rating rows with a missing answer")
        else:
            notes.append(f"missing='available': {n_missing} missing answer(s) left out of the means "
                         f"({', '.join(f'{a}: {n}' for a, n in per.items())})")
    codes, uniq = pd.factorize(sub[respondent])
    return sub, codes, len(uniq), notes


def mean_ratings(ratings: pd.DataFrame, weights, *, respondent: str = "respondent_id",
                 brand: str = "brand", attribute: str = "attribute", weight: str = "weight",
                 brands=None, scale=(1, 10), missing: str = "raise") -> pd.DataFrame:
    """Aggregate respondent-level ratings to the profile table (attribute, weight, one column per brand).

    Parameters
    ----------
    ratings : DataFrame
        One row per respondent and brand rated, one column per attribute.
    weights : dict, Series or DataFrame
        Importance weight of each attribute (the keys name the rating columns).
    brands : list of str, optional
        Brands to keep (default: all, in order of appearance).
    missing : {"raise", "drop", "available"}
        See :func:`profile_from_ratings`.

    Returns
    -------
    DataFrame
        ``attribute``, ``weight``, then the mean rating of every brand.

    Examples
    --------
    >>> r = pd.DataFrame({"respondent_id": [1, 1, 2, 2], "brand": ["A", "B", "A", "B"],
    ...                   "q": [8, 6, 6, 6]})
    >>> mean_ratings(r, {"q": 100}).values.tolist()
    [['q', 100.0, 7.0, 6.0]]
    """
    missing = check_missing(missing)
    ws = _weights_series(weights, attribute, weight)
    attrs = list(ws.index)
    require_frame(ratings, "ratings")
    require_columns(ratings, [brand], "ratings")
    if brands is None:
        col = ratings[brand].dropna()
        if isinstance(col.dtype, pd.CategoricalDtype):
            brands = [str(b) for b in col.cat.categories if (col == b).any()]
        else:
            brands = list(map(str, pd.unique(col.astype(str))))
    sub, _, _, _ = _respondent_arrays(ratings, list(brands), attrs, respondent, brand, scale, missing)
    means = sub.groupby(sub[brand].astype(str), sort=False)[attrs].mean().T
    out = pd.DataFrame({attribute: attrs, weight: ws.to_numpy(float)})
    for b in brands:
        out[b] = means[b].to_numpy(float)
    return out


@renamed_args(level="ci")
def profile_from_ratings(ratings: pd.DataFrame, weights, ours: str, competitor, *,
                         kind: str = "quality", respondent: str = "respondent_id",
                         brand: str = "brand", attribute: str = "attribute", weight: str = "weight",
                         lower_is_better=None, scale=(1, 10), normalize: bool = False,
                         method: str = "ratio", missing: str = "raise", n_boot: int | None = 1000,
                         ci: float = 0.95, seed=None) -> Profile:
    r"""Quality or price profile from respondent-level ratings, with bootstrap confidence intervals.

    The mean rating of each brand on each attribute is computed over the
    respondents who rated it; the profile is then :func:`quality_profile` /
    :func:`price_profile` on those means.  Uncertainty comes from a
    nonparametric bootstrap that resamples *respondents* (with all the brands
    each one rated, so ratings by the same person stay together) ``n_boot``
    times; intervals are percentile intervals.  Weights are held fixed.

    Parameters
    ----------
    ratings : DataFrame
        One row per respondent and brand rated: ``respondent``, ``brand`` and one
        column per attribute (ratings on ``scale``).
    weights : dict, Series or DataFrame
        Importance weights (sum 100) keyed by the attribute columns to use.
    ours, competitor : str, str or list of str
        Brands (values of the ``brand`` column).  A list of competitors pools
        their ratings, so each counts in proportion to how often it was rated.
    kind : {"quality", "price"}
    missing : {"raise", "drop", "available"}
        Missing answers are an error by default.  ``"available"``: each mean
        uses the answers given (counts in ``n_ours``/``n_competitor``);
        ``"drop"``: rating rows with any missing answer are dropped (the old
        spelling ``"listwise"`` still works, with a warning).
    n_boot : int or None, default 1000
        Bootstrap resamples (>= 1); None for no bootstrap.
    ci : float, default 0.95
        Confidence level of the intervals (``level=`` is its deprecated old name).
    seed : None, int or numpy Generator
        Seed of the bootstrap; pass one for reproducible intervals.

    Returns
    -------
    Profile
        With ``intervals`` (estimate, se, ci_low, ci_high for every ratio, the
        score and ``relative``, scores on the 100 scale), ``conf_int()`` and
        ``boot_scores``.

    Raises
    ------
    ValueError
        Unknown brands or attribute columns, ratings off the scale, missing
        answers (with ``missing="raise"``), or a respondent who rated the same
        brand twice.

    Examples
    --------
    >>> r = pd.DataFrame({"respondent_id": [1, 1, 2, 2], "brand": ["A", "B", "A", "B"],
    ...                   "q": [8, 6, 6, 6]})
    >>> round(profile_from_ratings(r, {"q": 100}, "A", "B", n_boot=None).score, 2)
    116.67

    References
    ----------
    Gale (1994), ch. 3: profiles are built from customers' ratings of every
    competitor they know.  Efron & Tibshirani (1993), *An Introduction to the
    Bootstrap*, ch. 13 (percentile intervals).
    """
    missing = _check_options(kind, method, missing, ("raise", "drop", "available"))
    ci = check_ci(ci)
    if n_boot is not None:
        if n_boot == 0 and not isinstance(n_boot, bool):
            raise ValueError("n_boot must be at least 1; pass n_boot=None to skip the bootstrap")
        n_boot = check_n_boot(n_boot)
    if not isinstance(ours, str):
        raise TypeError(f"ours must be one brand name, got {ours!r}")
    comps = _brand_list(competitor)
    ws = _weights_series(weights, attribute, weight)
    attrs = list(ws.index)
    w = require_weights(ws.to_numpy(float), attrs, normalize=normalize)
    lower = _lower_mask(lower_is_better, attrs)
    if method == "weighted_average" and lower.any():
        raise ValueError("method='weighted_average' needs every attribute 'more is better'; use method='ratio'")
    sub, codes, n_resp, notes = _respondent_arrays(ratings, [ours] + comps, attrs, respondent,
                                                   brand, scale, missing)
    x = sub[attrs].to_numpy(float)
    is_ours = (sub[brand].astype(str) == ours).to_numpy()
    present = ~np.isnan(x)
    xz = np.where(present, x, 0.0)

    def sums(mask):
        s = np.zeros((n_resp, len(attrs)))
        n = np.zeros((n_resp, len(attrs)))
        np.add.at(s, codes[mask], xz[mask])
        np.add.at(n, codes[mask], present[mask].astype(float))
        return s, n

    s_o, n_o = sums(is_ours)
    s_c, n_c = sums(sub[brand].astype(str).isin(comps).to_numpy())
    no_o = [a for a, k in zip(attrs, n_o.sum(0), strict=True) if k == 0]
    no_c = [a for a, k in zip(attrs, n_c.sum(0), strict=True) if k == 0]
    if no_o or no_c:
        raise ValueError(f"no ratings of {ours!r} for {no_o}" if no_o else
                         f"no ratings of {_competitor_name(comps)} for {no_c}")
    o = s_o.sum(0) / n_o.sum(0)
    c = s_c.sum(0) / n_c.sum(0)
    comp_name = _competitor_name(comps)
    r = _ratios(o, c, lower, attrs, ours, comp_name)
    prof = _finish(kind, method, ours, comp_name, attrs, w, o, c, r, lower, None, [], notes,
                   extra={"n_ours": n_o.sum(0).astype(int), "n_competitor": n_c.sum(0).astype(int)})
    if n_boot is None:
        return prof
    counts = resample_counts(n_resp, n_boot, seed=seed)
    with np.errstate(divide="ignore", invalid="ignore"):
        bo = (counts @ s_o) / (counts @ n_o)
        bc = (counts @ s_c) / (counts @ n_c)
        br = np.where(lower, bc / bo, bo / bc)
        if method == "ratio":
            bscore = br @ w
        else:
            bscore = 100.0 * (bo @ w) / (bc @ w)
    brel = 100.0 * 100.0 / bscore if kind == "price" else bscore
    draws = pd.DataFrame(np.column_stack([br, bscore, brel]), columns=attrs + ["score", "relative"])
    est = np.concatenate([prof.table["ratio"].to_numpy(float), [prof.score, prof.relative]])
    se, lo, hi = percentile_interval(draws.to_numpy(), ci)
    intervals = pd.DataFrame({"estimate": est, "se": se, "ci_low": lo, "ci_high": hi}, index=draws.columns)
    bad = int(np.isnan(bscore).sum())
    notes = list(prof.notes)
    if bad:
        notes.append(f"{bad} bootstrap resample(s) lacked ratings for some attribute and were left out")
    return Profile(kind=prof.kind, method=prof.method, ours=prof.ours, competitor=prof.competitor,
                   table=prof.table, score=prof.score, ours_average=prof.ours_average,
                   competitor_average=prof.competitor_average, notes=notes, intervals=intervals,
                   n_boot=int(n_boot), ci_level=ci, boot_scores=bscore, boot_draws=draws)


def brand_scores(data: pd.DataFrame, brands=None, *, kind: str = "quality",
                 attribute: str = "attribute", weight: str = "weight", **options) -> pd.DataFrame:
    """Every brand's profile score against the mean of all the other brands.

    The inputs of the value map for a whole market: each brand is profiled
    against the average rating of its rivals (Gale's "versus competitors").

    Parameters
    ----------
    data : DataFrame
        Aggregated table: attribute, weight and one rating column per brand.
    brands : list of str, optional
        Brands to include (default: every column but ``attribute`` and ``weight``).
    kind : {"quality", "price"}
    **options
        Passed on to the profile (``method``, ``scale``, ``lower_is_better``, ...).

    Returns
    -------
    DataFrame
        ``brand``, ``score``, ``average`` (weighted average rating) and
        ``relative_quality`` or ``relative_price`` (100 x 100 / score), on the
        100 scale.

    Examples
    --------
    >>> t = pd.DataFrame({"attribute": ["q"], "weight": [100], "A": [8], "B": [4], "C": [4]})
    >>> brand_scores(t)["relative_quality"].round(2).tolist()
    [200.0, 66.67, 66.67]
    """
    check_option(kind, "kind", _KINDS)
    require_frame(data, "data")
    cols = [str(c) for c in data.columns if c not in (attribute, weight)]
    brands = cols if brands is None else list(brands)
    _check_brands(brands, cols, f"the brand columns of data (all columns but {attribute!r} and {weight!r})")
    if len(brands) < 2:
        raise ValueError(f"brand_scores needs at least two brands, got {brands}")
    fn = quality_profile if kind == "quality" else price_profile
    rows = []
    for b in brands:
        p = fn(data, b, [x for x in brands if x != b], attribute=attribute, weight=weight, **options)
        rel = p.relative_quality if kind == "quality" else p.relative_price
        rows.append({"brand": b, "score": p.score, "average": p.ours_average,
                     f"relative_{kind}": rel})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------- head to head


@dataclass(frozen=True, repr=False)
class HeadToHead(Result):
    """Head-to-head area chart data (Gale 1994, tool 5).

    ``table``: per attribute ``weight``, ``ratio``, ``start``/``end`` (the bar's
    horizontal extent: cumulative weights), ``height`` = ratio - 1 and
    ``area`` = weight x (ratio - 1).  ``net_area`` = sum of areas = score - 100.
    """

    ours: str
    competitor: str
    table: pd.DataFrame
    net_area: float
    score: float

    _show_index = False

    def summary(self) -> pd.DataFrame:
        """One bar per attribute: weight, ratio, start, end, height, area."""
        return self.table.copy()

    def _title(self):
        return [f"Head-to-head: {self.ours} vs {self.competitor}",
                f"net area {self.net_area:+.2f} (= score {self.score:.2f} - 100); "
                f"advantages {self.table['area'].clip(lower=0).sum():.2f}, "
                f"disadvantages {self.table['area'].clip(upper=0).sum():.2f}"]


def head_to_head(profile: Profile, sort: bool = False) -> HeadToHead:
    r"""Head-to-head area chart of a profile (Gale 1994, tool 5; 竞争对比面积图).

    Each attribute is a bar of width :math:`w_a` and height :math:`r_a - 1`, so its
    area :math:`w_a (r_a - 1)` is what the attribute adds to (or takes from)
    the score: :math:`\sum_a w_a (r_a - 1) = \text{score} - 100` because the
    weights sum to 100.

    Parameters
    ----------
    profile : Profile
        From :func:`quality_profile`, :func:`price_profile` or :func:`profile_from_ratings`.
    sort : bool
        Order the bars from the largest advantage to the largest disadvantage.

    Returns
    -------
    HeadToHead

    Examples
    --------
    >>> t = pd.DataFrame({"attribute": ["a", "b"], "weight": [60, 40], "ratio": [1.2, 0.9]})
    >>> round(head_to_head(quality_profile(t, ratio="ratio")).net_area, 6)
    8.0
    """
    if not isinstance(profile, Profile):
        raise TypeError(f"head_to_head needs a Profile (from quality_profile/price_profile), got {type(profile).__name__}")
    t = profile.table[["attribute", "weight", "ratio", "area"]].copy()
    if sort:
        t = t.sort_values("area", ascending=False, kind="stable").reset_index(drop=True)
    t["end"] = t["weight"].cumsum()
    t["start"] = t["end"] - t["weight"]
    t["height"] = t["ratio"] - 1.0
    t = t[["attribute", "weight", "ratio", "start", "end", "height", "area"]]
    net = float(t["area"].sum())
    return HeadToHead(ours=profile.ours, competitor=profile.competitor, table=t, net_area=net,
                      score=100.0 + net)


# ------------------------------------------------------------------------------ value map


@dataclass(frozen=True, repr=False)
class ValueMap(Result):
    """A customer value map (Gale 1994, tool 3; 客户价值图).

    ``table``: per brand ``relative_quality``, ``relative_price``,
    ``fair_price`` (the line's price at that quality), ``distance`` (signed
    perpendicular distance to the fair-value line, positive = below the line =
    better value) and ``position`` ("better value", "fair value", "worse value").
    ``intercept`` and ``slope`` describe the line ``price = intercept + slope x
    quality``; ``line`` is "diagonal" or "regression" (then ``fit`` holds the
    statsmodels OLS results).  ``params`` and ``bse`` are Series indexed
    ``intercept``, ``slope`` (standard errors NaN for the diagonal, which is
    not estimated); ``conf_int(alpha)`` is a DataFrame with ``ci_low``,
    ``ci_high`` (t intervals of the OLS fit).
    """

    table: pd.DataFrame
    intercept: float
    slope: float
    line: str
    zone: float
    fit: object = None

    _show_index = False

    @property
    def params(self) -> pd.Series:
        """Intercept and slope of the fair-value line."""
        return pd.Series({"intercept": self.intercept, "slope": self.slope})

    @property
    def bse(self) -> pd.Series:
        """Standard errors of the line (NaN for the diagonal, which is not estimated)."""
        if self.fit is None:
            return pd.Series({"intercept": np.nan, "slope": np.nan})
        return pd.Series(np.asarray(self.fit.bse, dtype=float), index=["intercept", "slope"])

    def conf_int(self, alpha: float = 0.05) -> pd.DataFrame:
        """Intervals of intercept and slope at level ``1 - alpha``: columns ``ci_low``, ``ci_high``."""
        a = 1 - check_alpha(alpha)
        if self.fit is None:
            return pd.DataFrame({"ci_low": np.nan, "ci_high": np.nan}, index=["intercept", "slope"])
        c = np.asarray(self.fit.conf_int(a), dtype=float)
        return pd.DataFrame({"ci_low": c[:, 0], "ci_high": c[:, 1]}, index=["intercept", "slope"])

    def distance_of(self, quality: float, price: float) -> float:
        """Signed perpendicular distance of any point (positive = better value)."""
        return float((self.intercept + self.slope * quality - price) / np.hypot(1.0, self.slope))

    def summary(self) -> pd.DataFrame:
        """One row per brand: relative quality and price, fair price, distance, position."""
        return self.table.copy()

    def _title(self):
        how = (say("diagonal through (100, 100)", "过 (100, 100) 的对角线") if self.line == "diagonal"
               else say("fitted by OLS", "用最小二乘法拟合"))
        lines = [say(f"Customer value map: fair-value line {how}: price = {self.intercept:.2f} + "
                     f"{self.slope:.3f} x quality; fair-value zone +/-{self.zone:g}",
                     f"客户价值图：平价价值线为{how}：价格 = {self.intercept:.2f} + "
                     f"{self.slope:.3f} x 质量；公平价值区 +/-{self.zone:g}")]
        if self.fit is not None:
            lines.append(say(f"R^2 = {self.fit.rsquared:.3f}, n = {int(self.fit.nobs)} brands",
                             f"R^2 = {self.fit.rsquared:.3f}，n = {int(self.fit.nobs)} 个品牌"))
        return lines


def value_map(data: pd.DataFrame, *, brand: str = "brand", quality: str = "relative_quality",
              price: str = "relative_price", line: str = "diagonal", zone: float = 5.0,
              weight: str | None = None) -> ValueMap:
    r"""Customer value map: relative price against relative quality (Gale 1994, tool 3).

    The fair-value line is the diagonal :math:`p = q` through (100, 100) by
    default, or (``line="regression"``) the OLS line :math:`p = a + b q` fitted
    across the brands (weighted least squares when ``weight`` names a column
    such as market share).  A brand's value is its signed perpendicular
    distance to the line

    .. math:: d = \frac{a + b q - p}{\sqrt{1 + b^2}},

    positive below the line (more quality for the price: better value).
    Brands with :math:`|d| \le` ``zone`` are in the fair-value zone.

    Parameters
    ----------
    data : DataFrame
        One row per brand with relative quality and relative price (100 = parity).
    brand, quality, price : str
        Column names.
    line : {"diagonal", "regression"}
    zone : float, default 5
        Half-width of the fair-value zone, in points of the map (perpendicular).
    weight : str, optional
        Column of regression weights (e.g. market shares) for ``line="regression"``:
        non-negative, at least three positive.

    Returns
    -------
    ValueMap

    Examples
    --------
    >>> m = value_map(pd.DataFrame({"brand": ["A", "B"], "relative_quality": [110, 95],
    ...                             "relative_price": [100, 105]}))
    >>> m.table["position"].tolist()
    ['better value', 'worse value']

    References
    ----------
    Gale (1994), ch. 1 and 9: the customer value map and the fair-value line.
    """
    require_frame(data, "data")
    require_columns(data, [brand, quality, price] + ([weight] if weight else []), "data")
    require_numeric(data, [quality, price] + ([weight] if weight else []), "data")
    if data[[quality, price]].isna().to_numpy().any():
        miss = data.loc[data[[quality, price]].isna().any(axis=1), brand].tolist()
        raise ValueError(f"relative quality or price is missing for brand(s) {miss}; the map needs both")
    check_option(line, "line", ("diagonal", "regression"))
    if weight:
        wv = data[weight].to_numpy(float)
        bad = np.isnan(wv) | (wv < 0)
        if bad.any():
            raise ValueError(f"column {weight!r} (regression weights) must be non-negative numbers, got "
                             f"{wv[bad].tolist()} for brand(s) {data.loc[bad, brand].tolist()}")
        if line == "regression" and (wv > 0).sum() < 3:
            raise ValueError(f"column {weight!r} gives a positive weight to {(wv > 0).sum()} brand(s); "
                             f"a regression line needs at least 3")
    if isinstance(zone, bool) or not isinstance(zone, int | float | np.integer | np.floating):
        raise TypeError(f"zone must be a number of map points, got {zone!r}")
    if not np.isfinite(zone) or zone < 0:
        raise ValueError(f"zone must be a non-negative number of map points, got {zone!r}")
    q = data[quality].to_numpy(float)
    p = data[price].to_numpy(float)
    if (q <= 0).any() or (p <= 0).any():
        raise ValueError("relative quality and relative price must be positive (100 = parity)")
    fit = None
    if line == "diagonal":
        a, b = 0.0, 1.0
    else:
        if len(data) < 3:
            raise ValueError(f"a regression fair-value line needs at least 3 brands, got {len(data)}")
        import statsmodels.api as sm

        X = sm.add_constant(q, has_constant="add")
        if weight:
            fit = sm.WLS(p, X, weights=data[weight].to_numpy(float)).fit()
        else:
            fit = sm.OLS(p, X).fit()
        a, b = float(fit.params[0]), float(fit.params[1])
    fair = a + b * q
    d = (fair - p) / np.hypot(1.0, b)
    pos = np.where(np.abs(d) <= zone, "fair value", np.where(d > 0, "better value", "worse value"))
    table = pd.DataFrame({"brand": data[brand].astype(str).to_numpy(), "relative_quality": q,
                          "relative_price": p, "fair_price": fair, "distance": d, "position": pos})
    return ValueMap(table=table, intercept=a, slope=b, line=line, zone=float(zone), fit=fit)


# ------------------------------------------------------------------------------- win/loss


@dataclass(frozen=True, repr=False)
class WinLoss(EstimateResult):
    """Win/loss analysis (Gale 1994, tool 4; 赢/输分析).

    ``by_competitor``: deals, won, lost, win_rate (a fraction) and its Wilson
    interval ``ci_low``, ``ci_high`` per competitor (and "all").
    ``reasons``: the reasons customers gave, ranked by the number of lost
    deals.  ``drivers``: the logistic regression of a win on the rating gaps
    (ours - rival), one row per attribute with the ``estimate`` (log odds
    per point), ``se``, ``ci_low``, ``ci_high``, ``odds_ratio``, ``z`` and
    ``p_value``, ranked by |z|.  ``fit`` is the statsmodels ``Logit``
    results; ``params``, ``bse``, ``llf``, ``aic``, ``bic`` are its, and
    ``summary(ci)`` / ``conf_int(alpha)`` follow the results vocabulary.
    """

    by_competitor: pd.DataFrame
    reasons: pd.DataFrame | None
    drivers: pd.DataFrame
    fit: object
    attributes: list
    n_dropped: int = 0
    ci_level: float = 0.95

    @property
    def params(self) -> pd.Series:
        return self.fit.params

    @property
    def bse(self) -> pd.Series:
        return self.fit.bse

    def _estimates(self, ci: float) -> pd.DataFrame:
        c = self.fit.conf_int(1 - ci)
        return pd.DataFrame({"estimate": self.fit.params, "se": self.fit.bse, "ci_low": c.iloc[:, 0],
                             "ci_high": c.iloc[:, 1], "p_value": self.fit.pvalues})

    @property
    def llf(self):
        return float(self.fit.llf)

    @property
    def aic(self):
        return float(self.fit.aic)

    @property
    def bic(self):
        return float(self.fit.bic)

    @property
    def nobs(self):
        return int(self.fit.nobs)

    @property
    def odds_ratios(self) -> pd.Series:
        return np.exp(self.fit.params)

    def _title(self):
        allrow = self.by_competitor.iloc[-1]
        return [f"Win/loss analysis: {int(allrow['deals'])} deals, win rate {allrow['win_rate']:.1%}",
                f"logit of a win on rating gaps (ours - rival): log-likelihood {self.llf:.2f}, "
                f"AIC {self.aic:.1f}, pseudo R^2 {self.fit.prsquared:.3f}, {self.nobs} deals"
                + (f" ({self.n_dropped} with a missing rating dropped)" if self.n_dropped else "")]

    def __repr__(self):
        return (text_table(self._title(), self.by_competitor, index=False) + "\n\n"
                + text_table(["Drivers of a win (logit on rating gaps)"], self.drivers, index=False))

    def _repr_html_(self):
        return (html_table(self._title(), self.by_competitor, index=False)
                + html_table(["Drivers of a win (logit on rating gaps)"], self.drivers, index=False))


def _outcome(series: pd.Series, name: str) -> np.ndarray:
    s = series
    if s.isna().any():
        raise ValueError(f"column {name!r} has {int(s.isna().sum())} missing outcome(s); every deal is won or lost")
    if pd.api.types.is_bool_dtype(s):
        return s.to_numpy(int)
    if pd.api.types.is_numeric_dtype(s):
        vals = set(np.unique(s.to_numpy(float)).tolist())
        if vals <= {0.0, 1.0}:
            return s.to_numpy(int)
    bad = sorted(map(str, pd.unique(s)))[:6]
    raise ValueError(f"column {name!r} must be 1/True for a won deal and 0/False for a lost one, got values "
                     f"{bad}; map text labels first, e.g. deals[{name!r}].eq('won')")


@renamed_args(level="ci")
def win_loss(deals: pd.DataFrame, attributes: Sequence[str], *, outcome: str = "won",
             competitor: str = "competitor", reason: str | None = "reason",
             ours_suffix: str = "_ours", rival_suffix: str = "_rival", missing: str = "raise",
             ci: float = 0.95) -> WinLoss:
    r"""Win/loss analysis: win rates, reasons, and which attribute gaps predict a win.

    For deal :math:`i` against a rival, with the customer's ratings of us
    and of the rival on attribute :math:`a`, the gap is
    :math:`g_{ia} = x^{ours}_{ia} - x^{rival}_{ia}` and

    .. math:: \Pr(\text{win}_i) = \frac{1}{1 + \exp(-(\beta_0 + \sum_a \beta_a g_{ia}))},

    fitted by maximum likelihood (statsmodels ``Logit``).  :math:`e^{\beta_a}`
    is the odds ratio of winning per point of advantage on attribute :math:`a`.
    Win rates get Wilson score intervals.

    Parameters
    ----------
    deals : DataFrame
        One row per deal: outcome (1/True = won), competitor, optional reason,
        and for every attribute ``<attribute><ours_suffix>`` and
        ``<attribute><rival_suffix>`` ratings.
    attributes : list of str
        The attributes whose gaps enter the regression.
    outcome, competitor, reason : str
        Column names (``reason=None`` if there is none).
    missing : {"raise", "drop"}
        Deals with a missing rating are an error, or dropped (counted in the repr).
    ci : float, default 0.95
        Confidence level of the intervals, in (0, 1) (``level=`` is its
        deprecated old name; 95 is refused with a hint).

    Returns
    -------
    WinLoss

    Examples
    --------
    >>> d = pd.DataFrame({"won": [1, 0, 1, 0, 1, 0, 1, 1], "competitor": ["X"] * 8,
    ...                   "q_ours": [8, 6, 7, 5, 6, 7, 9, 5], "q_rival": [6, 7, 6, 6, 5, 6, 6, 6]})
    >>> wl = win_loss(d, ["q"], reason=None)
    >>> wl.by_competitor[["competitor", "deals", "win_rate"]].values.tolist()
    [['X', 8, 0.625], ['all', 8, 0.625]]
    >>> list(wl.conf_int().columns)
    ['ci_low', 'ci_high']

    References
    ----------
    Gale (1994), ch. 7 (win/loss analysis); Wilson (1927) for the interval.
    """
    from statsmodels.stats.proportion import proportion_confint

    require_frame(deals, "deals")
    if isinstance(attributes, str):
        attributes = [attributes]
    attributes = list(attributes)
    if not attributes:
        raise ValueError("attributes must name at least one attribute")
    ci = check_ci(ci)
    missing = check_missing(missing, ("raise", "drop"))
    if len(deals) == 0:
        raise ValueError("deals is empty: win/loss analysis needs at least one won and one lost deal")
    require_columns(deals, [outcome, competitor] + ([reason] if reason else []), "deals")
    need = [f"{a}{s}" for a in attributes for s in (ours_suffix, rival_suffix)]
    absent = [c for c in need if c not in deals.columns]
    if absent:
        raise ValueError(f"unknown attribute(s): deals has no column(s) {absent}; for each attribute "
                         f"a the columns a{ours_suffix!r} and a{rival_suffix!r} are expected "
                         f"(columns: {list(map(str, deals.columns))})")
    require_numeric(deals, need, "deals")
    d = deals
    n_dropped = 0
    if d[need].isna().to_numpy().any():
        per = d[need].isna().sum()
        per = per[per > 0]
        if missing == "raise":
            raise ValueError(f"deals has missing ratings ({', '.join(f'{c!r}: {n}' for c, n in per.items())}); "
                             f"pass missing='drop' to leave those deals out of the regression")
        n_dropped = int(d[need].isna().any(axis=1).sum())
    y_all = _outcome(d[outcome], outcome)
    # win rates use every deal
    alpha = 1 - ci
    rows = []
    comp = d[competitor].astype(str)
    for name in list(pd.unique(comp)) + ["all"]:
        m = np.ones(len(d), bool) if name == "all" else (comp == name).to_numpy()
        k, n = int(y_all[m].sum()), int(m.sum())
        lo, hi = proportion_confint(k, n, alpha=alpha, method="wilson")
        rows.append({"competitor": name, "deals": n, "won": k, "lost": n - k, "win_rate": k / n,
                     "ci_low": float(lo), "ci_high": float(hi)})
    by = pd.DataFrame(rows)
    by = pd.concat([by.iloc[:-1].sort_values("win_rate", kind="stable"), by.iloc[-1:]], ignore_index=True)
    reasons = None
    if reason:
        rs = d[reason].fillna("(none given)").astype(str)
        t = pd.crosstab(rs, pd.Series(np.where(y_all == 1, "won", "lost"), index=d.index))
        for col in ("lost", "won"):
            if col not in t:
                t[col] = 0
        t = t[["lost", "won"]].sort_values(["lost", "won"], ascending=False)
        t["share_of_losses"] = t["lost"] / max(int(t["lost"].sum()), 1)
        t["share_of_wins"] = t["won"] / max(int(t["won"].sum()), 1)
        t.insert(0, "rank", np.arange(1, len(t) + 1))
        reasons = t.rename_axis(index=reason, columns=None).reset_index()
    keep = ~d[need].isna().any(axis=1).to_numpy()
    gaps = pd.DataFrame({f"gap_{a}": d[f"{a}{ours_suffix}"].to_numpy(float) - d[f"{a}{rival_suffix}"].to_numpy(float)
                         for a in attributes})[keep]
    y = y_all[keep]
    if len(np.unique(y)) < 2:
        raise ValueError("the regression needs both won and lost deals; all deals have the same outcome")
    if len(y) <= len(attributes) + 1:
        raise ValueError(f"too few deals ({len(y)}) for {len(attributes)} attribute gaps")
    import statsmodels.api as sm

    X = sm.add_constant(gaps, has_constant="add")
    try:
        fit = sm.Logit(y, X).fit(disp=0, maxiter=200)
    except Exception as exc:  # perfect separation, singular design
        raise ValueError(f"the logistic regression could not be fitted ({exc}); an attribute gap "
                         f"may predict every outcome perfectly, or two gaps may be identical") from exc
    cint = fit.conf_int(alpha)
    drivers = pd.DataFrame({
        "attribute": attributes,
        "estimate": fit.params.iloc[1:].to_numpy(),
        "se": fit.bse.iloc[1:].to_numpy(),
        "ci_low": cint.iloc[1:, 0].to_numpy(),
        "ci_high": cint.iloc[1:, 1].to_numpy(),
        "odds_ratio": np.exp(fit.params.iloc[1:].to_numpy()),
        "z": fit.tvalues.iloc[1:].to_numpy(),
        "p_value": fit.pvalues.iloc[1:].to_numpy(),
    })
    drivers = drivers.reindex(drivers["z"].abs().sort_values(ascending=False).index).reset_index(drop=True)
    drivers.insert(0, "rank", np.arange(1, len(drivers) + 1))
    return WinLoss(by_competitor=by, reasons=reasons, drivers=drivers, fit=fit, attributes=attributes,
                   n_dropped=n_dropped, ci_level=ci)


# ----------------------------------------------------------------------------- key events


def _periods(values, name: str) -> pd.PeriodIndex:
    try:
        return pd.PeriodIndex([pd.Period(str(v), freq="Q") for v in values])
    except (ValueError, TypeError):
        bad = [v for v in values if not _is_quarter(v)]
        raise ValueError(f"column {name!r} must hold quarters such as '2024Q1', got {_preview(bad)}") from None


def _is_quarter(v) -> bool:
    try:
        pd.Period(str(v), freq="Q")
        return True
    except (ValueError, TypeError):
        return False


def scores_over_time(tracking: pd.DataFrame, weights, ours: str, competitor, *,
                     kind: str = "quality", period: str = "quarter", brand: str = "brand",
                     attribute: str = "attribute", rating: str = "rating",
                     weight: str = "weight", **options) -> pd.DataFrame:
    """A profile score per period from tracking data (the y-axis of the key events timeline).

    Parameters
    ----------
    tracking : DataFrame
        Long table: period, brand, attribute, mean rating (one row each).
    weights : dict, Series or DataFrame
        Attribute weights (sum 100), the same in every period.
    ours, competitor : brand names (competitor may be a list).
    kind : {"quality", "price"}
    **options
        Passed to the profile (``method``, ``scale``, ``missing``, ...).

    Returns
    -------
    DataFrame
        ``period`` (quarter text), ``score`` and ``relative`` (relative quality
        or relative price), both on the 100 scale, ``ours_average``,
        ``competitor_average``.

    Raises
    ------
    ValueError
        A (period, brand, attribute) combination given twice: the function
        does not average repeated rows silently; aggregate them first.

    Examples
    --------
    >>> tr = pd.DataFrame({"quarter": ["2024Q1", "2024Q1", "2024Q2", "2024Q2"],
    ...                    "brand": ["A", "B", "A", "B"], "attribute": "q", "rating": [8, 4, 6, 6]})
    >>> scores_over_time(tr, {"q": 100}, "A", "B")[["period", "relative"]].values.tolist()
    [['2024Q1', 200.0], ['2024Q2', 100.0]]
    """
    require_frame(tracking, "tracking")
    require_columns(tracking, [period, brand, attribute, rating], "tracking")
    check_option(kind, "kind", _KINDS)
    dup = tracking.duplicated([period, brand, attribute], keep=False)
    if dup.any():
        first = [v.item() if isinstance(v, np.generic) else v
                 for v in tracking.loc[dup, [period, brand, attribute]].iloc[0].tolist()]
        raise ValueError(
            f"tracking has {int(tracking.duplicated([period, brand, attribute]).sum())} repeated "
            f"({period}, {brand}, {attribute}) row(s), first {first}; each brand's mean rating of an "
            f"attribute is given once per period. Aggregate the repeats first if that is what you mean "
            f"(e.g. tracking.groupby([{period!r}, {brand!r}, {attribute!r}], as_index=False)[{rating!r}].mean())"
        )
    ws = _weights_series(weights, "attribute", "weight")
    per = _periods(tracking[period], period)
    t = tracking.assign(_p=per.astype(str))
    unknown = sorted(set(ws.index) - set(t[attribute].astype(str)))
    if unknown:
        raise ValueError(f"unknown attribute(s) {unknown}: tracking column {attribute!r} has "
                         f"{sorted(t[attribute].astype(str).unique())}")
    fn = quality_profile if kind == "quality" else price_profile
    rows = []
    for p, g in t.groupby("_p", sort=True):
        wide = g.pivot_table(index=attribute, columns=brand, values=rating, aggfunc="mean", observed=True)
        wide.columns = wide.columns.astype(str)
        wide = wide.reindex(list(ws.index))
        table = pd.DataFrame({"attribute": list(ws.index), "weight": ws.to_numpy(float)})
        for b in wide.columns:
            table[b] = wide[b].to_numpy(float)
        prof = fn(table, ours, competitor, **options)
        rel = prof.relative_quality if kind == "quality" else prof.relative_price
        rows.append({"period": p, "score": prof.score, "relative": rel,
                     "ours_average": prof.ours_average, "competitor_average": prof.competitor_average})
    return pd.DataFrame(rows)


@dataclass(frozen=True, repr=False)
class KeyEvents(Result):
    """Key events aligned with score series (Gale 1994, tool 6; 关键事件).

    ``timeline``: the score table with a ``period`` column (quarters) and the
    score columns.  ``events``: each event with its ``period`` (the quarter
    its date falls in) and, per score column, the value ``before`` (the
    previous quarter), ``after`` (``lag`` quarters after the event's quarter)
    and the ``change``.
    """

    timeline: pd.DataFrame
    events: pd.DataFrame
    columns: list
    lag: int

    _show_index = False

    def summary(self) -> pd.DataFrame:
        """One row per event with each score before, after and its change."""
        return self.events.copy()

    def _title(self):
        return [f"Key events: {len(self.events)} event(s) on a timeline of {len(self.timeline)} quarters "
                f"({self.timeline['period'].iloc[0]} to {self.timeline['period'].iloc[-1]}); "
                f"change = score {self.lag} quarter(s) after the event's quarter - score the quarter before"]


@takes_date_format
def key_events(scores: pd.DataFrame, events: pd.DataFrame, *, period: str = "period",
               columns: Sequence[str] | None = None, date: str = "date", event: str = "event",
               lag: int = 0) -> KeyEvents:
    """Align dated events with quarterly quality and price scores (Gale 1994, tool 6).

    Each event is placed in the quarter its date falls in.  For every score
    column the function reports the score in the quarter before the event,
    ``lag`` quarters after the event's quarter (0: the same quarter, whose
    survey wave closes after the event), and the change.

    Parameters
    ----------
    scores : DataFrame
        One row per quarter: ``period`` (e.g. '2024Q1') and score columns.
    events : DataFrame
        One row per event: ``date`` and ``event`` (label); other columns (brand,
        kind) are kept.
    columns : list of str, optional
        Score columns (default: every numeric column of ``scores``).
    lag : int, default 0
        Quarters after the event's quarter at which ``after`` is read.
    date_format : str, optional
        ``strftime`` format of date strings that are not ISO 8601 (e.g.
        ``"%d/%m/%Y"``); ambiguous strings are refused without it.

    Returns
    -------
    KeyEvents

    Raises
    ------
    ValueError
        An event outside the timeline, or a quarter the comparison needs that
        is missing from ``scores`` (a gap in the quarters).

    Examples
    --------
    >>> sc = pd.DataFrame({"period": ["2024Q1", "2024Q2", "2024Q3"], "quality": [100, 104, 98]})
    >>> ev = pd.DataFrame({"date": ["2024-08-01"], "event": ["recall"]})
    >>> key_events(sc, ev).events[["period", "quality_before", "quality_after", "quality_change"]].values.tolist()
    [['2024Q3', 104.0, 98.0, -6.0]]

    References
    ----------
    Gale (1994), ch. 8: the key events chart ("what happened, and when").
    """
    require_frame(scores, "scores")
    require_frame(events, "events")
    require_columns(scores, [period], "scores")
    require_columns(events, [date, event], "events")
    if isinstance(lag, bool) or not isinstance(lag, int | np.integer) or lag < 0:
        raise ValueError(f"lag must be a whole number of quarters >= 0, got {lag!r}")
    if columns is None:
        columns = [c for c in scores.columns if c != period and pd.api.types.is_numeric_dtype(scores[c])]
    columns = list(columns)
    require_columns(scores, columns, "scores")
    require_numeric(scores, columns, "scores")
    per = _periods(scores[period], period)
    if per.has_duplicates:
        raise ValueError(f"scores has more than one row for quarter(s) {sorted(set(per[per.duplicated()].astype(str)))}")
    tl = scores.assign(**{period: per}).sort_values(period).reset_index(drop=True)
    tl = tl.rename(columns={period: "period"})
    when = parse_dates(events[date], date)
    ev_per = pd.PeriodIndex(when.dt.to_period("Q"))
    first, last = tl["period"].iloc[0], tl["period"].iloc[-1]
    outside = (ev_per <= first) | (ev_per + int(lag) > last)
    if outside.any():
        names = events.loc[outside, event].astype(str).tolist()
        raise ValueError(
            f"event(s) {names} fall outside the timeline: an event needs a score in the quarter before it "
            f"and {lag} quarter(s) after its own quarter, and the scores run from {first} to {last}"
        )
    lookup = tl.set_index("period")
    need = {}
    for name, p in zip(events[event].astype(str), ev_per, strict=True):
        for q in (p - 1, p + int(lag)):
            if q not in lookup.index:
                need.setdefault(str(q), []).append(name)
    if need:
        have = set(tl["period"].astype(str))
        gaps = [str(q) for q in pd.period_range(first, last, freq="Q") if str(q) not in have]
        raise ValueError(
            f"scores has no row for quarter(s) {sorted(need)}, needed by event(s) "
            f"{sorted({n for v in need.values() for n in v})}; the timeline {first} to {last} has a gap at "
            f"{gaps}. Add the missing quarter(s) to scores (key_events compares the quarter before an event "
            f"with the quarter {lag} after it)"
        )
    ev = events.copy().reset_index(drop=True)
    ev[date] = when.to_numpy()
    ev.insert(0, "period", ev_per.astype(str))
    for c in columns:
        before = lookup.loc[ev_per - 1, c].to_numpy(float)
        after = lookup.loc[ev_per + int(lag), c].to_numpy(float)
        ev[f"{c}_before"] = before
        ev[f"{c}_after"] = after
        ev[f"{c}_change"] = after - before
    ev = ev.sort_values(date, kind="stable").reset_index(drop=True)
    tl["period"] = tl["period"].astype(str)
    return KeyEvents(timeline=tl, events=ev, columns=columns, lag=int(lag))


# ------------------------------------------------------------------------------- what/who


@dataclass(frozen=True, repr=False)
class WhatWho(Result):
    """What/who matrix (Gale 1994, tool 7; What/Who矩阵).

    ``matrix``: attributes x functions (9/3/1/0).  ``shares``: per function
    the ``share`` of customer value it is responsible for (a fraction, the
    shares sum to 1) and, when ratios were given, ``net_area`` (the
    function's part of the head-to-head net area, in score points; these sum
    to score - 100).
    """

    matrix: pd.DataFrame
    weights: pd.Series
    shares: pd.DataFrame
    method: str

    _show_index = False

    def summary(self) -> pd.DataFrame:
        """One row per function: share (0-1), attributes owned, strong links (and net_area)."""
        return self.shares.copy()

    def _title(self):
        top = self.shares.iloc[0]
        return [say(f"What/who matrix ({self.method}): {self.matrix.shape[0]} attributes x "
                    f"{self.matrix.shape[1]} functions; largest share: {top['function']} {top['share']:.1%}",
                    f"What/Who 矩阵（{self.method}）：{self.matrix.shape[0]} 个属性 x "
                    f"{self.matrix.shape[1]} 个职能；占比最大：{top['function']} {top['share']:.1%}")]


def what_who(matrix: pd.DataFrame, *, attribute: str = "attribute", weight: str = "weight",
             functions: Sequence[str] | None = None, ratio: str | None = None,
             method: str = "distribute", normalize: bool = False) -> WhatWho:
    r"""What/who matrix: which functions are responsible for the attributes customers value.

    Strength :math:`s_{af} \in \{9, 3, 1, 0\}` (strong, medium, weak, none)
    links attribute :math:`a` (weight :math:`w_a`) to function :math:`f`.

    - ``method="distribute"`` (default): each attribute's weight is shared
      among the functions in proportion to strength,
      :math:`\text{share}_f = \sum_a (w_a/100) \, s_{af} / \sum_{f'} s_{af'}`;
      the shares are fractions summing to 1.
    - ``method="qfd"``: the quality-function-deployment importance
      :math:`\sum_a w_a s_{af}`, rescaled to sum to 1.

    With a ``ratio`` column (performance ratios from the quality profile)
    each function's ``net_area`` is its part of the head-to-head net area
    :math:`\sum_a w_a (r_a - 1)\, s_{af} / \sum_{f'} s_{af'}`, in score
    points (they sum to score - 100): who owns the advantages and the
    disadvantages.

    Parameters
    ----------
    matrix : DataFrame
        One row per attribute: attribute, weight, optional ratio, one column per
        function holding 9, 3, 1 or 0.
    functions : list of str, optional
        Function columns (default: all other columns).
    method : {"distribute", "qfd"}
    normalize : bool
        Rescale weights that do not sum to 100.

    Returns
    -------
    WhatWho

    Examples
    --------
    >>> m = pd.DataFrame({"attribute": ["reliability", "service"], "weight": [60, 40],
    ...                   "ratio": [1.2, 0.9], "R&D": [9, 0], "Service": [3, 9]})
    >>> what_who(m, ratio="ratio").shares[["function", "share", "net_area"]].round(3).values.tolist()
    [['Service', 0.55, -1.0], ['R&D', 0.45, 9.0]]

    References
    ----------
    Gale (1994), ch. 8 (the what/who matrix); Akao (1990) for the 9-3-1 scale
    of quality function deployment.
    """
    require_frame(matrix, "matrix")
    require_columns(matrix, [attribute, weight] + ([ratio] if ratio else []), "matrix")
    check_option(method, "method", ("distribute", "qfd"))
    skip = {attribute, weight} | ({ratio} if ratio else set())
    if functions is None:
        functions = [c for c in matrix.columns if c not in skip]
    functions = list(functions)
    if not functions:
        raise ValueError("the matrix has no function columns (who); add one column per function")
    absent = [f for f in functions if f not in matrix.columns]
    if absent:
        raise ValueError(f"unknown function column(s) {absent}; matrix has {list(map(str, matrix.columns))}")
    require_numeric(matrix, [weight] + functions, "matrix")
    attrs = matrix[attribute].astype(str).tolist()
    s = matrix[functions].set_axis(attrs).astype(float)
    if s.isna().to_numpy().any():
        cells = [f"{a!r}/{f!r}" for f in functions for a in s.index[s[f].isna()]]
        raise ValueError(f"the what/who matrix has empty cells {_preview(cells)}; use 0 for 'no relationship'")
    bad = ~s.isin([0, 1, 3, 9])
    if bad.to_numpy().any():
        cells = [f"{a!r}/{f!r}={s.loc[a, f]:g}" for f in functions for a in s.index[bad[f]]]
        raise ValueError(f"strengths must be 9 (strong), 3 (medium), 1 (weak) or 0 (none); got {_preview(cells)}")
    none = s.index[(s.sum(axis=1) == 0).to_numpy()].tolist()
    if none:
        raise ValueError(f"no function is responsible for attribute(s) {none}: give each attribute at least "
                         f"one non-zero strength (someone must own it)")
    if matrix[weight].isna().any():
        raise ValueError(f"column {weight!r} has missing weights")
    w = require_weights(matrix[weight].to_numpy(float), attrs, normalize=normalize)
    sv = s.to_numpy()
    alloc = sv / sv.sum(axis=1, keepdims=True)
    if method == "distribute":
        share = (w / 100.0) @ alloc
    else:
        raw = w @ sv
        share = raw / raw.sum()
    shares = pd.DataFrame({"function": functions, "share": share,
                           "attributes_owned": (sv > 0).sum(axis=0),
                           "strong_links": (sv == 9).sum(axis=0)})
    if ratio:
        r = matrix[ratio].to_numpy(float)
        if np.isnan(r).any() or (r <= 0).any():
            raise ValueError(f"column {ratio!r} must hold positive performance ratios")
        shares["net_area"] = (w * (r - 1.0)) @ alloc
    shares = shares.sort_values("share", ascending=False, kind="stable").reset_index(drop=True)
    return WhatWho(matrix=s.astype(int), weights=pd.Series(w, index=attrs, name=weight), shares=shares,
                   method=method)

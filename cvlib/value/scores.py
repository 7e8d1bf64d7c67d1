"""Perceived value from survey data: weighted benefit and sacrifice scores, group means, choice.

* :func:`perceived_value_scores`: each respondent's weighted benefit, cost,
  value (benefit - cost) and value ratio;
* :func:`value_by_group`: means with t or bootstrap confidence intervals per
  brand or segment;
* :func:`value_choice`: the brand a value-maximising customer picks, and the
  choice shares (fractions 0-1).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from .._bootstrap import percentile_interval, resample_indices
from .._results import Result
from .._validate import (
    as_rng,
    check_ci,
    check_missing,
    check_n_boot,
    check_option,
    require_columns,
    require_frame,
    require_in_range,
    require_no_missing,
    require_numeric,
    require_weights,
)
from .delivered import _ratio

__all__ = [
    "ValueChoice",
    "perceived_value_scores",
    "value_by_group",
    "value_choice",
]

def _item_weights(items, what: str, normalize: bool) -> dict[str, float]:
    """Items as a list (equal weights) or a dict item -> weight summing to 100."""
    if isinstance(items, str):
        raise TypeError(f"{what} must be a list of item columns or a dict item -> weight, got the "
                        f"string {items!r} (wrap one column in a list)")
    if isinstance(items, Mapping):
        labels = [str(k) for k in items]
        if not labels:
            raise ValueError(f"{what} is empty")
        w = require_weights(list(items.values()), labels, total=100.0, normalize=normalize,
                            name=f"{what} weights")
        return dict(zip(labels, w.tolist(), strict=True))
    labels = list(items)
    if not labels:
        raise ValueError(f"{what} is empty")
    if len(set(labels)) != len(labels):
        raise ValueError(f"{what} lists an item twice: {labels}")
    return {c: 100.0 / len(labels) for c in labels}


def _weighted_score(frame: pd.DataFrame, weights: dict[str, float], missing: str) -> pd.Series:
    cols = list(weights)
    w = np.array([weights[c] for c in cols])
    x = frame[cols].to_numpy(float)
    if missing == "available":
        answered = ~np.isnan(x)
        num = np.nansum(x * w, axis=1)
        den = (answered * w).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            score = np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan)
    else:
        score = x @ w / w.sum()
    return pd.Series(score, index=frame.index)


def perceived_value_scores(survey: pd.DataFrame, benefits, costs, *, normalize: bool = False,
                           missing: str = "raise", scale: tuple[float, float] | None = None,
                           keep: Sequence[str] | None = None) -> pd.DataFrame:
    r"""Weighted multi-attribute perceived benefit, sacrifice and value per respondent (row).

    .. math::

        B_i = \sum_j w_j b_{ij} / \sum_j w_j, \quad
        C_i = \sum_k u_k c_{ik} / \sum_k u_k, \quad
        V_i = B_i - C_i, \quad R_i = B_i / C_i

    :math:`V_i` is Meehan's :math:`V_c = F_c - C_c` on the survey's rating
    scale (Zeithaml's "get" versus "give").

    Parameters
    ----------
    survey : DataFrame
        One row per respondent (or respondent x brand rated), item ratings in columns.
    benefits, costs : list of str or dict
        Benefit (cost) item columns: a list gives equal weights; a dict item ->
        importance weight must sum to 100 (unless ``normalize=True``).  Cost
        items are rated as sacrifices: a higher rating is a larger cost.
    normalize : bool, default False
        Rescale weights that do not sum to 100 instead of raising.
    missing : {"raise", "drop", "available"}
        Missing ratings: raise an error naming the items (default); drop the
        row (listwise); or score each row on the items it answered, with the
        weights renormalised over them (rows with no answer at all in a block
        are dropped).  Dropped index labels are in ``result.attrs["dropped"]``.
    scale : (low, high), optional
        The rating scale; ratings outside it are an error.
    keep : list of str, optional
        Columns copied to the result (default: every non-numeric column, e.g.
        respondent id, brand, segment).

    Returns
    -------
    DataFrame
        The ``keep`` columns, then ``benefit``, ``cost``, ``value``
        (benefit - cost) and ``value_ratio`` (benefit / cost), with the survey's index.

    Examples
    --------
    >>> s = pd.DataFrame({"quality": [6, 4], "service": [5, 5], "price": [3, 6]})
    >>> perceived_value_scores(s, {"quality": 60, "service": 40}, ["price"])["value"].round(2).tolist()
    [2.6, -1.6]

    References
    ----------
    Zeithaml, V. A. (1988), Consumer perceptions of price, quality and value,
    *Journal of Marketing* 52(3); Kotler & Keller (2016) ch. 5.
    """
    require_frame(survey, "survey")
    missing = check_missing(missing)
    bw = _item_weights(benefits, "benefits", normalize)
    cw = _item_weights(costs, "costs", normalize)
    overlap = sorted(set(bw) & set(cw))
    if overlap:
        raise ValueError(f"item(s) {overlap} are listed both as benefits and as costs")
    items = list(bw) + list(cw)
    require_columns(survey, items, "survey")
    require_numeric(survey, items, "survey")
    if scale is not None:
        for c in items:
            require_in_range(survey[c], scale[0], scale[1], f"ratings of {c!r}")
    if keep is None:
        keep = [c for c in survey.columns if c not in items
                and (not pd.api.types.is_numeric_dtype(survey[c]) or pd.api.types.is_bool_dtype(survey[c]))]
    else:
        keep = list(keep)
        require_columns(survey, keep, "survey")
    data = survey
    dropped: list = []
    if missing == "raise":
        require_no_missing(survey, items, "survey")
    elif missing == "drop":
        bad = survey[items].isna().any(axis=1)
        dropped = list(survey.index[bad])
        data = survey[~bad]
    benefit = _weighted_score(data, bw, missing)
    cost = _weighted_score(data, cw, missing)
    if missing == "available":
        bad = benefit.isna() | cost.isna()
        dropped = list(data.index[bad])
        benefit, cost, data = benefit[~bad], cost[~bad], data[~bad]
    out = data[keep].copy()
    out["benefit"] = benefit
    out["cost"] = cost
    out["value"] = benefit - cost
    out["value_ratio"] = _ratio(benefit.to_numpy(), cost.to_numpy())
    out.attrs["dropped"] = dropped
    out.attrs["benefit_weights"] = bw
    out.attrs["cost_weights"] = cw
    return out


def value_by_group(scores: pd.DataFrame, by: str | Sequence[str] | None = "brand", *,
                   measures: Sequence[str] = ("benefit", "cost", "value"), ci: float = 0.95,
                   method: str = "t", n_boot: int = 2000, seed=None,
                   missing: str = "raise") -> pd.DataFrame:
    r"""Mean perceived benefit, cost and value per group with confidence intervals.

    ``method="t"``: :math:`\bar x \pm t_{n-1,(1+c)/2}\, s/\sqrt n`.
    ``method="bootstrap"``: percentile interval of the mean over ``n_boot``
    resamples of the group's rows (:mod:`cvlib._bootstrap`).

    Parameters
    ----------
    scores : DataFrame
        Typically the output of :func:`perceived_value_scores`.
    by : str, list of str or None
        Grouping column(s) (brand, segment, ...); None for the whole sample.
    measures : list of str
        Numeric columns to summarise (in the survey's rating points).
    ci : float, default 0.95
        Confidence level in (0, 1).
    method : {"t", "bootstrap"}
    n_boot : int, default 2000
        Bootstrap resamples (a whole number >= 1; used by ``method="bootstrap"``).
    seed : None, int or numpy Generator
        Seed of the bootstrap (pass one for reproducible intervals).
    missing : {"raise", "drop", "available"}
        A missing value in a measure or grouping column: raise (default);
        drop the row; or (``"available"``) use each measure's answered rows.

    Returns
    -------
    DataFrame
        Tidy: the ``by`` columns, ``measure``, ``n``, ``mean``, ``sd``, ``se``,
        ``ci_low``, ``ci_high`` (NaN interval for a group of one).

    Examples
    --------
    >>> s = pd.DataFrame({"brand": ["A", "A", "B", "B"], "value": [1.0, 2.0, 0.0, 1.0]})
    >>> value_by_group(s, "brand", measures=["value"])[["brand", "mean"]].values.tolist()
    [['A', 1.5], ['B', 0.5]]
    """
    require_frame(scores, "scores")
    ci = check_ci(ci)
    check_option(method, "method", ("t", "bootstrap"))
    missing = check_missing(missing)
    if method == "bootstrap":
        n_boot = check_n_boot(n_boot)
    by_cols = [] if by is None else ([by] if isinstance(by, str) else list(by))
    measures = [measures] if isinstance(measures, str) else list(measures)
    if not measures:
        raise ValueError("measures is empty; name at least one numeric column such as 'value'")
    require_columns(scores, by_cols + measures, "scores")
    require_numeric(scores, measures, "scores")
    data = scores
    if missing == "raise":
        require_no_missing(scores, measures + by_cols, "scores")
    else:
        require_no_missing(scores, by_cols, "scores")
        if missing == "drop":
            data = scores.dropna(subset=measures)
    rng = as_rng(seed) if method == "bootstrap" else None
    groups = data.groupby(by_cols, observed=True, sort=True) if by_cols else [((), data)]
    rows = []
    for key, g in groups:
        key = key if isinstance(key, tuple) else (key,)
        for m in measures:
            x = g[m].dropna().to_numpy(float)
            n = len(x)
            if n == 0:
                rows.append((*key, m, 0, math.nan, math.nan, math.nan, math.nan, math.nan))
                continue
            mean = float(x.mean())
            sd = float(x.std(ddof=1)) if n > 1 else math.nan
            se = sd / math.sqrt(n) if n > 1 else math.nan
            if n < 2:
                lo = hi = math.nan
            elif method == "t":
                half = float(stats.t.ppf((1 + ci) / 2, n - 1)) * se
                lo, hi = mean - half, mean + half
            else:
                idx = resample_indices(n, n_boot, seed=rng)
                _, lo, hi = percentile_interval(x[idx].mean(axis=1), ci)
            rows.append((*key, m, n, mean, sd, se, lo, hi))
    return pd.DataFrame(rows, columns=by_cols + ["measure", "n", "mean", "sd", "se", "ci_low", "ci_high"])


@dataclass(frozen=True, repr=False)
class ValueChoice(Result):
    """The brand each value-maximising respondent picks, and the resulting choice shares.

    ``choices``: one row per respondent (``respondent``, ``chosen``, ``value``,
    ``n_tied``; ties joined by ``" = "`` in ``chosen``).  ``shares``: tidy
    table of the ``by`` columns, ``brand``, ``respondents`` (a tie splits a
    respondent equally) and ``share`` (summing to 1 within each group).
    """

    choices: pd.DataFrame
    shares: pd.DataFrame

    _show_index = False

    def summary(self) -> pd.DataFrame:
        """The choice shares (fractions 0-1 within each group)."""
        return self.shares.copy()

    def _title(self) -> list[str]:
        return [f"Choice shares of {len(self.choices)} value-maximising respondents (shares 0-1)"]


def value_choice(scores: pd.DataFrame, *, respondent: str = "respondent_id", brand: str = "brand",
                 value: str = "value", by: str | Sequence[str] | None = None) -> ValueChoice:
    """The brand a value-maximising customer picks: the one with the highest perceived value.

    Each respondent rates several brands (one row per respondent x brand); the
    respondent chooses the brand with the largest ``value`` (Kotler: customers
    buy from the firm that delivers the highest customer delivered value).

    Parameters
    ----------
    scores : DataFrame
        Long table with the respondent, brand and value columns (e.g. the
        output of :func:`perceived_value_scores`).
    respondent, brand, value : str
        Column names.
    by : str or list of str, optional
        Respondent-level grouping column(s) (e.g. segment) for shares per group.

    Returns
    -------
    ValueChoice

    Raises
    ------
    ValueError
        Unknown columns, missing values (score them with a missing policy
        first), or a respondent rating the same brand twice.

    Examples
    --------
    >>> s = pd.DataFrame({"respondent_id": [1, 1, 2, 2], "brand": ["A", "B", "A", "B"],
    ...                   "value": [2.0, 1.0, 0.5, 1.5]})
    >>> value_choice(s).shares["share"].tolist()
    [0.5, 0.5]
    """
    require_frame(scores, "scores")
    by_cols = [] if by is None else ([by] if isinstance(by, str) else list(by))
    require_columns(scores, [respondent, brand, value] + by_cols, "scores")
    require_numeric(scores, [value], "scores")
    require_no_missing(scores, [respondent, brand, value] + by_cols, "scores")
    dup = scores.duplicated([respondent, brand])
    if dup.any():
        first = scores.loc[dup, [respondent, brand]].iloc[0].tolist()
        raise ValueError(f"{int(dup.sum())} duplicated (respondent, brand) row(s), first {first}: "
                         f"each respondent must rate each brand at most once")
    data = scores[[respondent, brand, value] + by_cols].copy()
    data[brand] = data[brand].astype(str) if not isinstance(data[brand].dtype, pd.CategoricalDtype) \
        else data[brand]
    best = data.groupby(respondent, sort=True, observed=True)[value].transform("max")
    winners = data[data[value] == best].copy()
    n_tied = winners.groupby(respondent, observed=True)[brand].transform("size")
    winners["weight"] = 1.0 / n_tied
    chosen = winners.groupby(respondent, sort=True, observed=True).agg(
        chosen=(brand, lambda s: " = ".join(map(str, s))), value=(value, "first"),
        n_tied=(brand, "size"))
    chosen = chosen.reset_index().rename(columns={respondent: "respondent"})
    if by_cols:
        first_by = data.groupby(respondent, sort=True, observed=True)[by_cols].first().reset_index(drop=True)
        chosen = pd.concat([chosen, first_by], axis=1)
    brands = (list(data[brand].cat.categories) if isinstance(data[brand].dtype, pd.CategoricalDtype)
              else sorted(data[brand].unique()))
    winners[brand] = winners[brand].astype(str)
    if by_cols:
        counts = winners.groupby(by_cols + [brand], observed=True)["weight"].sum()
        groups = data[by_cols].drop_duplicates().sort_values(by_cols)
        full = pd.MultiIndex.from_tuples(
            [(*g, b) for g in groups.itertuples(index=False) for b in map(str, brands)],
            names=by_cols + [brand])
        counts = counts.reindex(full, fill_value=0.0)
        totals = counts.groupby(level=by_cols, observed=True).transform("sum")
    else:
        counts = winners.groupby(brand)["weight"].sum().reindex(list(map(str, brands)), fill_value=0.0)
        totals = counts.sum()
    shares = pd.DataFrame({"respondents": counts, "share": counts / totals}).reset_index()
    shares = shares.rename(columns={brand: "brand"})
    return ValueChoice(chosen, shares)


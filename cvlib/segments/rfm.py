"""RFM: recency, frequency and monetary value from a transaction log, scores and named segments."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._validate import (
    renamed_args,
    require_columns,
    require_frame,
    require_no_missing,
    require_numeric,
    takes_date_format,
)
from ..engines import in_engines
from ._base import count_above, count_below, customer_order, prepare_log

__all__ = [
    "rfm_table",
    "rfm_scores",
    "rfm_segments",
    "default_rfm_rules",
    "rfm_grid",
    "rfm_segment_summary",
]


@renamed_args(tx="transactions")
@takes_date_format
@in_engines
def rfm_table(transactions: pd.DataFrame, customer: str = "customer_id", date: str = "date",
              amount: str = "amount", at=None, *, frequency: str = "transactions",
              monetary: str = "total", returns: str = "error") -> pd.DataFrame:
    """Recency, frequency and monetary value of every customer at an analysis date.

    For customer :math:`i` with purchases at days :math:`t_{i1} \\le \\dots \\le t_{in_i}`
    on or before the analysis date :math:`T`:

    - recency :math:`R_i = T - t_{in_i}`: **days since the last purchase**
      (smaller is better).  This is the RFM meaning of recency; the
      buy-till-you-die models (:func:`cvlib.lifetime.summarize`) use
      "recency" for :math:`t_x`, the time from the first to the last
      purchase (larger is better).  See the glossary, "recency (RFM)".
    - frequency :math:`F_i = n_i` (purchases; or distinct purchase days),
    - monetary :math:`M_i = \\sum_j a_{ij}` (total spend; or the mean per purchase),
    - tenure :math:`T - t_{i1}` (days since the first purchase).

    Transactions after ``at`` are left out, so the same log can be summarised
    at several dates (see :func:`classify_over_time`).  The computation is
    vectorised (factorised ids, integer day numbers, ``bincount`` and
    ``maximum.at``): one to two seconds for ten million rows.

    Instead of a DataFrame the log may be a path or glob of Parquet/CSV
    files, a DuckDB relation or a PySpark DataFrame: the table is then
    computed in that engine, with the same columns and numbers
    (:mod:`cvlib.engines`; ``engine=``, ``memory_limit=`` and ``output=`` as
    in :func:`cvlib.lifetime.summarize`).

    Parameters
    ----------
    transactions : DataFrame
        Transaction log, one row per purchase (``tx=`` is a deprecated alias).
    customer, date, amount : str
        Column names: customer id, purchase date (datetime or ISO text),
        amount paid (currency units, numeric).
    at : date, optional
        Analysis date (default: the last date in the log).  It must not be
        before the first transaction nor in the future.
    frequency : {"transactions", "days"}
        Count transactions, or distinct purchase days (as in Fader, Hardie &
        Lee, where several orders on one day are one purchase).
    monetary : {"total", "mean"}
        Total spend, or mean spend per purchase.
    returns : {"error", "net"}
        A negative amount raises an error by default.  With ``"net"`` negative
        amounts are returns: they reduce monetary value but are neither
        purchases (frequency) nor the last purchase (recency).  A customer
        with only returns is an error.
    date_format : str, optional
        ``strftime`` format of date strings that are not ISO 8601 (e.g.
        ``"%d/%m/%Y"``); ambiguous strings are refused without it.

    Returns
    -------
    DataFrame indexed by customer (sorted), columns ``recency`` (days since
    the last purchase, int), ``frequency`` (int), ``monetary`` (currency),
    ``tenure`` (days, int); ``attrs["at"]`` holds the analysis date and
    ``attrs["recency"]`` says what recency means here.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"],
    ...                    "date": ["2024-12-01", "2024-12-21", "2024-06-30"],
    ...                    "amount": [10.0, 30.0, 100.0]})
    >>> rfm_table(tx, at="2024-12-31")  # doctest: +NORMALIZE_WHITESPACE
                 recency  frequency  monetary  tenure
    customer_id
    a                 10          2      40.0      30
    b                184          1     100.0     184
    >>> rfm_table(tx, at="2024-12-31").attrs["recency"]
    'days since the last purchase (RFM); not the BTYD t_x'

    References
    ----------
    Hughes, A. M. (1994). Strategic Database Marketing. Probus.
    """
    if frequency not in ("transactions", "days"):
        raise ValueError(f"frequency must be 'transactions' or 'days', got {frequency!r}")
    if monetary not in ("total", "mean"):
        raise ValueError(f"monetary must be 'total' or 'mean', got {monetary!r}")
    log = prepare_log(transactions, customer, date, amount, at=at, returns=returns)
    k = len(log.customers)
    codes, days = log.codes, log.days
    if returns == "net":
        buy = log.amount >= 0
        pcodes, pdays = codes[buy], days[buy]
    else:
        pcodes, pdays = codes, days
    if frequency == "days":
        span = int(pdays.max() - pdays.min()) + 1
        key = pd.unique(pcodes * span + (pdays - pdays.min()))
        freq = np.bincount(key // span, minlength=k)
    else:
        freq = np.bincount(pcodes, minlength=k)
    if returns == "net" and (freq == 0).any():
        bad = log.customers[freq == 0][:5].tolist()
        raise ValueError(f"{int((freq == 0).sum())} customer(s) have only returns and no "
                         f"purchase on or before {log.at.date()}, e.g. {bad}; a return needs "
                         f"the purchase it refunds")
    money = np.bincount(codes, weights=log.amount, minlength=k)
    if monetary == "mean":
        money = money / freq
    last = np.full(k, np.iinfo(np.int64).min, dtype=np.int64)
    np.maximum.at(last, pcodes, pdays)
    first = np.full(k, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first, pcodes, pdays)
    out = pd.DataFrame({
        "recency": log.at_day - last,
        "frequency": freq.astype(np.int64),
        "monetary": money,
        "tenure": log.at_day - first,
    }, index=log.customers, copy=False)
    order = customer_order(out.index)
    if order is not None:
        out = out.take(order)
    out.attrs["at"] = str(log.at.date())
    out.attrs["recency"] = "days since the last purchase (RFM); not the BTYD t_x"
    return out


def _score(x: np.ndarray, bins: int, reverse: bool) -> np.ndarray:
    n = len(x)
    worse = count_above(x) if reverse else count_below(x)
    return 1 + (worse * bins) // n


def _score_thresholds(x: np.ndarray, t, bins: int, name: str, reverse: bool) -> np.ndarray:
    t = np.asarray(t, dtype=float).ravel()
    if len(t) != bins - 1:
        raise ValueError(f"thresholds[{name!r}] must give bins - 1 = {bins - 1} cut-offs, "
                         f"got {len(t)}: {t.tolist()}")
    if np.isnan(t).any() or (np.diff(t) <= 0).any():
        raise ValueError(f"thresholds[{name!r}] must be strictly increasing numbers, got {t.tolist()}")
    above = np.searchsorted(t, x, side="left")    # cut-offs strictly below x
    return bins - above if reverse else 1 + above


def rfm_scores(rfm: pd.DataFrame, bins: int = 5, *, thresholds: dict | None = None,
               recency: str = "recency", frequency: str = "frequency",
               monetary: str = "monetary") -> pd.DataFrame:
    """Quantile scores 1..bins for recency, frequency and monetary value.

    A customer's score is one plus the number of whole ``1/bins`` fractions of
    customers that are strictly worse:

    .. math:: s_i = 1 + \\left\\lfloor \\text{bins} \\cdot
              \\frac{\\#\\{j: x_j < x_i\\}}{n} \\right\\rfloor

    (for recency, worse means a *larger* recency, so recent buyers score
    high).  Customers with tied values therefore share a score, as in the R
    package rfm; with many ties (most customers buy once) some scores stay
    empty.  Without ties every score holds n / bins customers.

    ``thresholds`` gives explicit cut-offs instead: for frequency and
    monetary, the upper bounds (inclusive) of scores 1..bins-1; for recency
    the upper bounds of scores bins..2 (e.g. ``[30, 90, 180, 365]`` days gives
    5 for at most 30 days, 1 for over a year).

    Parameters
    ----------
    rfm : DataFrame
        One row per customer, e.g. from :func:`rfm_table`.
    bins : int
        Number of scores, 2 to 9 (5 in the course).
    thresholds : dict, optional
        ``{"recency": [...], "frequency": [...], "monetary": [...]}``, any subset;
        the others are quantile scores.
    recency, frequency, monetary : str
        Column names.

    Returns
    -------
    A copy of ``rfm`` with ``r_score``, ``f_score``, ``m_score`` and
    ``rfm_score`` (the three digits, 100 r + 10 f + m, e.g. 545).

    Examples
    --------
    >>> rfm = pd.DataFrame({"recency": [5, 40, 300, 90], "frequency": [9, 3, 1, 3],
    ...                     "monetary": [900.0, 120, 15, 200]})
    >>> rfm_scores(rfm, bins=4)["rfm_score"].tolist()
    [444, 322, 111, 223]
    """
    require_frame(rfm, "rfm")
    if not isinstance(bins, (int, np.integer)) or isinstance(bins, bool) or not 2 <= bins <= 9:
        raise ValueError(f"bins must be an integer from 2 to 9, got {bins!r}")
    cols = {"recency": recency, "frequency": frequency, "monetary": monetary}
    require_columns(rfm, list(cols.values()), "rfm")
    require_numeric(rfm, list(cols.values()), "rfm")
    require_no_missing(rfm, list(cols.values()), "rfm")
    if len(rfm) == 0:
        raise ValueError("rfm has no rows: there are no customers to score")
    thresholds = dict(thresholds or {})
    unknown = set(thresholds) - set(cols)
    if unknown:
        raise ValueError(f"thresholds has unknown key(s) {sorted(unknown)}; use 'recency', "
                         f"'frequency' and/or 'monetary'")
    out = rfm.copy()
    for key, short in (("recency", "r"), ("frequency", "f"), ("monetary", "m")):
        x = rfm[cols[key]].to_numpy(dtype=float)
        rev = key == "recency"
        if key in thresholds:
            s = _score_thresholds(x, thresholds[key], bins, key, rev)
        else:
            s = _score(x, bins, rev)
        out[f"{short}_score"] = s.astype(np.int64)
    out["rfm_score"] = 100 * out["r_score"] + 10 * out["f_score"] + out["m_score"]
    out.attrs["rfm_bins"] = int(bins)
    return out


_RULES = [
    # segment, r_min, r_max, f_min, f_max, m_min, m_max, description
    ("Champions", 4, 5, 4, 5, 4, 5, "bought recently, buy often and spend the most"),
    ("Loyal", 3, 5, 3, 5, 1, 5, "buy often and not long ago"),
    ("New", 5, 5, 1, 1, 1, 5, "first purchase very recently"),
    ("Promising", 4, 4, 1, 1, 1, 5, "one recent purchase"),
    ("Potential loyalist", 4, 5, 2, 2, 1, 5, "recent, a few purchases: could become loyal"),
    ("Need attention", 3, 3, 1, 2, 1, 5, "average recency, few purchases"),
    ("About to sleep", 2, 2, 1, 2, 1, 5, "below-average recency and few purchases"),
    ("At risk", 2, 2, 3, 5, 1, 5, "bought often, but some time ago"),
    ("Can't lose", 1, 1, 4, 5, 1, 5, "were among the most frequent buyers, long gone"),
    ("Hibernating", 1, 1, 2, 3, 1, 5, "a few purchases, long ago"),
    ("Lost", 1, 1, 1, 1, 1, 5, "one purchase, long ago"),
]
_RULE_COLUMNS = ["segment", "r_min", "r_max", "f_min", "f_max", "m_min", "m_max", "description"]


def default_rfm_rules() -> pd.DataFrame:
    """The default rule table of named RFM segments for 5 scores (a fresh copy to edit).

    One row per segment, in order of priority (the first rule a customer
    matches wins), with inclusive score ranges ``r_min..r_max``,
    ``f_min..f_max`` and ``m_min..m_max``.  The rules cover every cell of
    the 5 x 5 R x F grid, so every customer gets a segment:

    ====  ==========================================================
    R     F = 1          F = 2              F = 3..5
    ====  ==========================================================
    5     New            Potential loyalist Loyal (Champions if M >= 4, F >= 4)
    4     Promising      Potential loyalist Loyal (Champions if M >= 4, F >= 4)
    3     Need attention Need attention     Loyal
    2     About to sleep About to sleep     At risk
    1     Lost           Hibernating        Hibernating (F=3), Can't lose (F >= 4)
    ====  ==========================================================

    The segment names follow common RFM practice; the ranges are the
    workbook's own and are meant to be edited.
    """
    return pd.DataFrame(_RULES, columns=_RULE_COLUMNS)


def _check_rules(rules, bins: int) -> pd.DataFrame:
    if isinstance(rules, (list, tuple)):
        rules = pd.DataFrame(list(rules))
    require_frame(rules, "rules")
    need = _RULE_COLUMNS[:-1]
    require_columns(rules, need, "rules")
    if len(rules) == 0:
        raise ValueError("rules is empty: give at least one segment rule")
    nums = need[1:]
    require_numeric(rules, nums, "rules")
    require_no_missing(rules, need, "rules")
    r = rules.copy()
    for lo, hi in (("r_min", "r_max"), ("f_min", "f_max"), ("m_min", "m_max")):
        bad = r[lo] > r[hi]
        if bad.any():
            raise ValueError(f"rules: {lo} > {hi} for segment(s) {r.loc[bad, 'segment'].tolist()}")
        out = (r[lo] < 1) | (r[hi] > bins)
        if out.any():
            raise ValueError(f"rules: score ranges must lie in 1..{bins} (the scores' bins), "
                             f"segment(s) {r.loc[out, 'segment'].tolist()} do not")
    if (r["segment"].astype(str).str.strip() == "").any():
        raise ValueError("rules: every rule needs a segment name")
    return r


def rfm_segments(scores: pd.DataFrame, rules: pd.DataFrame | None = None, *,
                 other: str = "Others") -> pd.DataFrame:
    """Name each customer's segment from a rule table of score ranges; the first match wins.

    Parameters
    ----------
    scores : DataFrame
        Output of :func:`rfm_scores` (columns ``r_score``, ``f_score``, ``m_score``).
    rules : DataFrame, optional
        Columns ``segment, r_min, r_max, f_min, f_max, m_min, m_max`` (inclusive
        ranges), in order of priority; default :func:`default_rfm_rules`.
        Several rules may share a segment name (a union of boxes).
    other : str
        Segment of customers that match no rule.

    Returns
    -------
    A copy of ``scores`` with ``segment``, an ordered categorical in rule
    order (then ``other``).

    Examples
    --------
    >>> scores = pd.DataFrame({"r_score": [5, 5, 1], "f_score": [5, 5, 1],
    ...                        "m_score": [5, 4, 1]})
    >>> rules = default_rfm_rules()
    >>> rules.loc[rules.segment == "Champions", "m_min"] = 5   # stricter champions
    >>> rfm_segments(scores, rules)["segment"].tolist()
    ['Champions', 'Loyal', 'Lost']
    """
    require_frame(scores, "scores")
    cols = ["r_score", "f_score", "m_score"]
    require_columns(scores, cols, "scores")
    require_numeric(scores, cols, "scores")
    bins = int(scores.attrs.get("rfm_bins", max(5, int(scores[cols].to_numpy().max()))))
    if rules is None:
        if bins != 5:
            raise ValueError(f"the default rules are for 5 scores, but these scores have "
                             f"bins={bins}; pass rules= with ranges in 1..{bins}")
        rules = default_rfm_rules()
    rules = _check_rules(rules, bins)
    s = scores[cols].to_numpy(dtype=np.int64)
    if (s < 1).any() or (s > bins).any():
        raise ValueError(f"scores must lie in 1..{bins}; compute them with rfm_scores()")
    names = list(dict.fromkeys(rules["segment"].astype(str)))
    if other in names:
        raise ValueError(f"other={other!r} is also a rule's segment name; choose another")
    # one segment per cell of the bins^3 cube, first rule wins
    grid = np.arange(bins) + 1
    rr, ff, mm = np.meshgrid(grid, grid, grid, indexing="ij")
    cell = np.full(rr.shape, len(names), dtype=np.int64)
    for row in rules.itertuples(index=False):
        hit = ((rr >= row.r_min) & (rr <= row.r_max) & (ff >= row.f_min) & (ff <= row.f_max)
               & (mm >= row.m_min) & (mm <= row.m_max) & (cell == len(names)))
        cell[hit] = names.index(str(row.segment))
    code = cell[s[:, 0] - 1, s[:, 1] - 1, s[:, 2] - 1]
    out = scores.copy()
    out["segment"] = pd.Categorical.from_codes(code, categories=names + [other], ordered=True)
    return out


def rfm_grid(scores: pd.DataFrame, value: str = "monetary", agg: str = "mean") -> pd.DataFrame:
    """The R x F table of a value (default: mean monetary value) for the RFM heatmap.

    Returns
    -------
    DataFrame with ``r_score`` rows (highest first) and ``f_score`` columns
    (1..bins); empty cells are NaN (or 0 for ``agg="count"``).
    """
    require_frame(scores, "scores")
    require_columns(scores, ["r_score", "f_score", value], "scores")
    if agg not in ("mean", "sum", "count", "median"):
        raise ValueError(f"agg must be 'mean', 'sum', 'median' or 'count', got {agg!r}")
    bins = int(scores.attrs.get("rfm_bins", scores[["r_score", "f_score"]].to_numpy().max()))
    levels = list(range(1, bins + 1))
    table = scores.pivot_table(index="r_score", columns="f_score", values=value, aggfunc=agg,
                               observed=False)
    table = table.reindex(index=levels[::-1], columns=levels)
    if agg == "count":
        table = table.fillna(0).astype("int64")
    return table


def rfm_segment_summary(segments: pd.DataFrame, *, recency: str = "recency",
                        frequency: str = "frequency", monetary: str = "monetary") -> pd.DataFrame:
    """Per segment: customers, their share, mean recency, frequency, monetary and share of value.

    Returns
    -------
    DataFrame indexed by ``segment`` (rule order), every segment kept.
    """
    require_frame(segments, "segments")
    require_columns(segments, ["segment", recency, frequency, monetary], "segments")
    g = segments.groupby("segment", observed=False)
    out = pd.DataFrame({
        "customers": g.size(),
        "mean_recency": g[recency].mean(),
        "mean_frequency": g[frequency].mean(),
        "mean_monetary": g[monetary].mean(),
        "monetary": g[monetary].sum(),
    })
    out.insert(1, "customer_share", out["customers"] / out["customers"].sum())
    out["monetary_share"] = out["monetary"] / out["monetary"].sum()
    return out

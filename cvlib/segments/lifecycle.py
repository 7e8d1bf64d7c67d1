"""Lifecycle stages, dynamic classification (migration between tiers) and development funnels."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from .._validate import (
    _preview,
    parse_date,
    renamed_args,
    require_columns,
    require_frame,
    takes_date_format,
)
from .pareto import abc_classes, customer_values, pyramid
from .rfm import rfm_scores, rfm_segments, rfm_table

__all__ = [
    "LIFECYCLE_STAGES",
    "lifecycle_stages",
    "classify_over_time",
    "migration_matrix",
    "DEVELOPMENT_STAGES",
    "DEVELOPMENT_STAGES_ZH",
    "PIPELINE_STAGES",
    "PIPELINE_STAGES_ZH",
    "CUSTOMER_STATES",
    "CUSTOMER_STATES_ZH",
    "DEAL_LIKELIHOOD",
    "DEAL_LIKELIHOOD_ZH",
    "funnel",
]

LIFECYCLE_STAGES = ["new", "active", "at-risk", "lapsed"]


@renamed_args(tx="transactions")
@takes_date_format
def lifecycle_stages(transactions: pd.DataFrame, customer: str = "customer_id", date: str = "date",
                     amount: str = "amount", at=None, *, new_days: int = 90,
                     active_days: int = 180, lapsed_days: int = 365,
                     returns: str = "error") -> pd.DataFrame:
    """Lifecycle stage of every customer at a date: new, active, at-risk or lapsed.

    With tenure :math:`\\tau` (days since the first purchase) and recency
    :math:`R` (days since the last one) at the analysis date:

    - **new** if :math:`\\tau <` ``new_days``;
    - else **active** if :math:`R <` ``active_days``;
    - else **at-risk** if :math:`R <` ``lapsed_days``;
    - else **lapsed**.

    Parameters
    ----------
    transactions : DataFrame
        Transaction log (``tx=`` is a deprecated alias).
    at : date, optional
        Analysis date (default: the last date in the log).
    new_days, active_days, lapsed_days : int
        Windows in days; ``active_days < lapsed_days`` is required.
    date_format : str, optional
        ``strftime`` format of date strings that are not ISO 8601 (e.g.
        ``"%d/%m/%Y"``); ambiguous strings are refused without it.

    Returns
    -------
    DataFrame indexed by customer: ``recency``, ``tenure``, ``frequency`` and
    ``stage`` (ordered categorical new < active < at-risk < lapsed).
    """
    for name, v in (("new_days", new_days), ("active_days", active_days),
                    ("lapsed_days", lapsed_days)):
        if not isinstance(v, (int, np.integer)) or isinstance(v, bool) or v <= 0:
            raise ValueError(f"{name} must be a positive whole number of days, got {v!r}")
    if not active_days < lapsed_days:
        raise ValueError(f"active_days ({active_days}) must be less than lapsed_days "
                         f"({lapsed_days}): the windows must not overlap")
    rfm = rfm_table(transactions, customer, date, amount, at=at, returns=returns)
    r, t = rfm["recency"].to_numpy(), rfm["tenure"].to_numpy()
    code = np.where(t < new_days, 0, np.where(r < active_days, 1, np.where(r < lapsed_days, 2, 3)))
    out = rfm[["recency", "tenure", "frequency"]].copy()
    out["stage"] = pd.Categorical.from_codes(code, LIFECYCLE_STAGES, ordered=True)
    out.attrs["at"] = rfm.attrs.get("at")
    return out


def _classifier(by, customer, date, amount, kwargs) -> Callable:
    if callable(by):
        return by
    if by == "lifecycle":
        def f(tx, at):
            return lifecycle_stages(tx, customer, date, amount, at=at, **kwargs)["stage"]
    elif by in ("pyramid", "abc"):
        def f(tx, at):
            values = customer_values(tx, customer, date, amount, at=at)
            fn = pyramid if by == "pyramid" else abc_classes
            return fn(values, "revenue", **kwargs).tiers
    elif by == "rfm":
        def f(tx, at):
            scores = rfm_scores(rfm_table(tx, customer, date, amount, at=at), **kwargs)
            return rfm_segments(scores)["segment"]
    else:
        raise ValueError(f"by must be 'lifecycle', 'pyramid', 'abc', 'rfm' or a function "
                         f"(tx, at) -> Series of tiers, got {by!r}")
    return f


@renamed_args(tx="transactions")
@takes_date_format
def classify_over_time(transactions: pd.DataFrame, at, by="lifecycle", *, customer: str = "customer_id",
                       date: str = "date", amount: str = "amount", **kwargs) -> pd.DataFrame:
    """Re-classify the customers at several dates (dynamic classification).

    At each date only the transactions up to that date are used, so a
    customer's tier can move (a major customer slipping to medium, an
    active one lapsing).  Customers who had not yet bought at a date have a
    missing tier there.

    Parameters
    ----------
    transactions : DataFrame
        Transaction log (``tx=`` is a deprecated alias).
    at : sequence of dates
        Analysis dates, in increasing order (repeats allowed).
    by : {"lifecycle", "pyramid", "abc", "rfm"} or callable
        The classification; a callable ``f(tx, at) -> Series`` (tiers indexed
        by customer) allows any other.  ``kwargs`` go to the classification
        (e.g. ``new_days=60`` or ``shares=(5, 15, 80), labels=(...)``).

    Returns
    -------
    DataFrame indexed by customer, one column per date ("YYYY-MM-DD"; a
    repeated date gets a suffix), each an ordered categorical of tiers.
    """
    dates = [parse_date(d, "at") for d in (at if isinstance(at, (list, tuple, pd.Index,
                                                                   np.ndarray)) else [at])]
    if len(dates) == 0:
        raise ValueError("at must list at least one analysis date")
    if any(b < a for a, b in zip(dates, dates[1:], strict=False)):
        raise ValueError(f"at must be in increasing order, got {[str(d.date()) for d in dates]}")
    f = _classifier(by, customer, date, amount, kwargs)
    cols = {}
    for d in dates:
        name = str(d.date())
        while name in cols:
            name += "'"
        cols[name] = f(transactions, d)
    index = pd.Index(sorted(set().union(*[set(s.index) for s in cols.values()]),
                            key=lambda v: (str(type(v)), v)), name=customer)
    out = pd.DataFrame(index=index)
    for name, s in cols.items():
        out[name] = s.reindex(index)
    return out


@renamed_args(missing="no_tier")
def migration_matrix(before: pd.Series, after: pd.Series, *, normalize: bool | str = False,
                     no_tier: str = "(none)") -> pd.DataFrame:
    """Counts of customers moving from each tier at one date to each tier at a later date.

    .. math:: N_{jk} = \\#\\{i : \\text{tier}_i(t_1) = j,\\ \\text{tier}_i(t_2) = k\\}

    Parameters
    ----------
    before, after : Series
        Tiers indexed by customer (e.g. two columns of
        :func:`classify_over_time`).  Categorical order is kept; tiers that are
        empty at a date still get a row and a column.
    normalize : False or "index"
        ``"index"``: each row divided by its total (transition shares; a
        re-classification at the same date gives the identity matrix).
    no_tier : str
        Label of customers without a tier at a date (not yet customers); the
        row (column) appears only when some customer has no tier at the first
        (second) date.

    Returns
    -------
    DataFrame: rows are tiers at the first date, columns tiers at the second.
    """
    for name, s in (("before", before), ("after", after)):
        if not isinstance(s, pd.Series):
            raise TypeError(f"{name} must be a pandas Series of tiers indexed by customer, "
                            f"got {type(s).__name__}")
    if normalize not in (False, "index"):
        raise ValueError(f"normalize must be False or 'index', got {normalize!r}")
    index = before.index.union(after.index)
    a, b = before.reindex(index), after.reindex(index)

    def cats(s):
        if isinstance(s.dtype, pd.CategoricalDtype):
            return [str(c) for c in s.cat.categories]
        return sorted({str(v) for v in s.dropna()})

    levels = list(dict.fromkeys(cats(before) + cats(after)))
    rows = levels + ([no_tier] if a.isna().any() else [])
    cols = levels + ([no_tier] if b.isna().any() else [])
    if no_tier in levels:
        raise ValueError(f"no_tier={no_tier!r} is also a tier name; choose another label")
    fa = pd.Categorical(a.astype(object).where(a.notna(), no_tier).astype(str), categories=rows)
    fb = pd.Categorical(b.astype(object).where(b.notna(), no_tier).astype(str), categories=cols)
    k, j = len(rows), len(cols)
    codes = fa.codes.astype(np.int64) * j + fb.codes.astype(np.int64)
    counts = np.bincount(codes, minlength=k * j).reshape(k, j)
    out = pd.DataFrame(counts, index=pd.Index(rows, name=before.name or "before"),
                       columns=pd.Index(cols, name=after.name or "after"))
    if normalize == "index":
        totals = out.sum(axis=1).replace(0, np.nan)
        out = out.div(totals, axis=0)
    return out


# ---------------------------------------------------------------- development funnels

#: The customer development process of course file 002 (顾客发展过程): 潜在顾客, 预期顾客,
#: 首次购买, 重复购买, 客户, 主动性客户, 合伙人; exits: 不合格者 (disqualified prospects) and
#: 停止购买或过去的顾客 (lapsed / former customers).
DEVELOPMENT_STAGES = ["suspect", "prospect", "first-time customer", "repeat customer", "client",
                      "advocate", "partner"]
DEVELOPMENT_STAGES_ZH = ["潜在顾客", "预期顾客", "首次购买", "重复购买", "客户", "主动性客户", "合伙人"]
#: The sales-progress stages of course file 000 (销售进程 0-7).  The scraped slide lost the
#: names of stages 2 and 3; "2 contacted" and "3 needs discussed" are the workbook's
#: reconstruction and are marked as such.  Stage 5 is "contact made and contract *sent*"
#: (直接联系并且传了合同); the contract runs from stage 6 (合同中).
PIPELINE_STAGES = ["0 not yet reached", "1 newly assigned", "2 contacted (reconstructed)",
                   "3 needs discussed (reconstructed)", "4 intends to choose us",
                   "5 contract sent", "6 under contract", "7 contract expired"]
PIPELINE_STAGES_ZH = ["0 暂时没有联系上的", "1 新增到自己名下的客户", "2 已联系上（重建，原文缺失）", "3 已沟通需求（重建，原文缺失）",
                      "4 客户有选择的意向", "5 直接联系并且传了合同", "6 合同中", "7 合同已经到期"]
#: Customer states on the slide (客户状态) and the deal-likelihood scale (成交意向), worst first.
CUSTOMER_STATES = ["no contract", "under contract", "contract expired"]
CUSTOMER_STATES_ZH = ["无合同", "合同中", "合同已到期"]
DEAL_LIKELIHOOD = ["poor", "unclear", "possible", "good", "very likely"]
DEAL_LIKELIHOOD_ZH = ["可能性差", "意向不明", "可能成交", "成交意向好", "成交可能性很大"]


def funnel(data, stage: str = "stage", stages=None, *, preset: str = "development",
           lapsed: str | None = None, disqualified: str | None = None) -> pd.DataFrame:
    """A development funnel: how many reached each stage and the stage-to-stage conversion.

    Each row of ``data`` is one (potential) customer with the furthest stage
    it has reached.  With stages :math:`s_0 < s_1 < \\dots`, the number that
    reached stage :math:`k` is :math:`N_k = \\#\\{i: \\text{stage}_i \\ge s_k\\}`
    and the conversion rate from the stage before is :math:`N_k / N_{k-1}`.

    Parameters
    ----------
    data : DataFrame or Series
        Furthest stage per row, as a stage name or its position (0, 1, ...).
    stage : str
        Column of ``data`` holding the stage.
    stages : sequence of str, optional
        Ordered stage names; default from ``preset``.
    preset : {"development", "pipeline"}
        ``"development"``: the customer development process of file 002
        (suspect, prospect, first-time customer, repeat customer, client,
        advocate, partner; ``DEVELOPMENT_STAGES``); its exits are the
        disqualified (flagged by ``disqualified``) and the lapsed (flagged by
        ``lapsed``).  ``"pipeline"``: the sales-progress stages 0 (not yet
        reached) to 7 (contract expired) of file 000 (``PIPELINE_STAGES``).
    lapsed : str, optional
        Boolean column: customers who lapsed after reaching their stage.
    disqualified : str, optional
        Boolean column: prospects found not to qualify (不合格者).

    Returns
    -------
    DataFrame indexed by stage with ``at_stage`` (furthest stage here),
    ``reached`` (:math:`N_k`), ``conversion`` (from the previous stage) and
    ``cumulative_conversion`` (:math:`N_k / N_0`); with ``lapsed`` and
    ``disqualified``, how many left from each stage by that exit.

    Examples
    --------
    >>> leads = pd.Series([0, 1, 1, 2, 3, 3, 5, 6, 7, 7], name="stage")
    >>> funnel(leads, preset="pipeline")["reached"].tolist()
    [10, 9, 7, 6, 4, 4, 3, 2]
    """
    if isinstance(data, pd.Series):
        data = data.to_frame(name=stage)
    require_frame(data, "data")
    require_columns(data, [stage] + [c for c in (lapsed, disqualified) if c], "data")
    if stages is None:
        if preset not in ("development", "pipeline"):
            raise ValueError(f"preset must be 'development' or 'pipeline', got {preset!r}")
        stages = DEVELOPMENT_STAGES if preset == "development" else PIPELINE_STAGES
    stages = [str(s) for s in stages]
    s = data[stage]
    if s.isna().any():
        raise ValueError(f"column {stage!r} has {int(s.isna().sum())} missing stage(s)")
    if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
        pos = s.to_numpy()
        bad = (pos != np.round(pos)) | (pos < 0) | (pos >= len(stages))
        if bad.any():
            raise ValueError(f"column {stage!r} must hold stage numbers 0..{len(stages) - 1}, got "
                             f"{_preview(np.unique(pos[bad]).tolist())}")
        pos = pos.astype(np.int64)
    else:
        txt = s.astype(str)
        bad = ~txt.isin(stages)
        if bad.any():
            raise ValueError(f"column {stage!r} has unknown stage(s) "
                             f"{_preview(txt[bad].unique().tolist())}; expected one of {stages}")
        pos = txt.map({n: i for i, n in enumerate(stages)}).to_numpy(dtype=np.int64)
    k = len(stages)
    at_stage = np.bincount(pos, minlength=k)
    reached = np.cumsum(at_stage[::-1])[::-1]
    out = pd.DataFrame({"at_stage": at_stage, "reached": reached},
                       index=pd.CategoricalIndex(stages, categories=stages, ordered=True,
                                                 name="stage"))
    prev = np.concatenate([[reached[0]], reached[:-1]]).astype(float)
    out["conversion"] = np.where(prev > 0, reached / np.where(prev > 0, prev, 1), np.nan)
    out["cumulative_conversion"] = reached / reached[0] if reached[0] else np.nan
    for name, col in (("disqualified", disqualified), ("lapsed", lapsed)):
        if col:
            flag = data[col]
            if not pd.api.types.is_bool_dtype(flag):
                raise TypeError(f"column {col!r} must be boolean (True = {name}), got {flag.dtype}")
            out[name] = np.bincount(pos[flag.to_numpy(bool)], minlength=k)
    return out

"""The sales force and the cost of serving customers: the ABC table with sales effort (file 003),
call-list arithmetic and the daily priority list (file 000), activity-based costing (file 001)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .._validate import (
    _preview,
    check_share,
    require_columns,
    require_frame,
    require_no_missing,
    require_numeric,
)
from .lifecycle import CUSTOMER_STATES, DEAL_LIKELIHOOD, PIPELINE_STAGES

__all__ = [
    "ABC_SLIDE_TABLE",
    "sales_effort",
    "call_list",
    "daily_call_list",
    "activity_based_cost",
]

#: The course's ABC table (file 003, a food wholesaler's review): share of customers, of sales
#: and of the sales reps' time per class, as fractions.  The slide gives A 15% and C 60% of the
#: reps' time; the text breaks off at B, whose 25% is the remainder.
ABC_SLIDE_TABLE = pd.DataFrame(
    {"customer_share": [0.10, 0.20, 0.70], "sales_share": [0.70, 0.20, 0.10],
     "effort_share": [0.15, 0.25, 0.60]},
    index=pd.Index(["A", "B", "C"], name="class"),
)


def _fractions(table: pd.DataFrame, col: str) -> np.ndarray:
    x = table[col].to_numpy(dtype=float)
    for v in x:
        check_share(v, f"column {col!r}")
    total = float(x.sum())
    if abs(total - 1.0) > 1e-6:
        hint = " (give fractions such as 0.7, not percentages such as 70)" if total > 1.5 else ""
        raise ValueError(f"column {col!r} must sum to 1 over the classes {list(table.index)}, "
                         f"got {total:g}{hint}")
    return x


def sales_effort(table: pd.DataFrame | None = None, *, customer_share: str = "customer_share",
                 sales_share: str = "sales_share",
                 effort_share: str = "effort_share") -> pd.DataFrame:
    """Sales per unit of sales effort for each customer class.

    For class :math:`k` with share of customers :math:`c_k`, of sales
    :math:`s_k` and of the sales reps' time :math:`e_k` (each summing to 1):

    .. math:: \\text{sales per effort}_k = s_k / e_k, \\qquad
              \\text{effort per customer}_k = e_k / c_k, \\qquad
              \\text{sales per customer}_k = s_k / c_k

    (ratios to the average, which is 1).  ``effort_by_sales`` is the
    allocation that gives every class the same sales per unit of effort
    (:math:`e_k = s_k`), and ``effort_change`` the move from today's to it.

    Parameters
    ----------
    table : DataFrame, optional
        One row per class with the three shares as fractions (default: the
        course's ``ABC_SLIDE_TABLE``).  An ABC :class:`Classification`'s
        ``table`` joined with an effort column works too.
    customer_share, sales_share, effort_share : str
        Column names.

    Returns
    -------
    A copy of the three columns with ``sales_per_effort``,
    ``effort_per_customer``, ``sales_per_customer``, ``effort_by_sales`` and
    ``effort_change`` (fractions of the reps' time).

    Examples
    --------
    The course's table: A brings 4.67 times its share of the reps' time in
    sales, C only a sixth.

    >>> sales_effort()["sales_per_effort"].round(3).tolist()
    [4.667, 0.8, 0.167]

    References
    ----------
    Course file 003, 客户的ABC分类 (销售浪费症).
    """
    table = ABC_SLIDE_TABLE if table is None else table
    require_frame(table, "table")
    cols = [customer_share, sales_share, effort_share]
    require_columns(table, cols, "table")
    require_numeric(table, cols, "table")
    require_no_missing(table, cols, "table")
    c, s, e = (_fractions(table, col) for col in cols)
    for name, x in ((customer_share, c), (effort_share, e)):
        if (x <= 0).any():
            raise ValueError(f"column {name!r} must be positive for every class (a ratio divides "
                             f"by it), got {x.tolist()}")
    out = table[cols].astype(float).copy()
    out["sales_per_effort"] = s / e
    out["effort_per_customer"] = e / c
    out["sales_per_customer"] = s / c
    out["effort_by_sales"] = s
    out["effort_change"] = s - e
    return out


def call_list(customers: int = 1000, working_days: int = 22, coverage: float = 1.0,
              calls_per_day: float | None = None) -> pd.Series:
    """How many customers a sales rep must call a day to reach a monthly coverage.

    .. math:: \\text{needed per day} = \\lceil N\\,c / D \\rceil, \\qquad
              \\text{coverage at } k \\text{ calls a day} = k D / N

    with :math:`N` customers per rep, :math:`D` working days a month and
    :math:`c` the target share of customers reached each month.

    Parameters
    ----------
    customers : int
        Customers assigned to the rep (the course: 1,000).
    working_days : int
        Working days a month (the course: 22).
    coverage : float
        Target share of the customers called each month, a fraction in
        (0, 1] (the course: 1.0, 100%).
    calls_per_day : float, optional
        A planned number of calls a day to check (the course: 60).

    Returns
    -------
    Series: ``customers``, ``working_days``, ``target_coverage``,
    ``calls_needed_per_day`` (whole calls) and, with ``calls_per_day``,
    ``calls_per_month``, ``coverage`` (fraction; above 1 means some
    customers are called twice) and ``surplus_calls`` a month.

    Examples
    --------
    The slide asks for 60 calls a day; 46 reach every customer each month,
    while 60 make 1,320 calls, 132% of the 1,000 customers:

    >>> call_list(1000, 22, 1.0, calls_per_day=60).to_dict()
    {'customers': 1000, 'working_days': 22, 'target_coverage': 1.0, 'calls_needed_per_day': 46, 'calls_per_day': 60.0, 'calls_per_month': 1320.0, 'coverage': 1.32, 'surplus_calls': 320.0}

    References
    ----------
    Course file 000, 客户管理工具 (每位销售员拥有1000家客户, 每月平均22个工作日).
    """
    for name, v, hi in (("customers", customers, None), ("working_days", working_days, 31)):
        whole = isinstance(v, (int, np.integer)) or (isinstance(v, float) and v.is_integer())
        if isinstance(v, bool) or not whole or v < 1:
            raise ValueError(f"{name} must be a whole number >= 1, got {v!r}")
        if hi is not None and v > hi:
            raise ValueError(f"{name} must be at most {hi} (working days in a month), got {v!r}")
    cov = check_share(coverage, "coverage", allow_zero=False)
    customers, working_days = int(customers), int(working_days)
    out = {"customers": customers, "working_days": working_days,
           "target_coverage": cov,
           "calls_needed_per_day": int(math.ceil(customers * cov / working_days - 1e-9))}
    if calls_per_day is not None:
        if isinstance(calls_per_day, bool):
            raise TypeError(f"calls_per_day must be a number, got {calls_per_day!r}")
        k = float(calls_per_day)
        if not np.isfinite(k) or k < 0:
            raise ValueError(f"calls_per_day must be a non-negative number, got {calls_per_day!r}")
        month = k * working_days
        out.update({"calls_per_day": k, "calls_per_month": month,
                    "coverage": month / customers,
                    "surplus_calls": month - customers * cov})
    return pd.Series(out, dtype=object)


def daily_call_list(accounts: pd.DataFrame, *, stage: str = "stage",
                    state: str = "state", likelihood: str = "likelihood",
                    calls: int | None = None) -> pd.DataFrame:
    """The day's priority call list of the slide: stages 4-5, good deal likelihood, expired contracts.

    File 000 tells a rep to put first the customers whose sales progress is
    at stage 4 or 5, whose deal likelihood is good (成交意向良好: "good" or
    "very likely") and whose contract has expired.  A customer meeting more
    of these comes first; ties keep the order of ``accounts``.

    Parameters
    ----------
    accounts : DataFrame
        One row per customer with the sales-progress stage (0-7 or a name of
        ``PIPELINE_STAGES``), the customer state (``CUSTOMER_STATES``) and
        the deal likelihood (``DEAL_LIKELIHOOD``).
    stage, state, likelihood : str
        Column names.
    calls : int, optional
        Keep only the first ``calls`` customers (the day's capacity).

    Returns
    -------
    The priority customers (a copy of their rows) with ``reasons`` (how many
    of the three criteria they meet), most reasons first.

    Examples
    --------
    >>> a = pd.DataFrame({"stage": [4, 1, 6, 2], "state": ["no contract", "no contract",
    ...                   "contract expired", "no contract"],
    ...                   "likelihood": ["good", "poor", "unclear", "very likely"]},
    ...                  index=["w", "x", "y", "z"])
    >>> daily_call_list(a)["reasons"].to_dict()
    {'w': 2, 'y': 1, 'z': 1}
    """
    require_frame(accounts, "accounts")
    require_columns(accounts, [stage, state, likelihood], "accounts")
    require_no_missing(accounts, [stage, state, likelihood], "accounts")
    st = accounts[stage]
    if pd.api.types.is_numeric_dtype(st) and not pd.api.types.is_bool_dtype(st):
        pos = st.to_numpy(dtype=float)
        bad = (pos != np.round(pos)) | (pos < 0) | (pos > 7)
        if bad.any():
            raise ValueError(f"column {stage!r} must hold stages 0-7, got "
                             f"{_preview(np.unique(pos[bad]).tolist())}")
    else:
        txt = st.astype(str)
        bad = ~txt.isin(PIPELINE_STAGES)
        if bad.any():
            raise ValueError(f"column {stage!r} has unknown stage(s) "
                             f"{_preview(txt[bad].unique().tolist())}; use 0-7 or {PIPELINE_STAGES}")
        pos = txt.map({n: i for i, n in enumerate(PIPELINE_STAGES)}).to_numpy(dtype=float)
    for col, allowed in ((state, CUSTOMER_STATES), (likelihood, DEAL_LIKELIHOOD)):
        txt = accounts[col].astype(str)
        bad = ~txt.isin(allowed)
        if bad.any():
            raise ValueError(f"column {col!r} must hold one of {allowed}, got "
                             f"{_preview(txt[bad].unique().tolist())}")
    if calls is not None and (isinstance(calls, bool) or not isinstance(calls, (int, np.integer))
                              or calls < 0):
        raise ValueError(f"calls must be a whole number >= 0, got {calls!r}")
    reasons = (np.isin(pos, [4, 5]).astype(int)
               + accounts[likelihood].astype(str).isin(["good", "very likely"]).to_numpy(int)
               + (accounts[state].astype(str) == "contract expired").to_numpy(int))
    out = accounts.copy()
    out["reasons"] = reasons
    out = out[out["reasons"] > 0]
    out = out.iloc[np.argsort(-out["reasons"].to_numpy(), kind="stable")]
    return out.head(calls) if calls is not None else out


def activity_based_cost(usage: pd.DataFrame, rates, *, customer: str = "customer_id",
                        activity: str = "activity", quantity: str = "quantity",
                        margin=None) -> pd.DataFrame:
    """Each customer's cost to serve by activity-based costing (作业成本法), then its profit.

    .. math:: \\text{cost to serve}_i = \\sum_a q_{ia}\\, r_a, \\qquad
              \\text{profit}_i = \\text{gross margin}_i - \\text{cost to serve}_i

    with :math:`q_{ia}` the number of times customer :math:`i` used activity
    :math:`a` (orders, deliveries, sales visits, service calls) and
    :math:`r_a` the cost per unit of the activity's driver.  Activity-based
    costing (ABC *costing*) is not ABC *analysis* (the A/B/C classes of
    :func:`abc_classes`); the course material uses "ABC" for both.

    Parameters
    ----------
    usage : DataFrame
        Long table: one row per customer and activity, with the quantity used.
    rates : dict or Series
        Activity -> cost per unit (currency), non-negative.
    customer, activity, quantity : str
        Column names of ``usage``.
    margin : dict or Series, optional
        Gross margin per customer (currency); adds ``margin`` and ``profit``.

    Returns
    -------
    DataFrame indexed by customer: one cost column per activity,
    ``cost_to_serve`` and, with ``margin``, ``margin`` and ``profit``.

    Examples
    --------
    >>> usage = pd.DataFrame({"customer_id": ["a", "a", "b", "b"],
    ...                       "activity": ["order", "delivery", "order", "visit"],
    ...                       "quantity": [10, 10, 2, 3]})
    >>> activity_based_cost(usage, {"order": 5.0, "delivery": 12.0, "visit": 80.0},
    ...                     margin={"a": 400.0, "b": 300.0})  # doctest: +NORMALIZE_WHITESPACE
                 delivery  order  visit  cost_to_serve  margin  profit
    customer_id
    a               120.0   50.0    0.0          170.0   400.0   230.0
    b                 0.0   10.0  240.0          250.0   300.0    50.0

    References
    ----------
    Cooper, R. & Kaplan, R. S. (1991). The Design of Cost Management Systems;
    Kaplan, R. S. & Anderson, S. R. (2004). Time-driven activity-based costing,
    HBR.  Course files 001 and 004 (作业成本法).
    """
    require_frame(usage, "usage")
    require_columns(usage, [customer, activity, quantity], "usage")
    require_numeric(usage, [quantity], "usage")
    require_no_missing(usage, [customer, activity, quantity], "usage")
    q = usage[quantity].to_numpy(dtype=float)
    if (q < 0).any() or not np.isfinite(q).all():
        raise ValueError(f"column {quantity!r} must hold non-negative quantities, got "
                         f"{_preview(q[(q < 0) | ~np.isfinite(q)].tolist())}")
    r = pd.Series(rates, dtype=float) if not isinstance(rates, pd.Series) else rates.astype(float)
    if r.isna().any() or (r < 0).any():
        raise ValueError(f"rates must be non-negative costs per unit, got {r.to_dict()}")
    acts = usage[activity].astype(str)
    unknown = sorted(set(acts) - set(map(str, r.index)))
    if unknown:
        raise ValueError(f"activities {unknown} in usage have no rate; rates are given for "
                         f"{list(map(str, r.index))}")
    r.index = r.index.map(str)
    cost = usage[[customer]].copy()
    cost["_activity"] = acts.to_numpy()
    cost["_cost"] = q * acts.map(r).to_numpy(dtype=float)
    out = cost.pivot_table(index=customer, columns="_activity", values="_cost", aggfunc="sum",
                           fill_value=0.0)
    out.columns.name = None
    out = out.astype(float)
    out["cost_to_serve"] = out.sum(axis=1)
    if margin is not None:
        m = pd.Series(margin, dtype=float)
        missing = [c for c in out.index if c not in m.index]
        if missing:
            raise ValueError(f"margin has no value for customer(s) {_preview(missing)}")
        out["margin"] = m.reindex(out.index).to_numpy()
        out["profit"] = out["margin"] - out["cost_to_serve"]
    return out

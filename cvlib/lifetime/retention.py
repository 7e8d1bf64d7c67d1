"""Retention arithmetic, simple CLV formulas and the economics of acquiring a customer.

The course slides (客户价值分类管理, 顾客终身价值) teach customer lifetime value
with a handful of formulas that need nothing but a calculator: how long a
customer stays given a retention rate, how many customers survive, what share
of a customer's category spending a firm captures, next year's sales from the
retained base, the lifetime value of a margin stream, and the net present
value of the money spent acquiring a customer.  This module computes each of
them, with the cash-flow timing made explicit, because the three textbook
versions of "the" CLV formula differ only in when the first margin arrives.

Everything here is a pure function of numbers (or array-likes) and returns
numbers, DataFrames or small result objects; nothing plots.  The probability
models (sBG, BG/NBD, Gamma-Gamma) have one module each in :mod:`cvlib.lifetime`.

Conventions (``CONTRIBUTING.md``): retention, discount and margin rates are
fractions (0.85, 0.12, 0.40; 85 or 12 are refused with a hint); every CLV
function of this module has the same default cash-flow timing, ``"end"``
(:data:`DEFAULT_TIMING`, the margins arrive at the end of each period, the
first one certain; see :data:`TIMINGS`).  The sBG model's
``customer_lifetime_value`` and ``residual_lifetime_value`` are Fader &
Hardie's DEL/DERL, which count a payment at the start of each period.

References
----------
Gupta, S. and Lehmann, D. R. (2003). Customers as assets. *Journal of
Interactive Marketing* 17(1), 9-24.  (The margin multiple r / (1 + i - r).)

Gupta, S. and Lehmann, D. R. (2005). *Managing Customers as Investments*.
Wharton School Publishing.

Berger, P. D. and Nasr, N. I. (1998). Customer lifetime value: marketing
models and applications. *Journal of Interactive Marketing* 12(1), 17-30.

Blattberg, R. C. and Deighton, J. (1996). Manage marketing by the customer
equity test. *Harvard Business Review* 74(4), 136-144.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .._results import Result
from .._validate import check_share

__all__ = [
    "TIMINGS",
    "DEFAULT_TIMING",
    "expected_lifetime",
    "survival_curve",
    "customer_share",
    "annual_sales",
    "sales_projection",
    "margin_multiple",
    "margin_multiple_table",
    "simple_clv",
    "clv_conventions",
    "finite_horizon_clv",
    "clv_by_retention",
    "RetentionScenario",
    "retention_scenario",
    "acquisition_cost",
    "CustomerValue",
    "customer_value_from_interval",
    "npv",
    "irr",
    "payback_period",
    "AcquisitionEconomics",
    "acquisition_economics",
    "RetentionEffect",
    "retention_profit_effect",
]

#: The three cash-flow timing conventions of the simple CLV formula, with the
#: moment the first margin arrives and the closed form (m margin, r retention,
#: d discount rate).  Every CLV function of cvlib (simple_clv, finite_horizon_clv,
#: clv_by_retention, retention_scenario, retention_profit_effect and the
#: retention explorer) defaults to ``"end"`` (:data:`DEFAULT_TIMING`): margins at
#: the end of each period, the first one certain, i.e. m / (1 + d - r).
TIMINGS = {
    "start": ("today (t = 0), certain", "m (1 + d) / (1 + d - r)"),
    "end": ("end of period 1, certain", "m / (1 + d - r)"),
    "end_retained": ("end of period 1, only if the customer is retained", "m r / (1 + d - r)"),
}

#: The default timing of every CLV function of this module (see :data:`TIMINGS`).
DEFAULT_TIMING = "end"


# ---------------------------------------------------------------- input checks


def _number(value, name: str) -> float:
    if isinstance(value, bool):
        raise TypeError(f"{name} must be a number, got {value!r}")
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a number, got {value!r}") from None
    if not math.isfinite(v):
        raise ValueError(f"{name} must be a finite number, got {v}")
    return v


def _retention(value, name: str = "retention") -> float:
    """A retention rate strictly between 0 and 1, as a fraction (0.85, not 85)."""
    return check_share(value, name, allow_zero=False, allow_one=False)


def _discount(value, name: str = "discount_rate") -> float:
    """A discount rate per period (cost of capital) as a fraction in [0, 1]: 0.12, not 12."""
    return check_share(value, name)


def _rate(value, name: str = "rate") -> float:
    """Any rate per period at which cash flows can be discounted: greater than -1.

    :func:`npv` and :func:`payback_period` accept every rate :func:`irr` can
    return (an IRR of 200% is 2.0); a rate above 1 (100% per period) gets a
    warning because 10 meant as 10% is the usual slip.
    """
    d = _number(value, name)
    if d <= -1:
        raise ValueError(
            f"{name} must be greater than -1 (a rate per period such as 0.12 for 12%), got {d}; "
            f"at -100% or less the discount factor 1 / (1 + d) is undefined or negative"
        )
    if d > 1:
        import warnings

        warnings.warn(
            f"{name}={d:g} is {d:.0%} per period; if you meant {d:g}%, give {d / 100:g}",
            UserWarning, stacklevel=3)
    return d


def _positive(value, name: str, *, strict: bool = True) -> float:
    v = _number(value, name)
    if (v <= 0) if strict else (v < 0):
        kind = "positive (> 0)" if strict else "non-negative (>= 0)"
        raise ValueError(f"{name} must be {kind}, got {v}")
    return v


def _periods(value, name: str = "periods") -> int:
    if isinstance(value, bool) or not float(_number(value, name)).is_integer():
        raise ValueError(f"{name} must be a whole number of periods, got {value!r}")
    n = int(value)
    if n < 1:
        raise ValueError(f"{name} must be at least 1, got {n}")
    return n


def _timing(value) -> str:
    if value not in TIMINGS:
        raise ValueError(
            f"timing must be one of {list(TIMINGS)}, got {value!r}: 'start' = margin at the "
            f"start of each period (first one today), 'end' = at the end of each period (first "
            f"one certain), 'end_retained' = at the end of each period, only from retained customers"
        )
    return value


def _convergent(r: float, d: float) -> None:
    if 1 + d - r <= 0:
        raise ValueError(
            f"the infinite-horizon CLV diverges when retention >= 1 + discount_rate "
            f"(got retention {r}, discount_rate {d}); use finite_horizon_clv or a higher rate"
        )


# ---------------------------------------------------------------- retention arithmetic


def expected_lifetime(retention: float) -> float:
    """Expected customer lifetime, in periods, under a constant retention rate.

    .. math:: E[L] = \\frac{1}{1 - r}

    A customer acquired now stays for period 1 and renews each later period
    with probability ``r``, so the number of periods ``L`` is geometric,
    :math:`P(L = n) = r^{n-1} (1 - r)`, with mean ``1 / (1 - r)``.  The
    periods after the first number ``r / (1 - r)`` on average.

    Parameters
    ----------
    retention : float
        Share of customers who stay from one period to the next, in (0, 1).

    Returns
    -------
    float
        Expected lifetime in periods (years for an annual retention rate).

    Examples
    --------
    >>> round(expected_lifetime(0.90), 6), round(expected_lifetime(0.95), 6)
    (10.0, 20.0)

    Raising retention from 90% to 95% doubles the expected lifetime (the
    course slides' point; Reichheld 1996 makes it with the same numbers).
    """
    r = _retention(retention)
    return 1.0 / (1.0 - r)


def survival_curve(retention, periods: int | None = 10) -> pd.DataFrame:
    """Share of a cohort still active after each period.

    .. math:: S(0) = 1, \\qquad S(t) = \\prod_{k=1}^{t} r_k \\;(= r^t \\text{ if constant})

    Parameters
    ----------
    retention : float or sequence of float
        A constant retention rate in (0, 1), or one rate per period
        (``r_1, r_2, ...``: the share of those active at the start of period
        ``k`` who are still active at its end).
    periods : int, optional
        Number of periods for a constant rate (ignored for a sequence, whose
        length sets it).  Default 10.

    Returns
    -------
    DataFrame
        One row per period ``0..T``: ``period``, ``retention`` (NaN for
        period 0), ``survival`` (share still active), ``lost`` (share of the
        original cohort lost in that period).

    Examples
    --------
    >>> survival_curve(0.8, periods=3)["survival"].round(3).tolist()
    [1.0, 0.8, 0.64, 0.512]
    """
    if np.ndim(retention) == 0:
        r = _retention(retention)
        n = _periods(periods)
        rates = np.full(n, r)
    else:
        rates = np.asarray(retention, dtype=float)
        if rates.ndim != 1 or len(rates) == 0:
            raise ValueError(f"retention must be a number or a 1-D sequence of rates, got {retention!r}")
        bad = ~((rates > 0) & (rates < 1))
        if bad.any():
            raise ValueError(
                f"retention rates must lie in (0, 1), got {int(bad.sum())} value(s) outside: "
                f"{rates[bad].tolist()[:5]} (give rates such as 0.85, not percentages)"
            )
    survival = np.concatenate([[1.0], np.cumprod(rates)])
    return pd.DataFrame({
        "period": np.arange(len(survival)),
        "retention": np.concatenate([[np.nan], rates]),
        "survival": survival,
        "lost": np.concatenate([[0.0], -np.diff(survival)]),
    })


def customer_share(our_spend, total_spend):
    """Customer share (share of wallet, 顾客份额): our part of a customer's category spending.

    .. math:: \\text{share} = \\frac{\\text{spend with us}}{\\text{customer's total spend in the category}}

    Parameters
    ----------
    our_spend : float, array-like or Series
        What each customer spends with the firm (currency), >= 0.
    total_spend : float, array-like or Series
        What the same customers spend in the category with all firms, > 0
        and at least ``our_spend``.

    Returns
    -------
    float, ndarray or Series
        The share in [0, 1], of the same shape as the input (a Series keeps
        its index).

    Examples
    --------
    >>> customer_share(300, 1200)
    0.25
    """
    ours = np.asarray(our_spend, dtype=float)
    total = np.asarray(total_spend, dtype=float)
    if np.isnan(ours).any() or np.isnan(total).any():
        raise ValueError("our_spend and total_spend must not have missing values")
    if (ours < 0).any():
        raise ValueError(f"our_spend must be non-negative, got {ours[ours < 0].tolist()[:5]}")
    if (total <= 0).any():
        raise ValueError(
            f"total_spend must be positive (the customer's whole category spending), got "
            f"{np.atleast_1d(total)[np.atleast_1d(total <= 0)].tolist()[:5]}"
        )
    ours_b, total_b = np.broadcast_arrays(ours, total)
    over = ours_b > total_b
    if over.any():
        raise ValueError(
            f"our_spend exceeds total_spend for {int(over.sum())} customer(s) "
            f"(e.g. {ours_b[over].flat[0]:g} > {total_b[over].flat[0]:g}); the total must include "
            f"what is spent with us"
        )
    share = ours / total
    if isinstance(our_spend, pd.Series):
        return pd.Series(share, index=our_spend.index, name="customer_share")
    if isinstance(total_spend, pd.Series):
        return pd.Series(share, index=total_spend.index, name="customer_share")
    return float(share) if share.ndim == 0 else share


def annual_sales(customers: float, retention: float, transactions_per_month: float,
                 spend_per_transaction: float, *, basis: str = "retained") -> float:
    """Next year's sales from today's customers, given retention, purchase rate and spend.

    .. math:: \\text{sales} = N \\cdot r \\cdot 12 f \\cdot s \\quad (\\text{basis="retained"})

    The course slides' question: a firm has ``N`` customers, keeps a share
    ``r`` of them for the coming year, each of whom buys ``f`` times a month
    spending ``s`` each time; what are its annual sales?  With
    ``basis="average"`` the lost customers are assumed to leave evenly during
    the year, so the average base is ``N (1 + r) / 2``.

    Parameters
    ----------
    customers : float
        Customers at the start of the year, ``N`` (> 0).
    retention : float
        Annual retention rate in (0, 1).
    transactions_per_month : float
        Purchases per active customer per month, ``f`` (>= 0).
    spend_per_transaction : float
        Average spend per purchase, ``s`` (currency, >= 0).
    basis : {"retained", "average"}
        Which customers buy all year: those retained (default) or the average
        of the start and end counts.

    Returns
    -------
    float
        Annual sales (currency).

    Examples
    --------
    10,000 customers, 80% retained, 4 purchases a month of 50 yuan each:

    >>> annual_sales(10_000, 0.80, 4, 50)
    19200000.0
    """
    n = _positive(customers, "customers")
    r = _retention(retention)
    f = _positive(transactions_per_month, "transactions_per_month", strict=False)
    s = _positive(spend_per_transaction, "spend_per_transaction", strict=False)
    if basis == "retained":
        base = n * r
    elif basis == "average":
        base = n * (1 + r) / 2
    else:
        raise ValueError(f"basis must be 'retained' or 'average', got {basis!r}")
    return base * 12 * f * s


def sales_projection(customers: float, retention: float, transactions_per_month: float,
                     spend_per_transaction: float, years: int = 5,
                     new_customers: float = 0.0) -> pd.DataFrame:
    """Year-by-year customers and sales of a base that keeps a share ``r`` each year.

    .. math:: N_t = r\\,N_{t-1} + A, \\qquad \\text{sales}_t = N_t \\cdot 12 f \\cdot s

    with ``N_0`` today's customers and ``A`` new customers won each year
    (counted from the year they are won).  With ``A = 0`` year 1 equals
    :func:`annual_sales`.

    Parameters
    ----------
    customers, retention, transactions_per_month, spend_per_transaction
        As in :func:`annual_sales`.
    years : int
        Number of years to project (>= 1).
    new_customers : float
        Customers acquired each year, ``A`` (>= 0).

    Returns
    -------
    DataFrame
        ``year`` (1..years), ``customers``, ``transactions`` and ``sales``.
    """
    n = _positive(customers, "customers")
    r = _retention(retention)
    f = _positive(transactions_per_month, "transactions_per_month", strict=False)
    s = _positive(spend_per_transaction, "spend_per_transaction", strict=False)
    a = _positive(new_customers, "new_customers", strict=False)
    n_years = _periods(years, "years")
    counts = []
    current = n
    for _ in range(n_years):
        current = r * current + a
        counts.append(current)
    counts = np.asarray(counts)
    return pd.DataFrame({
        "year": np.arange(1, n_years + 1),
        "customers": counts,
        "transactions": counts * 12 * f,
        "sales": counts * 12 * f * s,
    })


# ---------------------------------------------------------------- simple CLV


def margin_multiple(retention: float, discount_rate: float) -> float:
    """Gupta & Lehmann's margin multiple: CLV as a multiple of the annual margin.

    .. math:: \\frac{r}{1 + d - r}

    Parameters
    ----------
    retention : float
        Retention rate per period, in (0, 1).
    discount_rate : float
        Discount rate per period, greater than -1 (and below ``1 + d > r``).

    Returns
    -------
    float
        The multiple; e.g. 0.8 / (1.12 - 0.8) = 2.5.

    References
    ----------
    Gupta & Lehmann (2003), Table 1 (retention 60-90%, discount 10-16%).
    """
    r = _retention(retention)
    d = _discount(discount_rate)
    _convergent(r, d)
    return r / (1 + d - r)


def margin_multiple_table(retentions: Sequence[float] = (0.6, 0.7, 0.8, 0.9),
                          discount_rates: Sequence[float] = (0.10, 0.12, 0.14, 0.16)) -> pd.DataFrame:
    """The margin multiple r / (1 + d - r) over a grid, rows retention, columns discount rate.

    Gupta & Lehmann (2003, 2005) print this table (retention 60-90%, discount
    10-16%) to show that a customer is typically worth 1 to 4.5 times the
    annual margin.
    """
    table = pd.DataFrame(
        [[margin_multiple(r, d) for d in discount_rates] for r in retentions],
        index=pd.Index(list(retentions), name="retention"),
        columns=pd.Index(list(discount_rates), name="discount_rate"),
    )
    return table


def simple_clv(margin: float, retention: float, discount_rate: float, *,
               timing: str = DEFAULT_TIMING, acquisition_cost: float = 0.0) -> float:
    """Infinite-horizon CLV of a constant margin under constant retention and discounting.

    With ``m`` the margin per period, ``r`` the retention rate and ``d`` the
    discount rate, the three textbook formulas differ only in when the
    margins arrive:

    ==================  ==========================================  ======================
    ``timing``          first margin                                CLV
    ==================  ==========================================  ======================
    ``"end"``           end of period 1, certain (the default,      :math:`\\frac{m}{1+d-r}`
                        as in every CLV function of this module)
    ``"end_retained"``  end of period 1, only if the customer       :math:`\\frac{m r}{1+d-r}`
                        is retained (Gupta & Lehmann's margin
                        multiple)
    ``"start"``         today, certain                              :math:`\\frac{m(1+d)}{1+d-r}`
    ==================  ==========================================  ======================

    They are the sums :math:`\\sum_{t\\ge1} m r^t/(1+d)^t`,
    :math:`\\sum_{t\\ge1} m r^{t-1}/(1+d)^t` and
    :math:`\\sum_{t\\ge0} m r^t/(1+d)^t`.  With m = 40, r = 0.8, d = 0.12 they
    give 100, 125 and 140 (the workbook's own example).  The acquisition
    cost, if given, is subtracted.

    Parameters
    ----------
    margin : float
        Margin per customer per period (currency); may be negative.
    retention : float
        Retention rate per period, in (0, 1).
    discount_rate : float
        Discount rate per period, a fraction in [0, 1] (0.12 for 12%).
    timing : {"end", "end_retained", "start"}
        Cash-flow timing convention (see the table; default ``"end"``).
    acquisition_cost : float
        Cost of acquiring the customer, paid today (currency, >= 0).

    Returns
    -------
    float
        CLV in currency, net of the acquisition cost.

    Examples
    --------
    >>> [round(simple_clv(40, 0.8, 0.12, timing=t), 2) for t in ("start", "end", "end_retained")]
    [140.0, 125.0, 100.0]
    >>> round(simple_clv(40, 0.8, 0.12), 2)
    125.0

    References
    ----------
    Gupta & Lehmann (2003); Berger & Nasr (1998), case 1.
    """
    m = _number(margin, "margin")
    r = _retention(retention)
    d = _discount(discount_rate)
    t = _timing(timing)
    cost = _positive(acquisition_cost, "acquisition_cost", strict=False)
    _convergent(r, d)
    factor = {"end_retained": r, "end": 1.0, "start": 1 + d}[t]
    return m * factor / (1 + d - r) - cost


def clv_conventions(margin: float, retention: float, discount_rate: float) -> pd.DataFrame:
    """The three cash-flow timing conventions of :func:`simple_clv` side by side.

    Returns
    -------
    DataFrame indexed by ``timing`` with ``first_margin`` (when it arrives),
    ``formula`` and ``clv``, sorted from the largest value to the smallest.

    Examples
    --------
    >>> clv_conventions(40, 0.8, 0.12)["clv"].round(2).tolist()
    [140.0, 125.0, 100.0]
    """
    rows = []
    for t in ("start", "end", "end_retained"):
        first, formula = TIMINGS[t]
        rows.append({"timing": t, "first_margin": first, "formula": formula,
                     "clv": simple_clv(margin, retention, discount_rate, timing=t)})
    return pd.DataFrame(rows).set_index("timing")


def finite_horizon_clv(margin: float, retention: float, discount_rate: float, years: int, *,
                       timing: str = "end", acquisition_cost: float = 0.0) -> float:
    """CLV over a finite horizon of ``T`` periods.

    .. math:: \\mathrm{CLV}_T = \\sum_{t=1}^{T} \\frac{m\\, r^{t-1}}{(1 + d)^t}

    (default ``timing="end"``: a margin at the end of each period the
    customer is active, the first one certain).  ``"end_retained"`` uses
    :math:`r^t` in the numerator, ``"start"`` sums :math:`m r^t/(1+d)^t` over
    ``t = 0..T-1``.  As ``T`` grows the sum increases (for a positive margin)
    to :func:`simple_clv` with the same timing.

    Parameters
    ----------
    margin, retention, discount_rate, timing, acquisition_cost
        As in :func:`simple_clv` (default timing ``"end"``).
    years : int
        Horizon ``T`` in periods (>= 1).

    Returns
    -------
    float
        CLV in currency, net of the acquisition cost.

    Examples
    --------
    The workbook's own example (m = 334, r = 0.85, d = 0.12, five years):

    >>> round(finite_horizon_clv(334, 0.85, 0.12, 5), 1)
    925.6
    """
    m = _number(margin, "margin")
    r = _retention(retention)
    d = _discount(discount_rate)
    n = _periods(years, "years")
    t = _timing(timing)
    cost = _positive(acquisition_cost, "acquisition_cost", strict=False)
    periods = np.arange(1, n + 1)
    q = r / (1 + d)  # survival-weighted discount factor per period
    if t == "end":
        flows = m * q ** (periods - 1) / (1 + d)
    elif t == "end_retained":
        flows = m * q**periods
    else:
        flows = m * q ** (periods - 1)
    return float(flows.sum()) - cost


def clv_by_retention(margin: float, discount_rate: float, retentions=None, *,
                     timing: str = DEFAULT_TIMING) -> pd.DataFrame:
    """CLV and expected lifetime over a grid of retention rates (for plots and tables).

    Parameters
    ----------
    margin, discount_rate, timing
        As in :func:`simple_clv` (default timing ``"end"``).
    retentions : array-like, optional
        Retention rates in (0, 1); default 0.05, 0.10, ..., 0.95.

    Returns
    -------
    DataFrame
        ``retention``, ``expected_lifetime`` (periods), ``margin_multiple``
        (CLV / margin) and ``clv``.
    """
    grid = (np.round(np.arange(0.05, 0.951, 0.05), 2) if retentions is None
            else np.array([_retention(float(r), "retentions") for r in np.ravel(retentions)]))
    m = _number(margin, "margin")
    clv = [simple_clv(m, r, discount_rate, timing=timing) for r in grid]
    return pd.DataFrame({
        "retention": grid,
        "expected_lifetime": [expected_lifetime(r) for r in grid],
        "margin_multiple": np.asarray(clv) / m if m != 0 else np.nan,
        "clv": clv,
    })


@dataclass(frozen=True, repr=False)
class RetentionScenario(Result):
    """Result of :func:`retention_scenario`: what one retention rate implies."""

    margin: float
    retention: float
    discount_rate: float
    years: int
    timing: str
    expected_lifetime: float
    clv: float
    clv_horizon: float
    survival: pd.DataFrame = field(repr=False, compare=False)

    def summary(self) -> pd.DataFrame:
        """The inputs and results as a one-column DataFrame."""
        return pd.DataFrame({"value": pd.Series({
            "margin per period": self.margin,
            "retention rate": self.retention,
            "discount rate": self.discount_rate,
            "expected lifetime (periods)": self.expected_lifetime,
            f"CLV, infinite horizon ({self.timing})": self.clv,
            f"CLV, {self.years} periods ({self.timing})": self.clv_horizon,
            f"share still active after {self.years} periods": float(self.survival["survival"].iloc[-1]),
        }, dtype=float)})

    def _title(self) -> list[str]:
        return [f"Retention scenario: {self.retention:.0%} retention, timing {self.timing!r}"]


def retention_scenario(margin: float, retention: float, discount_rate: float, years: int = 10,
                       *, timing: str = DEFAULT_TIMING) -> RetentionScenario:
    """Expected lifetime, CLV (infinite and over ``years``) and survival curve for one retention rate.

    The numbers behind the retention explorer widget: :func:`expected_lifetime`,
    :func:`simple_clv`, :func:`finite_horizon_clv` and :func:`survival_curve`
    with the same inputs.

    Parameters
    ----------
    margin, retention, discount_rate, timing
        As in :func:`simple_clv` (default timing ``"end"``).
    years : int
        Horizon of the finite CLV and of the survival curve.

    Returns
    -------
    RetentionScenario
    """
    return RetentionScenario(
        margin=_number(margin, "margin"), retention=_retention(retention),
        discount_rate=_discount(discount_rate), years=_periods(years, "years"), timing=_timing(timing),
        expected_lifetime=expected_lifetime(retention),
        clv=simple_clv(margin, retention, discount_rate, timing=timing),
        clv_horizon=finite_horizon_clv(margin, retention, discount_rate, years, timing=timing),
        survival=survival_curve(retention, periods=years),
    )


def acquisition_cost(cost_per_prospect: float, response_rate: float) -> float:
    """Cost of acquiring one customer: spending per prospect divided by the acquisition rate.

    .. math:: \\text{AC} = \\frac{A}{a}

    With ``A`` spent per prospect reached and a share ``a`` of prospects who
    become customers (Blattberg & Deighton 1996).  Acquiring is worth it when
    the customer's CLV exceeds ``AC``; pass it to :func:`simple_clv` as
    ``acquisition_cost=`` to get the net value.

    Parameters
    ----------
    cost_per_prospect : float
        Marketing spend per prospect reached (currency, >= 0).
    response_rate : float
        Share of prospects acquired, in (0, 1].

    Returns
    -------
    float
        Cost per acquired customer (currency).

    Examples
    --------
    A mailing costing 2 yuan per prospect with a 4% response rate:

    >>> acquisition_cost(2.0, 0.04)
    50.0
    """
    a_cost = _positive(cost_per_prospect, "cost_per_prospect", strict=False)
    a = check_share(response_rate, "response_rate", allow_zero=False)
    return a_cost / a


@dataclass(frozen=True, repr=False)
class CustomerValue(Result):
    """Result of :func:`customer_value_from_interval`."""

    mean_interval_days: float
    mean_spend: float
    margin: float
    purchases_per_year: float
    annual_value: float
    lifetime_years: float
    discount_rate: float
    lifetime_value: float

    def summary(self) -> pd.DataFrame:
        """The inputs and results as a one-column DataFrame."""
        return pd.DataFrame({"value": pd.Series({
            "mean interval between purchases (days)": self.mean_interval_days,
            "mean spend per purchase": self.mean_spend,
            "margin rate": self.margin,
            "purchases per year": self.purchases_per_year,
            "annual value": self.annual_value,
            "expected lifetime (years)": self.lifetime_years,
            "discount rate": self.discount_rate,
            "lifetime value": self.lifetime_value,
        })})

    def _title(self) -> list[str]:
        return ["Customer value from the purchase interval and spend"]


def customer_value_from_interval(mean_interval_days: float, mean_spend: float, *,
                                 lifetime_years: float | None = None,
                                 retention: float | None = None, margin: float = 1.0,
                                 discount_rate: float = 0.0,
                                 days_per_year: float = 365.0) -> CustomerValue:
    """The slides' customer value model: purchase interval and spend per purchase -> value.

    .. math::

        n = \\frac{365}{\\bar{\\Delta}}, \\qquad V_{year} = n \\cdot \\bar{s} \\cdot g, \\qquad
        \\mathrm{CLV} = \\sum_{t=1}^{L} \\frac{V_{year}}{(1+d)^t}
        \\;\\text{or}\\; \\frac{V_{year}}{1 + d - r}

    A customer who buys every :math:`\\bar\\Delta` days on average, spending
    :math:`\\bar s` each time, buys ``n`` times a year; with a margin rate
    ``g`` (1 to count sales) the yearly value is ``n s g``.  Over a lifetime
    of ``L`` years, or an expected one ``1 / (1 - r)`` from a retention rate,
    the value is the (discounted) sum of the yearly values, received at the
    end of each year.  With ``d = 0`` it is simply yearly value x lifetime.

    Parameters
    ----------
    mean_interval_days : float
        Average number of days between two purchases (> 0).
    mean_spend : float
        Average spend per purchase (currency, >= 0).
    lifetime_years : float, optional
        Length of the relationship in years (> 0).  Give this or ``retention``.
    retention : float, optional
        Annual retention rate in (0, 1); the lifetime is then uncertain with
        mean ``1 / (1 - r)`` and the value is :func:`simple_clv` with
        ``timing="end"``.
    margin : float
        Margin rate on sales, in (0, 1] (default 1: value = sales).
    discount_rate : float
        Annual discount rate (default 0).
    days_per_year : float
        365 by default.

    Returns
    -------
    CustomerValue
        With ``purchases_per_year``, ``annual_value``, ``lifetime_years`` and
        ``lifetime_value``.

    Examples
    --------
    A customer buying every 30 days, spending 200 each time, for 5 years:

    >>> customer_value_from_interval(30, 200, lifetime_years=5).lifetime_value
    12166.666...
    """
    interval = _positive(mean_interval_days, "mean_interval_days")
    spend = _positive(mean_spend, "mean_spend", strict=False)
    g = check_share(margin, "margin", allow_zero=False)
    d = _discount(discount_rate)
    days = _positive(days_per_year, "days_per_year")
    if (lifetime_years is None) == (retention is None):
        raise ValueError("give exactly one of lifetime_years (e.g. 5) or retention (e.g. 0.8)")
    n = days / interval
    annual = n * spend * g
    if retention is not None:
        r = _retention(retention)
        years = expected_lifetime(r)
        value = simple_clv(annual, r, d, timing="end")
    else:
        years = _positive(lifetime_years, "lifetime_years")
        value = annual * years if d == 0 else annual * (1 - (1 + d) ** -years) / d
    return CustomerValue(interval, spend, g, n, annual, years, d, value)


# ---------------------------------------------------------------- acquisition economics


def _flows(cash_flows) -> np.ndarray:
    if isinstance(cash_flows, (str, bytes)) or np.ndim(cash_flows) != 1:
        raise ValueError(
            f"cash_flows must be a 1-D sequence of amounts, first the one at t = 0 "
            f"(e.g. [-51, 30, 42]), got {cash_flows!r}"
        )
    try:
        c = np.asarray(cash_flows, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"cash_flows must be numbers, got {cash_flows!r}") from None
    if len(c) < 2:
        raise ValueError(f"cash_flows needs at least two amounts (t = 0 and t = 1), got {len(c)}")
    if not np.isfinite(c).all():
        raise ValueError(f"cash_flows must be finite numbers, got {c.tolist()}")
    return c


def npv(cash_flows, rate: float) -> float:
    """Net present value of cash flows at the end of periods 0, 1, 2, ...

    .. math:: \\mathrm{NPV} = \\sum_{t=0}^{n} \\frac{c_t}{(1 + d)^t}

    Unlike spreadsheet ``NPV()``, the first amount is at ``t = 0`` (not
    discounted): pass the acquisition outlay as a negative first amount.

    Parameters
    ----------
    cash_flows : sequence of float
        ``c_0, c_1, ..., c_n`` (currency).
    rate : float
        Discount rate per period, greater than -1 (0.10 for 10%); every
        rate :func:`irr` can return is accepted, and a rate above 1 gets a
        warning (10 meant as 10% is the usual slip).

    Returns
    -------
    float

    Examples
    --------
    The workbook's own example (an outlay of 51, then five margins):

    >>> round(npv([-51, 30, 42, 44, 49, 55], 0.10), 2)
    111.66
    """
    c = _flows(cash_flows)
    d = _rate(rate, "rate")
    return float(np.sum(c / (1 + d) ** np.arange(len(c))))


def irr(cash_flows) -> float:
    """Internal rate of return: the rate at which the NPV of the cash flows is zero.

    Solved as the roots of the polynomial :math:`\\sum_t c_t x^t` in
    :math:`x = 1 / (1 + \\mathrm{IRR})`, keeping real roots with ``x > 0``.
    When the cash flows change sign more than once there may be several
    rates; the one closest to zero is returned.

    Parameters
    ----------
    cash_flows : sequence of float
        ``c_0, c_1, ..., c_n``, with at least one negative and one positive amount.

    Returns
    -------
    float
        The rate per period (0.0303 for 3.03%).

    Examples
    --------
    The workbook's own example (an outlay of 40, then 22, 13 and 7):

    >>> round(irr([-40, 22, 13, 7]), 4)
    0.0303
    >>> irr([-1, 3]), round(npv([-1, 3], irr([-1, 3])), 12)
    (2.0, 0.0)
    """
    c = _flows(cash_flows)
    if not ((c < 0).any() and (c > 0).any()):
        raise ValueError(
            f"the IRR needs cash flows that change sign (an outlay and some returns), got {c.tolist()}"
        )
    scale = np.abs(c).max()
    # amounts below 1e-13 of the largest cannot move the rate in double precision; dropping
    # them keeps the companion matrix of the polynomial finite (1e-310 made it singular)
    work = np.where(np.abs(c) < 1e-13 * scale, 0.0, c / scale)
    work = np.trim_zeros(work, "b")
    lead = np.flatnonzero(work)[0]            # leading zeros: roots at x = 0, not rates
    try:
        roots = np.roots(work[lead:][::-1])
    except np.linalg.LinAlgError:
        roots = np.array([])
    candidates = roots[(np.abs(roots.imag) < 1e-9 * np.maximum(1, np.abs(roots))) & (roots.real > 0)].real
    rates = [_polish_irr(c, 1.0 / x - 1.0) for x in candidates]
    rates = [v for v in rates if v is not None]
    if not rates:
        rates = _bracket_irr(c)
    if not rates:
        raise ValueError(f"no internal rate of return above -100% exists for {c.tolist()}")
    rates = np.asarray(rates)
    return float(rates[np.argmin(np.abs(rates))])


def _npv_and_slope(c: np.ndarray, rate: float) -> tuple[float, float]:
    t = np.arange(len(c))
    f = (1 + rate) ** -t.astype(float)
    return float(np.sum(c * f)), float(np.sum(-t * c * f / (1 + rate)))


def _polish_irr(c: np.ndarray, rate: float):
    """A few Newton steps on the NPV from a root of the polynomial; None if it is not a root."""
    if not np.isfinite(rate) or rate <= -1:
        return None
    for _ in range(20):
        value, slope = _npv_and_slope(c, rate)
        if slope == 0 or not np.isfinite(slope):
            break
        step = value / slope
        new = rate - step
        if new <= -1:
            new = (rate - 1) / 2
        rate = new
        if abs(step) < 1e-15 * max(1.0, abs(rate)):
            break
    value, _ = _npv_and_slope(c, rate)
    return float(rate) if abs(value) <= 1e-9 * np.abs(c).sum() else None


def _bracket_irr(c: np.ndarray) -> list[float]:
    """Rates where the NPV changes sign on a grid of x = 1/(1+rate) in (0, 1e3], refined by brentq."""
    from scipy.optimize import brentq

    xs = np.r_[np.geomspace(1e-6, 1.0, 400), np.geomspace(1.0, 1e3, 400)[1:]]
    values = np.array([np.polyval(c[::-1], x) for x in xs])
    found = []
    for i in np.flatnonzero(np.sign(values[:-1]) * np.sign(values[1:]) < 0):
        x = brentq(lambda v: np.polyval(c[::-1], v), xs[i], xs[i + 1], xtol=1e-15)
        found.append(1.0 / x - 1.0)
    return found


def payback_period(cash_flows, rate: float = 0.0, *, fractional: bool = False):
    """First period at which the cumulative (discounted) cash flow is no longer negative.

    .. math:: \\min\\{ t : \\sum_{k=0}^{t} c_k / (1 + d)^k \\ge 0 \\}

    ``rate=0`` gives the simple payback period, a positive rate the
    discounted payback.

    Parameters
    ----------
    cash_flows : sequence of float
        ``c_0, c_1, ..., c_n`` (currency), ``c_0`` usually the negative outlay.
    rate : float
        Discount rate per period, greater than -1 (0 for the simple payback).
    fractional : bool
        Interpolate linearly within the period where the cumulative amount
        turns non-negative (assumes cash arrives evenly during it).

    Returns
    -------
    int, float or None
        The period (an int, or a float with ``fractional=True``), or ``None``
        when the outlay is never recovered within the cash flows given.

    Examples
    --------
    >>> payback_period([-40, 22, 13, 7])
    3
    >>> payback_period([-40, 22, 13, 7], 0.10) is None
    True
    """
    c = _flows(cash_flows)
    d = _rate(rate, "rate")
    pv = c / (1 + d) ** np.arange(len(c))
    cum = np.cumsum(pv)
    hits = np.flatnonzero(cum >= -1e-12)
    if len(hits) == 0:
        return None
    t = int(hits[0])
    if not fractional:
        return t
    if t == 0 or pv[t] == 0:
        return float(t)
    return float(t - 1 + (-cum[t - 1]) / pv[t])


@dataclass(frozen=True, repr=False)
class AcquisitionEconomics(Result):
    """NPV, IRR and payback of acquiring a customer; see :func:`acquisition_economics`."""

    cash_flows: tuple[float, ...]
    rate: float
    npv: float
    irr: float
    payback: int | None
    discounted_payback: int | None
    table: pd.DataFrame = field(repr=False, compare=False)

    def summary(self) -> pd.DataFrame:
        """The measures as a DataFrame (``measure`` -> ``value``)."""
        return pd.DataFrame({"value": pd.Series({
            "discount rate": self.rate,
            "NPV": self.npv,
            "IRR": self.irr,
            "payback (periods)": np.nan if self.payback is None else self.payback,
            "discounted payback (periods)": (
                np.nan if self.discounted_payback is None else self.discounted_payback),
        }, dtype=float)}).rename_axis("measure")

    def _title(self) -> list[str]:
        def per(p):
            return "never" if p is None else f"period {p}"

        irr_text = "none" if np.isnan(self.irr) else f"{self.irr:.2%}"
        return [f"Acquisition economics at {self.rate:.1%}: NPV {self.npv:,.2f}, IRR {irr_text}, "
                f"payback {per(self.payback)}, discounted payback {per(self.discounted_payback)}"]


def acquisition_economics(cash_flows, rate: float) -> AcquisitionEconomics:
    """Is acquiring this customer worth it? NPV, IRR, simple and discounted payback.

    Parameters
    ----------
    cash_flows : sequence of float
        The customer's cash flows per period, ``c_0`` the (negative)
        acquisition outlay today, then the margins at the end of periods 1..n.
    rate : float
        Discount rate per period (cost of capital), a fraction in [0, 1]
        (0.10 for 10%).

    Returns
    -------
    AcquisitionEconomics
        ``npv``, ``irr`` (NaN when the cash flows do not change sign),
        ``payback`` and ``discounted_payback`` (periods, None if never), and
        ``table``: one row per period with ``period``, ``cash_flow``,
        ``discount_factor``, ``present_value``, ``cumulative`` and
        ``cumulative_pv``.

    Examples
    --------
    The workbook's own example:

    >>> res = acquisition_economics([-40, 22, 13, 7], 0.10)
    >>> round(res.npv, 2), round(res.irr, 4), res.payback
    (-4.0, 0.0303, 3)
    """
    c = _flows(cash_flows)
    d = _discount(rate, "rate")
    t = np.arange(len(c))
    factor = 1 / (1 + d) ** t
    table = pd.DataFrame({
        "period": t, "cash_flow": c, "discount_factor": factor, "present_value": c * factor,
        "cumulative": np.cumsum(c), "cumulative_pv": np.cumsum(c * factor),
    })
    try:
        rate_of_return = irr(c)
    except ValueError:
        rate_of_return = float("nan")
    return AcquisitionEconomics(
        cash_flows=tuple(c.tolist()), rate=d, npv=npv(c, d), irr=rate_of_return,
        payback=payback_period(c), discounted_payback=payback_period(c, d), table=table,
    )


# ---------------------------------------------------------------- the retention claims


@dataclass(frozen=True, repr=False)
class RetentionEffect(Result):
    """Result of :func:`retention_profit_effect`: CLV before and after a rise in retention."""

    margin: float
    retention: float
    new_retention: float
    discount_rate: float
    acquisition_cost: float
    margin_growth: float
    timing: str
    clv: float
    new_clv: float

    @property
    def net_clv(self) -> float:
        """CLV net of the acquisition cost, before the rise."""
        return self.clv - self.acquisition_cost

    @property
    def new_net_clv(self) -> float:
        """CLV net of the acquisition cost, after the rise."""
        return self.new_clv - self.acquisition_cost

    @property
    def clv_change(self) -> float:
        """Relative change of the CLV, a fraction (0.185 for +18.5%)."""
        return self.new_clv / self.clv - 1

    @property
    def profit_change(self) -> float:
        """Relative change of the profit per acquired customer (net CLV), a fraction.

        NaN when the net CLV before the rise is not positive (a relative
        change of a loss or of zero has no meaning).
        """
        return self.new_net_clv / self.net_clv - 1 if self.net_clv > 0 else float("nan")

    def summary(self) -> pd.DataFrame:
        """Before and after, one row per quantity (rates as fractions)."""
        rows = {
            "retention": (self.retention, self.new_retention),
            "CLV (gross)": (self.clv, self.new_clv),
            "acquisition cost": (self.acquisition_cost, self.acquisition_cost),
            "profit per acquired customer (net CLV)": (self.net_clv, self.new_net_clv),
        }
        out = pd.DataFrame(rows, index=["before", "after"]).T
        out["change"] = [self.new_retention - self.retention, self.clv_change, 0.0,
                         self.profit_change]
        out.index.name = "quantity"
        return out

    def _title(self) -> list[str]:
        return [f"Retention {self.retention:.0%} -> {self.new_retention:.0%}: CLV "
                f"{self.clv_change:+.1%}, profit per acquired customer {self.profit_change:+.1%}",
                f"margin {self.margin:g} per period growing {self.margin_growth:.0%} a period, "
                f"discount rate {self.discount_rate:.0%}, timing {self.timing!r}"]


def _growing_clv(m: float, r: float, d: float, g: float, timing: str) -> float:
    q = r * (1 + g)
    if q >= 1 + d:
        raise ValueError(
            f"the CLV diverges when retention x (1 + margin_growth) >= 1 + discount_rate (got "
            f"{r:g} x {1 + g:g} = {q:g} >= {1 + d:g}); lower the margin growth"
        )
    factor = {"end": 1.0, "end_retained": r, "start": 1 + d}[timing]
    return m * factor / (1 + d - q)


def retention_profit_effect(margin: float, retention: float, discount_rate: float, *,
                            increase: float = 0.05, relative: bool = False,
                            acquisition_cost: float = 0.0, margin_growth: float = 0.0,
                            timing: str = DEFAULT_TIMING) -> RetentionEffect:
    r"""What a CLV model says about "5% more retention gives 25-85% more profit".

    The claim (Reichheld & Sasser 1990, repeated by Bain & Company and in
    course file 004) is about a firm's profit; a CLV model makes its
    assumptions explicit.  Per acquired customer, with margin :math:`m` in
    the first period growing by :math:`g` a period while the customer stays
    (loyal customers buy more and cost less to serve, Reichheld's argument),
    retention :math:`r`, discount rate :math:`d` and acquisition cost
    :math:`A`:

    .. math::

        \mathrm{CLV}(r) = \sum_{t\ge1} \frac{m (1+g)^{t-1} r^{t-1}}{(1+d)^t}
                        = \frac{m}{1 + d - r(1+g)}, \qquad
        \text{profit} = \mathrm{CLV}(r) - A

    (``timing="end"``; the other timings multiply by r or 1 + d as in
    :func:`simple_clv`).  The function compares retention :math:`r` with
    :math:`r + 0.05` (``increase``, in points) or :math:`1.05\,r`
    (``relative=True``): the claim does not say which "5%" it means.

    Parameters
    ----------
    margin : float
        Margin per customer in the first period (currency, > 0).
    retention : float
        Retention rate per period before the rise, a fraction in (0, 1).
    discount_rate : float
        Discount rate per period, a fraction in [0, 1].
    increase : float
        The rise: percentage points of retention as a fraction (0.05), or
        with ``relative=True`` a relative rise (0.05 = 5% more).
    relative : bool
        Whether ``increase`` is relative to ``retention``.
    acquisition_cost : float
        Cost of acquiring the customer (currency, >= 0); the profit change
        is the change of CLV minus this cost.
    margin_growth : float
        Growth of the margin per period of tenure, a fraction (0 = flat).
    timing : {"end", "end_retained", "start"}
        Cash-flow timing (default ``"end"``, as every CLV function).

    Returns
    -------
    RetentionEffect
        ``clv``, ``new_clv``, ``clv_change`` and ``profit_change`` (fractions),
        and ``summary()``, a before/after table.

    Examples
    --------
    With a flat margin and no acquisition cost, 80% -> 85% retention adds
    20% to the CLV, below the claimed 25-85%; an acquisition cost of 200
    on a margin of 100 makes it +50% of the profit per acquired customer:

    >>> e = retention_profit_effect(100, 0.80, 0.10)
    >>> round(e.clv, 2), round(e.new_clv, 2), round(e.clv_change, 3)
    (333.33, 400.0, 0.2)
    >>> round(retention_profit_effect(100, 0.80, 0.10, acquisition_cost=200).profit_change, 3)
    0.5

    References
    ----------
    Reichheld, F. F. & Sasser, W. E. (1990). Zero defections: quality comes
    to services. Harvard Business Review 68(5), 105-111.
    """
    m = _positive(margin, "margin")
    r = _retention(retention)
    d = _discount(discount_rate)
    up = check_share(increase, "increase", allow_zero=False)
    t = _timing(timing)
    cost = _positive(acquisition_cost, "acquisition_cost", strict=False)
    g = check_share(margin_growth, "margin_growth")
    new_r = r * (1 + up) if relative else r + up
    if new_r >= 1:
        raise ValueError(
            f"retention {r:g} raised by {up:g}{' (relative)' if relative else ''} gives {new_r:g}, "
            f"not below 1: choose a smaller increase"
        )
    return RetentionEffect(
        margin=m, retention=r, new_retention=new_r, discount_rate=d, acquisition_cost=cost,
        margin_growth=g, timing=t, clv=_growing_clv(m, r, d, g, t),
        new_clv=_growing_clv(m, new_r, d, g, t),
    )

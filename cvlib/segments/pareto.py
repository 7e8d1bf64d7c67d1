"""Concentration of value: customer totals, Lorenz/Pareto curves, Gini, ABC classes,
the whale curve, the customer pyramid, decile analyses and spend bands."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._validate import _preview, check_share, renamed_args, takes_date_format
from ..engines import in_engines
from ._base import (
    Classification,
    check_labels,
    check_percentages,
    count_above,
    customer_order,
    make_classification,
    per_customer,
    prepare_log,
    share_above,
    tier_from_fraction,
)

__all__ = [
    "customer_values",
    "lorenz_curve",
    "pareto_curve",
    "pareto_share",
    "gini",
    "abc_classes",
    "whale_curve",
    "whale_summary",
    "pyramid",
    "PYRAMID_PRESETS",
    "decile_table",
    "purchase_decile_table",
    "spend_bands",
    "TELECOM_BANDS",
    "TELECOM_SLIDE_SHARES",
    "pareto_share_bounds",
    "printed_shares_check",
]


@renamed_args(tx="transactions")
@takes_date_format
@in_engines
def customer_values(transactions: pd.DataFrame, customer: str = "customer_id", date: str = "date",
                    amount: str = "amount", margin: str | None = None,
                    cost: str | None = None, at=None, returns: str = "error") -> pd.DataFrame:
    """Sum a transaction log to one row per customer: revenue, margin, cost to serve, profit.

    .. math:: \\text{profit}_i = \\sum_t \\text{margin}_{it} - \\sum_t \\text{cost}_{it}

    Parameters
    ----------
    transactions : DataFrame
        Transaction log, one row per purchase (``tx=`` is a deprecated alias).
    customer, date, amount : str
        Column names: customer id, purchase date, amount paid (currency units).
    margin : str, optional
        Column of gross margin per transaction (currency units).
    cost : str, optional
        Column of cost to serve per transaction (delivery, handling, support).
    at : date, optional
        Only transactions on or before this date count (default: all).
    returns : {"error", "net"}
        Negative amounts raise an error unless ``"net"``: then they are returns
        netted against revenue (and their margin against margin).
    date_format : str, optional
        ``strftime`` format of date strings that are not ISO 8601 (e.g.
        ``"%d/%m/%Y"``); ambiguous strings are refused without it.

    Returns
    -------
    DataFrame indexed by customer with ``transactions`` (purchases, returns
    not counted), ``revenue`` and, when given, ``margin``, ``cost_to_serve``
    and ``profit`` (margin - cost to serve).

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"],
    ...                    "date": ["2024-01-05", "2024-02-01", "2024-03-01"],
    ...                    "amount": [100.0, 50.0, 20.0], "gross_margin": [40.0, 20.0, 8.0],
    ...                    "cost_to_serve": [5.0, 5.0, 12.0]})
    >>> customer_values(tx, margin="gross_margin", cost="cost_to_serve")  # doctest: +NORMALIZE_WHITESPACE
                 transactions  revenue  margin  cost_to_serve  profit
    customer_id
    a                       2    150.0    60.0           10.0    50.0
    b                       1     20.0     8.0           12.0    -4.0
    """
    log = prepare_log(transactions, customer, date, amount, at=at, returns=returns,
                      extra=(margin, cost))
    k = len(log.customers)
    out = pd.DataFrame(index=log.customers)
    out["transactions"] = np.bincount(log.codes[log.amount >= 0], minlength=k).astype("int64")
    out["revenue"] = np.bincount(log.codes, weights=log.amount, minlength=k)
    if margin is not None:
        out["margin"] = np.bincount(log.codes, weights=log.extra[margin], minlength=k)
    if cost is not None:
        out["cost_to_serve"] = np.bincount(log.codes, weights=log.extra[cost], minlength=k)
    if margin is not None and cost is not None:
        out["profit"] = out["margin"] - out["cost_to_serve"]
    order = customer_order(out.index)
    return out.iloc[order] if order is not None else out


# ---------------------------------------------------------------- concentration curves


def lorenz_curve(data, value: str | None = None, customer: str | None = None) -> pd.DataFrame:
    """The Lorenz curve: cumulative share of value held by the poorest share of customers.

    Customers are sorted from smallest to largest value; point :math:`k` is
    :math:`(k/n, \\sum_{i \\le k} x_{(i)} / \\sum_i x_i)`, starting at (0, 0).

    Parameters
    ----------
    data : DataFrame or Series
        One row per customer (id in the index, or pass ``customer=``).
    value : str
        Column to measure (revenue, profit ...); must be non-negative.

    Returns
    -------
    DataFrame with ``customer_share`` and ``value_share``, n + 1 rows.

    References
    ----------
    Lorenz, M. O. (1905). Methods of measuring the concentration of wealth.
    """
    v = per_customer(data, value, customer, allow_negative=False).iloc[:, 0].to_numpy()
    s = np.sort(v)
    total = s.sum()
    if total <= 0:
        raise ValueError(f"{value!r} sums to {total:g}; a Lorenz curve needs a positive total")
    n = len(s)
    return pd.DataFrame({"customer_share": np.arange(n + 1) / n,
                         "value_share": np.concatenate([[0.0], np.cumsum(s)]) / total})


def pareto_curve(data, value: str | None = None, customer: str | None = None) -> pd.DataFrame:
    """The Pareto (concentration) curve: cumulative share of value of the top share of customers.

    Customers are sorted from largest to smallest value; point :math:`k` is
    :math:`(k/n, \\sum_{i \\le k} x_{[i]} / \\sum_i x_i)`.  With the 80/20 rule
    the curve passes through (0.2, 0.8).

    Returns
    -------
    DataFrame with ``customer_share`` and ``value_share``, n + 1 rows from (0, 0) to (1, 1).
    """
    v = per_customer(data, value, customer, allow_negative=False).iloc[:, 0].to_numpy()
    s = np.sort(v)[::-1]
    total = s.sum()
    if total <= 0:
        raise ValueError(f"{value!r} sums to {total:g}; a Pareto curve needs a positive total")
    n = len(s)
    return pd.DataFrame({"customer_share": np.arange(n + 1) / n,
                         "value_share": np.concatenate([[0.0], np.cumsum(s)]) / total})


def pareto_share(data, value: str | None = None, top: float = 0.2,
                 customer: str | None = None) -> float:
    """Share of the total value brought by the top ``top`` fraction of customers.

    Read off the Pareto curve by linear interpolation, so ``top=0.2`` is the
    "20" of the 80/20 rule and the result its "80".

    Examples
    --------
    >>> pareto_share(pd.Series([80.0, 5, 5, 5, 5]), top=0.2)
    0.8
    """
    if not 0 < float(top) <= 1:
        raise ValueError(f"top must be a fraction of customers in (0, 1], got {top!r} "
                         f"(give 0.2 for the top 20%)")
    curve = pareto_curve(data, value, customer)
    return float(np.interp(top, curve["customer_share"], curve["value_share"]))


def gini(data, value: str | None = None, customer: str | None = None) -> float:
    """The Gini coefficient of the value customers bring.

    .. math:: G = \\frac{2 \\sum_{i=1}^n i\\, x_{(i)}}{n \\sum_i x_i} - \\frac{n + 1}{n}

    with :math:`x_{(1)} \\le \\dots \\le x_{(n)}`; equivalently one minus
    twice the area under the Lorenz curve.  0 when every customer brings the
    same, :math:`(n-1)/n` when one customer brings everything.

    Examples
    --------
    >>> gini(pd.Series([1.0, 1.0, 1.0, 1.0]))
    0.0
    """
    v = per_customer(data, value, customer, allow_negative=False).iloc[:, 0].to_numpy()
    s = np.sort(v)
    n = len(s)
    total = s.sum()
    if total <= 0:
        raise ValueError(f"{value!r} sums to {total:g}; the Gini coefficient needs a positive total")
    i = np.arange(1, n + 1)
    return float(max(0.0, 2 * np.sum(i * s) / (n * total) - (n + 1) / n))  # no -2e-16 for ties


# ---------------------------------------------------------------- ABC classes


def abc_classes(data, value: str | None = None, *, customer: str | None = None,
                by: str = "value", shares=(70, 20, 10), thresholds=None,
                labels=("A", "B", "C"), profit: str | None = None,
                upgrade: str | None = None, potential: str | None = None) -> Classification:
    """ABC classes of customers by cumulative share or by absolute thresholds.

    Three ways to draw the lines (customers ranked by ``value``, largest first):

    - ``by="value"`` (default): a customer's class is the first whose
      cumulative share of value, ``shares`` (percent, default 70/20/10),
      is not yet used up by the customers ranked strictly above it.  A is the
      few customers who bring the first 70% of revenue.
    - ``by="customers"``: the top ``shares[0]`` percent of customers are A,
      the next ``shares[1]`` percent B, and so on (e.g. ``shares=(10, 20, 70)``).
    - ``thresholds=(5_000_000, 1_000_000)``: absolute cut-offs, A for
      ``value >= 5 million``, B for 1 to 5 million, C under 1 million (the
      course's example of key-account lines).

    Customers with equal values always share a class.

    Parameters
    ----------
    data : DataFrame or Series
        One row per customer (see :func:`customer_values`).
    value : str
        Column ranked (revenue or profit, currency units).
    by : {"value", "customers"}
        Which cumulative share ``shares`` refers to.
    shares : sequence of float
        Percentages per class, summing to 100.
    thresholds : sequence of float, optional
        Decreasing absolute lower bounds of every class but the last; overrides ``by``.
    labels : sequence of str
        Class names, best first.
    profit : str, optional
        A second measure reported in the table (its total and share per class).
    upgrade : str, optional
        Boolean column: customers flagged move up one class (a shortcut for
        the common case of ``potential``).
    potential : str, optional
        Column holding, for customers whose development potential overrides
        their sales, the class they belong to (a label of ``labels``; missing
        = keep the class by value).  File 003 moves customers both ways: a C
        customer with great potential becomes A, a B customer about to go
        bankrupt becomes C.  The class by value alone is kept in the column
        ``class_by_value`` of ``assignments``.

    Returns
    -------
    Classification
        ``.tiers`` per customer and ``.table``: customers, customer_share,
        value and value_share per class (shares 0-1; the slides' table: A 10%
        of customers, 70% of revenue).

    Examples
    --------
    >>> abc_classes(pd.Series([8e6, 5e6, 2e6, 1e6, 3e5], name="revenue"),
    ...             thresholds=(5e6, 1e6)).tiers.tolist()
    ['A', 'A', 'B', 'B', 'C']

    Reclassification by potential (file 003): the last account (C by sales)
    has great potential and becomes A, the third (B) is failing and becomes C:

    >>> accounts = pd.DataFrame({"revenue": [8e6, 5e6, 2e6, 1e6, 3e5],
    ...                          "by_potential": [None, None, "C", None, "A"]})
    >>> abc_classes(accounts, "revenue", thresholds=(5e6, 1e6),
    ...             potential="by_potential").tiers.tolist()
    ['A', 'A', 'C', 'B', 'A']

    References
    ----------
    The ABC classification of inventory management applied to customers
    (Pareto principle); the course slides on 客户价值分类 (ABC分类法).
    """
    labels = check_labels(labels)
    extra = tuple(c for c in (profit,) if c is not None)
    values = per_customer(data, value, customer, extra=extra)
    value = values.columns[0]
    v = values[value].to_numpy()
    k = len(labels)
    if thresholds is not None:
        t = np.asarray(thresholds, dtype=float).ravel()
        if len(t) != k - 1:
            raise ValueError(f"thresholds must give {k - 1} lower bound(s) for classes "
                             f"{labels[:-1]}, got {t.tolist()}")
        if (np.diff(t) >= 0).any():
            raise ValueError(f"thresholds must be strictly decreasing (A's bound first), "
                             f"got {t.tolist()}")
        tier = (v[:, None] < t[None, :]).sum(axis=1)
        method = "ABC by absolute thresholds " + " / ".join(f"{x:,.6g}" for x in t)
        params = {"thresholds": t.tolist()}
    else:
        frac = check_percentages(shares, labels)
        if by == "value":
            pos = share_above(v) if (v >= 0).all() else _refuse_negative(value, v)
            method = "ABC by cumulative share of " + str(value)
        elif by == "customers":
            pos = count_above(v) / len(v)
            method = "ABC by share of customers"
        else:
            raise ValueError(f"by must be 'value' or 'customers', got {by!r}")
        method += " (" + "/".join(f"{x * 100:g}" for x in frac) + ")"
        tier = tier_from_fraction(pos, frac)
        params = {"by": by, "shares": (frac * 100).tolist()}
    by_value = tier.copy()
    if upgrade is not None:
        flags = _flags(data, upgrade, customer, values.index)
        tier = np.where(flags & (tier > 0), tier - 1, tier)
        method += f", upgraded by {upgrade!r}"
    if potential is not None:
        target = _potential_classes(data, potential, customer, values.index, labels)
        tier = np.where(target >= 0, target, tier)
        method += f", reclassified by {potential!r}"
    measures = [value] + list(extra)
    res = make_classification(values, tier.astype(np.int64), labels, measures, method,
                              {**params, "value": value, "labels": labels})
    if upgrade is not None or potential is not None:
        res.assignments.insert(len(res.assignments.columns) - 1, "class_by_value",
                               pd.Categorical.from_codes(by_value.astype(np.int64), labels,
                                                         ordered=True))
    return res


def _potential_classes(data, column, customer, index, labels) -> np.ndarray:
    """Class index named in ``column`` for each customer, -1 where it is missing."""
    if not isinstance(data, pd.DataFrame) or column not in data.columns:
        raise ValueError(f"potential={column!r} must name a column of data holding a class "
                         f"label {labels} (or nothing) per customer")
    s = data.set_index(customer)[column] if customer is not None else data[column]
    s = s.reindex(index)
    known = s.notna()
    txt = s[known].astype(str)
    bad = ~txt.isin(labels)
    if bad.any():
        raise ValueError(f"column {column!r} must hold class labels {labels} or be empty, got "
                         f"{_preview(txt[bad].unique().tolist())}")
    out = np.full(len(s), -1, dtype=np.int64)
    out[known.to_numpy()] = txt.map({lab: i for i, lab in enumerate(labels)}).to_numpy()
    return out


def _refuse_negative(value, v):
    raise ValueError(f"cumulative shares of {value!r} need non-negative values, got "
                     f"{int((v < 0).sum())} negative: {_preview(v[v < 0].tolist())}; use "
                     f"by='customers' or thresholds=, or the whale curve for profits")


def _flags(data, column, customer, index) -> np.ndarray:
    if not isinstance(data, pd.DataFrame) or column not in data.columns:
        raise ValueError(f"upgrade={column!r} must name a boolean column of data")
    s = data.set_index(customer)[column] if customer is not None else data[column]
    if not pd.api.types.is_bool_dtype(s):
        raise TypeError(f"column {column!r} must be boolean (True = move up one class), "
                        f"got dtype {s.dtype}")
    return s.reindex(index).to_numpy(dtype=bool)


# ---------------------------------------------------------------- whale curve


def whale_curve(data, profit: str | None = None, customer: str | None = None) -> pd.DataFrame:
    """The whale curve: cumulative profit as customers are added from most to least profitable.

    Point :math:`k` is :math:`(k/n, \\sum_{i \\le k} \\pi_{[i]} / \\sum_i \\pi_i)`.
    Because unprofitable customers come last, the curve rises above 100% of
    total profit and falls back to 100%: its hump is the "whale".

    Returns
    -------
    DataFrame with ``customer_share``, ``cum_profit`` (currency) and
    ``profit_share`` (cumulative profit / total profit), n + 1 rows.

    References
    ----------
    Cooper, R. & Kaplan, R. S. (1991). The Design of Cost Management Systems;
    Kaplan, R. S. & Narayanan, V. G. (2001). Measuring and managing customer profitability.
    """
    p = per_customer(data, profit, customer).iloc[:, 0].to_numpy()
    total = p.sum()
    if total <= 0:
        raise ValueError(f"total profit is {total:,.2f}; the whale curve is drawn as a share of a "
                         f"positive total profit")
    cum = np.concatenate([[0.0], np.cumsum(np.sort(p)[::-1])])
    n = len(p)
    return pd.DataFrame({"customer_share": np.arange(n + 1) / n, "cum_profit": cum,
                         "profit_share": cum / total})


def whale_summary(data, profit: str | None = None, top: float = 0.2, bottom: float = 0.3,
                  customer: str | None = None) -> pd.Series:
    """Numbers that describe a whale curve, including the "20/80/30" rule.

    The 20/80/30 rule of the course: the top 20% of customers bring 80% of
    the profit (of the profit made by profitable customers), and the bottom
    30% lose half of it.  With :math:`P_{top}` the profit of the top
    ``top`` share of customers, :math:`P_{bottom}` that of the bottom
    ``bottom`` share and :math:`P^+` the total of positive profits:

    - ``top_share_of_gross`` = :math:`P_{top} / P^+` (80% under the rule),
    - ``bottom_loss_ratio`` = :math:`P_{bottom} / P_{top}` (-0.5 under the rule),
    - ``top_share`` = :math:`P_{top} / P`, ``peak_share`` = the curve's maximum.

    The top and bottom groups are the ``round(top * n)`` and
    ``round(bottom * n)`` customers at either end of the ranking.

    Returns
    -------
    Series with total_profit, peak_share, peak_customer_share, top_share,
    top_share_of_gross, bottom_profit, bottom_loss_ratio, unprofitable_share.
    """
    for name, x in (("top", top), ("bottom", bottom)):
        if not 0 < float(x) < 1:
            raise ValueError(f"{name} must be a fraction of customers in (0, 1), got {x!r}")
    if top + bottom > 1:
        raise ValueError(f"top ({top}) and bottom ({bottom}) overlap: their sum must be at most 1")
    curve = whale_curve(data, profit, customer)
    p = np.sort(per_customer(data, profit, customer).iloc[:, 0].to_numpy())[::-1]
    n = len(p)
    k_top, k_bot = int(round(top * n)), int(round(bottom * n))
    p_top = p[:k_top].sum()
    p_bot = p[n - k_bot:].sum() if k_bot else 0.0
    gross = p[p > 0].sum()
    peak = int(np.argmax(curve["cum_profit"].to_numpy()))
    return pd.Series({
        "total_profit": float(p.sum()),
        "peak_share": float(curve["profit_share"].iloc[peak]),
        "peak_customer_share": float(curve["customer_share"].iloc[peak]),
        "top_share": float(p_top / p.sum()),
        "top_share_of_gross": float(p_top / gross),
        "bottom_profit": float(p_bot),
        "bottom_loss_ratio": float(p_bot / p_top) if p_top != 0 else np.nan,
        "unprofitable_share": float((p < 0).mean()),
    })


# ---------------------------------------------------------------- pyramid

PYRAMID_PRESETS = {
    "curry": {"labels": ("VIP", "major", "medium", "small"), "shares": (1, 4, 15, 80),
              "labels_zh": ("VIP客户", "主要客户", "中等客户", "小客户"),
              "source": "Curry & Curry (2000), The Customer Marketing Method: top 1%, big 4%, "
                        "medium 15%, small 80% of active customers (the textbook split; not in "
                        "the course files)"},
    "course": {"labels": ("VIP", "major", "ordinary", "small"), "shares": (1, 4, 45, 50),
               "labels_zh": ("VIP客户", "主要客户", "普通客户", "小客户"),
               "source": "course files 000 and 003: VIP customers are the top 1% by purchases "
                         "(003, 前1%客户), small customers the bottom 50% (000, 后50%); the slides "
                         "do not define the middle tiers, so major 4% is taken from the textbook "
                         "split and ordinary customers are the remaining 45%"},
    "zeithaml": {"labels": ("platinum", "gold", "iron", "lead"), "shares": (5, 15, 50, 30),
                 "source": "Zeithaml, Rust & Lemon (2001), The customer pyramid, California "
                           "Management Review 43(4); tiers defined by profitability, the "
                           "percentages here are illustrative"},
}


def pyramid(data, value: str | None = None, *, customer: str | None = None,
            shares=None, labels=None, preset: str = "curry",
            profit: str | None = None) -> Classification:
    """The customer pyramid: tiers of customers ranked by value, with fixed shares of customers.

    The default (``preset="curry"``) is the textbook split of Curry & Curry:
    VIP customers are the top 1%, major customers the next 4%, medium
    customers the next 15% and small customers the remaining 80% by revenue
    (or profit).  ``preset="course"`` is the course slides' version: small
    customers are the bottom 50% (file 000) and VIP the top 1% (file 003);
    the slides leave the middle tiers undefined, so this preset fills them
    with major 4% (textbook) and ordinary 45% (the rest) and says so.
    ``preset="zeithaml"`` names the tiers platinum, gold, iron and lead.

    A customer's tier is the first whose cumulative share of customers exceeds
    the share of customers ranked strictly above it, so with 100 customers
    the tiers hold exactly 1, 4, 15 and 80, and tied customers share a tier.

    Parameters
    ----------
    data : DataFrame or Series
        One row per customer.
    value : str
        Ranking measure (revenue or profit, currency units).
    shares : sequence of float, optional
        Percentages of customers per tier, best first, summing to 100.
    labels : sequence of str, optional
        Tier names, best first (default from the preset).
    preset : {"curry", "course", "zeithaml"}
        Default shares and labels (``PYRAMID_PRESETS`` gives each one's
        Chinese labels and source).
    profit : str, optional
        Second measure whose total and share per tier is reported.

    Returns
    -------
    Classification with each tier's share of customers, revenue and profit (0-1).

    Examples
    --------
    >>> hundred = pd.Series(range(100, 0, -1), name="revenue", dtype=float)
    >>> pyramid(hundred).table["customers"].tolist()
    [1, 4, 15, 80]
    >>> pyramid(hundred, preset="course").table["customers"].tolist()
    [1, 4, 45, 50]

    References
    ----------
    Curry, J. & Curry, A. (2000). The Customer Marketing Method. Free Press.
    Zeithaml, V. A., Rust, R. T. & Lemon, K. N. (2001). The customer pyramid:
    creating and serving profitable customers. California Management Review 43(4).
    """
    if preset not in PYRAMID_PRESETS:
        raise ValueError(f"preset must be one of {sorted(PYRAMID_PRESETS)}, got {preset!r}")
    p = PYRAMID_PRESETS[preset]
    labels = check_labels(labels if labels is not None else p["labels"])
    if shares is None:
        if len(labels) != len(p["shares"]):
            raise ValueError(f"{len(labels)} labels given: pass shares= with one percentage each")
        shares = p["shares"]
    frac = check_percentages(shares, labels)
    extra = tuple(c for c in (profit,) if c is not None)
    values = per_customer(data, value, customer, extra=extra)
    value = values.columns[0]
    v = values[value].to_numpy()
    tier = tier_from_fraction(count_above(v) / len(v), frac)
    method = ("pyramid by " + str(value) + " ("
              + "/".join(f"{x * 100:g}%" for x in frac) + " of customers)")
    return make_classification(values, tier.astype(np.int64), labels, [value, *extra], method,
                               {"shares": (frac * 100).tolist(), "labels": labels, "value": value})


# ---------------------------------------------------------------- deciles


def decile_table(data, value: str | None = None, *, customer: str | None = None,
                 profit: str | None = None, n: int = 10) -> pd.DataFrame:
    """Monetary decile analysis: each tenth of customers, ranked by sales, and its share.

    Customers are sorted by ``value``, largest first (ties in customer
    order), and cut into ``n`` groups of equal size (the first groups one
    customer larger when n does not divide the count).

    Returns
    -------
    DataFrame indexed by ``decile`` (1 = top) with customers, the value's
    total, share, cumulative share, mean, min and max; and with ``profit``
    its total, share and cumulative share.

    Examples
    --------
    >>> v = pd.Series([50.0, 20, 10, 6, 5, 4, 2, 1, 1, 1], name="sales")
    >>> decile_table(v)["sales_share"].round(2).tolist()[:3]
    [0.5, 0.2, 0.1]

    References
    ----------
    Hughes, A. M. (2005). Strategic Database Marketing, ch. on decile analysis.
    """
    n = _check_n(n)
    extra = tuple(c for c in (profit,) if c is not None)
    values = per_customer(data, value, customer, extra=extra)
    value = values.columns[0]
    if len(values) < n:
        raise ValueError(f"{len(values)} customer(s) cannot be cut into {n} groups")
    order = np.argsort(-values[value].to_numpy(), kind="stable")
    group = np.empty(len(values), dtype=np.int64)
    for g, idx in enumerate(np.array_split(order, n)):
        group[idx] = g
    out = pd.DataFrame(index=pd.RangeIndex(1, n + 1, name="decile"))
    out["customers"] = np.bincount(group, minlength=n)
    for m in (value, *extra):
        x = values[m].to_numpy()
        sums = np.bincount(group, weights=x, minlength=n)
        out[m] = sums
        out[f"{m}_share"] = sums / sums.sum()
        out[f"cum_{m}_share"] = np.cumsum(sums) / sums.sum()
        if m == value:
            out[f"mean_{m}"] = sums / out["customers"]
            frame = pd.DataFrame({"g": group, "x": x}).groupby("g")["x"]
            out[f"min_{m}"] = frame.min().to_numpy()
            out[f"max_{m}"] = frame.max().to_numpy()
    return out


def purchase_decile_table(data, value: str | None = None, *, customer: str | None = None,
                          n: int = 10) -> pd.DataFrame:
    """Purchase decile analysis: how many customers make each tenth of sales.

    Customers are sorted by ``value``, largest first; each is placed in the
    tenth of cumulative sales where its own sales begin (the share of sales
    of the customers ranked before it).  Typically the first tenth of sales
    comes from a handful of customers and the last tenth from thousands.

    Returns
    -------
    DataFrame indexed by ``sales_band`` ("0-10%", ...) with ``customers``,
    ``customer_share`` and ``cum_customer_share``.
    """
    n = _check_n(n)
    values = per_customer(data, value, customer, allow_negative=False)
    v = np.sort(values.iloc[:, 0].to_numpy())[::-1]
    total = v.sum()
    if total <= 0:
        raise ValueError(f"{value!r} sums to {total:g}: nothing to split into tenths of sales")
    before = np.concatenate([[0.0], np.cumsum(v)[:-1]]) / total
    band = np.minimum(np.floor(before * n + 1e-9).astype(np.int64), n - 1)
    counts = np.bincount(band, minlength=n)
    step = 100 / n
    names = [f"{i * step:g}-{(i + 1) * step:g}%" for i in range(n)]
    out = pd.DataFrame({"customers": counts, "customer_share": counts / len(v)},
                       index=pd.Index(names, name="sales_band"))
    out["cum_customer_share"] = out["customer_share"].cumsum()
    return out


def _check_n(n) -> int:
    if not isinstance(n, (int, np.integer)) or isinstance(n, bool) or n < 2:
        raise ValueError(f"n (number of groups) must be an integer >= 2, got {n!r}")
    return int(n)


# ---------------------------------------------------------------- spend bands

TELECOM_BANDS = (0, 50, 100, 200, 300, 500)


def spend_bands(data, value: str | None = None, *, customer: str | None = None,
                edges=TELECOM_BANDS, labels=None) -> pd.DataFrame:
    """Distribution of customers over spend bands (the course's telecom bill table).

    Bands are closed on the right: with the default edges 0, 50, 100, 200,
    300, 500 they are 0-50, 51-100, 101-200, 201-300, 301-500 and over 500
    (monthly bill in yuan).

    Parameters
    ----------
    data : DataFrame or Series
        One row per customer (e.g. average monthly bill).
    value : str
        Column banded (currency units per period).
    edges : sequence of float
        Increasing band edges; the first is the lowest allowed value, the last
        band is open-ended.
    labels : sequence of str, optional
        Band names (default built from the edges).

    Returns
    -------
    DataFrame indexed by ``band`` with customers, customer_share, the total
    value and its share.
    """
    values = per_customer(data, value, customer)
    value = values.columns[0]
    e = np.asarray(edges, dtype=float).ravel()
    if len(e) < 2 or (np.diff(e) <= 0).any():
        raise ValueError(f"edges must be at least two strictly increasing numbers, got {e.tolist()}")
    v = values[value].to_numpy()
    low = v < e[0]
    if low.any():
        raise ValueError(f"{int(low.sum())} value(s) of {value!r} lie below the first edge "
                         f"{e[0]:g}: {_preview(v[low].tolist())}; lower the first edge")
    if labels is None:
        def fmt(x):
            return f"{x:g}"
        integer = np.allclose(e, np.round(e))
        labels = [f"{fmt(e[0])}-{fmt(e[1])}"]
        labels += [f"{fmt(e[i] + 1) if integer else fmt(e[i])}-{fmt(e[i + 1])}"
                   for i in range(1, len(e) - 1)]
        labels += [f"over {fmt(e[-1])}"]
    labels = check_labels(labels, len(e), "labels")
    band = np.searchsorted(e[1:], v, side="left")    # right-closed bands
    k = len(labels)
    counts = np.bincount(band, minlength=k)
    sums = np.bincount(band, weights=v, minlength=k)
    out = pd.DataFrame({"customers": counts, "customer_share": counts / len(v),
                        value: sums, f"{value}_share": sums / sums.sum() if sums.sum() else np.nan},
                       index=pd.CategoricalIndex(labels, categories=labels, ordered=True, name="band"))
    return out


#: The course's telecom table (file 002, 全球通): share of subscribers per monthly bill band,
#: as printed (28.6%, 45.4%, ...), here as fractions.  They add up to 1.001.
TELECOM_SLIDE_SHARES = pd.Series(
    [0.286, 0.454, 0.198, 0.041, 0.015, 0.007],
    index=pd.Index(["0-50", "51-100", "101-200", "201-300", "301-500", "over 500"], name="band"),
    name="customer_share",
)


def printed_shares_check(shares, *, decimals: int = 1) -> pd.Series:
    r"""Do printed shares add up to 1, allowing for their rounding?

    Each share printed as a percentage with ``decimals`` decimals can be off
    by half a unit of the last digit, :math:`\epsilon = 0.5 \cdot 10^{-d}`
    percentage points, so the printed total of :math:`k` shares may differ
    from 100% by up to :math:`k\epsilon` points.

    Parameters
    ----------
    shares : sequence of float
        The printed shares as fractions (0.286 for 28.6%).
    decimals : int
        Decimals of the printed percentages (1 for 28.6%).

    Returns
    -------
    Series: ``total`` (fraction), ``excess_points`` (total - 100%, in
    percentage points), ``max_rounding_points`` (:math:`k\epsilon`) and
    ``explained_by_rounding`` (bool).  Divide the shares by their total to
    get shares that add up to exactly 1.

    Examples
    --------
    The course's bill bands add up to 100.1%, within the 0.3 points that
    rounding six shares to 0.1% allows:

    >>> check = printed_shares_check(TELECOM_SLIDE_SHARES)
    >>> round(check["total"], 4), round(check["excess_points"], 2), check["explained_by_rounding"]
    (1.001, 0.1, True)
    """
    s = np.asarray(shares, dtype=float).ravel()
    if len(s) == 0 or np.isnan(s).any():
        raise ValueError(f"shares must be a non-empty list of numbers, got {s.tolist()}")
    if (s < 0).any() or (s > 1).any():
        raise ValueError(f"shares must be fractions in [0, 1] (0.286 for 28.6%), got "
                         f"{_preview(s[(s < 0) | (s > 1)].tolist())}")
    if not isinstance(decimals, (int, np.integer)) or isinstance(decimals, bool) or decimals < 0:
        raise ValueError(f"decimals must be a whole number >= 0, got {decimals!r}")
    total = float(s.sum())
    excess = (total - 1.0) * 100
    tol = len(s) * 0.5 * 10.0 ** (-decimals)
    return pd.Series({"total": round(total, 12), "excess_points": round(excess, 10),
                      "max_rounding_points": round(tol, 10),
                      "explained_by_rounding": bool(abs(excess) <= tol + 1e-9)}, dtype=object)


def pareto_share_bounds(known_top: float, known_share: float, top: float) -> tuple[float, float]:
    r"""The range of shares the top ``top`` customers can bring, given one point of the Pareto curve.

    With customers ranked from largest to smallest, the Pareto curve
    :math:`s(p)` (share of value of the top :math:`p` of customers) is
    concave, increasing, and runs from (0, 0) to (1, 1).  Knowing
    :math:`s(q) = S` bounds every other point:

    - for :math:`p < q`: :math:`S\,p/q \le s(p) \le S - (q - p)(1 - S)/(1 - q)`;
    - for :math:`p > q`: :math:`S + (p - q)(1 - S)/(1 - q) \le s(p) \le
      \min(1, S\,p/q)`.

    (The top :math:`p` bring at least their proportional part of what the top
    :math:`q` bring, because they are the largest; and every customer beyond
    :math:`q` brings at most the average of those before.)

    Parameters
    ----------
    known_top, known_share : float
        The known point: the top ``known_top`` of customers (fraction) bring
        ``known_share`` of the value (fraction).
    top : float
        The share of customers asked about (fraction).

    Returns
    -------
    (low, high): the smallest and largest possible share.

    Examples
    --------
    The course (file 002) says the top 10% bring 30-50% of sales and the top
    20% bring 80%.  If the top 20% bring 80%, the top 10% bring at least 40%:

    >>> tuple(round(b, 4) for b in pareto_share_bounds(0.2, 0.8, 0.1))
    (0.4, 0.775)

    References
    ----------
    Lorenz (1905): the Lorenz curve of ranked values is convex, so the Pareto
    curve (its mirror image) is concave.
    """
    q = check_share(known_top, "known_top", allow_zero=False, allow_one=False)
    big_s = check_share(known_share, "known_share")
    p = check_share(top, "top", allow_zero=False)
    if big_s < q - 1e-12:
        raise ValueError(f"the top {q:g} of customers cannot bring less than their own share "
                         f"({q:g}) of the value when ranked largest first, got {big_s:g}")
    if p <= q:
        low, high = big_s * p / q, big_s - (q - p) * (1 - big_s) / (1 - q)
    else:
        low, high = big_s + (p - q) * (1 - big_s) / (1 - q), min(1.0, big_s * p / q)
    return float(low), float(high)

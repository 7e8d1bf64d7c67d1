"""Shared pieces of cvlib.segments: the classification result, input checks, ranking helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .._results import Result
from .._validate import (
    _preview,
    parse_date,
    parse_dates,
    require_columns,
    require_frame,
    require_no_missing,
    require_numeric,
)
from ..language import say

__all__ = ["Classification"]


@dataclass(repr=False)
class Classification(Result):
    """The result of classifying customers into tiers (ABC, pyramid, matrix quadrants, ...).

    Built on :class:`cvlib._results.Result`: ``summary()`` returns the
    per-tier table and ``repr()`` / ``_repr_html_()`` show the method, the
    number of customers and that table.

    Attributes
    ----------
    assignments : DataFrame
        One row per customer (indexed by customer id): the values the
        classification used and the column ``tier`` (an ordered categorical,
        best tier first).
    table : DataFrame
        One row per tier: ``customers``, ``customer_share`` (0-1) and, for
        every measure, its total and its share of the total (0-1)
        (``revenue``, ``revenue_share``, ...).  Empty tiers are kept, with zeros.
    method : str
        What was done, e.g. ``"ABC by share of revenue (70/20/10)"``.
    params : dict
        The cut-offs and options used, so a plot or a reader can redraw them.
    """

    assignments: pd.DataFrame
    table: pd.DataFrame
    method: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def tiers(self) -> pd.Series:
        """The tier of every customer (Series indexed by customer)."""
        return self.assignments["tier"]

    @property
    def labels(self) -> list[str]:
        """The tier labels, best first."""
        return list(self.assignments["tier"].cat.categories)

    def _title(self) -> list[str]:
        return [f"Classification: {self.method}; {len(self.assignments):,} customers"]

    def summary(self) -> pd.DataFrame:
        """The per-tier table (a copy)."""
        return self.table.copy()


# ---------------------------------------------------------------- inputs


def per_customer(data, value: str | None, customer: str | None, what: str = "data",
                 extra: tuple[str, ...] = (), allow_negative: bool = True) -> pd.DataFrame:
    """A one-row-per-customer frame with the numeric columns ``value`` and ``extra``.

    ``data`` is a DataFrame (the customer id in its index, or in the column
    ``customer``) or a Series of values indexed by customer.
    """
    if isinstance(data, pd.Series):
        name = value or (data.name if data.name is not None else "value")
        data = data.to_frame(name=name)
        value = name
    require_frame(data, what)
    if value is None:
        raise ValueError(f"pass value=<column of {what}> naming the column to rank customers by; "
                         f"columns are {list(map(str, data.columns))}")
    cols = [value, *[c for c in extra if c is not None and c != value]]
    require_columns(data, cols + ([customer] if customer is not None else []), what)
    require_numeric(data, cols, what)
    require_no_missing(data, cols, what)
    out = data.set_index(customer)[cols] if customer is not None else data[cols]
    if out.index.has_duplicates:
        dup = out.index[out.index.duplicated()].unique().tolist()
        raise ValueError(
            f"{what} must have one row per customer, but customer id(s) {_preview(dup)} appear "
            f"more than once; aggregate a transaction log first with customer_values()"
        )
    if len(out) == 0:
        raise ValueError(f"{what} has no rows: there are no customers to classify")
    if not allow_negative:
        bad = out[value] < 0
        if bad.any():
            raise ValueError(
                f"column {value!r} of {what} must be non-negative for this analysis, got "
                f"{int(bad.sum())} negative value(s) {_preview(out.loc[bad, value].tolist())} "
                f"for customer(s) {_preview(out.index[bad].tolist())}"
            )
    return out.astype(float).copy()


def check_percentages(shares, labels, name: str = "shares") -> np.ndarray:
    """Tier percentages: one per label, positive, summing to 100; returned as fractions."""
    s = np.asarray(shares, dtype=float).ravel()
    if len(s) != len(labels):
        raise ValueError(f"{name} has {len(s)} value(s) {s.tolist()} but there are {len(labels)} "
                         f"tier labels {list(labels)}; give one percentage per tier")
    if np.isnan(s).any() or (s <= 0).any():
        raise ValueError(say(f"{name} must be positive percentages, got {s.tolist()} for {list(labels)}",
                             f"{name} 必须都是正的百分比，{list(labels)} 现在是 {s.tolist()}"))
    total = float(s.sum())
    if abs(total - 100.0) > 1e-6:
        hint = " (give percentages such as 70, not fractions such as 0.7)" if abs(total - 1) < 1e-6 else ""
        raise ValueError(say(
            f"{name} must sum to 100 so that the tiers partition the customers, got "
            f"{total:g} for {list(labels)}: {s.tolist()}{hint}",
            f"{name} 之和必须为 100，各层才能恰好分完所有客户；{list(labels)} 现在合计 {total:g}："
            f"{s.tolist()}" + ("（请输入 70 这样的百分数，而不是 0.7 这样的小数）" if hint else "")
        ))
    return s / 100.0


def check_labels(labels, n: int | None = None, name: str = "labels") -> list[str]:
    out = [str(x) for x in labels]
    if n is not None and len(out) != n:
        raise ValueError(f"{name} must have {n} entries, got {len(out)}: {out}")
    if len(set(out)) != len(out):
        raise ValueError(f"{name} must be distinct, got {out}")
    return out


def _small_int_range(v: np.ndarray) -> tuple[np.ndarray, int] | None:
    """``(v - min, range)`` when ``v`` holds whole numbers in a range small enough to count."""
    if len(v) == 0:
        return None
    if v.dtype.kind in "iu":
        iv = v.astype(np.int64, copy=False)
    elif v.dtype.kind == "f":
        if not np.isfinite(v).all():
            return None
        iv = v.astype(np.int64)
        if not np.array_equal(iv, v):
            return None
    else:
        return None
    lo, hi = int(iv.min()), int(iv.max())
    if hi - lo > 4 * len(v) + 1024:
        return None
    return iv - lo, hi - lo + 1


def count_below(v: np.ndarray) -> np.ndarray:
    """For each value, how many values are strictly smaller (ties share the count).

    Linear time by counting for whole numbers in a small range (recency in
    days, frequency); otherwise one sort and a pass over the runs of ties.
    """
    v = np.asarray(v)
    small = _small_int_range(v)
    if small is not None:
        off, span = small
        before = np.concatenate([[0], np.cumsum(np.bincount(off, minlength=span))[:-1]])
        return before[off]
    order = np.argsort(v, kind="stable")
    s = v[order]
    n = len(v)
    start = np.empty(n, dtype=bool)
    start[:1] = True
    start[1:] = s[1:] != s[:-1]
    first = np.maximum.accumulate(np.where(start, np.arange(n), 0))
    out = np.empty(n, dtype=np.int64)
    out[order] = first
    return out


def count_above(v: np.ndarray) -> np.ndarray:
    """For each value, how many values are strictly greater (ties share the count)."""
    v = np.asarray(v)
    return count_below(-v) if v.dtype.kind != "u" else count_below(-v.astype(np.int64))


def share_above(v: np.ndarray) -> np.ndarray:
    """For each value, the share of the total held by strictly greater values."""
    total = float(v.sum())
    if total <= 0:
        raise ValueError(f"the values sum to {total:g}; shares of the total need a positive total")
    s = np.sort(v)[::-1]
    cs = np.concatenate([[0.0], np.cumsum(s)])
    return cs[count_above(v)] / total


def tier_from_fraction(frac: np.ndarray, shares: np.ndarray) -> np.ndarray:
    """Tier index (0 = top) for a fraction in [0, 1) against tier shares summing to 1."""
    bounds = np.cumsum(shares)
    bounds[-1] = np.inf
    return np.searchsorted(bounds, frac + 1e-12, side="right")


def tier_table(values: pd.DataFrame, tier: np.ndarray, labels: list[str],
               measures: list[str], name: str = "tier") -> pd.DataFrame:
    """Per-tier counts and measure totals with shares; every label kept, best first."""
    k = len(labels)
    counts = np.bincount(tier, minlength=k)[:k]
    table = pd.DataFrame({"customers": counts.astype("int64"),
                          "customer_share": counts / max(len(tier), 1)},
                         index=pd.CategoricalIndex(labels, categories=labels, ordered=True, name=name))
    for m in measures:
        sums = np.bincount(tier, weights=values[m].to_numpy(float), minlength=k)[:k]
        total = sums.sum()
        table[m] = sums
        table[f"{m}_share"] = sums / total if total != 0 else np.nan
    return table


def make_classification(values: pd.DataFrame, tier: np.ndarray, labels: list[str],
                        measures: list[str], method: str, params: dict) -> Classification:
    assign = values.copy()
    assign["tier"] = pd.Categorical.from_codes(tier, categories=labels, ordered=True)
    return Classification(assign, tier_table(values, tier, labels, measures), method, params)


# ---------------------------------------------------------------- transaction logs


@dataclass
class Log:
    """A validated transaction log as numpy arrays (rows on or before ``at``)."""

    codes: np.ndarray       # customer code 0..k-1 of each row
    customers: pd.Index     # customer id of each code
    days: np.ndarray        # int64 day number of each row
    amount: np.ndarray      # float amounts (negative = returns, only when returns="net")
    at: pd.Timestamp
    at_day: int
    extra: dict[str, np.ndarray]


_PER_DAY = {"ns": 86_400_000_000_000, "us": 86_400_000_000, "ms": 86_400_000, "s": 86_400,
            "D": 1}


def _to_days(dates: pd.Series) -> np.ndarray:
    """Whole days since 1970-01-01 (floored) as int64."""
    if isinstance(dates.dtype, pd.DatetimeTZDtype):
        dates = dates.dt.tz_localize(None)
    arr = dates.to_numpy()
    unit = np.datetime_data(arr.dtype)[0]
    if unit in _PER_DAY:
        return arr.view(np.int64) // _PER_DAY[unit]
    return arr.astype("datetime64[D]").astype(np.int64)


def factorize_ids(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes 0..k-1 and the distinct ids; by counting for integer ids in a compact range."""
    if values.dtype.kind in "iu" and len(values):
        lo, hi = int(values.min()), int(values.max())
        if hi - lo <= 4 * len(values) + 1024:
            off = values.astype(np.int64, copy=False) - lo
            present = np.bincount(off, minlength=hi - lo + 1) > 0
            code_of = np.cumsum(present) - 1
            return code_of[off], np.flatnonzero(present) + lo
    codes, uniques = pd.factorize(values)
    return np.asarray(codes, dtype=np.int64), uniques


def analysis_day(at, first_day: int, last_day: int, date_format: str | None = None):
    """The analysis date ``at`` (default: the last transaction day) and its day number.

    One check for every engine: the date must not be in the future and not
    before the first transaction (day numbers count days since 1970-01-01).
    """
    if at is None:
        at_ts = pd.Timestamp(np.datetime64(last_day, "D"))
    else:
        at_ts = parse_date(at, "at", date_format=date_format).normalize()
        today = pd.Timestamp.today().normalize()
        if at_ts > today + pd.Timedelta(days=1):
            raise ValueError(f"the analysis date at={at_ts.date()} is in the future (today is "
                             f"{today.date()}); recency is measured back from a date already past")
    at_day = int(np.datetime64(at_ts.date(), "D").astype(np.int64))
    if at_day < first_day:
        raise ValueError(
            f"the analysis date at={at_ts.date()} is before the first transaction "
            f"({np.datetime64(first_day, 'D')}); choose a date on or after it"
        )
    return at_ts, at_day


def prepare_log(tx, customer: str, date: str, amount: str | None, at=None,
                returns: str = "error", extra: tuple[str, ...] = (),
                what: str = "transactions") -> Log:
    """Validate a transaction log and keep the rows dated on or before ``at``.

    Raises clear errors for missing columns, non-numeric or missing amounts,
    unparseable, missing or future dates, negative amounts (unless
    ``returns="net"``) and an analysis date before the first transaction.
    """
    require_frame(tx, what)
    if returns not in ("error", "net"):
        raise ValueError(f"returns must be 'error' (negative amounts are refused) or 'net' "
                         f"(negative amounts are returns, netted against spend), got {returns!r}")
    numeric = ([amount] if amount is not None else []) + [c for c in extra if c is not None]
    require_columns(tx, [customer, date, *numeric], what)
    if len(tx) == 0:
        raise ValueError(f"{what} has no rows: an empty transaction log cannot be summarised")
    require_numeric(tx, numeric, what)
    require_no_missing(tx, [customer, *numeric], what)
    dates = parse_dates(tx[date], date)
    days = _to_days(dates)
    amt = tx[amount].to_numpy(dtype=float) if amount is not None else np.ones(len(tx))
    if not np.isfinite(amt).all():
        raise ValueError(f"column {amount!r} of {what} has {int((~np.isfinite(amt)).sum())} "
                         f"infinite value(s)")
    if returns == "error" and amount is not None:
        neg = amt < 0
        if neg.any():
            rows = tx.loc[neg, [customer, date, amount]].head(3).to_dict("records")
            raise ValueError(say(
                f"column {amount!r} of {what} has {int(neg.sum())} negative amount(s), e.g. "
                f"{rows}. If they are returns, pass returns='net' to net them against spend "
                f"(a return is then not counted as a purchase); otherwise correct the data",
                f"{what} 的列 {amount!r} 有 {int(neg.sum())} 个负数金额，例如 {rows}。"
                f"如果它们是退货，请传入 returns='net'，与消费额相抵（退货不计为一次购买）；"
                f"否则请更正数据"))
    first_day = int(days.min())
    last_day = int(days.max())
    at_ts, at_day = analysis_day(at, first_day, last_day)
    keep = None if at_day >= last_day else days <= at_day
    cust = tx[customer].to_numpy()
    if keep is not None:
        cust, days, amt = cust[keep], days[keep], amt[keep]
    codes, uniques = factorize_ids(cust)
    uniques = pd.Index(uniques, name=customer)
    ex = {}
    for c in extra:
        if c is not None:
            v = tx[c].to_numpy(dtype=float)
            ex[c] = v[keep] if keep is not None else v
    return Log(codes, uniques, days, amt, at_ts, at_day, ex)


def customer_order(index: pd.Index) -> np.ndarray | None:
    """Positions that sort the customer ids (None when they cannot be sorted)."""
    try:
        order = index.argsort()
    except TypeError:
        return None
    if (order == np.arange(len(order))).all():
        return None
    return order

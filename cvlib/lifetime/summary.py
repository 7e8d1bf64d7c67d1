"""From a transaction log to one row per customer: frequency, recency, T and mean repeat spend.

The probability models of :mod:`cvlib.lifetime.models` (BG/NBD, Pareto/NBD,
Gamma-Gamma) do not need the whole log, only a few sufficient statistics per
customer (Fader, Hardie & Lee 2005):

- ``frequency`` x: the number of *repeat purchase days* (several transactions
  on the same day count as one purchase; the first purchase day is not counted);
- ``recency`` t_x: the time from the first purchase to the last repeat purchase
  (0 when x = 0), as in the buy-till-you-die (BTYD) papers and the lifetimes
  package.  This is *not* the RFM recency of :func:`cvlib.segments.rfm_table`
  (days since the last purchase, smaller is better): here larger is better,
  and the RFM recency is T - t_x;
- ``T``: the time from the first purchase to the end of the (calibration) period;
- ``monetary_value``: the mean spend per repeat purchase day (0 when x = 0).

All times are in a chosen unit (weeks by default: days / 7).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .._validate import parse_date, parse_dates, renamed_args, require_columns, require_frame
from ..language import say

__all__ = ["summarize", "collapse_patterns", "summary_window", "SummaryWindow", "TIME_UNITS"]

#: Length of each supported time unit in days.
TIME_UNITS = {"D": 1.0, "W": 7.0, "M": 365.25 / 12.0, "Y": 365.25}


def _unit_days(time_unit) -> float:
    if isinstance(time_unit, str):
        key = time_unit.upper()
        if key in TIME_UNITS:
            return TIME_UNITS[key]
    elif isinstance(time_unit, int | float) and not isinstance(time_unit, bool) and time_unit > 0:
        return float(time_unit)
    raise ValueError(
        f"time_unit must be one of {list(TIME_UNITS)} (days, weeks = 7 days, months = "
        f"365.25/12 days, years = 365.25 days) or a positive number of days, got {time_unit!r}"
    )


def _unit_name(time_unit) -> str:
    names = {"D": "days", "W": "weeks", "M": "months", "Y": "years"}
    if isinstance(time_unit, str) and time_unit.upper() in names:
        return names[time_unit.upper()]
    return f"units of {float(time_unit):g} days"


def _day_numbers(values, name: str, not_after, date_format=None) -> np.ndarray:
    """Dates as int64 day numbers since 1970-01-01 (time of day dropped), by the date policy."""
    limit = False
    if not_after is not False:
        limit = None if not_after is None else parse_date(not_after, "observation_end")
    s = parse_dates(values, name, not_after=limit, date_format=date_format)
    return s.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]").astype(np.int64)


def _customer_codes(ids: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Integer codes 0..k-1 of the customer ids, ordered as the sorted ids, and the ids.

    Integer ids spanning a modest range are offset directly (no hashing, the
    codes of absent ids are dropped later as customers without purchases);
    other ids go through :func:`pandas.factorize`.
    """
    if pd.api.types.is_integer_dtype(ids) and not isinstance(ids.dtype, pd.CategoricalDtype):
        values = ids.to_numpy(dtype=np.int64)
        low, high = int(values.min()), int(values.max())
        if high - low < max(2 * values.size, 1_000_000):
            return values - low, pd.Index(np.arange(low, high + 1, dtype=np.int64))
    if isinstance(ids.dtype, pd.StringDtype) or ids.dtype == object:
        found = _string_codes(ids)
        if found is not None:
            return found
    codes, uniques = pd.factorize(ids, sort=False)
    try:
        order = np.argsort(np.asarray(uniques), kind="stable")
    except TypeError:       # ids of mixed types cannot be sorted: keep first appearance
        return codes.astype(np.int64), pd.Index(uniques)
    rank = np.empty(order.size, dtype=np.int64)
    rank[order] = np.arange(order.size)
    return rank[codes], pd.Index(uniques).take(order)


def _string_codes(ids: pd.Series):
    """Sorted-rank codes of string ids through Arrow's dictionary encoding (None without pyarrow).

    Arrow encodes a column of strings three times faster than a hash table of
    Python objects, and sorts only the distinct ids (in code point order, as
    Python does).
    """
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:
        return None
    try:
        arr = pa.array(ids.array) if isinstance(ids.dtype, pd.StringDtype) else pa.array(
            ids.to_numpy(), type=pa.string())
    except (pa.ArrowException, TypeError, ValueError):
        return None                         # not all strings: the general path
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if not pa.types.is_string(arr.type) and not pa.types.is_large_string(arr.type):
        return None
    enc = pc.dictionary_encode(arr)
    order = pc.array_sort_indices(enc.dictionary).to_numpy()
    rank = np.empty(order.size, dtype=np.int64)
    rank[order] = np.arange(order.size)
    codes = rank[enc.indices.to_numpy(zero_copy_only=False)]
    ordered = enc.dictionary.take(pa.array(order))
    if isinstance(ids.dtype, pd.StringDtype):
        try:
            index = pd.Index(pd.array(ordered, dtype=ids.dtype))     # no copy to Python
        except (TypeError, ValueError):
            index = pd.Index(pd.array(ordered.to_pylist(), dtype=ids.dtype))
    else:
        index = pd.Index(ordered.to_numpy(zero_copy_only=False), dtype=object)
    return codes, index


def _to_day(value, name: str, date_format=None) -> int:
    ts = parse_date(value, name, date_format=date_format)
    return int(np.datetime64(ts.date(), "D").astype(np.int64))


def _day_str(day: int) -> str:
    return str(np.datetime64(int(day), "D"))


@dataclass(frozen=True)
class SummaryWindow:
    """The periods of a summary, as day numbers since 1970-01-01 (the one definition).

    A purchase day is the calendar date of a transaction (wall-clock time, see
    :data:`cvlib._validate.DATE_POLICY`); days up to ``end_day`` (inclusive)
    are the calibration period, days after it up to ``obs_day`` the holdout;
    times are day differences divided by ``unit`` days.  Every engine
    (pandas here, DuckDB and Spark in :mod:`cvlib.engines`) takes its window
    from :func:`summary_window`.
    """

    end_day: int            # last day of the calibration period (= obs_day without one)
    obs_day: int            # last day observed
    cal_day: int | None     # the calibration end, when a holdout period was asked for
    unit: float             # days per time unit


def summary_window(first_day: int, last_day: int, calibration_end=None, observation_end=None,
                   time_unit="W", date_format=None) -> SummaryWindow:
    """Resolve and check the calibration and observation ends against the log's first and last day."""
    unit = _unit_days(time_unit)
    obs_day = (last_day if observation_end is None
               else _to_day(observation_end, "observation_end", date_format))
    if obs_day < first_day:
        raise ValueError(
            f"observation_end {_day_str(obs_day)} is before the first transaction "
            f"({_day_str(first_day)})"
        )
    cal_day = None
    if calibration_end is not None:
        cal_day = _to_day(calibration_end, "calibration_end", date_format)
        if cal_day < first_day:
            raise ValueError(
                f"calibration_end {_day_str(cal_day)} is before the first purchase in the log "
                f"({_day_str(first_day)}): no customer would be in the calibration period"
            )
        if cal_day > obs_day:
            raise ValueError(
                f"calibration_end {_day_str(cal_day)} is after observation_end "
                f"{_day_str(obs_day)}; the holdout period would be empty"
            )
    return SummaryWindow(obs_day if cal_day is None else cal_day, obs_day, cal_day, unit)


def negative_spend_error(amount: str, count: int, examples) -> ValueError:
    """The error for negative spend (shared by every engine)."""
    return ValueError(say(
        f"column {amount!r} must not be negative (spend per transaction); got "
        f"{count} negative value(s) such as {sorted(examples)[:5]}. Remove returns and "
        f"refunds first, or pass amount=None to summarise purchases only.",
        f"列 {amount!r}（每笔交易的消费额）不能为负数；现有 {count} 个负值，例如 "
        f"{sorted(examples)[:5]}。请先去掉退货和退款，或者传入 amount=None 只汇总购买次数。"))


def missing_spend_error(amount: str, count: int) -> ValueError:
    """The error for missing spend (shared by every engine)."""
    return ValueError(f"column {amount!r} has {count} missing spend value(s); "
                      f"drop or fill them first")


def missing_ids_error(customer: str, count: int) -> ValueError:
    """The error for missing customer ids (shared by every engine)."""
    return ValueError(f"column {customer!r} has {count} missing customer id(s)")


def _checked_spend(log: pd.DataFrame, amount: str | None):
    """The spend column as float64, refusing non-numeric, missing and negative values."""
    if amount is None:
        return None
    spend = log[amount]
    if pd.api.types.is_bool_dtype(spend) or not pd.api.types.is_numeric_dtype(spend):
        bad = spend[pd.to_numeric(spend, errors="coerce").isna() & spend.notna()]
        raise TypeError(
            f"column {amount!r} must be numeric (spend per transaction), got dtype "
            f"{spend.dtype}" + (f" with values such as {bad.unique()[:5].tolist()}" if len(bad) else "")
        )
    spend = spend.to_numpy(dtype=np.float64)
    if np.isnan(spend).any():
        raise missing_spend_error(amount, int(np.isnan(spend).sum()))
    negative = spend < 0
    if negative.any():
        raise negative_spend_error(amount, int(negative.sum()),
                                   np.unique(spend[negative])[:5].tolist())
    return spend


@renamed_args(log="transactions")
def summarize(
    transactions: pd.DataFrame,
    customer: str = "customer_id",
    date: str = "date",
    amount: str | None = "amount",
    calibration_end=None,
    observation_end=None,
    time_unit: str | float = "W",
    *,
    date_format: str | None = None,
    engine: str | None = None,
    memory_limit: str | None = None,
    output: str | None = None,
) -> pd.DataFrame:
    r"""Summarise a transaction log to frequency, recency, T (and mean repeat spend) per customer.

    For customer *i* with purchase days :math:`d_0 < d_1 < \dots < d_x` up to
    the end of the calibration period :math:`d_\text{end}` (a customer's
    transactions on one day are pooled into one purchase):

    .. math::

        x_i = \text{number of repeat purchase days}, \quad
        t_{x,i} = (d_x - d_0) / u, \quad T_i = (d_\text{end} - d_0) / u, \quad
        \bar z_i = \frac{1}{x_i}\sum_{j=1}^{x_i} \text{spend on day } d_j,

    where *u* is the length of the time unit in days (7 for weeks).  The first
    purchase is excluded from :math:`\bar z` (it is what made the customer a
    customer, and the Gamma-Gamma model describes repeat spend).

    Parameters
    ----------
    transactions : DataFrame, path, DuckDB relation or PySpark DataFrame
        The transaction log, one row per transaction (``log=`` is a deprecated
        alias).  Besides a pandas DataFrame: a path or glob
        of Parquet or CSV files (or a list of them) or a DuckDB relation,
        summarised inside DuckDB without loading the log into memory, or a
        PySpark DataFrame, summarised in Spark (see :mod:`cvlib.engines`).
    customer, date, amount : str
        Column names: the customer id, the transaction date (dates or strings
        such as ``"1997-01-01"``; time of day is ignored) and the spend
        (currency units, not negative; a zero-value transaction, such as a
        free item, still counts as a purchase: CDNOW has eight).
        ``amount=None`` skips the spend columns.
    calibration_end : date, optional
        Last day of the calibration period (included).  When given, the
        summary describes the calibration period, customers whose first
        purchase comes later are left out, and three holdout columns are
        added: ``frequency_holdout`` (purchase days after the calibration
        end, up to ``observation_end``), ``monetary_value_holdout`` (mean
        spend per holdout purchase day, 0 if none) and ``duration_holdout``.
    observation_end : date, optional
        Last day of observation (included); default the last date in the log.
        Transactions after it are ignored.
    time_unit : {"W", "D", "M", "Y"} or float
        Unit of recency, T and duration_holdout: weeks (days / 7, as in the
        CDNOW papers), days, months (365.25 / 12 days), years, or a number of
        days.
    date_format : str, optional
        ``strftime`` format of date strings that are not ISO 8601, such as
        ``"%d/%m/%Y"`` (see :func:`cvlib._validate.parse_dates` for the date
        policy: ambiguous strings are refused without it).
    engine : {None, "pandas", "duckdb", "spark"}
        Where to compute; default from the type of ``transactions``.  ``"duckdb"`` on
        a pandas DataFrame computes it in DuckDB (for comparison).
    memory_limit : str, optional
        DuckDB's memory limit, e.g. ``"4GB"`` (default
        :data:`cvlib.engines.duckdb.DEFAULT_MEMORY_LIMIT`); beyond it DuckDB
        spills to a temporary folder on disk.
    output : {None, "pandas", "duckdb", "spark"}
        Type of the result: pandas by default, except for a Spark input,
        whose summary stays a Spark DataFrame unless ``output="pandas"``;
        ``"duckdb"`` returns a (lazy) DuckDB relation.

    Returns
    -------
    DataFrame
        Indexed by customer id (sorted) with
        ``frequency`` (int), ``recency`` (t_x: time from the first to the last
        purchase, the BTYD convention, not the RFM "days since the last
        purchase"; ``attrs["recency"]`` says so), ``T`` (float, in ``time_unit``),
        ``monetary_value`` (mean spend per repeat purchase day; 0 when
        frequency is 0) and, with a calibration end, the holdout columns.

    Raises
    ------
    ValueError
        Missing columns, unparseable, ambiguous, missing or future dates,
        negative or missing spend, a calibration end before the first
        purchase or after the observation end (the same errors from every
        engine).

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"customer_id": [1, 1, 1, 2],
    ...                     "date": [20240101, 20240115, 20240115, 20240108],
    ...                     "amount": [10.0, 5.0, 7.0, 30.0]})
    >>> s = summarize(log, observation_end="2024-01-29")
    >>> s.loc[1].tolist()      # two purchases on 15 January are one repeat purchase day
    [1.0, 2.0, 4.0, 12.0]
    >>> s.loc[2].tolist()
    [0.0, 0.0, 3.0, 0.0]
    >>> s.attrs["recency"]
    't_x: time from the first to the last purchase (BTYD), in weeks'

    References
    ----------
    Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). "Counting your
    customers" the easy way: an alternative to the Pareto/NBD model. Marketing
    Science 24(2), 275-284 (the CDNOW calibration summary, 39 weeks to
    1997-09-30).
    """
    log = transactions
    if engine not in (None, "pandas") or not isinstance(log, pd.DataFrame) or output not in (
            None, "pandas"):
        from ..engines import summarize_in_engine

        return summarize_in_engine(
            log, customer=customer, date=date, amount=amount, calibration_end=calibration_end,
            observation_end=observation_end, time_unit=time_unit, date_format=date_format,
            engine=engine, memory_limit=memory_limit, output=output)
    require_frame(log, "transactions")
    cols = [customer, date] + ([amount] if amount is not None else [])
    require_columns(log, cols, "the transaction log")
    unit = _unit_days(time_unit)
    if len(log) == 0:
        raise ValueError("the transaction log has no rows")

    ids = log[customer]
    if ids.isna().any():
        raise missing_ids_error(customer, int(ids.isna().sum()))
    # encoding string ids (Arrow releases the GIL) overlaps with reading the dates and spend
    worker = None
    if not pd.api.types.is_integer_dtype(ids) and len(ids) >= 1_000_000 and (os.cpu_count() or 1) > 1:
        from concurrent.futures import ThreadPoolExecutor

        worker = ThreadPoolExecutor(1)
        pending = worker.submit(_customer_codes, ids)
    try:
        days = _day_numbers(log[date], date, not_after=None, date_format=date_format)
        spend = _checked_spend(log, amount)
    finally:
        if worker is not None:
            worker.shutdown(wait=True)
    codes, uniques = pending.result() if worker is not None else _customer_codes(ids)
    n_cust = len(uniques)

    first_day, last_day = int(days.min()), int(days.max())
    window = summary_window(first_day, last_day, calibration_end, observation_end, unit,
                            date_format)
    end_day, obs_day, cal_day = window.end_day, window.obs_day, window.cal_day

    # keep the transactions up to the observation end
    if last_day > obs_day:
        keep = days <= obs_day
        codes, days = codes[keep], days[keep]
        if amount is not None:
            spend = spend[keep]

    # the distinct (customer, purchase day) pairs, sorted by customer then day: sorting the
    # int64 keys themselves (no argsort) is the only O(n log n) step
    day0 = int(days.min())
    shift = max(int(days.max()) - day0, 1).bit_length()    # day offsets fit in `shift` bits
    key = np.sort((codes << shift) | (days - day0))
    new = np.empty(key.size, dtype=bool)
    new[0] = True
    np.not_equal(key[1:], key[:-1], out=new[1:])
    ukey = key[new]
    del key, new
    d_cust = ukey >> shift
    d_day = (ukey & ((1 << shift) - 1)) + day0

    # per customer: the first purchase day opens its block of rows
    c_new = np.empty(d_cust.size, dtype=bool)
    c_new[0] = True
    np.not_equal(d_cust[1:], d_cust[:-1], out=c_new[1:])
    c_start = np.flatnonzero(c_new)
    cust_of_block = d_cust[c_start]
    birth = np.zeros(n_cust, dtype=np.int64)
    birth[cust_of_block] = d_day[c_start]
    start_of = np.zeros(n_cust, dtype=np.int64)
    start_of[cust_of_block] = c_start

    in_cal = d_day <= end_day
    n_cal = np.bincount(d_cust[in_cal], minlength=n_cust)
    present = n_cal > 0
    if not present.any():
        raise ValueError("no customer made a purchase by the calibration end")
    # the calibration days are the first n_cal rows of each customer's block
    last_cal = d_day[np.where(present, start_of + n_cal - 1, 0)]
    freq = n_cal - 1
    out = pd.DataFrame(index=pd.Index(uniques, name=customer))
    out["frequency"] = freq
    out["recency"] = np.where(present, (last_cal - birth) / unit, np.nan)
    out["T"] = np.where(present, (end_day - birth) / unit, np.nan)
    if amount is not None:
        row_cal = days <= end_day
        on_first = (days - day0).astype(np.int32) == (birth - day0).astype(np.int32)[codes]
        first_spend = np.bincount(codes, weights=np.where(on_first, spend, 0.0), minlength=n_cust)
        total = np.bincount(codes, weights=np.where(row_cal, spend, 0.0), minlength=n_cust)
        rep = np.maximum(total - first_spend, 0.0)
        out["monetary_value"] = np.where(freq > 0, rep / np.maximum(freq, 1), 0.0)
    if cal_day is not None:
        n_hold = np.bincount(d_cust[~in_cal], minlength=n_cust)
        out["frequency_holdout"] = n_hold
        if amount is not None:
            tot_h = np.bincount(codes, weights=np.where(row_cal, 0.0, spend), minlength=n_cust)
            out["monetary_value_holdout"] = np.where(n_hold > 0, tot_h / np.maximum(n_hold, 1), 0.0)
        out["duration_holdout"] = (obs_day - cal_day) / unit
    if not present.all():
        out = out[present]
    out["frequency"] = out["frequency"].astype(np.int64)
    out.attrs["recency"] = f"t_x: time from the first to the last purchase (BTYD), in {_unit_name(time_unit)}"
    return out


def collapse_patterns(
    summary: pd.DataFrame,
    columns=("frequency", "recency", "T"),
    weights: str | None = None,
    name: str = "count",
    sums=(),
) -> pd.DataFrame:
    """Collapse a customer summary to its distinct patterns with their counts.

    Customers with identical values of ``columns`` contribute identical terms
    to a likelihood, so a model fitted on the distinct patterns weighted by
    their counts gives exactly the same estimates as the full data, in the
    time its distinct patterns take (a million customers observed in whole
    days have far fewer distinct (frequency, recency, T) triples).

    Parameters
    ----------
    summary : DataFrame, DuckDB relation, Parquet path or PySpark DataFrame
        E.g. the output of :func:`summarize`.  A summary that stays in an
        engine (``summarize(..., output="duckdb")``, a Spark DataFrame) is
        collapsed there: only the patterns come to pandas.
    columns : sequence of str
        Columns defining a pattern.
    weights : str, optional
        A column of existing counts to add up (when ``summary`` is already
        partly collapsed); default each row counts once.
    name : str
        Name of the count column of the result.
    sums : sequence of str
        Columns to add up within each pattern, returned as ``<column>_sum``
        (e.g. ``sums=["monetary_value"]`` for the spend of each pattern).

    Returns
    -------
    DataFrame
        One row per distinct pattern (sorted), ``columns`` plus ``name``
        (and the sums).

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"frequency": [0, 0, 2], "recency": [0.0, 0.0, 3.0], "T": [5.0, 5.0, 5.0]})
    >>> collapse_patterns(s)["count"].tolist()
    [2, 1]
    """
    if not isinstance(summary, pd.DataFrame):
        if weights is not None:
            raise ValueError("weights= is for a pandas summary; a summary in DuckDB or Spark "
                             "has one row per customer")
        from ..engines import patterns_in_engine

        return patterns_in_engine(summary, columns, name=name, sums=sums)
    require_frame(summary, "summary")
    columns, sums = list(columns), list(sums)
    require_columns(summary, columns + sums + ([weights] if weights else []), "the summary")
    if name in columns or any(f"{s}_sum" in columns for s in sums):
        raise ValueError(f"name={name!r} is one of the pattern columns {columns} (or a sum "
                         f"column would overwrite one): the counts would overwrite it; choose "
                         f"another name for the count column, such as 'count'")
    if len(summary) == 0:
        raise ValueError("the summary has no rows")
    code = np.zeros(len(summary), dtype=np.int64)
    uniques = []
    for c in columns:
        k, u = pd.factorize(summary[c], sort=True, use_na_sentinel=False)
        code = code * len(u) + k
        uniques.append(u)
    ucode, first, inv = np.unique(code, return_index=True, return_inverse=True)
    if weights is None:
        counts = np.bincount(inv.ravel(), minlength=len(ucode))
    else:
        counts = np.bincount(inv.ravel(), weights=summary[weights].to_numpy(dtype=float),
                             minlength=len(ucode))
    out = summary.iloc[first][columns].reset_index(drop=True)
    out[name] = counts
    for s in sums:
        out[f"{s}_sum"] = np.bincount(inv.ravel(), weights=summary[s].to_numpy(dtype=float),
                                      minlength=len(ucode))
    return out

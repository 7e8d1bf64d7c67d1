"""Engines: the same per-customer tables from pandas, DuckDB (files beyond memory) and Spark.

:func:`cvlib.lifetime.summarize`, :func:`cvlib.lifetime.collapse_patterns`,
:func:`cvlib.segments.rfm_table`, :func:`cvlib.segments.customer_values` and
:func:`cvlib.segments.purchase_cycle` take,
besides a pandas DataFrame:

- a path or glob of Parquet or CSV files (or a list of them), or a DuckDB
  relation: computed inside DuckDB (:mod:`cvlib.engines.duckdb`), streaming
  through the files within a memory limit and spilling to disk beyond it;
- a PySpark DataFrame: computed in Spark (:mod:`cvlib.engines.spark`), the
  result a Spark DataFrame (or pandas with ``output="pandas"``).

One definition of each quantity: the periods (calibration end, observation
end, time units) come from :func:`cvlib.lifetime.summary.summary_window`, the
date policy from :func:`cvlib._validate.parse_dates` (:data:`DATE_POLICY`),
and the arithmetic of both SQL engines is the same SQL text
(:mod:`cvlib.engines._sql`).  Models are fitted on the distinct patterns
collapsed in the engine, and customers are scored back in the engine by
:func:`score`, which calls the models' own numpy predictions batch by batch.

Examples
--------
>>> import pandas as pd
>>> log = pd.DataFrame({"customer_id": [1, 1, 2], "date": ["2024-01-01", "2024-01-15", "2024-01-08"],
...                     "amount": [10.0, 5.0, 30.0]})
>>> engine_of(log), engine_of("logs/*.parquet")
('pandas', 'duckdb')
"""

from __future__ import annotations

import functools
import inspect
import os

import numpy as np
import pandas as pd

from .._validate import (
    _ambiguous_error,
    _not_dates_error,
    future_dates_error,
    missing_dates_error,
    require_columns,
)
from ..lifetime.summary import (
    missing_ids_error,
    missing_spend_error,
    negative_spend_error,
)

__all__ = ["engine_of", "in_engines", "score", "summarize_in_engine", "rfm_in_engine", "patterns_in_engine"]

ENGINES = ("pandas", "duckdb", "spark")
_AMBIGUOUS = r"^\s*\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}\s*$"


def _is_path(data) -> bool:
    if isinstance(data, str | os.PathLike):
        return True
    return isinstance(data, list | tuple) and len(data) > 0 and all(
        isinstance(p, str | os.PathLike) for p in data)


def engine_of(data) -> str:
    """The engine that computes on ``data``: ``"pandas"``, ``"duckdb"`` or ``"spark"``."""
    if isinstance(data, pd.DataFrame):
        return "pandas"
    if _is_path(data):
        return "duckdb"
    module = type(data).__module__
    if module.startswith("duckdb"):
        return "duckdb"
    if module.startswith("pyspark"):
        return "spark"
    raise TypeError(
        f"the transaction log must be a pandas DataFrame, a path or glob of Parquet/CSV files, "
        f"a DuckDB relation or a PySpark DataFrame, got {type(data).__name__}"
    )


def _engine(data, engine, output=None) -> str:
    found = engine_of(data)
    if engine is None and found == "pandas" and output == "duckdb":
        return "duckdb"                     # a DataFrame summarised into a DuckDB relation
    if engine is None:
        return found
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES} or None (from the data), got {engine!r}")
    if engine == found or (engine == "duckdb" and found == "pandas"):
        return engine
    raise ValueError(f"engine={engine!r} cannot compute on a {found} input; "
                     f"leave engine=None to use {found!r}")


def check_columns(available, needed, what: str = "the transaction log") -> None:
    """The same missing-column error as the pandas path, from an engine's column list."""
    require_columns(pd.DataFrame(columns=list(available)), [c for c in needed if c is not None],
                    what)


def raise_for_counts(counts: dict, *, customer: str, date: str, amount: str | None,
                     examples, allow_negative: bool = False) -> None:
    """Raise the pandas path's error for the first problem the check counts show.

    ``examples(kind)`` fetches up to five offending values from the engine
    (``kind`` in ``"bad_dates"``, ``"future_dates"``, ``"negative_amounts"``).
    """
    if not counts["n"]:
        raise ValueError("the transaction log has no rows")
    if counts["null_ids"]:
        raise missing_ids_error(customer, int(counts["null_ids"]))
    if counts["bad_dates"]:
        bad = examples("bad_dates")
        text = pd.Series([str(v) for v in bad], dtype=object)
        if len(text) and text.str.match(_AMBIGUOUS).all():
            raise _ambiguous_error(date, int(counts["bad_dates"]), bad)
        raise _not_dates_error(date, int(counts["bad_dates"]), bad,
                               "dates must be datetimes, ISO 8601 strings or YYYYMMDD numbers; "
                               "for another format pass date_format=")
    if counts["null_dates"]:
        raise missing_dates_error(date, int(counts["null_dates"]))
    if counts["future_dates"]:
        today = pd.Timestamp.today().normalize() + pd.Timedelta(days=1)
        raise future_dates_error(date, int(counts["future_dates"]), today,
                                 examples("future_dates"))
    if amount is not None and counts["null_amounts"]:
        raise missing_spend_error(amount, int(counts["null_amounts"]))
    if amount is not None and counts["negative_amounts"] and not allow_negative:
        raise negative_spend_error(amount, int(counts["negative_amounts"]),
                                   examples("negative_amounts"))


def raise_for_missing(counts: dict) -> None:
    """The pandas path's error for missing values in numeric columns (column: missing rows)."""
    counts = {c: int(n or 0) for c, n in counts.items() if n}
    if counts:
        detail = ", ".join(f"{c!r}: {n} row(s)" for c, n in counts.items())
        raise ValueError(f"transactions has missing values ({detail}); drop or impute them first, "
                         f"or pass missing='drop' where the function offers it")


def today_day() -> int:
    return int(np.datetime64(pd.Timestamp.today().date(), "D").astype(np.int64))


def strftime_to_spark(fmt: str) -> str:
    """A Python ``strftime`` date format as a Spark datetime pattern ('%d/%m/%Y' -> 'dd/MM/yyyy')."""
    codes = {"%Y": "yyyy", "%y": "yy", "%m": "MM", "%d": "dd", "%H": "HH", "%M": "mm",
             "%S": "ss", "%b": "MMM", "%B": "MMMM", "%f": "SSSSSS", "%%": "%"}
    out, i = [], 0
    while i < len(fmt):
        if fmt[i] == "%":
            code = fmt[i:i + 2]
            if code not in codes:
                raise ValueError(f"date_format {fmt!r}: {code} has no Spark equivalent; use "
                                 f"{sorted(codes)}")
            out.append(codes[code])
            i += 2
        else:
            ch = fmt[i]
            out.append(f"'{ch}'" if ch.isalpha() else ch)
            i += 1
    return "".join(out)


def in_engines(func):
    """Decorator: let a pandas function take a path, a DuckDB relation or a Spark DataFrame.

    Adds the keyword arguments ``engine=None``, ``memory_limit=None`` and
    ``output=None``; a pandas DataFrame (with no engine asked for) goes to
    ``func`` itself, anything else to the function of the same name in the
    engine's module, with the same arguments.
    """
    sig = inspect.signature(func)
    first = next(iter(sig.parameters))

    @functools.wraps(func)
    def inner(*args, engine=None, memory_limit=None, output=None, **kwargs):
        data = args[0] if args else kwargs.get(first)
        if (engine in (None, "pandas") and output in (None, "pandas")
                and isinstance(data, pd.DataFrame)):
            return func(*args, **kwargs)
        kind = _engine(data, engine, output)
        if kind == "pandas":
            return func(*args, **kwargs)
        bound = sig.bind(*args, **kwargs)
        params = dict(bound.arguments)
        params.pop(first)
        from .._validate import _DATE_FORMAT
        params.setdefault("date_format", _DATE_FORMAT.get())
        return getattr(_module(kind), func.__name__)(data, memory_limit=memory_limit,
                                                      output=output, **params)

    params = list(sig.parameters.values())
    extra = [inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY, default=None)
             for n in ("engine", "memory_limit", "output")]
    inner.__signature__ = sig.replace(parameters=params + extra)
    return inner


def _module(kind: str):
    if kind == "duckdb":
        from . import duckdb as mod
    else:
        from . import spark as mod
    return mod


def summarize_in_engine(log, *, engine=None, output=None, **kwargs):
    """:func:`cvlib.lifetime.summarize` computed by the engine of ``log`` (or ``engine``)."""
    kind = _engine(log, engine, output)
    if kind == "pandas":
        from ..lifetime.summary import summarize
        return summarize(log, **kwargs)
    return _module(kind).summarize(log, output=output, **kwargs)


def rfm_in_engine(transactions, *, engine=None, output=None, **kwargs):
    """:func:`cvlib.segments.rfm_table` computed by the engine of ``transactions``."""
    kind = _engine(transactions, engine, output)
    if kind == "pandas":
        from ..segments import rfm_table
        return rfm_table(transactions, **kwargs)
    return _module(kind).rfm_table(transactions, output=output, **kwargs)


def patterns_in_engine(summary, columns=("frequency", "recency", "T"), name: str = "count",
                       sums=(), engine=None):
    """The distinct patterns of ``columns`` with counts, collapsed in the engine, as pandas.

    ``summary`` is a per-customer table in the engine (a DuckDB relation, a
    Parquet path, a Spark DataFrame), e.g. from ``summarize(...,
    output="duckdb")``; the customers never come to pandas, only their
    patterns (and the sums of the ``sums`` columns per pattern, e.g. spend).
    """
    kind = _engine(summary, engine)
    if kind == "pandas":
        from ..lifetime.summary import collapse_patterns
        return collapse_patterns(summary, columns, name=name, sums=sums)
    return _module(kind).patterns(summary, list(columns), name, list(sums))


def score_frame(frame: pd.DataFrame, model, *, t: float, spend_model=None, time: int = 12,
                discount_rate: float = 0.01, margin: float = 1.0, time_unit="W") -> pd.DataFrame:
    """P(alive), expected purchases in the next ``t`` and CLV for a batch of customers.

    The one definition of the scores, used by every engine: the fitted
    models' own predictions (``p_alive``, ``expected_purchases``,
    ``GammaGamma.customer_lifetime_value``) on the batch's columns.
    """
    x = frame["frequency"].to_numpy(dtype=float)
    tx = frame["recency"].to_numpy(dtype=float)
    big_t = frame["T"].to_numpy(dtype=float)
    out = frame.copy()
    out["p_alive"] = np.asarray(model.p_alive(x, tx, big_t), dtype=float)
    out["expected_purchases"] = np.asarray(model.expected_purchases(t, x, tx, big_t), dtype=float)
    if spend_model is not None:
        z = frame["monetary_value"].to_numpy(dtype=float)
        out["clv"] = np.asarray(spend_model.customer_lifetime_value(
            model, x, tx, big_t, z, time=time, discount_rate=discount_rate, margin=margin,
            time_unit=time_unit), dtype=float)
    return out


def score(model, summary, path=None, *, t: float = 52.0, spend_model=None, time: int = 12,
          discount_rate: float = 0.01, margin: float = 1.0, time_unit="W", batch_size=1_000_000):
    """Score every customer of a per-customer summary in its engine, batch by batch.

    Adds ``p_alive``, ``expected_purchases`` (in the next ``t`` time units)
    and, with a fitted ``spend_model`` (Gamma-Gamma), ``clv`` (over ``time``
    months, monthly ``discount_rate``, ``margin``), computed by
    :func:`score_frame` from the models' own formulas.

    Parameters
    ----------
    model : BetaGeo or ParetoNBD
        A fitted purchase model (same time unit as the summary).
    summary : DuckDB relation, Parquet path, PySpark DataFrame or DataFrame
        Columns ``frequency``, ``recency``, ``T`` (and ``monetary_value``).
    path : str, optional
        DuckDB: the Parquet file to write (the scores never come to memory
        as a whole; Arrow batches of ``batch_size`` rows).  Spark: ignored,
        the result is a Spark DataFrame to write with
        ``.write.parquet(...)`` or ``.write.saveAsTable(...)``.

    Returns
    -------
    The path written (DuckDB), a Spark DataFrame (Spark) or a DataFrame (pandas).
    """
    opts = dict(t=t, spend_model=spend_model, time=time, discount_rate=discount_rate,
                margin=margin, time_unit=time_unit)
    kind = engine_of(summary)
    if kind == "pandas":
        return score_frame(summary, model, **opts)
    return _module(kind).score(model, summary, path, batch_size=batch_size, **opts)


def rfm_output(out, at_ts):
    """An RFM table from an engine as the pandas path returns it: whole-number days and counts."""
    if isinstance(out, pd.DataFrame):
        for c in ("recency", "frequency", "tenure"):
            out[c] = out[c].astype(np.int64)
        out.attrs["at"] = str(at_ts.date())
    return out


def rfm_at_day(counts: dict, at, frequency: str, monetary: str, returns: str, date_format=None):
    """The analysis date of an RFM table and its day number, checked as the pandas path does."""
    if frequency not in ("transactions", "days"):
        raise ValueError(f"frequency must be 'transactions' or 'days', got {frequency!r}")
    if monetary not in ("total", "mean"):
        raise ValueError(f"monetary must be 'total' or 'mean', got {monetary!r}")
    if returns not in ("error", "net"):
        raise ValueError(f"returns must be 'error' (negative amounts are refused) or 'net' "
                         f"(negative amounts are returns, netted against spend), got {returns!r}")
    first_day, last_day = int(counts["first_day"]), int(counts["last_day"])
    from ..segments._base import analysis_day

    at_ts, at_day = analysis_day(at, first_day, last_day, date_format)
    return at_ts, at_day


def only_returns_error(count: int, at_ts, ids) -> ValueError:
    return ValueError(f"{int(count)} customer(s) have only returns and no purchase on or before "
                      f"{at_ts.date()}, e.g. {list(ids)}; a return needs the purchase it refunds")

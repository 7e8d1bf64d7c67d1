"""Spark engine: per-customer tables computed in a Spark cluster (or in local mode).

The log is a PySpark DataFrame; the result is a Spark DataFrame (it can stay
distributed: write it with ``.write.parquet(...)`` or ``.write.saveAsTable(...)``)
or pandas with ``output="pandas"``.  The arithmetic is the SQL of
:mod:`cvlib.engines._sql`, the same text the DuckDB engine runs.

Dates, by the library's one date policy (:data:`cvlib._validate.DATE_POLICY`):
DateType and TIMESTAMP_NTZ as they are; TimestampType (an instant) as the
wall-clock time in the session time zone (``spark.sql.session.timeZone``),
which is how Spark itself shows it; integers as YYYYMMDD; strings as ISO 8601
(or ``date_format``, a Python ``strftime`` format translated to Spark's
pattern), ambiguous ones refused.

On an existing cluster, use the session you already have::

    from pyspark.sql import SparkSession
    from cvlib.lifetime import summarize
    spark = SparkSession.builder.getOrCreate()        # spark-submit / notebook session
    log = spark.read.parquet("s3://bucket/transactions/")
    summary = summarize(log, calibration_end="2024-06-30")        # a Spark DataFrame
    summary.write.mode("overwrite").saveAsTable("crm.customer_summary")

and submit a script with ``spark-submit --py-files cvlib.zip script.py`` (or
install cvlib on the executors), since scoring (:func:`cvlib.engines.score`)
runs cvlib's numpy predictions on the executors.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..lifetime.summary import summary_window
from . import (
    _sql,
    check_columns,
    raise_for_counts,
    raise_for_missing,
    strftime_to_spark,
    today_day,
)

__all__ = ["summarize", "rfm_table", "customer_values", "purchase_cycle", "patterns", "score"]

_INTS = ("tinyint", "smallint", "int", "bigint", "float", "double")


def _q(name: str) -> str:
    return "`" + str(name).replace("`", "``") + "`"


def _day_expr(col: str, kind: str, date_format) -> str:
    c = _q(col)
    epoch = "DATE'1970-01-01'"
    kind = kind.lower()
    if kind == "date":
        return f"datediff({c}, {epoch})"
    if kind.startswith("timestamp"):
        return f"datediff(to_date({c}), {epoch})"
    if date_format is not None:
        pattern = strftime_to_spark(date_format)
        return f"datediff(to_date(try_to_timestamp(CAST({c} AS STRING), '{pattern}')), {epoch})"
    if kind in _INTS or kind.startswith("decimal"):
        ok = f"({c} = floor({c}) AND {c} BETWEEN 10000101 AND 99991231)"
        parsed = f"try_to_timestamp(CAST(CAST({c} AS BIGINT) AS STRING), 'yyyyMMdd')"
        return f"CASE WHEN {ok} THEN datediff(to_date({parsed}), {epoch}) END"
    if kind == "string":
        text = f"regexp_replace(trim({c}), '([0-9][0-9]:[0-9][0-9](:[0-9][0-9]([.][0-9]+)?)?) *(Z|[+-][0-9][0-9](:?[0-9][0-9])?)$', '$1')"
        iso = (f"CASE WHEN {text} RLIKE '^[0-9]{{8}}$' THEN try_to_timestamp({text}, 'yyyyMMdd') "
               f"WHEN {text} RLIKE '^[0-9]{{4}}-[0-9]{{1,2}}-[0-9]{{1,2}}([ T].*)?$' "
               f"THEN try_cast({text} AS TIMESTAMP_NTZ) END")
        return f"datediff(to_date({iso}), {epoch})"
    return "CAST(NULL AS BIGINT)"


def _prepare(data, customer, date, amount, date_format, *, allow_negative=False,
             extra=(None, None)):
    check_columns(data.columns, [customer, date, amount, *extra])
    types = dict(data.dtypes)
    for col in (amount, *extra):
        if col is None:
            continue
        t = types[col].lower()
        if not (t in _INTS or t.startswith("decimal")):
            raise TypeError(f"column {col!r} must be numeric (currency per transaction), got "
                            f"Spark type {types[col]}")
    day = _day_expr(date, types[date], date_format)
    amt = f"CAST({_q(amount)} AS DOUBLE)" if amount is not None else "CAST(0.0 AS DOUBLE)"
    extras = [f"CAST({_q(c)} AS DOUBLE) AS extra_{i}" for i, c in enumerate(extra)
              if c is not None]
    norm = data.selectExpr(f"{_q(customer)} AS cust", f"CAST({day} AS BIGINT) AS day",
                           f"{amt} AS amount", f"{_q(date)} AS raw_date", *extras)
    spark = data.sparkSession
    row = spark.sql(_sql.check_sql(today_day(), "{tx}"), tx=norm).collect()[0].asDict()
    counts = {k: (0 if v is None and k not in ("first_day", "last_day") else v)
              for k, v in row.items()}

    def examples(kind):
        where = {"bad_dates": "raw_date IS NOT NULL AND day IS NULL",
                 "future_dates": f"day > {today_day() + 1}",
                 "negative_amounts": "amount < 0"}[kind]
        col = {"bad_dates": "raw_date", "future_dates": "day", "negative_amounts": "amount"}[kind]
        rows = spark.sql(f"SELECT DISTINCT {col} AS v FROM {{tx}} WHERE {where} ORDER BY v LIMIT 5",
                         tx=norm).collect()
        vals = [r["v"] for r in rows]
        if kind == "future_dates":
            vals = [np.datetime64(int(v), "D").astype(object) for v in vals]
        return vals

    raise_for_counts(counts, customer=customer, date=date, amount=amount, examples=examples,
                     allow_negative=allow_negative)
    named = [(i, c) for i, c in enumerate(extra) if c is not None]
    if named:
        row = spark.sql("SELECT " + ", ".join(
            f"SUM(CASE WHEN extra_{i} IS NULL THEN 1 ELSE 0 END) AS n{i}" for i, _ in named)
            + " FROM {tx}", tx=norm).collect()[0]
        raise_for_missing({c: row[f"n{i}"] for i, c in named})
    return norm, counts


def _finish(sdf, customer, output, integers=()):
    """The Spark DataFrame, or the pandas table indexed by customer with ``integers`` as int64 counts."""
    if output in (None, "spark"):
        return sdf
    if output != "pandas":
        raise ValueError(f"output must be 'spark' or 'pandas' for the Spark engine, got {output!r}")
    out = sdf.orderBy(customer).toPandas().set_index(customer)
    return out.astype({c: np.int64 for c in integers})


def summarize(log, customer="customer_id", date="date", amount="amount", calibration_end=None,
              observation_end=None, time_unit="W", *, date_format=None, memory_limit=None,
              output=None):
    """:func:`cvlib.lifetime.summarize` computed in Spark (same arguments, same table).

    ``memory_limit`` is DuckDB's and is ignored here (Spark's memory is set on
    the session).
    """
    norm, counts = _prepare(log, customer, date, amount, date_format)
    w = summary_window(int(counts["first_day"]), int(counts["last_day"]), calibration_end,
                       observation_end, time_unit, date_format)
    sdf = log.sparkSession.sql(_sql.summary_sql(w, customer, "`", amount is not None, "{tx}"),
                               tx=norm)
    out = _finish(sdf, customer, output)
    if isinstance(out, pd.DataFrame):
        if len(out) == 0:
            raise ValueError("no customer made a purchase by the calibration end")
        for c in ("frequency", "frequency_holdout"):
            if c in out:
                out[c] = out[c].astype(np.int64)
    return out


def rfm_table(transactions, customer="customer_id", date="date", amount="amount", at=None, *,
              frequency="transactions", monetary="total", returns="error", date_format=None,
              memory_limit=None, output=None):
    """:func:`cvlib.segments.rfm_table` computed in Spark (same arguments, same table)."""
    from . import only_returns_error, rfm_at_day

    norm, counts = _prepare(transactions, customer, date, amount, date_format,
                            allow_negative=returns == "net")
    at_ts, at_day = rfm_at_day(counts, at, frequency, monetary, returns, date_format)
    spark = transactions.sparkSession
    sdf = spark.sql(_sql.rfm_sql(at_day, customer, "`", frequency, monetary, returns, "{tx}"),
                    tx=norm)
    if returns == "net":
        only = sdf.filter("frequency = 0")
        n = only.count()
        if n:
            ids = [r[0] for r in only.select(customer).orderBy(customer).limit(5).collect()]
            raise only_returns_error(n, at_ts, ids)
    out = _finish(sdf, customer, output)
    from . import rfm_output

    return rfm_output(out, at_ts)


def customer_values(transactions, customer="customer_id", date="date", amount="amount",
                    margin=None, cost=None, at=None, returns="error", *, date_format=None,
                    memory_limit=None, output=None):
    """:func:`cvlib.segments.customer_values` computed in Spark (same arguments, same table)."""
    from . import rfm_at_day

    norm, counts = _prepare(transactions, customer, date, amount, date_format,
                            allow_negative=returns == "net", extra=(margin, cost))
    at_ts, at_day = rfm_at_day(counts, at, "transactions", "total", returns, date_format)
    sdf = transactions.sparkSession.sql(
        _sql.values_sql(at_day, customer, "`", margin is not None, cost is not None, "{tx}"),
        tx=norm)
    return _finish(sdf, customer, output, integers=["transactions"])


def purchase_cycle(transactions, customer="customer_id", date="date", amount="amount", at=None, *,
                   date_format=None, memory_limit=None, output=None):
    """:func:`cvlib.segments.purchase_cycle` computed in Spark (same arguments, same table)."""
    from . import rfm_at_day

    norm, counts = _prepare(transactions, customer, date, amount, date_format)
    _, at_day = rfm_at_day(counts, at, "transactions", "total", "error", date_format)
    sdf = transactions.sparkSession.sql(_sql.cycle_sql(at_day, customer, "`", "{tx}"), tx=norm)
    return _finish(sdf, customer, output, integers=["purchases"])


def patterns(summary, columns, name="count", sums=()):
    """Distinct patterns of ``columns`` with counts (and sums), collapsed in Spark."""
    check_columns(summary.columns, list(columns) + list(sums), "the summary")
    out = summary.sparkSession.sql(_sql.patterns_sql("{s}", columns, name, "`", sums),
                                   s=summary).toPandas()
    if len(out) == 0:
        raise ValueError("the summary has no rows")
    return out


def score(model, summary, path=None, *, batch_size=1_000_000, **opts):
    """Score the customers of a Spark summary with the models' numpy predictions (mapInPandas)."""
    from pyspark.sql.types import DoubleType, StructField, StructType

    from . import score_frame

    check_columns(summary.columns, ["frequency", "recency", "T"], "the summary")
    new = ["p_alive", "expected_purchases"] + (["clv"] if opts.get("spend_model") else [])
    schema = StructType(list(summary.schema.fields)
                        + [StructField(c, DoubleType(), True) for c in new])

    def run(batches):
        for frame in batches:
            yield score_frame(frame, model, **opts)

    return summary.mapInPandas(run, schema)

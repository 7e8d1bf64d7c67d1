"""DuckDB engine: per-customer tables from Parquet/CSV files larger than memory.

DuckDB (embedded, no server) streams through the files and aggregates within
``memory_limit``, spilling to a temporary folder when the hash tables do not
fit.  The arithmetic is the SQL of :mod:`cvlib.engines._sql`; this module
only reads the input, applies the date policy in SQL and fetches the result.

Date columns, by the library's one date policy
(:data:`cvlib._validate.DATE_POLICY`): DATE and TIMESTAMP as they are;
TIMESTAMP WITH TIME ZONE as wall-clock time in the column's own zone (read
from the Parquet file's Arrow schema or the pandas dtype; the connection's
``TimeZone`` setting otherwise); integers as YYYYMMDD; strings as ISO 8601
(or ``date_format``), ambiguous ones refused.  CSV date columns are read as
text so that DuckDB's own format sniffing does not guess day or month first.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from .._validate import DATE_POLICY  # noqa: F401  (the policy this module applies)
from ..lifetime.summary import summary_window
from . import _sql, check_columns, raise_for_counts, raise_for_missing, today_day

__all__ = ["connect", "DEFAULT_MEMORY_LIMIT", "DUCKDB_SHARE", "memory_bytes", "summarize", "rfm_table", "customer_values", "purchase_cycle",
           "patterns", "score"]


def _default_memory_limit() -> str:
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return "4GB"
    return f"{max(1, int(total / 2**30 / 2))}GB"


#: Default memory limit: half of the machine's memory (DuckDB spills beyond it).
DEFAULT_MEMORY_LIMIT = _default_memory_limit()


def _duckdb():
    try:
        import duckdb
    except ImportError:
        raise ImportError("the DuckDB engine needs the duckdb package: pip install 'cvlib[duckdb]'"
                          ) from None
    return duckdb


#: Share of ``memory_limit`` given to DuckDB's buffer manager; the rest is headroom for what it
#: does not count (Parquet readers' buffers, Python, Arrow, the fetched result).
DUCKDB_SHARE = 0.75

_UNITS = {"b": 1, "kb": 2**10, "kib": 2**10, "mb": 2**20, "mib": 2**20, "gb": 2**30, "gib": 2**30,
          "tb": 2**40, "tib": 2**40}


def memory_bytes(limit: str) -> int:
    """Bytes in a memory size such as ``"4GB"``, ``"4 GiB"`` or ``"500MB"`` (powers of 1024).

    >>> memory_bytes("4GB"), memory_bytes("512 MB")
    (4294967296, 536870912)
    """
    import re

    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]i?b|b)\s*", str(limit).lower())
    if not m:
        raise ValueError(f"memory_limit must be a size such as '4GB' or '500MB', got {limit!r}")
    size = int(float(m.group(1)) * _UNITS[m.group(2)])
    if size < 64 * 2**20:
        raise ValueError(f"memory_limit {limit!r} is below 64MB, too little for DuckDB to work in")
    return size


def connect(memory_limit: str | None = None, temp_directory: str | None = None,
            threads: int | None = None):
    """A DuckDB connection set up for big logs: memory limit, spill folder, no insertion order.

    Parameters
    ----------
    memory_limit : str, optional
        E.g. ``"4GB"``; default :data:`DEFAULT_MEMORY_LIMIT`.  A budget for the
        whole job: DuckDB's buffer manager gets :data:`DUCKDB_SHARE` of it (its
        own limit does not count every allocation) and spills to disk beyond.
    temp_directory : str, optional
        Where DuckDB spills; default a ``cvlib-duckdb`` folder in the system's
        temporary directory.
    threads : int, optional
        Worker threads (default: DuckDB's, one per core).
    """
    duckdb = _duckdb()
    config = {
        "memory_limit": f"{int(memory_bytes(memory_limit or DEFAULT_MEMORY_LIMIT) * DUCKDB_SHARE / 2**20)}MiB",
        "temp_directory": temp_directory or os.path.join(tempfile.gettempdir(), "cvlib-duckdb"),
        "preserve_insertion_order": False,
    }
    if threads:
        config["threads"] = int(threads)
    return duckdb.connect(config=config)


def _sql_list(paths) -> str:
    return "[" + ", ".join("'" + str(p).replace("'", "''") + "'" for p in paths) + "]"


def _source(data, date: str, memory_limit):
    """(relation, time zone of the date column or None) for a path, relation or DataFrame."""
    if isinstance(data, pd.DataFrame):
        con = connect(memory_limit)
        tz = getattr(data[date].dtype, "tz", None) if date in data.columns else None
        return con.from_df(data), (str(tz) if tz is not None else None)
    if not isinstance(data, str | os.PathLike | list | tuple):
        return data, None                       # a DuckDB relation: the user's connection
    paths = [data] if isinstance(data, str | os.PathLike) else list(data)
    names = [str(p).lower() for p in paths]
    con = connect(memory_limit)
    if all(n.endswith((".parquet", ".pq", ".parquet/", "/")) or "*" in n and ".parquet" in n
           for n in names):
        rel = con.sql(f"SELECT * FROM read_parquet({_sql_list(paths)})")
        return rel, _parquet_zone(paths, date)
    if all(n.endswith((".csv", ".csv.gz", ".tsv", ".txt")) for n in names):
        rel = con.sql(f"SELECT * FROM read_csv({_sql_list(paths)})")
        if date not in rel.columns:
            return rel, None                # the missing column is reported by the caller
        # dates as text: DuckDB's sniffer would guess day-first or month-first by itself
        return con.sql(f"SELECT * FROM read_csv({_sql_list(paths)}, "
                       f"types={{'{date}': 'VARCHAR'}})"), None
    raise ValueError(f"cannot tell the format of {paths[:3]}: give Parquet files (.parquet) or "
                     f"CSV files (.csv), or a DuckDB relation (e.g. duckdb.read_csv(...))")


def _parquet_zone(paths, date: str):
    try:
        import glob

        import pyarrow.parquet as pq
    except ImportError:
        return None
    for p in paths:
        files = sorted(glob.glob(str(p))) if any(c in str(p) for c in "*?[") else [str(p)]
        if files and Path(files[0]).is_file():
            schema = pq.read_schema(files[0])
            if date in schema.names:
                return getattr(schema.field(date).type, "tz", None)
    return None


def _q(name: str) -> str:
    return '"' + str(name).replace('"', '""') + '"'


def _day_expr(col: str, kind: str, zone, con_zone_sql: str, date_format) -> str:
    """SQL for the purchase day (days since 1970-01-01) of a date column of DuckDB type ``kind``."""
    c = _q(col)
    epoch = "DATE '1970-01-01'"
    kind = kind.upper()
    if kind == "DATE":
        return f"({c} - {epoch})"
    if kind.startswith("TIMESTAMP WITH TIME ZONE") or kind == "TIMESTAMPTZ":
        z = f"'{zone}'" if zone else con_zone_sql
        return f"(CAST(timezone({z}, {c}) AS DATE) - {epoch})"
    if kind.startswith("TIMESTAMP"):
        return f"(CAST({c} AS DATE) - {epoch})"
    if date_format is not None:
        text = f"CAST({c} AS VARCHAR)"
        return f"(CAST(try_strptime({text}, '{date_format}') AS DATE) - {epoch})"
    if kind in ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT",
                "UINTEGER", "UBIGINT", "DOUBLE", "FLOAT") or kind.startswith("DECIMAL"):
        ok = f"({c} = floor({c}) AND {c} BETWEEN 10000101 AND 99991231)"
        parsed = f"try_strptime(CAST(CAST({c} AS BIGINT) AS VARCHAR), '%Y%m%d')"
        return f"(CASE WHEN {ok} THEN CAST({parsed} AS DATE) END - {epoch})"
    if kind == "VARCHAR":
        text = f"regexp_replace(trim({c}), '([0-9][0-9]:[0-9][0-9](:[0-9][0-9]([.][0-9]+)?)?) *(Z|[+-][0-9][0-9](:?[0-9][0-9])?)$', '\\1')"
        iso = (f"CASE WHEN regexp_full_match({text}, '[0-9]{{8}}') "
               f"THEN try_strptime({text}, '%Y%m%d') "
               f"WHEN regexp_full_match({text}, '[0-9]{{4}}-[0-9]{{1,2}}-[0-9]{{1,2}}([ T].*)?') "
               f"THEN TRY_CAST({text} AS TIMESTAMP) END")
        return f"(CAST({iso} AS DATE) - {epoch})"
    return "CAST(NULL AS BIGINT)"


def _prepare(data, customer, date, amount, date_format, memory_limit, *, allow_negative=False,
             extra=(None, None)):
    """The normalised relation ``tx`` (cust, day, amount, raw_date, extra_i) and its check counts."""
    rel, zone = _source(data, date, memory_limit)
    check_columns(rel.columns, [customer, date, amount, *extra])
    types = dict(zip(rel.columns, (str(t) for t in rel.types), strict=True))
    for col in (amount, *extra):
        if col is None:
            continue
        t = types[col].upper()
        if not (t in ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "DOUBLE", "FLOAT",
                      "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT") or t.startswith("DECIMAL")):
            raise TypeError(f"column {col!r} must be numeric (currency per transaction), got "
                            f"DuckDB type {types[col]}")
    zone_sql = "current_setting('TimeZone')"
    day = _day_expr(date, types[date], zone, zone_sql, date_format)
    amt = f"CAST({_q(amount)} AS DOUBLE)" if amount is not None else "CAST(0.0 AS DOUBLE)"
    extras = "".join(f", CAST({_q(c)} AS DOUBLE) AS extra_{i}" for i, c in enumerate(extra)
                     if c is not None)
    norm = rel.query("cvlib_source", f"SELECT {_q(customer)} AS cust, CAST({day} AS BIGINT) AS day, "
                                     f"{amt} AS amount, {_q(date)} AS raw_date{extras} "
                                     f"FROM cvlib_source")
    row = norm.query("tx", _sql.check_sql(today_day())).fetchall()[0]
    counts = dict(zip(["n", "null_ids", "null_dates", "bad_dates", "future_dates",
                       "null_amounts", "negative_amounts", "first_day", "last_day"], row,
                      strict=True))
    counts = {k: (0 if v is None and k not in ("first_day", "last_day") else v)
              for k, v in counts.items()}

    def examples(kind):
        where = {"bad_dates": "raw_date IS NOT NULL AND day IS NULL",
                 "future_dates": f"day > {today_day() + 1}",
                 "negative_amounts": "amount < 0"}[kind]
        col = {"bad_dates": "raw_date", "future_dates": "CAST(day AS INTEGER)",
               "negative_amounts": "amount"}[kind]
        vals = [r[0] for r in norm.query(
            "tx", f"SELECT DISTINCT {col} FROM tx WHERE {where} ORDER BY 1 LIMIT 5").fetchall()]
        if kind == "future_dates":
            vals = [np.datetime64(int(v), "D").astype(object) for v in vals]
        return vals

    raise_for_counts(counts, customer=customer, date=date, amount=amount, examples=examples,
                     allow_negative=allow_negative)
    named = [(i, c) for i, c in enumerate(extra) if c is not None]
    if named:
        row = norm.query("tx", "SELECT " + ", ".join(
            f"SUM(CASE WHEN extra_{i} IS NULL THEN 1 ELSE 0 END)" for i, _ in named)
            + " FROM tx").fetchall()[0]
        raise_for_missing({c: n for (_, c), n in zip(named, row, strict=True)})
    return norm, counts


def _finish(rel, customer: str, output, integers=()):
    """The relation, or the pandas table indexed by customer with ``integers`` as int64 counts."""
    if output == "duckdb":
        return rel
    if output not in (None, "pandas"):
        raise ValueError(f"output must be 'pandas' or 'duckdb' for the DuckDB engine, "
                         f"got {output!r}")
    out = rel.order(_q(customer)).df().set_index(customer)
    return out.astype({c: np.int64 for c in integers})


def summarize(log, customer="customer_id", date="date", amount="amount", calibration_end=None,
              observation_end=None, time_unit="W", *, date_format=None, memory_limit=None,
              output=None):
    """:func:`cvlib.lifetime.summarize` computed in DuckDB (same arguments, same table)."""
    norm, counts = _prepare(log, customer, date, amount, date_format, memory_limit)
    w = summary_window(int(counts["first_day"]), int(counts["last_day"]), calibration_end,
                       observation_end, time_unit, date_format)
    rel = norm.query("tx", _sql.summary_sql(w, customer, '"', amount is not None))
    out = _finish(rel, customer, output)
    if isinstance(out, pd.DataFrame):
        if len(out) == 0:
            raise ValueError("no customer made a purchase by the calibration end")
        out["frequency"] = out["frequency"].astype(np.int64)
        if "frequency_holdout" in out:
            out["frequency_holdout"] = out["frequency_holdout"].astype(np.int64)
    return out


def rfm_table(transactions, customer="customer_id", date="date", amount="amount", at=None, *,
              frequency="transactions", monetary="total", returns="error", date_format=None,
              memory_limit=None, output=None):
    """:func:`cvlib.segments.rfm_table` computed in DuckDB (same arguments, same table)."""
    return _rfm(transactions, customer, date, amount, at, frequency, monetary, returns,
                date_format, memory_limit, output)


def _rfm(transactions, customer, date, amount, at, frequency, monetary, returns, date_format,
         memory_limit, output):
    from . import rfm_at_day

    norm, counts = _prepare(transactions, customer, date, amount, date_format, memory_limit,
                            allow_negative=returns == "net")
    at_ts, at_day = rfm_at_day(counts, at, frequency, monetary, returns, date_format)
    rel = norm.query("tx", _sql.rfm_sql(at_day, customer, '"', frequency, monetary, returns))
    if returns == "net":
        only = rel.query("r", "SELECT COUNT(*) FROM r WHERE frequency = 0").fetchall()[0][0]
        if only:
            from . import only_returns_error
            ids = [r[0] for r in rel.query(
                "r", f"SELECT {_q(customer)} FROM r WHERE frequency = 0 ORDER BY 1 LIMIT 5"
            ).fetchall()]
            raise only_returns_error(only, at_ts, ids)
    out = _finish(rel, customer, output)
    from . import rfm_output

    return rfm_output(out, at_ts)


def customer_values(transactions, customer="customer_id", date="date", amount="amount",
                    margin=None, cost=None, at=None, returns="error", *, date_format=None,
                    memory_limit=None, output=None):
    """:func:`cvlib.segments.customer_values` computed in DuckDB (same arguments, same table)."""
    from . import rfm_at_day

    norm, counts = _prepare(transactions, customer, date, amount, date_format, memory_limit,
                            allow_negative=returns == "net", extra=(margin, cost))
    at_ts, at_day = rfm_at_day(counts, at, "transactions", "total", returns, date_format)
    rel = norm.query("tx", _sql.values_sql(at_day, customer, '"', margin is not None,
                                           cost is not None))
    return _finish(rel, customer, output, integers=["transactions"])


def purchase_cycle(transactions, customer="customer_id", date="date", amount="amount", at=None, *,
                   date_format=None, memory_limit=None, output=None):
    """:func:`cvlib.segments.purchase_cycle` computed in DuckDB (same arguments, same table)."""
    from . import rfm_at_day

    norm, counts = _prepare(transactions, customer, date, amount, date_format, memory_limit)
    _, at_day = rfm_at_day(counts, at, "transactions", "total", "error", date_format)
    return _finish(norm.query("tx", _sql.cycle_sql(at_day, customer, '"')), customer, output,
                   integers=["purchases"])


def _relation(summary, memory_limit=None):
    if isinstance(summary, str | os.PathLike):
        return connect(memory_limit).sql(f"SELECT * FROM read_parquet({_sql_list([summary])})")
    if isinstance(summary, pd.DataFrame):
        return connect(memory_limit).from_df(summary)
    return summary


def patterns(summary, columns, name="count", sums=()):
    """Distinct patterns of ``columns`` with counts (and sums), collapsed in DuckDB."""
    rel = _relation(summary)
    check_columns(rel.columns, list(columns) + list(sums), "the summary")
    out = rel.query("s", _sql.patterns_sql("s", columns, name, '"', sums)).df()
    if len(out) == 0:
        raise ValueError("the summary has no rows")
    return out


def score(model, summary, path, *, batch_size=1_000_000, **opts):
    """Score the customers of ``summary`` batch by batch into the Parquet file ``path``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from . import score_frame

    if path is None:
        raise ValueError("path= is needed: the Parquet file the DuckDB engine writes the scores to")
    rel = _relation(summary)
    check_columns(rel.columns, ["frequency", "recency", "T"], "the summary")
    if hasattr(type(rel), "to_arrow_reader"):          # DuckDB >= 1.4 (fetch_record_batch before)
        reader = rel.to_arrow_reader(int(batch_size))
    else:
        reader = rel.fetch_record_batch(int(batch_size))
    writer = None
    try:
        for batch in reader:
            scored = score_frame(batch.to_pandas(), model, **opts)
            table = pa.Table.from_pandas(scored, preserve_index=False)
            if writer is None:
                writer = pq.ParquetWriter(str(path), table.schema)
            writer.write_table(table)
    finally:
        if writer is not None:
            writer.close()
    return str(path)

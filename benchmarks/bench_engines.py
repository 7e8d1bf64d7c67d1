"""Speed and memory of the engines: pandas in memory, DuckDB on files, Spark in local mode.

Run: ``.venv/bin/python benchmarks/bench_engines.py`` (all parts), or name
parts: ``memory``, ``dense100m``, ``parquet10m``, ``duckdb300m``, ``spark10m``,
``fit100m``.
Each part runs in its own process, so the peak resident memory it prints is
its own.  The 300-million-row log is written in chunks to a temporary folder
(``$CVLIB_BENCH_DIR``, default ``/tmp/cvlib-bench``), never to the project.

Goals (issue 14): in memory, 10 million rows with string and with sparse
64-bit ids at least as fast as DuckDB on the same DataFrame; 100 million dense
rows within 1.2 times the per-row cost at 10 million; a 300-million-row
Parquet log summarised by DuckDB within a 4 GB memory limit (time, peak
memory, rows/s) and a BG/NBD model fitted on its 100 million customers'
patterns collapsed in DuckDB; 10 million rows from Parquet against the
in-memory path; Spark in local mode on 10 million rows (start-up apart).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from _timing import best_of  # benchmarks/_timing.py

from cvlib.lifetime import BetaGeo, collapse_patterns, summarize

BENCH_DIR = Path(os.environ.get("CVLIB_BENCH_DIR", "/tmp/cvlib-bench"))
DAYS = 730                       # two years of purchases
START = np.datetime64("2023-01-01", "D")


def peak_rss_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20


def synthetic_log(n_rows: int, n_customers: int, seed: int = 0, ids: str = "dense"):
    """A log of ``n_rows`` purchases by ``n_customers`` customers over two years."""
    rng = np.random.default_rng(seed)
    cust = rng.integers(0, n_customers, size=n_rows)
    day = START + rng.integers(0, DAYS, size=n_rows).astype("timedelta64[D]")
    amount = np.round(rng.gamma(2.0, 20.0, size=n_rows), 2)
    if ids == "sparse":          # 64-bit ids spread over the whole range (hashes of account numbers)
        cust = (cust.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15) >> np.uint64(1)).astype(np.int64)
    elif ids == "string":
        cust = pd.Series(cust).map("C{:09d}".format).astype("string")
    return pd.DataFrame({"customer_id": cust, "date": day.astype("datetime64[s]"), "amount": amount})


def part_memory():
    from cvlib.engines.duckdb import connect

    for ids in ("string", "sparse", "dense"):
        log = synthetic_log(10_000_000, 1_000_000, ids=ids)
        t_pd, a = best_of(lambda log=log: summarize(log, calibration_end="2024-06-30"), 2)
        t_db, b = best_of(lambda log=log: summarize(log, calibration_end="2024-06-30",
                                                    engine="duckdb", memory_limit="8GB"), 2)
        pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-9, check_index_type=False)
        print(f"10M rows, {ids:6s} ids: pandas {t_pd:6.2f} s ({t_pd / 1e7 * 1e9:5.0f} ns/row), "
              f"DuckDB on the same DataFrame {t_db:6.2f} s; DuckDB / pandas = {t_db / t_pd:.2f}")
    del connect


def part_dense100m():
    out = {}
    for n in (10_000_000, 100_000_000):
        log = synthetic_log(n, n // 10)
        t, _ = best_of(lambda log=log: summarize(log, calibration_end="2024-06-30"), 1 if n > 1e7 else 2)
        out[n] = t / n
        print(f"{n / 1e6:5.0f}M rows, dense ids: pandas {t:6.2f} s, {t / n * 1e9:5.0f} ns/row")
        del log
    print(f"per-row cost 100M / 10M = {out[100_000_000] / out[10_000_000]:.2f} (goal <= 1.2); "
          f"peak RSS {peak_rss_gb():.1f} GB")


def part_parquet10m():
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    log = synthetic_log(10_000_000, 1_000_000)
    path = BENCH_DIR / "log10m.parquet"
    log.to_parquet(path)
    t_pd, a = best_of(lambda: summarize(log, calibration_end="2024-06-30"), 2)
    t_pq, b = best_of(lambda: summarize(str(path), calibration_end="2024-06-30"), 2)
    pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-9)
    print(f"10M rows: pandas in memory {t_pd:.2f} s; DuckDB from Parquet {t_pq:.2f} s "
          f"(ratio {t_pq / t_pd:.2f}); same table")


def write_300m(n_rows=300_000_000, n_customers=100_000_000, chunk=10_000_000):
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = BENCH_DIR / "log300m"
    if folder.exists() and len(list(folder.glob("*.parquet"))) == n_rows // chunk:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    for i in range(n_rows // chunk):
        rng = np.random.default_rng(1000 + i)
        table = pa.table({
            "customer_id": rng.integers(0, n_customers, size=chunk),
            "date": (START + rng.integers(0, DAYS, size=chunk).astype("timedelta64[D]")),
            "amount": np.round(rng.gamma(2.0, 20.0, size=chunk), 2),
        })
        pq.write_table(table, folder / f"part-{i:03d}.parquet")
    size = sum(f.stat().st_size for f in folder.glob("*.parquet")) / 2**30
    print(f"wrote {n_rows / 1e6:.0f}M rows ({size:.1f} GB of Parquet) in "
          f"{time.perf_counter() - t0:.0f} s")
    return folder


def part_duckdb300m():
    folder = write_300m()
    glob = str(folder / "*.parquet")
    t0 = time.perf_counter()
    rel = summarize(glob, calibration_end="2024-06-30", memory_limit="4GB", output="duckdb")
    patterns = collapse_patterns(rel, sums=["monetary_value"])
    t1 = time.perf_counter()
    n = int(patterns["count"].sum())
    print(f"DuckDB, 300M rows from Parquet, memory_limit=4GB: summary of {n / 1e6:.1f}M customers "
          f"collapsed to {len(patterns):,} patterns in {t1 - t0:.0f} s "
          f"({300e6 / (t1 - t0) / 1e6:.1f}M rows/s), peak RSS {peak_rss_gb():.2f} GB")
    patterns.to_parquet(BENCH_DIR / "patterns300m.parquet")
    # customers whose first purchase is on the calibration end have T = 0: no BG/NBD term
    from cvlib.lifetime import ModelFitError

    try:
        model = BetaGeo().fit(patterns[patterns["T"] > 0], weights="count")
    except ModelFitError as err:
        # this log's purchases are uniform over two years, with no dropout and one rate for all:
        # BG/NBD's heterogeneity and dropout are not identified, and cvlib says so (part fit100m
        # fits 100M customers simulated from the model)
        print(f"BG/NBD on these patterns refused, as it should be (no dropout, no heterogeneity "
              f"in this log): {str(err)[:160]}...")
        return
    t2 = time.perf_counter()
    print(f"BG/NBD fitted on the {n / 1e6:.0f}M customers' patterns in {t2 - t1:.1f} s: "
          f"{ {k: round(float(v), 3) for k, v in model.params.items()} }")


def part_fit100m(n_customers=100_000_000, chunk=10_000_000):
    """BG/NBD on 100 million simulated customers: patterns collapsed in DuckDB, then the fit."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from bench_lifetime import million_customer_summary  # benchmarks/bench_lifetime.py

    folder = BENCH_DIR / "summary100m"
    folder.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    for i in range(n_customers // chunk):
        part = folder / f"part-{i:03d}.parquet"
        if not part.exists():
            s = million_customer_summary(seed=100 + i, n=chunk)
            pq.write_table(pa.Table.from_pandas(s, preserve_index=False), part)
    t1 = time.perf_counter()
    patterns = collapse_patterns(_duckdb_rel(str(folder / "*.parquet")))
    t2 = time.perf_counter()
    model = BetaGeo().fit(patterns, weights="count")
    t3 = time.perf_counter()
    print(f"100M simulated customers ({t1 - t0:.0f} s to write): collapsed in DuckDB to "
          f"{len(patterns):,} patterns in {t2 - t1:.1f} s, BG/NBD fitted in {t3 - t2:.1f} s "
          f"(simulated with r = 0.25, alpha = 4 per week, a = 0.8, b = 2.5): "
          f"{ {k: round(float(v), 3) for k, v in model.params.items()} }; peak RSS {peak_rss_gb():.2f} GB")


def _duckdb_rel(glob: str):
    from cvlib.engines.duckdb import connect

    return connect("4GB").sql(f"SELECT * FROM read_parquet('{glob}')")


def part_spark10m():
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)      # workers use this Python
    from pyspark.sql import SparkSession

    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    path = BENCH_DIR / "log10m.parquet"
    if not path.exists():
        synthetic_log(10_000_000, 1_000_000).to_parquet(path)
    t0 = time.perf_counter()
    spark = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
             .config("spark.sql.shuffle.partitions", "8").config("spark.driver.memory", "4g")
             .getOrCreate())
    t1 = time.perf_counter()
    sdf = spark.read.parquet(str(path))
    t_spark, b = best_of(lambda: summarize(sdf, calibration_end="2024-06-30", output="pandas"), 2)
    a = summarize(pd.read_parquet(path), calibration_end="2024-06-30")
    pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-9)
    print(f"Spark local[2], 10M rows: start-up {t1 - t0:.1f} s, summary {t_spark:.1f} s "
          f"(to pandas, same table)")
    spark.stop()


PARTS = {"memory": part_memory, "dense100m": part_dense100m, "parquet10m": part_parquet10m,
         "duckdb300m": part_duckdb300m, "spark10m": part_spark10m,
         "fit100m": part_fit100m}

if __name__ == "__main__":
    names = sys.argv[1:] or list(PARTS)
    if len(names) == 1:
        PARTS[names[0]]()
    else:
        for name in names:                  # each part in a fresh process: its own peak memory
            subprocess.run([sys.executable, __file__, name], check=False)

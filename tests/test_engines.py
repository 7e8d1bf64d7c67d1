"""The same per-customer tables from pandas, DuckDB and Spark (issue 14).

Every expected number comes from the pandas path (itself checked against the
published CDNOW summary in test_lifetime_models) or from the published
summary directly; the engines must agree with it on the CDNOW log and on
synthetic logs with edge cases, and give the same clear errors.
"""

import os
import sys

import numpy as np
import pandas as pd
import pytest

from cvlib.datasets import fetch_cdnow, fetch_file
from cvlib.engines import engine_of, score
from cvlib.lifetime import BetaGeo, GammaGamma, collapse_patterns, summarize
from cvlib.segments import customer_values, purchase_cycle, rfm_table

CAL = "1997-09-30"
RTOL = 1e-12       # sums of spend may differ in the last bits (another order of addition)


@pytest.fixture(scope="module")
def cdnow():
    return fetch_cdnow()


@pytest.fixture(scope="module")
def files(cdnow, tmp_path_factory):
    d = tmp_path_factory.mktemp("logs")
    parquet = d / "cdnow.parquet"
    cdnow.to_parquet(parquet)
    csv = d / "cdnow.csv"
    cdnow.assign(date=cdnow["date"].dt.strftime("%Y-%m-%d")).to_csv(csv, index=False)
    # the log split in several files, read with a glob
    parts = d / "parts"
    parts.mkdir()
    for i, rows in enumerate(np.array_split(np.arange(len(cdnow)), 3)):
        cdnow.iloc[rows].to_parquet(parts / f"part-{i}.parquet")
    return {"parquet": str(parquet), "csv": str(csv), "glob": str(parts / "*.parquet")}


@pytest.fixture(scope="session")
def spark():
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)      # workers use this Python
    from pyspark.sql import SparkSession  # pip install 'cvlib[spark]' (make test does)

    session = (SparkSession.builder.master("local[2]").appName("cvlib-tests")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.driver.bindAddress", "127.0.0.1")
               .getOrCreate())
    yield session
    session.stop()


def _same(a, b):
    pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=RTOL)


# ------------------------------------------------------------------ CDNOW, three paths

@pytest.mark.parametrize("source", ["frame", "parquet", "csv", "glob"])
def test_duckdb_summary_equals_pandas_on_cdnow(cdnow, files, source):
    expected = summarize(cdnow, calibration_end=CAL)
    data = cdnow if source == "frame" else files[source]
    got = summarize(data, calibration_end=CAL, engine="duckdb")
    _same(expected, got)


def test_duckdb_summary_reproduces_the_published_cdnow_summary(files):
    published = pd.read_csv(fetch_file("cdnow/cdnow_customers_summary_with_transactions.csv"))
    published = published.set_index("ID").sort_index()
    got = summarize(files["parquet"], calibration_end=CAL)
    assert len(got) == 2357
    assert (got["frequency"].to_numpy() == published["x"].to_numpy()).all()
    assert np.abs(got["recency"].to_numpy() - published["t_x"].to_numpy()).max() <= 0.005
    assert np.abs(got["T"].to_numpy() - published["T"].to_numpy()).max() <= 0.005
    assert np.allclose(got["monetary_value"].to_numpy(), published["zbar"].to_numpy(), atol=0.005)


@pytest.mark.parametrize("options", [{}, {"frequency": "days", "monetary": "mean"}])
def test_duckdb_rfm_equals_pandas_on_cdnow(cdnow, files, options):
    expected = rfm_table(cdnow, at="1998-06-30", **options)
    for data in (files["parquet"], files["csv"]):
        got = rfm_table(data, at="1998-06-30", **options)
        _same(expected, got)
        assert got.attrs["at"] == "1998-06-30"


@pytest.mark.slow
def test_spark_equals_pandas_on_cdnow(cdnow, spark):
    sdf = spark.createDataFrame(cdnow)
    summary = summarize(sdf, calibration_end=CAL)
    assert engine_of(summary) == "spark"                 # stays distributed by default
    _same(summarize(cdnow, calibration_end=CAL), summary.toPandas().set_index("customer_id")
          .sort_index().astype({"frequency": "int64", "frequency_holdout": "int64"}))
    _same(summarize(cdnow, calibration_end=CAL),
          summarize(sdf, calibration_end=CAL, output="pandas"))
    for options in ({}, {"frequency": "days", "monetary": "mean"}):
        _same(rfm_table(cdnow, at="1998-06-30", **options),
              rfm_table(sdf, at="1998-06-30", output="pandas", **options))


# ------------------------------------------------------------------ synthetic edge cases

EDGE = pd.DataFrame({
    # several purchases a day (1 on 03-01), zero spend (2), first purchase after the
    # calibration end (4), string ids
    "customer_id": ["a", "a", "a", "a", "b", "b", "b", "c", "d", "d"],
    "date": pd.to_datetime(["2024-01-02", "2024-03-01", "2024-03-01", "2024-05-20",
                            "2024-01-10", "2024-02-01", "2024-04-15", "2024-02-20",
                            "2024-04-02", "2024-05-01"]),
    "amount": [20.0, 5.0, 7.5, 12.0, 0.0, 0.0, 3.0, 40.0, 9.0, 1.0],
})


def _edge_paths(tmp_path, log):
    p = tmp_path / "edge.parquet"
    log.to_parquet(p)
    return p


@pytest.mark.parametrize("kwargs", [
    {}, {"calibration_end": "2024-03-31"},
    {"calibration_end": "2024-03-31", "observation_end": "2024-04-30", "time_unit": "D"},
    {"amount": None, "calibration_end": "2024-03-31"},
])
def test_duckdb_edge_cases_equal_pandas(tmp_path, kwargs):
    expected = summarize(EDGE, **kwargs)
    if "calibration_end" in kwargs:
        assert "d" not in expected.index          # first purchase after the calibration end
    got = summarize(str(_edge_paths(tmp_path, EDGE)), **kwargs)
    _same(expected, got)
    assert expected.loc["a", "frequency"] == 1 + ("calibration_end" not in kwargs)


def test_duckdb_time_zones_are_wall_time(tmp_path):
    # 23:30 in New York on 1 March is 04:30 UTC on 2 March: the customer's day is 1 March
    tz = EDGE.assign(date=(EDGE["date"] + pd.Timedelta(hours=23, minutes=30))
                     .dt.tz_localize("America/New_York"))
    expected = summarize(EDGE, calibration_end="2024-03-31")
    _same(summarize(tz, calibration_end="2024-03-31"), expected)
    _same(summarize(tz, calibration_end="2024-03-31", engine="duckdb"), expected)
    _same(summarize(str(_edge_paths(tmp_path, tz)), calibration_end="2024-03-31"), expected)
    _same(rfm_table(str(_edge_paths(tmp_path, tz))), rfm_table(EDGE))


@pytest.mark.parametrize("form", ["yyyymmdd", "iso", "day-first"])
def test_duckdb_date_forms(tmp_path, form):
    log = EDGE.copy()
    kw = {}
    if form == "yyyymmdd":
        log["date"] = log["date"].dt.strftime("%Y%m%d").astype(int)
    elif form == "iso":
        log["date"] = log["date"].dt.strftime("%Y-%m-%dT%H:%M:%S")
    else:
        log["date"] = log["date"].dt.strftime("%d/%m/%Y")
        kw = {"date_format": "%d/%m/%Y"}
    p = str(_edge_paths(tmp_path, log))
    _same(summarize(p, calibration_end="2024-03-31", **kw), summarize(EDGE, calibration_end="2024-03-31"))
    _same(rfm_table(p, **kw), rfm_table(EDGE))


def test_duckdb_returns_net(tmp_path):
    log = pd.concat([EDGE, pd.DataFrame({"customer_id": ["a"], "date": [pd.Timestamp("2024-05-21")],
                                         "amount": [-5.0]})], ignore_index=True)
    p = str(_edge_paths(tmp_path, log))
    _same(rfm_table(p, returns="net"), rfm_table(log, returns="net"))
    only = pd.concat([log, pd.DataFrame({"customer_id": ["z"], "date": [pd.Timestamp("2024-05-01")],
                                         "amount": [-1.0]})], ignore_index=True)
    with pytest.raises(ValueError, match=r"1 customer\(s\) have only returns.*\['z'\]"):
        rfm_table(str(_edge_paths(tmp_path, only)), returns="net")


@pytest.mark.slow
def test_spark_edge_cases_and_time_zones(spark):
    for kwargs in ({}, {"calibration_end": "2024-03-31"}, {"amount": None, "time_unit": "D"}):
        _same(summarize(EDGE, **kwargs), summarize(spark.createDataFrame(EDGE), output="pandas",
                                                   **kwargs))
    _same(rfm_table(EDGE), rfm_table(spark.createDataFrame(EDGE), output="pandas"))
    text = EDGE.assign(date=EDGE["date"].dt.strftime("%d/%m/%Y"))
    _same(rfm_table(EDGE), rfm_table(spark.createDataFrame(text), output="pandas",
                                     date_format="%d/%m/%Y"))
    ints = EDGE.assign(date=EDGE["date"].dt.strftime("%Y%m%d").astype(int))
    _same(rfm_table(EDGE), rfm_table(spark.createDataFrame(ints), output="pandas"))
    # a timestamp column is an instant: read in the session time zone
    tz = EDGE.assign(date=(EDGE["date"] + pd.Timedelta(hours=23, minutes=30))
                     .dt.tz_localize("America/New_York"))
    spark.conf.set("spark.sql.session.timeZone", "America/New_York")
    try:
        got = summarize(spark.createDataFrame(tz), calibration_end="2024-03-31", output="pandas")
    finally:
        spark.conf.set("spark.sql.session.timeZone", "UTC")
    _same(got, summarize(EDGE, calibration_end="2024-03-31"))


VALUED = pd.concat([EDGE, pd.DataFrame({"customer_id": ["a"], "date": [pd.Timestamp("2024-05-21")],
                                         "amount": [-5.0]})], ignore_index=True).assign(
    gross_margin=lambda d: d["amount"] * 0.4, cost_to_serve=lambda d: 1.5)


@pytest.mark.parametrize("kwargs", [{}, {"margin": "gross_margin", "cost": "cost_to_serve"},
                                    {"margin": "gross_margin", "at": "2024-03-31"}])
def test_duckdb_customer_values_equal_pandas(tmp_path, kwargs):
    p = str(_edge_paths(tmp_path, VALUED))
    _same(customer_values(VALUED, returns="net", **kwargs),
          customer_values(p, returns="net", **kwargs))
    with pytest.raises(ValueError, match="negative amount"):
        customer_values(VALUED, **kwargs)
    with pytest.raises(ValueError, match="must not be negative"):
        customer_values(p, **kwargs)


def test_duckdb_customer_values_missing_margin(tmp_path):
    log = VALUED.assign(gross_margin=VALUED["gross_margin"].where(VALUED.index != 3))
    with pytest.raises(ValueError, match=r"missing values \('gross_margin': 1 row\(s\)\)"):
        customer_values(log, margin="gross_margin", returns="net")
    with pytest.raises(ValueError, match=r"missing values \('gross_margin': 1 row\(s\)\)"):
        customer_values(str(_edge_paths(tmp_path, log)), margin="gross_margin", returns="net")


@pytest.mark.slow
def test_spark_customer_values(spark):
    kw = {"margin": "gross_margin", "cost": "cost_to_serve", "returns": "net"}
    _same(customer_values(VALUED, **kw),
          customer_values(spark.createDataFrame(VALUED), output="pandas", **kw))


@pytest.mark.parametrize("at", [None, "1997-06-30"])
def test_duckdb_purchase_cycle_equals_pandas(cdnow, files, tmp_path, at):
    """The cycle x spend tiers start from the same per-customer table in every engine."""
    _same(purchase_cycle(cdnow, at=at), purchase_cycle(files["parquet"], at=at))
    edge = EDGE[EDGE["amount"] >= 0]
    _same(purchase_cycle(edge, at=at and "2024-03-31"),
          purchase_cycle(str(_edge_paths(tmp_path, edge)), at=at and "2024-03-31"))
    with pytest.raises(ValueError, match="negative"):
        purchase_cycle(str(_edge_paths(tmp_path, VALUED)))


@pytest.mark.slow
def test_spark_purchase_cycle(spark, cdnow):
    _same(purchase_cycle(cdnow), purchase_cycle(spark.createDataFrame(cdnow), output="pandas"))


# ------------------------------------------------------------------ models on patterns, scoring

def test_patterns_collapsed_in_duckdb_fit_the_published_bgnbd(cdnow, files, tmp_path):
    rel = summarize(files["parquet"], calibration_end=CAL, output="duckdb")
    patterns = collapse_patterns(rel, sums=["monetary_value"])
    summary = summarize(cdnow, calibration_end=CAL)
    _same(collapse_patterns(summary, sums=["monetary_value"]), patterns)
    assert patterns["count"].sum() == 2357
    model = BetaGeo().fit(patterns, weights="count")
    # Fader, Hardie & Lee (2005): r = 0.243, alpha = 4.414, a = 0.793, b = 2.426
    assert np.allclose(model.params[["r", "alpha", "a", "b"]], [0.243, 4.414, 0.793, 2.426],
                       atol=0.0006)
    spend = GammaGamma().fit(summary[summary["frequency"] > 0])
    path = score(model, rel, tmp_path / "scores.parquet", spend_model=spend, batch_size=500)
    got = pd.read_parquet(path).set_index("customer_id").sort_index()
    expected = score(model, summary, spend_model=spend)
    _same(expected, got)
    assert ((got["p_alive"] >= 0) & (got["p_alive"] <= 1)).all()


@pytest.mark.slow
def test_spark_patterns_and_scores(cdnow, spark):
    summary = summarize(cdnow, calibration_end=CAL)
    ssum = summarize(spark.createDataFrame(cdnow), calibration_end=CAL)
    patterns = collapse_patterns(ssum)
    _same(collapse_patterns(summary), patterns.astype({"count": "int64"}))
    model = BetaGeo().fit(patterns, weights="count")
    scored = score(model, ssum).toPandas().set_index("customer_id").sort_index()
    _same(score(model, summary).astype({"frequency_holdout": "int64"}),
          scored.astype({"frequency": "int64", "frequency_holdout": "int64"}))


# ------------------------------------------------------------------ the same clear errors

BAD = {
    "missing column": (EDGE.drop(columns="amount"), {}, r"no column\(s\) \['amount'\]"),
    "ambiguous dates": (EDGE.assign(date=EDGE["date"].dt.strftime("%d/%m/%Y")), {},
                        r"not ISO 8601.*date_format="),
    "unix seconds": (EDGE.assign(date=EDGE["date"].astype("int64") // 10**9), {},
                     r"not dates.*YYYYMMDD"),
    "negative amount": (EDGE.assign(amount=EDGE["amount"] - 10), {},
                        r"'amount' must not be negative.*-10\.0"),
    "missing id": (EDGE.assign(customer_id=EDGE["customer_id"].where(EDGE.index != 0)), {},
                   r"1 missing customer id"),
    "future dates": (EDGE.assign(date=EDGE["date"] + pd.Timedelta(days=365 * 10)), {},
                     r"date\(s\) after .*future"),
    "calibration before first purchase": (EDGE, {"calibration_end": "2023-01-01"},
                                          r"calibration_end 2023-01-01 is before"),
}


@pytest.mark.parametrize("case", BAD)
def test_duckdb_errors_match_pandas(tmp_path, case):
    log, kw, message = BAD[case]
    with pytest.raises(ValueError, match=message):
        summarize(log, **kw)
    with pytest.raises(ValueError, match=message):
        summarize(str(_edge_paths(tmp_path, log)), **kw)


@pytest.mark.slow
@pytest.mark.parametrize("case", BAD)
def test_spark_errors_match_pandas(spark, case):
    log, kw, message = BAD[case]
    with pytest.raises(ValueError, match=message):
        summarize(spark.createDataFrame(log), **kw)


def test_csv_errors_and_day_first_csv(tmp_path):
    csv = tmp_path / "log.csv"
    EDGE.drop(columns="date").to_csv(csv, index=False)
    with pytest.raises(ValueError, match=r"no column\(s\) \['date'\]"):
        summarize(str(csv))
    # DuckDB alone would sniff '05/01/2024' as a date; cvlib refuses to guess
    EDGE.assign(date=EDGE["date"].dt.strftime("%d/%m/%Y")).to_csv(csv, index=False)
    with pytest.raises(ValueError, match="date_format="):
        rfm_table(str(csv))
    _same(rfm_table(str(csv), date_format="%d/%m/%Y"), rfm_table(EDGE))


def test_dataframe_into_a_duckdb_relation():
    rel = summarize(EDGE, calibration_end="2024-03-31", output="duckdb")
    assert engine_of(rel) == "duckdb"
    _same(collapse_patterns(rel), collapse_patterns(summarize(EDGE, calibration_end="2024-03-31")))


def test_rfm_errors_on_files(tmp_path):
    p = str(_edge_paths(tmp_path, EDGE.assign(amount=-EDGE["amount"] - 1)))
    with pytest.raises(ValueError, match="must not be negative"):
        rfm_table(p)
    with pytest.raises(ValueError, match=r"at=2023-01-01 is before the first transaction"):
        rfm_table(str(_edge_paths(tmp_path, EDGE)), at="2023-01-01")
    with pytest.raises(ValueError, match="frequency must be 'transactions' or 'days'"):
        rfm_table(str(_edge_paths(tmp_path, EDGE)), frequency="visits")


def test_bad_sources():
    with pytest.raises(TypeError, match="pandas DataFrame, a path or glob"):
        summarize({"customer_id": [1]})
    with pytest.raises(ValueError, match="cannot tell the format"):
        summarize("log.xlsx")
    with pytest.raises(ValueError, match="engine must be one of"):
        summarize(EDGE, engine="polars")
    with pytest.raises(ValueError, match="engine='spark' cannot compute on a pandas input"):
        summarize(EDGE, engine="spark")


def test_duckdb_memory_limit_is_a_budget_for_the_whole_job():
    """DuckDB's own limit is DUCKDB_SHARE of the budget; bad sizes are refused with the expected form."""
    pytest.importorskip("duckdb")
    from cvlib.engines.duckdb import DUCKDB_SHARE, connect, memory_bytes

    con = connect("4GB")
    got = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    value, unit = got.split()
    factor = {"MiB": 2**20, "GiB": 2**30, "MB": 10**6, "GB": 10**9}[unit]
    assert float(value) * factor == pytest.approx(4 * 2**30 * DUCKDB_SHARE, rel=0.01)
    for bad in ("four gigabytes", "4", "1MB"):
        with pytest.raises(ValueError, match="memory_limit"):
            memory_bytes(bad)

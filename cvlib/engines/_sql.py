"""The SQL of the per-customer tables, shared by the DuckDB and Spark engines.

Both engines first bring the log to one normalised table ``tx`` with three
columns: ``cust`` (the customer id), ``day`` (the purchase day as an integer
number of days since 1970-01-01, by the library's date policy) and
``amount`` (DOUBLE; 0 when no amount column is used).  From there the
arithmetic below is the same text for both engines, so DuckDB and Spark cannot
diverge; the pandas path (:func:`cvlib.lifetime.summarize`,
:func:`cvlib.segments.rfm_table`) computes the same definitions with numpy and
the tests prove the three agree.

Only ANSI SQL plus ``min_by`` (in both DuckDB and Spark) is used, and every
division is made in DOUBLE, so the numbers are those of numpy's float64.
"""

from __future__ import annotations

from ..lifetime.summary import SummaryWindow


def double(value: float) -> str:
    """A DOUBLE literal both engines read exactly (``CAST('7.0' AS DOUBLE)``)."""
    return f"CAST('{float(value)!r}' AS DOUBLE)"


def check_sql(today_day: int, source: str = "tx") -> str:
    """One pass over ``tx``: the counts behind every input error, and the first and last day."""
    return f"""
SELECT COUNT(*) AS n,
       SUM(CASE WHEN cust IS NULL THEN 1 ELSE 0 END) AS null_ids,
       SUM(CASE WHEN raw_date IS NULL THEN 1 ELSE 0 END) AS null_dates,
       SUM(CASE WHEN raw_date IS NOT NULL AND day IS NULL THEN 1 ELSE 0 END) AS bad_dates,
       SUM(CASE WHEN day > {int(today_day) + 1} THEN 1 ELSE 0 END) AS future_dates,
       SUM(CASE WHEN amount IS NULL THEN 1 ELSE 0 END) AS null_amounts,
       SUM(CASE WHEN amount < 0 THEN 1 ELSE 0 END) AS negative_amounts,
       MIN(day) AS first_day,
       MAX(day) AS last_day
FROM {source}"""


def summary_sql(w: SummaryWindow, customer: str, quote: str, with_amount: bool,
                source: str = "tx") -> str:
    """Frequency, recency, T (and mean repeat spend, holdout columns) per customer.

    Purchase days: the distinct (customer, day) pairs up to the observation
    end, with the day's spend; then per customer the calibration part (days up
    to ``w.end_day``) and the holdout part (later days), as in
    :func:`cvlib.lifetime.summarize`.
    """
    unit = double(w.unit)
    end = int(w.end_day)
    cid = f"{quote}{customer}{quote}"
    cols = [
        f"cust AS {cid}",
        "CAST(n_cal - 1 AS BIGINT) AS frequency",
        f"CAST(last_cal - birth AS DOUBLE) / {unit} AS recency",
        f"CAST({end} - birth AS DOUBLE) / {unit} AS T",
    ]
    if with_amount:
        cols.append("CASE WHEN n_cal > 1 THEN GREATEST(total_cal - first_spend, 0.0) "
                    "/ CAST(n_cal - 1 AS DOUBLE) ELSE 0.0 END AS monetary_value")
    if w.cal_day is not None:
        cols.append("CAST(n_hold AS BIGINT) AS frequency_holdout")
        if with_amount:
            cols.append("CASE WHEN n_hold > 0 THEN total_hold / CAST(n_hold AS DOUBLE) "
                        "ELSE 0.0 END AS monetary_value_holdout")
        cols.append(f"CAST({int(w.obs_day) - int(w.cal_day)} AS DOUBLE) / {unit} "
                    "AS duration_holdout")
    return f"""
WITH purchase_days AS (
    SELECT cust, day, SUM(amount) AS spend
    FROM {source} WHERE day <= {int(w.obs_day)}
    GROUP BY cust, day
), customers AS (
    SELECT cust,
           MIN(day) AS birth,
           SUM(CASE WHEN day <= {end} THEN 1 ELSE 0 END) AS n_cal,
           MAX(CASE WHEN day <= {end} THEN day END) AS last_cal,
           SUM(CASE WHEN day <= {end} THEN spend ELSE 0.0 END) AS total_cal,
           MIN_BY(spend, day) AS first_spend,
           SUM(CASE WHEN day > {end} THEN 1 ELSE 0 END) AS n_hold,
           SUM(CASE WHEN day > {end} THEN spend ELSE 0.0 END) AS total_hold
    FROM purchase_days GROUP BY cust
)
SELECT {", ".join(cols)}
FROM customers WHERE n_cal > 0"""


def rfm_sql(at_day: int, customer: str, quote: str, frequency: str, monetary: str,
            returns: str, source: str = "tx") -> str:
    """Recency, frequency, monetary value and tenure per customer at day ``at_day``.

    As :func:`cvlib.segments.rfm_table`: with ``returns="net"`` negative
    amounts reduce the monetary value but are neither purchases nor the last
    purchase.
    """
    buy = "amount >= 0" if returns == "net" else "TRUE"
    if frequency == "days":
        freq = f"COUNT(DISTINCT CASE WHEN {buy} THEN day END)"
    else:
        freq = f"SUM(CASE WHEN {buy} THEN 1 ELSE 0 END)"
    cid = f"{quote}{customer}{quote}"
    money = "money" if monetary == "total" else "money / CAST(freq AS DOUBLE)"
    return f"""
WITH c AS (
    SELECT cust,
           MAX(CASE WHEN {buy} THEN day END) AS last_day,
           MIN(CASE WHEN {buy} THEN day END) AS first_day,
           {freq} AS freq,
           SUM(amount) AS money
    FROM {source} WHERE day <= {int(at_day)}
    GROUP BY cust
)
SELECT cust AS {cid},
       CAST({int(at_day)} - last_day AS BIGINT) AS recency,
       CAST(freq AS BIGINT) AS frequency,
       CASE WHEN freq > 0 THEN {money} ELSE NULL END AS monetary,
       CAST({int(at_day)} - first_day AS BIGINT) AS tenure
FROM c"""


def patterns_sql(source: str, columns, name: str, quote: str, sums=()) -> str:
    """The distinct patterns of ``columns`` with their counts (and sums of ``sums``)."""
    q = [f"{quote}{c}{quote}" for c in columns]
    extra = "".join(f", SUM({quote}{s}{quote}) AS {quote}{s}_sum{quote}" for s in sums)
    return (f"SELECT {', '.join(q)}, COUNT(*) AS {quote}{name}{quote}{extra} FROM {source} "
            f"GROUP BY {', '.join(q)} ORDER BY {', '.join(q)}")


def values_sql(at_day: int, customer: str, quote: str, margin: bool, cost: bool,
               source: str = "tx") -> str:
    """Transactions, revenue (and margin, cost to serve, profit) per customer up to ``at_day``.

    As :func:`cvlib.segments.customer_values`: returns (negative amounts) are
    netted against revenue but are not counted as transactions; ``margin``
    and ``cost`` are the normalised columns ``extra_0`` and ``extra_1``.
    """
    cid = f"{quote}{customer}{quote}"
    cols = [f"cust AS {cid}",
            "CAST(SUM(CASE WHEN amount >= 0 THEN 1 ELSE 0 END) AS BIGINT) AS transactions",
            "SUM(amount) AS revenue"]
    if margin:
        cols.append("SUM(extra_0) AS margin")
    if cost:
        cols.append("SUM(extra_1) AS cost_to_serve")
    if margin and cost:
        cols.append("SUM(extra_0) - SUM(extra_1) AS profit")
    return f"SELECT {', '.join(cols)} FROM {source} WHERE day <= {int(at_day)} GROUP BY cust"


def cycle_sql(at_day: int, customer: str, quote: str, source: str = "tx") -> str:
    """Purchases, mean purchase interval (days) and mean spend per customer up to ``at_day``.

    As :func:`cvlib.segments.purchase_cycle`: the interval is (last day - first
    day) / (purchases - 1), NULL for a single purchase.
    """
    cid = f"{quote}{customer}{quote}"
    return f"""
SELECT cust AS {cid},
       CAST(COUNT(*) AS BIGINT) AS purchases,
       CASE WHEN COUNT(*) > 1 THEN CAST(MAX(day) - MIN(day) AS DOUBLE) / (COUNT(*) - 1) END
           AS mean_interval,
       SUM(amount) / COUNT(*) AS mean_spend
FROM {source} WHERE day <= {int(at_day)}
GROUP BY cust"""

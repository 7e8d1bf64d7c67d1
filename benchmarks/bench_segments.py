"""Speed of cvlib's RFM summary on a large transaction log.

Goal (issue 6): ``rfm_table`` + ``rfm_scores`` on 10 million transactions of
1 million customers over two years in 3 s or less.  The script also times a
plain pandas groupby computing the same summary and, when the package
``lifetimes`` is importable, its ``summary_data_from_transaction_data``, and
prints the ratios.

Run: ``.venv/bin/python benchmarks/bench_segments.py [rows] [customers]``
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import pandas as pd
from _timing import best_of  # benchmarks/_timing.py

from cvlib.segments import rfm_scores, rfm_table


def make_log(rows: int = 10_000_000, customers: int = 1_000_000, seed: int = 6) -> pd.DataFrame:
    """A seeded log: skewed purchase rates, two years of dates, log-normal amounts."""
    rng = np.random.default_rng(seed)
    weight = rng.gamma(0.8, 1.0, customers)
    # every customer buys at least once; the other rows go to customers by a skewed rate
    extra = rng.choice(customers, size=rows - customers, p=weight / weight.sum())
    cid = rng.permutation(np.concatenate([np.arange(customers), extra])) + 100_000
    days = rng.integers(0, 731, size=rows)
    date = np.datetime64("2023-01-01") + days.astype("timedelta64[D]")
    amount = np.round(rng.lognormal(3.2, 0.8, size=rows), 2)
    return pd.DataFrame({"customer_id": cid, "date": date.astype("datetime64[ns]"),
                         "amount": amount})




def cvlib_rfm(tx):
    rfm = rfm_table(tx, customer="customer_id", date="date", amount="amount", at="2024-12-31")
    return rfm_scores(rfm, bins=5)


def pandas_rfm(tx):
    at = pd.Timestamp("2024-12-31")
    g = tx.groupby("customer_id").agg(last=("date", "max"), frequency=("date", "size"),
                                      monetary=("amount", "sum"))
    g["recency"] = (at - g["last"]).dt.days
    return g


def main(argv: list[str]) -> int:
    rows = int(argv[0]) if argv else 10_000_000
    customers = int(argv[1]) if len(argv) > 1 else 1_000_000
    t0 = time.perf_counter()
    tx = make_log(rows, customers)
    print(f"generated {len(tx):,} transactions of {tx['customer_id'].nunique():,} customers "
          f"in {time.perf_counter() - t0:.1f} s")

    t_cv, scores = best_of(lambda: cvlib_rfm(tx))
    print(f"cvlib rfm_table + rfm_scores: {t_cv:.2f} s  (goal: 3 s or less) "
          f"-> {'OK' if t_cv <= 3 else 'SLOWER THAN GOAL'}")

    t_pd, ref = best_of(lambda: pandas_rfm(tx), repeat=1)
    same = (np.array_equal(ref["recency"].to_numpy(), scores["recency"].to_numpy())
            and np.array_equal(ref["frequency"].to_numpy(), scores["frequency"].to_numpy())
            and np.allclose(ref["monetary"].to_numpy(), scores["monetary"].to_numpy()))
    print(f"pandas groupby (recency, frequency, monetary only): {t_pd:.2f} s; "
          f"ratio pandas / cvlib = {t_pd / t_cv:.1f}x; same numbers: {same}")

    t_lt = time_lifetimes(tx)
    if t_lt is not None:
        print(f"lifetimes summary_data_from_transaction_data: {t_lt:.2f} s; "
              f"ratio lifetimes / cvlib = {t_lt / t_cv:.1f}x")
    return 0


_LIFETIMES_SCRIPT = """
import sys, time
import numpy as np, pandas as pd
from lifetimes.utils import summary_data_from_transaction_data
folder = sys.argv[1]
tx = pd.DataFrame({"customer_id": np.load(folder + "/c.npy"),
                   "date": np.load(folder + "/d.npy").astype("datetime64[ns]"),
                   "amount": np.load(folder + "/a.npy")})
t0 = time.perf_counter()
summary_data_from_transaction_data(tx, "customer_id", "date", monetary_value_col="amount",
                                   observation_period_end="2024-12-31")
print(time.perf_counter() - t0)
"""


def time_lifetimes(tx: pd.DataFrame) -> float | None:
    """Seconds lifetimes takes for its summary, or None (with a message) when not available.

    lifetimes is imported here when installed; otherwise the environment variable
    ``LIFETIMES_PYTHON`` may name the interpreter of a separate environment that has it
    (e.g. ``/tmp/ltenv/bin/python``): the log is handed over as ``.npy`` arrays.
    """
    try:
        from lifetimes.utils import summary_data_from_transaction_data
    except ImportError:
        pass
    else:
        t, _ = best_of(lambda: summary_data_from_transaction_data(
            tx, "customer_id", "date", monetary_value_col="amount",
            observation_period_end="2024-12-31"), repeat=1)
        return t
    other = os.environ.get("LIFETIMES_PYTHON")
    if not other:
        print("lifetimes is not installed: its summary_data_from_transaction_data is not timed "
              "(install it in a separate environment and set LIFETIMES_PYTHON to its python)")
        return None
    with tempfile.TemporaryDirectory() as folder:
        np.save(f"{folder}/c.npy", tx["customer_id"].to_numpy())
        np.save(f"{folder}/d.npy", tx["date"].to_numpy().astype("datetime64[D]"))
        np.save(f"{folder}/a.npy", tx["amount"].to_numpy())
        run = subprocess.run([other, "-c", _LIFETIMES_SCRIPT, folder], capture_output=True,
                             text=True, check=False)
    if run.returncode != 0:
        print(f"lifetimes in {other} failed: {run.stderr.strip().splitlines()[-1:]}")
        return None
    print(f"(lifetimes timed in {other})")
    return float(run.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

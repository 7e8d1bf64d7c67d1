"""Speed of cvlib.lifetime: BG/NBD on CDNOW, BG/NBD on a million customers, summarize on 10M rows.

Run: ``CVLIB_DATA_HOME=../shared/datasets .venv/bin/python benchmarks/bench_lifetime.py``.

Goals (issue 5): BG/NBD on the CDNOW summary, standard errors included, in at
most half the time of lifetimes 0.11.3's ``BetaGeoFitter`` (ratio printed when
``lifetimes`` is importable); BG/NBD on 1,000,000 customers in 2 s or less;
``summarize`` on a 10-million-row log of 1,000,000 customers in 4 s or less.
Issue 15: intervals (1,000 parametric draws) for P(alive) and expected purchases of the
2,357 CDNOW customers in 2 s or less each; the CLV interval is printed too.
Times are the best of a few repeats (the machine is shared).

lifetimes is not a dependency of the workbook; to measure the ratio, install it
outside the project environment, e.g.
``pip install --target /tmp/ltlib --no-deps lifetimes==0.11.3 autograd dill`` and
run this script with ``PYTHONPATH=/tmp/ltlib``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from _timing import best_of  # benchmarks/_timing.py

from cvlib.datasets import fetch_cdnow_summary
from cvlib.lifetime import BetaGeo, GammaGamma, ParetoNBD, summarize


def million_customer_summary(seed: int = 1, n: int = 1_000_000) -> pd.DataFrame:
    """A BG/NBD customer base observed in whole days (weeks = days / 7), 52-week horizon."""
    rng = np.random.default_rng(seed)
    birth = rng.integers(0, 84, size=n)                       # cohort acquired over 12 weeks
    horizon = 364 - birth                                       # days observed
    lam = rng.gamma(0.25, 1 / 4.0, size=n) / 7                  # purchases per day
    p = rng.beta(0.8, 2.5, size=n)
    # K = purchase after which the customer drops out ~ geometric(p); while alive she buys at
    # the N arrivals of a Poisson process on (0, horizon]: x = min(K, N) repeat purchases, the
    # last at the x-th of N uniform order statistics ~ horizon * Beta(x, N - x + 1)
    k_drop = rng.geometric(p)
    arrivals = rng.poisson(lam * horizon)
    x = np.minimum(k_drop, arrivals)
    frac = rng.beta(np.maximum(x, 1), np.maximum(arrivals - x, 0) + 1)
    last = np.where(x > 0, np.clip(np.ceil(frac * horizon), 1, horizon), 0)
    return pd.DataFrame({"frequency": x, "recency": last / 7, "T": horizon / 7})


def ten_million_row_log(seed: int = 2, n_customers: int = 1_000_000,
                        n_rows: int = 10_000_000) -> pd.DataFrame:
    """A random log: 10 rows per customer on average, dates over two years, sorted by date."""
    rng = np.random.default_rng(seed)
    cust = rng.integers(0, n_customers, size=n_rows)
    days = rng.integers(0, 730, size=n_rows)
    order = np.argsort(days, kind="stable")
    return pd.DataFrame({
        "customer_id": cust[order],
        "date": np.datetime64("2022-01-01") + days[order].astype("timedelta64[D]"),
        "amount": np.round(rng.gamma(2.0, 20.0, size=n_rows), 2) + 0.01,
    })


def main() -> None:
    cdnow = fetch_cdnow_summary()[["frequency", "recency", "T"]]

    def cvlib_fit():
        m = BetaGeo().fit(cdnow)
        _ = m.bse                                   # standard errors included
        return m

    t_cv, model = best_of(cvlib_fit, 10)
    print(f"BG/NBD on CDNOW (2,357 customers), with standard errors: {1000 * t_cv:.1f} ms")
    print(f"  r, alpha, a, b = {model.params.round(3).tolist()}, loglik {model.loglik:.1f}")
    try:
        from lifetimes import BetaGeoFitter
    except ImportError:
        print("  lifetimes is not installed: no ratio (goal: at most half of lifetimes 0.11.3, "
              "about 80 ms here)")
    else:
        def lt_fit():
            f = BetaGeoFitter().fit(cdnow["frequency"], cdnow["recency"], cdnow["T"])
            _ = f.summary                           # lifetimes' standard errors
            return f

        t_lt, _ = best_of(lt_fit, 5)
        print(f"  lifetimes BetaGeoFitter: {1000 * t_lt:.1f} ms; cvlib / lifetimes = "
              f"{t_cv / t_lt:.2f} (goal <= 0.5)")

    full = fetch_cdnow_summary()
    pn = ParetoNBD().fit(cdnow)
    gg = GammaGamma().fit(full[full["frequency"] > 0])
    for name, m in (("BG/NBD", model), ("Pareto/NBD", pn)):
        for quantity, kw in (("p_alive", {}), ("expected_purchases", {"t": 39})):
            t_int, out = best_of(lambda m=m, q=quantity, kw=kw: m.predict_interval(
                q, cdnow, n_boot=1000, seed=1, **kw), 3)
            print(f"{name} {quantity} intervals, 2,357 customers x 1,000 draws: {t_int:.2f} s "
                  f"(goal <= 2 s)")
    t_clv, out = best_of(lambda: model.predict_interval("clv", full, spend_model=gg, n_boot=1000,
                                                        seed=1, total=True), 1)
    print(f"BG/NBD + Gamma-Gamma CLV interval (12 months), 2,357 customers x 1,000 draws: "
          f"{t_clv:.2f} s; total {out.iloc[0]['estimate']:,.0f} "
          f"[{out.iloc[0]['ci_low']:,.0f}, {out.iloc[0]['ci_high']:,.0f}]")

    big = million_customer_summary()
    t_big, m_big = best_of(lambda: BetaGeo().fit(big), 3)
    print(f"BG/NBD on {len(big):,} customers ({m_big.n_patterns:,} distinct patterns): "
          f"{t_big:.2f} s (goal <= 2 s)")
    print(f"  r, alpha, a, b = {m_big.params.round(3).tolist()} (generated with 0.25, 4, 0.8, 2.5)")

    log = ten_million_row_log()
    t_sum, s = best_of(lambda: summarize(log, calibration_end="2023-06-30"), 3)
    print(f"summarize on {len(log):,} rows, {len(s):,} customers: {t_sum:.2f} s (goal <= 4 s)")


if __name__ == "__main__":
    main()

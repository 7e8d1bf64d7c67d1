"""A small shop's transaction log for the start-here notebook (data flow demo)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import SyntheticData


def small_shop(seed: int = 2024) -> pd.DataFrame:
    """Generate one year of a small shop's purchases (120 customers, about 700 rows).

    Each customer has a purchase rate drawn from a gamma distribution (most
    buy rarely, a few often) and a typical basket drawn from a log-normal
    distribution; purchase dates are uniform over 2024 with a December peak.
    """
    rng = np.random.default_rng(seed)
    n = 120
    rate = rng.gamma(shape=1.2, scale=5.0, size=n)          # purchases per year
    basket = rng.lognormal(mean=3.3, sigma=0.6, size=n)     # typical spend per visit
    segment = rng.choice(["walk-in", "member"], size=n, p=[0.7, 0.3])
    rows = []
    days = pd.date_range("2024-01-01", "2024-12-31", freq="D")
    weights = np.where(days.month == 12, 2.0, 1.0)
    weights = weights / weights.sum()
    for i in range(n):
        k = 1 + rng.poisson(rate[i] * (1.5 if segment[i] == "member" else 1.0))
        when = np.sort(rng.choice(len(days), size=k, p=weights))
        spend = basket[i] * rng.gamma(shape=8.0, scale=1 / 8.0, size=k)
        for d, a in zip(when, spend, strict=True):
            rows.append((f"C{i + 1:03d}", days[d], segment[i], round(float(a), 2)))
    out = pd.DataFrame(rows, columns=["customer_id", "date", "segment", "amount"])
    out["segment"] = pd.Categorical(out["segment"], categories=["walk-in", "member"])
    return out.sort_values(["date", "customer_id"], kind="stable").reset_index(drop=True)


DATASETS = [
    SyntheticData(
        name="small_shop",
        generate=small_shop,
        description="One year of purchases at a small shop: customer_id, date, segment, amount (CNY)",
        dates=("date",),
        categories=("segment",),
        notebook="00_start_here",
        columns={
            "customer_id": "customer code C001-C120",
            "date": "purchase date (2024; days drawn uniformly, December weighted twice)",
            "segment": "walk-in or member (30% members, who buy 1.5 times as often)",
            "amount": "basket value in CNY, 2 decimals: the customer's log-normal typical basket "
                      "times a gamma(8, 1/8) visit factor",
        },
    ),
]

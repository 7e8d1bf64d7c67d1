"""An online shop's transaction log simulated from known BG/NBD and Gamma-Gamma parameters.

Used in notebook 05 to show that the estimators recover the truth: fit
:class:`cvlib.lifetime.BetaGeo` and :class:`cvlib.lifetime.GammaGamma` to the
summary of the log and compare with :data:`LIFETIME_TRUTH`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import SyntheticData

__all__ = ["LIFETIME_TRUTH", "lifetime_transactions"]

#: The parameters the log is generated from (time unit: weeks; spend in CNY).
LIFETIME_TRUTH = {
    "bgnbd": {"r": 0.35, "alpha": 5.0, "a": 0.9, "b": 3.0},
    "gamma_gamma": {"p": 5.0, "q": 4.0, "gamma": 24.0},
    "start": "2024-01-01",
    "cohort_weeks": 12,
    "calibration_end": "2024-12-29",
    "observation_end": "2025-06-29",
    "customers": 3000,
}


def lifetime_transactions(seed: int = 5) -> pd.DataFrame:
    """Simulate 18 months of purchases of a cohort of 3,000 new customers (BG/NBD + Gamma-Gamma).

    Each customer makes a first purchase at a uniformly random moment of the
    first 12 weeks of 2024.  She then buys at her own Poisson rate
    lambda ~ Gamma(r, alpha) per week while alive, and after each repeat
    purchase drops out for good with her own probability p ~ Beta(a, b)
    (the BG/NBD story, Fader, Hardie & Lee 2005).  Each purchase is worth
    z ~ Gamma(shape p_gg, rate nu) with nu ~ Gamma(q, gamma) per customer
    (the Gamma-Gamma story): spend is skewed, and customers differ in their
    typical basket (mean p_gg * gamma / (q - 1) = 40 CNY).  Observation ends
    on 2025-06-29 (78 weeks after the start).  Parameters: :data:`LIFETIME_TRUTH`.
    """
    truth = LIFETIME_TRUTH
    bg, gg = truth["bgnbd"], truth["gamma_gamma"]
    rng = np.random.default_rng(seed)
    n = int(truth["customers"])
    start = pd.Timestamp(truth["start"])
    horizon = (pd.Timestamp(truth["observation_end"]) - start).days + 1    # days observed
    birth = rng.integers(0, 7 * truth["cohort_weeks"], size=n).astype(float)  # days
    lam = rng.gamma(bg["r"], 1 / bg["alpha"], size=n) / 7.0                # purchases per day
    drop = rng.beta(bg["a"], bg["b"], size=n)
    nu = rng.gamma(gg["q"], 1 / gg["gamma"], size=n)
    cust, when = [], []
    for i in range(n):
        t = birth[i]
        cust.append(i)
        when.append(t)
        while True:
            t += rng.exponential(1 / lam[i])
            if t >= horizon:
                break
            cust.append(i)
            when.append(t)
            if rng.random() < drop[i]:
                break
    cust = np.asarray(cust)
    when = np.asarray(when)
    amount = np.round(rng.gamma(gg["p"], 1 / nu[cust]), 2)
    amount = np.maximum(amount, 0.01)
    dates = start + pd.to_timedelta(np.floor(when).astype(int), unit="D")
    out = pd.DataFrame({
        "customer_id": [f"U{i + 1:04d}" for i in cust],
        "date": dates,
        "amount": amount,
    })
    return out.sort_values(["date", "customer_id"], kind="stable").reset_index(drop=True)


DATASETS = [
    SyntheticData(
        name="lifetime_transactions",
        generate=lifetime_transactions,
        description=(
            "An online shop's cohort of 3,000 customers acquired in Q1 2024, followed to "
            "2025-06-29: one row per purchase, simulated from known BG/NBD and Gamma-Gamma "
            "parameters (cvlib.synthetic.lifetime.LIFETIME_TRUTH)"
        ),
        dates=("date",),
        notebook="05_lifetime_value",
        columns={
            "customer_id": "customer code U0001-U3000",
            "date": "purchase day; first purchases uniform over the first 12 weeks of 2024, "
                    "repeat purchases at the customer's Poisson rate lambda ~ Gamma(r=0.35, "
                    "alpha=5) per week while alive; after each repeat purchase the customer "
                    "leaves for good with probability p ~ Beta(a=0.9, b=3)",
            "amount": "spend in CNY, 2 decimals: Gamma(shape 5, rate nu) per purchase, with "
                      "nu ~ Gamma(q=4, gamma=24) per customer (mean 40 CNY, right-skewed)",
        },
    ),
]

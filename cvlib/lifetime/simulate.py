r"""Simulators of the purchase models: draw customer summaries from given parameters.

Each model's ``simulate`` method (:meth:`BetaGeo.simulate <cvlib.lifetime.BetaGeo.simulate>`,
:meth:`ParetoNBD.simulate <cvlib.lifetime.ParetoNBD.simulate>`,
:meth:`BetaGeoBeta.simulate <cvlib.lifetime.BetaGeoBeta.simulate>`) draws every
customer's latent rates from the model's mixing distributions and then her
purchase history, exactly as the model's story tells it; this module holds the
shared event loop.  A simulated base has a known truth, which is what the
tests of the estimators, of the intervals and of the covariate effects need.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._validate import as_rng

__all__ = ["simulate_poisson_histories"]


def _check_size(n_customers) -> int:
    if isinstance(n_customers, bool) or int(n_customers) != n_customers or n_customers < 1:
        raise ValueError(f"n_customers must be a whole number >= 1, got {n_customers!r}")
    return int(n_customers)


def _check_times(T, n: int, holdout) -> tuple[np.ndarray, float]:
    t_end = np.broadcast_to(np.asarray(T, dtype=float), (n,)).copy()
    if not np.isfinite(t_end).all() or (t_end <= 0).any():
        raise ValueError("T (length of each customer's calibration period) must be finite and > 0")
    h = float(holdout)
    if not np.isfinite(h) or h < 0:
        raise ValueError(f"holdout (length of the holdout period) must be finite and >= 0, got {holdout!r}")
    return t_end, h


def simulate_poisson_histories(lam, T, holdout: float = 0.0, *, death_time=None, drop_p=None,
                               seed=None) -> pd.DataFrame:
    r"""Histories of customers buying at Poisson rates until they drop out.

    Customer *i* buys at the arrivals of a Poisson process of rate
    :math:`\lambda_i` after her first purchase at time 0.  She drops out
    either at ``death_time[i]`` (Pareto/NBD: an exponential lifetime) or,
    with probability ``drop_p[i]``, right after each repeat purchase (BG/NBD).
    Purchases in :math:`(0, T_i]` make the calibration summary, purchases in
    :math:`(T_i, T_i + \text{holdout}]` the holdout count.

    Parameters
    ----------
    lam : array-like
        Purchase rates per time unit (> 0), one per customer.
    T : float or array-like
        Length of each customer's calibration period, in the same time unit.
    holdout : float
        Length of the holdout period (0: none).
    death_time, drop_p : array-like, optional
        The dropout mechanism (exactly one of them).
    seed : int, numpy Generator or None
        Random numbers.

    Returns
    -------
    DataFrame
        ``frequency``, ``recency``, ``T``, ``alive`` (still active at T) and,
        when ``holdout > 0``, ``frequency_holdout`` and ``duration_holdout``.

    Examples
    --------
    >>> s = simulate_poisson_histories([1.0, 2.0], 10.0, death_time=[0.0, 100.0], seed=1)
    >>> int(s["frequency"].iloc[0]), bool(s["alive"].iloc[1])
    (0, True)
    """
    rng = as_rng(seed)
    lam = np.asarray(lam, dtype=float).ravel()
    n = lam.size
    t_end, h = _check_times(T, n, holdout)
    horizon = t_end + h
    if (death_time is None) == (drop_p is None):
        raise ValueError("give exactly one dropout mechanism: death_time or drop_p")
    death = np.full(n, np.inf) if death_time is None else np.asarray(death_time, dtype=float).ravel()
    p = None if drop_p is None else np.asarray(drop_p, dtype=float).ravel()
    stop = np.minimum(death, horizon)
    x_cal = np.zeros(n)
    last = np.zeros(n)
    x_hold = np.zeros(n)
    dropped = np.zeros(n, dtype=bool)       # BG/NBD: dropped out after a purchase
    now = np.zeros(n)
    active = lam > 0
    idx = np.flatnonzero(active)
    while idx.size:
        now[idx] += rng.exponential(1.0 / lam[idx])
        buy = now[idx] <= stop[idx]
        idx = idx[buy]
        if not idx.size:
            break
        cal = now[idx] <= t_end[idx]
        x_cal[idx[cal]] += 1
        last[idx[cal]] = now[idx[cal]]
        x_hold[idx[~cal]] += 1
        if p is not None:
            gone = rng.random(idx.size) < p[idx]
            dropped[idx[gone]] = dropped[idx[gone]] | (now[idx[gone]] <= t_end[idx[gone]])
            # a customer dropping out after a holdout purchase is alive at T but buys no more
            idx = idx[~gone]
    if p is not None:
        alive = ~dropped
    else:
        alive = death > t_end
    out = pd.DataFrame({"frequency": x_cal, "recency": last, "T": t_end, "alive": alive})
    if h > 0:
        out["frequency_holdout"] = x_hold
        out["duration_holdout"] = h
    return out


def simulate_bgbb_histories(p, theta, n_periods, holdout: int = 0, *, seed=None) -> pd.DataFrame:
    """Discrete-time histories of the BG/BB model (used by :meth:`BetaGeoBeta.simulate`).

    At each opportunity 1, 2, ... an active customer first survives with
    probability 1 - theta, then, if still active, transacts with probability p.
    ``alive`` is whether she is still active at opportunity n + 1 (the event
    whose probability is the BG/BB's P(alive), Fader, Hardie & Shang 2010, eq. 11).

    >>> s = simulate_bgbb_histories([1.0, 0.0], [0.0, 0.0], 5, seed=1)
    >>> s["frequency"].tolist(), s["recency"].tolist()
    ([5.0, 0.0], [5.0, 0.0])
    """
    rng = as_rng(seed)
    p = np.asarray(p, dtype=float).ravel()
    theta = np.asarray(theta, dtype=float).ravel()
    n = p.size
    periods = np.broadcast_to(np.asarray(n_periods), (n,)).astype(int)
    total = int(periods.max()) + max(int(holdout), 1)
    alive = np.ones(n, dtype=bool)
    x = np.zeros(n)
    last = np.zeros(n)
    x_hold = np.zeros(n)
    alive_at_n = np.ones(n, dtype=bool)
    for t in range(1, total + 1):
        alive &= rng.random(n) >= theta
        in_cal = t <= periods
        in_hold = (t > periods) & (t <= periods + holdout)
        buy = alive & (rng.random(n) < p)
        x += buy & in_cal
        last = np.where(buy & in_cal, t, last)
        x_hold += buy & in_hold
        alive_at_n = np.where(t == periods + 1, alive, alive_at_n)
    out = pd.DataFrame({"frequency": x, "recency": last, "periods": periods.astype(float),
                        "alive": alive_at_n})
    if holdout:
        out["frequency_holdout"] = x_hold
        out["duration_holdout"] = float(holdout)
    return out

"""The one bootstrap of cvlib: resample weights and percentile intervals.

Every bootstrap in the library (profiles, satisfaction indices, perceived
value by group, Cronbach's alpha, PLS) draws its resamples with
:func:`resample_counts` and summarises the draws with :func:`percentile_table`,
so one seed gives the same resamples everywhere and the interval is computed
one way.  A resample is a row of counts: how often each of the ``n`` rows was
drawn; a statistic that is a sum or a mean is then a matrix product, which
keeps a thousand resamples fast.

>>> import numpy as np
>>> counts = resample_counts(4, 3, seed=1)
>>> counts.shape, counts.sum(axis=1).tolist()
((3, 4), [4.0, 4.0, 4.0])
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._validate import as_rng, check_ci, check_n_boot

__all__ = ["resample_counts", "resample_indices", "percentile_interval", "percentile_table"]


def resample_counts(n: int, n_boot: int, seed=None) -> np.ndarray:
    """``n_boot`` x ``n`` matrix of how often each of ``n`` rows is drawn (each row sums to n)."""
    n_boot = check_n_boot(n_boot)
    if n < 1:
        raise ValueError(f"cannot resample {n} rows; the bootstrap needs at least one row")
    rng = as_rng(seed)
    return rng.multinomial(n, np.full(n, 1.0 / n), size=n_boot).astype(float)


def resample_indices(n: int, n_boot: int, seed=None) -> np.ndarray:
    """``n_boot`` x ``n`` matrix of row indices drawn with replacement."""
    n_boot = check_n_boot(n_boot)
    if n < 1:
        raise ValueError(f"cannot resample {n} rows; the bootstrap needs at least one row")
    return as_rng(seed).integers(0, n, size=(n_boot, n))


def percentile_interval(draws, ci: float = 0.95, axis: int = 0):
    """Bootstrap standard error and percentile interval of ``draws`` along ``axis``.

    Non-finite draws (a resample where the statistic is undefined) are left
    out.  Returns ``(se, ci_low, ci_high)`` as arrays (floats for 1-D input).

    >>> se, lo, hi = percentile_interval(np.arange(101.0), ci=0.9)
    >>> round(lo, 6), round(hi, 6)
    (5.0, 95.0)
    """
    ci = check_ci(ci)
    d = np.asarray(draws, dtype=float)
    d = np.where(np.isfinite(d), d, np.nan)
    g = (1 - ci) / 2
    with np.errstate(invalid="ignore"):
        se = np.nanstd(d, axis=axis, ddof=1)
        lo, hi = np.nanquantile(d, [g, 1 - g], axis=axis)
    if d.ndim == 1:
        return float(se), float(lo), float(hi)
    return se, lo, hi


def percentile_table(estimates, draws, ci: float = 0.95, index=None) -> pd.DataFrame:
    """``estimate``, ``se``, ``ci_low``, ``ci_high`` from point estimates and bootstrap draws.

    ``draws`` has one row per resample and one column per estimate.
    """
    est = np.atleast_1d(np.asarray(estimates, dtype=float))
    se, lo, hi = percentile_interval(np.asarray(draws, dtype=float).reshape(-1, len(est)), ci)
    return pd.DataFrame({"estimate": est, "se": se, "ci_low": lo, "ci_high": hi}, index=index)

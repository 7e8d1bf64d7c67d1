r"""The shifted-beta-geometric (sBG) model of contract renewals (Fader & Hardie 2007)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy.special import betaln, digamma

from .._validate import check_share, require_columns
from ._base import FittedModel, _as_array, _dot, _hyp2f1_1, _log_init, _wrap

__all__ = ["ShiftedBetaGeometric"]


def _finite(value, name: str) -> float:
    if isinstance(value, bool):
        raise TypeError(f"{name} must be a number, got {value!r}")
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a number, got {value!r}") from None
    if not math.isfinite(v):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return v


class ShiftedBetaGeometric(FittedModel):
    r"""The shifted-beta-geometric (sBG) model of contract renewals (Fader & Hardie 2007).

    Each customer renews at the end of every period with her own probability
    :math:`1-\theta`, :math:`\theta \sim \text{Beta}(\alpha, \beta)` across
    customers, so the first period of churn T has

    .. math::

        P(T=1) = \frac{\alpha}{\alpha+\beta}, \quad
        P(T=t) = \frac{\beta+t-2}{\alpha+\beta+t-1} P(T=t-1), \quad
        S(t) = \frac{B(\alpha, \beta+t)}{B(\alpha, \beta)},

    and the retention rate :math:`r_t = (\beta+t-1)/(\alpha+\beta+t-1)`
    rises with t (the least loyal leave first).  Fitted to the number of
    customers still active at the start of periods 0, 1, ..., n:
    :math:`LL = \sum_{t=1}^n (n_{t-1}-n_t)\ln P(T=t) + n_n \ln S(n)`.

    Examples
    --------
    >>> m = ShiftedBetaGeometric().fit([1000, 631, 468, 382, 326, 289, 262, 241])
    >>> m.params.round(3).tolist()
    [0.704, 1.182]

    References
    ----------
    Fader & Hardie (2007), How to project customer retention, Journal of
    Interactive Marketing 21(1): "regular" segment, alpha = 0.704, beta = 1.182.
    """

    param_names = ("alpha", "beta")
    model_name = "sBG"
    citation = "Fader & Hardie (2007), Journal of Interactive Marketing 21(1), 76-90"

    def fit(self, alive, column: str = "alive", n_periods: int | None = None,
            init=None) -> ShiftedBetaGeometric:
        """Estimate alpha and beta from the survivors at the start of each period.

        Parameters
        ----------
        alive : sequence of int, Series or DataFrame
            Customers active at the start of period 0 (the cohort), 1, 2, ...;
            non-increasing.  A DataFrame (e.g. ``fetch_sbg_retention()``) is
            read from its column ``column``.
        column : str
            Column of a DataFrame input.
        n_periods : int, optional
            Use only periods 0..n_periods (e.g. 7 for the calibration years of
            Fader & Hardie 2007); default all.
        init : sequence of 2 floats, optional
            Starting values (alpha, beta).

        Returns
        -------
        ShiftedBetaGeometric
            ``self``, fitted; ``data`` holds the counts it was fitted on
            (columns ``period`` and ``alive``).

        Raises
        ------
        ModelFitError
            When the counts cannot identify alpha and beta: nobody left the
            cohort, everybody left in the first period, or only one period
            of renewals is given.
        """
        if isinstance(alive, pd.DataFrame):
            require_columns(alive, [column], "data")
            alive = alive[column]
        n = _as_array(alive, "alive").ravel()
        if n_periods is not None:
            if int(n_periods) < 1 or int(n_periods) >= n.size:
                raise ValueError(f"n_periods must be between 1 and {n.size - 1}, got {n_periods}")
            n = n[: int(n_periods) + 1]
        if n.size < 2:
            raise ValueError("give at least two counts: the cohort size and the survivors a period later")
        if (n < 0).any() or n[0] <= 0:
            raise ValueError(f"alive counts must be positive, got {n.tolist()}")
        if (np.diff(n) > 0).any():
            i = int(np.flatnonzero(np.diff(n) > 0)[0])
            raise ValueError(
                f"alive counts must not increase (a cohort only loses customers): period {i + 1} "
                f"has {n[i + 1]:g} > {n[i]:g}. Give the survivors of one cohort, not new customers."
            )
        if (n != np.round(n)).any():
            raise ValueError(f"alive counts must be whole numbers of customers, got {n.tolist()}")
        lost = -np.diff(n)
        why = None
        if lost.sum() == 0:
            why = (f"no customer left the cohort ({n.tolist()}): every retention rate is 1, so "
                   f"the churn probabilities run off to 0. The sBG needs some churn.")
        elif n[-1] == 0 and lost[0] == n[0]:
            why = ("every customer left in the first period: nothing tells how churn "
                   "probabilities differ between customers.")
        elif n.size >= 3 and lost[0] > 0 and lost[1:].sum() == 0:
            why = (f"customers left only in the first period and nobody afterwards "
                   f"({n.tolist()}): the counts look like two groups, one that leaves at once and "
                   f"one that never leaves, and alpha and beta run off to 0.")
        elif n.size < 3:
            why = (f"one period of renewals ({n.tolist()}) gives one retention rate, which any "
                   f"alpha / (alpha + beta) can match: give the survivors of at least two periods "
                   f"(three counts).")
        if why is not None:
            raise self._unidentified("ShiftedBetaGeometric", why)
        t = np.arange(1, n.size)
        last = n.size - 1
        self.nobs, self.n_patterns = float(n[0]), int(n.size)

        def negll(phi):
            al, be = np.exp(phi)
            lp = betaln(al + 1, be + t - 1) - betaln(al, be)
            ls = betaln(al, be + last) - betaln(al, be)
            return -(_dot(lost, lp) + n[-1] * ls)

        def grad(phi):
            al, be = np.exp(phi)
            psi_ab = digamma(al + be)
            dpa = digamma(al + 1) - digamma(al + be + t) - digamma(al) + psi_ab
            dpb = digamma(be + t - 1) - digamma(al + be + t) - digamma(be) + psi_ab
            dsa = psi_ab - digamma(al + be + last)
            dsb = digamma(be + last) - digamma(al + be + last) - digamma(be) + psi_ab
            g = np.array([_dot(lost, dpa) + n[-1] * dsa, _dot(lost, dpb) + n[-1] * dsb])
            return -g * np.array([al, be])

        starts = [np.zeros(2) if init is None else _log_init(init),
                  np.log([0.5, 2.0]), np.log([2.0, 0.5])]
        self._optimize(negll, grad, self.nobs, starts)
        self.data = pd.DataFrame({"period": np.arange(n.size), "alive": n})
        return self

    _nobs_label = "customers in the cohort"
    _patterns_label = "counts of survivors"

    def churn_probability(self, t):
        """P(T = t): the probability of leaving at the end of period t (t = 1, 2, ...)."""
        al, be = self._require_fitted()
        tt = _as_array(t, "t")
        if (tt < 1).any():
            raise ValueError("t must be >= 1")
        return _wrap(np.exp(betaln(al + 1, be + tt - 1) - betaln(al, be)), t)

    def survival(self, t):
        """S(t) = B(alpha, beta + t) / B(alpha, beta): share of the cohort still active after t periods."""
        al, be = self._require_fitted()
        tt = _as_array(t, "t")
        if (tt < 0).any():
            raise ValueError("t must be >= 0")
        return _wrap(np.exp(betaln(al, be + tt) - betaln(al, be)), t)

    def retention_rate(self, t):
        """r_t = S(t) / S(t-1) = (beta + t - 1) / (alpha + beta + t - 1), t = 1, 2, ..."""
        al, be = self._require_fitted()
        tt = _as_array(t, "t")
        if (tt < 1).any():
            raise ValueError("t must be >= 1")
        return _wrap((be + tt - 1) / (al + be + tt - 1), t)

    def projection(self, n_periods: int = 12, cohort: float | None = None) -> pd.DataFrame:
        """Survival, retention rate and expected survivors for periods 0..n_periods.

        ``cohort`` defaults to the fitted cohort size (or 1000); when the model
        was fitted, the observed counts are shown alongside.
        """
        self._require_fitted()
        periods = np.arange(int(n_periods) + 1)
        if cohort is None:
            cohort = float(self.data["alive"].iloc[0]) if self.data is not None else 1000.0
        out = pd.DataFrame({"period": periods})
        out["survival"] = np.asarray(self.survival(periods))
        out["retention_rate"] = np.r_[np.nan, np.asarray(self.retention_rate(periods[1:]))]
        out["expected_alive"] = cohort * out["survival"]
        observed = None if self.data is None else self.data["alive"].to_numpy()
        if observed is not None:
            obs = np.full(periods.size, np.nan)
            k = min(observed.size, periods.size)
            obs[:k] = observed[:k]
            out["observed_alive"] = obs
        return out

    def discounted_expected_lifetime(self, discount_rate: float) -> float:
        r"""DEL(d) = sum_{t>=0} S(t) / (1+d)^t = 2F1(1, beta; alpha+beta; 1/(1+d)).

        The discounted number of payments of a new customer who pays at the
        start of every period she is active (the first payment undiscounted).
        Fader & Hardie (2010), eq. 5.
        """
        al, be = self._require_fitted()
        d = self._check_rate(discount_rate)
        return float(_hyp2f1_1(be, al + be, 1.0 / (1.0 + d)))

    def discounted_expected_residual_lifetime(self, discount_rate: float, renewals: int) -> float:
        r"""DERL(d | n-1 renewals): the discounted payments still to come from a customer
        who has renewed n-1 times and is about to decide on renewal n.

        .. math:: DERL = \frac{\beta+n-1}{\alpha+\beta+n-1}\,
                  {}_2F_1\left(1, \beta+n; \alpha+\beta+n; \frac{1}{1+d}\right)

        (Fader & Hardie 2010, eq. 6); ``renewals`` = n - 1 >= 0 (0 = just acquired,
        before the first renewal).
        """
        al, be = self._require_fitted()
        d = self._check_rate(discount_rate)
        if isinstance(renewals, bool) or int(renewals) != renewals or renewals < 0:
            raise ValueError(f"renewals must be a whole number >= 0, got {renewals}")
        n = int(renewals) + 1
        return float((be + n - 1) / (al + be + n - 1)
                     * _hyp2f1_1(be + n, al + be + n, 1.0 / (1.0 + d)))

    def customer_lifetime_value(self, margin: float, discount_rate: float) -> float:
        """Expected CLV of a new customer paying ``margin`` at the start of each period: m DEL(d).

        Parameters
        ----------
        margin : float
            Margin per period (currency, may be negative for a loss-making customer).
        discount_rate : float
            Discount rate per period, a fraction in (0, 1] (0.10 for 10%).

        Returns
        -------
        float

        Examples
        --------
        >>> m = ShiftedBetaGeometric.from_params(alpha=0.704, beta=1.182)
        >>> round(m.customer_lifetime_value(100, 0.10), 1)
        369.5
        """
        return _finite(margin, "margin") * self.discounted_expected_lifetime(discount_rate)

    def residual_lifetime_value(self, margin: float, discount_rate: float, renewals: int) -> float:
        """Expected residual value of an active customer with ``renewals`` renewals: m DERL.

        Parameters and returns as :meth:`customer_lifetime_value`; ``renewals``
        as in :meth:`discounted_expected_residual_lifetime`.
        """
        return _finite(margin, "margin") * self.discounted_expected_residual_lifetime(
            discount_rate, renewals)

    @staticmethod
    def _check_rate(discount_rate) -> float:
        """A discount rate per period, a fraction in (0, 1]: 0.10, not 10 (and > 0 for a finite value)."""
        return check_share(discount_rate, "discount_rate", allow_zero=False)

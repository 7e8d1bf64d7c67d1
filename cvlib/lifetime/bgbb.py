r"""The BG/BB model of discrete-time repeat transactions (Fader, Hardie & Shang 2010)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import betaln, digamma, gammaln

from ._base import (
    FittedModel,
    _as_array,
    _check_horizon,
    _dot,
    _fast_collapse,
    _fitted_data,
    _log_init,
    _numeric_columns,
    _weights_from,
    _wrap,
)

__all__ = ["BetaGeoBeta"]


def _check_bgbb(x, tx, n):
    x = _as_array(x, "frequency")
    tx = _as_array(tx, "recency")
    n = _as_array(n, "periods")
    x, tx, n = np.broadcast_arrays(x, tx, n)
    for arr, name in ((x, "frequency"), (tx, "recency"), (n, "periods")):
        if (arr < 0).any() or (arr != np.round(arr)).any():
            raise ValueError(f"{name} must hold whole numbers >= 0 (counts of periods), got "
                             f"{np.unique(arr[(arr < 0) | (arr != np.round(arr))])[:5].tolist()}")
    if (n < 1).any():
        raise ValueError("periods (number of transaction opportunities) must be >= 1")
    if (tx > n).any():
        raise ValueError(
            f"recency must not exceed T (the number of periods): {int((tx > n).sum())} row(s), "
            f"e.g. recency {tx[tx > n][0]:g} > {n[tx > n][0]:g}"
        )
    if (x > tx).any():
        raise ValueError(
            f"frequency cannot exceed recency in discrete time (x transactions need at least x "
            f"periods): {int((x > tx).sum())} row(s), e.g. frequency {x[x > tx][0]:g}, "
            f"recency {tx[x > tx][0]:g}"
        )
    zero = (x == 0) & (tx > 0)
    if zero.any():
        raise ValueError(
            f"a customer with frequency 0 (no repeat transaction) must have recency 0: "
            f"{int(zero.sum())} row(s)"
        )
    return x, tx, n


class BetaGeoBeta(FittedModel):
    r"""The BG/BB model of discrete-time repeat transactions (Fader, Hardie & Shang 2010).

    At each of n transaction opportunities (a yearly donation drive, an
    annual event), an active customer transacts with probability
    :math:`p \sim \text{Beta}(\alpha, \beta)`, and becomes inactive at the
    start of each period with probability :math:`\theta \sim
    \text{Beta}(\gamma, \delta)`.  For x transactions, the last at
    opportunity :math:`t_x`:

    .. math::

        L = \frac{B(\alpha+x, \beta+n-x)}{B(\alpha,\beta)}
            \frac{B(\gamma, \delta+n)}{B(\gamma,\delta)}
          + \sum_{i=0}^{n-t_x-1} \frac{B(\alpha+x, \beta+t_x-x+i)}{B(\alpha,\beta)}
            \frac{B(\gamma+1, \delta+t_x+i)}{B(\gamma,\delta)}

    References
    ----------
    Fader, P. S., Hardie, B. G. S. & Shang, J. (2010). Customer-base analysis in
    a discrete-time noncontractual setting. Marketing Science 29(6), 1086-1108:
    on the donations of the 1995 cohort (11,104 donors, 6 opportunities),
    alpha 1.204, beta 0.750, gamma 0.657, delta 2.783, log-likelihood -33,225.6.
    """

    param_names = ("alpha", "beta", "gamma", "delta")
    model_name = "BG/BB"
    citation = "Fader, Hardie & Shang (2010), Marketing Science 29(6), 1086-1108"

    def fit(self, data: pd.DataFrame, frequency: str = "frequency", recency: str = "recency",
            periods: str = "periods", weights=None, init=None) -> BetaGeoBeta:
        """Estimate alpha, beta, gamma, delta by maximum likelihood.

        Parameters
        ----------
        data : DataFrame
            One row per customer, or per pattern with ``weights`` (e.g.
            ``fetch_donations()`` with ``weights="weights"``).
        frequency, recency, periods : str
            Columns: repeat transactions x, the opportunity t_x of the last
            one (0 if none) and the number of opportunities n.
        weights : str or array-like, optional
            Customers each row stands for.
        """
        cols = _numeric_columns(data, {"frequency": frequency, "recency": recency,
                                       "periods": periods})
        w = _weights_from(data, weights, len(data))
        x, tx, n = _check_bgbb(cols["frequency"], cols["recency"], cols["periods"])
        data_used = _fitted_data(data, {"frequency": x, "recency": tx, "periods": n}, weights, w)
        if not (w[x > 0] > 0).any():
            raise self._unidentified(
                "BetaGeoBeta", "no customer made a repeat transaction (frequency is 0 for "
                "everyone), so the transaction and dropout probabilities cannot be told apart.")
        (x, tx, n), w = _fast_collapse([x, tx, n], w)
        self.nobs, self.n_patterns = float(w.sum()), int(w.size)

        def negll(phi):
            with np.errstate(all="ignore"):
                ll = self._loglik(np.exp(phi), x, tx, n)
            val = -_dot(w, ll)
            return val if np.isfinite(val) else np.inf

        starts = [np.zeros(4) if init is None else _log_init(init),
                  np.log([1.0, 1.0, 0.5, 3.0]), np.log([0.5, 2.0, 2.0, 0.5])]
        self._optimize(negll, None, self.nobs, starts, analytic=False)
        self.data = data_used
        return self

    _age_column = "periods"

    def simulate(self, n_customers: int, periods: int = 6, holdout: int = 0,
                 seed=None) -> pd.DataFrame:
        r"""Draw customers from the model: the BG/BB story, opportunity by opportunity.

        Each customer gets a transaction probability :math:`p_i \sim
        \text{Beta}(\alpha, \beta)` and a dropout probability :math:`\theta_i
        \sim \text{Beta}(\gamma, \delta)`; at each opportunity she first
        stays active with probability :math:`1 - \theta_i`, then, if active,
        transacts with probability :math:`p_i` (Fader, Hardie & Shang 2010).

        Parameters
        ----------
        n_customers : int
            Number of customers.
        periods : int or array-like
            Transaction opportunities in the calibration period.
        holdout : int
            Further opportunities counted as holdout (0: none).
        seed : int, Generator or None

        Returns
        -------
        DataFrame
            ``frequency``, ``recency``, ``periods``, ``alive`` (active at
            opportunity n + 1, as in :meth:`p_alive`) and, with a holdout,
            ``frequency_holdout``, ``duration_holdout``.

        Examples
        --------
        >>> bb = BetaGeoBeta.from_params(alpha=1.204, beta=0.750, gamma=0.657, delta=2.783)
        >>> sim = bb.simulate(20_000, periods=6, seed=1)
        >>> bool(abs(sim["frequency"].mean() - bb.unconditional_expected_purchases(6)) < 0.05)
        True
        """
        from .._validate import as_rng
        from .simulate import _check_size, simulate_bgbb_histories

        n = _check_size(n_customers)
        if isinstance(holdout, bool) or int(holdout) != holdout or holdout < 0:
            raise ValueError(f"holdout must be a whole number of opportunities >= 0, got {holdout!r}")
        per = np.asarray(periods)
        if (per < 1).any() or (per != np.round(per)).any():
            raise ValueError(f"periods must be whole numbers of opportunities >= 1, got {periods!r}")
        rng = as_rng(seed)
        al, be, ga, de = self._require_fitted()
        p = rng.beta(al, be, size=n)
        theta = rng.beta(ga, de, size=n)
        return simulate_bgbb_histories(p, theta, per, int(holdout), seed=rng)

    @staticmethod
    def _loglik(theta, x, tx, n):
        al, be, ga, de = theta
        bab, bgd = betaln(al, be), betaln(ga, de)
        first = betaln(al + x, be + n - x) - bab + betaln(ga, de + n) - bgd
        terms = [first]
        for i in range(int(np.max(n - tx)) if np.size(n) else 0):
            ok = i <= n - tx - 1
            term = (betaln(al + x, be + tx - x + i) - bab
                    + betaln(ga + 1, de + tx + i) - bgd)
            terms.append(np.where(ok, term, -np.inf))
        return np.logaddexp.reduce(np.vstack(terms), axis=0)

    def p_alive(self, frequency, recency, T):
        r"""P(alive at opportunity n+1 | x, t_x, n) = B(alpha+x, beta+n-x) B(gamma, delta+n+1) / [B(alpha, beta) B(gamma, delta) L].

        Fader, Hardie & Shang (2010), eq. 11.  ``T`` is the number of
        opportunities n.
        """
        theta = self._require_fitted()
        al, be, ga, de = theta
        x, tx, n = _check_bgbb(frequency, recency, T)
        num = (betaln(al + x, be + n - x) - betaln(al, be) + betaln(ga, de + n + 1)
               - betaln(ga, de))
        p = np.exp(num - self._loglik(theta, x, tx, n))
        return _wrap(p, frequency, recency, T)

    def expected_purchases(self, t, frequency, recency, T):
        r"""Expected transactions in the next t opportunities of a customer with (x, t_x, n).

        .. math::

            \frac{1}{L}\frac{B(\alpha+x+1, \beta+n-x)}{B(\alpha,\beta)}
            \frac{\delta}{\gamma-1}\frac{\Gamma(\gamma+\delta)}{\Gamma(1+\delta)}
            \left[\frac{\Gamma(1+\delta+n)}{\Gamma(\gamma+\delta+n)}
            - \frac{\Gamma(1+\delta+n+t)}{\Gamma(\gamma+\delta+n+t)}\right]

        Fader, Hardie & Shang (2010), eq. 13.
        """
        theta = self._require_fitted()
        al, be, ga, de = theta
        x, tx, n = _check_bgbb(frequency, recency, T)
        tt = _check_horizon(t)
        x, tx, n, tt = np.broadcast_arrays(x, tx, n, tt)
        lead = np.exp(betaln(al + x + 1, be + n - x) - betaln(al, be) - self._loglik(theta, x, tx, n))
        val = lead * self._gamma_part(ga, de, n, tt)
        return _wrap(val, t, frequency, recency, T)

    @staticmethod
    def _gamma_part(ga, de, n, t):
        r"""delta/(gamma-1) Gamma(gamma+delta)/Gamma(1+delta) [G(n) - G(n+t)], G(m) = Gamma(1+delta+m)/Gamma(gamma+delta+m).

        Written as :math:`-\frac{\delta}{\gamma-1} A\,\text{expm1}(\Delta)` with
        :math:`A = \Gamma(\gamma+\delta)G(n)/\Gamma(1+\delta)` and
        :math:`\Delta = \ln G(n+t) - \ln G(n)`; at and near gamma = 1, where it
        is 0/0, :math:`\Delta/(\gamma-1)` is replaced by its limit
        :math:`\psi(1+\delta+n) - \psi(1+\delta+n+t)`.
        """
        n, t = np.broadcast_arrays(np.asarray(n, dtype=float), np.asarray(t, dtype=float))
        c = gammaln(ga + de) - gammaln(1 + de)
        log_a = c + gammaln(1 + de + n) - gammaln(ga + de + n)
        if abs(ga - 1) < 1e-6:
            slope = digamma(1 + de + n) - digamma(1 + de + n + t)      # d Delta / d gamma at 1
            delta = (ga - 1) * slope
            ratio = np.where(delta == 0, slope, np.expm1(delta) / np.where(delta == 0, 1, delta) * slope)
        else:
            delta = (gammaln(1 + de + n + t) - gammaln(ga + de + n + t)) - (
                gammaln(1 + de + n) - gammaln(ga + de + n))
            ratio = np.expm1(delta) / (ga - 1)
        return -de * np.exp(log_a) * ratio

    def unconditional_expected_purchases(self, t):
        r"""E[X(n)] = alpha/(alpha+beta) delta/(gamma-1) [1 - Gamma(gamma+delta) Gamma(1+delta+n) / (Gamma(gamma+delta+n) Gamma(1+delta))].

        Expected transactions in the first n opportunities (Fader, Hardie & Shang 2010, eq. 9).
        """
        al, be, ga, de = self._require_fitted()
        tt = _check_horizon(t)
        val = al / (al + be) * self._gamma_part(ga, de, 0.0, tt)
        return _wrap(val, t)

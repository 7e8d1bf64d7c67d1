r"""The Pareto/NBD model of repeat purchases (Schmittlein, Morrison & Colombo 1987)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import expit, gammaln

from ._base import (
    FittedModel,
    _check_frt,
    _check_horizon,
    _dot,
    _fast_collapse,
    _fitted_data,
    _hyp2f1_1,
    _log_init,
    _numeric_columns,
    _weights_from,
    _wrap,
)

__all__ = ["ParetoNBD"]


def _pnbd_log_a0(theta, x, tx, T, exact: bool = True):
    """log of A_0 of Fader & Hardie (2005), eq. 22 (times s/(r+s+x) excluded).

    A_0 = F(t_x) - F(T) with F(y) = 2F1(r+s+x, b'; r+s+x+1; z(y)) / (m + y)^(r+s+x).  After
    Euler's transformation 2F1(A, B; A+1; z) = (1-z)^(1-B) 2F1(1, A+1-B; A+1; z), the
    hypergeometric factor is a series of positive terms below 1/(1-z) and the power is
    taken in logs, so nothing overflows for heavy buyers.
    """
    r, al, s, be = theta
    rsx = r + s + x
    if al >= be:
        # b' = s + 1, m = alpha, z = (alpha - beta) / (alpha + y), 1 - z = (beta + y) / (alpha + y)
        def logf(y):
            return (-s * (np.log(be + y) - np.log(al + y))
                    + np.log(_hyp2f1_1(r + x, rsx + 1, (al - be) / (al + y), exact))
                    - rsx * np.log(al + y))
    else:
        # b' = r + x, m = beta, z = (beta - alpha) / (beta + y), 1 - z = (alpha + y) / (beta + y)
        def logf(y):
            return ((1 - r - x) * (np.log(al + y) - np.log(be + y))
                    + np.log(_hyp2f1_1(s + 1, rsx + 1, (be - al) / (be + y), exact))
                    - rsx * np.log(be + y))
    f_tx, f_t = logf(tx), logf(T)
    with np.errstate(divide="ignore"):
        return f_tx + np.log1p(-np.exp(np.minimum(f_t - f_tx, 0.0)))


def _pnbd_ll(theta, x, tx, T, exact: bool = True):
    r, al, s, be = theta
    l1 = -(r + x) * np.log(al + T) - s * np.log(be + T)
    l2 = np.log(s / (r + s + x)) + _pnbd_log_a0(theta, x, tx, T, exact)
    return gammaln(r + x) - gammaln(r) + r * np.log(al) + s * np.log(be) + np.logaddexp(l1, l2)


class ParetoNBD(FittedModel):
    r"""The Pareto/NBD model of repeat purchases (Schmittlein, Morrison & Colombo 1987).

    While alive, a customer buys at Poisson rate :math:`\lambda \sim
    \text{Gamma}(r, \alpha)`; her lifetime is exponential with rate
    :math:`\mu \sim \text{Gamma}(s, \beta)` (so it may end at any time, not
    only after a purchase).  Likelihood (Fader & Hardie 2005, eq. 22):

    .. math::

        L = \frac{\Gamma(r+x)\alpha^r\beta^s}{\Gamma(r)}
        \left[\frac{1}{(\alpha+T)^{r+x}(\beta+T)^s} + \frac{s}{r+s+x} A_0\right]

    with :math:`A_0` a difference of two Gauss hypergeometric terms
    (:math:`{}_2F_1`) evaluated at :math:`t_x` and :math:`T`.  The
    hypergeometric terms are evaluated after Euler's transformation, as
    :math:`{}_2F_1(1, \cdot\,; r+s+x+1; z)` times a power written in logs, so
    neither overflows for heavy buyers; the likelihood, P(alive) and the
    expected purchases are computed from log terms.  The gradient is
    numerical, so fitting takes longer than the BG/NBD.

    Examples
    --------
    >>> pn = ParetoNBD.from_params(r=0.55, alpha=10.58, s=0.61, beta=11.67)
    >>> round(pn.p_alive(2, 30.43, 38.86), 3), round(pn.p_alive(0, 0, 38.86), 3)
    (0.868, 0.294)

    References
    ----------
    Fader & Hardie (2005), A note on deriving the Pareto/NBD model; CDNOW
    estimates (Fader, Hardie & Lee 2005a, table): r = 0.55, alpha = 10.58,
    s = 0.61, beta = 11.67, log-likelihood -9595.0.
    """

    param_names = ("r", "alpha", "s", "beta")
    model_name = "Pareto/NBD"
    citation = "Schmittlein, Morrison & Colombo (1987); Fader & Hardie (2005), note 009"

    def fit(self, data: pd.DataFrame, frequency: str = "frequency", recency: str = "recency",
            T: str = "T", weights=None, init=None) -> ParetoNBD:
        """Estimate r, alpha, s, beta by maximum likelihood (arguments as :meth:`BetaGeo.fit`).

        Raises
        ------
        ModelFitError
            When nobody made a repeat purchase (the purchase rate and the
            dropout rate cannot be told apart), or the optimiser fails.
        """
        cols = _numeric_columns(data, {"frequency": frequency, "recency": recency, "T": T})
        w = _weights_from(data, weights, len(data))
        x, tx, t_end = _check_frt(cols["frequency"], cols["recency"], cols["T"])
        data_used = _fitted_data(data, {"frequency": x, "recency": tx, "T": t_end}, weights, w)
        if not (w[x > 0] > 0).any():
            raise self._unidentified(
                "ParetoNBD", "no customer made a repeat purchase (frequency is 0 for everyone): "
                "a low purchase rate and early dropout explain that equally well, so the "
                "estimates would run off to infinity. Check the frequency column (repeat "
                "purchases, not all purchases) or use a longer period.")
        (x, tx, t_end), w = _fast_collapse([x, tx, t_end], w)
        self.nobs, self.n_patterns = float(w.sum()), int(w.size)

        def negll(phi):
            with np.errstate(all="ignore"):
                ll = _pnbd_ll(np.exp(phi), x, tx, t_end, exact=False)
            val = -_dot(w, ll)
            return val if np.isfinite(val) else np.inf

        mean_x = _dot(w, x) / w.sum()
        mean_t = _dot(w, t_end) / w.sum()
        guess = np.log([1.0, max(mean_t / max(mean_x, 0.1), 0.5), 1.0, mean_t])
        starts = [guess if init is None else _log_init(init),
                  np.zeros(4), np.log([0.5, 10.0, 0.5, 10.0])]
        self._optimize(negll, None, self.nobs, starts, analytic=False)
        self.data = data_used
        return self

    def p_alive(self, frequency, recency, T):
        r"""P(alive | x, t_x, T) = 1 / [1 + s/(r+s+x) (alpha+T)^(r+x) (beta+T)^s A_0].

        Fader & Hardie (2005), eq. 23, evaluated from the log odds so that it
        stays in [0, 1] for any history.  Parameters and returns as
        :meth:`BetaGeo.p_alive`.
        """
        theta = self._require_fitted()
        r, al, s, be = theta
        x, tx, t_end = _check_frt(frequency, recency, T)
        with np.errstate(all="ignore"):
            lo = (np.log(s / (r + s + x)) + (r + x) * np.log(al + t_end) + s * np.log(be + t_end)
                  + _pnbd_log_a0(theta, x, tx, t_end))
        p = expit(-lo)
        return _wrap(p, frequency, recency, T)

    def expected_purchases(self, t, frequency, recency, T):
        r"""E[Y(t) | x, t_x, T], expected purchases in the next t periods.

        .. math:: \frac{(r+x)(\beta+T)}{(\alpha+T)(s-1)}
                  \left[1 - \left(\frac{\beta+T}{\beta+T+t}\right)^{s-1}\right] P(\text{alive})

        (the limit :math:`\frac{r+x}{\alpha+T}(\beta+T)\ln\frac{\beta+T+t}{\beta+T}` when s = 1).
        Fader & Hardie (2005), eq. 24.

        Parameters
        ----------
        t : float or array-like
            Length of the forecast period (>= 0).
        frequency, recency, T
            The customer's history, as in :meth:`p_alive`.

        Returns
        -------
        float, ndarray or Series
            Expected purchases (finite, >= 0, non-decreasing in t).
        """
        r, al, s, be = self._require_fitted()
        pa = np.asarray(self.p_alive(frequency, recency, T), dtype=float)
        x, tx, t_end = _check_frt(frequency, recency, T)
        tt = _check_horizon(t)
        x, t_end, tt, pa = np.broadcast_arrays(x, t_end, tt, pa)
        if abs(s - 1) < 1e-10:
            core = (r + x) / (al + t_end) * (be + t_end) * np.log((be + t_end + tt) / (be + t_end))
        else:
            core = ((r + x) * (be + t_end) / ((al + t_end) * (s - 1))
                    * (1 - ((be + t_end) / (be + t_end + tt)) ** (s - 1)))
        return _wrap(core * pa, t, frequency, recency, T)

    def unconditional_expected_purchases(self, t):
        r"""E[X(t)] = r beta / (alpha (s-1)) [1 - (beta / (beta+t))^(s-1)] for a new customer.

        Fader & Hardie (2005), eq. 17 (Schmittlein et al. 1987).

        Parameters
        ----------
        t : float or array-like
            Time since the first purchase (>= 0).

        Returns
        -------
        float or ndarray
            Expected repeat purchases of a new customer.
        """
        r, al, s, be = self._require_fitted()
        tt = _check_horizon(t)
        if abs(s - 1) < 1e-10:
            val = r * be / al * np.log((be + tt) / be)
        else:
            val = r * be / (al * (s - 1)) * (1 - (be / (be + tt)) ** (s - 1))
        return _wrap(val, t)

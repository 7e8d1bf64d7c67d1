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
    _frame_from_arrays,
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
    if np.ndim(al) == 0 and np.ndim(be) == 0:
        return _pnbd_log_a0_branch(r, al, s, be, x, tx, T, exact, al >= be)
    # per-customer alpha_i, beta_i (a model with covariates): each branch on its own customers
    al, be, x, tx, T = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (al, be, x, tx, T)))
    out = np.empty(al.shape)
    for first, m in ((True, al >= be), (False, al < be)):
        if m.any():
            out[m] = _pnbd_log_a0_branch(r, al[m], s, be[m], x[m], tx[m], T[m], exact, first)
    return out


def _pnbd_log_a0_branch(r, al, s, be, x, tx, T, exact, first):
    """log A_0 in the form for alpha >= beta (``first``) or alpha < beta."""
    rsx = r + s + x
    if first:
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


def _one_minus_power(c, ell):
    """[1 - exp(-c L)] / c, and its limit L at c = 0, without cancellation."""
    ell = np.asarray(ell, dtype=float)
    if np.ndim(c) == 0 and c == 0:
        return ell
    c = np.asarray(c, dtype=float)
    safe = np.where(c == 0, 1.0, c)
    return np.where(c == 0, ell, -np.expm1(-c * ell) / safe)


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

    _covariate_targets = (("alpha", -1, "purchase"), ("beta", -1, "dropout"))

    def fit(self, data: pd.DataFrame, frequency: str = "frequency", recency: str = "recency",
            T: str = "T", weights=None, init=None, covariates=None) -> ParetoNBD:
        r"""Estimate r, alpha, s, beta (and covariate effects) by maximum likelihood.

        Arguments as :meth:`BetaGeo.fit`, plus ``covariates``.

        With time-invariant covariates :math:`z_i` (Fader & Hardie 2007, note
        "Incorporating time-invariant covariates into the Pareto/NBD and BG/NBD
        models"; Bachmann, Meierer & Näf 2021, CLVTools), the scale parameters
        of the two gamma mixtures depend on the customer:

        .. math:: \alpha_i = \alpha\, e^{-\gamma_1' z_i}, \qquad
                  \beta_i = \beta\, e^{-\gamma_2' z_i},

        so that a positive purchase effect :math:`\gamma_1` raises the mean
        purchase rate :math:`r/\alpha_i` by the factor :math:`e^{\gamma_1}` per
        unit of z, and a positive dropout effect :math:`\gamma_2` raises the
        mean dropout rate :math:`s/\beta_i` in the same way.  The likelihood of
        each customer is the one above with :math:`\alpha_i, \beta_i`.  The
        effects are named ``purchase:<column>`` and ``dropout:<column>`` in
        ``params``; their standard errors come from the numerical Hessian of
        the log-likelihood, like those of the other parameters.  The fit starts
        from the model without covariates (effects 0).

        Parameters
        ----------
        covariates : str, list of str, DataFrame or array-like, optional
            Column name(s) of ``data`` (or a frame/array with one row per row
            of ``data``) holding numeric covariates; code categories as 0/1
            columns.  None (default): the model without covariates, exactly.

        Raises
        ------
        ModelFitError
            When nobody made a repeat purchase (the purchase rate and the
            dropout rate cannot be told apart), or the optimiser fails.
        ValueError
            For a constant or collinear covariate, or missing values.

        Examples
        --------
        >>> pn = ParetoNBD.from_params(r=0.8, alpha=8.0, s=0.6, beta=12.0,
        ...                            effects={"purchase:vip": 0.7, "dropout:vip": -0.5})
        >>> vip = pd.DataFrame({"vip": [0.0, 1.0] * 500})
        >>> sim = pn.simulate(1000, T=52.0, covariates=vip, seed=3).join(vip)
        >>> fit = ParetoNBD().fit(sim, covariates="vip")
        >>> fit.params.index.tolist()[4:]
        ['purchase:vip', 'dropout:vip']
        >>> bool(abs(fit.params["purchase:vip"] - 0.7) < 3 * fit.bse["purchase:vip"])
        True
        """
        data, frequency, recency, T = _frame_from_arrays(data, frequency, recency, T)
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
        if covariates is not None:
            return self._fit_covariates(data, data_used, x, tx, t_end, w, weights, covariates)
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

    def _fit_covariates(self, data, data_used, x, tx, t_end, w, weights, covariates):
        base = ParetoNBD().fit(data_used, weights=None if weights is None else w)
        z = self._setup_covariates(covariates, data)
        cols, w = _fast_collapse([x, tx, t_end, *z.T], w)
        x, tx, t_end = cols[:3]
        zz = np.column_stack(cols[3:])
        self.nobs, self.n_patterns = float(w.sum()), int(w.size)

        def negll(phi):
            with np.errstate(all="ignore"):
                theta = self._theta_from(self._natural(phi), zz)
                ll = _pnbd_ll(theta, x, tx, t_end, exact=False)
            val = -_dot(w, ll)
            return val if np.isfinite(val) else np.inf

        start = np.r_[np.log(base.params.to_numpy()), np.zeros(len(self.param_names) - 4)]
        self._optimize(negll, None, self.nobs, [start], analytic=False, polish=False)
        self.data = data_used.join(pd.DataFrame(z, index=data.index, columns=self.covariate_names))
        return self

    def simulate(self, n_customers: int, T=52.0, holdout: float = 0.0, covariates=None,
                 seed=None) -> pd.DataFrame:
        r"""Draw customers from the model: the Pareto/NBD story, step by step.

        Each customer gets a purchase rate :math:`\lambda_i \sim \text{Gamma}(r,
        \alpha_i)` and a dropout rate :math:`\mu_i \sim \text{Gamma}(s, \beta_i)`
        (rate parametrisation; :math:`\alpha_i = \alpha`, :math:`\beta_i =
        \beta` without covariates), an exponential lifetime
        :math:`\tau_i \sim \text{Exp}(\mu_i)` from her first purchase at time
        0, and buys at the arrivals of a Poisson process of rate
        :math:`\lambda_i` while alive (Schmittlein, Morrison & Colombo 1987).

        Parameters
        ----------
        n_customers : int
            Number of customers.
        T : float or array-like
            Length of each customer's calibration period, in the model's time unit.
        holdout : float
            Length of a holdout period after T (0: none).
        covariates : DataFrame or array-like, optional
            One row per customer, required for a model with covariates.
        seed : int, Generator or None

        Returns
        -------
        DataFrame
            ``frequency``, ``recency``, ``T``, ``alive`` (true state at T) and,
            with a holdout, ``frequency_holdout`` and ``duration_holdout``.

        Examples
        --------
        >>> pn = ParetoNBD.from_params(r=0.55, alpha=10.58, s=0.61, beta=11.67)
        >>> sim = pn.simulate(20_000, T=39.0, seed=1)
        >>> bool(abs(sim["frequency"].mean() - pn.unconditional_expected_purchases(39.0)) < 0.05)
        True
        """
        from .._validate import as_rng
        from .simulate import _check_size, simulate_poisson_histories

        n = _check_size(n_customers)
        rng = as_rng(seed)
        z = self._customer_z(covariates, n)
        r, al, s, be = self._theta_from(self._require_fitted(), z)
        lam = rng.gamma(r, 1.0, size=n) / al
        mu = rng.gamma(s, 1.0, size=n) / be
        death = rng.exponential(1.0, size=n) / mu
        return simulate_poisson_histories(lam, T, holdout, death_time=death, seed=rng)

    def p_alive(self, frequency, recency, T, covariates=None):
        r"""P(alive | x, t_x, T) = 1 / [1 + s/(r+s+x) (alpha+T)^(r+x) (beta+T)^s A_0].

        Fader & Hardie (2005), eq. 23, evaluated from the log odds so that it
        stays in [0, 1] for any history.  Parameters and returns as
        :meth:`BetaGeo.p_alive`; a model with covariates needs each
        customer's ``covariates`` (one row per customer).
        """
        x, tx, t_end = _check_frt(frequency, recency, T)
        theta = self._theta_from(self._require_fitted(), self._customer_z(covariates, x.size))
        r, al, s, be = theta
        x, tx, t_end = (v.reshape(-1) if np.ndim(al) else v for v in (x, tx, t_end))
        with np.errstate(all="ignore"):
            lo = (np.log(s / (r + s + x)) + (r + x) * np.log(al + t_end) + s * np.log(be + t_end)
                  + _pnbd_log_a0(theta, x, tx, t_end))
        p = expit(-lo)
        return _wrap(p, frequency, recency, T)

    def expected_purchases(self, t, frequency, recency, T, covariates=None):
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
        pa = np.asarray(self.p_alive(frequency, recency, T, covariates), dtype=float)
        x, tx, t_end = _check_frt(frequency, recency, T)
        r, al, s, be = self._theta_from(self._require_fitted(), self._customer_z(covariates, x.size))
        if np.ndim(al):
            x, t_end, pa = x.reshape(-1), t_end.reshape(-1), pa.reshape(-1)
        tt = _check_horizon(t)
        x, t_end, tt, pa = np.broadcast_arrays(x, t_end, tt, pa)
        # [1 - q^(s-1)] / (s-1) with L = ln(1/q) = ln((beta+T+t)/(beta+T)), as -expm1(-(s-1) L)/(s-1):
        # no cancellation near s = 1, where it tends to L
        ell = np.log1p(tt / (be + t_end))
        core = (r + x) * (be + t_end) / (al + t_end) * _one_minus_power(s - 1, ell)
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
        val = r * be / al * _one_minus_power(s - 1, np.log1p(tt / be))
        return _wrap(val, t)

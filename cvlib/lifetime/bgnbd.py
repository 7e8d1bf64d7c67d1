r"""The BG/NBD model of repeat purchases (Fader, Hardie & Lee 2005a)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from scipy import integrate
from scipy.special import betainc, betaln, digamma, expit, gammaln, hyp2f1

from ._base import (
    FittedModel,
    ModelFitError,
    _as_array,
    _check_frt,
    _check_horizon,
    _dot,
    _fast_collapse,
    _fitted_data,
    _frame_from_arrays,
    _log_init,
    _near_integer,
    _numeric_columns,
    _weights_from,
    _wrap,
)

__all__ = ["BetaGeo"]


def _alive_purchases_direct(r, a, b, x, k):
    """(a+b+x-1)/(a-1) [1 - (1+k)^(1-a) 2F1(a+b-1-r, a-1; a+b+x-1; k/(1+k))]: E[Y(t) | alive]."""
    c = a + b + x - 1
    with np.errstate(all="ignore"):
        f = hyp2f1(a + b - 1 - r, a - 1, c, k / (1 + k))
        return c / (a - 1) * (1 - np.exp((1 - a) * np.log1p(k)) * f)


def _alive_purchases_quad(r, a, b, x, k) -> float:
    r"""The same expectation as a Beta integral over the dropout probability p.

    :math:`E = \int_0^1 \frac{1 - (1 + kp)^{-(r+x)}}{p}\, \text{Beta}(p; a, b+x)\, dp`
    (the purchases of a live customer with rate ~ Gamma(r+x, alpha+T) and
    dropout probability ~ Beta(a, b+x)); used where scipy's hypergeometric is
    unreliable.  Endpoint singularities of the Beta density (a < 1, or b + x < 1)
    are handled as algebraic weights of QUADPACK's QAWS.
    """
    lb = betaln(a, b + x)
    n = r + x
    e1 = a - 1 if a >= 1 else 0.0
    e2 = b + x - 1 if b + x >= 1 else 0.0
    weights = (a - 1 if a < 1 else 0.0, b + x - 1 if b + x < 1 else 0.0)

    def integrand(p):
        if p <= 0:
            return 0.0 if e1 else float(np.exp(-lb) * n * k)
        log_w = (e1 * np.log(p) if e1 else 0.0) + (e2 * np.log1p(-p) if e2 else 0.0) - lb
        return float(np.exp(log_w) * -np.expm1(-n * np.log1p(k * p)) / p)

    points = []
    if a > 1 and b + x > 1:
        points.append((a - 1) / (a + b + x - 2))       # the mode of the Beta density
    if k > 1:
        points.append(1.0 / k)
    points = sorted(p for p in points if 0 < p < 1) or None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", integrate.IntegrationWarning)
        if weights == (0.0, 0.0):
            value = integrate.quad(integrand, 0.0, 1.0, points=points, limit=500, epsabs=0.0,
                                   epsrel=1e-11)[0]
        else:
            value = integrate.quad(integrand, 0.0, 1.0, weight="alg", wvar=weights, limit=500,
                                   epsabs=0.0, epsrel=1e-11)[0]
    return value


def _alive_purchases(r, a, b, x, k):
    """The hypergeometric form where scipy is reliable, the Beta integral elsewhere.

    scipy's ``hyp2f1`` loses accuracy (or returns NaN) near z = 1 when its parameters have
    whole-number structure, which here means one of a, b, r, a + b, r - a, a + b - r is a
    whole number (x is one); those elements with z > 0.5 are integrated instead.
    """
    out = _alive_purchases_direct(r, a, b, x, k)
    bad = ~np.isfinite(out) | (out < 0)
    if _near_integer(a, b, r, a + b, r - a, a + b - r):
        bad |= k > 1.0                                      # z = k / (1 + k) > 0.5
    for i in np.flatnonzero(bad):
        out[i] = _alive_purchases_quad(r, a, b, x[i], k[i])
    return out


def _bg_alive_purchases(r, al, a, b, x, T, t) -> np.ndarray:
    """E[Y(t) | alive, x, T] of the BG/NBD, finite for every valid input (see expected_purchases)."""
    x, T, t = np.broadcast_arrays(np.asarray(x, dtype=float), np.asarray(T, dtype=float),
                                  np.asarray(t, dtype=float))
    shape = x.shape
    x, T, t = (np.array(v, dtype=float).ravel() for v in (x, T, t))
    k = t / (al + T)
    out = np.zeros_like(k)
    live = k > 0
    near_one = abs(a - 1) < 1e-4
    if near_one:
        # at a = 1 the hypergeometric form is 0/0 (its limit is finite) and close to it the
        # difference loses digits to cancellation; the Beta integral is smooth through a = 1
        xs, ks = x[live], k[live]
        val = np.array([_alive_purchases_quad(r, a, b, xi, ki) for xi, ki in zip(xs, ks, strict=True)])
    else:
        val = _alive_purchases(r, a, b, x[live], k[live])
    out[live] = val
    return out.reshape(shape)


def _bg_alive_purchases_by_history(r, al, a, b, x, T, t) -> np.ndarray:
    """:func:`_bg_alive_purchases` for customers (x, T) and horizons t, once per distinct (x, T).

    E[Y(t) | alive] does not depend on recency, so customers who differ only
    in recency share it; for many customers (say one row per customer and a
    column of monthly horizons, as in CLV) the hypergeometric, which is most
    of the cost, is evaluated once per distinct (x, T) pair.
    """
    x, T = np.broadcast_arrays(x, T)
    t = np.asarray(t, dtype=float)
    if x.ndim != 1 or x.size < 64 or (t.ndim and t.shape[-1] != 1):
        return _bg_alive_purchases(r, al, a, b, *np.broadcast_arrays(x, T, t))
    # (x, T) pairs as one complex key: one 1-D sort instead of a row-wise unique
    keys, inverse = np.unique(x + 1j * T, return_inverse=True)
    if keys.size > 0.8 * x.size:
        return _bg_alive_purchases(r, al, a, b, *np.broadcast_arrays(x, T, t))
    value = _bg_alive_purchases(r, al, a, b, *np.broadcast_arrays(keys.real, keys.imag, t))
    return value[..., inverse.ravel()]


def _bg_loglik(theta, x, tx, T):
    """Per-customer BG/NBD log-likelihood (Fader, Hardie & Lee 2005a, eq. 6), parameters may be
    arrays (one value per customer), evaluated in logs."""
    r, al, a, b = theta
    pos = x > 0
    base = (gammaln(r + x) - gammaln(r) + r * np.log(al) + betaln(a, b + x) - betaln(a, b)
            - (r + x) * np.log(al + T))
    odds = (np.log(a) - np.log(np.where(pos, b + x - 1, 1.0))
            + (r + x) * (np.log(al + T) - np.log(al + tx)))
    return base + np.where(pos, np.logaddexp(0.0, odds), 0.0)


class BetaGeo(FittedModel):
    r"""The BG/NBD model of repeat purchases (beta-geometric / negative binomial distribution).

    While alive, a customer buys at Poisson rate :math:`\lambda \sim
    \text{Gamma}(r, \alpha)`; after each purchase she drops out with
    probability :math:`p \sim \text{Beta}(a, b)`.  The likelihood of a
    customer with x repeat purchases, the last at :math:`t_x`, observed for T:

    .. math::

        L = \frac{B(a, b+x)}{B(a, b)} \frac{\Gamma(r+x)\alpha^r}{\Gamma(r)(\alpha+T)^{r+x}}
          + \delta_{x>0} \frac{B(a+1, b+x-1)}{B(a, b)}
            \frac{\Gamma(r+x)\alpha^r}{\Gamma(r)(\alpha+t_x)^{r+x}}

    (Fader, Hardie & Lee 2005a, eq. 6).  Times are in the unit of the summary
    (weeks for CDNOW), so :math:`\alpha` is in that unit too.

    Examples
    --------
    >>> from cvlib.datasets import fetch_cdnow_summary
    >>> bg = BetaGeo().fit(fetch_cdnow_summary())
    >>> bg.params.round(3).tolist()
    [0.243, 4.414, 0.793, 2.426]
    >>> round(bg.llf, 1)
    -9582.4
    >>> round(bg.expected_purchases(39, frequency=2, recency=30.43, T=38.86), 3)
    1.226

    References
    ----------
    Fader, Hardie & Lee (2005a), Marketing Science 24(2): CDNOW estimates r =
    0.243, alpha = 4.414, a = 0.793, b = 2.426, log-likelihood -9582.4.

    Fader, Hardie & Lee (2005), "Implementing the BG/NBD model for customer
    base analysis in Excel", http://brucehardie.com/notes/004/: the customer
    with x = 2, t_x = 30.43, T = 38.86 is expected to make 1.226 purchases in
    the next 39 weeks.
    """

    param_names = ("r", "alpha", "a", "b")
    model_name = "BG/NBD"
    citation = "Fader, Hardie & Lee (2005), Marketing Science 24(2), 275-284"

    _covariate_targets = (("alpha", -1, "purchase"), ("a", 1, "dropout_a"), ("b", 1, "dropout_b"))

    def fit(self, data: pd.DataFrame, frequency: str = "frequency", recency: str = "recency",
            T: str = "T", weights=None, init=None, covariates=None) -> BetaGeo:
        r"""Estimate r, alpha, a, b (and covariate effects) by maximum likelihood.

        With time-invariant covariates :math:`z_i` (Fader & Hardie 2007, note
        "Incorporating time-invariant covariates into the Pareto/NBD and BG/NBD
        models"; Bachmann, Meierer & Näf 2021, CLVTools), the purchase process
        is scaled as in the Pareto/NBD and the two parameters of the Beta
        distribution of the dropout probability each get their own effect:

        .. math:: \alpha_i = \alpha\, e^{-\gamma_1' z_i}, \qquad
                  a_i = a\, e^{\gamma_a' z_i}, \qquad b_i = b\, e^{\gamma_b' z_i}.

        A positive ``purchase`` effect raises the mean purchase rate
        :math:`r/\alpha_i`; a ``dropout_a`` effect above the ``dropout_b``
        effect raises the mean dropout probability :math:`a_i/(a_i+b_i)`.
        (CLVTools constrains :math:`\gamma_a = \gamma_b`, which changes only
        the spread of the dropout probabilities, not their mean.)  The effects
        are estimated with a numerical gradient, starting from the model
        without covariates; their standard errors come from the numerical
        Hessian of the log-likelihood.

        Parameters
        ----------
        data : DataFrame
            One row per customer (or per pattern with ``weights``), e.g. from
            :func:`cvlib.lifetime.summarize`.  ``fit(frequency, recency, T)``
            with three arrays works too.
        frequency, recency, T : str
            Column names: repeat purchases (whole numbers), time of the last
            repeat purchase and time since the first purchase (same unit).
        weights : str or array-like, optional
            Number of customers each row stands for.
        init : sequence of 4 floats, optional
            Starting values (r, alpha, a, b).
        covariates : str, list of str, DataFrame or array-like, optional
            Column name(s) of ``data`` (or a frame/array with one row per row
            of ``data``) holding numeric covariates; code categories as 0/1
            columns.  None (default): the model without covariates, exactly.

        Returns
        -------
        BetaGeo
            ``self``, fitted; ``data`` holds the columns it was fitted on.

        Raises
        ------
        ModelFitError
            When the data cannot identify the model (nobody repeats) or the
            optimiser does not converge.
        """
        data, frequency, recency, T = _frame_from_arrays(data, frequency, recency, T)
        cols = _numeric_columns(data, {"frequency": frequency, "recency": recency, "T": T})
        w = _weights_from(data, weights, len(data))
        x, tx, t_end = _check_frt(cols["frequency"], cols["recency"], cols["T"])
        data_used = _fitted_data(data, {"frequency": x, "recency": tx, "T": t_end}, weights, w)
        if not (w[x > 0] > 0).any():
            raise self._unidentified(
                "BetaGeo", "no customer made a repeat purchase (frequency is 0 for everyone), so "
                "nothing tells how often customers buy or when they drop out. Check the "
                "frequency column (repeat purchases, not all purchases) or use a longer period.")
        if covariates is not None:
            return self._fit_covariates(data, data_used, x, tx, t_end, w, weights, covariates)
        (x, tx, t_end), w = _fast_collapse([x, tx, t_end], w)
        self.nobs, self.n_patterns = float(w.sum()), int(w.size)
        nobs = self.nobs

        # special functions are evaluated on the distinct values of x, t_x and T only
        # (a few hundred), then gathered: the per-pattern work is plain arithmetic
        ix, ux = pd.factorize(x, sort=True)
        itx, utx = pd.factorize(tx, sort=True)
        it, ut = pd.factorize(t_end, sort=True)
        wx = np.bincount(ix, weights=w, minlength=ux.size)
        pos_u = ux > 0
        bx1_u = np.where(pos_u, ux - 1, 0.0)

        def negll_and_grad(phi):
            theta = np.exp(phi)
            r, al, a, b = theta
            with np.errstate(all="ignore"):
                bab = betaln(a, b)
                b1 = (betaln(a, b + ux) - bab)[ix]
                b2 = np.where(pos_u, betaln(a + 1, b + bx1_u) - bab, -np.inf)[ix]
                lt_u, ltx_u = np.log(al + ut), np.log(al + utx)
                lt, ltx = lt_u[it], ltx_u[itx]
                rx = r + x
                l1 = b1 - rx * lt
                l2 = b2 - rx * ltx
                top = np.maximum(l1, l2)
                e1 = np.exp(l1 - top)
                e2 = np.exp(l2 - top)
                s = e1 + e2
                w1, w2 = e1 / s, e2 / s
                ll = (_dot(w, top + np.log(s)) + _dot(wx, gammaln(r + ux) - gammaln(r))
                      + nobs * r * np.log(al))
                ww1, ww2 = w * w1, w * w2
                psi_abx = digamma(a + b + ux)
                psi_ab = digamma(a + b)
                dr = (_dot(wx, digamma(r + ux)) + nobs * (np.log(al) - digamma(r))
                      - _dot(ww1, lt) - _dot(ww2, ltx))
                dal = (nobs * r / al - _dot(ww1 * rx, (1 / (al + ut))[it])
                       - _dot(ww2 * rx, (1 / (al + utx))[itx]))
                da = nobs * psi_ab - _dot(wx, psi_abx) + ww2.sum() / a
                dg_bx1 = np.where(pos_u, digamma(b + bx1_u), 0.0)
                db = (_dot(ww1, digamma(b + ux)[ix]) + _dot(ww2, dg_bx1[ix]) - _dot(wx, psi_abx)
                      + nobs * (psi_ab - digamma(b)))
            g = np.array([dr, dal, da, db]) * theta
            return -float(ll), -g

        def negll(phi):
            return negll_and_grad(phi)[0]

        def grad(phi):
            return negll_and_grad(phi)[1]

        mean_x = _dot(w, x) / w.sum()
        mean_t = _dot(w, t_end) / w.sum()
        guess = np.log([1.0, max(mean_t / max(mean_x, 0.1), 0.5), 1.0, 1.0])
        starts = [guess if init is None else _log_init(init),
                  np.zeros(4), np.log([0.5, 5.0, 0.5, 3.0]), np.log([0.1, 1.0, 2.0, 2.0])]
        hess_inv0 = None
        if init is None and self.n_patterns > 20_000:
            # many patterns: a pilot fit on 20,000 customers drawn from the data gives the
            # starting point and curvature, so the full fit needs only a few iterations
            draw = np.random.default_rng(0).multinomial(20_000, w / w.sum())
            keep = draw > 0
            pilot_data = pd.DataFrame({"frequency": x[keep], "recency": tx[keep], "T": t_end[keep]})
            try:
                pilot = BetaGeo().fit(pilot_data, weights=draw[keep])
            except ModelFitError:
                pass
            else:
                starts.insert(0, np.log(pilot.params.to_numpy()))
                h0 = pilot._cov_log * pilot.nobs          # inverse Hessian of the mean loglik
                h0 = (h0 + h0.T) / 2
                if np.isfinite(h0).all() and (np.linalg.eigvalsh(h0) > 0).all():
                    hess_inv0 = h0
        self._optimize(negll, grad, self.nobs, starts, negll_and_grad=negll_and_grad,
                       hess_inv0=hess_inv0)
        self.data = data_used
        return self

    def _fit_covariates(self, data, data_used, x, tx, t_end, w, weights, covariates):
        base = BetaGeo().fit(data_used, weights=None if weights is None else w)
        z = self._setup_covariates(covariates, data)
        cols, w = _fast_collapse([x, tx, t_end, *z.T], w)
        x, tx, t_end = cols[:3]
        zz = np.column_stack(cols[3:])
        self.nobs, self.n_patterns = float(w.sum()), int(w.size)

        def negll(phi):
            with np.errstate(all="ignore"):
                theta = self._theta_from(self._natural(phi), zz)
                ll = _bg_loglik(theta, x, tx, t_end)
            val = -_dot(w, ll)
            return val if np.isfinite(val) else np.inf

        start = np.r_[np.log(base.params.to_numpy()), np.zeros(len(self.param_names) - 4)]
        self._optimize(negll, None, self.nobs, [start], analytic=False, polish=False)
        self.data = data_used.join(pd.DataFrame(z, index=data.index, columns=self.covariate_names))
        return self

    def simulate(self, n_customers: int, T=52.0, holdout: float = 0.0, covariates=None,
                 seed=None) -> pd.DataFrame:
        r"""Draw customers from the model: the BG/NBD story, step by step.

        Each customer gets a purchase rate :math:`\lambda_i \sim \text{Gamma}(r,
        \alpha_i)` (rate parametrisation) and a dropout probability
        :math:`p_i \sim \text{Beta}(a_i, b_i)` (the base parameters without
        covariates); from her first purchase at time 0 she buys at the
        arrivals of a Poisson process of rate :math:`\lambda_i`, and after
        each repeat purchase drops out with probability :math:`p_i` (Fader,
        Hardie & Lee 2005a, assumptions i-v).

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
        The mean number of repeat purchases of simulated customers matches the
        model's E[X(t)]:

        >>> bg = BetaGeo.from_params(r=0.243, alpha=4.414, a=0.793, b=2.426)
        >>> sim = bg.simulate(20_000, T=39.0, seed=1)
        >>> bool(abs(sim["frequency"].mean() - bg.unconditional_expected_purchases(39.0)) < 0.05)
        True
        """
        from .._validate import as_rng
        from .simulate import _check_size, simulate_poisson_histories

        n = _check_size(n_customers)
        rng = as_rng(seed)
        z = self._customer_z(covariates, n)
        r, al, a, b = self._theta_from(self._require_fitted(), z)
        lam = rng.gamma(r, 1.0, size=n) / al
        p = rng.beta(a, b, size=n)
        return simulate_poisson_histories(lam, T, holdout, drop_p=p, seed=rng)

    # -- predictions
    def p_alive(self, frequency, recency, T, covariates=None):
        r"""P(alive | x, t_x, T), the probability that the customer has not dropped out.

        .. math:: P = 1 / \left[1 + \delta_{x>0} \frac{a}{b+x-1}
                  \left(\frac{\alpha+T}{\alpha+t_x}\right)^{r+x}\right]

        Exactly 1 for a customer with no repeat purchase (in the BG/NBD a
        customer can only drop out right after a purchase).  Fader, Hardie &
        Lee (2005a), eq. 11; evaluated as a logistic function of the log odds,
        so it stays in [0, 1] for any history.

        Parameters
        ----------
        frequency : int or array-like
            Repeat purchases x (whole numbers >= 0).
        recency : float or array-like
            Time of the last repeat purchase since the first purchase, t_x
            (0 when x = 0), in the time unit of the model.
        T : float or array-like
            Time since the first purchase (>= recency).

        Returns
        -------
        float, ndarray or Series
            P(alive) in [0, 1], shaped like the inputs.

        Examples
        --------
        >>> bg = BetaGeo.from_params(r=0.243, alpha=4.414, a=0.793, b=2.426)
        >>> round(bg.p_alive(2, 30.43, 38.86), 3), bg.p_alive(0, 0, 38.86)
        (0.727, 1.0)
        """
        x, tx, t_end = _check_frt(frequency, recency, T)
        r, al, a, b = self._theta_from(self._require_fitted(), self._customer_z(covariates, x.size))
        if np.ndim(al):
            x, tx, t_end = x.reshape(-1), tx.reshape(-1), t_end.reshape(-1)
        pos = x > 0
        logodds = (np.log(a) - np.log(np.where(pos, b + x - 1, 1.0))
                   + (r + x) * (np.log(al + t_end) - np.log(al + tx)))
        p = np.where(pos, expit(-logodds), 1.0)
        return _wrap(p, frequency, recency, T)

    def expected_purchases(self, t, frequency, recency, T, covariates=None):
        r"""Expected number of purchases in the next t periods of a customer with (x, t_x, T).

        .. math::

            E[Y(t) | x, t_x, T] = \frac{a+b+x-1}{a-1}
            \frac{1 - \left(\frac{\alpha+T}{\alpha+T+t}\right)^{r+x}
            {}_2F_1\left(r+x, b+x; a+b+x-1; \frac{t}{\alpha+T+t}\right)}
            {1 + \delta_{x>0} \frac{a}{b+x-1}\left(\frac{\alpha+T}{\alpha+t_x}\right)^{r+x}}

        (Fader, Hardie & Lee 2005a, eq. 10).  The numerator is evaluated after
        Euler's transformation, :math:`(1-z)^{a-1}\,{}_2F_1(a+b-1-r, a-1;
        a+b+x-1; z)` with :math:`z = t/(\alpha+T+t)`, whose terms neither
        overflow for heavy buyers nor underflow for long horizons; at and near
        a = 1, where the formula is 0/0 (its limit is finite), and where
        scipy's hypergeometric is unreliable, as the equivalent Beta integral
        over the dropout probability; and the denominator as P(alive) from
        the log odds.

        Parameters
        ----------
        t : float or array-like
            Length of the forecast period (>= 0), in the time unit of the data.
        frequency, recency, T
            The customer's history, as in :meth:`p_alive`.

        Returns
        -------
        float, ndarray or Series
            Expected purchases (finite, >= 0, non-decreasing in t).

        Examples
        --------
        >>> bg = BetaGeo.from_params(r=0.243, alpha=4.414, a=0.793, b=2.426)
        >>> round(bg.expected_purchases(39, 2, 30.43, 38.86), 3)
        1.226
        """
        x, tx, t_end = _check_frt(frequency, recency, T)
        tt = _check_horizon(t)
        z = self._customer_z(covariates, x.size)
        if z is not None:
            alive = np.asarray(self.p_alive(x, tx, t_end, z), dtype=float)
            r, al, a, b = self._theta_from(self._require_fitted(), z)
            x, t_end, tt, alive, al, a, b = np.broadcast_arrays(
                x.reshape(-1), t_end.reshape(-1), tt.reshape(-1) if tt.ndim else tt, alive, al, a, b)
            value = np.empty(x.shape)
            # one evaluation per distinct customer type (al, a, b)
            groups, first = np.unique(np.column_stack([al, a, b]), axis=0, return_inverse=True)
            first = first.ravel()
            for g, (ag, aa, bb) in enumerate(groups):
                m = first == g
                value[m] = _bg_alive_purchases(r, ag, aa, bb, x[m], t_end[m], tt[m])
            return _wrap(value * alive, t, frequency, recency, T)
        r, al, a, b = self._require_fitted()
        alive = np.asarray(self.p_alive(x, tx, t_end), dtype=float)
        value = _bg_alive_purchases_by_history(r, al, a, b, x, t_end, tt)
        return _wrap(value * alive, t, frequency, recency, T)

    def unconditional_expected_purchases(self, t):
        r"""E[X(t)], expected repeat purchases in (0, t] of a new customer.

        .. math:: E[X(t)] = \frac{a+b-1}{a-1}\left[1 - \left(\frac{\alpha}{\alpha+t}\right)^r
                  {}_2F_1\left(r, b; a+b-1; \frac{t}{\alpha+t}\right)\right]

        Fader, Hardie & Lee (2005a), eq. 9; evaluated as :meth:`expected_purchases`.

        Parameters
        ----------
        t : float or array-like
            Time since the first purchase (>= 0), in the time unit of the data.

        Returns
        -------
        float or ndarray
            Expected repeat purchases (finite, >= 0, non-decreasing in t).

        Examples
        --------
        >>> bg = BetaGeo.from_params(r=0.243, alpha=4.414, a=0.793, b=2.426)
        >>> round(bg.unconditional_expected_purchases(39), 3)
        1.197
        """
        r, al, a, b = self._require_fitted()
        tt = _check_horizon(t)
        return _wrap(_bg_alive_purchases(r, al, a, b, 0.0, 0.0, tt), t)

    def purchase_probability(self, n, t):
        r"""P(X(t) = n), the probability of exactly n repeat purchases in (0, t] for a new customer.

        .. math::

            P(X(t)=n) = \frac{B(a, b+n)}{B(a,b)} \frac{\Gamma(r+n)}{\Gamma(r) n!}
            \left(\frac{\alpha}{\alpha+t}\right)^r \left(\frac{t}{\alpha+t}\right)^n
            + \delta_{n>0} \frac{B(a+1, b+n-1)}{B(a,b)} \left[1 - \left(\frac{\alpha}{\alpha+t}
            \right)^r \sum_{j=0}^{n-1} \frac{\Gamma(r+j)}{\Gamma(r) j!}
            \left(\frac{t}{\alpha+t}\right)^j\right]

        Fader, Hardie & Lee (2005a), eq. 8.

        Parameters
        ----------
        n : int or array-like
            Number of repeat purchases (whole numbers >= 0).
        t : float or array-like
            Length of the period since the first purchase (> 0).

        Returns
        -------
        float or ndarray
            Probabilities in [0, 1]; over n = 0, 1, 2, ... they sum to 1.

        Examples
        --------
        >>> bg = BetaGeo.from_params(r=0.243, alpha=4.414, a=0.793, b=2.426)
        >>> round(bg.purchase_probability(0, 39), 3)
        0.574
        """
        r, al, a, b = self._require_fitted()
        nn = _as_array(n, "n")
        tt = _as_array(t, "t")
        if (nn < 0).any() or (nn != np.round(nn)).any():
            raise ValueError(f"n must be a whole number of purchases >= 0, got {np.unique(nn)[:5].tolist()}")
        if (tt <= 0).any():
            raise ValueError(f"t must be > 0, got {np.unique(tt[tt <= 0])[:5].tolist()}")
        nn, tt = np.broadcast_arrays(nn, tt)
        q = tt / (al + tt)
        nb = np.exp(gammaln(r + nn) - gammaln(r) - gammaln(nn + 1) + r * np.log(al / (al + tt))
                    + nn * np.log(q))
        # 1 - sum_{j<n} NB(j) = P(NB >= n) = I_q(n, r), without cancellation
        tail = betainc(np.maximum(nn, 1), r, q)
        out = np.exp(betaln(a, b + nn) - betaln(a, b)) * nb + np.where(
            nn > 0, np.exp(betaln(a + 1, np.maximum(b + nn - 1, 1e-300)) - betaln(a, b)) * tail, 0.0)
        return _wrap(out, n, t)

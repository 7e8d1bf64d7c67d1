r"""The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005b)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import digamma, gammaln

from .._validate import check_share
from ._base import (
    FittedModel,
    _as_array,
    _dot,
    _fast_collapse,
    _fitted_data,
    _log_init,
    _numeric_columns,
    _weights_from,
    _wrap,
)
from .summary import TIME_UNITS, _unit_days

__all__ = ["GammaGamma"]


class GammaGamma(FittedModel):
    r"""The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005b).

    A customer's transactions are worth :math:`z \sim \text{Gamma}(p, \nu)`
    (mean :math:`p/\nu`), with :math:`\nu \sim \text{Gamma}(q, \gamma)`
    across customers, independent of the purchase process.  For a customer
    with x transactions of mean :math:`\bar z`:

    .. math::

        f(\bar z | x) = \frac{\Gamma(px+q)}{\Gamma(px)\Gamma(q)}
        \frac{\gamma^q\, x^{px}\, \bar z^{px-1}}{(\gamma + x\bar z)^{px+q}}

    The model is fitted to customers with at least one repeat purchase, using
    their mean spend per repeat purchase day (``monetary_value`` of
    :func:`cvlib.lifetime.summarize`).

    The conditional expected spend exists only when :math:`px + q > 1`
    (for a customer without repeat purchase, when q > 1): with a smaller q
    the spend distribution has no mean, and cvlib refuses the prediction
    instead of returning a negative amount.

    Examples
    --------
    >>> gg = GammaGamma.from_params(p=6.25, q=3.74, gamma=15.44)
    >>> round(gg.mean_spend, 2), round(gg.expected_spend(2, 20.0), 2)
    (35.22, 22.74)

    References
    ----------
    Fader, Hardie & Lee (2005b), RFM and CLV, JMR 42(4): CDNOW estimates
    p = 6.25, q = 3.74, gamma = 15.44 (946 customers with repeat purchases).
    """

    param_names = ("p", "q", "gamma")
    model_name = "Gamma-Gamma"
    citation = "Fader, Hardie & Lee (2005), Journal of Marketing Research 42(4), 415-430"

    def fit(self, data: pd.DataFrame, frequency: str = "frequency",
            monetary_value: str = "monetary_value", weights=None, init=None) -> GammaGamma:
        """Estimate p, q, gamma by maximum likelihood.

        Parameters
        ----------
        data : DataFrame
            Customers with frequency > 0 (e.g. ``s[s.frequency > 0]``).
        frequency, monetary_value : str
            Column names: number of repeat transactions x and their mean
            value (currency, > 0).
        weights : str or array-like, optional
            Customers each row stands for.
        init : sequence of 3 floats, optional
            Starting values (p, q, gamma).

        Returns
        -------
        GammaGamma
            ``self``, fitted; ``data`` holds the columns it was fitted on.
        """
        cols = _numeric_columns(data, {"frequency": frequency, "monetary_value": monetary_value})
        w = _weights_from(data, weights, len(data))
        x, z = cols["frequency"], cols["monetary_value"]
        self._check_xz(x, z, frequency, monetary_value)
        data_used = _fitted_data(data, {"frequency": x, "monetary_value": z}, weights, w)
        (x, z), w = _fast_collapse([x, z], w)
        self.nobs, self.n_patterns = float(w.sum()), int(w.size)
        lx, lz = np.log(x), np.log(z)

        def negll(phi):
            p, q, g = np.exp(phi)
            ll = (gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * np.log(g)
                  + p * x * lx + (p * x - 1) * lz - (p * x + q) * np.log(g + x * z))
            return -_dot(w, ll)

        def grad(phi):
            theta = np.exp(phi)
            p, q, g = theta
            lg = np.log(g + x * z)
            dp = x * (digamma(p * x + q) - digamma(p * x) + lx + lz - lg)
            dq = digamma(p * x + q) - digamma(q) + np.log(g) - lg
            dg = q / g - (p * x + q) / (g + x * z)
            return -np.array([_dot(w, dp), _dot(w, dq), _dot(w, dg)]) * theta

        mean_z = _dot(w, z) / w.sum()
        starts = [np.log([1.0, 2.0, mean_z]) if init is None else _log_init(init),
                  np.zeros(3), np.log([5.0, 3.0, 10.0])]
        self._optimize(negll, grad, self.nobs, starts)
        self.data = data_used
        return self

    @staticmethod
    def _check_xz(x, z, frequency="frequency", monetary_value="monetary_value"):
        x = _as_array(x, frequency)
        z = _as_array(z, monetary_value)
        if (x <= 0).any() or (x != np.round(x)).any():
            raise ValueError(
                f"the Gamma-Gamma model needs customers with at least one repeat purchase: "
                f"{frequency} must be a whole number >= 1, got {int(((x <= 0) | (x != np.round(x))).sum())} "
                f"bad row(s) such as {np.unique(x[(x <= 0) | (x != np.round(x))])[:5].tolist()}; "
                f"fit on s[s.{frequency} > 0]"
            )
        if (z <= 0).any():
            raise ValueError(
                f"{monetary_value} (mean spend per repeat purchase) must be positive, got "
                f"{int((z <= 0).sum())} zero or negative value(s) such as "
                f"{np.unique(z[z <= 0])[:5].tolist()}"
            )
        return x, z

    @property
    def mean_spend(self) -> float:
        """Population mean spend per transaction, p gamma / (q - 1) (infinite, ``inf``, if q <= 1)."""
        p, q, g = self._require_fitted()
        return float(p * g / (q - 1)) if q > 1 else float("inf")

    def expected_spend(self, frequency, monetary_value):
        r"""Conditional expected spend per transaction of a customer with x repeat purchases of mean zbar.

        .. math:: E[Z | \bar z, x] = \frac{p(\gamma + x\bar z)}{px + q - 1}
                  = \frac{q-1}{px+q-1}\frac{p\gamma}{q-1} + \frac{px}{px+q-1}\bar z

        a weighted average of the population mean and the customer's own
        mean (Fader, Hardie & Lee 2005b, eq. 5).  Customers with x = 0 get
        the population mean :math:`p\gamma/(q-1)`.

        Parameters
        ----------
        frequency : int or array-like
            Repeat purchases x (>= 0).
        monetary_value : float or array-like
            Their mean spend (currency; > 0 when x > 0, ignored when x = 0).

        Returns
        -------
        float, ndarray or Series
            Expected spend per transaction (currency).

        Raises
        ------
        ValueError
            Where :math:`px + q \le 1`: the model's spend has no finite mean
            there (q <= 1 for customers without repeat purchase).
        """
        p, q, g = self._require_fitted()
        x = _as_array(frequency, "frequency")
        z = _as_array(monetary_value, "monetary_value")
        if (x < 0).any():
            raise ValueError(f"frequency must be >= 0, got {np.unique(x[x < 0])[:5].tolist()}")
        if ((x > 0) & (z <= 0)).any():
            raise ValueError("monetary_value must be positive for customers with frequency > 0")
        x, z = np.broadcast_arrays(x, z)
        undefined = p * x + q <= 1
        if undefined.any():
            raise ValueError(
                f"the Gamma-Gamma expected spend is infinite for {int(undefined.sum())} customer(s) "
                f"with frequency {np.unique(x[undefined])[:5].tolist()}: it needs p x + q > 1, and "
                f"this model has p = {p:.4g}, q = {q:.4g} (q <= 1 means the spend distribution "
                f"has no mean). Fit on more customers, or predict only for customers with "
                f"enough repeat purchases."
            )
        val = np.where(x > 0, p * (g + x * np.where(x > 0, z, 0.0)) / (p * x + q - 1),
                       p * g / (q - 1) if q > 1 else np.inf)
        return _wrap(val, frequency, monetary_value)

    def customer_lifetime_value(self, transaction_model, frequency, recency, T, monetary_value,
                                time: int = 12, discount_rate: float = 0.01, margin: float = 1.0,
                                time_unit: str | float = "W", covariates=None):
        r"""Expected CLV over the next ``time`` months, discounted monthly.

        .. math::

            CLV = m \, E[Z | \bar z, x] \sum_{k=1}^{H}
            \frac{E[Y(k\,\ell) | x, t_x, T] - E[Y((k-1)\ell) | x, t_x, T]}{(1+d)^k}

        where :math:`\ell` is a month in the model's time unit (4.35 weeks),
        H = ``time`` months, d the monthly discount rate and m the margin.
        Purchases expected during month k are discounted to the present at the
        end of that month: a discrete, monthly version of the discounted
        expected transactions of Fader, Hardie & Lee (2005b), which discount
        continuously.

        Parameters
        ----------
        transaction_model : BetaGeo or ParetoNBD
            Fitted purchase model (same time unit as recency and T).
        frequency, recency, T, monetary_value : array-like
            Customer summaries.
        time : int
            Horizon in months.
        discount_rate : float
            Monthly discount rate as a fraction in [0, 1] (0.01 is about
            12.7% a year; give 0.01, not 1 or 10).
        margin : float
            Share of spend that is profit, a fraction in [0, 1] (0.4 for
            40%; 1 = revenue).
        time_unit : str or float
            Time unit of recency and T ("W" weeks, "D", "M", "Y", or days).
        covariates : DataFrame or array-like, optional
            The customers' covariates, for a transaction model fitted with them.

        Returns
        -------
        float, ndarray or Series
            CLV per customer (currency).

        Examples
        --------
        >>> from cvlib.lifetime import BetaGeo
        >>> bg = BetaGeo.from_params(r=0.243, alpha=4.414, a=0.793, b=2.426)
        >>> gg = GammaGamma.from_params(p=6.25, q=3.74, gamma=15.44)
        >>> round(gg.customer_lifetime_value(bg, 2, 30.43, 38.86, 20.0, discount_rate=0.01), 2)
        33.47
        >>> gg.customer_lifetime_value(bg, 2, 30.43, 38.86, 20.0, discount_rate=10)
        Traceback (most recent call last):
        ...
        ValueError: discount_rate must lie in [0, 1], got 10 (a fraction: give 0.1 for 10%, not 10)
        """
        if not hasattr(transaction_model, "expected_purchases"):
            raise TypeError("transaction_model must be a fitted BetaGeo or ParetoNBD")
        d = check_share(discount_rate, "discount_rate")
        margin = check_share(margin, "margin")
        if isinstance(time, bool) or int(time) != time or time < 1:
            raise ValueError(f"time must be a whole number of months >= 1, got {time}")
        month = TIME_UNITS["M"] / _unit_days(time_unit)
        spend = np.asarray(self.expected_spend(frequency, monetary_value), dtype=float)
        months = np.arange(1, int(time) + 1)
        disc = (1 + d) ** -months.astype(float)
        if covariates is None:
            # all months in one call: horizons along a new first axis
            x, tx, t_end = (np.asarray(v, dtype=float) for v in (frequency, recency, T))
            shape = np.broadcast_shapes(x.shape, tx.shape, t_end.shape)
            horizon = (months * month).reshape((-1,) + (1,) * len(shape))
            cum = np.asarray(transaction_model.expected_purchases(horizon, x, tx, t_end), dtype=float)
            cum = np.broadcast_to(cum, (months.size, *shape))
            step = np.diff(cum, axis=0, prepend=0.0)
            total = np.tensordot(disc, step, axes=(0, 0))
        else:
            total = 0.0
            prev = 0.0
            for k in months:
                cur = np.asarray(transaction_model.expected_purchases(
                    k * month, frequency, recency, T, covariates=covariates), dtype=float)
                total = total + (cur - prev) * disc[k - 1]
                prev = cur
        return _wrap(margin * spend * total, frequency, recency, T, monetary_value)

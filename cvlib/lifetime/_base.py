r"""Shared machinery of the lifetime models: input checks, maximum likelihood, results.

Every model of :mod:`cvlib.lifetime` (:class:`~cvlib.lifetime.BetaGeo`,
:class:`~cvlib.lifetime.ParetoNBD`, :class:`~cvlib.lifetime.GammaGamma`,
:class:`~cvlib.lifetime.ShiftedBetaGeometric`, :class:`~cvlib.lifetime.BetaGeoBeta`)
is a fitter built on :class:`FittedModel`: ``Model().fit(data)`` returns the
fitted model, a :class:`cvlib._results.EstimateResult` with ``params``,
``bse`` (standard errors from the observed information, the inverse Hessian
of the log-likelihood), ``summary(ci=0.95)`` (columns ``estimate``, ``se``,
``ci_low``, ``ci_high``), ``conf_int(alpha=0.05)``, ``llf`` (``loglik`` is an
alias), ``aic``, ``bic`` and ``data``, the data it was fitted on.

Parameters are estimated on the log scale (they are all positive) with BFGS,
using analytic gradients where the likelihood allows; the standard errors of
the natural parameters follow by the delta method,
:math:`se(\theta) = \theta\, se(\log\theta)`.  Customers with identical data
contribute identical likelihood terms, so the data are collapsed to distinct
patterns with counts before fitting.  A fit that does not converge, or that
the data cannot identify, raises :class:`ModelFitError` saying why.
"""

from __future__ import annotations

import copy
import warnings

import numpy as np
import pandas as pd
from scipy import integrate, optimize, stats
from scipy.special import betaln, hyp2f1

from .._results import EstimateResult, check_alpha, wald
from .._validate import check_ci, require_columns, require_frame
from ..language import say

__all__ = ["ModelFitError", "FittedModel"]

_BOUND = 18.0   # |log parameter| limit: parameters in [1.5e-8, 6.6e7]


class ModelFitError(RuntimeError):
    """Maximum likelihood estimation failed (no convergence, or a parameter ran off to 0 or infinity)."""


# ----------------------------------------------------------------- helpers


def _dot(a, b) -> float:
    """Inner product without BLAS (whose threads slow small products on a busy machine)."""
    return float(np.multiply(a, b).sum())


def _as_array(value, name: str) -> np.ndarray:
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a number or an array of numbers, got {value!r}") from None
    if np.isnan(arr).any():
        raise ValueError(f"{name} has {int(np.isnan(arr).sum())} missing value(s)")
    if np.isinf(arr).any():
        raise ValueError(
            f"{name} has {int(np.isinf(arr).sum())} infinite value(s); give finite numbers "
            f"(an infinite time or count cannot be observed)"
        )
    return arr


def _wrap(values: np.ndarray, *inputs):
    """Return a float for scalar inputs, a Series when an input is a Series, else an array."""
    for x in inputs:
        if isinstance(x, pd.Series):
            return pd.Series(np.broadcast_to(values, x.shape).copy(), index=x.index)
    values = np.asarray(values, dtype=float)
    return float(values) if values.ndim == 0 else values


def _check_frt(frequency, recency, T):
    """Validate (frequency, recency, T) arrays; return them broadcast as floats."""
    x = _as_array(frequency, "frequency")
    tx = _as_array(recency, "recency")
    t_end = _as_array(T, "T")
    x, tx, t_end = np.broadcast_arrays(x, tx, t_end)
    if (x < 0).any() or (x != np.round(x)).any():
        bad = x[(x < 0) | (x != np.round(x))]
        raise ValueError(
            f"frequency must be a whole number of repeat purchases (0, 1, 2, ...), got "
            f"{int(bad.size)} bad value(s) such as {np.unique(bad)[:5].tolist()}"
        )
    if (tx < 0).any():
        raise ValueError(f"recency must be >= 0, got {np.unique(tx[tx < 0])[:5].tolist()}")
    if (t_end <= 0).any():
        raise ValueError(
            f"T (time since the first purchase) must be > 0, got "
            f"{np.unique(t_end[t_end <= 0])[:5].tolist()}"
        )
    over = tx > t_end * (1 + 1e-9) + 1e-12
    if over.any():
        i = np.flatnonzero(over.ravel())[0]
        raise ValueError(say(
            f"recency must not exceed T (the last purchase cannot come after the end of the "
            f"period): {int(over.sum())} customer(s), e.g. recency {tx.ravel()[i]} > T "
            f"{t_end.ravel()[i]}. Check that both are in the same time unit.",
            f"recency 不能大于 T（最后一次购买不可能晚于观察期结束）：有 {int(over.sum())} 位客户如此，"
            f"例如 recency {tx.ravel()[i]} > T {t_end.ravel()[i]}。请检查两者是否使用同一时间单位。"
        ))
    zero = (x == 0) & (tx > 0)
    if zero.any():
        i = np.flatnonzero(zero.ravel())[0]
        raise ValueError(say(
            f"a customer with frequency 0 (no repeat purchase) must have recency 0: "
            f"{int(zero.sum())} customer(s), e.g. recency {tx.ravel()[i]}. Recency is the time of "
            f"the last REPEAT purchase since the first one.",
            f"frequency 为 0（没有重复购买）的客户，recency 必须为 0：有 {int(zero.sum())} 位客户不符合，"
            f"例如 recency {tx.ravel()[i]}。recency 是最后一次“重复”购买距首次购买的时间。"
        ))
    return x, np.minimum(tx, t_end), t_end


def _check_horizon(t, name: str = "t") -> np.ndarray:
    """A forecast horizon: finite numbers >= 0 (in the time unit of the data)."""
    tt = _as_array(t, name)
    if (tt < 0).any():
        raise ValueError(
            f"{name} (length of the forecast period) must be >= 0, got "
            f"{np.unique(tt[tt < 0])[:5].tolist()}"
        )
    return tt


def _fitted_data(data: pd.DataFrame, columns: dict[str, np.ndarray], weights, w) -> pd.DataFrame:
    """The data a model was fitted on, under the standard column names (plus ``weights``)."""
    out = pd.DataFrame(columns, index=data.index)
    if weights is not None:
        out["weights"] = w
    return out


def _near_integer(*values, tol: float = 1e-6) -> bool:
    """Whether any of ``values`` lies within ``tol`` of a whole number."""
    return any(abs(v - round(v)) < tol for v in values)


def _hyp2f1_1_series(b, c, z):
    """The positive series of 2F1(1, b; c; z) = sum_n prod_{j<n} (b + j) / (c + j) z^n, for z <= 0.95."""
    total = np.ones_like(z)
    term = np.ones_like(z)
    for n in range(2000):
        term = term * (b + n) / (c + n) * z
        total = total + term
        if not (term > 1e-17 * total).any():
            break
    return total


def _hyp2f1_1(b, c, z, exact: bool = True):
    r"""Gauss's :math:`{}_2F_1(1, b; c; z)` for :math:`0 \le z < 1` and :math:`c > b > 0`.

    A series of positive terms, at least 1 and at most :math:`1/(1-z)`.  scipy's ``hyp2f1`` is
    used where it is reliable.  Where c - b is a whole number and z > 0.5 it can return NaN or
    a wrong value (2F1(1, 2; 109; 0.9) is NaN, 2F1(1, 31; 32; 0.998) negative); there the
    value comes from the series (z <= 0.95) or from Euler's integral
    :math:`\int_0^1 u^{b-1} (1-u)^{c-b-1} (1 - z u)^{-1} du / B(b, c - b)`.  With
    ``exact=False`` (inside a likelihood being maximised) the integral is skipped: a value
    that cannot be trusted is NaN, which the optimiser avoids.
    """
    b, c, z = np.broadcast_arrays(np.asarray(b, dtype=float), np.asarray(c, dtype=float),
                                  np.asarray(z, dtype=float))
    shape = z.shape
    b, c, z = (np.array(v, dtype=float).reshape(-1) for v in (b, c, z))
    with np.errstate(all="ignore"):
        out = np.array(hyp2f1(1.0, b, c, z), dtype=float).reshape(-1)
    frac = np.abs((c - b) - np.round(c - b))
    insane = ~np.isfinite(out) | (out < 1 - 1e-12) | (out * (1 - z) > 1 + 1e-12)
    bad = ((frac < 1e-6) & (z > 0.5)) | insane
    if not bad.any():
        return out.reshape(shape)
    near = bad & (z <= 0.95)
    if near.any():
        out[near] = _hyp2f1_1_series(b[near], c[near], z[near])
    far = bad & (z > 0.95)
    if not exact:
        out[far & insane] = np.nan
        return out.reshape(shape)
    for i in np.flatnonzero(far):
        bi, ci, zi = b[i], c[i], z[i]
        lb = betaln(bi, ci - bi)
        e1, e2 = bi - 1, ci - bi - 1
        w = (e1 if e1 < 0 else 0.0, e2 if e2 < 0 else 0.0)
        e1, e2 = max(e1, 0.0), max(e2, 0.0)

        def integrand(u, e1=e1, e2=e2, zi=zi, lb=lb):
            lw = ((e1 * np.log(u) if u > 0 else -np.inf) if e1 else 0.0) + (
                e2 * np.log1p(-u) if e2 else 0.0) - lb - np.log1p(-zi * u)
            return np.exp(lw)

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", integrate.IntegrationWarning)
            if w == (0.0, 0.0):
                out[i] = integrate.quad(integrand, 0.0, 1.0, limit=500, epsabs=0.0, epsrel=1e-11)[0]
            else:
                out[i] = integrate.quad(integrand, 0.0, 1.0, weight="alg", wvar=w, limit=500,
                                        epsabs=0.0, epsrel=1e-11)[0]
    return out.reshape(shape)


def _weights_from(data: pd.DataFrame, weights, n: int) -> np.ndarray:
    if weights is None:
        return np.ones(n)
    if isinstance(weights, str):
        require_columns(data, [weights], "data")
        w = data[weights].to_numpy(dtype=float)
    else:
        w = np.asarray(weights, dtype=float).ravel()
        if w.size != n:
            raise ValueError(f"weights has {w.size} values but the data has {n} rows")
    if np.isnan(w).any() or (w < 0).any():
        raise ValueError("weights must be non-negative counts without missing values")
    if w.sum() <= 0:
        raise ValueError("weights sum to 0: no customer to fit")
    return w


def _frame_from_arrays(data, frequency, recency, T, what: str = "T"):
    """``fit(frequency, recency, T)`` with three arrays: the DataFrame that ``fit(data)`` takes.

    Returns ``(data, "frequency", "recency", what)``; a DataFrame ``data`` passes unchanged.
    """
    if isinstance(data, pd.DataFrame):
        return data, frequency, recency, T
    # positional fit(frequency_values, recency_values, T_values): they arrive as data,
    # frequency and recency
    if isinstance(frequency, str) or isinstance(recency, str):
        raise TypeError(
            f"data must be a DataFrame of customer summaries, got {type(data).__name__}; or give "
            f"three arrays: fit(frequency, recency, {what})")
    index = data.index if isinstance(data, pd.Series) else None
    try:
        frame = pd.DataFrame({"frequency": np.asarray(data, dtype=float),
                              "recency": np.asarray(frequency, dtype=float),
                              what: np.asarray(recency, dtype=float)}, index=index)
    except (TypeError, ValueError) as err:
        raise TypeError(f"frequency, recency and {what} must be arrays of numbers of the same "
                        f"length ({err})") from None
    return frame, "frequency", "recency", what


def _numeric_columns(data: pd.DataFrame, cols: dict[str, str]) -> dict[str, np.ndarray]:
    require_frame(data, "data")
    require_columns(data, list(cols.values()), "data")
    out = {}
    for role, col in cols.items():
        s = data[col]
        if pd.api.types.is_bool_dtype(s) or not pd.api.types.is_numeric_dtype(s):
            raise TypeError(f"column {col!r} ({role}) must be numeric, got dtype {s.dtype}")
        arr = s.to_numpy(dtype=float)
        if np.isnan(arr).any():
            raise ValueError(f"column {col!r} ({role}) has {int(np.isnan(arr).sum())} missing value(s)")
        if np.isinf(arr).any():
            raise ValueError(
                f"column {col!r} ({role}) has {int(np.isinf(arr).sum())} infinite value(s); "
                f"give finite numbers in the time unit of the summary"
            )
        out[role] = arr
    if len(data) == 0:
        raise ValueError("data has no rows")
    return out


def _fast_collapse(arrays: list[np.ndarray], w: np.ndarray):
    """Distinct rows of the stacked arrays with summed weights, via integer codes and hashing
    (fast for millions of rows)."""
    code = np.zeros(arrays[0].size, dtype=np.int64)
    for a in arrays:
        k, u = pd.factorize(a)
        code = code * len(u) + k
    group, uniq = pd.factorize(code)
    counts = np.bincount(group, weights=w, minlength=len(uniq))
    out = []
    for a in arrays:
        rep = np.empty(len(uniq))
        rep[group] = a          # all rows of a group hold the same value
        out.append(rep)
    keep = counts > 0
    return [o[keep] for o in out], counts[keep]


def _log_init(init) -> np.ndarray:
    """Log of user starting values (NaN for non-positive ones, refused by ``_optimize``)."""
    try:
        values = np.asarray(init, dtype=float).ravel()
    except (TypeError, ValueError):
        raise TypeError(f"init must be a sequence of numbers, got {init!r}") from None
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(values > 0, np.log(np.abs(values) + (values <= 0)), np.nan)


def _hessian_from_gradient(grad, phi: np.ndarray, eps: float = 1e-5) -> np.ndarray:
    k = phi.size
    hess = np.empty((k, k))
    for i in range(k):
        step = np.zeros(k)
        step[i] = eps
        hess[:, i] = (grad(phi + step) - grad(phi - step)) / (2 * eps)
    return (hess + hess.T) / 2


def _hessian_from_function(fun, phi: np.ndarray, eps: float = 1e-4) -> np.ndarray:
    k = phi.size
    hess = np.empty((k, k))
    f0 = fun(phi)
    for i in range(k):
        ei = np.zeros(k)
        ei[i] = eps
        hess[i, i] = (fun(phi + ei) - 2 * f0 + fun(phi - ei)) / eps**2
        for j in range(i):
            ej = np.zeros(k)
            ej[j] = eps
            hess[i, j] = hess[j, i] = (
                fun(phi + ei + ej) - fun(phi + ei - ej) - fun(phi - ei + ej) + fun(phi - ei - ej)
            ) / (4 * eps**2)
    return hess


# ----------------------------------------------------------------- base class


class FittedModel(EstimateResult):
    """Base of the lifetime models: optimisation on log parameters, Hessian, results and display."""

    param_names: tuple[str, ...] = ()
    model_name = ""
    citation = ""
    _nobs_label = "customers"
    _patterns_label = "distinct patterns"

    def __init__(self):
        self.params: pd.Series | None = None
        self.cov_params: pd.DataFrame | None = None
        self.llf = np.nan
        self.nobs = 0
        self.n_patterns = 0
        self.optimizer = None
        #: The data the model was fitted on (None for a model built with ``from_params``).
        self.data: pd.DataFrame | None = None

    #: Number of leading parameters estimated on the log scale (all of them when None); the
    #: covariate effects of a model with covariates follow them on their natural scale.
    _n_log: int | None = None
    #: Names of the covariate columns (empty: a model without covariates).
    covariate_names: tuple[str, ...] = ()

    def _natural(self, phi: np.ndarray) -> np.ndarray:
        """Natural parameters from the optimisation scale: exp of the log-scale ones."""
        phi = np.asarray(phi, dtype=float)
        k = phi.shape[-1] if self._n_log is None else self._n_log
        return np.concatenate([np.exp(phi[..., :k]), phi[..., k:]], axis=-1)

    def _natural_jacobian(self, phi: np.ndarray) -> np.ndarray:
        """d theta / d phi (diagonal): theta for log-scale parameters, 1 for covariate effects."""
        jac = np.ones(phi.size)
        k = phi.size if self._n_log is None else self._n_log
        jac[:k] = np.exp(phi[:k])
        return jac

    def _phi_hat(self) -> np.ndarray:
        """The estimates on the optimisation scale (log of the positive parameters)."""
        theta = self._require_fitted()
        k = theta.size if self._n_log is None else self._n_log
        return np.concatenate([np.log(theta[:k]), theta[k:]])

    #: (parameter, sign, label) of each base parameter that covariates scale:
    #: parameter_i = parameter * exp(sign * gamma' z_i); empty for models without covariates.
    _covariate_targets: tuple[tuple[str, int, str], ...] = ()

    def _setup_covariates(self, covariates, data: pd.DataFrame) -> np.ndarray:
        """Check the covariates of a fit, name their effects; return the matrix z (n x k)."""
        if not self._covariate_targets:
            raise TypeError(f"{type(self).__name__} does not take covariates")
        z = _covariate_matrix(covariates, data, len(data))
        names = _covariate_names(covariates, z)
        _check_identified_covariates(z, names)
        self.covariate_names = names
        base = type(self).param_names
        self._n_log = len(base)
        self.param_names = base + tuple(f"{label}:{c}" for _, _, label in self._covariate_targets
                                        for c in names)
        return z

    def _theta_from(self, theta: np.ndarray, z: np.ndarray | None):
        """Per-customer base parameters (arrays where covariates scale them, else floats)."""
        base = type(self).param_names
        k0 = len(base)
        out = [float(v) for v in theta[:k0]]
        if z is None or not self.covariate_names:
            return out
        k = len(self.covariate_names)
        for j, (name, sign, _) in enumerate(self._covariate_targets):
            g = theta[k0 + j * k: k0 + (j + 1) * k]
            i = base.index(name)
            out[i] = out[i] * np.exp(sign * (z @ g))
        return out

    def _customer_z(self, covariates, n: int) -> np.ndarray | None:
        """The covariate matrix a prediction needs (None for a model without covariates)."""
        if not self.covariate_names:
            if covariates is not None:
                raise TypeError(f"this {type(self).__name__} was fitted without covariates; "
                                f"do not pass covariates= to its predictions")
            return None
        if covariates is None:
            raise ValueError(
                f"this {type(self).__name__} was fitted with covariates "
                f"{list(self.covariate_names)}: give each customer's values with covariates=...")
        return _covariate_matrix(covariates, None, n, names=self.covariate_names)

    def customer_params(self, covariates=None) -> pd.DataFrame:
        r"""Each customer's model parameters, with the covariate effects applied.

        For a model with covariates, :math:`\theta_i = \theta \exp(\pm\gamma' z_i)` for each
        scaled parameter (see the model's ``fit``); the other parameters are common.

        Parameters
        ----------
        covariates : DataFrame or array-like
            The customers' covariate values, columns as in the fit.

        Returns
        -------
        DataFrame
            One row per customer, one column per base parameter.

        Examples
        --------
        >>> from cvlib.lifetime import ParetoNBD
        >>> pn = ParetoNBD.from_params(r=0.5, alpha=10.0, s=0.6, beta=12.0,
        ...                            effects={"purchase:vip": 0.5})
        >>> pn.customer_params(pd.DataFrame({"vip": [0.0, 1.0]}))["alpha"].round(3).tolist()
        [10.0, 6.065]
        """
        theta = self._require_fitted()
        if covariates is None:
            z = self._customer_z(None, 1)
            n = 1
        else:
            n = len(covariates) if hasattr(covariates, "__len__") else 1
            z = self._customer_z(covariates, n)
        values = self._theta_from(theta, z)
        index = covariates.index if isinstance(covariates, pd.DataFrame) else None
        return pd.DataFrame({k: np.broadcast_to(v, (n,)) for k, v in
                             zip(type(self).param_names, values, strict=True)}, index=index)

    def predict_interval(self, quantity: str, data: pd.DataFrame, **kwargs) -> pd.DataFrame:
        """Confidence intervals of predictions from parametric draws of the estimates.

        See :func:`cvlib.lifetime._base.predict_interval` (same arguments after ``data``).
        """
        return predict_interval(self, quantity, data, **kwargs)

    # -- construction from known parameters
    @classmethod
    def from_params(cls, effects: dict | None = None, **params):
        """A model with given parameter values (no data, no standard errors), for predictions.

        Example: ``BetaGeo.from_params(r=0.243, alpha=4.414, a=0.793, b=2.426)``.  Models
        that take covariates also accept ``effects={"purchase:z": 0.5, "dropout:z": -0.3}``
        (labels as in the fitted model's ``params``; an effect not given is 0).
        """
        if effects:
            model = cls.from_params(**params)
            labels = [label for _, _, label in cls._covariate_targets]
            if not labels:
                raise TypeError(f"{cls.__name__} does not take covariates (effects=...)")
            names: list[str] = []
            for key in effects:
                label, _, cov = str(key).partition(":")
                if label not in labels or not cov:
                    raise ValueError(f"effect {key!r} must be named 'process:covariate' with "
                                     f"process one of {labels}")
                if cov not in names:
                    names.append(cov)
            model.covariate_names = tuple(names)
            model._n_log = len(cls.param_names)
            model.param_names = cls.param_names + tuple(f"{lab}:{c}" for lab in labels for c in names)
            values = [float(effects.get(k, 0.0)) for k in model.param_names[len(cls.param_names):]]
            if not np.isfinite(values).all():
                raise ValueError(f"covariate effects must be finite numbers, got {effects}")
            model.params = pd.Series(np.r_[model.params.to_numpy(), values],
                                     index=list(model.param_names), name="estimate")
            return model
        missing = [p for p in cls.param_names if p not in params]
        extra = [p for p in params if p not in cls.param_names]
        if missing or extra:
            raise ValueError(
                f"{cls.__name__} needs exactly the parameters {list(cls.param_names)}; "
                f"missing {missing}, unknown {extra}"
            )
        try:
            values = np.array([float(params[p]) for p in cls.param_names])
        except (TypeError, ValueError):
            raise TypeError(f"{cls.__name__} parameters must be numbers, got {params}") from None
        if not (np.isfinite(values) & (values > 0)).all():
            raise ValueError(f"{cls.__name__} parameters must be positive finite numbers, got {params}")
        model = cls()
        model.params = pd.Series(values, index=list(cls.param_names), name="estimate")
        return model

    def _require_fitted(self):
        if self.params is None:
            raise RuntimeError(
                f"this {type(self).__name__} has no parameters yet: call .fit(data) first "
                f"(or build it with {type(self).__name__}.from_params(...))"
            )
        return self.params.to_numpy()

    @staticmethod
    def _unidentified(model: str, why: str) -> ModelFitError:
        return ModelFitError(f"{model}: the data cannot identify the model: {why}")

    # -- optimisation
    def _optimize(self, negll, grad, total_weight: float, starts, analytic: bool = True,
                  negll_and_grad=None, hess_inv0=None, polish: bool = True):
        """Minimise ``negll`` (summed, weighted) over log parameters; store the results."""
        k = len(self.param_names)
        scale = 1.0 / total_weight

        def fun(phi):
            if np.abs(phi).max() > _BOUND + 2:
                return 1e300        # a wall beyond the bounds: a parameter running off stops there
            val = negll(phi)
            return val * scale if np.isfinite(val) else 1e300

        if analytic:
            def fun_and_grad(phi):
                if negll_and_grad is not None:
                    val, g = negll_and_grad(phi)
                else:
                    val = negll(phi)
                    if not np.isfinite(val):
                        return 1e300, np.zeros(k)
                    g = grad(phi)
                if not np.isfinite(val) or not np.isfinite(g).all():
                    return 1e300, np.zeros(k)
                return val * scale, g * scale
        best = None
        ran_off = None
        messages = []
        first = np.asarray(starts[0], dtype=float)
        if first.shape != (k,) or not np.isfinite(first).all():
            raise ValueError(
                f"init must give {k} positive starting values for {list(self.param_names)}"
            )
        for attempt, x0 in enumerate(starts):
            x0 = np.asarray(x0, dtype=float)
            options = {"maxiter": 2000, "gtol": 1e-8}
            if attempt == 0 and hess_inv0 is not None and analytic:
                options["hess_inv0"] = hess_inv0
            with np.errstate(all="ignore"):
                if analytic:
                    # BFGS (numpy only): scipy's L-BFGS-B calls BLAS, whose threads make
                    # small problems slow on a busy machine
                    res = optimize.minimize(fun_and_grad, x0, jac=True, method="BFGS",
                                            options=options)
                    gmax = np.abs(res.jac).max() if np.isfinite(res.jac).all() else np.inf
                    converged = bool(res.success) or gmax < 1e-5
                else:
                    def stop_at_bound(xk):
                        # a parameter running off along a flat ridge: stop, the fit fails anyway
                        if np.abs(xk).max() >= _BOUND - 0.5:
                            raise StopIteration

                    res = optimize.minimize(fun, x0, method="BFGS", jac="3-point",
                                            callback=stop_at_bound,
                                            options={"maxiter": 2000, "gtol": 1e-7})
                    converged = bool(res.success)
                    if not polish and not converged and res.jac is not None:
                        # stopped by lost precision at a point where the gradient vanishes
                        converged = bool(np.isfinite(res.jac).all() and np.abs(res.jac).max() < 1e-5)
                    # polish unless BFGS already ran off to a bound (the fit fails anyway)
                    if (polish and np.isfinite(res.fun) and res.fun < 1e299
                            and np.abs(res.x).max() < _BOUND - 0.5):
                        polished = optimize.minimize(fun, res.x, method="Nelder-Mead",
                                                     callback=stop_at_bound,
                                                     options={"xatol": 1e-9, "fatol": 1e-13,
                                                              "maxiter": 4000})
                        converged = converged or bool(polished.success)
                        if polished.fun <= res.fun:
                            res.x, res.fun = polished.x, polished.fun
            messages.append(str(res.message))
            ok = converged and np.isfinite(res.fun) and res.fun < 1e299
            if ok and (best is None or res.fun < best.fun):
                best = res
            elif (not ok and np.isfinite(res.fun) and res.fun < 1e299
                  and np.abs(res.x).max() >= _BOUND - 0.5):
                ran_off = res       # stopped at the wall: report which parameter ran off
            if best is not None and np.abs(best.x).max() < _BOUND - 0.5:
                break
        if best is None and ran_off is not None:
            best = ran_off
        if best is None:
            raise ModelFitError(
                f"{type(self).__name__}: the optimiser failed from every starting point "
                f"({'; '.join(sorted(set(messages)))}). Check the data (time units, frequency "
                f"and recency columns) or provide starting values with init=..."
            )
        at_bound = np.abs(best.x) >= _BOUND - 0.5
        if at_bound.any():
            names = [self.param_names[i] for i in np.flatnonzero(at_bound)]
            values = np.exp(best.x[at_bound])
            raise ModelFitError(
                f"{type(self).__name__}: parameter(s) {names} ran off to "
                f"{['0' if v < 1 else 'infinity' for v in values]} (estimate {values.tolist()}): "
                f"the data cannot identify the model (for example no customer ever drops out, "
                f"or too few repeat purchases)."
            )
        phi = best.x
        if analytic:
            hess = _hessian_from_gradient(grad, phi)
        else:
            hess = _hessian_from_function(negll, phi)
        theta = self._natural(phi)
        names = list(self.param_names)
        try:
            cov_phi = np.linalg.inv(hess)
            ok = (np.isfinite(cov_phi).all() and (np.diag(cov_phi) > 0).all()
                  and (np.linalg.eigvalsh((hess + hess.T) / 2) > 0).all())
        except np.linalg.LinAlgError:
            ok = False
        if not ok:
            raise ModelFitError(
                f"{type(self).__name__}: the optimiser stopped at {dict(zip(names, theta.round(6), strict=True))} "
                f"(log-likelihood {-negll(phi):.4f}) where the log-likelihood is flat or not a "
                f"maximum (singular Hessian): the data cannot identify all parameters (for "
                f"example no repeat purchase at all, or far too few customers)."
            )
        self.params = pd.Series(theta, index=names, name="estimate")
        self._cov_log = cov_phi
        jac = self._natural_jacobian(phi)
        cov = cov_phi * np.outer(jac, jac)        # delta method, exact at a stationary point
        self.cov_params = pd.DataFrame(cov, index=names, columns=names)
        self.llf = float(-negll(phi))
        self.optimizer = best

    # -- results
    @property
    def bse(self) -> pd.Series:
        """Standard errors of the parameters (square roots of the inverse observed information)."""
        self._require_fitted()
        if self.cov_params is None:
            return pd.Series(np.nan, index=self.params.index, name="se")
        return pd.Series(np.sqrt(np.diag(self.cov_params.to_numpy())), index=self.params.index,
                         name="se")

    @property
    def aic(self) -> float:
        """Akaike information criterion, -2 llf + 2 k."""
        return -2 * self.llf + 2 * len(self.param_names)

    @property
    def bic(self) -> float:
        """Bayesian information criterion, -2 llf + k ln n (n = customers)."""
        return -2 * self.llf + len(self.param_names) * np.log(self.nobs) if self.nobs else np.nan

    def _estimates(self, ci: float, log_scale: bool = False) -> pd.DataFrame:
        self._require_fitted()
        if not log_scale:
            return wald(self.params, self.bse, ci)
        z = float(stats.norm.ppf(0.5 + ci / 2))
        factor = np.exp(z * self.bse / self.params)
        return pd.DataFrame({"estimate": self.params, "se": self.bse,
                             "ci_low": self.params / factor, "ci_high": self.params * factor})

    def summary(self, ci: float = 0.95, *, log_scale: bool = False) -> pd.DataFrame:
        """One row per parameter: ``estimate``, ``se``, ``ci_low``, ``ci_high``.

        Parameters
        ----------
        ci : float, default 0.95
            Confidence level of the interval, in (0, 1).
        log_scale : bool, default False
            False: the Wald interval estimate +- z se.  True: the Wald interval
            of log(parameter) transformed back, estimate * exp(+- z se /
            estimate): always positive, and asymmetric like the likelihood
            of a scale parameter.

        Returns
        -------
        DataFrame
            Indexed by ``parameter``; ``attrs`` hold the model name, ``llf``,
            ``aic``, ``bic`` and ``nobs``.
        """
        out = self._estimates(check_ci(ci), log_scale)[["estimate", "se", "ci_low", "ci_high"]]
        out.index.name = "parameter"
        out.attrs.update(model=self.model_name, llf=self.llf, aic=self.aic, bic=self.bic,
                         nobs=self.nobs, ci=ci)
        return out

    def conf_int(self, alpha: float = 0.05, *, log_scale: bool = False) -> pd.DataFrame:
        """Confidence intervals at level 1 - alpha: columns ``ci_low``, ``ci_high`` (see :meth:`summary`)."""
        self._require_fitted()
        return self.summary(ci=check_alpha(alpha), log_scale=log_scale)[["ci_low", "ci_high"]]

    def _header(self) -> str:
        if self.params is None:
            return f"{type(self).__name__} ({self.model_name}), not fitted"
        if not self.nobs:
            return f"{type(self).__name__} ({self.model_name}), parameters given"
        return (f"{type(self).__name__} ({self.model_name}) fitted to {self.nobs:,.0f} "
                f"{self._nobs_label} ({self.n_patterns:,} {self._patterns_label}): "
                f"log-likelihood {self.llf:.2f}, AIC {self.aic:.2f}, BIC {self.bic:.2f}")

    def _title(self) -> list[str]:
        return [self._header()] + ([self.citation] if self.citation else [])

    def __repr__(self) -> str:
        if self.params is None:
            return f"<{self._header()}>"
        if not self.nobs:
            values = ", ".join(f"{k}={v:.4g}" for k, v in self.params.items())
            return f"<{self._header()}: {values}>"
        return super().__repr__()

    def _repr_html_(self) -> str:
        if self.params is None or not self.nobs:
            import html

            return f"<p><code>{html.escape(repr(self))}</code></p>"
        return super()._repr_html_()


# ----------------------------------------------------------------- covariates


def _covariate_matrix(covariates, data: pd.DataFrame | None, n: int, names=None) -> np.ndarray:
    """The covariate matrix (n x k floats) from column names of ``data`` or a DataFrame / array.

    Every column must be numeric (booleans count as 0/1), finite and without missing values;
    a categorical variable must be coded as 0/1 columns first (``pd.get_dummies(...,
    drop_first=True, dtype=float)``).
    """
    if isinstance(covariates, str):
        covariates = [covariates]
    if isinstance(covariates, list | tuple) and all(isinstance(c, str) for c in covariates):
        if data is None:
            raise TypeError("covariates given as column names need the data frame they belong to")
        require_columns(data, list(covariates), "data")
        frame = data[list(covariates)]
    elif isinstance(covariates, pd.DataFrame):
        frame = covariates if names is None else covariates.reindex(columns=list(names))
        if names is not None and frame.isna().all().any():
            missing = [c for c in names if c not in covariates.columns]
            if missing:
                raise ValueError(f"covariates lacks the column(s) {missing} the model was fitted with")
    else:
        try:
            arr = np.asarray(covariates, dtype=float)
        except (TypeError, ValueError):
            raise TypeError(
                f"covariates must be column names of data, a DataFrame or a numeric array, got "
                f"{type(covariates).__name__}") from None
        if arr.ndim == 1:
            arr = arr[:, None]
        frame = pd.DataFrame(arr, columns=list(names) if names is not None and len(names) ==
                             arr.shape[1] else [f"z{i + 1}" for i in range(arr.shape[1])])
    for col in frame.columns:
        s = frame[col]
        if not (pd.api.types.is_numeric_dtype(s) or pd.api.types.is_bool_dtype(s)):
            raise TypeError(
                f"covariate {col!r} must be numeric, got dtype {s.dtype}; code a categorical "
                f"variable as 0/1 columns first, e.g. pd.get_dummies(data[{col!r}], "
                f"drop_first=True, dtype=float)")
    z = frame.to_numpy(dtype=float)
    if z.shape[0] != n:
        raise ValueError(f"covariates has {z.shape[0]} rows but there are {n} customers")
    if names is not None and z.shape[1] != len(names):
        raise ValueError(f"covariates has {z.shape[1]} columns, the model was fitted with "
                         f"{len(names)}: {list(names)}")
    if not np.isfinite(z).all():
        raise ValueError(f"covariates have {int((~np.isfinite(z)).sum())} missing or infinite value(s)")
    return z


def _covariate_names(covariates, z: np.ndarray) -> tuple[str, ...]:
    if isinstance(covariates, str):
        return (covariates,)
    if isinstance(covariates, list | tuple) and all(isinstance(c, str) for c in covariates):
        return tuple(covariates)
    if isinstance(covariates, pd.DataFrame):
        return tuple(str(c) for c in covariates.columns)
    return tuple(f"z{i + 1}" for i in range(z.shape[1]))


def _check_identified_covariates(z: np.ndarray, names) -> None:
    sd = z.std(axis=0)
    const = [n for n, v in zip(names, sd, strict=True) if v == 0]
    if const:
        raise ValueError(
            f"covariate(s) {const} take the same value for every customer: their effect cannot be "
            f"told apart from the base parameters (fit without them)")
    if z.shape[1] > 1 and np.linalg.matrix_rank(z - z.mean(axis=0)) < z.shape[1]:
        raise ValueError(f"the covariates {list(names)} are collinear (one is a combination of "
                         f"the others): drop one")


# ----------------------------------------------------------------- prediction intervals

_QUANTITIES = ("p_alive", "expected_purchases", "clv")


def _param_draws(model, n_boot: int, rng) -> np.ndarray:
    """Parameter draws (n_boot x k, natural scale) from the asymptotic normal of the estimates
    on the optimisation scale (log of positive parameters, covariate effects as they are)."""
    cov = getattr(model, "_cov_log", None)
    if cov is None:
        raise ValueError(
            f"this {type(model).__name__} has no standard errors (built with from_params?): "
            f"intervals need a model fitted to data")
    phi = model._phi_hat()
    draws = rng.multivariate_normal(phi, cov, size=n_boot, method="cholesky")
    return model._natural(draws)


def predict_interval(model, quantity: str, data: pd.DataFrame, *, t: float | None = None,
                     spend_model=None, total: bool = False, frequency: str = "frequency",
                     recency: str = "recency", T: str = "T", monetary_value: str = "monetary_value",
                     time: int = 12, discount_rate: float = 0.01, margin: float = 1.0,
                     time_unit: str | float = "W", ci: float = 0.95, n_boot: int = 1000,
                     seed=None) -> pd.DataFrame:
    r"""Confidence intervals for P(alive), expected purchases or CLV, per customer or in total.

    The intervals reflect the uncertainty of the estimated parameters, by
    parametric draws from their sampling distribution: ``n_boot`` parameter
    vectors :math:`\phi^{(b)} \sim N(\hat\phi, \hat V)`, where :math:`\phi` are
    the parameters on the scale they were estimated on (logs of the positive
    parameters, covariate effects as they are) and :math:`\hat V` the inverse
    observed information; each draw gives a prediction, and the interval is
    the ``(1 - ci)/2`` and ``(1 + ci)/2`` quantiles of the draws (Krinsky &
    Robb 1986).  For CLV the spend model's parameters are drawn too
    (independently: the two models are fitted separately).  The ``estimate``
    is the prediction at the estimates; ``se`` the standard deviation of the
    draws.  The interval is for the model's *expectation* given a customer's
    history, not for the purchases she will actually make (those vary around
    it even with known parameters).

    Parameters
    ----------
    model : BetaGeo, ParetoNBD or BetaGeoBeta
        A model fitted to data (it needs standard errors).
    quantity : {"p_alive", "expected_purchases", "clv"}
        What to predict (``clv`` needs ``spend_model``; not for BetaGeoBeta).
    data : DataFrame
        One row per customer with the columns ``frequency``, ``recency``,
        ``T`` (``periods`` for BetaGeoBeta), ``monetary_value`` for CLV and the
        model's covariates, if any.
    t : float
        Forecast horizon for ``expected_purchases`` (time unit of the data).
    spend_model : GammaGamma, optional
        Fitted spend model, for ``clv``.
    total : bool, default False
        False: one row per customer; True: one row ``total`` for the sum over
        customers (e.g. the expected number of active customers for ``p_alive``).
    time, discount_rate, margin, time_unit
        CLV settings, as in :meth:`GammaGamma.customer_lifetime_value`.
    ci : float, default 0.95
        Confidence level.
    n_boot : int, default 1000
        Number of parameter draws.
    seed : int, Generator or None

    Returns
    -------
    DataFrame
        ``estimate``, ``se``, ``ci_low``, ``ci_high``, indexed like ``data``
        (or by ``total`` when ``total=True``).

    Examples
    --------
    >>> from cvlib.datasets import fetch_cdnow_summary
    >>> from cvlib.lifetime import BetaGeo
    >>> s = fetch_cdnow_summary()
    >>> bg = BetaGeo().fit(s)
    >>> tot = bg.predict_interval("expected_purchases", s, t=39, total=True, seed=1)
    >>> round(float(tot.loc["total", "estimate"]), 1)
    1653.4
    >>> bool(tot.loc["total", "ci_low"] < 1653.4 < tot.loc["total", "ci_high"])
    True

    References
    ----------
    Krinsky, I. & Robb, A. L. (1986). On approximating the statistical
    properties of elasticities. Review of Economics and Statistics 68(4), 715-719.
    """
    from .._validate import as_rng, check_n_boot, check_option

    ci = check_ci(ci)
    n_boot = check_n_boot(n_boot, minimum=10)
    check_option(quantity, "quantity", _QUANTITIES)
    if not isinstance(total, bool | np.bool_):
        raise TypeError(f"total must be True (the sum over customers) or False (one row per "
                        f"customer), got {total!r}")
    rng = as_rng(seed)
    model._require_fitted()
    cols = {"frequency": frequency, "recency": recency, "T": T}
    if quantity == "clv":
        if spend_model is None or not hasattr(spend_model, "customer_lifetime_value"):
            raise ValueError("quantity='clv' needs spend_model=, a fitted GammaGamma model")
        cols["monetary_value"] = monetary_value
    if quantity == "expected_purchases":
        if t is None:
            raise ValueError("quantity='expected_purchases' needs the horizon t= (e.g. t=39 weeks)")
        _check_horizon(t)
    arr = _numeric_columns(data, cols)
    z = None
    if model.covariate_names:
        z = _covariate_matrix(list(model.covariate_names), data, len(data))
    # customers with identical data have identical predictions: compute each distinct row once
    stacked = np.column_stack([*arr.values()] + ([] if z is None else [z]))
    rows, inverse, counts = np.unique(stacked, axis=0, return_inverse=True, return_counts=True)
    inverse = inverse.ravel()
    arr = {k: rows[:, j] for j, k in enumerate(arr)}
    if z is not None:
        z = rows[:, len(cols):]

    def predict(m, g=None):
        kw = {} if z is None else {"covariates": z}
        if quantity == "p_alive":
            return m.p_alive(arr["frequency"], arr["recency"], arr["T"], **kw)
        if quantity == "expected_purchases":
            return m.expected_purchases(t, arr["frequency"], arr["recency"], arr["T"], **kw)
        return g.customer_lifetime_value(m, arr["frequency"], arr["recency"], arr["T"],
                                         arr["monetary_value"], time=time,
                                         discount_rate=discount_rate, margin=margin,
                                         time_unit=time_unit, **kw)

    estimate = np.asarray(predict(model, spend_model), dtype=float).reshape(-1)
    draws = _param_draws(model, n_boot, rng)
    spend_draws = _param_draws(spend_model, n_boot, rng) if quantity == "clv" else None
    clone = copy.copy(model)
    spend_clone = copy.copy(spend_model) if spend_model is not None else None
    sims = np.empty((n_boot, estimate.size))
    for i in range(n_boot):
        clone.params = pd.Series(draws[i], index=model.params.index)
        if spend_clone is not None:
            spend_clone.params = pd.Series(spend_draws[i], index=spend_model.params.index)
        with np.errstate(all="ignore"):
            sims[i] = np.asarray(predict(clone, spend_clone), dtype=float).reshape(-1)
    if total:
        estimate = np.array([estimate @ counts])
        sims = (sims @ counts)[:, None]
        index = pd.Index(["total"])
    else:
        estimate, sims = estimate[inverse], sims[:, inverse]
        index = data.index
    lo, hi = np.nanquantile(sims, [(1 - ci) / 2, (1 + ci) / 2], axis=0)
    out = pd.DataFrame({"estimate": estimate, "se": np.nanstd(sims, axis=0, ddof=1),
                        "ci_low": lo, "ci_high": hi}, index=index)
    out.attrs.update(quantity=quantity, ci=ci, n_boot=n_boot,
                     method="parametric draws from the asymptotic normal of the log-parameters")
    return out

"""From satisfaction to loyalty, and what drives it: loyalty regressions and key-driver analysis.

- :func:`loyalty_regression`: OLS with HC3 robust standard errors, or an
  ordered logit for an ordinal loyalty item (statsmodels underneath);
- :func:`key_drivers`: standardised coefficients and two relative-importance
  measures that add up to R-squared, the exact Shapley decomposition
  (:func:`shapley_r2`) and Johnson's relative weights
  (:func:`relative_weights`);
- :func:`drivers_by_level`: the same within dissatisfied, neutral and
  satisfied customers, the course material's point (002, "不满意的客户非常在意
  产品的基本特性") that each group cares about something else.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import factorial

import numpy as np
import pandas as pd

from .._results import EstimateResult, Result
from .._validate import (
    check_ci,
    check_missing,
    renamed_args,
    require_columns,
    require_frame,
    require_no_missing,
    require_numeric,
)
from ..language import say

__all__ = [
    "loyalty_regression",
    "LoyaltyModel",
    "shapley_r2",
    "relative_weights",
    "key_drivers",
    "KeyDrivers",
    "drivers_by_level",
]


def _complete(data, columns, missing, what="the survey"):
    require_frame(data)
    require_columns(data, columns, what)
    require_numeric(data, columns, what)
    missing = check_missing(missing, ("raise", "drop"))
    if missing == "raise":
        require_no_missing(data, columns, what)
    return data[list(columns)].dropna()


class LoyaltyModel(EstimateResult):
    """A regression of loyalty on satisfaction and its drivers (wraps a statsmodels result).

    ``summary(ci=0.95)`` has one row per term with ``estimate``, ``se``,
    ``ci_low``, ``ci_high``, ``p_value``, ``stat`` (t or z) and, for OLS,
    ``beta`` (the standardised coefficient).

    Attributes
    ----------
    kind : {"ols", "ordered"}
    outcome : str
    predictors : list of str
    fit : statsmodels results
        The underlying statsmodels result, for anything not exposed here.
    std_params : Series or None
        Standardised coefficients (OLS only): b_j s_j / s_y.
    nobs : int
    data : DataFrame
        The complete respondents the model was fitted on.
    """

    def __init__(self, kind, outcome, predictors, fit, std_params, nobs, data=None):
        self.kind, self.outcome, self.predictors = kind, outcome, predictors
        self.fit, self.std_params, self.nobs, self.data = fit, std_params, nobs, data

    @property
    def params(self) -> pd.Series:
        return self.fit.params

    @property
    def bse(self) -> pd.Series:
        return self.fit.bse

    @property
    def pvalues(self) -> pd.Series:
        return self.fit.pvalues

    @property
    def llf(self) -> float:
        """Log-likelihood."""
        return float(self.fit.llf)

    @property
    def aic(self) -> float:
        return float(self.fit.aic)

    @property
    def bic(self) -> float:
        return float(self.fit.bic)

    @property
    def rsquared(self) -> float:
        """R-squared (OLS) or McFadden's pseudo R-squared (ordered logit)."""
        if self.kind == "ols":
            return float(self.fit.rsquared)
        return float(self.fit.prsquared)

    def _estimates(self, ci: float) -> pd.DataFrame:
        bounds = self.fit.conf_int(1 - check_ci(ci))
        out = pd.DataFrame({"estimate": self.params, "se": self.bse,
                            "ci_low": bounds.iloc[:, 0], "ci_high": bounds.iloc[:, 1],
                            "p_value": self.pvalues, "stat": self.fit.tvalues})
        if self.std_params is not None:
            out["beta"] = self.std_params.reindex(out.index).astype(float)
        out.index.name = "term"
        return out

    def _title(self) -> list[str]:
        what = "OLS with HC3 robust standard errors" if self.kind == "ols" else "ordered logit"
        fit = f"R2 = {self.rsquared:.3f}" if self.kind == "ols" else f"pseudo R2 = {self.rsquared:.3f}"
        return [f"LoyaltyModel: {self.outcome} ~ {' + '.join(self.predictors)} ({what})",
                f"n = {self.nobs}, {fit}, logLik = {self.llf:.2f}, AIC = {self.aic:.2f}"]


def loyalty_regression(data: pd.DataFrame, outcome: str, predictors: Sequence[str], *,
                       kind: str = "ols", cov_type: str = "HC3", missing: str = "raise",
                       distr: str = "logit") -> LoyaltyModel:
    """Regress loyalty on satisfaction and its drivers.

    ``kind="ols"``: :math:`y = b_0 + \\sum_j b_j x_j + e`, fitted by
    statsmodels OLS with heteroskedasticity-robust HC3 standard errors
    (MacKinnon & White 1985), with standardised coefficients
    :math:`\\beta_j = b_j s_{x_j} / s_y`.

    ``kind="ordered"``: for an ordinal outcome (a 1-10 repurchase item), an
    ordered logit (or probit) :math:`P(y \\le k) = F(\\tau_k - x'b)` by
    statsmodels' ``OrderedModel``; the thresholds appear as ``1/2``, ``2/3``...

    Parameters
    ----------
    data : DataFrame
    outcome : str
        The loyalty column (e.g. ``"CUSL1"``, intention to repurchase).
    predictors : list of str
        Satisfaction and driver columns.
    kind : {"ols", "ordered"}
    cov_type : str
        statsmodels covariance type for OLS (``"HC3"``, ``"HC1"``, ``"nonrobust"``).
    missing : {"raise", "drop"}
        ``"raise"`` (default): an error saying how many answers are missing;
        ``"drop"``: drop incomplete respondents (listwise).
    distr : {"logit", "probit"}
        Link of the ordered model.

    Returns
    -------
    LoyaltyModel

    Examples
    --------
    >>> d = pd.DataFrame({"sat": [2, 4, 5, 7, 8, 9, 3, 6], "stay": [1, 3, 4, 6, 8, 8, 3, 5]})
    >>> m = loyalty_regression(d, "stay", ["sat"])
    >>> round(float(m.params["sat"]), 3), list(m.summary().columns[:4])
    (1.0, ['estimate', 'se', 'ci_low', 'ci_high'])
    """
    if kind not in ("ols", "ordered"):
        raise ValueError(f"kind must be 'ols' or 'ordered' (ordinal outcome), got {kind!r}")
    predictors = [predictors] if isinstance(predictors, str) else list(predictors)
    if not predictors:
        raise ValueError("predictors is empty; name at least one driver column")
    if outcome in predictors:
        raise ValueError(f"the outcome {outcome!r} is also listed among the predictors")
    d = _complete(data, [outcome] + predictors, missing)
    if len(d) <= len(predictors) + 2:
        raise ValueError(f"only {len(d)} complete respondent(s) for {len(predictors)} predictor(s)")
    const = d[predictors].std(ddof=1) == 0
    if const.any():
        raise ValueError(f"predictor(s) {list(const[const].index)} are constant; drop them")
    if not d[outcome].std(ddof=1) > 0:
        raise ValueError(
            f"the outcome {outcome!r} is constant (every respondent answered "
            f"{d[outcome].iloc[0]!r}): there is no variation to explain, R-squared is undefined"
        )
    import statsmodels.api as sm

    if kind == "ols":
        fit = sm.OLS(d[outcome].astype(float), sm.add_constant(d[predictors].astype(float))).fit(
            cov_type=cov_type)
        std = fit.params[predictors] * d[predictors].std(ddof=1) / d[outcome].std(ddof=1)
        return LoyaltyModel("ols", outcome, predictors, fit, std, len(d), d)
    from statsmodels.miscmodels.ordinal_model import OrderedModel

    levels = np.sort(d[outcome].unique())
    if np.all(levels == np.round(levels)):
        levels = levels.astype(int)        # thresholds read 1/2, 2/3, ... rather than 1.0/2.0
    if len(levels) < 3:
        raise ValueError(f"an ordered model needs an outcome with at least 3 levels; {outcome!r} has {list(levels)}")
    values = d[outcome].to_numpy()
    if levels.dtype.kind == "i":
        values = values.astype(int)
    y = pd.Series(pd.Categorical(values, categories=levels, ordered=True), index=d.index)
    model = OrderedModel(y, d[predictors].astype(float), distr=distr)
    fit = model.fit(method="bfgs", disp=False, maxiter=2000)
    return LoyaltyModel("ordered", outcome, predictors, fit, None, len(d), d)


# ---------------------------------------------------- relative importance


def _r2_all_subsets(corr: np.ndarray) -> np.ndarray:
    """R2 of y on every subset of predictors (bitmask index) from the correlation matrix.

    ``corr`` is the (p+1) x (p+1) correlation matrix with y last.
    """
    p = corr.shape[0] - 1
    rxx, rxy = corr[:p, :p], corr[:p, p]
    r2 = np.zeros(1 << p)
    for mask in range(1, 1 << p):
        idx = [j for j in range(p) if mask >> j & 1]
        r = rxy[idx]
        r2[mask] = float(r @ np.linalg.solve(rxx[np.ix_(idx, idx)], r))
    return r2


def shapley_r2(data: pd.DataFrame, outcome: str, drivers: Sequence[str], *,
               missing: str = "raise") -> pd.Series:
    """Shapley decomposition of R-squared (LMG; Lindeman, Merenda & Gold 1980).

    Each driver's share is its average gain in R-squared when it joins a
    model, over all orders of entry:

    .. math::

        \\phi_j = \\sum_{S \\subseteq P \\setminus \\{j\\}}
        \\frac{|S|!\\,(p - |S| - 1)!}{p!} \\left[R^2(S \\cup \\{j\\}) - R^2(S)\\right]

    computed exactly over all :math:`2^p` subsets (p <= 15).  The shares add
    up to the full model's R-squared.

    Returns
    -------
    Series
        driver -> Shapley value (R-squared units).

    Examples
    --------
    Two drivers: each gets half of what they share plus what is its own.

    >>> rng = np.random.default_rng(1)
    >>> d = pd.DataFrame(rng.normal(size=(300, 2)), columns=["price", "service"])
    >>> d["overall"] = d["price"] + 2 * d["service"] + rng.normal(size=300)
    >>> sh = shapley_r2(d, "overall", ["price", "service"])
    >>> bool(sh["service"] > sh["price"]), round(float(sh.sum()), 3)
    (True, 0.787)
    """
    drivers = [drivers] if isinstance(drivers, str) else list(drivers)
    if len(drivers) > 15:
        raise ValueError(f"exact Shapley needs 2^p regressions; {len(drivers)} drivers is too many (max 15)")
    d = _complete(data, list(drivers) + [outcome], missing)
    _check_design(d, outcome, drivers)
    corr = np.corrcoef(d.to_numpy(dtype=float), rowvar=False)
    p = len(drivers)
    r2 = _r2_all_subsets(corr)
    size = np.array([bin(m).count("1") for m in range(1 << p)])
    coef = np.array([factorial(s) * factorial(p - s - 1) / factorial(p) if s < p else 0.0
                     for s in range(p + 1)])
    phi = np.zeros(p)
    for j in range(p):
        bit = 1 << j
        without = np.array([m for m in range(1 << p) if not m & bit])
        phi[j] = float(np.sum(coef[size[without]] * (r2[without | bit] - r2[without])))
    return pd.Series(phi, index=drivers, name="shapley")


def relative_weights(data: pd.DataFrame, outcome: str, drivers: Sequence[str], *,
                     missing: str = "raise") -> pd.Series:
    """Johnson's (2000) relative weights: R-squared shared out through orthogonal proxies.

    With :math:`R_{xx} = Q \\Lambda Q'`, the orthogonal counterpart of the
    drivers is :math:`Z = X R_{xx}^{-1/2}`, linked to them by
    :math:`\\Lambda^* = R_{xx}^{1/2}`.  The regression of y on Z has
    weights :math:`\\beta = R_{xx}^{-1/2} r_{xy}` and the relative weight of
    driver j is

    .. math:: \\varepsilon_j = \\sum_k \\lambda^{*2}_{jk} \\beta_k^2 ,

    which add up to R-squared.

    Returns
    -------
    Series
        driver -> raw relative weight (R-squared units).

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> d = pd.DataFrame(rng.normal(size=(300, 2)), columns=["price", "service"])
    >>> d["overall"] = d["price"] + 2 * d["service"] + rng.normal(size=300)
    >>> round(float(relative_weights(d, "overall", ["price", "service"]).sum()), 3)
    0.787

    References
    ----------
    Johnson, J. W. (2000). A heuristic method for estimating the relative
    weight of predictor variables in multiple regression. *Multivariate
    Behavioral Research* 35(1), 1-19.
    """
    drivers = [drivers] if isinstance(drivers, str) else list(drivers)
    d = _complete(data, list(drivers) + [outcome], missing)
    _check_design(d, outcome, drivers)
    corr = np.corrcoef(d.to_numpy(dtype=float), rowvar=False)
    p = len(drivers)
    rxx, rxy = corr[:p, :p], corr[:p, p]
    evals, evecs = np.linalg.eigh(rxx)
    half = evecs @ np.diag(np.sqrt(np.clip(evals, 0.0, None))) @ evecs.T
    beta = np.linalg.solve(half, rxy)
    eps = (half ** 2) @ (beta ** 2)
    return pd.Series(eps, index=drivers, name="relative_weight")


def _check_design(d, outcome, drivers):
    if len(d) <= len(drivers) + 1:
        raise ValueError(f"only {len(d)} complete respondent(s) for {len(drivers)} driver(s)")
    sd = d.std(ddof=1)
    const = list(sd[sd == 0].index)
    if const:
        raise ValueError(f"column(s) {const} are constant among the complete respondents; drop them")
    if outcome in drivers:
        raise ValueError(f"the outcome {outcome!r} is also listed among the drivers")
    corr = np.corrcoef(d[list(drivers)].to_numpy(dtype=float), rowvar=False)
    if len(drivers) > 1 and np.linalg.matrix_rank(np.atleast_2d(corr)) < len(drivers):
        raise ValueError(f"the drivers {list(drivers)} are perfectly collinear")


class KeyDrivers(Result):
    """Key-driver analysis: standardised coefficients and relative importance.

    ``summary()`` is the driver table; ``params`` the standardised
    coefficients (no standard errors: relative importance is descriptive).

    Attributes
    ----------
    table : DataFrame
        One row per driver: ``driver``, ``r`` (correlation with the
        outcome), ``beta`` (standardised coefficient), ``shapley`` (Shapley
        share of R-squared, in R-squared units), ``relative_weight``
        (Johnson), ``importance`` (the Shapley value as a share 0-1 of
        R-squared; the shares sum to 1) and ``rank`` (1 = most important),
        sorted by importance.
    r_squared : float
    outcome : str
    nobs : int
    """

    _show_index = False

    def __init__(self, table, r_squared, outcome, nobs):
        self.table, self.r_squared, self.outcome, self.nobs = table, r_squared, outcome, nobs

    @property
    def params(self) -> pd.Series:
        """Standardised coefficients by driver."""
        return self.table.set_index("driver")["beta"]

    def summary(self) -> pd.DataFrame:
        """The driver table (a copy)."""
        return self.table.copy()

    def _title(self) -> list[str]:
        return [say(f"Key drivers of {self.outcome}: {len(self.table)} drivers "
                    f"(n = {self.nobs}, R2 = {self.r_squared:.3f})",
                    f"{self.outcome} 的关键驱动因素：{len(self.table)} 个"
                    f"（n = {self.nobs}，R2 = {self.r_squared:.3f}）")]


def key_drivers(data: pd.DataFrame, outcome: str, drivers: Sequence[str], *,
                missing: str = "raise") -> KeyDrivers:
    """Key-driver analysis of an outcome (overall satisfaction, loyalty) on attribute ratings.

    Reports, per driver, the correlation with the outcome, the standardised
    regression coefficient (which can be misleading when drivers are
    correlated), and two relative-importance measures that add up to
    R-squared: the exact Shapley decomposition (:func:`shapley_r2`) and
    Johnson's relative weights (:func:`relative_weights`).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> d = pd.DataFrame(rng.normal(size=(200, 3)), columns=["a", "b", "c"])
    >>> d["y"] = d["a"] + 0.5 * d["b"] + rng.normal(size=200)
    >>> kd = key_drivers(d, "y", ["a", "b", "c"])
    >>> bool(abs(kd.table["shapley"].sum() - kd.r_squared) < 1e-12)
    True
    >>> kd.table["driver"].tolist(), round(float(kd.table["importance"].sum()), 6)
    (['a', 'b', 'c'], 1.0)
    """
    drivers = [drivers] if isinstance(drivers, str) else list(drivers)
    if not drivers:
        raise ValueError("drivers is empty; name at least one attribute column")
    d = _complete(data, drivers + [outcome], missing)
    _check_design(d, outcome, drivers)
    z = (d - d.mean()) / d.std(ddof=1)
    corr = np.corrcoef(z.to_numpy(dtype=float), rowvar=False)
    p = len(drivers)
    beta = np.linalg.solve(corr[:p, :p], corr[:p, p])
    r2 = float(corr[:p, p] @ beta)
    sh = shapley_r2(d, outcome, drivers, missing="raise")
    rw = relative_weights(d, outcome, drivers, missing="raise")
    table = pd.DataFrame({
        "driver": drivers,
        "r": corr[:p, p],
        "beta": beta,
        "shapley": sh.to_numpy(),
        "relative_weight": rw.to_numpy(),
        "importance": sh.to_numpy() / r2 if r2 > 0 else np.nan,
    })
    table = table.sort_values("shapley", ascending=False, kind="stable").reset_index(drop=True)
    table["rank"] = np.arange(1, p + 1)
    return KeyDrivers(table, r2, outcome, len(d))


@renamed_args(level="split_on")
def drivers_by_level(data: pd.DataFrame, outcome: str, drivers: Sequence[str], *,
                     split_on: str | None = None, cuts: tuple[float, float] = (4, 7),
                     labels: tuple[str, str, str] = ("dissatisfied", "neutral", "satisfied"),
                     missing: str = "raise", min_n: int = 30) -> pd.DataFrame:
    """Key drivers separately for dissatisfied, neutral and satisfied customers.

    The course material's point (002, "不满意的客户非常在意产品的基本特性"):
    dissatisfied customers (不满意的客户) care about the product's basic
    features, neutral ones (感觉"一般"的客户) about how they are managed and
    served, satisfied ones (满意的客户) about how far the service helps them
    reach their own goals.  What makes an unhappy customer unhappy (basic
    attributes that fail) is not what delights a happy one.
    Respondents are split on the column ``split_on`` (by default the outcome itself, e.g.
    overall satisfaction on 1-10) into ``<= cuts[0]``, ``(cuts[0], cuts[1]]``
    and ``> cuts[1]``, and :func:`key_drivers` is run within each group.
    (Within a group the outcome's range is cut, so R-squared is lower than
    overall: compare the *shares* of importance, not their size.)

    Parameters
    ----------
    data : DataFrame
    outcome : str
        The outcome column (e.g. overall satisfaction 1-10).
    drivers : list of str
        Attribute ratings.
    split_on : str, optional
        The column that defines the three groups; default ``outcome``.
        (Renamed from ``level=``, which still works with a FutureWarning.)
    cuts : (float, float)
        Upper bounds of the dissatisfied and the neutral group.
    labels : three str
    missing : {"raise", "drop"}
    min_n : int
        Fewest respondents per group.

    Returns
    -------
    DataFrame
        Tidy: ``level`` (the group), ``n``, ``driver``, ``beta``, ``shapley``,
        ``importance`` (share 0-1 of the group's R-squared), ``rank``,
        ``r_squared``.

    Examples
    --------
    >>> rng = np.random.default_rng(2)
    >>> d = pd.DataFrame(rng.integers(1, 11, size=(600, 2)), columns=["price", "service"])
    >>> d["overall"] = np.clip(np.round(0.5 * d["price"] + 0.5 * d["service"]
    ...                                 + rng.normal(0, 1.5, 600)), 1, 10)
    >>> t = drivers_by_level(d, "overall", ["price", "service"])
    >>> t.groupby("level", observed=True)["importance"].sum().round(6).tolist()
    [1.0, 1.0, 1.0]
    """
    drivers = [drivers] if isinstance(drivers, str) else list(drivers)
    level = outcome if split_on is None else split_on
    cols = list(dict.fromkeys(drivers + [outcome, level]))
    d = _complete(data, cols, missing)
    if len(cuts) != 2 or not cuts[0] < cuts[1]:
        raise ValueError(f"cuts must be two increasing thresholds such as (4, 7), got {cuts!r}")
    if len(labels) != 3:
        raise ValueError(f"labels must name the three groups, got {labels!r}")
    v = d[level]
    groups = np.where(v <= cuts[0], 0, np.where(v <= cuts[1], 1, 2))
    frames = []
    for g, lab in enumerate(labels):
        sub = d[groups == g]
        if len(sub) < max(min_n, len(drivers) + 2):
            raise ValueError(
                f"only {len(sub)} {lab} respondent(s) ({level} in group {g + 1} of cuts {cuts}); "
                f"need at least {max(min_n, len(drivers) + 2)}: move the cuts or lower min_n"
            )
        kd = key_drivers(sub, outcome, drivers, missing="raise")
        t = kd.table[["driver", "beta", "shapley", "importance", "rank"]].copy()
        t.insert(0, "n", kd.nobs)
        t.insert(0, "level", lab)
        t["r_squared"] = kd.r_squared
        frames.append(t)
    out = pd.concat(frames, ignore_index=True)
    out["level"] = pd.Categorical(out["level"], categories=list(labels), ordered=True)
    return out



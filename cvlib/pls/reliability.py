"""Reliability and validity of multi-item scales: alpha, item analysis, rho_C, rho_A, AVE, HTMT.

Each function takes a DataFrame whose columns are the items of one scale
(or a whole data set plus a ``blocks`` dictionary for HTMT).  The same
measures are reported per block of a fitted PLS model by
:meth:`cvlib.pls.PLSResult.reliability`.

Usual thresholds (Hair, Hult, Ringle & Sarstedt 2022, A Primer on PLS-SEM,
ch. 4): Cronbach's alpha, rho_A and rho_C at least 0.70; AVE at least 0.50;
HTMT below 0.85 (conceptually distinct constructs) or 0.90 (similar ones).
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from scipy import stats

from .._bootstrap import percentile_interval, resample_counts
from .._results import EstimateResult
from .._validate import (
    check_ci,
    check_missing,
    check_n_boot,
    check_option,
    require_columns,
    require_frame,
    require_no_missing,
    require_numeric,
)

__all__ = [
    "CronbachAlpha",
    "cronbach_alpha",
    "item_analysis",
    "composite_reliability",
    "average_variance_extracted",
    "rho_a",
    "htmt",
    "THRESHOLDS",
]

#: Rules of thumb flagged by :meth:`PLSResult.reliability` and :func:`htmt` users.
THRESHOLDS = {"alpha": 0.70, "rho_C": 0.70, "rho_A": 0.70, "AVE": 0.50,
              "HTMT_strict": 0.85, "HTMT_liberal": 0.90}


def check_items(items, what: str = "items", *, missing: str = "raise", min_items: int = 2,
                min_rows: int = 3) -> pd.DataFrame:
    """Validate a DataFrame of numeric items; return it (listwise-deleted if ``missing='drop'``).

    Constant items (zero variance) are refused: they make alpha, HTMT and
    PLS weights undefined (NaN) instead of telling the user why.
    """
    require_frame(items, what)
    missing = check_missing(missing, ("raise", "drop"))
    cols = list(items.columns)
    if len(cols) < min_items:
        raise ValueError(f"{what} needs at least {min_items} item columns, got {len(cols)}: {cols}")
    require_numeric(items, cols, what)
    if missing == "raise":
        require_no_missing(items, cols, what)
    else:
        items = items.dropna()
    if len(items) < min_rows:
        raise ValueError(
            f"{what} has {len(items)} complete row(s); at least {min_rows} are needed"
        )
    sd = items.std(ddof=1)
    const = [c for c in cols if not sd[c] > 0]
    if const:
        raise ValueError(
            f"{what} has constant item(s) {const} (zero variance: every respondent gave the "
            f"same answer); drop them, they carry no information about the construct"
        )
    return items


class CronbachAlpha(EstimateResult):
    """Cronbach's alpha with its confidence interval.

    ``summary(ci=None)`` has one row, ``alpha``, with ``estimate``, ``se``
    (bootstrap standard error; NaN for the Feldt interval, which has none),
    ``ci_low`` and ``ci_high`` (by default at the level given to
    :func:`cronbach_alpha`); ``conf_int(alpha=0.05)`` the interval alone.

    Attributes: ``alpha``, ``ci_low``, ``ci_high`` (at ``level``), ``level``
    (e.g. 0.95), ``method`` ('feldt' or 'bootstrap'), ``n`` (rows), ``k``
    (items), ``draws`` (the bootstrap alphas, or None).  ``float(result)`` is
    alpha.
    """

    def __init__(self, alpha, ci_low, ci_high, level, method, n, k, draws=None):
        self.alpha, self.ci_low, self.ci_high = float(alpha), float(ci_low), float(ci_high)
        self.level, self.method, self.n, self.k, self.draws = level, method, int(n), int(k), draws

    def __float__(self) -> float:
        return float(self.alpha)

    def __eq__(self, other) -> bool:
        if not isinstance(other, CronbachAlpha):
            return NotImplemented
        return (self.alpha, self.ci_low, self.ci_high, self.level, self.method, self.n, self.k) == (
            other.alpha, other.ci_low, other.ci_high, other.level, other.method, other.n, other.k)

    __hash__ = None

    @property
    def params(self) -> pd.Series:
        return pd.Series({"alpha": self.alpha}, name="estimate")

    @property
    def bse(self) -> pd.Series:
        se = np.nan if self.draws is None else percentile_interval(self.draws, self.level)[0]
        return pd.Series({"alpha": se}, name="se")

    @property
    def ci(self) -> tuple[float, float]:
        """Deprecated: the interval ``(ci_low, ci_high)``; use ``conf_int()`` or ``summary()``."""
        warnings.warn("CronbachAlpha.ci is deprecated: use conf_int() or the ci_low / ci_high "
                      "attributes", FutureWarning, stacklevel=2)
        return (self.ci_low, self.ci_high)

    def _estimates(self, ci: float) -> pd.DataFrame:
        if self.method == "feldt":
            lo, hi = _feldt(self.alpha, self.n, self.k, ci)
            se = np.nan
        else:
            se, lo, hi = percentile_interval(self.draws, ci)
        return pd.DataFrame({"estimate": [self.alpha], "se": [se], "ci_low": [lo],
                             "ci_high": [hi]}, index=["alpha"])

    def summary(self, ci: float | None = None) -> pd.DataFrame:
        """One row (``alpha``): ``estimate``, ``se``, ``ci_low``, ``ci_high``.

        Parameters
        ----------
        ci : float, optional
            Confidence level; default the level given to :func:`cronbach_alpha`.
        """
        return super().summary(self.level if ci is None else ci)

    def _title(self) -> list[str]:
        return [f"Cronbach's alpha of {self.k} items, n={self.n}",
                f"{self.level:.0%} CI ({self.method})"]


def _feldt(a: float, n: int, k: int, ci: float) -> tuple[float, float]:
    """Feldt, Woodruff & Salih's (1987) interval for alpha at level ``ci``."""
    g = 1 - ci
    df1, df2 = n - 1, (n - 1) * (k - 1)
    return (float(1 - (1 - a) * stats.f.ppf(1 - g / 2, df1, df2)),
            float(1 - (1 - a) * stats.f.ppf(g / 2, df1, df2)))


def _alpha_from_cov(C: np.ndarray) -> np.ndarray:
    """alpha = k/(k-1) (1 - trace(C) / sum(C)) for a stack of covariance matrices."""
    k = C.shape[-1]
    tr = np.trace(C, axis1=-2, axis2=-1)
    tot = C.sum(axis=(-2, -1))
    return k / (k - 1) * (1 - tr / tot)


def cronbach_alpha(items: pd.DataFrame, ci: float = 0.95, *, method: str = "feldt",
                   standardized: bool = False, missing: str = "raise", n_boot: int = 2000,
                   seed=None) -> CronbachAlpha:
    r"""Cronbach's alpha of a scale, with a confidence interval.

    .. math:: \alpha = \frac{k}{k-1}\Bigl(1 - \frac{\sum_i s_i^2}{s_T^2}\Bigr)

    where ``k`` items have variances :math:`s_i^2` and their sum has variance
    :math:`s_T^2`.  ``standardized=True`` uses the correlation matrix instead
    (the "standardised alpha" :math:`k\bar r/(1+(k-1)\bar r)` reported by PLS
    software, which standardises the items).

    Confidence interval: ``method='feldt'`` (default) uses the exact F
    distribution of :math:`(1-\alpha)/(1-\hat\alpha)` under normal items
    (Feldt, Woodruff & Salih 1987): with :math:`df_1 = n-1`,
    :math:`df_2 = (n-1)(k-1)`, the bounds are
    :math:`1 - (1-\hat\alpha) F_{1-g/2}(df_1, df_2)` and
    :math:`1 - (1-\hat\alpha) F_{g/2}(df_1, df_2)` with :math:`g = 1 - ci`.
    ``method='bootstrap'`` gives the percentile interval of ``n_boot``
    resamples of respondents (seeded by ``seed``), which does not assume
    normality (useful for skewed 1-10 satisfaction items).

    Parameters
    ----------
    items : DataFrame
        One column per item of the scale (numeric ratings), one row per respondent.
        Reverse-coded items must be recoded first.
    ci : float
        Confidence level in (0, 1), e.g. 0.95.
    method : {'feldt', 'bootstrap'}
    standardized : bool
        Alpha of the standardised items (correlations) instead of the raw ones.
    missing : {'raise', 'drop'}
        Missing answers raise an error naming the columns (default) or drop the
        respondent (listwise deletion).  ``'error'`` still works, with a warning.
    n_boot : int
        Resamples of the bootstrap interval (at least 2; 2000 by default).
    seed : None, int or numpy Generator
        Seed of the bootstrap.

    Returns
    -------
    CronbachAlpha
        ``.alpha``, ``.ci_low``, ``.ci_high``, ``.n``, ``.k``; ``float(res)`` is alpha.

    Examples
    --------
    Three items of the workbook's bundled operator survey:

    >>> from cvlib import datasets
    >>> cusa = datasets.load("acsi_survey")[["CUSA1", "CUSA2", "CUSA3"]].dropna()
    >>> a = cronbach_alpha(cusa)
    >>> round(a.alpha, 3), a.n, a.k
    (0.881, 863, 3)
    >>> a.conf_int().round(3)
           ci_low  ci_high
    alpha   0.867    0.894

    References
    ----------
    Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests.
    Psychometrika 16(3).  Feldt, L. S., Woodruff, D. J., & Salih, F. A. (1987).
    Statistical inference for coefficient alpha. Applied Psychological Measurement 11(1).
    """
    from ._engine import moments, to_correlation

    ci = check_ci(ci)
    method = check_option(method, "method", ("feldt", "bootstrap"))
    if method == "bootstrap":
        n_boot = check_n_boot(n_boot, minimum=2)
    items = check_items(items, "items", missing=missing)
    X = items.to_numpy(dtype=float)
    n, k = X.shape
    C = np.cov(X, rowvar=False)
    if standardized:
        C = to_correlation(C[None])[0]
    a = float(_alpha_from_cov(C))
    draws = None
    if method == "feldt":
        lo, hi = _feldt(a, n, k, ci)
    else:
        Cb = moments(X, resample_counts(n, n_boot, seed=seed))
        if standardized:
            Cb = to_correlation(Cb)
        with np.errstate(invalid="ignore", divide="ignore"):
            draws = _alpha_from_cov(Cb)
        _, lo, hi = percentile_interval(draws, ci)
    return CronbachAlpha(alpha=a, ci_low=lo, ci_high=hi, level=ci, method=method, n=n, k=k,
                         draws=draws)


def item_analysis(items: pd.DataFrame, *, missing: str = "raise") -> pd.DataFrame:
    r"""Item statistics of a scale: mean, sd, corrected item-total correlation, alpha if deleted.

    The corrected item-total correlation of item ``i`` is the correlation of
    the item with the sum of the *other* items (so the item does not
    correlate with itself); values below about 0.3 mark an item that does not
    measure what the others measure.  ``alpha_if_deleted`` is Cronbach's alpha
    of the remaining ``k - 1`` items (NaN when only one would remain).

    Parameters
    ----------
    items : DataFrame
        One numeric column per item, one row per respondent.
    missing : {'raise', 'drop'}
        Missing answers raise (default) or drop the respondent.

    Returns
    -------
    DataFrame
        Indexed by item: ``mean``, ``sd``, ``item_total`` (corrected item-total
        correlation), ``alpha_if_deleted``.

    Examples
    --------
    >>> scale = pd.DataFrame({"q1": [1, 2, 3, 4, 5], "q2": [2, 2, 3, 5, 5], "q3": [5, 1, 4, 2, 3]})
    >>> item_analysis(scale)["item_total"].round(3).tolist()
    [0.487, 0.617, -0.259]

    References
    ----------
    Nunnally, J. C., & Bernstein, I. H. (1994). Psychometric Theory, 3rd ed., ch. 8.
    """
    items = check_items(items, "items", missing=missing)
    X = items.to_numpy(dtype=float)
    k = X.shape[1]
    C = np.cov(X, rowvar=False)
    total = X.sum(axis=1)
    rows = []
    for i, name in enumerate(items.columns):
        rest = total - X[:, i]
        r = float(np.corrcoef(X[:, i], rest)[0, 1])
        keep = [j for j in range(k) if j != i]
        aid = float(_alpha_from_cov(C[np.ix_(keep, keep)])) if k > 2 else np.nan
        rows.append((name, X[:, i].mean(), X[:, i].std(ddof=1), r, aid))
    out = pd.DataFrame(rows, columns=["item", "mean", "sd", "item_total", "alpha_if_deleted"])
    return out.set_index("item")


def _loadings(loadings) -> np.ndarray:
    lam = np.asarray(loadings, dtype=float).ravel()
    if lam.size == 0 or not np.isfinite(lam).all():
        raise ValueError(f"loadings must be a non-empty list of finite numbers, got {loadings!r}")
    if (np.abs(lam) > 1 + 1e-9).any():
        raise ValueError(
            f"standardised loadings must lie in [-1, 1], got {lam[np.abs(lam) > 1].tolist()}"
        )
    return lam


def composite_reliability(loadings) -> float:
    r"""Composite reliability (Joereskog's rho_C) from standardised loadings.

    .. math:: \rho_C = \frac{(\sum_i \lambda_i)^2}{(\sum_i \lambda_i)^2 + \sum_i (1 - \lambda_i^2)}

    Parameters
    ----------
    loadings : sequence of float
        Standardised outer loadings of one reflective block (correlations of
        each item with the latent score), e.g. ``res.outer`` rows of a block.

    Returns
    -------
    float

    Examples
    --------
    >>> round(composite_reliability([0.8, 0.8, 0.8]), 4)
    0.8421

    References
    ----------
    Joereskog, K. G. (1971). Statistical analysis of sets of congeneric tests.
    Psychometrika 36(2); Hair et al. (2022), A Primer on PLS-SEM, ch. 4.
    """
    lam = _loadings(loadings)
    s = lam.sum() ** 2
    return float(s / (s + (1 - lam**2).sum()))


def average_variance_extracted(loadings) -> float:
    r"""Average variance extracted (Fornell & Larcker 1981): the mean squared standardised loading.

    .. math:: AVE = \frac{1}{k}\sum_i \lambda_i^2

    An AVE of at least 0.5 means the construct explains more than half of its
    items' variance (convergent validity).

    Examples
    --------
    >>> average_variance_extracted([0.8, 0.6])
    0.5

    References
    ----------
    Fornell, C., & Larcker, D. F. (1981). Evaluating structural equation models with
    unobservable variables and measurement error. Journal of Marketing Research 18(1).
    """
    lam = _loadings(loadings)
    return float(np.mean(lam**2))


def rho_a_from_corr(S: np.ndarray, w: np.ndarray) -> float:
    """Dijkstra-Henseler rho_A from an item correlation matrix and the block's outer weights."""
    w = np.asarray(w, dtype=float)
    if len(w) < 2:
        return np.nan
    w = w / np.sqrt(w @ S @ w)
    off = S - np.diag(np.diag(S))
    ww = np.outer(w, w)
    num = (w @ off @ w)
    den = (w @ (ww - np.diag(np.diag(ww))) @ w)
    return float((w @ w) ** 2 * num / den)


def rho_a(items: pd.DataFrame, weights, *, missing: str = "raise") -> float:
    r"""Dijkstra-Henseler reliability rho_A of a reflective block.

    .. math:: \rho_A = (\hat w'\hat w)^2\,
              \frac{\hat w'(S - \mathrm{diag}\,S)\hat w}{\hat w'(\hat w\hat w' - \mathrm{diag}\,\hat w\hat w')\hat w}

    with ``S`` the item correlation matrix and ``w`` the block's outer weights
    scaled so that the latent score has unit variance.  rho_A usually lies
    between alpha (a lower bound) and rho_C (an upper bound).

    Parameters
    ----------
    items : DataFrame
        The block's items (one column each).
    weights : sequence of float
        Outer weights of the items, in column order (any positive scale), e.g.
        from ``res.outer``.
    missing : {'raise', 'drop'}

    Returns
    -------
    float

    Examples
    --------
    >>> from cvlib import datasets
    >>> cusa = datasets.load("acsi_survey")[["CUSA1", "CUSA2", "CUSA3"]].dropna()
    >>> round(rho_a(cusa, [1, 1, 1]), 3)
    0.881

    References
    ----------
    Dijkstra, T. K., & Henseler, J. (2015). Consistent partial least squares path
    modeling. MIS Quarterly 39(2), eq. (7).
    """
    items = check_items(items, "items", missing=missing)
    w = np.asarray(weights, dtype=float).ravel()
    if len(w) != items.shape[1]:
        raise ValueError(f"weights has {len(w)} values for {items.shape[1]} items "
                         f"{list(items.columns)}")
    if not np.isfinite(w).all() or not np.any(w != 0):
        raise ValueError(f"weights must be finite numbers, not all zero, got {w.tolist()}")
    S = np.corrcoef(items.to_numpy(dtype=float), rowvar=False)
    return rho_a_from_corr(S, w)


def htmt_from_corr(S: np.ndarray, block_items: Sequence[np.ndarray], names) -> pd.DataFrame:
    """HTMT matrix from an item correlation matrix and item indices per block."""
    A = np.abs(S)
    L = len(block_items)
    mono = np.ones(L)  # a single item correlates perfectly with itself
    for j, idx in enumerate(block_items):
        k = len(idx)
        if k > 1:
            sub = A[np.ix_(idx, idx)]
            mono[j] = (sub.sum() - k) / (k * (k - 1))
    out = np.full((L, L), np.nan)
    for i in range(L):
        for j in range(L):
            if i != j:
                het = A[np.ix_(block_items[i], block_items[j])].mean()
                out[i, j] = het / np.sqrt(mono[i] * mono[j])
    return pd.DataFrame(out, index=list(names), columns=list(names))


def htmt(data: pd.DataFrame, blocks: Mapping[str, Sequence[str]], *,
         missing: str = "raise") -> pd.DataFrame:
    r"""Heterotrait-monotrait ratio of correlations (HTMT) between every pair of blocks.

    .. math:: HTMT_{ij} = \frac{\bar r_{ij}}{\sqrt{\bar r_{ii}\,\bar r_{jj}}}

    where :math:`\bar r_{ij}` is the mean correlation between items of blocks
    ``i`` and ``j`` (heterotrait-heteromethod) and :math:`\bar r_{ii}` the mean
    correlation among the items of block ``i`` (monotrait-heteromethod).
    Absolute correlations are used, so reverse-worded items do not cancel
    out.  For a single-item block the monotrait mean is taken as 1 (the item
    with itself), as SmartPLS and seminr do.  HTMT below 0.85 (or 0.90 for conceptually close
    constructs) supports discriminant validity.

    Parameters
    ----------
    data : DataFrame
        The items.
    blocks : dict
        latent name -> list of its item columns.
    missing : {'raise', 'drop'}
        Missing answers raise (default) or drop the respondent.

    Returns
    -------
    DataFrame
        Symmetric latent x latent matrix (NaN on the diagonal).

    Examples
    --------
    >>> from cvlib import datasets
    >>> survey = datasets.load("acsi_survey")
    >>> blocks = {"Satisfaction": ["CUSA1", "CUSA2", "CUSA3"], "Loyalty": ["CUSL1", "CUSL3"]}
    >>> h = htmt(survey, blocks, missing="drop")
    >>> bool(h.loc["Satisfaction", "Loyalty"] < 0.85)
    True

    References
    ----------
    Henseler, J., Ringle, C. M., & Sarstedt, M. (2015). A new criterion for assessing
    discriminant validity in variance-based SEM. J. Academy of Marketing Science 43(1), eq. (6).
    """
    require_frame(data, "data")
    if not isinstance(blocks, Mapping) or not blocks:
        raise TypeError("blocks must be a non-empty dict: latent name -> list of item columns")
    cols = [c for items in blocks.values() for c in ([items] if isinstance(items, str) else items)]
    require_columns(data, cols, "data")
    sub = check_items(data[cols], "data", missing=missing, min_items=1)
    S = np.corrcoef(sub.to_numpy(dtype=float), rowvar=False)
    pos, idx = 0, []
    for items in blocks.values():
        k = 1 if isinstance(items, str) else len(items)
        idx.append(np.arange(pos, pos + k))
        pos += k
    return htmt_from_corr(S, idx, blocks.keys())

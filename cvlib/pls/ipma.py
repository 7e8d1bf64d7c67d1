"""Importance-performance map analysis (IPMA) of a PLS path model (Ringle & Sarstedt 2016)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from .._results import Result
from .._validate import check_option
from ..language import say
from . import _engine as eng

__all__ = ["ipma", "IPMAResult"]


class IPMAResult(Result):
    """Importance and performance of every driver of one target construct (see :func:`ipma`).

    ``summary(what="construct")`` is the construct table, ``summary(what="item")``
    the item table.

    Attributes
    ----------
    target : str
    target_performance : float
        The target's mean rescaled score (0-100): its index, as the ACSI reports it.
    constructs : DataFrame
        ``driver``, ``importance`` (unstandardised total effect on the target: points
        of the target's 0-100 score per point of the driver's), ``performance``
        (mean 0-100 score), ``quadrant`` (cut-lines at the drivers' mean
        importance and mean performance, as in :func:`cvlib.satisfaction.ipa`).
    items : DataFrame
        ``block``, ``item``, ``weight`` (rescaled outer weight, summing to 1
        per block), ``importance`` (weight x the block's importance),
        ``performance`` (mean rescaled item, 0-100), ``quadrant``.
    unstandardized_paths : DataFrame
        ``source``, ``target``, ``estimate``: OLS coefficients of the rescaled scores.
    scores : DataFrame
        The rescaled (0-100) construct scores of every respondent.
    scale : DataFrame
        ``low``, ``high`` of every item, the ends used to rescale it.
    """

    def __init__(self, **kw):
        self.__dict__.update(kw)

    def summary(self, what: str = "construct") -> pd.DataFrame:
        """The construct table (``what="construct"``) or the item table (``"item"``)."""
        what = check_option(what, "what", ("construct", "item"))
        return (self.constructs if what == "construct" else self.items).copy()

    _show_index = False

    def _title(self) -> list[str]:
        return [say(f"Importance-performance map of {self.target} (performance "
                    f"{self.target_performance:.1f} / 100)",
                    f"{self.target} 的重要性-绩效图（绩效 {self.target_performance:.1f} / 100）"),
                say("importance: unstandardised total effect; performance: mean 0-100 score",
                    "重要性：非标准化总效应；绩效：0-100 分的平均得分")]

    def to_ipa(self, what: str = "construct"):
        """The map as a :func:`cvlib.satisfaction.ipa` result (cut-lines at the means)."""
        from ..satisfaction import ipa

        t = self.summary(what)
        name = "driver" if what == "construct" else "item"
        return ipa(t.rename(columns={name: "attribute"})[["attribute", "importance",
                                                           "performance"]])


def _quadrants(imp, perf) -> list[str]:
    from ..satisfaction.ipa import IPA_QUADRANTS

    ic, pc = float(np.mean(imp)), float(np.mean(perf))
    return [IPA_QUADRANTS[(bool(i >= ic), bool(p >= pc))] for i, p in zip(imp, perf, strict=True)]


def _scale_ends(scale, items: list[str], block_of: dict[str, str], X: np.ndarray):
    """(low, high) arrays for every item from ``scale`` (None: observed min and max)."""
    p = len(items)
    low, high = X.min(axis=0).astype(float), X.max(axis=0).astype(float)
    if scale is None:
        return low, high
    if isinstance(scale, Mapping):
        unknown = [k for k in scale if k not in items and k not in block_of.values()]
        if unknown:
            raise ValueError(f"scale names {unknown}, which are neither items nor blocks of "
                             f"the model; give (low, high) per block or item")
        for i, it in enumerate(items):
            ends = scale.get(it, scale.get(block_of[it]))
            if ends is not None:
                low[i], high[i] = _ends(ends, f"scale[{it!r}]")
        return low, high
    lo, hi = _ends(scale, "scale")
    return np.full(p, lo), np.full(p, hi)


def _ends(ends, name):
    if hasattr(ends, "low") and hasattr(ends, "high"):  # a cvlib.satisfaction Scale
        ends = (ends.low, ends.high)
    try:
        lo, hi = (float(v) for v in ends)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be (low, high) such as (1, 10), got {ends!r}") from None
    if not lo < hi:
        raise ValueError(f"{name} must have low < high, got ({lo:g}, {hi:g})")
    return lo, hi


def ipma(result, target: str, *, scale=None) -> IPMAResult:
    r"""Importance-performance map analysis (IPMA) of one target construct.

    Following Ringle & Sarstedt (2016):

    1. every item is rescaled to 0-100 with its scale's ends,
       :math:`x^{r} = 100\,(x - \text{low}) / (\text{high} - \text{low})`;
    2. the standardised outer weights are unstandardised and rescaled to sum
       to 1 per block: :math:`\tilde w_i = (w_i / s_i) / \sum_{k} (w_k / s_k)`,
       :math:`s_i` the standard deviation of the rescaled item;
    3. each construct's rescaled score is :math:`Y^{r}_j = \sum_i \tilde w_i x^r_i`
       (0-100) and its **performance** is the mean of :math:`Y^r_j`;
    4. the unstandardised paths are the OLS coefficients of each endogenous
       rescaled score on its predecessors' (with an intercept); a driver's
       **importance** is its unstandardised total effect on the target
       :math:`T = (I - B)^{-1} - I`: the points the target's 0-100 score gains
       when the driver's score gains one point;
    5. at item level, importance is :math:`\tilde w_i \times` the block's total
       effect and performance the mean of :math:`x^r_i`.

    The target's own performance is its index (for Satisfaction, the ACSI-style
    satisfaction index with the model's weights, as in
    :func:`cvlib.satisfaction.satisfaction_index` with
    :func:`cvlib.satisfaction.pls_item_weights`).  IPMA requires items coded so
    that higher is better and positive outer weights; a negative weight is
    refused.

    What was checked.  Against the definition: the tests recompute every
    step by hand (rescaled items, weights from ``outer``, ``numpy.linalg.lstsq``
    regressions, total effects by summing the products along every directed
    path) on mobi; the construct importances equal
    :attr:`PLSResult.index_effects` (computed from standard deviations, a
    different route) when a block's items share one scale; the target's
    performance equals the satisfaction index.  SmartPLS's IPMA output on the
    same data was not available; seminr has no IPMA.

    Parameters
    ----------
    result : PLSResult
        A fitted model (:func:`cvlib.pls.estimate`); its ``data`` are used.
    target : str
        An endogenous construct, e.g. ``"Satisfaction"`` or ``"Loyalty"``.
    scale : (low, high), dict or None
        The rating scale's ends, e.g. ``(1, 10)`` for mobi or ``(0, 10)`` for
        the bank data; a dict gives ``(low, high)`` per block or per item.
        None uses each item's observed minimum and maximum (SmartPLS's
        default); give the scale when an answer category was never used.
        Items outside the given scale are refused.

    Returns
    -------
    IPMAResult
        ``constructs``, ``items``, ``target_performance``, ``summary(what=...)``,
        ``to_ipa()``; plot with :func:`cvlib.plots.plot_ipma`.

    Examples
    --------
    >>> from cvlib import datasets, pls
    >>> mobi = datasets.fetch_mobi()
    >>> res = pls.estimate(mobi, pls.ECSI_PATHS, pls.MOBI_BLOCKS)
    >>> m = ipma(res, "Loyalty", scale=(1, 10))
    >>> m.summary()[["driver", "importance", "performance"]].round(3)
             driver  importance  performance
    0         Image       0.643       73.528
    1   Expectation       0.341       72.474
    2       Quality       0.505       74.977
    3         Value       0.109       62.347
    4  Satisfaction       0.790       72.454
    5    Complaints       0.058       67.422
    >>> round(m.target_performance, 2)
    70.91

    References
    ----------
    Ringle, C. M., & Sarstedt, M. (2016). Gain more insight from your PLS-SEM results:
    The importance-performance map analysis. Industrial Management & Data Systems
    116(9), 1865-1886.
    Fornell, C., Johnson, M. D., Anderson, E. W., Cha, J., & Bryant, B. E. (1996). The
    American Customer Satisfaction Index. Journal of Marketing 60(4), 7-18.
    """
    from .core import PLSResult

    if not isinstance(result, PLSResult):
        raise TypeError(f"result must be a PLSResult from cvlib.pls.estimate, got "
                        f"{type(result).__name__}")
    spec = result._spec
    lv = list(spec.latents)
    if target not in lv:
        raise ValueError(f"target {target!r} is not a construct of the model; constructs are {lv}")
    t = lv.index(target)
    if t not in spec.endogenous:
        raise ValueError(f"target {target!r} is exogenous (no path leads to it), so nothing "
                         f"drives it; choose an endogenous construct: "
                         f"{[lv[j] for j in spec.endogenous]}")
    items = list(spec.items)
    block_of = {it: lv[spec.block_of[i]] for i, it in enumerate(items)}
    X = result.data[items].to_numpy(dtype=float)
    low, high = _scale_ends(scale, items, block_of, X)
    outside = [(it, float(X[:, i].min()), float(X[:, i].max())) for i, it in enumerate(items)
               if X[:, i].min() < low[i] or X[:, i].max() > high[i]]
    if outside:
        detail = ", ".join(f"{it!r} ({a:g}..{b:g}, scale {low[items.index(it)]:g}.."
                           f"{high[items.index(it)]:g})" for it, a, b in outside[:5])
        raise ValueError(f"item(s) outside the declared scale: {detail}; give the scale the "
                         f"items were rated on")
    Xr = 100.0 * (X - low) / (high - low)
    w_std = result._der["w"][0]
    if not result.standardized:  # weights of the centred raw items -> of the standardised ones
        w_std = w_std * X.std(axis=0, ddof=1)
    raw = w_std / Xr.std(axis=0, ddof=1)
    neg = [(block_of[it], it, float(w_std[i])) for i, it in enumerate(items) if not raw[i] > 0]
    if neg:
        detail = ", ".join(f"{it!r} in {b!r} ({w:.3f})" for b, it, w in neg)
        raise ValueError(f"IPMA needs positive outer weights (Ringle & Sarstedt 2016), but "
                         f"{detail} has a weight <= 0; recode reverse-worded items or drop the "
                         f"item from its block")
    wr = np.empty_like(raw)
    for idx in spec.block_items:
        wr[idx] = raw[idx] / raw[idx].sum()
    Y = np.column_stack([Xr[:, idx] @ wr[idx] for idx in spec.block_items])
    L = len(lv)
    B = np.zeros((L, L))
    for j in spec.endogenous:
        P = spec.predecessors(j)
        A = np.column_stack([np.ones(len(Y)), Y[:, P]])
        B[P, j] = np.linalg.lstsq(A, Y[:, j], rcond=None)[0][1:]
    T = eng.total_effects(B[None])[0]
    anyp = np.linalg.matrix_power(spec.adj.astype(int) + np.eye(L, dtype=int), L)[:, t] > 0
    drivers = [j for j in spec.order if anyp[j] and j != t]
    perf = Y.mean(axis=0)
    cons = pd.DataFrame({"driver": [lv[j] for j in drivers], "importance": T[drivers, t],
                         "performance": perf[drivers]})
    cons["quadrant"] = _quadrants(cons["importance"], cons["performance"])
    rows = [i for j in drivers for i in spec.block_items[j]]
    it = pd.DataFrame({"block": [block_of[items[i]] for i in rows],
                       "item": [items[i] for i in rows], "weight": wr[rows],
                       "importance": wr[rows] * T[spec.block_of[rows], t],
                       "performance": Xr[:, rows].mean(axis=0)})
    it["quadrant"] = _quadrants(it["importance"], it["performance"])
    pairs = result._pairs
    ix = {name: i for i, name in enumerate(lv)}
    upaths = pd.DataFrame({"source": [s for s, _ in pairs], "target": [g for _, g in pairs],
                           "estimate": [B[ix[s], ix[g]] for s, g in pairs]})
    return IPMAResult(target=target, target_performance=float(perf[t]), constructs=cons,
                      items=it, unstandardized_paths=upaths,
                      scores=pd.DataFrame(Y, index=result.data.index, columns=lv),
                      scale=pd.DataFrame({"low": low, "high": high}, index=items))

"""PLS path modelling: model checks, :func:`estimate`, :class:`PLSResult`, :class:`PLSBootstrap`."""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from functools import cached_property

import numpy as np
import pandas as pd

from .._bootstrap import percentile_interval, resample_counts
from .._results import EstimateResult, html_table, text_table
from .._validate import (
    check_ci,
    check_missing,
    check_n_boot,
    renamed_args,
    require_frame,
    require_no_missing,
    require_numeric,
)
from ..language import say
from . import _engine as eng
from .reliability import THRESHOLDS, _alpha_from_cov, htmt_from_corr, rho_a_from_corr

__all__ = ["estimate", "PLSResult", "PLSBootstrap", "PLSConvergenceError"]


class PLSConvergenceError(ValueError):
    """The PLS iteration did not reach the tolerance within ``max_iter`` iterations."""


# --------------------------------------------------------------------------- model checks

def _as_pairs(paths) -> list[tuple[str, str]]:
    if isinstance(paths, pd.DataFrame):
        if not {"source", "target"} <= set(paths.columns):
            raise ValueError(f"paths as a DataFrame needs columns 'source' and 'target', "
                             f"got {list(paths.columns)}")
        return list(zip(paths["source"], paths["target"], strict=True))
    if isinstance(paths, Mapping):
        out = []
        for src, tgts in paths.items():
            for t in [tgts] if isinstance(tgts, str) else tgts:
                out.append((src, t))
        return out
    if isinstance(paths, str) or not isinstance(paths, Sequence | np.ndarray):
        raise TypeError("paths must be a list of (source, target) pairs such as "
                        f"[('Image', 'Satisfaction'), ...], got {type(paths).__name__}")
    out = []
    for p in paths:
        if isinstance(p, str) or len(p) != 2:
            raise ValueError(f"each path must be a (source, target) pair, got {p!r}")
        out.append((p[0], p[1]))
    return out


def _find_cycle(adj: np.ndarray) -> list[int] | None:
    """Return one directed cycle (as node indices) or None."""
    L = adj.shape[0]
    state = [0] * L  # 0 new, 1 on stack, 2 done
    stack: list[int] = []

    def visit(u):
        state[u] = 1
        stack.append(u)
        for v in np.flatnonzero(adj[u]):
            if state[v] == 1:
                return stack[stack.index(v):] + [v]
            if state[v] == 0:
                found = visit(v)
                if found:
                    return found
        stack.pop()
        state[u] = 2
        return None

    for u in range(L):
        if state[u] == 0:
            found = visit(u)
            if found:
                return found
    return None


def build_spec(columns, paths, blocks, modes=None) -> eng.Spec:
    """Check a model against the data's columns and return its :class:`Spec`."""
    if not isinstance(blocks, Mapping) or not blocks:
        raise TypeError("blocks must be a non-empty dict: latent name -> list of item columns, "
                        "e.g. {'Satisfaction': ['CUSA1', 'CUSA2', 'CUSA3'], ...}")
    latents = [str(k) for k in blocks]
    items: list[str] = []
    block_items = []
    owner: dict[str, str] = {}
    for lv, its in blocks.items():
        its = [its] if isinstance(its, str) else list(its)
        if not its:
            raise ValueError(f"block {lv!r} has no items; give at least one column")
        for c in its:
            if c in owner:
                raise ValueError(f"item {c!r} appears in blocks {owner[c]!r} and {lv!r}; "
                                 f"each item may measure one latent variable only")
            owner[c] = lv
        block_items.append(np.arange(len(items), len(items) + len(its)))
        items.extend(its)
    cols = set(columns)
    absent = [(owner[c], c) for c in items if c not in cols]
    if absent:
        detail = ", ".join(f"{c!r} (block {b!r})" for b, c in absent)
        raise ValueError(f"data has no column(s) {detail}; available columns are "
                         f"{list(map(str, columns))}")
    pairs = _as_pairs(paths)
    if not pairs:
        raise ValueError("paths is empty: a PLS path model needs at least one path")
    index = {lv: i for i, lv in enumerate(latents)}
    L = len(latents)
    adj = np.zeros((L, L), dtype=bool)
    for s, t in pairs:
        for name in (s, t):
            if name not in index:
                raise ValueError(f"path {s!r} -> {t!r} names latent variable {name!r}, which "
                                 f"has no block; declared latent variables are {latents}")
        if s == t:
            raise ValueError(f"path {s!r} -> {t!r} points from a latent variable to itself")
        if adj[index[s], index[t]]:
            raise ValueError(f"path {s!r} -> {t!r} is given twice")
        adj[index[s], index[t]] = True
    cycle = _find_cycle(adj)
    if cycle:
        raise ValueError("the inner model has a cycle " + " -> ".join(latents[i] for i in cycle)
                         + "; PLS path models must be recursive (no feedback loops)")
    lonely = [lv for i, lv in enumerate(latents) if not (adj[i].any() or adj[:, i].any())]
    if lonely:
        raise ValueError(f"latent variable(s) {lonely} have a block but no path; connect them "
                         f"or remove their blocks")
    if modes is None:
        modes = {}
    if isinstance(modes, str):
        modes = dict.fromkeys(latents, modes)
    if not isinstance(modes, Mapping):
        raise TypeError(f"modes must be a dict such as {{'Image': 'B'}} or 'A'/'B', got {modes!r}")
    unknown = [k for k in modes if k not in index]
    if unknown:
        raise ValueError(f"modes names latent variable(s) {unknown} with no block; "
                         f"declared latent variables are {latents}")
    mode_list = []
    for lv in latents:
        m = str(modes.get(lv, "A")).upper()
        if m not in eng.MODES:
            raise ValueError(f"mode of block {lv!r} must be 'A' (reflective) or 'B' "
                             f"(formative), got {modes[lv]!r}")
        mode_list.append(m)
    # topological order (Kahn)
    indeg = adj.sum(axis=0).astype(int)
    order, ready = [], [i for i in range(L) if indeg[i] == 0]
    while ready:
        u = ready.pop(0)
        order.append(u)
        for v in np.flatnonzero(adj[u]):
            indeg[v] -= 1
            if indeg[v] == 0:
                ready.append(v)
    block_of = np.empty(len(items), dtype=int)
    for j, idx in enumerate(block_items):
        block_of[idx] = j
    return eng.Spec(latents=tuple(latents), items=tuple(items), block_of=block_of,
                    block_items=tuple(block_items), modes=tuple(mode_list), adj=adj,
                    order=tuple(order))


def _check_data(data, spec: eng.Spec, missing: str):
    require_frame(data, "data")
    missing = check_missing(missing, ("raise", "drop"))
    items = list(spec.items)
    sub = data[items]
    if not all(pd.api.types.is_numeric_dtype(t) and not pd.api.types.is_bool_dtype(t)
               for t in sub.dtypes):
        require_numeric(data, items, "data")
    X = sub.to_numpy(dtype=float)
    bad = np.isnan(X)
    if bad.any():
        if missing == "raise":
            require_no_missing(data, items, "data")
        keep = ~bad.any(axis=1)
        sub, X = sub[keep], X[keep]
    n = len(X)
    need = max([len(spec.predecessors(j)) for j in spec.endogenous]
               + [len(spec.block_items[j]) for j, m in enumerate(spec.modes) if m == "B"])
    if n < max(10, need + 2):
        raise ValueError(
            f"data has {n} complete row(s); PLS needs at least {max(10, need + 2)} "
            f"(and, by the 10-times rule of thumb, about {10 * need} for this model)"
        )
    if n < 10 * need:
        warnings.warn(f"only {n} rows for a model whose largest regression has {need} "
                      f"predictors; the 10-times rule of thumb asks for {10 * need}",
                      UserWarning, stacklevel=3)
    sd = X.std(axis=0, ddof=1)
    const = [c for c, v in zip(items, sd, strict=True) if not v > 0]
    if const:
        raise ValueError(f"item(s) {const} are constant (zero variance) in data; drop them "
                         f"from their blocks, they cannot measure a latent variable")
    return sub, X


# --------------------------------------------------------------------------- summaries

def _derived(fit: eng.Fit, S: np.ndarray, spec: eng.Spec, standardized: bool,
             item_sd: np.ndarray) -> dict:
    """Reported quantities (all batched) from converged weights.

    Path coefficients are always standardised (the OLS coefficients of the
    unit-variance latent scores), as plspm, SmartPLS and seminr report them.
    ``ucoef`` holds the unstandardised ("index") effects: the coefficients of
    the regressions of the item-scale scores (raw-item weights normalised to
    sum to 1), ``beta_ij * c_j / c_i`` with ``c_j`` the standard deviation of
    score ``j`` on the items' scale.  ``item_sd`` are the raw items' standard
    deviations (per resample), to turn standardised-item weights into
    raw-item weights.
    """
    coef, r2 = eng.paths_and_r2(fit.R, spec)
    sd_item = np.sqrt(np.diagonal(S, axis1=1, axis2=2))
    loadings = fit.cov_xy[:, np.arange(len(spec.items)), spec.block_of] / sd_item
    wsum = np.stack([fit.w[:, idx].sum(axis=1) for idx in spec.block_items], axis=1)  # (B, L)
    norm_w = fit.w / wsum[:, spec.block_of]
    raw_w = fit.w / item_sd if standardized else fit.w  # weights of the raw (centred) items
    sums = np.stack([raw_w[:, idx].sum(axis=1) for idx in spec.block_items], axis=1)  # (B, L)
    c = 1.0 / sums  # item-scale score = unit-variance score * c
    ucoef = coef * c[:, None, :] / c[:, :, None]
    total = eng.total_effects(coef)
    utotal = eng.total_effects(ucoef)
    return {"coef": coef, "r2": r2, "loadings": loadings, "norm_w": norm_w, "total": total,
            "w": fit.w, "ucoef": ucoef, "utotal": utotal}


def _reach(adj: np.ndarray):
    """Pairs joined by a directed path, and pairs joined by a path of length >= 2."""
    A = adj.astype(int)
    L = len(A)
    anyp = np.zeros_like(A)
    long = np.zeros_like(A)
    P = A.copy()
    for k in range(1, L + 1):
        anyp |= P > 0
        if k >= 2:
            long |= P > 0
        P = np.minimum(P @ A, 1)
    return anyp.astype(bool), long.astype(bool)


class PLSResult(EstimateResult):
    """A fitted PLS path model (see :func:`estimate`).

    ``summary()`` has one row per path (``"source -> target"``) with
    ``estimate`` (the standardised path coefficient), ``se``, ``ci_low``,
    ``ci_high`` (NaN: a PLS fit has no standard errors; they come from
    :meth:`bootstrap`), ``f2`` and ``target_r2``.

    Attributes
    ----------
    paths : DataFrame
        ``source``, ``target``, ``estimate``: the standardised path
        coefficients, in the order given (whatever ``standardized``, as in
        plspm, SmartPLS and seminr).
    params : Series
        The same coefficients indexed ``"source -> target"``.
    index_effects : DataFrame
        ``source``, ``target``, ``direct``, ``total``: the unstandardised
        ("ACSI-style") effects, the change in the target's score per point of
        the source's score, both on the items' scale (the score is the
        weighted mean of the raw items with weights summing to 1; on the
        0-100 index scale when both blocks' items share one scale).
    r_squared : Series
        R^2 of every endogenous latent variable.
    outer : DataFrame
        ``block``, ``item``, ``mode``, ``weight`` (giving unit-variance scores from
        the standardised items, or from the centred raw items when ``standardized=False``),
        ``norm_weight`` (summing to 1 per block), ``loading`` (correlation of the
        item with its latent score) and ``communality`` (loading^2).
    gof : float
        Goodness of fit (Tenenhaus et al. 2005): sqrt(mean communality x mean R^2).
    scores : DataFrame
        Latent variable scores (unit variance when ``standardized``, on the items'
        scale with raw-item weights summing to 1 otherwise).
    total_effects, indirect_effects : DataFrame
        ``source``, ``target``, ``estimate`` for every pair joined by a directed path
        (total) or by a path through at least one mediator (indirect).
    effects : DataFrame
        ``source``, ``target``, ``direct``, ``indirect``, ``total``.
    latent_correlations : DataFrame
    cross_loadings : DataFrame
        Correlation of every item with every latent score.
    iterations : int
        Iterations of the outer/inner loop until the weights changed less than ``tol``.
    data : DataFrame
        The rows (complete respondents) and items the model was fitted on.
    """

    def __init__(self, *, spec, fit, der, S, X, mean, index, scheme, standardized, tol,
                 max_iter, n_dropped, pairs, data=None):
        self.data = data
        self._spec, self._S, self._X, self._mean = spec, S, X, mean
        self._fit, self._der, self._index, self._pairs = fit, der, index, pairs
        self.scheme, self.standardized, self.tol, self.max_iter = scheme, standardized, tol, max_iter
        self.modes = dict(zip(spec.latents, spec.modes, strict=True))
        self.n = X.shape[0]
        self.n_dropped = n_dropped
        self.iterations = int(fit.iterations[0])
        self.converged = True
        self._ix = {name: i for i, name in enumerate(spec.latents)}

    # tables are built on first access (estimate itself stays fast)
    @cached_property
    def paths(self) -> pd.DataFrame:
        coef, ix, pairs = self._der["coef"][0], self._ix, self._pairs
        return pd.DataFrame({
            "source": [s for s, _ in pairs], "target": [t for _, t in pairs],
            "estimate": [coef[ix[s], ix[t]] for s, t in pairs]})

    @cached_property
    def params(self) -> pd.Series:
        return pd.Series(self.paths["estimate"].to_numpy(),
                         index=[f"{s} -> {t}" for s, t in self._pairs], name="estimate")

    @cached_property
    def bse(self) -> pd.Series:
        """NaN for every path: standard errors of PLS paths come from :meth:`bootstrap`."""
        return pd.Series(np.nan, index=self.params.index, name="se")

    @cached_property
    def index_effects(self) -> pd.DataFrame:
        """Unstandardised (ACSI-style) direct and total effects on the items' scale.

        For the path ``i -> j`` the direct effect is
        :math:`b_{ij} = \\beta_{ij}\\, s_j / s_i`, where :math:`\\beta_{ij}` is the
        standardised path and :math:`s_i`, :math:`s_j` the standard deviations
        of the two latent scores on the items' scale (raw-item weights summing
        to 1): the change in the target's score per point of the source's
        score.  When both blocks are rated on one scale, this is also the
        change of the 0-100 target index per point of the 0-100 source index
        (the rescaling cancels), the "impact" the ACSI reports (Fornell et
        al. 1996).  Total effects add the indirect paths.
        """
        ix, pairs = self._ix, self._pairs
        u, ut = self._der["ucoef"][0], self._der["utotal"][0]
        e = self.effects[["source", "target"]]
        direct = {(s, t): u[ix[s], ix[t]] for s, t in pairs}
        return pd.DataFrame({
            "source": e["source"], "target": e["target"],
            "direct": [direct.get((s, t), 0.0) for s, t in zip(e["source"], e["target"], strict=True)],
            "total": [ut[ix[s], ix[t]] for s, t in zip(e["source"], e["target"], strict=True)],
        }).reset_index(drop=True)

    @cached_property
    def r_squared(self) -> pd.Series:
        endo = self._spec.endogenous
        return pd.Series(self._der["r2"][0, endo], index=[self._spec.latents[j] for j in endo],
                         name="r_squared")

    @cached_property
    def outer(self) -> pd.DataFrame:
        spec, der, lv = self._spec, self._der, self._spec.latents
        out = pd.DataFrame({
            "block": [lv[j] for j in spec.block_of], "item": list(spec.items),
            "mode": [spec.modes[j] for j in spec.block_of],
            "weight": der["w"][0], "norm_weight": der["norm_w"][0],
            "loading": der["loadings"][0]})
        out["communality"] = out["loading"] ** 2
        return out

    @cached_property
    def scores(self) -> pd.DataFrame:
        spec, der, X = self._spec, self._der, self._X
        if self.standardized:
            Z = X / X.std(axis=0, ddof=1)
            w = der["w"][0]
            Y = np.column_stack([Z[:, idx] @ w[idx] for idx in spec.block_items])
        else:
            raw = X + self._mean
            w = der["norm_w"][0]  # the raw-item weights, normalised (standardized=False)
            Y = np.column_stack([raw[:, idx] @ w[idx] for idx in spec.block_items])
        return pd.DataFrame(Y, index=self._index, columns=list(spec.latents))

    @cached_property
    def latent_correlations(self) -> pd.DataFrame:
        lv = list(self._spec.latents)
        return pd.DataFrame(self._fit.R[0], index=lv, columns=lv)

    @cached_property
    def cross_loadings(self) -> pd.DataFrame:
        sd_item = np.sqrt(np.diag(self._S[0]))
        return pd.DataFrame(self._fit.cov_xy[0] / sd_item[:, None], index=list(self._spec.items),
                            columns=list(self._spec.latents))

    @cached_property
    def effects(self) -> pd.DataFrame:
        spec, lv = self._spec, self._spec.latents
        anyp, _ = _reach(spec.adj)
        coef, total = self._der["coef"][0], self._der["total"][0]
        rows = [(lv[i], lv[j], coef[i, j], total[i, j] - coef[i, j], total[i, j])
                for i in spec.order for j in spec.order if anyp[i, j]]
        return pd.DataFrame(rows, columns=["source", "target", "direct", "indirect", "total"])

    @cached_property
    def total_effects(self) -> pd.DataFrame:
        return self.effects[["source", "target", "total"]].rename(
            columns={"total": "estimate"}).reset_index(drop=True)

    @cached_property
    def indirect_effects(self) -> pd.DataFrame:
        _, long = _reach(self._spec.adj)
        e, ix = self.effects, self._ix
        keep = [bool(long[ix[s], ix[t]]) for s, t in zip(e["source"], e["target"], strict=True)]
        return e.loc[keep, ["source", "target", "indirect"]].rename(
            columns={"indirect": "estimate"}).reset_index(drop=True)

    @cached_property
    def gof(self) -> float:
        """sqrt(mean communality of the items of multi-item mode A blocks x mean R^2)."""
        spec = self._spec
        multi = [j for j, idx in enumerate(spec.block_items)
                 if len(idx) > 1 and spec.modes[j] == "A"]
        if not multi:
            return float("nan")
        com = self._der["loadings"][0] ** 2
        mean_com = np.mean(np.concatenate([com[spec.block_items[j]] for j in multi]))
        return float(np.sqrt(mean_com * np.nanmean(self._der["r2"][0])))

    # ----------------------------------------------------------------- reporting
    def _estimates(self, ci: float) -> pd.DataFrame:
        """Path coefficients with Cohen's f^2 and the R^2 of the target.

        ``f2 = (R^2_incl - R^2_excl) / (1 - R^2_incl)``: the change in the target's
        R^2 when the source is dropped (0.02 small, 0.15 medium, 0.35 large; Cohen 1988).
        ``se``, ``ci_low`` and ``ci_high`` are NaN: use :meth:`bootstrap`.
        """
        spec = self._spec
        R = self._der_R
        ix = {name: i for i, name in enumerate(spec.latents)}
        f2 = []
        for s, t in self._pairs:
            j = ix[t]
            P = spec.predecessors(j)
            r2_in = float(self._der["r2"][0, j])
            rest = P[P != ix[s]]
            if len(rest):
                b = np.linalg.solve(R[np.ix_(rest, rest)], R[rest, j])
                r2_out = float(b @ R[rest, j])
            else:
                r2_out = 0.0
            f2.append((r2_in - r2_out) / (1 - r2_in))
        out = pd.DataFrame({"estimate": self.params, "se": self.bse, "ci_low": np.nan,
                            "ci_high": np.nan, "f2": f2,
                            "target_r2": [self.r_squared[t] for _, t in self._pairs]},
                           index=self.params.index)
        out.index.name = "path"
        return out

    @property
    def _der_R(self) -> np.ndarray:
        return self.latent_correlations.to_numpy()

    def reliability(self) -> pd.DataFrame:
        """Reliability and convergent validity of every block, with the usual thresholds flagged.

        Columns: ``block``, ``mode``, ``n_items``, ``alpha`` (Cronbach, standardised
        items, as PLS software reports it), ``rho_A`` (Dijkstra-Henseler), ``rho_C``
        (composite reliability), ``AVE``, and ``*_ok`` flags for alpha, rho_A and
        rho_C >= 0.70 and AVE >= 0.50 (Hair et al. 2022, ch. 4).  Formative (mode B)
        blocks are not judged by these measures (NaN); single-item blocks have
        no internal consistency to measure (NaN alpha and rho_A; rho_C = AVE = 1).
        """
        spec = self._spec
        C = self._S[0]
        sd = np.sqrt(np.diag(C))
        S = C / np.outer(sd, sd)
        lam = self.outer["loading"].to_numpy()
        w = self.outer["weight"].to_numpy()
        rows = []
        for j, idx in enumerate(spec.block_items):
            k = len(idx)
            mode = spec.modes[j]
            alpha = rho_A = rho_C = ave = np.nan
            if mode == "A":
                ll = lam[idx]
                rho_C = float(ll.sum() ** 2 / (ll.sum() ** 2 + (1 - ll**2).sum()))
                ave = float(np.mean(ll**2))
                if k > 1:
                    sub = S[np.ix_(idx, idx)]
                    alpha = float(_alpha_from_cov(sub))
                    rho_A = rho_a_from_corr(sub, w[idx])
            rows.append((spec.latents[j], mode, k, alpha, rho_A, rho_C, ave))
        out = pd.DataFrame(rows, columns=["block", "mode", "n_items", "alpha", "rho_A", "rho_C",
                                          "AVE"])
        for col in ("alpha", "rho_A", "rho_C", "AVE"):
            out[f"{col}_ok"] = pd.array(
                [pd.NA if np.isnan(v) else bool(v >= THRESHOLDS[col]) for v in out[col]],
                dtype="boolean")
        return out

    def htmt(self) -> pd.DataFrame:
        """HTMT matrix between the blocks (see :func:`cvlib.pls.htmt`)."""
        C = self._S[0]
        sd = np.sqrt(np.diag(C))
        return htmt_from_corr(C / np.outer(sd, sd), self._spec.block_items, self._spec.latents)

    def discriminant_validity(self) -> pd.DataFrame:
        """Every pair of blocks: HTMT with the 0.85 / 0.90 flags, and Fornell-Larcker.

        Columns: ``block_1``, ``block_2``, ``htmt``, ``htmt_below_085``,
        ``htmt_below_090``, ``correlation`` (of the latent scores) and
        ``fornell_larcker_ok`` (both blocks' sqrt(AVE) exceed the absolute correlation;
        Fornell & Larcker 1981).
        """
        H = self.htmt()
        rel = self.reliability().set_index("block")
        Rl = self.latent_correlations
        lv = list(self._spec.latents)
        rows = []
        for a in range(len(lv)):
            for b in range(a + 1, len(lv)):
                h = H.iloc[a, b]
                r = Rl.iloc[a, b]
                fl = np.sqrt(min(rel.loc[lv[a], "AVE"], rel.loc[lv[b], "AVE"])) > abs(r)
                rows.append((lv[a], lv[b], h,
                             pd.NA if np.isnan(h) else bool(h < THRESHOLDS["HTMT_strict"]),
                             pd.NA if np.isnan(h) else bool(h < THRESHOLDS["HTMT_liberal"]),
                             r, bool(fl)))
        out = pd.DataFrame(rows, columns=["block_1", "block_2", "htmt", "htmt_below_085",
                                          "htmt_below_090", "correlation", "fornell_larcker_ok"])
        for c in ("htmt_below_085", "htmt_below_090"):
            out[c] = out[c].astype("boolean")
        return out

    def _title(self) -> list[str]:
        items = (say("standardized", "标准化") if self.standardized else say("unstandardized", "非标准化"))
        return [say(f"PLS path model: {len(self._spec.latents)} latent variables, {len(self.paths)} "
                    f"paths, n={self.n}",
                    f"PLS 路径模型：{len(self._spec.latents)} 个潜变量，{len(self.paths)} 条路径，n={self.n}"),
                say(f"scheme={self.scheme!r}, {items} items, {self.iterations} iterations, "
                    f"GoF={self.gof:.3f}; standardised path coefficients (bootstrap() for standard errors)",
                    f"scheme={self.scheme!r}，{items}题项，迭代 {self.iterations} 次，GoF={self.gof:.3f}；"
                    f"标准化路径系数（标准误用 bootstrap() 计算）")]

    def _table(self) -> pd.DataFrame:
        return self.summary()[["estimate", "f2", "target_r2"]]

    def __repr__(self) -> str:
        return text_table(self._title(), self._table())

    def _repr_html_(self) -> str:
        return html_table(self._title(), self._table())

    def _refit(self, counts: np.ndarray, *, signs: str = "construct"):
        """Re-estimate the model on resampled data, all resamples at once.

        ``counts`` (B, n) says how often each row of :attr:`data` enters
        resample ``b``.  Returns the item moment matrices ``S`` the algorithm
        ran on, the batched fit (signs aligned with this estimate when
        ``signs='construct'``), a (B,) mask of converged resamples and the
        raw items' standard deviations (B, p).
        """
        S = eng.moments(self._X, counts)
        item_sd = np.sqrt(np.diagonal(S, axis1=1, axis2=2))
        if self.standardized:
            S = eng.to_correlation(S)
        spec = self._spec
        with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
            fit = eng.iterate(S, spec, self.scheme, self.tol, self.max_iter)
            ok = fit.converged & np.isfinite(fit.w).all(axis=1)
            if signs == "construct":
                fit = eng.orient(S, fit, spec, ref_loadings=self._der["loadings"][0])
        return S, fit, ok, item_sd

    # ----------------------------------------------------------------- bootstrap
    @renamed_args(n="n_boot")
    def bootstrap(self, n_boot: int = 1000, seed=None, *, ci: float = 0.95,
                  signs: str = "construct") -> PLSBootstrap:
        """Bootstrap standard errors and percentile confidence intervals.

        ``n_boot`` resamples of the respondents (with replacement) are drawn
        with the library's one bootstrap, :func:`cvlib._bootstrap.resample_counts`
        (how often each row of the data used by the estimate is drawn); the
        model is re-estimated on all of them at once: the algorithm runs on a
        stack of ``n_boot`` covariance matrices (see ``cvlib.pls._engine``), so
        resample ``b`` gives exactly what :func:`estimate` gives on the data
        with row ``r`` repeated ``counts[b, r]`` times.

        Sign changes: a latent variable's sign is arbitrary, so a resample may
        return a block with all signs flipped.  ``signs='construct'`` (default)
        flips a resample's latent variable when its loadings are closer to minus
        the original loadings (construct-level changes); ``'individual'`` gives
        every bootstrap estimate the sign of the original estimate;
        ``'none'`` keeps them as they come (Tenenhaus et al. 2005, sec. 3.4).

        Parameters
        ----------
        n_boot : int
            Number of resamples (at least 10; 1000 or more for intervals).
            (Renamed from ``n=``, which still works with a FutureWarning.)
        seed : None, int or numpy Generator
        ci : float
            Level of the percentile intervals, in (0, 1).
        signs : {'construct', 'individual', 'none'}

        Returns
        -------
        PLSBootstrap
            ``summary()`` of the paths; tables ``paths``, ``outer``,
            ``r_squared``, ``total_effects``, ``indirect_effects`` and
            ``index_effects`` with ``estimate``, ``boot_mean``, ``se``,
            ``t_value``, ``ci_low``, ``ci_high``.
        """
        if signs not in ("construct", "individual", "none"):
            raise ValueError(f"signs must be 'construct', 'individual' or 'none', got {signs!r}")
        n = check_n_boot(n_boot, minimum=10)
        ci = check_ci(ci)
        counts = resample_counts(self._X.shape[0], n, seed=seed)
        S, fit, ok, item_sd = self._refit(counts, signs=signs)
        with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
            der = _derived(fit, S, self._spec, self.standardized, item_sd)
        return PLSBootstrap(self, der, ok, signs=signs, ci=ci, seed=seed, counts=counts)


class PLSBootstrap(EstimateResult):
    """Bootstrap of a :class:`PLSResult`: standard errors and percentile CIs.

    ``summary(ci=None)`` has one row per path with ``estimate``, ``se``,
    ``ci_low``, ``ci_high`` (percentile interval, by default at the level
    given to :meth:`PLSResult.bootstrap`), ``boot_mean`` and ``t_value``.
    The tables ``paths``, ``r_squared``, ``outer``, ``total_effects``,
    ``indirect_effects`` and ``index_effects`` hold the original
    ``estimate``, ``boot_mean``, ``se``, ``t_value`` (estimate / se),
    ``ci_low`` and ``ci_high`` at ``level``; ``draws`` holds the path
    coefficients of every valid resample (one row each); ``counts`` the
    resampling counts (one row per resample, one column per row of the data);
    ``n_failed`` counts resamples dropped because they did not converge (or
    had a constant item).
    """

    def __init__(self, res: PLSResult, der: dict, ok: np.ndarray, *, signs, ci, seed, counts):
        self.result, self.signs, self.level, self.seed = res, signs, ci, seed
        self.counts = counts
        self.n_boot = len(ok)
        self.n_failed = int((~ok).sum())
        if ok.sum() < 2:
            raise ValueError(f"only {int(ok.sum())} of {self.n_boot} bootstrap resamples converged; "
                             f"check the model (constant items in resamples?) or raise max_iter")
        if self.n_failed:
            warnings.warn(f"{self.n_failed} of {self.n_boot} bootstrap resamples did not converge "
                          f"and were dropped", UserWarning, stacklevel=3)
        spec = res._spec
        ix = {name: i for i, name in enumerate(spec.latents)}
        d0 = res._der

        def table(frame, est0, draws):
            draws = draws[ok]
            if signs == "individual":
                s0 = np.sign(est0)
                draws = np.where(s0 != 0, np.abs(draws) * s0, draws)
            if draws.shape[1] == 0:  # e.g. no indirect effects in a model without mediators
                se = lo = hi = np.empty(0)
            else:
                se, lo, hi = percentile_interval(draws, ci)
            out = frame.copy()
            out["estimate"] = est0
            out["boot_mean"] = draws.mean(axis=0)
            out["se"] = se
            with np.errstate(divide="ignore", invalid="ignore"):
                out["t_value"] = est0 / se
            out["ci_low"], out["ci_high"] = lo, hi
            return out.reset_index(drop=True), draws

        src = [ix[s] for s in res.paths["source"]]
        tgt = [ix[t] for t in res.paths["target"]]
        self.paths, pd_draws = table(res.paths[["source", "target"]], d0["coef"][0, src, tgt],
                                     der["coef"][:, src, tgt])
        self.draws = pd.DataFrame(pd_draws, columns=list(res.params.index))
        endo = spec.endogenous
        self.r_squared, _ = table(pd.DataFrame({"latent": [spec.latents[j] for j in endo]}),
                                  d0["r2"][0, endo], der["r2"][:, endo])
        base = res.outer[["block", "item"]]
        wt, _ = table(base.assign(stat="weight"), d0["w"][0], der["w"])
        ld, _ = table(base.assign(stat="loading"), d0["loadings"][0], der["loadings"])
        self.outer = pd.concat([wt, ld], ignore_index=True)
        te = res.total_effects
        s_, t_ = [ix[s] for s in te["source"]], [ix[t] for t in te["target"]]
        self.total_effects, _ = table(te[["source", "target"]], d0["total"][0, s_, t_],
                                      der["total"][:, s_, t_])
        ie = res.indirect_effects
        s_, t_ = [ix[s] for s in ie["source"]], [ix[t] for t in ie["target"]]
        ind0 = d0["total"][0, s_, t_] - d0["coef"][0, s_, t_]
        indb = der["total"][:, s_, t_] - der["coef"][:, s_, t_]
        self.indirect_effects, _ = table(ie[["source", "target"]], ind0, indb)
        self.index_effects, _ = table(res.paths[["source", "target"]], d0["ucoef"][0, src, tgt],
                                      der["ucoef"][:, src, tgt])

    @property
    def params(self) -> pd.Series:
        """The original path coefficients, indexed ``"source -> target"``."""
        return pd.Series(self.paths["estimate"].to_numpy(), index=self.draws.columns,
                         name="estimate")

    @property
    def bse(self) -> pd.Series:
        """Bootstrap standard errors of the paths."""
        return pd.Series(self.paths["se"].to_numpy(), index=self.draws.columns, name="se")

    @property
    def ci(self) -> float:
        """Deprecated: the confidence level; use ``level`` (intervals are in ``conf_int()``)."""
        warnings.warn("PLSBootstrap.ci is deprecated: the level is PLSBootstrap.level and the "
                      "intervals are in conf_int() or summary()", FutureWarning, stacklevel=2)
        return self.level

    def _estimates(self, ci: float) -> pd.DataFrame:
        draws = self.draws.to_numpy()
        se, lo, hi = percentile_interval(draws, ci)
        out = pd.DataFrame({"estimate": self.params, "se": se, "ci_low": lo, "ci_high": hi,
                            "boot_mean": draws.mean(axis=0)}, index=self.draws.columns)
        with np.errstate(divide="ignore", invalid="ignore"):
            out["t_value"] = out["estimate"] / out["se"]
        out.index.name = "path"
        return out

    def summary(self, ci: float | None = None) -> pd.DataFrame:
        """The bootstrapped path coefficients: ``estimate``, ``se``, ``ci_low``, ``ci_high``, ...

        Parameters
        ----------
        ci : float, optional
            Level of the percentile interval; default the level of the bootstrap.
        """
        return super().summary(self.level if ci is None else ci)

    def _title(self) -> list[str]:
        return [f"PLS bootstrap: {self.n_boot - self.n_failed} valid resamples of {self.n_boot}",
                f"{self.level:.0%} percentile CIs, signs={self.signs!r}"]


# --------------------------------------------------------------------------- estimate

def estimate(data: pd.DataFrame, paths, blocks: Mapping[str, Sequence[str]], *,
             modes: Mapping[str, str] | str | None = None, scheme: str = "path",
             standardized: bool = True, tol: float = 1e-7, max_iter: int = 300,
             missing: str = "raise") -> PLSResult:
    r"""Estimate a PLS path model (Wold's algorithm as in Lohmoeller 1989 and SmartPLS).

    Each latent variable ``j`` is a weighted sum of its block of items,
    :math:`Y_j = X_j w_j`, scaled to unit variance.  Starting from unit
    weights, the algorithm alternates

    1. inner estimate :math:`Z_j = \sum_i e_{ij} Y_i` over the neighbours of ``j``
       in the path diagram, with inner weights ``e`` from the ``scheme``:
       *centroid* :math:`e_{ij} = \mathrm{sign}\,\mathrm{cor}(Y_i, Y_j)`;
       *factorial* :math:`e_{ij} = \mathrm{cor}(Y_i, Y_j)`; *path*: for the
       predecessors of ``j`` the coefficients of the regression of ``Y_j`` on
       them, for its successors :math:`\mathrm{cor}(Y_i, Y_j)`;
    2. outer weights: mode A (reflective) :math:`w_j = \mathrm{cov}(X_j, Z_j)`,
       mode B (formative) :math:`w_j = (X_j'X_j)^{-1}X_j'Z_j`;

    until no weight changes by more than ``tol``.  The path coefficients are
    then the OLS coefficients of each endogenous latent score on its
    predecessors' scores, all scores standardised (unit variance): they are
    *standardised* path coefficients whatever ``standardized`` says, as R
    plspm, SmartPLS and seminr report them.  The unstandardised, ACSI-style
    effects (the change of a target score per point of its driver, on the
    items' scale) are :attr:`PLSResult.index_effects`.  A block whose
    loadings are mostly negative has its sign flipped.

    What was checked.  *SmartPLS*: on the ECSI mobi model (path scheme,
    standardised items) the 12 path coefficients match SmartPLS 2.0.M3's
    printed values within 1e-4 and the outer weights within 1e-3
    (``../shared/datasets/README.md``; ``tests/test_pls.py``).  *R plspm*:
    its settings mode A, centroid scheme and unscaled items
    (``plspm(scaled = FALSE)``, Sanchez 2013, *PLS Path Modeling with R*,
    the bank ``satisfaction`` example) correspond to ``scheme="centroid",
    standardized=False`` here.  R cannot run in this project and no printed
    table of that model's path coefficients was available to copy with
    certainty, so the tests check the invariants that define plspm's output
    on the bank data (:func:`cvlib.datasets.fetch_bank_satisfaction`,
    :data:`BANK_PATHS`, :data:`BANK_BLOCKS`): (1) the path coefficients
    equal the OLS coefficients of the standardised latent scores; (2) the
    weights are the fixed point of plspm's iteration on the centred raw
    items (mode A: :math:`w_j \propto X_j'Z_j` with centroid inner
    estimates), recomputed in the test by an independent loop written from
    Sanchez's description of the algorithm, whose paths agree to 1e-6;
    (3) scaled and unscaled estimation give identical standardised paths
    once every item has unit variance (the documented difference between
    ``scaled=TRUE`` and ``scaled=FALSE`` is only that unscaled mode A weights
    favour the items with larger variance); (4) multiplying all items by
    one constant changes nothing standardised.

    Parameters
    ----------
    data : DataFrame
        One row per respondent, numeric items (e.g. ratings on 1-10).
    paths : list of (source, target), dict or DataFrame
        The inner model, e.g. :data:`ECSI_PATHS`; a dict maps a source to its
        targets; a DataFrame needs ``source`` and ``target`` columns.  Must be
        recursive (no cycles).
    blocks : dict
        latent name -> list of item columns (the measurement model), e.g.
        :data:`MOBI_BLOCKS`.
    modes : dict or str, optional
        ``'A'`` (reflective, default) or ``'B'`` (formative) per block, e.g.
        ``{'Image': 'B'}``; a single string applies to every block.
    scheme : {'path', 'centroid', 'factorial'}
        Inner weighting scheme.
    standardized : bool
        True (default): items are standardised (SmartPLS; plspm's
        ``scaled=TRUE``), scores have unit variance.  False: items are only
        centred during the iteration (plspm's ``scaled=FALSE``); the reported
        scores are on the items' scale (raw-item weights normalised to sum to
        1 per block, as in the ACSI index).  Path coefficients are
        standardised in both cases.
    tol : float
        Largest change of any outer weight accepted as convergence.
    max_iter : int
        Iteration limit; exceeding it raises :class:`PLSConvergenceError`
        (a ``ValueError``).
    missing : {'raise', 'drop'}
        Missing item values raise an error naming the columns and counts
        (default) or drop the respondent (listwise deletion; ``res.n_dropped``).
        The old spelling ``'error'`` still works with a FutureWarning.

    Returns
    -------
    PLSResult
        ``paths``, ``r_squared``, ``outer``, ``gof``, ``scores``, effects,
        ``summary()``, ``reliability()``, ``htmt()``, ``bootstrap()``.

    Examples
    --------
    The ECSI model on the workbook's bundled operator survey:

    >>> from cvlib import datasets
    >>> from cvlib.pls import ECSI_PATHS
    >>> from cvlib.synthetic.satisfaction import ACSI_SURVEY_BLOCKS
    >>> survey = datasets.load("acsi_survey")
    >>> res = estimate(survey, ECSI_PATHS, ACSI_SURVEY_BLOCKS, missing="drop")
    >>> res.n, round(float(res.r_squared["Satisfaction"]), 3)
    (666, 0.482)
    >>> res.summary().loc["Quality -> Satisfaction", ["estimate", "f2"]].round(3).tolist()
    [0.338, 0.136]
    >>> boot = res.bootstrap(n_boot=200, seed=1)
    >>> list(boot.summary().columns[:4])
    ['estimate', 'se', 'ci_low', 'ci_high']

    References
    ----------
    Wold, H. (1982). Soft modeling: the basic design and some extensions.
    Lohmoeller, J.-B. (1989). Latent Variable Path Modeling with Partial Least Squares.
    Tenenhaus, M., Esposito Vinzi, V., Chatelin, Y.-M., & Lauro, C. (2005). PLS path
    modeling. Computational Statistics & Data Analysis 48(1), 159-205 (ECSI on mobi,
    Table 4 and Fig. 6).
    """
    if scheme not in eng.SCHEMES:
        raise ValueError(f"scheme must be one of {list(eng.SCHEMES)}, got {scheme!r}")
    try:
        tol = float(tol)
    except (TypeError, ValueError):
        raise TypeError(f"tol must be a small positive number such as 1e-7, got {tol!r}") from None
    if not tol > 0:
        raise ValueError(f"tol must be positive, got {tol}")
    if isinstance(max_iter, bool) or not isinstance(max_iter, int | np.integer) or max_iter < 1:
        raise ValueError(f"max_iter must be a positive integer, got {max_iter!r}")
    require_frame(data, "data")
    spec = build_spec(data.columns, paths, blocks, modes)
    sub, X = _check_data(data, spec, missing)
    mean = X.mean(axis=0)
    Xc = X - mean
    C = (Xc.T @ Xc) / (len(X) - 1)
    S = eng.to_correlation(C[None]) if standardized else C[None]
    if any(m == "B" for m in spec.modes):
        for j, idx in enumerate(spec.block_items):
            if spec.modes[j] == "B" and len(idx) > 1:
                sub_S = S[0][np.ix_(idx, idx)]
                if np.linalg.matrix_rank(sub_S) < len(idx):
                    raise ValueError(f"formative (mode B) block {spec.latents[j]!r} has "
                                     f"collinear items {[spec.items[i] for i in idx]}; drop one "
                                     f"or use mode 'A'")
    fit = eng.iterate(S, spec, scheme, tol, int(max_iter))
    if not fit.converged[0]:
        raise PLSConvergenceError(say(
            f"PLS did not converge in max_iter={max_iter} iterations with scheme={scheme!r} "
            f"(largest change of an outer weight in the last iteration {fit.delta[0]:.2g}, "
            f"tol={tol:g}); raise max_iter, loosen tol, or try another scheme or mode",
            f"PLS 在 max_iter={max_iter} 次迭代内没有收敛（scheme={scheme!r}；最后一次迭代中外部权重的"
            f"最大变化为 {fit.delta[0]:.2g}，tol={tol:g}）；请增大 max_iter、放宽 tol，"
            f"或换一种权重方案或测量模式"
        ))
    fit = eng.orient(S, fit, spec)  # sign convention: most loadings of a block positive
    der = _derived(fit, S, spec, standardized, np.sqrt(np.diag(C))[None])
    pairs = _as_pairs(paths)
    return PLSResult(spec=spec, fit=fit, der=der, S=S, X=Xc, mean=mean, index=sub.index,
                     scheme=scheme, standardized=standardized, tol=tol, max_iter=int(max_iter),
                     n_dropped=len(data) - len(sub), pairs=pairs, data=sub)

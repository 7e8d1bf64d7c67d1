"""Multi-group analysis of a PLS path model: permutation test of path differences, with MICOM step 2."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._bootstrap import percentile_interval, resample_counts
from .._results import EstimateResult
from .._validate import as_rng, check_missing, check_n_boot, require_frame
from . import _engine as eng

__all__ = ["mga", "MGAResult"]


class MGAResult(EstimateResult):
    """Two-group comparison of a PLS path model (see :func:`mga`).

    ``summary()`` has one row per path (``"source -> target"``): ``estimate``
    (group 1 minus group 2), ``se`` and ``ci_low`` / ``ci_high`` (from a
    bootstrap within each group), ``p_value`` (permutation test of no
    difference), ``group_1`` and ``group_2`` (each group's path).

    Attributes
    ----------
    groups : tuple
        The two group labels, in the order of the difference.
    n_groups : tuple of int
        Respondents in each group.
    paths : DataFrame
        ``source``, ``target``, ``group_1``, ``group_2``, ``difference``, ``p_value``,
        ``invariant`` (both constructs pass MICOM step 2, so the difference can
        be interpreted).
    micom : DataFrame
        MICOM step 2 per block: ``c`` (correlation of the composite scores
        computed with each group's weights on the pooled data), ``q05`` (5%
        quantile of ``c`` under permutation), ``p_value`` and
        ``invariant`` (``c >= q05``: compositional invariance established).
    compositional_invariance : bool
        True when every block is invariant (MICOM step 2), the condition for
        comparing the groups' paths meaningfully.
    perm_differences : DataFrame
        The path differences of every valid permutation (one row each).
    n_boot, n_failed : int
        Permutations drawn, and permutations dropped (non-convergence or a
        constant item in a permuted group).
    """

    def __init__(self, **kw):
        self.__dict__.update(kw)

    def _estimates(self, ci: float) -> pd.DataFrame:
        se, lo, hi = percentile_interval(self._boot, ci)
        out = pd.DataFrame({"estimate": self.params, "se": se, "ci_low": lo, "ci_high": hi,
                            "p_value": self.paths["p_value"].to_numpy(),
                            "group_1": self.paths["group_1"].to_numpy(),
                            "group_2": self.paths["group_2"].to_numpy()},
                           index=self.params.index)
        out.index.name = "path"
        return out

    def _title(self) -> list[str]:
        g1, g2 = self.groups
        bad = self.micom.loc[~self.micom["invariant"], "block"].tolist()
        inv = ("established for every block" if not bad
               else f"NOT established for {', '.join(bad)}")
        return [f"Multi-group analysis: {g1} (n={self.n_groups[0]}) minus {g2} "
                f"(n={self.n_groups[1]}), {self.n_boot - self.n_failed} permutations",
                f"compositional invariance (MICOM step 2) {inv}; bootstrap CIs"]


def _group_labels(data: pd.DataFrame, group):
    if isinstance(group, str):
        if group not in data.columns:
            raise ValueError(f"data has no column {group!r} to split the groups by; available "
                             f"columns are {list(map(str, data.columns))}")
        return data[group], group
    if not hasattr(group, "__len__"):
        raise TypeError(f"group must be a column name such as 'gender' or one label per row of "
                        f"data, got {group!r}")
    g = pd.Series(np.asarray(group), index=data.index) if len(group) == len(data) else None
    if g is None:
        raise ValueError(f"group must be a column name or one label per row of data "
                         f"({len(data)}), got {len(group)} labels")
    return g, "group"


def mga(data: pd.DataFrame, paths, blocks, group, *, groups=None, n_boot: int = 1000,
        seed=None, modes=None, scheme: str = "path",
        missing: str = "raise", tol: float = 1e-7, max_iter: int = 300) -> MGAResult:
    r"""Compare a PLS path model between two groups: permutation test, bootstrap CIs, MICOM step 2.

    The model is estimated in each group (items standardised within the
    group), giving paths :math:`\beta^{(1)}` and :math:`\beta^{(2)}`.

    **Permutation test** (Chin & Dibbern 2010; Henseler, Ringle & Sarstedt
    2016): the group labels are shuffled ``n_boot`` times, keeping the group
    sizes; each shuffle is estimated in both pseudo-groups.  Under the null
    hypothesis of no difference the observed difference is one draw from
    that distribution, so

    .. math:: p = \frac{1 + \#\{b : |\beta^{(1)}_b - \beta^{(2)}_b| \ge |\beta^{(1)} - \beta^{(2)}|\}}{1 + B}

    (the permutation p-value that counts the observed split among the
    permutations, Phipson & Smyth 2010).  The standard error and
    percentile interval of the difference come from ``n_boot`` bootstrap
    resamples drawn within each group (the library's one bootstrap).

    **MICOM step 2, compositional invariance** (Henseler, Ringle & Sarstedt
    2016): a path comparison is meaningful only if each composite is formed
    the same way in both groups.  With :math:`w^{(g)}_j` the weights of block
    ``j`` estimated in group ``g`` and :math:`X` the pooled standardised data,

    .. math:: c_j = \mathrm{cor}\bigl(X_j w^{(1)}_j,\; X_j w^{(2)}_j\bigr)

    and ``c`` is compared with the 5% quantile of its permutation
    distribution: :math:`c_j \ge q_{0.05}` establishes compositional
    invariance for block ``j``.  (Step 1, configural invariance, holds by
    construction: one model, one algorithm, the same items.  Step 3, equal
    composite means and variances, is not needed for comparing paths.)

    All ``2 (1 + 2 n_boot)`` group estimates run at once on a stack of
    covariance matrices (the batched engine of :mod:`cvlib.pls`).

    What was checked.  The tests recompute each group's paths with
    :func:`cvlib.pls.estimate` on the group's rows, recompute ``c`` by hand
    from the two groups' scores, and check the invariants: p-values in
    (0, 1]; two identical groups give a zero difference, p = 1 and c = 1; a
    difference planted in simulated data is detected.  seminr has no
    permutation MGA (its ``estimate_pls_mga`` is Henseler's bootstrap test),
    so there is no cross-check against it.

    Parameters
    ----------
    data : DataFrame
        The items and the group column.
    paths, blocks, modes, scheme, tol, max_iter
        The model, as in :func:`cvlib.pls.estimate`.
    group : str or array-like
        The column holding each respondent's group (e.g. ``"gender"``), or one
        label per row.
    groups : (label_1, label_2), optional
        Which two groups to compare, in this order (difference = first minus
        second).  Required when the column has more than two labels; rows of
        other groups are left out.  Default: the two labels in sorted order.
    n_boot : int, default 1000
        Permutations for the test, and bootstrap resamples for the interval.
    seed : None, int or numpy Generator
    missing : {'raise', 'drop'}
        Missing items or group labels raise (default) or drop the respondent.

    Returns
    -------
    MGAResult
        ``summary(ci=0.95)``, ``paths``, ``micom``, ``compositional_invariance``.

    Examples
    --------
    >>> from cvlib import datasets, pls
    >>> bank = datasets.fetch_bank_satisfaction()
    >>> m = mga(bank, pls.BANK_PATHS, pls.BANK_BLOCKS, "gender", n_boot=200, seed=1)
    >>> m.groups, m.n_groups
    (('female', 'male'), (148, 102))
    >>> m.summary().loc["Image -> Loyalty", ["estimate", "p_value"]].round(3).tolist()
    [0.388, 0.015]
    >>> m.micom.loc[~m.micom["invariant"], "block"].tolist()
    ['Value']

    References
    ----------
    Chin, W. W., & Dibbern, J. (2010). An introduction to a permutation based procedure
    for multi-group PLS analysis. In Handbook of Partial Least Squares (pp. 171-193).
    Henseler, J., Ringle, C. M., & Sarstedt, M. (2016). Testing measurement invariance of
    composites using partial least squares. International Marketing Review 33(3), 405-431.
    Phipson, B., & Smyth, G. K. (2010). Permutation p-values should never be zero.
    Statistical Applications in Genetics and Molecular Biology 9(1), article 39.
    """
    from .core import PLSConvergenceError, _as_pairs, _check_data, build_spec

    require_frame(data, "data")
    missing = check_missing(missing, ("raise", "drop"))
    n_boot = check_n_boot(n_boot, minimum=10)
    if scheme not in eng.SCHEMES:
        raise ValueError(f"scheme must be one of {list(eng.SCHEMES)}, got {scheme!r}")
    labels, gname = _group_labels(data, group)
    spec = build_spec(data.columns, paths, blocks, modes)
    if labels.isna().any():
        if missing == "raise":
            raise ValueError(f"group {gname!r} is missing for {int(labels.isna().sum())} row(s); "
                             f"pass missing='drop' to leave them out")
    present = sorted(labels.dropna().unique(), key=str)
    if groups is None:
        if len(present) != 2:
            raise ValueError(f"group {gname!r} has {len(present)} label(s) {present}; MGA compares "
                             f"two groups: pass groups=(label_1, label_2)")
        groups = tuple(present)
    else:
        groups = tuple(groups)
        if len(groups) != 2 or groups[0] == groups[1]:
            raise ValueError(f"groups must name two different labels, got {groups!r}")
        absent = [g for g in groups if g not in present]
        if absent:
            raise ValueError(f"group label(s) {absent} do not occur in {gname!r}; labels are "
                             f"{present}")
    keep = labels.isin(groups)
    sub, X = _check_data(data.loc[keep], spec, missing)
    g1 = (labels.loc[sub.index] == groups[0]).to_numpy()
    n1, n2 = int(g1.sum()), int((~g1).sum())
    need = max(10, *(len(spec.predecessors(j)) + 2 for j in spec.endogenous))
    if min(n1, n2) < need:
        raise ValueError(f"group sizes are {groups[0]!r}: {n1}, {groups[1]!r}: {n2}; each group "
                         f"needs at least {need} complete respondents")
    rng = as_rng(seed)
    n = len(X)
    # rows 0-1: the observed groups; then n_boot permutations (pairs); then n_boot bootstraps
    perm = np.stack([rng.permutation(g1) for _ in range(n_boot)])
    c1 = np.zeros((n_boot, n))
    c2 = np.zeros((n_boot, n))
    c1[:, g1] = resample_counts(n1, n_boot, seed=rng)
    c2[:, ~g1] = resample_counts(n2, n_boot, seed=rng)
    member = np.concatenate([np.stack([g1, ~g1]).astype(float),
                             np.stack([perm, ~perm], axis=1).reshape(-1, n).astype(float),
                             np.stack([c1, c2], axis=1).reshape(-1, n)])
    _, C = eng.group_moments(X, member)
    sd = np.sqrt(np.clip(np.diagonal(C, axis1=1, axis2=2), 0, None))
    if not (sd[:2] > 0).all():
        gi, i = np.argwhere(~(sd[:2] > 0))[0]
        raise ValueError(f"item {spec.items[i]!r} is constant in group {groups[gi]!r}; drop it "
                         f"from its block to compare the groups")
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        S = eng.to_correlation(C)
        fit = eng.iterate(S, spec, scheme, float(tol), int(max_iter))
        if not fit.converged[:2].all():
            raise PLSConvergenceError(f"PLS did not converge in group "
                                      f"{groups[int(np.flatnonzero(~fit.converged[:2])[0])]!r}; "
                                      f"raise max_iter")
        fit = eng.orient(S, fit, spec)
        coef, _ = eng.paths_and_r2(fit.R, spec)
    ok = (fit.converged & np.isfinite(fit.w).all(axis=1)).reshape(-1, 2).all(axis=1)
    pairs = _as_pairs(paths)
    ix = {name: i for i, name in enumerate(spec.latents)}
    src = [ix[s] for s, _ in pairs]
    tgt = [ix[t] for _, t in pairs]
    b = coef[:, src, tgt].reshape(-1, 2, len(pairs))
    diff = b[:, 0] - b[:, 1]
    n_perm = slice(1, 1 + n_boot)
    n_bs = slice(1 + n_boot, None)
    perm_ok = ok[n_perm]
    d_perm = diff[n_perm][perm_ok]
    d0 = diff[0]
    p = (1 + (np.abs(d_perm) >= np.abs(d0) - 1e-12).sum(axis=0)) / (1 + len(d_perm))
    boot = diff[n_bs][ok[n_bs]]
    # MICOM step 2 on the pooled standardised data
    P = np.corrcoef(X, rowvar=False)
    w = fit.w.reshape(-1, 2, len(spec.items))
    cvals = np.ones((len(w), len(spec.latents)))
    for j, idx in enumerate(spec.block_items):
        if len(idx) < 2:
            continue
        Pj = P[np.ix_(idx, idx)]
        a, bb = w[:, 0, idx], w[:, 1, idx]
        with np.errstate(invalid="ignore", divide="ignore"):
            cvals[:, j] = np.einsum("bi,ij,bj->b", a, Pj, bb) / np.sqrt(
                np.einsum("bi,ij,bj->b", a, Pj, a) * np.einsum("bi,ij,bj->b", bb, Pj, bb))
    c_perm = cvals[n_perm][perm_ok]
    q05 = np.quantile(c_perm, 0.05, axis=0)
    c0 = cvals[0]
    micom = pd.DataFrame({"block": list(spec.latents), "c": c0, "q05": q05,
                          "p_value": (1 + (c_perm <= c0 + 1e-12).sum(axis=0)) / (1 + len(c_perm)),
                          "invariant": c0 >= q05 - 1e-12})
    names = [f"{s} -> {t}" for s, t in pairs]
    table = pd.DataFrame({"source": [s for s, _ in pairs], "target": [t for _, t in pairs],
                          "group_1": b[0, 0], "group_2": b[0, 1], "difference": d0,
                          "p_value": p})
    inv = dict(zip(micom["block"], micom["invariant"], strict=True))
    table["invariant"] = [bool(inv[s] and inv[t]) for s, t in pairs]
    return MGAResult(params=pd.Series(d0, index=names, name="estimate"),
                     bse=pd.Series(percentile_interval(boot)[0], index=names, name="se"),
                     paths=table, micom=micom,
                     compositional_invariance=bool(micom["invariant"].all()),
                     perm_differences=pd.DataFrame(d_perm, columns=names), _boot=boot,
                     groups=groups, n_groups=(n1, n2), n=n, n_boot=n_boot,
                     n_failed=int((~perm_ok).sum()), data=sub)

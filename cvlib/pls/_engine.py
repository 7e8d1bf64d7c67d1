"""The PLS path modelling algorithm (Wold 1982; Lohmoeller 1989), batched over covariance matrices.

Every step of the iterative algorithm depends on the data only through the
covariance (or correlation) matrix ``S`` of the items:

- latent scores ``Y_j = X_j w_j`` have ``cov(Y_i, Y_j) = w_i' S_ij w_j``;
- the inner estimate ``Z_j = sum_i e_ij Y_i`` has ``cov(X_j, Z_j) = sum_i e_ij S_ji w_i``;
- mode A sets ``w_j = cov(X_j, Z_j)``, mode B ``w_j = S_jj^{-1} cov(X_j, Z_j)``;
- each ``w_j`` is then rescaled so that ``var(Y_j) = w_j' S_jj w_j = 1``.

So the algorithm runs on a stack of ``B`` matrices at once (shape ``(B, p, p)``):
``B = 1`` for the estimate, ``B = 1000`` for a bootstrap, with no Python loop
over resamples.  Weights live in a dense ``(B, p, L)`` matrix that is zero
outside each item's own block.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SCHEMES = ("path", "centroid", "factorial")
MODES = ("A", "B")


@dataclass(frozen=True)
class Spec:
    """A checked model: latent names, items, block membership, modes and the inner model."""

    latents: tuple[str, ...]
    items: tuple[str, ...]
    block_of: np.ndarray  # (p,) latent index of each item
    block_items: tuple[np.ndarray, ...]  # item indices of each latent
    modes: tuple[str, ...]
    adj: np.ndarray  # (L, L) bool, adj[i, j] is the path i -> j
    order: tuple[int, ...]  # a topological order of the latents

    @property
    def mask(self) -> np.ndarray:
        m = np.zeros((len(self.items), len(self.latents)))
        m[np.arange(len(self.items)), self.block_of] = 1.0
        return m

    def predecessors(self, j: int) -> np.ndarray:
        return np.flatnonzero(self.adj[:, j])

    @property
    def endogenous(self) -> list[int]:
        return [j for j in range(len(self.latents)) if self.adj[:, j].any()]


@dataclass
class Fit:
    """Raw arrays of a batched fit (leading axis: resample)."""

    w: np.ndarray  # (B, p) weights giving unit-variance latent scores
    R: np.ndarray  # (B, L, L) latent correlations
    cov_xy: np.ndarray  # (B, p, L) cov(item, latent score)
    iterations: np.ndarray  # (B,) iterations used
    converged: np.ndarray  # (B,) bool
    delta: np.ndarray  # (B,) last change in the weights


def _normalise(S, w, mask, block_of):
    """Rescale ``w`` to unit-variance scores; return w, S@W and the latent covariance."""
    W = w[:, :, None] * mask
    SW = S @ W
    R = np.swapaxes(W, 1, 2) @ SW
    var = np.diagonal(R, axis1=1, axis2=2)
    with np.errstate(invalid="ignore", divide="ignore"):
        sd = np.sqrt(var)
        w = w / sd[:, block_of]
        SW = SW / sd[:, None, :]
        R = R / (sd[:, :, None] * sd[:, None, :])
    return w, SW, R


def _solve(A, b):
    """Batched solve of A x = b for square A (B, k, k) and b (B, k); NaN where singular."""
    try:
        return np.linalg.solve(A, b[..., None])[..., 0]
    except np.linalg.LinAlgError:
        out = np.full(b.shape, np.nan)
        for i in range(A.shape[0]):
            try:
                out[i] = np.linalg.solve(A[i], b[i])
            except np.linalg.LinAlgError:
                pass
        return out


def inner_weights(R: np.ndarray, spec: Spec, scheme: str) -> np.ndarray:
    """Inner weights ``E[:, i, j]``: the weight of ``Y_i`` in the inner estimate ``Z_j``.

    centroid: sign of the correlation of adjacent latents; factorial: the
    correlation itself; path: for the predecessors of ``j`` the coefficients of
    the regression of ``Y_j`` on them, for its successors the correlation.
    """
    adj = spec.adj
    neighbours = adj | adj.T
    if scheme == "centroid":
        return np.sign(R) * neighbours
    if scheme == "factorial":
        return R * neighbours
    E = np.zeros_like(R)
    # successors s of j (j -> s): weight cor(Y_j, Y_s) of Y_s in Z_j
    E += np.swapaxes(R * adj, 1, 2)
    for j in spec.endogenous:
        P = spec.predecessors(j)
        E[:, P, j] = _solve(R[:, P[:, None], P], R[:, P, j])
    return E


def iterate(S: np.ndarray, spec: Spec, scheme: str, tol: float, max_iter: int,
            Sinv_blocks=None) -> Fit:
    """Run the PLS outer/inner iteration on a stack of item covariance matrices ``S``."""
    B, p, _ = S.shape
    mask = spec.mask
    block_of = spec.block_of
    rows = np.arange(p)
    modeB = [j for j, m in enumerate(spec.modes) if m == "B" and len(spec.block_items[j]) > 1]
    if Sinv_blocks is None:
        Sinv_blocks = {}
        for j in modeB:
            idx = spec.block_items[j]
            with np.errstate(invalid="ignore"):
                try:
                    Sinv_blocks[j] = np.linalg.inv(S[:, idx[:, None], idx])
                except np.linalg.LinAlgError:
                    Sinv_blocks[j] = np.full((B, len(idx), len(idx)), np.nan)
    w = np.ones((B, p))
    w_prev = None
    delta = np.full(B, np.inf)
    iterations = np.zeros(B, dtype=int)
    active = np.ones(B, dtype=bool)
    for it in range(1, max_iter + 2):
        w, SW, R = _normalise(S, w, mask, block_of)
        if w_prev is not None:
            # the same weights up to sign count as converged (centroid may flip a sign)
            d = np.abs(w - w_prev).max(axis=1)
            delta = np.where(active, d, delta)
            newly = active & (d < tol)
            iterations[newly] = it - 1
            active &= ~newly
            if not active.any() or it > max_iter:
                break
        w_prev = w
        E = inner_weights(R, spec, scheme)
        T = SW @ E  # cov(X_i, Z_j)
        w_new = T[:, rows, block_of]
        for j in modeB:
            idx = spec.block_items[j]
            w_new[:, idx] = (Sinv_blocks[j] @ w_new[:, idx, None])[..., 0]
        w = w_new
    iterations[active] = max_iter
    converged = ~active & np.isfinite(w).all(axis=1)
    return Fit(w=w, R=R, cov_xy=SW, iterations=iterations, converged=converged, delta=delta)


def paths_and_r2(R: np.ndarray, spec: Spec):
    """Standardised path coefficients (B, L, L) with B[:, i, j] for i -> j, and R^2 (B, L)."""
    Bn, L, _ = R.shape
    coef = np.zeros((Bn, L, L))
    r2 = np.full((Bn, L), np.nan)
    for j in spec.endogenous:
        P = spec.predecessors(j)
        beta = _solve(R[:, P[:, None], P], R[:, P, j])
        coef[:, P, j] = beta
        r2[:, j] = np.einsum("bk,bk->b", beta, R[:, P, j])
    return coef, r2


def total_effects(coef: np.ndarray) -> np.ndarray:
    """Total effects ``(I - B)^{-1} - I`` of a recursive path matrix (batched)."""
    L = coef.shape[-1]
    # (I - B)^{-1} = I + B + B^2 + ... (finite for an acyclic model)
    total = np.zeros_like(coef)
    power = coef.copy()
    for _ in range(L):
        if not np.any(power):
            break
        total += power
        power = power @ coef
    return total


def moments(X: np.ndarray, counts: np.ndarray, chunk_elems: int = 4_000_000) -> np.ndarray:
    """Covariance matrices (ddof=1) of ``X`` re-weighted by resampling ``counts`` (B, n).

    Computed in chunks of resamples as ``(X * c)' X`` so memory stays bounded.
    """
    B, n = counts.shape
    p = X.shape[1]
    Xc = X - X.mean(axis=0)
    out = np.empty((B, p, p))
    step = max(1, chunk_elems // max(1, n * p))
    for start in range(0, B, step):
        c = counts[start:start + step]
        m = c @ Xc / n  # (b, p)
        M2 = (c[:, :, None] * Xc[None]).swapaxes(1, 2) @ Xc / n
        out[start:start + step] = (M2 - m[:, :, None] * m[:, None, :]) * (n / (n - 1))
    return out


def to_correlation(S: np.ndarray) -> np.ndarray:
    """Turn a stack of covariance matrices into correlation matrices (NaN for constant items)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        sd = np.sqrt(np.diagonal(S, axis1=1, axis2=2))
        return S / (sd[:, :, None] * sd[:, None, :])


def orient(S: np.ndarray, fit: Fit, spec: Spec, ref_loadings: np.ndarray | None = None) -> Fit:
    """Fix the arbitrary sign of every latent variable of a batched fit.

    Without ``ref_loadings`` a block is flipped when most of its loadings are
    negative (ties: when their sum is negative), the convention of
    :func:`cvlib.pls.estimate`.  With ``ref_loadings`` (shape ``(p,)``, e.g.
    the original estimate's loadings) a block is flipped when its loadings
    are closer to minus the reference (the construct-level sign change of a
    bootstrap, Tenenhaus et al. 2005, sec. 3.4).
    """
    B = S.shape[0]
    rows = np.arange(len(spec.items))
    with np.errstate(invalid="ignore", divide="ignore"):
        lam = fit.cov_xy[:, rows, spec.block_of] / np.sqrt(np.diagonal(S, axis1=1, axis2=2))
    flip = np.ones((B, len(spec.latents)))
    for j, idx in enumerate(spec.block_items):
        if ref_loadings is None:
            s = np.sign(lam[:, idx]).sum(axis=1)
            bad = (s < 0) | ((s == 0) & (lam[:, idx].sum(axis=1) < 0))
        else:
            bad = (np.abs(lam[:, idx] + ref_loadings[idx]).sum(axis=1)
                   < np.abs(lam[:, idx] - ref_loadings[idx]).sum(axis=1))
        flip[bad, j] = -1.0
    if not (flip < 0).any():
        return fit
    with np.errstate(invalid="ignore", divide="ignore"):
        w, SW, R = _normalise(S, fit.w * flip[:, spec.block_of], spec.mask, spec.block_of)
    return Fit(w=w, R=R, cov_xy=SW, iterations=fit.iterations, converged=fit.converged,
               delta=fit.delta)


def group_moments(X: np.ndarray, member: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Means (B, p) and covariance matrices (B, p, p; ddof=1) of the rows selected by ``member``.

    ``member`` is a (B, n) 0/1 matrix: row ``b`` selects the respondents of
    one subsample (a training fold, a permuted group).  One matrix product
    for all subsamples, no Python loop.
    """
    member = np.asarray(member, dtype=float)
    Xc = X - X.mean(axis=0)
    n_b = member.sum(axis=1)
    m = member @ Xc / n_b[:, None]
    M2 = np.einsum("bn,np,nq->bpq", member, Xc, Xc, optimize=True)
    C = (M2 - n_b[:, None, None] * m[:, :, None] * m[:, None, :]) / (n_b - 1)[:, None, None]
    return m + X.mean(axis=0), C

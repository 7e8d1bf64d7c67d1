"""PLSpredict (Shmueli et al. 2016, 2019): out-of-sample predictions of a PLS path model."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._results import Result
from .._validate import as_rng, check_option
from ..language import say
from . import _engine as eng

__all__ = ["plspredict", "PLSPredictResult", "PREDICTIVE_POWER"]

#: Shmueli et al.'s (2019, Table 2) reading of the comparison with the linear-model benchmark.
PREDICTIVE_POWER = {
    "none": "no item has Q2_predict > 0: the model has no predictive relevance",
    "lacking": "no item is predicted better by PLS than by the linear model: PLS lacks "
               "predictive power",
    "low": "a minority of items is predicted better by PLS than by the linear model: low "
           "predictive power",
    "medium": "a majority of items is predicted better by PLS than by the linear model: medium "
              "predictive power",
    "high": "every item is predicted better by PLS than by the linear model: high predictive "
            "power",
}


class PLSPredictResult(Result):
    """Out-of-sample prediction errors of a PLS path model (see :func:`plspredict`).

    ``summary()`` has one row per endogenous item: ``block``, ``item``,
    ``q2_predict``, ``pls_rmse``, ``pls_mae``, ``lm_rmse``, ``lm_mae``,
    ``rmse_diff`` (PLS minus LM; negative means PLS predicts better) and
    ``pls_better`` (``rmse_diff < 0``).  Every error is the mean over the
    ``n_repeats`` repetitions of the k-fold cross-validation, in the items'
    own units (scale points).

    Attributes
    ----------
    table : DataFrame
        The summary table.
    by_repeat : DataFrame
        ``repeat``, ``item``, ``q2_predict``, ``pls_rmse``, ``pls_mae``,
        ``lm_rmse``, ``lm_mae`` of every repetition (their spread shows how
        much the fold assignment matters).
    predictions : DataFrame
        Out-of-sample PLS predictions of every respondent's endogenous items,
        averaged over the repetitions.
    lm_predictions : DataFrame
        The same for the linear-model benchmark.
    folds : ndarray
        (n_repeats, n) fold label of every respondent in every repetition.
    k, n_repeats, technique, n : int, int, str, int
    """

    _show_index = False

    def __init__(self, **kw):
        self.__dict__.update(kw)

    def summary(self) -> pd.DataFrame:
        """One row per endogenous item (see the class docstring)."""
        return self.table.copy()

    def predictive_power(self, block: str | None = None, metric: str = "rmse") -> str:
        """Shmueli et al.'s (2019) verdict for the items of ``block`` (default all endogenous items).

        ``'none'`` if no item has :math:`Q^2_{predict} > 0`; otherwise, by how many items PLS
        has a smaller ``metric`` ('rmse', or 'mae' for strongly skewed errors) than the linear
        model: none ``'lacking'``, a minority ``'low'``, a majority ``'medium'``, all ``'high'``
        (:data:`PREDICTIVE_POWER` says each in words).
        """
        metric = check_option(metric, "metric", ("rmse", "mae"))
        t = self.table
        if block is not None:
            blocks = list(dict.fromkeys(t["block"]))
            if block not in blocks:
                raise ValueError(f"block {block!r} has no predicted items; endogenous blocks are "
                                 f"{blocks}")
            t = t[t["block"] == block]
        if not (t["q2_predict"] > 0).any():
            return "none"
        better = (t[f"pls_{metric}"] < t[f"lm_{metric}"]).mean()
        if better == 1:
            return "high"
        if better > 0.5:
            return "medium"
        return "low" if better > 0 else "lacking"

    def _title(self) -> list[str]:
        power = self.predictive_power()
        return [say(f"PLSpredict: {self.k}-fold cross-validation x {self.n_repeats} repetitions, "
                    f"n={self.n}, {self.technique} antecedents",
                    f"PLSpredict：{self.k} 折交叉验证 x 重复 {self.n_repeats} 次，n={self.n}，"
                    f"前因变量取 {self.technique}"),
                say(f"errors in item units, mean over repetitions; predictive power (RMSE): {power}",
                    f"误差以题项原单位计，取各次重复的平均；预测能力（RMSE）：{power}")]


def _folds(n: int, k: int, n_repeats: int, seed, folds) -> np.ndarray:
    if folds is not None:
        f = np.asarray(folds)
        if f.ndim == 1:
            f = f[None]
        if f.ndim != 2 or f.shape[1] != n:
            raise ValueError(f"folds must hold one fold label per respondent ({n} values, or "
                             f"(n_repeats, {n})), got shape {np.shape(folds)}")
        out = np.empty(f.shape, dtype=int)
        for r, row in enumerate(f):
            labels, out[r] = np.unique(row, return_inverse=True)
            if len(labels) < 2:
                raise ValueError("folds must have at least two distinct labels")
        return out
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or not 2 <= k <= n:
        raise ValueError(f"k must be a whole number of folds between 2 and n={n}, got {k!r}")
    if isinstance(n_repeats, bool) or not isinstance(n_repeats, int | np.integer) or n_repeats < 1:
        raise ValueError(f"n_repeats must be a whole number >= 1, got {n_repeats!r}")
    rng = as_rng(seed)
    base = np.arange(n) % k
    return np.stack([rng.permutation(base) for _ in range(int(n_repeats))])


def plspredict(result, *, k: int = 10, n_repeats: int = 10, seed=None,
               technique: str = "earliest", folds=None) -> PLSPredictResult:
    r"""PLSpredict: k-fold out-of-sample predictions of the endogenous items, against benchmarks.

    For each of ``n_repeats`` random splits of the respondents into ``k``
    folds, and each fold (Shmueli et al. 2016, 2019):

    1. the model is estimated on the other ``k - 1`` folds (the training
       sample; same scheme, modes and scaling as ``result``), giving item
       means :math:`\bar x`, standard deviations :math:`s`, outer weights
       :math:`w`, loadings :math:`\lambda` and paths :math:`B`;
    2. the held-out respondents' exogenous construct scores are computed
       from their items with the training weights,
       :math:`\hat\xi = \sum_i w_i (x_i - \bar x_i)/s_i`;
    3. the endogenous scores are predicted through the structural model:
       ``technique="earliest"`` (earliest antecedents, Shmueli et al. 2016)
       from the exogenous scores alone, :math:`\hat\eta = T'\hat\xi` with
       :math:`T = (I-B)^{-1} - I` the total effects; ``"direct"`` (direct
       antecedents, seminr's default) from the held-out respondents' own
       scores of each construct's predecessors, :math:`\hat\eta_j = \sum_i
       \beta_{ij}\hat y_i`;
    4. each endogenous item is predicted as :math:`\hat x = \bar x + s\,\lambda\,\hat\eta`.

    Benchmarks, fitted on the same training folds: the training mean
    (:math:`Q^2_{predict}`) and the linear model (LM: OLS, with intercept,
    of each endogenous item on the items PLS predicts it from: all items of
    the exogenous constructs for ``"earliest"``, as Shmueli et al. 2019 and
    SmartPLS define it; the items of the construct's direct antecedents for
    ``"direct"``, as seminr does).

    .. math:: Q^2_{predict} = 1 - \frac{\sum_i (x_i - \hat x_i)^2}{\sum_i (x_i - \bar x_{\text{train}})^2},
              \quad RMSE = \sqrt{\tfrac{1}{n}\sum_i (x_i - \hat x_i)^2},
              \quad MAE = \tfrac{1}{n}\sum_i |x_i - \hat x_i|

    are computed per repetition over all ``n`` held-out predictions and
    averaged over the repetitions.  Reading (Shmueli et al. 2019): first
    :math:`Q^2_{predict} > 0` (better than the mean); then compare PLS's RMSE
    (MAE when errors are very skewed) with the LM's item by item
    (:meth:`PLSPredictResult.predictive_power`).  All ``n_repeats x k``
    training fits run at once on a stack of covariance matrices (the
    batched engine of :mod:`cvlib.pls`).

    What was checked.  The tests recompute one repetition fold by fold with
    :func:`cvlib.pls.estimate` on the training rows and plain numpy OLS for
    the LM (same numbers to 1e-8); the invariants :math:`Q^2_{predict}\le 1`,
    RMSE >= MAE >= 0 and leave-one-out folds giving the same result every
    repetition hold.  *seminr*: the Python port of seminr (0.2.1,
    ``predict_pls`` with ``predict_EA`` and ``predict_DA``, given the same
    fold ordering) gives the same out-of-sample PLS item predictions on mobi
    (``benchmarks/crosscheck_pls_seminr.py``).

    Parameters
    ----------
    result : PLSResult
        A fitted model (:func:`cvlib.pls.estimate`); its ``data`` are used.
    k : int, default 10
        Number of folds (2 to n; n is leave-one-out).
    n_repeats : int, default 10
        Repetitions with different random fold assignments.
    seed : None, int or numpy Generator
        Seed of the fold assignments.
    technique : {'earliest', 'direct'}
        Earliest antecedents (default; Shmueli et al. 2016, SmartPLS) or
        direct antecedents (seminr's default).
    folds : array-like, optional
        Explicit fold labels, shape (n,) or (n_repeats, n); overrides ``k``,
        ``n_repeats`` and ``seed`` (to reproduce another program's folds).

    Returns
    -------
    PLSPredictResult
        ``summary()`` per endogenous item, ``predictive_power()``,
        ``by_repeat``, ``predictions``, ``lm_predictions``.

    Examples
    --------
    >>> from cvlib import datasets, pls
    >>> mobi = datasets.fetch_mobi()
    >>> res = pls.estimate(mobi, pls.ECSI_PATHS, pls.MOBI_BLOCKS)
    >>> pred = plspredict(res, seed=1)
    >>> row = pred.summary().set_index("item").loc["CUSA1"]
    >>> row[["q2_predict", "pls_rmse", "lm_rmse"]].astype(float).round(3).tolist()
    [0.254, 1.068, 1.031]
    >>> pred.predictive_power(), pred.predictive_power("Expectation")
    ('low', 'high')

    References
    ----------
    Shmueli, G., Ray, S., Velasquez Estrada, J. M., & Chatla, S. B. (2016). The elephant
    in the room: Predictive performance of PLS models. Journal of Business Research
    69(10), 4552-4564.
    Shmueli, G., Sarstedt, M., Hair, J. F., Cheah, J.-H., Ting, H., Vaithilingam, S., &
    Ringle, C. M. (2019). Predictive model assessment in PLS-SEM: guidelines for using
    PLSpredict. European Journal of Marketing 53(11), 2322-2347.
    """
    from .core import PLSConvergenceError, PLSResult

    if not isinstance(result, PLSResult):
        raise TypeError(f"result must be a PLSResult from cvlib.pls.estimate, got "
                        f"{type(result).__name__}")
    technique = check_option(technique, "technique", ("earliest", "direct"))
    spec = result._spec
    items = list(spec.items)
    X = result.data[items].to_numpy(dtype=float)
    n, p = X.shape
    F = _folds(n, k, n_repeats, seed, folds)
    R_, K = F.shape[0], int(F.max()) + 1
    smallest = min(int((F[r] != f).sum()) for r in range(R_) for f in range(K))
    exo = [j for j in range(len(spec.latents)) if j not in spec.endogenous]
    ex_items = np.concatenate([spec.block_items[j] for j in exo])
    en_items = np.concatenate([spec.block_items[j] for j in spec.endogenous])
    n_pred = len(ex_items) if technique == "earliest" else max(
        sum(len(spec.block_items[i]) for i in spec.predecessors(j)) for j in spec.endogenous)
    if smallest < max(10, n_pred + 2):
        raise ValueError(f"a training sample has only {smallest} respondents; use fewer folds "
                         f"or more data (at least {max(10, n_pred + 2)} per training sample "
                         f"for the linear-model benchmark's {n_pred} predictors)")
    member = np.concatenate([(F[r][None] != np.arange(K)[:, None]) for r in range(R_)])  # (R*K, n)
    mean, C = eng.group_moments(X, member)
    sd = np.sqrt(np.clip(np.diagonal(C, axis1=1, axis2=2), 0, None))
    if not (sd > 0).all():
        b, i = np.argwhere(~(sd > 0))[0]
        raise ValueError(f"item {items[i]!r} is constant in the training sample of repetition "
                         f"{b // K + 1}, fold {b % K + 1}; use fewer folds")
    S = eng.to_correlation(C) if result.standardized else C
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        fit = eng.iterate(S, spec, result.scheme, result.tol, result.max_iter)
    if not fit.converged.all():
        b = int(np.flatnonzero(~fit.converged)[0])
        raise PLSConvergenceError(f"PLS did not converge on the training sample of repetition "
                                  f"{b // K + 1}, fold {b % K + 1}; raise max_iter in estimate()")
    coef, _ = eng.paths_and_r2(fit.R, spec)
    rows = np.arange(p)
    scale = sd if result.standardized else np.ones_like(sd)
    w_raw = fit.w / scale  # weights of the centred raw items
    # cov(item, unit-variance score) in item units: correlation x sd, or the covariance itself
    lam_raw = fit.cov_xy[:, rows, spec.block_of] * scale
    W = w_raw[:, :, None] * spec.mask  # (B, p, L)
    bidx = np.arange(R_)[:, None] * K + F  # (R, n) training fit used for each prediction
    Xc = X[None] - mean[bidx]  # (R, n, p)
    Y = np.einsum("rnp,rnpl->rnl", Xc, W[bidx])
    if technique == "earliest":
        T = eng.total_effects(coef)
        Yhat = np.einsum("rne,rnel->rnl", Y[..., exo], T[bidx][:, :, exo, :])
    else:
        Yhat = np.einsum("rnl,rnlm->rnm", Y, coef[bidx])
    en = en_items
    pls_hat = mean[bidx][..., en] + lam_raw[bidx][..., en] * Yhat[..., spec.block_of[en]]
    lm_hat = np.empty_like(pls_hat)
    pos = 0
    for j in spec.endogenous:  # the LM predicts each block's items from its predictor items
        out = spec.block_items[j]
        preds = ex_items if technique == "earliest" else np.concatenate(
            [spec.block_items[i] for i in spec.predecessors(j)])
        beta = np.linalg.solve(C[:, preds[:, None], preds], C[:, preds[:, None], out])
        lm_hat[..., pos:pos + len(out)] = mean[bidx][..., out] + np.einsum(
            "rnq,rnqe->rne", Xc[..., preds], beta[bidx])
        pos += len(out)
    y = X[None][..., en]
    e_pls, e_lm = y - pls_hat, y - lm_hat
    ss_mean = (Xc[..., en] ** 2).sum(axis=1)  # (R, e)
    per = {
        "q2_predict": 1 - (e_pls**2).sum(axis=1) / ss_mean,
        "pls_rmse": np.sqrt((e_pls**2).mean(axis=1)),
        "pls_mae": np.abs(e_pls).mean(axis=1),
        "lm_rmse": np.sqrt((e_lm**2).mean(axis=1)),
        "lm_mae": np.abs(e_lm).mean(axis=1),
    }
    names = [items[i] for i in en]
    blocks = [spec.latents[spec.block_of[i]] for i in en]
    table = pd.DataFrame({"block": blocks, "item": names,
                          **{key: v.mean(axis=0) for key, v in per.items()}})
    table["rmse_diff"] = table["pls_rmse"] - table["lm_rmse"]
    table["pls_better"] = table["rmse_diff"] < 0
    by_repeat = pd.concat(
        [pd.DataFrame({"repeat": r + 1, "item": names, **{key: v[r] for key, v in per.items()}})
         for r in range(R_)], ignore_index=True)
    idx = result.data.index
    return PLSPredictResult(
        table=table, by_repeat=by_repeat,
        predictions=pd.DataFrame(pls_hat.mean(axis=0), index=idx, columns=names),
        lm_predictions=pd.DataFrame(lm_hat.mean(axis=0), index=idx, columns=names),
        folds=F, k=K, n_repeats=R_, technique=technique, n=n)

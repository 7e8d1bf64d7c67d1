"""Cross-check of cvlib's PLS research tools against the seminr Python port, on mobi.

seminr (PyPI ``seminr``, a GPL-3 alpha port of the R package) is not a dependency
of cvlib; this script compares the procedures both implement when seminr is
importable, and says so when it is not:

- PLSc (Dijkstra & Henseler 2015): seminr's ``reflective()`` constructs against
  :func:`cvlib.pls.plsc`: paths, rho_A, consistent loadings;
- PLSpredict (Shmueli et al. 2016): seminr's ``predict_pls`` (``predict_EA`` and
  ``predict_DA``) against :func:`cvlib.pls.plspredict` with the same folds:
  out-of-sample PLS and LM item predictions (seminr's LM uses the exogenous
  constructs' items for EA and the direct antecedents' items for DA, as cvlib).

Result on 2026-12-04 with seminr 0.2.1: PLSc paths 1.9e-09, loadings 2.2e-09;
PLSpredict PLS predictions 2.5e-08 (EA) and 2.3e-08 (DA), LM predictions 1e-13.

seminr has no IPMA and no permutation MGA (its ``estimate_pls_mga`` is Henseler's
bootstrap PLS-MGA), so those are checked against the papers' definitions in
``tests/test_pls_research.py`` instead.

Run:  CVLIB_DATA_HOME=../shared/datasets .venv/bin/python benchmarks/crosscheck_pls_seminr.py
(with ``seminr`` importable, e.g. ``pip install seminr`` in a scratch environment).
"""

from __future__ import annotations

import numpy as np

from cvlib.datasets import fetch_mobi
from cvlib.pls import ECSI_PATHS, MOBI_BLOCKS, estimate, plsc, plspredict

TOL = 1e-6


def _seminr_model(mobi, reflective_blocks: bool):
    from seminr import (
        composite,
        constructs,
        estimate_pls,
        multi_items,
        paths,
        reflective,
        relationships,
        single_item,
    )

    parts = []
    for lv, items in MOBI_BLOCKS.items():
        stem = items[0].rstrip("0123456789")
        its = single_item(items[0]) if len(items) == 1 else multi_items(
            stem, [int(i[len(stem):]) for i in items])
        parts.append(reflective(lv, its) if reflective_blocks and len(items) > 1
                     else composite(lv, its))
    targets: dict[str, list[str]] = {}
    for s, t in ECSI_PATHS:
        targets.setdefault(s, []).append(t)
    sm = relationships(*[paths(s, ts) for s, ts in targets.items()])
    return estimate_pls(mobi, constructs(*parts), sm)


def _fold_labels(n: int, k: int, ordering) -> np.ndarray:
    """The folds seminr builds from an ordering (R's cut(seq_len(n), breaks=k))."""
    from seminr.predict.predict_pls import cut_folds

    labels = np.empty(n, dtype=int)
    labels[np.asarray(ordering)] = np.asarray(cut_folds(n, k)) - 1
    return labels


def main() -> int:
    try:
        import seminr
    except ImportError:
        print("seminr (Python port) is not importable: nothing to cross-check "
              "(pip install seminr in a scratch environment)")
        return 0
    from seminr import predict_DA, predict_EA, predict_pls

    mobi = fetch_mobi()
    res = estimate(mobi, ECSI_PATHS, MOBI_BLOCKS)
    worst = 0.0
    print(f"seminr {getattr(seminr, '__version__', '?')} against cvlib on mobi (ECSI)")

    # PLSc
    sm = _seminr_model(mobi, reflective_blocks=True)
    c = plsc(res)
    d_path = max(abs(sm.path_coef.get(s, t) - c.params[f"{s} -> {t}"]) for s, t in ECSI_PATHS)
    d_load = max(abs(sm.outer_loadings.get(it, lv) - c.outer.set_index("item").at[it, "loading"])
                 for lv, items in MOBI_BLOCKS.items() for it in items)
    print(f"  PLSc paths:             largest difference {d_path:.1e}")
    print(f"  PLSc loadings:          largest difference {d_load:.1e}")
    worst = max(worst, d_path, d_load)

    # PLSpredict, same folds
    model = _seminr_model(mobi, reflective_blocks=False)
    n, k = len(mobi), 10
    ordering = np.random.default_rng(7).permutation(n).tolist()
    labels = _fold_labels(n, k, ordering)
    for name, tech, ours in (("earliest", predict_EA, "earliest"), ("direct", predict_DA, "direct")):
        sp = predict_pls(model, technique=tech, no_folds=k, ordering=ordering)
        pr = plspredict(res, folds=labels, technique=ours)
        cols = list(pr.predictions.columns)
        mine = pr.predictions[cols].to_numpy()
        items = sp.items.pls_out_of_sample
        theirs = np.column_stack([items.values[:, list(items.cols).index(c)] for c in cols])
        d = float(np.abs(mine - theirs).max())
        lm = sp.items.lm_out_of_sample
        theirs_lm = np.column_stack([lm.values[:, list(lm.cols).index(c)] for c in cols])
        d_lm = float(np.abs(pr.lm_predictions[cols].to_numpy() - theirs_lm).max())
        print(f"  PLSpredict ({name:8s}) PLS predictions: largest difference {d:.1e}; "
              f"LM predictions: {d_lm:.1e}")
        worst = max(worst, d, d_lm)
    ok = worst < TOL
    print(f"largest difference {worst:.1e}: {'agree' if ok else 'DISAGREE'} (tolerance {TOL:g})")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Speed of cvlib.pls on the ECSI mobi model: estimate (goal <= 20 ms) and 1,000 bootstrap
resamples (goal <= 3 s on one core), with the ratio against the seminr Python port when it
is importable; PLSpredict with 10 folds x 10 repetitions on mobi (goal <= 5 s) and the
multi-group permutation test with 1,000 permutations on the bank data by gender (goal <= 10 s;
issue 15).

Run:  CVLIB_DATA_HOME=../shared/datasets .venv/bin/python benchmarks/bench_pls.py
"""

import os

# one core: set before numpy is imported
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import numpy as np  # noqa: E402
from _timing import best_of  # noqa: E402  # benchmarks/_timing.py

from cvlib.datasets import fetch_bank_satisfaction, fetch_mobi  # noqa: E402
from cvlib.pls import (  # noqa: E402
    BANK_BLOCKS,
    BANK_PATHS,
    ECSI_PATHS,
    MOBI_BLOCKS,
    estimate,
    mga,
    plsc,
    plspredict,
)

GOAL_ESTIMATE_MS = 20.0
GOAL_BOOT_S = 3.0
GOAL_PREDICT_S = 5.0
GOAL_MGA_S = 10.0
N_BOOT = 1000


def _verdict(value: float, goal: float) -> str:
    return "ok" if value <= goal else "MISSED"


def main() -> None:
    mobi = fetch_mobi()

    def fit():
        res = estimate(mobi, paths=ECSI_PATHS, blocks=MOBI_BLOCKS, scheme="path")
        res.paths, res.r_squared, res.outer  # the tables a user looks at  # noqa: B018
        return res

    res = fit()
    est_min, _ = best_of(fit, 30)
    boot_min, _ = best_of(lambda: res.bootstrap(n_boot=N_BOOT, seed=1), 3)
    print("cvlib.pls on mobi (ECSI, 250 x 24, path scheme)")
    print(f"  estimate:             best {est_min * 1e3:7.2f} ms"
          f"  (goal <= {GOAL_ESTIMATE_MS:.0f} ms: {'ok' if est_min * 1e3 <= GOAL_ESTIMATE_MS else 'MISSED'})")
    print(f"  bootstrap n_boot={N_BOOT}: best {boot_min:7.3f} s"
          f"   (goal <= {GOAL_BOOT_S:.0f} s: {'ok' if boot_min <= GOAL_BOOT_S else 'MISSED'})")
    pred_min, _ = best_of(lambda: plspredict(res, k=10, n_repeats=10, seed=1), 3)
    print(f"  PLSpredict 10 folds x 10 repetitions: best {pred_min:7.3f} s"
          f"   (goal <= {GOAL_PREDICT_S:.0f} s: {_verdict(pred_min, GOAL_PREDICT_S)})")
    plsc_min, _ = best_of(lambda: plsc(res, n_boot=N_BOOT, seed=1), 3)
    print(f"  PLSc with {N_BOOT} bootstrap resamples: best {plsc_min:7.3f} s")
    bank = fetch_bank_satisfaction()
    mga_min, _ = best_of(lambda: mga(bank, BANK_PATHS, BANK_BLOCKS, "gender", n_boot=N_BOOT,
                                     seed=1), 3)
    print(f"cvlib.pls.mga on the bank data by gender (250 x 27): {N_BOOT} permutations "
          f"(+ {N_BOOT} bootstrap resamples per group): best {mga_min:7.3f} s"
          f"   (goal <= {GOAL_MGA_S:.0f} s: {_verdict(mga_min, GOAL_MGA_S)})")

    try:
        import seminr
        from seminr import (
            bootstrap_model,
            composite,
            constructs,
            estimate_pls,
            multi_items,
            paths,
            relationships,
            single_item,
        )
    except ImportError:
        print("seminr (Python port) is not installed: no ratio (pip install seminr to compare)")
        return
    parts = []
    for lv, items in MOBI_BLOCKS.items():
        stem = items[0].rstrip("0123456789")
        if len(items) == 1:
            parts.append(composite(lv, single_item(items[0])))
        else:
            parts.append(composite(lv, multi_items(stem, [int(i[len(stem):]) for i in items])))
    mm = constructs(*parts)
    targets: dict[str, list[str]] = {}
    for s, t in ECSI_PATHS:
        targets.setdefault(s, []).append(t)
    sm = relationships(*[paths(s, ts) for s, ts in targets.items()])
    model = estimate_pls(mobi, mm, sm)
    ref = np.array([model.path_coef.get(s, t) for s, t in ECSI_PATHS])
    diff = np.abs(ref - res.paths["estimate"].to_numpy()).max()
    s_est, _ = best_of(lambda: estimate_pls(mobi, mm, sm), 10)
    n_small = 100
    s_boot, _ = best_of(lambda: bootstrap_model(model, nboot=n_small, seed=1), 1)
    s_boot_full = s_boot * N_BOOT / n_small
    print(f"seminr {getattr(seminr, '__version__', '?')} (Python port), same model; "
          f"largest path difference {diff:.1e}")
    print(f"  estimate:             best {s_est * 1e3:7.2f} ms   -> cvlib is "
          f"{s_est / est_min:5.1f}x faster")
    print(f"  bootstrap n={n_small}:    {s_boot:7.3f} s (x{N_BOOT // n_small} = {s_boot_full:.1f} s for "
          f"{N_BOOT}) -> cvlib is {s_boot_full / boot_min:5.1f}x faster")


if __name__ == "__main__":
    main()

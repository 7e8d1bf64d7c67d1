"""Tests of the steps after a PLS model: IPMA, PLSpredict, multi-group analysis, consistent PLS.

Every number asserted comes from an independent computation written here from
the papers' definitions (Ringle & Sarstedt 2016; Shmueli et al. 2016, 2019;
Henseler, Ringle & Sarstedt 2016; Dijkstra & Henseler 2015), from the truth of
data simulated from a known model, or from an invariant.  The cross-check
against the seminr Python port is ``benchmarks/crosscheck_pls_seminr.py``
(seminr is GPL and alpha, so it is not a test dependency).
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cvlib import satisfaction as sat  # noqa: E402
from cvlib.datasets import fetch_bank_satisfaction, fetch_mobi, load  # noqa: E402
from cvlib.pls import (  # noqa: E402
    BANK_BLOCKS,
    BANK_PATHS,
    ECSI_PATHS,
    MOBI_BLOCKS,
    PREDICTIVE_POWER,
    estimate,
    ipma,
    mga,
    plsc,
    plspredict,
    rho_a,
)
from cvlib.synthetic.satisfaction import ACSI_SURVEY_BLOCKS  # noqa: E402

FIXTURE_OK = [HealthCheck.function_scoped_fixture]


@pytest.fixture(scope="module")
def mobi():
    return fetch_mobi()


@pytest.fixture(scope="module")
def res(mobi):
    return estimate(mobi, ECSI_PATHS, MOBI_BLOCKS)


@pytest.fixture(scope="module")
def bank():
    return fetch_bank_satisfaction()


# --------------------------------------------------------------------------- a simulator

SIM_PATHS = {("Xi1", "Eta1"): 0.5, ("Xi2", "Eta1"): 0.3, ("Eta1", "Eta2"): 0.6,
             ("Xi1", "Eta2"): 0.2}
SIM_LOADINGS = (0.9, 0.8, 0.7)


def simulate_reflective(n: int, paths=SIM_PATHS, loadings=SIM_LOADINGS, *, corr_xi=0.3,
                        seed=0) -> tuple[pd.DataFrame, dict]:
    """Draw ``n`` respondents from a reflective model with standardised latent variables.

    Exogenous Xi1, Xi2 are bivariate normal with correlation ``corr_xi``; each
    endogenous variable is the sum of its paths times its predecessors plus a
    disturbance whose variance makes its total variance 1; each latent
    variable has one item per loading, ``x = l eta + sqrt(1 - l^2) e``.
    """
    rng = np.random.default_rng(seed)
    names = ["Xi1", "Xi2", "Eta1", "Eta2"]
    cov = np.array([[1.0, corr_xi], [corr_xi, 1.0]])
    lat = {}
    xi = rng.multivariate_normal([0, 0], cov, size=n)
    lat["Xi1"], lat["Xi2"] = xi[:, 0], xi[:, 1]
    Sigma = np.zeros((4, 4))
    Sigma[:2, :2] = cov
    for j, name in enumerate(names[2:], start=2):
        preds = [i for i, s in enumerate(names) if (s, name) in paths]
        b = np.array([paths[(names[i], name)] for i in preds])
        explained = b @ Sigma[np.ix_(preds, preds)] @ b
        lat[name] = sum(bi * lat[names[i]] for bi, i in zip(b, preds, strict=True)) + \
            np.sqrt(1 - explained) * rng.standard_normal(n)
        Sigma[j, :j] = Sigma[:j, j] = b @ Sigma[np.ix_(preds, range(j))]
        Sigma[j, j] = 1.0
    cols, blocks = {}, {}
    for name in names:
        blocks[name] = []
        for k, lam in enumerate(loadings, start=1):
            item = f"{name}_{k}"
            cols[item] = lam * lat[name] + np.sqrt(1 - lam**2) * rng.standard_normal(n)
            blocks[name].append(item)
    return pd.DataFrame(cols), blocks


def test_simulator_draws_the_model_it_claims():
    data, blocks = simulate_reflective(200_000, seed=3)
    # item correlation within a block is l_i l_j; across Xi1 and Eta1 it is l_i l_j cor
    r = data.corr()
    assert r.loc["Xi1_1", "Xi1_2"] == pytest.approx(0.9 * 0.8, abs=0.01)
    # cor(Xi1, Eta1) = 0.5 + 0.3 * 0.3 = 0.59
    assert r.loc["Xi1_1", "Eta1_1"] == pytest.approx(0.9 * 0.9 * 0.59, abs=0.01)


# --------------------------------------------------------------------------- PLSc


def test_plsc_rho_a_is_the_reliability_of_the_pls_model(res, mobi):
    c = plsc(res)
    rel = res.reliability().set_index("block")["rho_A"]
    for block, items in MOBI_BLOCKS.items():
        if len(items) > 1:
            assert c.rho_a[block] == pytest.approx(rel[block], abs=1e-12)
            w = res.outer.set_index("item").loc[items, "weight"]
            assert c.rho_a[block] == pytest.approx(rho_a(mobi[items], w), abs=1e-10)
        else:
            assert c.rho_a[block] == 1.0


def test_plsc_formulas_by_hand(res):
    """Consistent loadings, disattenuated correlations and OLS paths, recomputed from the paper."""
    c = plsc(res)
    outer = res.outer.set_index("item")
    for block, items in MOBI_BLOCKS.items():
        w = outer.loc[items, "weight"].to_numpy()
        if len(items) > 1:
            lam = np.sqrt(c.rho_a[block]) * w / (w @ w)
            np.testing.assert_allclose(c.outer.set_index("item").loc[items, "loading"], lam,
                                       atol=1e-12)
    R = res.latent_correlations
    rho = c.rho_a
    Rc = R / np.sqrt(np.outer(rho, rho))
    for lv in Rc.index:
        Rc.loc[lv, lv] = 1.0
    np.testing.assert_allclose(c.latent_correlations, Rc, atol=1e-12)
    for target in ("Satisfaction", "Loyalty"):
        preds = [s for s, t in ECSI_PATHS if t == target]
        beta = np.linalg.solve(Rc.loc[preds, preds], Rc.loc[preds, target])
        for s, b in zip(preds, beta, strict=True):
            assert c.params[f"{s} -> {target}"] == pytest.approx(b, abs=1e-10)
        assert c.r_squared[target] == pytest.approx(beta @ Rc.loc[preds, target], abs=1e-10)


@pytest.mark.slow
def test_plsc_recovers_the_true_paths_where_pls_is_attenuated():
    """n = 4,000 from a known reflective model: PLSc within 4 bootstrap SEs of the truth, PLS not.

    The composites of three items with loadings 0.9/0.8/0.7 have reliability
    about 0.85, so PLS shrinks a correlation of about 0.6 by some 0.09, far
    more than its sampling error at n = 4,000 (about 0.015); PLSc removes the
    bias, so its errors are of the order of its bootstrap standard error.
    """
    data, blocks = simulate_reflective(4000, seed=11)
    pairs = list(SIM_PATHS)
    model = estimate(data, pairs, blocks)
    c = plsc(model, n_boot=200, seed=2)
    s = c.summary()
    truth = pd.Series({f"{a} -> {b}": v for (a, b), v in SIM_PATHS.items()})
    err_plsc = (s["estimate"] - truth).abs()
    err_pls = (s["pls"] - truth).abs()
    assert (err_plsc <= 4 * s["se"]).all()
    assert err_plsc.max() < 0.05
    assert err_pls["Eta1 -> Eta2"] > 0.06  # the attenuation PLSc corrects
    assert err_plsc.sum() < 0.5 * err_pls.sum()
    # consistent loadings recover the true loadings
    lam = c.outer.set_index("item")["loading"]
    for items in blocks.values():
        np.testing.assert_allclose(lam[items], SIM_LOADINGS, atol=0.03)


@settings(max_examples=6, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(80, 400))
def test_plsc_invariants_on_simulated_data(seed, n):
    """Single-item blocks are not corrected; rho_A is the reliability function's; paths are OLS."""
    data, blocks = simulate_reflective(n, seed=seed)
    pairs = list(SIM_PATHS)
    model = estimate(data, pairs, blocks)
    c = plsc(model)
    for block, items in blocks.items():
        w = model.outer.set_index("item").loc[items, "weight"]
        assert c.rho_a[block] == pytest.approx(rho_a(data[items], w), abs=1e-9)
    single = {b: its[:1] for b, its in blocks.items()}
    one = estimate(data, pairs, single)
    np.testing.assert_allclose(plsc(one).params, one.params, atol=1e-12)
    assert (plsc(one).rho_a == 1).all()


def test_plsc_summary_speaks_the_vocabulary(res):
    c = plsc(res, n_boot=50, seed=1)
    s = c.summary()
    assert list(s.columns[:4]) == ["estimate", "se", "ci_low", "ci_high"]
    assert (s["ci_low"] <= s["estimate"] + 1e-12).sum() >= 10
    assert np.isnan(plsc(res).summary()["se"]).all()
    assert "Consistent PLS" in repr(c)
    assert list(c.conf_int().columns) == ["ci_low", "ci_high"]


def test_plsc_errors(res, mobi):
    with pytest.raises(TypeError, match="PLSResult"):
        plsc(mobi)
    raw = estimate(mobi, ECSI_PATHS, MOBI_BLOCKS, standardized=False)
    with pytest.raises(ValueError, match="standardized=True"):
        plsc(raw)
    with pytest.raises(ValueError, match="at least 2"):
        plsc(res, n_boot=1)
    with pytest.raises(TypeError, match="n_boot"):
        plsc(res, n_boot=2.5)


def test_plsc_refuses_blocks_that_are_not_distinct():
    """Two blocks measuring the same factor: the corrected correlation reaches 1 or more."""
    rng = np.random.default_rng(5)
    f = rng.standard_normal(60)
    d = pd.DataFrame({f"a{i}": 0.6 * f + 0.8 * rng.standard_normal(60) for i in range(3)}
                     | {f"b{i}": 0.6 * f + 0.8 * rng.standard_normal(60) for i in range(3)})
    model = estimate(d, [("A", "B")], {"A": ["a0", "a1", "a2"], "B": ["b0", "b1", "b2"]})
    with pytest.raises(ValueError, match="not empirically distinct"):
        plsc(model)


# --------------------------------------------------------------------------- IPMA


def _ipma_by_hand(mobi, res, target, low=1.0, high=10.0):
    """Ringle & Sarstedt (2016), step by step, with plain pandas and numpy."""
    outer = res.outer.set_index("item")
    Xr = (mobi - low) / (high - low) * 100
    scores, weights = {}, {}
    for block, items in MOBI_BLOCKS.items():
        w = outer.loc[items, "weight"] / Xr[items].std(ddof=1)
        w = w / w.sum()
        weights.update(w.to_dict())
        scores[block] = Xr[items] @ w
    Y = pd.DataFrame(scores)
    B = pd.DataFrame(0.0, index=list(MOBI_BLOCKS), columns=list(MOBI_BLOCKS))
    for t in dict.fromkeys(t for _, t in ECSI_PATHS):
        preds = [s for s, tt in ECSI_PATHS if tt == t]
        A = np.column_stack([np.ones(len(Y)), Y[preds]])
        B.loc[preds, t] = np.linalg.lstsq(A, Y[t], rcond=None)[0][1:]

    def total(src, dst):  # sum over every directed path of the products of its coefficients
        if src == dst:
            return 1.0
        return sum(B.at[src, m] * total(m, dst) for m in B.columns if B.at[src, m] != 0)

    return Y, weights, total, Xr


@pytest.mark.parametrize("target", ["Satisfaction", "Loyalty"])
def test_ipma_matches_the_definition(mobi, res, target):
    Y, weights, total, Xr = _ipma_by_hand(mobi, res, target)
    m = ipma(res, target, scale=(1, 10))
    cons = m.constructs.set_index("driver")
    for d in cons.index:
        assert cons.at[d, "importance"] == pytest.approx(total(d, target), abs=1e-10)
        assert cons.at[d, "performance"] == pytest.approx(Y[d].mean(), abs=1e-10)
    assert m.target_performance == pytest.approx(Y[target].mean(), abs=1e-10)
    items = m.items.set_index("item")
    for it, row in items.iterrows():
        assert row["weight"] == pytest.approx(weights[it], abs=1e-12)
        assert row["importance"] == pytest.approx(weights[it] * total(row["block"], target),
                                                  abs=1e-10)
        assert row["performance"] == pytest.approx(Xr[it].mean(), abs=1e-10)
    assert set(cons.index) == {s for s in MOBI_BLOCKS if s != target and total(s, target) != 0} \
        or target == "Satisfaction"


def test_ipma_importance_is_the_index_effect_and_performance_the_index(mobi, res):
    """Two other routes to the same numbers: index_effects (sd ratios) and satisfaction_index."""
    m = ipma(res, "Loyalty", scale=(1, 10))
    eff = res.index_effects.query("target == 'Loyalty'").set_index("source")["total"]
    cons = m.constructs.set_index("driver")["importance"]
    np.testing.assert_allclose(cons[eff.index], eff, atol=1e-10)
    cusa = ["CUSA1", "CUSA2", "CUSA3"]
    weights = sat.pls_item_weights(res, "Satisfaction", data=mobi)
    index = sat.satisfaction_index(mobi, cusa, weights, n_boot=0).params["all"]
    assert ipma(res, "Satisfaction", scale=(1, 10)).target_performance == pytest.approx(index,
                                                                                        abs=1e-9)
    assert cons.index.tolist() == ["Image", "Expectation", "Quality", "Value", "Satisfaction",
                                   "Complaints"]


@settings(max_examples=8, deadline=None, suppress_health_check=FIXTURE_OK)
@given(a=st.floats(0.5, 5), b=st.floats(-20, 20))
def test_ipma_does_not_depend_on_the_units_of_the_scale(mobi, res, a, b):
    """Re-expressing every answer as a x + b, with the scale's ends moved alike, changes nothing."""
    base = ipma(res, "Loyalty", scale=(1, 10))
    moved = estimate(mobi * a + b, ECSI_PATHS, MOBI_BLOCKS)
    m = ipma(moved, "Loyalty", scale=(a + b, 10 * a + b))
    np.testing.assert_allclose(m.constructs[["importance", "performance"]],
                               base.constructs[["importance", "performance"]], atol=1e-6)
    assert ((m.items["performance"] >= 0) & (m.items["performance"] <= 100)).all()
    assert ((m.constructs["performance"] >= 0) & (m.constructs["performance"] <= 100)).all()


def test_ipma_scale_options(mobi, res):
    observed = ipma(res, "Satisfaction")  # each item's observed min and max
    assert (observed.scale["low"] == mobi[observed.scale.index].min()).all()
    by_block = ipma(res, "Satisfaction", scale={b: (1, 10) for b in MOBI_BLOCKS})
    pd.testing.assert_frame_equal(by_block.constructs, ipma(res, "Satisfaction",
                                                            scale=(1, 10)).constructs)
    scale = sat.Scale(1, 10) if hasattr(sat, "Scale") else (1, 10)
    assert ipma(res, "Satisfaction", scale=scale).target_performance == pytest.approx(
        by_block.target_performance)


def test_ipma_quadrants_and_ipa(res):
    m = ipma(res, "Loyalty", scale=(1, 10))
    cons = m.constructs
    hi_imp = cons["importance"] >= cons["importance"].mean()
    hi_perf = cons["performance"] >= cons["performance"].mean()
    expected = np.where(hi_imp & ~hi_perf, "Concentrate here",
                        np.where(hi_imp, "Keep up the good work",
                                 np.where(hi_perf, "Possible overkill", "Low priority")))
    assert cons["quadrant"].tolist() == expected.tolist()
    ipa = m.to_ipa()
    assert ipa.table["quadrant"].tolist() == cons["quadrant"].tolist()
    assert m.summary("item")["item"].tolist()[:5] == MOBI_BLOCKS["Image"]
    assert "Importance-performance map of Loyalty" in repr(m)


def test_ipma_errors(res, mobi):
    with pytest.raises(ValueError, match="not a construct"):
        ipma(res, "Trust")
    with pytest.raises(ValueError, match="exogenous"):
        ipma(res, "Image")
    with pytest.raises(ValueError, match="outside the declared scale"):
        ipma(res, "Loyalty", scale=(1, 7))
    with pytest.raises(ValueError, match="low < high"):
        ipma(res, "Loyalty", scale=(10, 1))
    with pytest.raises(TypeError, match="low, high"):
        ipma(res, "Loyalty", scale="1-10")
    with pytest.raises(ValueError, match="neither items nor blocks"):
        ipma(res, "Loyalty", scale={"Trust": (1, 10)})
    with pytest.raises(TypeError, match="PLSResult"):
        ipma(mobi, "Loyalty")
    with pytest.raises(ValueError, match="what"):
        ipma(res, "Loyalty").summary("items")
    survey = load("acsi_survey")  # IMAG4 is worded negatively and not yet reverse-coded
    model = estimate(survey, ECSI_PATHS, ACSI_SURVEY_BLOCKS, missing="drop")
    with pytest.raises(ValueError, match="positive outer weights.*IMAG4"):
        ipma(model, "Loyalty", scale=(1, 10))


def test_plot_ipma(res):
    import matplotlib.pyplot as plt

    from cvlib.plots import plot_ipma

    m = ipma(res, "Loyalty", scale=(1, 10))
    ax = plot_ipma(m)
    assert ax.get_xlabel().startswith("importance")
    assert len(ax.collections[0].get_offsets()) == len(m.constructs)
    ax2 = plot_ipma(m, what="item", s=20)
    assert len(ax2.collections[0].get_offsets()) == len(m.items)
    with pytest.raises(ValueError, match="what"):
        plot_ipma(m, what="block")
    plt.close("all")


def test_plot_ipma_labels_do_not_overlap(res):
    """mobi's items crowd together (PERQ1/2/5, IMAG1/2): the labels are nudged apart."""
    import matplotlib.pyplot as plt

    from cvlib.plots import plot_ipma

    m = ipma(res, "Loyalty", scale=(1, 10))
    for what in ("item", "construct"):
        fig, ax = plt.subplots(figsize=(6.5, 5))
        plot_ipma(m, what=what, ax=ax, s=30)
        fig.canvas.draw()
        boxes = [t.get_window_extent(fig.canvas.get_renderer()) for t in ax.texts]
        assert len(boxes) == len(m.summary(what))
        assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
        # every label still touches its own point: it starts 5 points right of it or ends 5
        # points left of it, at most four lines above or below
        points = ax.transData.transform(ax.collections[0].get_offsets())
        pt = fig.dpi / 72
        for b, (px, py) in zip(boxes, points, strict=True):
            assert min(abs(b.x0 - (px + 5 * pt)), abs(b.x1 - (px - 5 * pt))) < 1.5
            assert abs((b.y0 + b.y1) / 2 - py) < (4 * 1.2 * 8 + 12) * pt
    plt.close("all")


# --------------------------------------------------------------------------- PLSpredict


def _predict_by_hand(mobi, folds, technique):
    """One repetition of PLSpredict: cvlib.pls.estimate on each training fold, numpy OLS for LM."""
    items = [i for items in MOBI_BLOCKS.values() for i in items]
    exo = MOBI_BLOCKS["Image"]
    endo_blocks = [b for b in MOBI_BLOCKS if b != "Image"]
    en = [i for b in endo_blocks for i in MOBI_BLOCKS[b]]
    pls_hat = pd.DataFrame(np.nan, index=mobi.index, columns=en)
    lm_hat = pls_hat.copy()
    for f in np.unique(folds):
        train, test = mobi[folds != f], mobi[folds == f]
        m = estimate(train, ECSI_PATHS, MOBI_BLOCKS)
        mu, sd = train[items].mean(), train[items].std(ddof=1)
        z = (test[items] - mu) / sd
        outer = m.outer.set_index("item")
        scores = pd.DataFrame({b: z[its] @ outer.loc[its, "weight"]
                               for b, its in MOBI_BLOCKS.items()})
        eff = m.effects.set_index(["source", "target"])
        for b in endo_blocks:
            if technique == "earliest":
                eta = scores["Image"] * eff.loc[("Image", b), "total"]
            else:
                preds = [s for s, t in ECSI_PATHS if t == b]
                eta = sum(m.params[f"{s} -> {b}"] * scores[s] for s in preds)
            for it in MOBI_BLOCKS[b]:
                pls_hat.loc[test.index, it] = mu[it] + sd[it] * outer.at[it, "loading"] * eta
            preds_items = exo if technique == "earliest" else [
                i for s, t in ECSI_PATHS if t == b for i in MOBI_BLOCKS[s]]
            A = np.column_stack([np.ones(len(train)), train[preds_items]])
            beta = np.linalg.lstsq(A, train[MOBI_BLOCKS[b]], rcond=None)[0]
            lm_hat.loc[test.index, MOBI_BLOCKS[b]] = np.column_stack(
                [np.ones(len(test)), test[preds_items]]) @ beta
    return pls_hat, lm_hat, en


@pytest.mark.parametrize("technique", ["earliest", "direct"])
def test_plspredict_matches_a_fold_by_fold_computation(mobi, res, technique):
    folds = np.random.default_rng(4).permutation(np.arange(len(mobi)) % 5)
    pls_hat, lm_hat, en = _predict_by_hand(mobi, folds, technique)
    pr = plspredict(res, folds=folds, technique=technique)
    np.testing.assert_allclose(pr.predictions[en], pls_hat, atol=1e-6)
    np.testing.assert_allclose(pr.lm_predictions[en], lm_hat, atol=1e-8)
    err = mobi[en] - pls_hat
    t = pr.summary().set_index("item")
    np.testing.assert_allclose(t.loc[en, "pls_rmse"], np.sqrt((err**2).mean()), atol=1e-6)
    np.testing.assert_allclose(t.loc[en, "pls_mae"], err.abs().mean(), atol=1e-6)
    np.testing.assert_allclose(t.loc[en, "lm_rmse"],
                               np.sqrt(((mobi[en] - lm_hat) ** 2).mean()), atol=1e-8)
    # Q2_predict's benchmark: the mean of the training folds
    bench = pd.DataFrame({it: [mobi.loc[folds != f, it].mean() for f in folds] for it in en},
                         index=mobi.index)
    q2 = 1 - (err**2).sum() / ((mobi[en] - bench) ** 2).sum()
    np.testing.assert_allclose(t.loc[en, "q2_predict"], q2, atol=1e-6)


@settings(max_examples=6, deadline=None, suppress_health_check=FIXTURE_OK)
@given(seed=st.integers(0, 10_000), k=st.integers(2, 12))
def test_plspredict_invariants(res, seed, k):
    pr = plspredict(res, k=k, n_repeats=2, seed=seed)
    t = pr.summary()
    assert (t["q2_predict"] <= 1).all()
    assert (t["pls_rmse"] >= t["pls_mae"] - 1e-12).all() and (t["pls_mae"] >= 0).all()
    assert (t["lm_rmse"] >= t["lm_mae"] - 1e-12).all()
    assert pr.folds.shape == (2, res.n)
    assert all(np.bincount(row).max() - np.bincount(row).min() <= 1 for row in pr.folds)
    assert pr.predictive_power() in PREDICTIVE_POWER


def test_plspredict_leave_one_out_is_the_same_in_every_repetition(res):
    pr = plspredict(res, k=res.n, n_repeats=2, seed=1)
    r = pr.by_repeat
    np.testing.assert_allclose(r[r["repeat"] == 1].iloc[:, 2:], r[r["repeat"] == 2].iloc[:, 2:],
                               atol=1e-10)


def test_plspredict_on_unscaled_items_predicts_in_item_units(mobi):
    """With standardized=False the same formula x = mean + cov(x, score) x predicted score applies."""
    raw = estimate(mobi, ECSI_PATHS, MOBI_BLOCKS, standardized=False)
    folds = np.arange(len(mobi)) % 4
    pr = plspredict(raw, folds=folds)
    f0 = folds == 0
    train = mobi[~f0]
    m = estimate(train, ECSI_PATHS, MOBI_BLOCKS, standardized=False)
    w = m.outer.set_index("item")["weight"]  # unit-variance scores of the centred raw items

    def score(rows, block):
        its = MOBI_BLOCKS[block]
        return (rows[its] - train[its].mean()) @ w[its]

    eff = m.effects.set_index(["source", "target"]).at[("Image", "Loyalty"), "total"]
    slope = np.cov(train["CUSL1"], score(train, "Loyalty"))[0, 1]
    expected = train["CUSL1"].mean() + slope * eff * score(mobi[f0], "Image")
    np.testing.assert_allclose(pr.predictions.loc[f0, "CUSL1"], expected, atol=1e-6)


def test_plspredict_repetitions_average(res):
    pr = plspredict(res, k=5, n_repeats=3, seed=2)
    mean = pr.by_repeat.groupby("item", sort=False)[["pls_rmse", "q2_predict"]].mean()
    np.testing.assert_allclose(pr.table.set_index("item").loc[mean.index, ["pls_rmse", "q2_predict"]],
                               mean, atol=1e-12)
    assert plspredict(res, k=5, n_repeats=3, seed=2).table.equals(pr.table)


def test_plspredict_predictive_power_follows_the_guideline(res):
    pr = plspredict(res, k=10, n_repeats=2, seed=3)
    t = pr.table
    for block in dict.fromkeys(t["block"]):
        sub = t[t["block"] == block]
        share = (sub["pls_rmse"] < sub["lm_rmse"]).mean()
        expected = ("none" if not (sub["q2_predict"] > 0).any() else "high" if share == 1 else
                    "medium" if share > 0.5 else "low" if share > 0 else "lacking")
        assert pr.predictive_power(block) == expected
    with pytest.raises(ValueError, match="no predicted items"):
        pr.predictive_power("Image")
    with pytest.raises(ValueError, match="metric"):
        pr.predictive_power(metric="mape")


def test_plspredict_errors(res, mobi):
    with pytest.raises(TypeError, match="PLSResult"):
        plspredict(mobi)
    with pytest.raises(ValueError, match="k must be"):
        plspredict(res, k=1)
    with pytest.raises(ValueError, match="k must be"):
        plspredict(res, k=res.n + 1)
    with pytest.raises(ValueError, match="n_repeats"):
        plspredict(res, n_repeats=0)
    with pytest.raises(ValueError, match="technique"):
        plspredict(res, technique="latest")
    with pytest.raises(ValueError, match="one fold label per respondent"):
        plspredict(res, folds=[0, 1, 0])
    with pytest.raises(ValueError, match="two distinct"):
        plspredict(res, folds=np.zeros(res.n))
    small = estimate(mobi.head(60), ECSI_PATHS, MOBI_BLOCKS)
    with pytest.raises(ValueError, match="training sample has only"):
        plspredict(small, folds=np.r_[np.zeros(55), np.ones(5)])


# --------------------------------------------------------------------------- MGA


def test_mga_group_paths_are_the_groups_estimates(bank):
    m = mga(bank, BANK_PATHS, BANK_BLOCKS, "gender", n_boot=20, seed=1)
    for label, col in zip(m.groups, ("group_1", "group_2"), strict=True):
        own = estimate(bank[bank["gender"] == label], BANK_PATHS, BANK_BLOCKS)
        np.testing.assert_allclose(m.paths[col], own.paths["estimate"], atol=1e-6)
    np.testing.assert_allclose(m.params, m.paths["group_1"] - m.paths["group_2"], atol=1e-12)


def test_mga_micom_c_by_hand(bank):
    """c = cor(X w1, X w2) on the pooled standardised data (Henseler et al. 2016, step 2)."""
    m = mga(bank, BANK_PATHS, BANK_BLOCKS, "gender", n_boot=20, seed=1)
    items = [i for its in BANK_BLOCKS.values() for i in its]
    Z = (bank[items] - bank[items].mean()) / bank[items].std(ddof=1)
    fits = [estimate(bank[bank["gender"] == g], BANK_PATHS, BANK_BLOCKS).outer.set_index("item")
            for g in m.groups]
    c = m.micom.set_index("block")["c"]
    for block, its in BANK_BLOCKS.items():
        s1 = Z[its] @ fits[0].loc[its, "weight"]
        s2 = Z[its] @ fits[1].loc[its, "weight"]
        assert c[block] == pytest.approx(np.corrcoef(s1, s2)[0, 1], abs=1e-7)
    assert (m.micom["invariant"] == (m.micom["c"] >= m.micom["q05"])).all()


def test_mga_identical_groups_show_no_difference(bank):
    twice = pd.concat([bank.assign(g="a"), bank.assign(g="b")], ignore_index=True)
    m = mga(twice, BANK_PATHS, BANK_BLOCKS, "g", n_boot=50, seed=1)
    np.testing.assert_allclose(m.params, 0, atol=1e-10)
    assert (m.summary()["p_value"] == 1).all()
    np.testing.assert_allclose(m.micom["c"], 1, atol=1e-10)
    assert m.compositional_invariance


@pytest.mark.slow
def test_mga_detects_a_planted_difference():
    """Eta1 -> Eta2 is 0.6 in one group and 0.0 in the other: p < 0.01; an equal path is not flagged."""
    d1, blocks = simulate_reflective(300, seed=21)
    paths2 = dict(SIM_PATHS)
    paths2[("Eta1", "Eta2")] = 0.0
    d2, _ = simulate_reflective(300, paths=paths2, seed=22)
    data = pd.concat([d1.assign(group="one"), d2.assign(group="two")], ignore_index=True)
    m = mga(data, list(SIM_PATHS), blocks, "group", n_boot=300, seed=4)
    s = m.summary()
    assert s.at["Eta1 -> Eta2", "p_value"] < 0.01
    assert s.at["Eta1 -> Eta2", "ci_low"] > 0.3  # true difference 0.6, attenuated by PLS
    assert s.at["Xi1 -> Eta1", "p_value"] > 0.01
    assert m.compositional_invariance


@settings(max_examples=5, deadline=None, suppress_health_check=FIXTURE_OK)
@given(seed=st.integers(0, 10_000))
def test_mga_p_values_are_probabilities(bank, seed):
    m = mga(bank, BANK_PATHS, BANK_BLOCKS, "gender", n_boot=30, seed=seed)
    p = m.summary()["p_value"]
    assert ((p > 0) & (p <= 1)).all()
    assert ((m.micom["p_value"] > 0) & (m.micom["p_value"] <= 1)).all()
    assert (p >= 1 / 31 - 1e-12).all()


def test_mga_summary_and_groups_order(bank):
    m = mga(bank, BANK_PATHS, BANK_BLOCKS, "gender", groups=("male", "female"), n_boot=30,
            seed=2)
    r = mga(bank, BANK_PATHS, BANK_BLOCKS, "gender", n_boot=30, seed=2)
    np.testing.assert_allclose(m.params, -r.params, atol=1e-12)
    s = m.summary()
    assert list(s.columns[:5]) == ["estimate", "se", "ci_low", "ci_high", "p_value"]
    assert "Multi-group analysis: male (n=102) minus female (n=148)" in repr(m)
    gender = bank["gender"].to_numpy()
    by_array = mga(bank.drop(columns="gender"), BANK_PATHS, BANK_BLOCKS, gender, n_boot=30,
                   seed=2)
    np.testing.assert_allclose(by_array.params, r.params, atol=1e-12)


def test_mga_errors(bank):
    with pytest.raises(ValueError, match="no column 'sex'"):
        mga(bank, BANK_PATHS, BANK_BLOCKS, "sex")
    three = bank.assign(g=np.resize(["a", "b", "c"], len(bank)))
    with pytest.raises(ValueError, match="has 3 label"):
        mga(three, BANK_PATHS, BANK_BLOCKS, "g")
    m = mga(three, BANK_PATHS, BANK_BLOCKS, "g", groups=("a", "c"), n_boot=10, seed=1)
    assert m.n_groups == (84, 83)
    with pytest.raises(ValueError, match=r"\['x'\] do not occur"):
        mga(three, BANK_PATHS, BANK_BLOCKS, "g", groups=("a", "x"))
    with pytest.raises(ValueError, match="two different labels"):
        mga(three, BANK_PATHS, BANK_BLOCKS, "g", groups=("a", "a"))
    tiny = bank.assign(g=["a"] * 245 + ["b"] * 5)
    with pytest.raises(ValueError, match="needs at least"):
        mga(tiny, BANK_PATHS, BANK_BLOCKS, "g")
    holes = bank.assign(gender=bank["gender"].where(bank.index % 10 != 0))
    with pytest.raises(ValueError, match="missing for 25 row"):
        mga(holes, BANK_PATHS, BANK_BLOCKS, "gender")
    assert sum(mga(holes, BANK_PATHS, BANK_BLOCKS, "gender", missing="drop", n_boot=10,
                   seed=1).n_groups) == 225
    with pytest.raises(ValueError, match="one label per row"):
        mga(bank, BANK_PATHS, BANK_BLOCKS, ["a", "b"])
    with pytest.raises(TypeError, match="column name"):
        mga(bank, BANK_PATHS, BANK_BLOCKS, 3)
    with pytest.raises(ValueError, match="n_boot"):
        mga(bank, BANK_PATHS, BANK_BLOCKS, "gender", n_boot=5)
    const = bank.assign(imag1=np.where(bank["gender"] == "male", 5, bank["imag1"]))
    with pytest.raises(ValueError, match="constant in group 'male'"):
        mga(const, BANK_PATHS, BANK_BLOCKS, "gender")

"""Tests of cvlib.pls: published ECSI numbers on mobi (SmartPLS), invariants, reliability, errors.

Published numbers: SmartPLS 2.0.M3 output for the ECSI model on mobi, path
weighting scheme, as asserted by the tests of the R package semPLS and listed
in ../shared/datasets/README.md.  Everything else is an invariant (a fact of
the algorithm or of the formulas) and never a number produced by cvlib itself.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cvlib.datasets import fetch_bank_satisfaction, fetch_mobi
from cvlib.pls import (
    ACSI_PATHS,
    BANK_BLOCKS,
    BANK_PATHS,
    ECSI_PATHS,
    MOBI_ACSI_BLOCKS,
    MOBI_BLOCKS,
    PLSConvergenceError,
    average_variance_extracted,
    composite_reliability,
    cronbach_alpha,
    estimate,
    htmt,
    item_analysis,
    rho_a,
)

SMARTPLS_PATHS = {
    ("Image", "Expectation"): 0.50491, ("Image", "Satisfaction"): 0.17874,
    ("Image", "Loyalty"): 0.19576, ("Expectation", "Quality"): 0.55675,
    ("Expectation", "Value"): 0.04999, ("Expectation", "Satisfaction"): 0.06252,
    ("Quality", "Value"): 0.55830, ("Quality", "Satisfaction"): 0.51202,
    ("Value", "Satisfaction"): 0.19477, ("Satisfaction", "Complaints"): 0.52807,
    ("Satisfaction", "Loyalty"): 0.48548, ("Complaints", "Loyalty"): 0.06693,
}
SMARTPLS_WEIGHTS = {
    "IMAG1": 0.3013, "IMAG2": 0.2597, "IMAG3": 0.2179, "IMAG4": 0.3285, "IMAG5": 0.3247,
    "CUEX1": 0.5212, "CUEX2": 0.4737, "CUEX3": 0.4456,
    "PERQ1": 0.2132, "PERQ2": 0.1447, "PERQ3": 0.2000, "PERQ4": 0.1794, "PERQ5": 0.1786,
    "PERQ6": 0.1791, "PERQ7": 0.2155, "PERV1": 0.4793, "PERV2": 0.6041,
    "CUSA1": 0.3649, "CUSA2": 0.3832, "CUSA3": 0.4510, "CUSCO": 1.0,
    "CUSL1": 0.4607, "CUSL2": 0.1143, "CUSL3": 0.6543,
}


@pytest.fixture(scope="module")
def mobi():
    return fetch_mobi()


@pytest.fixture(scope="module")
def res(mobi):
    return estimate(mobi, paths=ECSI_PATHS, blocks=MOBI_BLOCKS, scheme="path")


@pytest.fixture(scope="module")
def boot(res):
    return res.bootstrap(n_boot=200, seed=1)


# ----------------------------------------------------------------- published numbers

def test_ecsi_paths_match_smartpls(res):
    assert list(res.paths.columns) == ["source", "target", "estimate"]
    assert len(res.paths) == 12
    got = {(s, t): e for s, t, e in res.paths.itertuples(index=False)}
    assert set(got) == set(SMARTPLS_PATHS)
    for key, ref in SMARTPLS_PATHS.items():
        assert got[key] == pytest.approx(ref, abs=1e-4), key


def test_ecsi_outer_weights_match_smartpls(res):
    out = res.outer.set_index("item")
    ref = pd.Series(SMARTPLS_WEIGHTS)
    # as printed (unit-variance latent scores), to the 4 printed decimals
    assert np.allclose(out.loc[ref.index, "weight"], ref, atol=1e-4)
    # normalised to sum 1 per block, as semPLS compares them
    blocks = out.loc[ref.index, "block"]
    ref_norm = ref / ref.groupby(blocks).transform("sum")
    assert np.allclose(out.loc[ref.index, "norm_weight"], ref_norm, atol=1e-4)
    assert np.allclose(out.groupby("block")["norm_weight"].sum(), 1.0)


def test_ecsi_r_squared_satisfaction(res):
    assert round(res.r_squared["Satisfaction"], 3) == 0.681
    assert set(res.r_squared.index) == {"Expectation", "Quality", "Value", "Satisfaction",
                                        "Complaints", "Loyalty"}


def test_indirect_effect_of_image_on_quality_is_product_of_published_paths(res):
    # Image reaches Quality only through Expectation
    ind = res.indirect_effects.set_index(["source", "target"])["estimate"]
    expected = SMARTPLS_PATHS[("Image", "Expectation")] * SMARTPLS_PATHS[("Expectation", "Quality")]
    assert ind[("Image", "Quality")] == pytest.approx(expected, abs=1e-4)
    eff = res.effects
    assert np.allclose(eff["direct"] + eff["indirect"], eff["total"])
    tot = res.total_effects.set_index(["source", "target"])["estimate"]
    assert tot[("Image", "Expectation")] == pytest.approx(0.50491, abs=1e-4)


def test_mobi_expectation_and_loyalty_have_low_alpha(res, mobi):
    """The data's documented property: alpha < 0.5, and CUSL2 loads about 0.20."""
    rel = res.reliability().set_index("block")
    assert rel.loc["Expectation", "alpha"] < 0.5
    assert rel.loc["Loyalty", "alpha"] < 0.5
    assert not rel.loc["Expectation", "alpha_ok"]
    assert not rel.loc["Loyalty", "alpha_ok"]
    cusl2 = res.outer.set_index("item").loc["CUSL2", "loading"]
    assert cusl2 == pytest.approx(0.20, abs=0.02)
    for block in ("Expectation", "Loyalty"):
        assert cronbach_alpha(mobi[MOBI_BLOCKS[block]]).alpha < 0.5
    # dropping CUSL2 is what alpha-if-deleted recommends
    ia = item_analysis(mobi[MOBI_BLOCKS["Loyalty"]])
    assert ia["alpha_if_deleted"].idxmax() == "CUSL2"
    assert ia["item_total"].idxmin() == "CUSL2"


# ----------------------------------------------------------------- invariants of the fit

def test_paths_equal_ols_on_latent_scores(res):
    Y = res.scores
    for target, grp in res.paths.groupby("target"):
        X = Y[list(grp["source"])].to_numpy()
        beta, *_ = np.linalg.lstsq(np.column_stack([np.ones(len(X)), X]),
                                   Y[target].to_numpy(), rcond=None)
        assert np.allclose(beta[1:], grp["estimate"].to_numpy(), atol=1e-10)
        fitted = np.column_stack([np.ones(len(X)), X]) @ beta
        r2 = 1 - np.sum((Y[target] - fitted) ** 2) / np.sum((Y[target] - Y[target].mean()) ** 2)
        assert r2 == pytest.approx(res.r_squared[target], abs=1e-10)


def test_outer_weights_reproduce_unit_variance_scores(res, mobi):
    Z = (mobi - mobi.mean()) / mobi.std(ddof=1)
    for block, grp in res.outer.groupby("block"):
        score = Z[list(grp["item"])].to_numpy() @ grp["weight"].to_numpy()
        assert np.allclose(score, res.scores[block].to_numpy())
        assert res.scores[block].std(ddof=1) == pytest.approx(1.0)
        loadings = [np.corrcoef(Z[i], score)[0, 1] for i in grp["item"]]
        assert np.allclose(loadings, grp["loading"])


def test_mode_a_weights_are_covariances_with_inner_estimate_at_convergence(res, mobi):
    """Fixed point of the path scheme: w_j proportional to cor(X_j, Z_j)."""
    Y = res.scores
    Z = (mobi - mobi.mean()) / mobi.std(ddof=1)
    R = Y.corr()
    pred = {t: list(g["source"]) for t, g in res.paths.groupby("target")}
    succ = {s: list(g["target"]) for s, g in res.paths.groupby("source")}
    for block, grp in res.outer.groupby("block"):
        inner = np.zeros(len(Y))
        if block in pred:
            P = pred[block]
            beta = np.linalg.solve(R.loc[P, P].to_numpy(), R.loc[P, block].to_numpy())
            inner += Y[P].to_numpy() @ beta
        for s in succ.get(block, []):
            inner += R.loc[block, s] * Y[s].to_numpy()
        w = np.array([np.cov(Z[i], inner)[0, 1] for i in grp["item"]])
        w = w / np.std(Z[list(grp["item"])].to_numpy() @ w, ddof=1)
        assert np.allclose(w, grp["weight"], atol=1e-6)


def _two_block_data(seed=0, n=300):
    rng = np.random.default_rng(seed)
    f = rng.normal(size=n)
    g = 0.6 * f + 0.8 * rng.normal(size=n)
    data = pd.DataFrame({
        "a1": f + rng.normal(size=n), "a2": 0.5 * f + rng.normal(size=n),
        "a3": 2 * f + rng.normal(size=n),
        "b1": g + rng.normal(size=n), "b2": g + 2 * rng.normal(size=n),
    })
    return data, {"A": ["a1", "a2", "a3"], "B": ["b1", "b2"]}


def test_two_blocks_mode_a_is_first_singular_pair_and_schemes_agree():
    """With two blocks, mode A converges to the first singular vectors of R_AB (Wold 1982)."""
    data, blocks = _two_block_data()
    R = data.corr().to_numpy()
    u, s, vt = np.linalg.svd(R[:3, 3:])
    fits = [estimate(data, [("A", "B")], blocks, scheme=sc) for sc in
            ("path", "centroid", "factorial")]
    for fit in fits:
        w = fit.outer["weight"].to_numpy()
        assert abs(np.dot(w[:3] / np.linalg.norm(w[:3]), u[:, 0])) == pytest.approx(1, abs=1e-6)
        assert abs(np.dot(w[3:] / np.linalg.norm(w[3:]), vt[0])) == pytest.approx(1, abs=1e-6)
        assert np.allclose(fit.paths["estimate"], fits[0].paths["estimate"], atol=1e-7)


def test_two_blocks_mode_b_gives_first_canonical_correlation():
    data, blocks = _two_block_data(seed=1)
    R = data.corr().to_numpy()

    def inv_sqrt(M):
        val, vec = np.linalg.eigh(M)
        return vec @ np.diag(val**-0.5) @ vec.T

    canon = np.linalg.svd(inv_sqrt(R[:3, :3]) @ R[:3, 3:] @ inv_sqrt(R[3:, 3:]),
                          compute_uv=False)[0]
    fit = estimate(data, [("A", "B")], blocks, modes="B")
    assert abs(fit.paths["estimate"].iloc[0]) == pytest.approx(canon, abs=1e-6)
    assert set(fit.outer["mode"]) == {"B"}


def test_formative_block_weights_are_regression_weights(mobi):
    fit = estimate(mobi, ECSI_PATHS, MOBI_BLOCKS, modes={"Image": "B"})
    assert fit.modes["Image"] == "B" and fit.modes["Quality"] == "A"
    assert fit.reliability().set_index("block").loc["Image", ["alpha", "AVE"]].isna().all()
    # mode B: w = R_jj^{-1} cor(X_j, Z_j): regressing the inner estimate on the items
    # reproduces the weights up to scale, so the score is the items' fitted values
    items = MOBI_BLOCKS["Image"]
    Z = (mobi[items] - mobi[items].mean()) / mobi[items].std(ddof=1)
    Y = fit.scores
    P = fit.paths.loc[fit.paths["source"] == "Image", "target"].tolist()
    inner = Y[P].to_numpy() @ fit.latent_correlations.loc["Image", P].to_numpy()
    beta, *_ = np.linalg.lstsq(Z.to_numpy(), inner - inner.mean(), rcond=None)
    w = fit.outer.set_index("item").loc[items, "weight"].to_numpy()
    assert np.allclose(beta / np.linalg.norm(beta), w / np.linalg.norm(w), atol=1e-6)


def _one_iteration_from_data(fit, data, blocks, scheme):
    """One outer/inner step computed directly from the data and the fitted scores.

    At convergence it must return the fitted weights (the fixed point of Wold's algorithm).
    """
    Y = fit.scores
    Y = (Y - Y.mean()) / Y.std(ddof=1)
    R = Y.corr()
    pred = {t: list(g["source"]) for t, g in fit.paths.groupby("target")}
    succ = {s: list(g["target"]) for s, g in fit.paths.groupby("source")}
    out = {}
    for block, items in blocks.items():
        X = data[items].astype(float)
        X = X - X.mean()
        if fit.standardized:
            X = X / X.std(ddof=1)
        nb = pred.get(block, []) + succ.get(block, [])
        if scheme == "path":
            inner = np.zeros(len(Y))
            if block in pred:
                P = pred[block]
                beta = np.linalg.solve(R.loc[P, P].to_numpy(), R.loc[P, block].to_numpy())
                inner += Y[P].to_numpy() @ beta
            for t in succ.get(block, []):
                inner += R.loc[block, t] * Y[t].to_numpy()
        else:
            e = R.loc[block, nb].to_numpy()
            e = np.sign(e) if scheme == "centroid" else e
            inner = Y[nb].to_numpy() @ e
        Xa = X.to_numpy()
        if fit.modes[block] == "A":
            w = Xa.T @ inner / (len(Xa) - 1)
        else:
            w = np.linalg.lstsq(Xa, inner, rcond=None)[0]
        w = w / np.std(Xa @ w, ddof=1)
        out[block] = w
    return out


@settings(max_examples=12, deadline=None)
@given(seed=st.integers(0, 10_000), scheme=st.sampled_from(["path", "centroid", "factorial"]),
       mode_b=st.lists(st.booleans(), min_size=4, max_size=4),
       standardized=st.booleans())
def test_fixed_point_and_ols_invariants_on_random_models(seed, scheme, mode_b, standardized):
    rng = np.random.default_rng(seed)
    n = 150
    eta1 = rng.normal(size=n)
    eta2 = 0.6 * eta1 + 0.8 * rng.normal(size=n)
    eta3 = 0.4 * eta1 + 0.3 * eta2 + 0.8 * rng.normal(size=n)
    eta4 = 0.5 * eta3 + 0.8 * rng.normal(size=n)
    data, blocks = {}, {}
    for j, eta in enumerate((eta1, eta2, eta3, eta4)):
        k = int(rng.integers(1, 5))
        names = [f"x{j}{i}" for i in range(k)]
        for name in names:
            data[name] = np.round(rng.uniform(0.5, 2) * eta + rng.normal(size=n) + 5, 1)
        blocks[f"L{j}"] = names
    data = pd.DataFrame(data)
    paths = [("L0", "L1"), ("L0", "L2"), ("L1", "L2"), ("L2", "L3")]
    modes = {f"L{j}": "B" if b else "A" for j, b in enumerate(mode_b)}
    fit = estimate(data, paths, blocks, modes=modes, scheme=scheme, standardized=standardized,
                   tol=1e-10, max_iter=1000)
    # the fixed point of the algorithm, recomputed from the data
    again = _one_iteration_from_data(fit, data, blocks, scheme)
    got = fit.outer.groupby("block", sort=False)["weight"].apply(np.asarray)
    for block, w in again.items():
        assert np.allclose(np.abs(w), np.abs(got[block]), atol=1e-6), block
    # paths = OLS of each standardised latent score on its predecessors' (standardised paths
    # whatever `standardized` says); index effects = OLS of the scores as reported
    Y = fit.scores
    Z = (Y - Y.mean()) / Y.std(ddof=1)
    ie = fit.index_effects.set_index(["source", "target"])["direct"]
    for target, grp in fit.paths.groupby("target"):
        X = np.column_stack([np.ones(len(Z)), Z[list(grp["source"])].to_numpy()])
        beta, *_ = np.linalg.lstsq(X, Z[target].to_numpy(), rcond=None)
        assert np.allclose(beta[1:], grp["estimate"].to_numpy(), atol=1e-8)
        if not standardized:
            X = np.column_stack([np.ones(len(Y)), Y[list(grp["source"])].to_numpy()])
            b, *_ = np.linalg.lstsq(X, Y[target].to_numpy(), rcond=None)
            assert np.allclose(b[1:], [ie[(src, target)] for src in grp["source"]], atol=1e-8)
    # loadings are correlations of item and score
    for block, items in blocks.items():
        lo = fit.outer.set_index("item").loc[items, "loading"]
        assert np.allclose(lo, [np.corrcoef(data[i], Y[block])[0, 1] for i in items])
    # the vectorised bootstrap gives, for each resample, what a refit gives
    boot = fit.bootstrap(n_boot=10, seed=seed)
    rows = np.repeat(np.arange(n), boot.counts[0].astype(int))
    refit = estimate(data.iloc[rows], paths, blocks, modes=modes, scheme=scheme,
                     standardized=standardized, tol=1e-10, max_iter=1000)
    assert np.allclose(np.abs(refit.paths["estimate"]), np.abs(boot.draws.iloc[0]), atol=1e-6)


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000))
def test_permuting_rows_does_not_change_estimates(mobi, res, seed):
    perm = np.random.default_rng(seed).permutation(len(mobi))
    other = estimate(mobi.iloc[perm], ECSI_PATHS, MOBI_BLOCKS)
    assert np.allclose(other.paths["estimate"], res.paths["estimate"], atol=1e-10)
    assert np.allclose(other.outer["weight"], res.outer["weight"], atol=1e-10)


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(scale=st.floats(0.1, 10), shift=st.floats(-5, 5))
def test_standardized_estimates_ignore_item_units(mobi, res, scale, shift):
    other = mobi.astype(float).copy()
    other["PERQ1"] = other["PERQ1"] * scale + shift
    other["CUSL3"] = other["CUSL3"] * scale
    fit = estimate(other, ECSI_PATHS, MOBI_BLOCKS)
    assert np.allclose(fit.paths["estimate"], res.paths["estimate"], atol=1e-8)


def test_unstandardized_scores_are_on_item_scale(mobi):
    fit = estimate(mobi, ECSI_PATHS, MOBI_BLOCKS, standardized=False)
    assert np.allclose(fit.outer.groupby("block")["norm_weight"].sum(), 1.0)
    # positive weights summing to 1: each score is a weighted mean of 1-10 answers
    assert fit.scores.min().min() >= 1 - 1e-9 and fit.scores.max().max() <= 10 + 1e-9
    Y = fit.scores
    ie = fit.index_effects.set_index(["source", "target"])["direct"]
    for target, grp in fit.paths.groupby("target"):
        X = np.column_stack([np.ones(len(Y)), Y[list(grp["source"])].to_numpy()])
        beta, *_ = np.linalg.lstsq(X, Y[target].to_numpy(), rcond=None)
        # the regression on item-scale scores gives the unstandardised (index) effects ...
        assert np.allclose(beta[1:], [ie[(src, target)] for src in grp["source"]], atol=1e-10)
        # ... which are the standardised paths times sd(target) / sd(source)
        sd = Y.std(ddof=1)
        assert np.allclose(beta[1:], grp["estimate"].to_numpy() * sd[target]
                           / sd[list(grp["source"])].to_numpy(), atol=1e-10)
    # doubling every item doubles the scores and leaves the coefficients alone
    twice = estimate(mobi * 2, ECSI_PATHS, MOBI_BLOCKS, standardized=False)
    assert np.allclose(twice.scores, 2 * fit.scores)
    assert np.allclose(twice.paths["estimate"], fit.paths["estimate"])
    assert np.allclose(twice.index_effects["direct"], fit.index_effects["direct"])


def test_gof_formula(res):
    multi = res.outer[res.outer.groupby("block")["item"].transform("size") > 1]
    assert res.gof == pytest.approx(np.sqrt(multi["communality"].mean() * res.r_squared.mean()))


def test_summary_and_repr(res):
    s = res.summary()
    assert list(s.columns) == ["estimate", "se", "ci_low", "ci_high", "f2", "target_r2"]
    assert s["se"].isna().all()                     # standard errors come from bootstrap()
    assert (s["f2"] >= 0).all()
    assert s.index[0] == "Image -> Expectation"
    assert "Satisfaction" in repr(res) and "<table" in res._repr_html_()
    assert res.params["Image -> Expectation"] == pytest.approx(0.50491, abs=1e-4)


def test_presets_run(mobi):
    acsi = estimate(mobi, ACSI_PATHS, MOBI_ACSI_BLOCKS)
    assert "Image" not in acsi.scores.columns and len(acsi.paths) == 9
    bank = estimate(fetch_bank_satisfaction(), BANK_PATHS, BANK_BLOCKS)
    assert len(bank.paths) == 10 and bank.r_squared.between(0, 1).all()


# ----------------------------------------------------------------- bootstrap

def test_bootstrap_reproducible_and_tidy(res, boot):
    again = res.bootstrap(n_boot=200, seed=1)
    pd.testing.assert_frame_equal(boot.paths, again.paths)
    other = res.bootstrap(n_boot=200, seed=2)
    assert not np.allclose(other.paths["se"], boot.paths["se"])
    assert {"estimate", "se", "ci_low", "ci_high", "t_value"} <= set(boot.paths.columns)
    assert (boot.paths["se"] > 0).all()
    # the summary is the paths table, and any level comes from the same draws
    s = boot.summary()
    assert list(s.columns[:4]) == ["estimate", "se", "ci_low", "ci_high"]
    assert np.allclose(s["ci_low"], boot.paths["ci_low"])
    assert np.allclose(s["se"], boot.draws.std(ddof=1))
    assert np.allclose(boot.conf_int(alpha=0.05)["ci_high"],
                       boot.draws.quantile(0.975, interpolation="linear"))
    wide = boot.summary(ci=0.99)
    assert (wide["ci_low"] <= s["ci_low"]).all() and (wide["ci_high"] >= s["ci_high"]).all()
    assert boot.level == 0.95 and boot.n_boot == 200
    with pytest.warns(FutureWarning, match="bootstrap\\(n=...\\) is deprecated; use n_boot"):
        old = res.bootstrap(n=200, seed=1)
    pd.testing.assert_frame_equal(old.paths, boot.paths)
    ie = boot.index_effects
    assert np.allclose(ie["estimate"], res.index_effects.set_index(["source", "target"]).loc[
        list(zip(ie["source"], ie["target"], strict=True)), "direct"])
    assert (boot.paths["ci_low"] <= boot.paths["ci_high"]).all()
    assert np.allclose(boot.paths["estimate"], res.paths["estimate"])
    assert boot.draws.shape == (200, 12)
    assert set(boot.outer["stat"]) == {"weight", "loading"}
    assert len(boot.total_effects) == len(res.total_effects)
    assert len(boot.indirect_effects) == len(res.indirect_effects)
    assert "PLS bootstrap" in repr(boot) and "<table" in boot._repr_html_()


def test_vectorised_bootstrap_equals_refitting_each_resample(mobi, res, boot):
    for b in (0, 57, 199):
        rows = np.repeat(np.arange(len(mobi)), boot.counts[b].astype(int))
        fit = estimate(mobi.iloc[rows], ECSI_PATHS, MOBI_BLOCKS)
        assert np.allclose(fit.paths["estimate"], boot.draws.iloc[b], atol=1e-6)


def test_bootstrap_sign_handling(res):
    ind = res.bootstrap(n_boot=100, seed=3, signs="individual")
    signs = np.sign(res.paths["estimate"].to_numpy())
    assert (np.sign(ind.draws.to_numpy()) * signs >= 0).all()
    with pytest.raises(ValueError, match="signs must be"):
        res.bootstrap(n_boot=100, signs="flip")
    with pytest.raises(ValueError, match="at least 10"):
        res.bootstrap(n_boot=3)
    with pytest.raises(ValueError, match="give 0.95, not 95"):
        res.bootstrap(n_boot=100, ci=95)


def test_bootstrap_construct_signs_undo_a_flipped_block(mobi):
    """Reverse all Image items: the fit flips Image back; loadings stay positive."""
    flipped = mobi.copy()
    for c in MOBI_BLOCKS["Image"]:
        flipped[c] = 11 - flipped[c]
    fit = estimate(flipped, ECSI_PATHS, MOBI_BLOCKS)
    ref = fit.paths.set_index(["source", "target"])["estimate"]
    assert ref[("Image", "Expectation")] == pytest.approx(-0.50491, abs=1e-4)
    b = fit.bootstrap(n_boot=100, seed=4)
    assert (b.paths.set_index(["source", "target"]).loc[("Image", "Expectation"),
                                                        "ci_high"] < 0)


# ----------------------------------------------------------------- reliability functions

def test_reliability_thresholds_flagged(res):
    rel = res.reliability()
    ok = rel.dropna(subset=["alpha"])
    assert (ok["alpha_ok"].astype(bool) == (ok["alpha"] >= 0.7)).all()
    assert (rel["AVE_ok"].astype(bool) == (rel["AVE"] >= 0.5)).all()
    single = rel.set_index("block").loc["Complaints"]
    assert np.isnan(single["alpha"]) and single["rho_C"] == pytest.approx(1.0)


def test_reliability_matches_standalone_functions(res, mobi):
    rel = res.reliability().set_index("block")
    for block in ("Image", "Quality", "Satisfaction"):
        grp = res.outer[res.outer["block"] == block]
        assert rel.loc[block, "rho_C"] == pytest.approx(composite_reliability(grp["loading"]))
        assert rel.loc[block, "AVE"] == pytest.approx(average_variance_extracted(grp["loading"]))
        assert rel.loc[block, "rho_A"] == pytest.approx(rho_a(mobi[list(grp["item"])],
                                                             grp["weight"]))
        std_alpha = cronbach_alpha(mobi[list(grp["item"])], standardized=True).alpha
        assert rel.loc[block, "alpha"] == pytest.approx(std_alpha)


def test_composite_reliability_and_ave_formulas():
    # rho_C = (sum l)^2 / ((sum l)^2 + sum(1 - l^2)) = 5.76 / (5.76 + 1.08)
    assert composite_reliability([0.8, 0.8, 0.8]) == pytest.approx(5.76 / 6.84)
    assert average_variance_extracted([0.8, 0.6]) == pytest.approx(0.5)
    with pytest.raises(ValueError, match=r"\[-1, 1\]"):
        composite_reliability([0.8, 1.3])


def test_alpha_and_rho_a_recover_reliability_of_tau_equivalent_items():
    """Equal loadings l (tau-equivalence): the reliability of the sum is
    (k l)^2 / ((k l)^2 + k (1 - l^2)); alpha and rho_A estimate it consistently, while
    rho_C from PLS loadings is biased upwards (PLS loadings absorb item error;
    Dijkstra & Henseler 2015)."""
    rng = np.random.default_rng(7)
    n, k, lam = 20_000, 4, 0.8
    f = rng.normal(size=n)
    X = pd.DataFrame({f"q{i}": lam * f + np.sqrt(1 - lam**2) * rng.normal(size=n)
                      for i in range(k)})
    true = (k * lam) ** 2 / ((k * lam) ** 2 + k * (1 - lam**2))
    assert composite_reliability([lam] * k) == pytest.approx(true)
    data = X.assign(y1=f + rng.normal(size=n), y2=f + rng.normal(size=n))
    fit = estimate(data, [("F", "G")], {"F": list(X.columns), "G": ["y1", "y2"]})
    rel = fit.reliability().set_index("block").loc["F"]
    for key in ("alpha", "rho_A"):
        assert rel[key] == pytest.approx(true, abs=0.01), key
    assert rel["rho_C"] > rel["rho_A"]
    assert cronbach_alpha(X).alpha == pytest.approx(true, abs=0.01)


def test_cronbach_alpha_ci_and_item_analysis(mobi):
    items = mobi[MOBI_BLOCKS["Quality"]]
    a = cronbach_alpha(items, ci=0.95)
    assert a.ci_low < a.alpha < a.ci_high and a.n == 250 and a.k == 7
    assert float(a) == a.alpha
    wide = cronbach_alpha(items, ci=0.99)
    assert wide.ci_low < a.ci_low and wide.ci_high > a.ci_high
    b1 = cronbach_alpha(items, method="bootstrap", n_boot=300, seed=5)
    b2 = cronbach_alpha(items, method="bootstrap", n_boot=300, seed=5)
    assert b1 == b2 and b1.ci_low < b1.alpha < b1.ci_high
    ia = item_analysis(items)
    total = items.sum(axis=1)
    for item in items.columns:
        assert ia.loc[item, "item_total"] == pytest.approx(items[item].corr(total - items[item]))
        rest = items.drop(columns=item)
        assert ia.loc[item, "alpha_if_deleted"] == pytest.approx(cronbach_alpha(rest).alpha)


def test_htmt_standalone_matches_result(res, mobi):
    H = htmt(mobi, MOBI_BLOCKS)
    pd.testing.assert_frame_equal(H, res.htmt())
    assert np.allclose(H.fillna(0), H.T.fillna(0))
    # single-item block: monotrait mean 1, so HTMT is the mean |r| with the other block
    R0 = mobi.corr().abs()
    assert H.loc["Complaints", "Image"] == pytest.approx(
        R0.loc["CUSCO", MOBI_BLOCKS["Image"]].mean()
        / np.sqrt(R0.loc[MOBI_BLOCKS["Image"], MOBI_BLOCKS["Image"]].to_numpy()[
            np.triu_indices(5, 1)].mean()))
    assert np.isnan(np.diag(H)).all()
    # by hand for one pair: mean |r| between blocks / sqrt(mean |r| within each)
    R = mobi.corr().abs()
    a, b = MOBI_BLOCKS["Image"], MOBI_BLOCKS["Value"]
    within = [R.loc[x, x].to_numpy()[np.triu_indices(len(x), 1)].mean() for x in (a, b)]
    assert H.loc["Image", "Value"] == pytest.approx(R.loc[a, b].to_numpy().mean()
                                                    / np.sqrt(within[0] * within[1]))
    dv = res.discriminant_validity()
    assert len(dv) == 21
    row = dv[(dv["block_1"] == "Image") & (dv["block_2"] == "Value")].iloc[0]
    assert bool(row["htmt_below_085"]) == (row["htmt"] < 0.85)


# ----------------------------------------------------------------- bad input

def test_block_naming_missing_column(mobi):
    blocks = dict(MOBI_BLOCKS, Loyalty=["CUSL1", "CUSL2", "CUSL9"])
    with pytest.raises(ValueError, match=r"'CUSL9' \(block 'Loyalty'\)"):
        estimate(mobi, ECSI_PATHS, blocks)


def test_non_numeric_item(mobi):
    bad = mobi.astype({"CUSA2": object})
    bad.loc[3, "CUSA2"] = "very satisfied"
    with pytest.raises(TypeError, match="CUSA2.*numeric"):
        estimate(bad, ECSI_PATHS, MOBI_BLOCKS)


def test_path_to_undeclared_latent(mobi):
    with pytest.raises(ValueError, match="'Trust', which has no block"):
        estimate(mobi, ECSI_PATHS + [("Satisfaction", "Trust")], MOBI_BLOCKS)


def test_cycle_in_inner_model(mobi):
    with pytest.raises(ValueError, match="cycle .*Loyalty -> Image"):
        estimate(mobi, ECSI_PATHS + [("Loyalty", "Image")], MOBI_BLOCKS)
    with pytest.raises(ValueError, match="to itself"):
        estimate(mobi, ECSI_PATHS + [("Value", "Value")], MOBI_BLOCKS)


def test_constant_item(mobi):
    bad = mobi.copy()
    bad["PERV2"] = 7
    with pytest.raises(ValueError, match=r"\['PERV2'\] are constant"):
        estimate(bad, ECSI_PATHS, MOBI_BLOCKS)
    with pytest.raises(ValueError, match="constant item"):
        cronbach_alpha(bad[["PERV1", "PERV2"]])
    with pytest.raises(ValueError, match=r"constant item\(s\) \['PERV2'\]"):
        htmt(bad, MOBI_BLOCKS)
    with pytest.raises(ValueError, match="constant item"):
        item_analysis(bad[["PERV1", "PERV2", "CUSA1"]])


def test_too_few_rows(mobi):
    with pytest.raises(ValueError, match="5 complete row"):
        estimate(mobi.head(5), ECSI_PATHS, MOBI_BLOCKS)
    with pytest.warns(UserWarning, match="10-times rule"):
        estimate(mobi.head(30), ECSI_PATHS, MOBI_BLOCKS)


def test_missing_values_policy(mobi):
    bad = mobi.astype(float)
    bad.loc[[1, 5, 9], "CUEX2"] = np.nan
    bad.loc[[5], "IMAG1"] = np.nan
    with pytest.raises(ValueError, match=r"'IMAG1': 1 row.*'CUEX2': 3 row|'CUEX2': 3 row"):
        estimate(bad, ECSI_PATHS, MOBI_BLOCKS)
    fit = estimate(bad, ECSI_PATHS, MOBI_BLOCKS, missing="drop")
    assert fit.n == 247 and fit.n_dropped == 3
    ref = estimate(mobi.drop(index=[1, 5, 9]), ECSI_PATHS, MOBI_BLOCKS)
    assert np.allclose(fit.paths["estimate"], ref.paths["estimate"])
    assert list(fit.scores.index) == list(ref.scores.index)
    with pytest.raises(ValueError, match="CUEX2"):
        cronbach_alpha(bad[MOBI_BLOCKS["Expectation"]])
    assert cronbach_alpha(bad[MOBI_BLOCKS["Expectation"]], missing="drop").n == 247
    with pytest.raises(ValueError, match="missing must be"):
        estimate(mobi, ECSI_PATHS, MOBI_BLOCKS, missing="impute")
    with pytest.warns(FutureWarning, match="missing='error' is deprecated; use missing='raise'"):
        with pytest.raises(ValueError, match="CUEX2"):
            estimate(bad, ECSI_PATHS, MOBI_BLOCKS, missing="error")


def test_other_model_mistakes(mobi):
    with pytest.raises(ValueError, match="scheme must be"):
        estimate(mobi, ECSI_PATHS, MOBI_BLOCKS, scheme="paths")
    with pytest.raises(ValueError, match="'A' .* or 'B'"):
        estimate(mobi, ECSI_PATHS, MOBI_BLOCKS, modes={"Image": "formative"})
    with pytest.raises(ValueError, match="modes names .*'Imag'"):
        estimate(mobi, ECSI_PATHS, MOBI_BLOCKS, modes={"Imag": "B"})
    with pytest.raises(ValueError, match="'CUSA1' appears in blocks"):
        estimate(mobi, ECSI_PATHS, dict(MOBI_BLOCKS, Value=["PERV1", "CUSA1"]))
    with pytest.raises(ValueError, match="given twice"):
        estimate(mobi, ECSI_PATHS + [("Image", "Loyalty")], MOBI_BLOCKS)
    with pytest.raises(ValueError, match=r"\['Image'\] have a block but no path"):
        estimate(mobi, ACSI_PATHS, MOBI_BLOCKS)
    with pytest.raises(TypeError, match="blocks must be"):
        estimate(mobi, ECSI_PATHS, list(MOBI_BLOCKS))
    with pytest.raises(ValueError, match="collinear"):
        dup = mobi.assign(PERV3=mobi["PERV1"])
        estimate(dup, ECSI_PATHS, dict(MOBI_BLOCKS, Value=["PERV1", "PERV2", "PERV3"]),
                 modes={"Value": "B"})


def test_non_convergence_is_a_clear_error(mobi):
    with pytest.raises(PLSConvergenceError, match="did not converge in max_iter=2"):
        estimate(mobi, ECSI_PATHS, MOBI_BLOCKS, tol=1e-15, max_iter=2)
    assert issubclass(PLSConvergenceError, ValueError)
    with pytest.raises(ValueError, match="max_iter must be"):
        estimate(mobi, ECSI_PATHS, MOBI_BLOCKS, max_iter=0)


def test_paths_given_as_dict_or_frame(mobi, res):
    as_dict = {}
    for s, t in ECSI_PATHS:
        as_dict.setdefault(s, []).append(t)
    fit = estimate(mobi, as_dict, MOBI_BLOCKS)
    assert np.allclose(fit.params[res.params.index], res.params)
    frame = pd.DataFrame(ECSI_PATHS, columns=["source", "target"])
    assert np.allclose(estimate(mobi, frame, MOBI_BLOCKS).params, res.params)
    with pytest.raises(ValueError, match="pair"):
        estimate(mobi, [("Image", "Expectation", "Value")], MOBI_BLOCKS)


def test_estimate_does_not_modify_input(mobi):
    before = mobi.copy()
    estimate(mobi, ECSI_PATHS, MOBI_BLOCKS).bootstrap(n_boot=20, seed=0)
    pd.testing.assert_frame_equal(mobi, before)


# ----------------------------------------------------------------- plots and widget

def test_path_diagram_plot(res, boot):
    import matplotlib.pyplot as plt

    from cvlib.plots import plot_pls_bootstrap, plot_pls_loadings, plot_pls_paths, pls_layout

    ax = plot_pls_paths(res, boot=boot)
    texts = [t.get_text() for t in ax.texts]
    assert "Satisfaction\nR² = 0.68" in texts  # R^2 inside the ellipse
    assert "0.50*" in texts and "0.56*" in texts  # coefficients on the arrows
    assert len(ax.patches) >= 7
    plt.close("all")
    pos = pls_layout(res)
    assert set(pos) == set(MOBI_BLOCKS)
    # a path always goes from a lower layer (left) to a higher one
    assert all(pos[s][0] < pos[t][0] for s, t in ECSI_PATHS)
    ax = plot_pls_paths(res, pos=pos)
    assert len([t for t in ax.texts if t.get_text()]) == 7 + 12  # 7 ellipses, 12 arrows
    with pytest.raises(ValueError, match="no position"):
        plot_pls_paths(res, pos={"Image": (0, 0)})
    plot_pls_loadings(res)
    ax = plot_pls_bootstrap(boot, what="indirect_effects")
    assert len(ax.get_yticks()) == len(boot.indirect_effects)
    with pytest.raises(ValueError, match="what must be"):
        plot_pls_bootstrap(boot, what="weights")
    plt.close("all")


def test_pls_explorer_matches_estimate(mobi):
    from cvlib.widgets import pls_explorer, pls_from_controls

    models = {"ECSI": (mobi, ECSI_PATHS, MOBI_BLOCKS),
              "ACSI": (mobi, ACSI_PATHS, MOBI_ACSI_BLOCKS)}
    w = pls_explorer(models)
    assert w.error is None
    assert np.allclose(w.result.paths["estimate"], list(SMARTPLS_PATHS.values()), atol=1e-4)
    w.controls["scheme"].value = "centroid"
    w.controls["formative"].value = ("Image",)
    ref = estimate(mobi, ECSI_PATHS, MOBI_BLOCKS, scheme="centroid", modes={"Image": "B"})
    pd.testing.assert_frame_equal(w.result.paths, ref.paths)
    w.controls["model"].value = "ACSI"  # has no Image block: the mode B choice is ignored
    ref = estimate(mobi, ACSI_PATHS, MOBI_ACSI_BLOCKS, scheme="centroid")
    pd.testing.assert_frame_equal(w.result.paths, ref.paths)
    w.controls["standardized"].value = False
    same = pls_from_controls(models, model="ACSI", scheme="centroid", formative=("Image",),
                             standardized=False)
    pd.testing.assert_series_equal(w.result.r_squared, same.r_squared)
    w.controls["max_iter"].value = 1
    assert w.result is None and "did not converge" in w.error
    w.controls["max_iter"].value = 300
    assert w.error is None


def test_pls_explorer_default_presets():
    from cvlib.widgets import pls_explorer

    w = pls_explorer()
    assert [value for _, value in w.controls["model"].options] == ["ECSI (mobi)", "ACSI (mobi, no Image)",
                                                                   "ECSI (plspm bank)"]
    assert w.result.r_squared["Satisfaction"] == pytest.approx(0.681, abs=5e-4)
    w.controls["model"].value = "ECSI (plspm bank)"
    assert w.error is None and "Complaints" not in w.result.scores.columns
    with pytest.raises(ValueError, match="model must be one of"):
        pls_explorer(model="SCSI")


def test_reliability_function_errors(mobi):
    with pytest.raises(ValueError, match="at least 2 item columns"):
        cronbach_alpha(mobi[["CUSCO"]])
    with pytest.raises(ValueError, match="ci must be"):
        cronbach_alpha(mobi[MOBI_BLOCKS["Value"]], ci=95)
    with pytest.raises(ValueError, match="method must be"):
        cronbach_alpha(mobi[MOBI_BLOCKS["Value"]], method="kr20")
    with pytest.raises(TypeError, match="DataFrame"):
        item_analysis(mobi["CUSA1"])
    with pytest.raises(ValueError, match="CUSL9"):
        htmt(mobi, dict(MOBI_BLOCKS, Loyalty=["CUSL1", "CUSL9"]))
    with pytest.raises(ValueError, match="weights has 2 values for 3 items"):
        rho_a(mobi[MOBI_BLOCKS["Satisfaction"]], [0.5, 0.5])
    # n_boot=0 used to raise a bare IndexError
    with pytest.raises(ValueError, match="n_boot must be at least 2, got 0"):
        cronbach_alpha(mobi[MOBI_BLOCKS["Value"]], method="bootstrap", n_boot=0)
    with pytest.raises(TypeError, match="n_boot must be a whole number"):
        cronbach_alpha(mobi[MOBI_BLOCKS["Value"]], method="bootstrap", n_boot=1.5)
    with pytest.raises(TypeError, match="seed must be None"):
        cronbach_alpha(mobi[MOBI_BLOCKS["Value"]], method="bootstrap", seed="x")


def test_cronbach_alpha_result_speaks_the_vocabulary(mobi):
    from scipy import stats

    items = mobi[MOBI_BLOCKS["Quality"]]
    a = cronbach_alpha(items, ci=0.95)
    s = a.summary()
    assert list(s.columns) == ["estimate", "se", "ci_low", "ci_high"] and list(s.index) == ["alpha"]
    assert s.loc["alpha", "estimate"] == a.alpha and np.isnan(s.loc["alpha", "se"])
    # Feldt et al. (1987) at another level, by the formula
    n, k = 250, 7
    lo = 1 - (1 - a.alpha) * stats.f.ppf(0.95, n - 1, (n - 1) * (k - 1))
    assert a.conf_int(alpha=0.10).loc["alpha", "ci_low"] == pytest.approx(lo)
    assert a.params["alpha"] == a.alpha and a.level == 0.95
    with pytest.warns(FutureWarning, match="CronbachAlpha.ci is deprecated"):
        assert a.ci == (a.ci_low, a.ci_high)
    b = cronbach_alpha(items, method="bootstrap", n_boot=300, seed=5)
    assert b.bse["alpha"] == pytest.approx(np.std(b.draws, ddof=1))
    assert b.summary(ci=0.9).loc["alpha", "ci_low"] == pytest.approx(np.quantile(b.draws, 0.05))
    # the one bootstrap: the same seed gives the resamples of cvlib._bootstrap
    from cvlib._bootstrap import resample_counts
    from cvlib.pls._engine import moments
    from cvlib.pls.reliability import _alpha_from_cov

    C = moments(items.to_numpy(dtype=float), resample_counts(250, 300, seed=5))
    assert np.allclose(_alpha_from_cov(C), b.draws)


# ----------------------------------------------------------------- R plspm on the bank data

def _plspm_reference(X: np.ndarray, blocks_idx, paths_idx, L, tol=1e-10, max_iter=500):
    """PLS-PM as Sanchez (2013, ch. 4, "the PLS-PM algorithm") describes plspm's steps.

    Written independently of cvlib's engine: centred items (scaled = FALSE), mode A outer
    weights w_j = X_j' Z_j / n, centroid inner weights sign(cor(Y_i, Y_j)) for adjacent
    latent variables, latent scores standardised in every iteration; at convergence the
    path coefficients are the OLS coefficients of the standardised scores.
    """
    Xc = X - X.mean(axis=0)
    n = len(Xc)
    adj = np.zeros((L, L), dtype=bool)
    for s, t in paths_idx:
        adj[s, t] = adj[t, s] = True
    w = [np.ones(len(b)) for b in blocks_idx]

    def scores(w):
        Y = np.column_stack([Xc[:, b] @ wj for b, wj in zip(blocks_idx, w, strict=True)])
        return (Y - Y.mean(axis=0)) / Y.std(axis=0)

    for _ in range(max_iter):
        Y = scores(w)
        R = np.corrcoef(Y, rowvar=False)
        Z = Y @ (np.sign(R) * adj)
        new = [Xc[:, b].T @ Z[:, j] / n for j, b in enumerate(blocks_idx)]
        # plspm rescales the weights so that the scores have unit variance
        new = [wj / np.std(Xc[:, b] @ wj) for b, wj in zip(blocks_idx, new, strict=True)]
        done = max(np.abs(a - b).max() for a, b in zip(new, w, strict=True)) < tol
        w = new
        if done:
            break
    Y = scores(w)
    coef = {}
    for t in sorted({t for _, t in paths_idx}):
        src = [s for s, t2 in paths_idx if t2 == t]
        beta, *_ = np.linalg.lstsq(Y[:, src], Y[:, t], rcond=None)
        coef.update({(s, t): b for s, b in zip(src, beta, strict=True)})
    return coef, w


@pytest.fixture(scope="module")
def bank():
    return fetch_bank_satisfaction()


def test_plspm_bank_unscaled_centroid_equals_the_algorithm_definition(bank):
    """R plspm(satisfaction, ..., modes = rep("A", 6), scheme = "centroid", scaled = FALSE)."""
    fit = estimate(bank, BANK_PATHS, BANK_BLOCKS, scheme="centroid", standardized=False,
                   tol=1e-10)
    latents = list(BANK_BLOCKS)
    cols = [c for b in BANK_BLOCKS.values() for c in b]
    pos = {c: i for i, c in enumerate(cols)}
    blocks_idx = [np.array([pos[c] for c in BANK_BLOCKS[lv]]) for lv in latents]
    paths_idx = [(latents.index(s), latents.index(t)) for s, t in BANK_PATHS]
    ref, ref_w = _plspm_reference(bank[cols].to_numpy(dtype=float), blocks_idx, paths_idx,
                                  len(latents))
    got = fit.paths.set_index(["source", "target"])["estimate"]
    for (s, t), b in ref.items():
        assert got[(latents[s], latents[t])] == pytest.approx(b, abs=1e-6)
    # outer weights agree up to the normalisation (unit-variance scores, ddof 0 vs 1)
    for lv, wj in zip(latents, ref_w, strict=True):
        mine = fit.outer.set_index("item").loc[BANK_BLOCKS[lv], "weight"].to_numpy()
        assert np.allclose(mine / mine.sum(), wj / wj.sum(), atol=1e-6)
    # standardised paths = OLS of the standardised latent scores
    Z = (fit.scores - fit.scores.mean()) / fit.scores.std(ddof=1)
    for target, grp in fit.paths.groupby("target"):
        beta, *_ = np.linalg.lstsq(Z[list(grp["source"])].to_numpy(), Z[target].to_numpy(),
                                   rcond=None)
        assert np.allclose(beta, grp["estimate"], atol=1e-10)
    assert ((fit.paths["estimate"] > -1) & (fit.paths["estimate"] < 1)).all()


def test_plspm_scaled_and_unscaled_agree_on_unit_variance_items(bank):
    """scaled = TRUE and FALSE differ only through the items' variances (Sanchez 2013)."""
    cols = [c for b in BANK_BLOCKS.values() for c in b]
    unit = bank.copy()
    unit[cols] = bank[cols] / bank[cols].std(ddof=1)
    for scheme in ("centroid", "path"):
        scaled = estimate(bank, BANK_PATHS, BANK_BLOCKS, scheme=scheme)
        unscaled = estimate(unit, BANK_PATHS, BANK_BLOCKS, scheme=scheme, standardized=False)
        assert np.allclose(scaled.paths["estimate"], unscaled.paths["estimate"], atol=1e-8)
        assert np.allclose(scaled.r_squared, unscaled.r_squared, atol=1e-8)
    # on the raw 0-10 items, whose variances differ, the weights and so the paths differ
    raw = estimate(bank, BANK_PATHS, BANK_BLOCKS, scheme="centroid", standardized=False)
    std = estimate(bank, BANK_PATHS, BANK_BLOCKS, scheme="centroid")
    assert not np.allclose(raw.paths["estimate"], std.paths["estimate"], atol=1e-6)
    # one common unit for all items changes nothing standardised
    tenfold = estimate(bank.assign(**{c: bank[c] * 10 for c in cols}), BANK_PATHS, BANK_BLOCKS,
                       scheme="centroid", standardized=False)
    assert np.allclose(tenfold.paths["estimate"], raw.paths["estimate"], atol=1e-10)


def test_index_effects_are_acsi_impacts_on_the_0_100_scale(bank):
    """Unstandardised effect = change of the 0-100 target index per point of the source index."""
    fit = estimate(bank, BANK_PATHS, BANK_BLOCKS, scheme="centroid", standardized=False)
    index = fit.scores / 10 * 100                      # bank items are 0-10: index = score x 10
    ie = fit.index_effects.set_index(["source", "target"])
    for target, grp in fit.paths.groupby("target"):
        src = list(grp["source"])
        X = np.column_stack([np.ones(len(index)), index[src].to_numpy()])
        b, *_ = np.linalg.lstsq(X, index[target].to_numpy(), rcond=None)
        assert np.allclose(b[1:], [ie.loc[(s, target), "direct"] for s in src], atol=1e-10)
    # the total effect adds the indirect paths: Image -> Quality runs only through Expectation
    d = fit.index_effects.set_index(["source", "target"])
    assert d.loc[("Image", "Quality"), "total"] == pytest.approx(
        d.loc[("Image", "Expectation"), "direct"] * d.loc[("Expectation", "Quality"), "direct"])
    # a standardised fit gives the same kind of effects from its (unstandardised) raw weights
    std = estimate(bank, BANK_PATHS, BANK_BLOCKS, scheme="centroid")
    raw_w = std.outer.set_index("item")["weight"] / bank[list(std.outer["item"])].std(ddof=1)
    score = {lv: bank[items] @ (raw_w[items] / raw_w[items].sum())
             for lv, items in BANK_BLOCKS.items()}
    X = np.column_stack([np.ones(len(bank)), score["Image"], score["Satisfaction"]])
    b, *_ = np.linalg.lstsq(X, score["Loyalty"], rcond=None)
    e = std.index_effects.set_index(["source", "target"])["direct"]
    assert np.allclose(b[1:], [e[("Image", "Loyalty")], e[("Satisfaction", "Loyalty")]])


def test_bootstrap_of_a_model_without_mediators(mobi):
    """Two latent variables, one path: no indirect effects, and the bootstrap still works."""
    blocks = {"Quality": MOBI_BLOCKS["Quality"], "Satisfaction": MOBI_BLOCKS["Satisfaction"]}
    fit = estimate(mobi, [("Quality", "Satisfaction")], blocks)
    boot = fit.bootstrap(n_boot=50, seed=1)
    assert boot.indirect_effects.empty and len(boot.paths) == 1
    # with one predictor the standardised path is the correlation of the two scores
    assert fit.params.iloc[0] == pytest.approx(fit.latent_correlations.iloc[0, 1])


def test_rho_a_refuses_degenerate_weights(mobi):
    items = mobi[MOBI_BLOCKS["Satisfaction"]]
    with pytest.raises(ValueError, match="not all zero"):
        rho_a(items, [0, 0, 0])
    with pytest.raises(ValueError, match="finite"):
        rho_a(items, [1, np.nan, 1])

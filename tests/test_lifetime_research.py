"""Covariates, simulators, prediction intervals and holdout validation of the purchase models (issue 15).

Sources of the asserted numbers: the published CDNOW estimates (Fader, Hardie & Lee 2005a:
BG/NBD log-likelihood -9582.4, Pareto/NBD -9595.0), the models' closed forms (a simulated
base must match them on average), hand computation (holdout errors, discretisation) and
invariants (a covariate effect of 0 is the model without covariates; intervals contain the
plug-in prediction and shrink as the sample grows; coverage close to the nominal level).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cvlib.datasets import fetch_cdnow, fetch_cdnow_summary
from cvlib.lifetime import (
    BetaGeo,
    BetaGeoBeta,
    GammaGamma,
    ParetoNBD,
    compare_models,
    discretize,
    holdout_errors,
    summarize,
)
from cvlib.lifetime.bgnbd import _bg_loglik
from cvlib.lifetime.paretonbd import _pnbd_ll

BG = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
PN = {"r": 0.55, "alpha": 10.58, "s": 0.61, "beta": 11.67}


@pytest.fixture(scope="module")
def cdnow():
    return fetch_cdnow_summary()


def _mean_close(sample, value, k=4.0):
    """The sample mean lies within k standard errors of the model's value."""
    sample = np.asarray(sample, dtype=float)
    se = sample.std(ddof=1) / np.sqrt(sample.size)
    assert abs(sample.mean() - value) < k * se, (sample.mean(), value, se)


# ------------------------------------------------------------------ simulators


def test_bgnbd_simulator_matches_the_closed_forms():
    bg = BetaGeo.from_params(**BG)
    sim = bg.simulate(40_000, T=39.0, holdout=39.0, seed=11)
    # E[X(t)] (eq. 9) and P(X(t) = 0) (eq. 8) of Fader, Hardie & Lee (2005a)
    _mean_close(sim["frequency"], bg.unconditional_expected_purchases(39.0))
    _mean_close(sim["frequency"] == 0, bg.purchase_probability(0, 39.0))
    # law of total expectation: the conditional forecasts average to the actual holdout counts,
    # and P(alive | history) averages to the share truly alive
    pred = bg.expected_purchases(39.0, sim["frequency"], sim["recency"], sim["T"])
    _mean_close(sim["frequency_holdout"] - pred, 0.0)
    _mean_close(sim["alive"] - bg.p_alive(sim["frequency"], sim["recency"], sim["T"]), 0.0)


def test_pareto_nbd_simulator_matches_the_closed_forms():
    pn = ParetoNBD.from_params(**PN)
    T = np.repeat([20.0, 39.0], 15_000)
    sim = pn.simulate(30_000, T=T, holdout=26.0, seed=12)
    _mean_close(sim["frequency"], np.mean(pn.unconditional_expected_purchases(T)))
    pred = pn.expected_purchases(26.0, sim["frequency"], sim["recency"], sim["T"])
    _mean_close(sim["frequency_holdout"] - pred, 0.0)
    _mean_close(sim["alive"] - pn.p_alive(sim["frequency"], sim["recency"], sim["T"]), 0.0)


def test_bgbb_simulator_matches_the_closed_forms():
    # Fader, Hardie & Shang (2010): the donations estimates
    bb = BetaGeoBeta.from_params(alpha=1.204, beta=0.750, gamma=0.657, delta=2.783)
    sim = bb.simulate(30_000, periods=6, holdout=5, seed=13)
    _mean_close(sim["frequency"], bb.unconditional_expected_purchases(6))
    pred = bb.expected_purchases(5, sim["frequency"], sim["recency"], sim["periods"])
    _mean_close(sim["frequency_holdout"] - pred, 0.0)
    _mean_close(sim["alive"] - bb.p_alive(sim["frequency"], sim["recency"], sim["periods"]), 0.0)


def test_simulators_are_reproducible_and_valid_summaries():
    bg = BetaGeo.from_params(**BG)
    a = bg.simulate(500, T=30.0, seed=5)
    pd.testing.assert_frame_equal(a, bg.simulate(500, T=30.0, seed=5))
    assert not a.equals(bg.simulate(500, T=30.0, seed=6))
    assert ((a["recency"] <= a["T"]) & ((a["frequency"] > 0) | (a["recency"] == 0))).all()
    BetaGeo().fit(a)                          # a simulated summary is a valid input


def test_larger_dropout_parameters_mean_more_churn():
    # the exercise of notebook 05: E[p] = a / (a + b); a larger a means more dropout
    low = BetaGeo.from_params(r=0.5, alpha=5.0, a=0.5, b=4.5).simulate(20_000, T=52.0, seed=1)
    high = BetaGeo.from_params(r=0.5, alpha=5.0, a=2.5, b=2.5).simulate(20_000, T=52.0, seed=1)
    assert high["alive"].mean() < low["alive"].mean() - 0.1


@pytest.mark.parametrize("bad, match", [(0, "n_customers"), (2.5, "n_customers"),
                                        (True, "n_customers")])
def test_simulator_refuses_bad_sizes(bad, match):
    with pytest.raises(ValueError, match=match):
        BetaGeo.from_params(**BG).simulate(bad, T=10.0)


def test_simulator_refuses_bad_times():
    bg = BetaGeo.from_params(**BG)
    with pytest.raises(ValueError, match="T"):
        bg.simulate(10, T=0.0)
    with pytest.raises(ValueError, match="holdout"):
        bg.simulate(10, T=10.0, holdout=-1.0)
    with pytest.raises(ValueError, match="periods"):
        BetaGeoBeta.from_params(alpha=1, beta=1, gamma=1, delta=1).simulate(10, periods=0)


# ------------------------------------------------------------------ covariates


def _effects_model(cls, **effects):
    base = BG if cls is BetaGeo else PN
    return cls.from_params(effects=effects, **base)


@pytest.mark.parametrize("cls, ll", [(BetaGeo, _bg_loglik), (ParetoNBD, _pnbd_ll)])
def test_zero_covariate_effects_are_the_model_without_covariates(cdnow, cls, ll):
    base = cls().fit(cdnow)
    labels = [lab for _, _, lab in cls._covariate_targets]
    zero = cls.from_params(effects={f"{lab}:z": 0.0 for lab in labels}, **base.params)
    z = np.random.default_rng(0).normal(size=(len(cdnow), 1))
    x, tx, T = (cdnow[c].to_numpy() for c in ("frequency", "recency", "T"))
    theta = zero._theta_from(zero.params.to_numpy(), z)
    assert ll(theta, x, tx, T).sum() == pytest.approx(base.llf, rel=1e-12)
    np.testing.assert_allclose(zero.p_alive(x, tx, T, covariates=z), base.p_alive(x, tx, T),
                               rtol=1e-12)
    np.testing.assert_allclose(zero.expected_purchases(39, x, tx, T, covariates=z),
                               base.expected_purchases(39, x, tx, T), rtol=1e-12)


@pytest.mark.parametrize("cls", [BetaGeo, ParetoNBD])
def test_covariates_none_is_exactly_todays_model(cdnow, cls):
    a, b = cls().fit(cdnow), cls().fit(cdnow, covariates=None)
    pd.testing.assert_series_equal(a.params, b.params)
    assert a.llf == b.llf


@pytest.mark.parametrize("cls", [BetaGeo, ParetoNBD])
def test_an_irrelevant_covariate_adds_little(cdnow, cls):
    data = cdnow.assign(noise=np.random.default_rng(1).normal(size=len(cdnow)))
    base = cls().fit(cdnow)
    fit = cls().fit(data, covariates=["noise"])
    k = len(cls._covariate_targets)
    assert len(fit.params) == 4 + k
    assert fit.llf >= base.llf - 1e-6                     # nested models
    assert 2 * (fit.llf - base.llf) < 20                  # chi2(k) with k <= 3: far below 20
    assert fit.summary()["se"].notna().all()


def test_covariate_effects_move_the_predictions_the_right_way():
    pn = _effects_model(ParetoNBD, **{"purchase:vip": 0.7, "dropout:vip": 0.0})
    e = pn.expected_purchases(10, [0, 0], [0, 0], [20, 20], covariates=[[0.0], [1.0]])
    # with no purchase history, a higher purchase rate means more expected purchases
    assert e[1] > e[0]
    u = ParetoNBD.from_params(**PN)
    assert e[0] == pytest.approx(u.expected_purchases(10, 0, 0, 20))
    bg = _effects_model(BetaGeo, **{"purchase:vip": 0.0, "dropout_a:vip": 1.0})
    p = bg.p_alive([3, 3], [5, 5], [30, 30], covariates=[[0.0], [1.0]])
    assert p[1] < p[0]                                    # larger a: more dropout


def _recovery(cls, effects, n_sims, n_customers, seed):
    rng = np.random.default_rng(seed)
    true = _effects_model(cls, **effects)
    zs = []
    for _ in range(n_sims):
        cov = pd.DataFrame({"vip": (rng.random(n_customers) < 0.5).astype(float),
                            "spend": rng.normal(size=n_customers)})
        sim = true.simulate(n_customers, T=rng.uniform(30, 52, n_customers), covariates=cov,
                            seed=rng).join(cov)
        fit = cls().fit(sim, covariates=["vip", "spend"])
        names = list(fit.params.index[4:])
        zs.append(((fit.params[names] - true.params[names]) / fit.bse[names]).to_numpy())
    return np.array(zs)


@pytest.mark.slow
@pytest.mark.parametrize("cls, effects", [
    (ParetoNBD, {"purchase:vip": 0.5, "purchase:spend": -0.3, "dropout:vip": -0.6,
                 "dropout:spend": 0.4}),
    (BetaGeo, {"purchase:vip": 0.5, "purchase:spend": -0.3, "dropout_a:vip": 0.6,
               "dropout_b:spend": -0.4}),
])
def test_covariate_effects_are_recovered_within_their_standard_errors(cls, effects):
    z = _recovery(cls, effects, n_sims=20, n_customers=2000, seed=7)
    # 20 simulations x (4 or 6) effects: z-scores of a consistent estimator with right
    # standard errors are about N(0, 1)
    assert abs(z.mean()) < 0.4                            # 80-120 z's: se of the mean ~ 0.1
    assert 0.7 < z.std() < 1.4
    assert (np.abs(z) < 1.96).mean() > 0.85               # nominal 95%
    assert (np.abs(z.mean(axis=0)) < 0.8).all()           # no effect biased (se 0.22 each)


def test_covariate_refusals(cdnow):
    data = cdnow.assign(const=1.0, text="a", gap=np.r_[np.nan, np.ones(len(cdnow) - 1)],
                        z1=np.arange(len(cdnow), dtype=float))
    with pytest.raises(ValueError, match="same value"):
        ParetoNBD().fit(data, covariates="const")
    with pytest.raises(TypeError, match="get_dummies"):
        BetaGeo().fit(data, covariates="text")
    with pytest.raises(ValueError, match="missing"):
        BetaGeo().fit(data, covariates=["gap"])
    with pytest.raises(ValueError, match="collinear"):
        BetaGeo().fit(data.assign(z2=2 * data["z1"]), covariates=["z1", "z2"])
    with pytest.raises(ValueError, match="no column"):
        BetaGeo().fit(data, covariates=["nope"])
    model = _effects_model(BetaGeo, **{"purchase:vip": 0.3})
    with pytest.raises(ValueError, match="covariates="):
        model.p_alive(1, 1, 2)
    with pytest.raises(ValueError, match="rows"):
        model.p_alive([1, 2], [1, 1], [2, 2], covariates=[[1.0]])
    with pytest.raises(TypeError, match="without covariates"):
        BetaGeo.from_params(**BG).p_alive(1, 1, 2, covariates=[[1.0]])
    with pytest.raises(ValueError, match="process"):
        BetaGeo.from_params(effects={"churn:vip": 1.0}, **BG)
    with pytest.raises(TypeError, match="does not take covariates"):
        BetaGeoBeta.from_params(effects={"purchase:vip": 1.0}, alpha=1, beta=1, gamma=1, delta=1)


# ------------------------------------------------------------------ prediction intervals


def test_interval_contains_the_plug_in_prediction(cdnow):
    bg = BetaGeo().fit(cdnow)
    out = bg.predict_interval("p_alive", cdnow, n_boot=200, seed=1)
    assert list(out.columns) == ["estimate", "se", "ci_low", "ci_high"]
    assert out.index.equals(cdnow.index)
    np.testing.assert_allclose(out["estimate"], bg.p_alive(cdnow["frequency"], cdnow["recency"],
                                                             cdnow["T"]))
    assert (out["ci_low"] <= out["estimate"] + 1e-12).all()
    assert (out["estimate"] <= out["ci_high"] + 1e-12).all()
    tot = bg.predict_interval("expected_purchases", cdnow, t=39, total=True, n_boot=200, seed=1)
    # the total of the per-customer forecasts (Fader, Hardie & Lee 2005a: 1,653 in 39 weeks)
    assert tot.loc["total", "estimate"] == pytest.approx(1653.4, abs=0.05)
    assert tot.loc["total", "ci_low"] < 1653.4 < tot.loc["total", "ci_high"]
    again = bg.predict_interval("expected_purchases", cdnow, t=39, total=True, n_boot=200, seed=1)
    pd.testing.assert_frame_equal(tot, again)


def test_clv_interval_draws_both_models(cdnow):
    rep = cdnow[cdnow["frequency"] > 0].head(200)
    bg, gg = BetaGeo().fit(cdnow), GammaGamma().fit(cdnow[cdnow["frequency"] > 0])
    out = bg.predict_interval("clv", rep, spend_model=gg, n_boot=100, seed=2)
    direct = gg.customer_lifetime_value(bg, rep["frequency"], rep["recency"], rep["T"],
                                        rep["monetary_value"])
    np.testing.assert_allclose(out["estimate"], direct)
    assert (out["ci_high"] > out["ci_low"]).all()


def test_intervals_shrink_as_the_sample_grows():
    truth = BetaGeo.from_params(r=0.5, alpha=5.0, a=0.8, b=2.5)
    one = pd.DataFrame({"frequency": [3.0], "recency": [20.0], "T": [30.0]})
    widths = []
    for n in (500, 8000):
        fit = BetaGeo().fit(truth.simulate(n, T=30.0, seed=n))
        out = fit.predict_interval("expected_purchases", one, t=20, n_boot=400, seed=1)
        widths.append(float(out["ci_high"].iloc[0] - out["ci_low"].iloc[0]))
    assert widths[1] < widths[0] / 2           # ~ 1 / sqrt(n): 4 times narrower


def test_interval_with_covariates():
    true = _effects_model(ParetoNBD, **{"purchase:vip": 0.5, "dropout:vip": -0.5})
    cov = pd.DataFrame({"vip": np.r_[np.zeros(800), np.ones(800)]})
    sim = true.simulate(1600, T=40.0, covariates=cov, seed=3).join(cov)
    fit = ParetoNBD().fit(sim, covariates="vip")
    out = fit.predict_interval("p_alive", sim.head(5), n_boot=50, seed=1)
    np.testing.assert_allclose(out["estimate"], fit.p_alive(
        sim["frequency"].head(5), sim["recency"].head(5), sim["T"].head(5), covariates=cov.head(5)))


@pytest.mark.slow
def test_the_90_percent_interval_of_the_total_covers_about_90_percent():
    # the interval is for the total expected holdout purchases given the histories; its true
    # value uses the true parameters
    truth = BetaGeo.from_params(r=0.5, alpha=5.0, a=0.8, b=2.5)
    rng = np.random.default_rng(2024)
    n_rep, hits = 40, 0
    for _ in range(n_rep):
        sim = truth.simulate(2000, T=rng.uniform(20, 40, 2000), seed=rng)
        true_total = float(truth.expected_purchases(26, sim["frequency"], sim["recency"],
                                                    sim["T"]).sum())
        fit = BetaGeo().fit(sim)
        out = fit.predict_interval("expected_purchases", sim, t=26, total=True, ci=0.90,
                                   n_boot=300, seed=rng)
        hits += out.loc["total", "ci_low"] <= true_total <= out.loc["total", "ci_high"]
    # Binomial(40, 0.9): mean 36, sd 1.9; 31..40 holds with probability 0.99
    assert hits >= 31


def test_interval_refusals(cdnow):
    bg = BetaGeo().fit(cdnow)
    with pytest.raises(ValueError, match="quantity"):
        bg.predict_interval("revenue", cdnow)
    with pytest.raises(ValueError, match="t="):
        bg.predict_interval("expected_purchases", cdnow)
    with pytest.raises(ValueError, match="spend_model"):
        bg.predict_interval("clv", cdnow)
    with pytest.raises(TypeError, match="total"):
        bg.predict_interval("p_alive", cdnow, total="yes")
    with pytest.raises(ValueError):
        bg.predict_interval("p_alive", cdnow, ci=95)
    with pytest.raises(ValueError):
        bg.predict_interval("p_alive", cdnow, n_boot=0)
    with pytest.raises(ValueError, match="standard errors"):
        BetaGeo.from_params(**BG).predict_interval("p_alive", cdnow)
    with pytest.raises(ValueError, match="no column"):
        bg.predict_interval("p_alive", cdnow.drop(columns="T"))


# ------------------------------------------------------------------ holdout validation


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 50), st.integers(0, 50)), min_size=1, max_size=30))
def test_holdout_error_invariants(pairs):
    pred = [p for p, _ in pairs]
    act = [a for _, a in pairs]
    e = holdout_errors(pred, act)
    assert e["rmse"] >= e["mae"] - 1e-9 >= abs(e["bias"]) - 2e-9
    assert e["total_model"] - e["total_actual"] == pytest.approx(len(pairs) * e["bias"], abs=1e-6)
    assert holdout_errors(act, act)[["mae", "rmse", "bias"]].abs().max() == 0


def test_holdout_errors_refuse_mismatched_input():
    with pytest.raises(ValueError, match="one of each"):
        holdout_errors([1.0, 2.0], [1.0])
    with pytest.raises(ValueError, match="missing"):
        holdout_errors([np.nan], [1.0])


def test_discretize_by_hand():
    log = pd.DataFrame({"customer_id": [1, 1, 1, 1, 2],
                        "date": ["2024-01-01", "2024-01-03", "2024-01-09", "2024-01-30",
                                 "2024-01-02"]})
    d = discretize(log, "2024-01-21", "2024-02-04")
    # customer 1: opportunities are days 7-13 (1), 14-20 (2); in (1) she bought on Jan 9;
    # the Jan 3 purchase is in the week of her first; holdout: days 21-27 (3), 28-34 (4):
    # Jan 30 is day 29, in opportunity 4
    assert d.loc[1].tolist() == [1.0, 1.0, 2.0, 1.0, 2.0]
    # customer 2: first on Jan 2; opportunity 1 is Jan 9-15, opportunity 2 (Jan 16-22) ends
    # after the calibration end: 1 whole opportunity; the holdout has opportunities 2 and 3
    # (to Jan 29; opportunity 4 would end Feb 5, after the end of the log)
    assert d.loc[2].tolist() == [0.0, 0.0, 1.0, 0.0, 2.0]
    with pytest.raises(ValueError, match="opportunity_days"):
        discretize(log, "2024-01-21", opportunity_days=0)


@pytest.mark.slow
def test_compare_models_on_cdnow():
    cmp = compare_models(fetch_cdnow(), "1997-09-30", "1998-06-30")
    t = cmp.summary()
    assert list(t.index) == ["BG/NBD", "Pareto/NBD", "BG/BB", "naive"]
    # Fader, Hardie & Lee (2005a): log-likelihoods -9582.4 and -9595.0 on CDNOW
    assert t.loc["BG/NBD", "llf"] == pytest.approx(-9582.4, abs=0.05)
    assert t.loc["Pareto/NBD", "llf"] == pytest.approx(-9595.0, abs=0.05)
    assert t.loc["BG/NBD", "aic"] == pytest.approx(-2 * t.loc["BG/NBD", "llf"] + 8)
    s = summarize(fetch_cdnow(), amount=None, calibration_end="1997-09-30",
                  observation_end="1998-06-30")
    assert t.loc["naive", "total_actual"] == s["frequency_holdout"].sum()
    # the naive benchmark by hand
    naive = s["frequency"] / s["T"] * 39
    assert t.loc["naive", "total_model"] == pytest.approx(naive.sum(), rel=1e-6)
    # every model beats the naive forecast per customer on CDNOW
    assert (t.loc[["BG/NBD", "Pareto/NBD", "BG/BB"], "mae"] < t.loc["naive", "mae"]).all()
    with pytest.raises(ValueError, match="models"):
        compare_models(fetch_cdnow(), "1997-09-30", "1998-06-30", models=("ARIMA",))


def test_clv_equals_the_month_by_month_sum(cdnow):
    # the definition: margin x spend x sum_k [E Y(k l) - E Y((k-1) l)] / (1 + d)^k, l = a month
    bg, gg = BetaGeo().fit(cdnow), GammaGamma().fit(cdnow[cdnow["frequency"] > 0])
    c = cdnow.head(50)
    x, tx, T, z = (c[k].to_numpy() for k in ("frequency", "recency", "T", "monetary_value"))
    month = 365.25 / 12 / 7
    cum = [np.zeros(len(c))] + [bg.expected_purchases(k * month, x, tx, T) for k in range(1, 13)]
    by_hand = 0.4 * gg.expected_spend(x, z) * sum(
        (cum[k] - cum[k - 1]) / 1.01 ** k for k in range(1, 13))
    got = gg.customer_lifetime_value(bg, x, tx, T, z, margin=0.4)
    np.testing.assert_allclose(got, by_hand, rtol=1e-12)
    # a model with covariates (effects 0) goes month by month: the same numbers
    zero = BetaGeo.from_params(effects={"purchase:z": 0.0}, **bg.params)
    with_cov = gg.customer_lifetime_value(zero, x, tx, T, z, margin=0.4,
                                          covariates=np.zeros((len(c), 1)))
    np.testing.assert_allclose(with_cov, by_hand, rtol=1e-12)


pos = st.floats(0.05, 20.0)


@settings(max_examples=30, deadline=None)
@given(pos, pos, pos, pos, st.integers(0, 2**31 - 1), st.booleans())
def test_simulated_histories_are_valid_summaries(p1, p2, p3, p4, seed, pareto):
    model = (ParetoNBD.from_params(r=p1, alpha=p2, s=p3, beta=p4) if pareto
             else BetaGeo.from_params(r=p1, alpha=p2, a=p3, b=p4))
    sim = model.simulate(200, T=np.linspace(1, 50, 200), holdout=10.0, seed=seed)
    x, tx, T = sim["frequency"], sim["recency"], sim["T"]
    assert (x == np.round(x)).all() and (x >= 0).all()
    assert ((tx >= 0) & (tx <= T) & ((x > 0) | (tx == 0))).all()
    assert (sim["frequency_holdout"] >= 0).all()
    # a customer who is gone at T buys nothing in the holdout period
    assert (sim.loc[~sim["alive"], "frequency_holdout"] == 0).all()


@settings(max_examples=10, deadline=None)
@given(st.floats(0.5, 0.9), st.floats(0.91, 0.99))
def test_a_higher_level_gives_a_wider_interval(lo, hi):
    bg = _fitted_small()
    one = pd.DataFrame({"frequency": [2.0], "recency": [20.0], "T": [30.0]})
    a = bg.predict_interval("p_alive", one, ci=lo, n_boot=200, seed=3)
    b = bg.predict_interval("p_alive", one, ci=hi, n_boot=200, seed=3)
    assert b["ci_low"].iloc[0] <= a["ci_low"].iloc[0] <= a["ci_high"].iloc[0] <= b["ci_high"].iloc[0]


_SMALL = {}


def _fitted_small():
    if "bg" not in _SMALL:
        truth = BetaGeo.from_params(r=0.5, alpha=5.0, a=0.8, b=2.5)
        _SMALL["bg"] = BetaGeo().fit(truth.simulate(1000, T=30.0, seed=4))
    return _SMALL["bg"]


@pytest.mark.parametrize("cls", [BetaGeo, ParetoNBD])
def test_fit_takes_three_arrays_as_well_as_a_frame(cdnow, cls):
    a = cls().fit(cdnow)
    b = cls().fit(cdnow["frequency"], cdnow["recency"], cdnow["T"])
    pd.testing.assert_series_equal(a.params, b.params)
    with pytest.raises(TypeError, match="three arrays"):
        cls().fit(cdnow["frequency"])

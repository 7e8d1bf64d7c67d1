"""Tests of cvlib.satisfaction, its synthetic surveys, plots, widgets and exercises.

Numbers come from the sources: the ACSI rescaling (Fornell et al. 1996), the
Kano evaluation table and coefficients (Berger et al. 1993), Martilla &
James's (1977) quadrant labels, the NPS and its standard error (Reichheld
2003; formula of issue 4), the SmartPLS outer weights of the ECSI model on
mobi (../shared/datasets/README.md); everything else is an invariant.
"""

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cvlib import satisfaction as S
from cvlib.datasets import (
    fetch_mobi,
    load_acsi_survey,
    load_kano_survey,
    load_service_attributes,
)

ACSI_ITEMS = ["CUSA1", "CUSA2", "CUSA3"]


@pytest.fixture(scope="module")
def survey():
    return load_acsi_survey()


@pytest.fixture(scope="module")
def attributes():
    return load_service_attributes()


def _ratings(n=50, k=3, low=1, high=10, seed=0):
    rng = np.random.default_rng(seed)
    return pd.DataFrame(rng.integers(low, high + 1, size=(n, k)),
                        columns=[f"q{i + 1}" for i in range(k)]).astype(float)


# ------------------------------------------------------------------- scales


def test_scale_properties_and_labels():
    s = S.likert(5, reverse=("q3",))
    assert (s.low, s.high, s.points, s.midpoint) == (1, 5, 5, 3.0)
    assert s.label(1) == "strongly disagree" and s.label(5) == "strongly agree"
    assert S.ACSI_SCALE.label(10) == "10 excellent" and S.ACSI_SCALE.label(5) == "5"
    sd = S.semantic_differential({"staff": ("unfriendly", "friendly")}, points=7)
    assert sd.kind == "semantic" and sd.poles["staff"] == ("unfriendly", "friendly")


def test_scale_bad_definitions():
    with pytest.raises(ValueError, match="high must exceed low"):
        S.Scale(5, 1)
    with pytest.raises(ValueError, match="needs 5 labels"):
        S.Scale(1, 5, labels=("a", "b", "c"))
    with pytest.raises(ValueError, match="kind must be"):
        S.Scale(1, 5, kind="ranking")
    with pytest.raises(ValueError, match="two adjectives"):
        S.semantic_differential({"staff": ("unfriendly",)})
    with pytest.raises(TypeError, match="Scale or a \\(low, high\\) pair"):
        S.item_summary(_ratings(), ["q1"], scale=10)


def test_reverse_code_formula_and_purity():
    d = pd.DataFrame({"q": [1.0, 2.0, 5.0], "p": [3.0, 3.0, 3.0]})
    out = S.reverse_code(d, ["q"], (1, 5))
    assert out["q"].tolist() == [5.0, 4.0, 1.0]          # x' = low + high - x
    assert d["q"].tolist() == [1.0, 2.0, 5.0]            # input untouched
    assert out["p"].tolist() == [3.0, 3.0, 3.0]


@given(st.lists(st.integers(1, 7), min_size=1, max_size=30))
@settings(max_examples=30, deadline=None)
def test_reverse_code_twice_is_identity(values):
    d = pd.DataFrame({"q": np.array(values, dtype=float)})
    twice = S.reverse_code(S.reverse_code(d, ["q"], (1, 7)), ["q"], (1, 7))
    pd.testing.assert_frame_equal(twice, d)


def test_item_summary_top_box_and_reverse_items():
    d = pd.DataFrame({"q": [1.0, 4.0, 5.0, 5.0], "neg": [5.0, 2.0, 1.0, 1.0]})
    t = S.item_summary(d, ["q", "neg"], S.likert(5, reverse=("neg",))).set_index("item")
    assert t.loc["q", "mean"] == pytest.approx(3.75)
    assert t.loc["q", "top_box"] == pytest.approx(0.75)        # 4 or 5 on a 1-5 scale
    assert t.loc["q", "bottom_box"] == pytest.approx(0.25)
    assert t.loc["neg", "mean"] == pytest.approx(3.75)         # recoded 1, 4, 5, 5
    assert t.loc["q", "mean_0_100"] == pytest.approx(68.75)    # (3.75 - 1) / 4 x 100


def test_item_summary_missing_policies():
    d = pd.DataFrame({"a": [1.0, 5.0, np.nan], "b": [5.0, 5.0, 3.0]})
    avail = S.item_summary(d, ["a", "b"], (1, 5), missing="available").set_index("item")
    assert avail.loc["a", "n"] == 2 and avail.loc["a", "missing"] == 1
    assert avail.loc["b", "mean"] == pytest.approx(13 / 3)
    dropped = S.item_summary(d, ["a", "b"], (1, 5), missing="drop").set_index("item")
    assert dropped.loc["b", "mean"] == pytest.approx(5.0)
    with pytest.warns(FutureWarning, match="missing='listwise' is deprecated"):
        old = S.item_summary(d, ["a", "b"], (1, 5), missing="listwise").set_index("item")
    assert old.loc["b", "mean"] == pytest.approx(5.0)
    # the default is "raise": nothing is dropped without a word
    with pytest.raises(ValueError, match="missing values .*'a': 1 row"):
        S.item_summary(d, ["a", "b"], (1, 5))
    with pytest.raises(ValueError, match="missing must be one of"):
        S.item_summary(d, ["a", "b"], (1, 5), missing="impute")


def test_likert_distribution_shares_sum_to_one(survey):
    dist = S.likert_distribution(survey, ACSI_ITEMS, (1, 10), missing="available")
    assert set(dist["response"]) == set(range(1, 11))
    sums = dist.groupby("item")["share"].sum()
    assert np.allclose(sums, 1.0)
    counts = dist.groupby("item")["count"].sum()
    assert counts["CUSA1"] == survey["CUSA1"].notna().sum()


def test_ratings_outside_scale_are_refused():
    d = _ratings()
    d.loc[3, "q2"] = 11
    with pytest.raises(ValueError, match=r"'q2' has 1 answer\(s\) outside the 1-10 scale: \[11.0\]"):
        S.item_summary(d, ["q1", "q2"])
    with pytest.raises(ValueError, match="outside the 1-10 scale"):
        S.satisfaction_index(d, ["q1", "q2"], n_boot=0)
    with pytest.raises(ValueError, match="outside the 1-5 scale"):
        S.reverse_code(d, ["q1"], (1, 5))


def test_unknown_and_non_numeric_items():
    d = _ratings()
    with pytest.raises(ValueError, match=r"no column\(s\) \['q9'\]"):
        S.satisfaction_index(d, ["q1", "q9"], n_boot=0)
    with pytest.raises(ValueError, match="more than once"):
        S.item_summary(d, ["q1", "q1"])
    with pytest.raises(ValueError, match="empty"):
        S.item_summary(d, [])
    bad = d.assign(q3=["high"] * len(d))
    with pytest.raises(TypeError, match="'q3' .* must be numeric"):
        S.item_summary(bad, ["q3"])


# ------------------------------------------------------------- the index


def test_acsi_rescale_published_formula():
    # Fornell et al. (1996): index = (x - 1) / 9 x 100 on the 1-10 items
    assert S.acsi_rescale([1, 10, 7.75]).tolist() == pytest.approx([0.0, 100.0, 75.0])
    assert float(S.acsi_rescale(3, (1, 5))) == pytest.approx(50.0)


def test_index_by_formula_and_contributions():
    d = pd.DataFrame({"s1": [10.0, 7.0, 4.0], "s2": [10.0, 10.0, 1.0]})
    d = d.assign(s2=[10.0, 4.0, 1.0])
    res = S.satisfaction_index(d, ["s1", "s2"], {"s1": 25, "s2": 75}, n_boot=0)
    # means 7 and 5 -> 66.67 and 44.44 on 0-100, weighted 25:75
    assert res.params["all"] == pytest.approx(0.25 * 600 / 9 + 0.75 * 400 / 9)
    assert res.items["contribution"].sum() == pytest.approx(res.params["all"])
    assert res.weights.sum() == pytest.approx(100.0)
    assert np.isnan(res.table["ci_low"]).all()
    assert list(res.summary().columns) == ["estimate", "se", "ci_low", "ci_high", "n"]
    assert res.summary()["se"].isna().all()


def test_index_weights_must_sum_to_100():
    d = _ratings()
    with pytest.raises(ValueError, match="must sum to 100, got 1.5 .*normalize=True"):
        S.satisfaction_index(d, ["q1", "q2"], [1.0, 0.5], n_boot=0)
    a = S.satisfaction_index(d, ["q1", "q2"], [1.0, 0.5], normalize=True, n_boot=0)
    b = S.satisfaction_index(d, ["q1", "q2"], [200 / 3, 100 / 3], n_boot=0)
    assert a.params["all"] == pytest.approx(b.params["all"])
    assert a.weights.tolist() == pytest.approx([200 / 3, 100 / 3])
    with pytest.raises(ValueError, match="2 weight"):
        S.satisfaction_index(d, ["q1", "q2", "q3"], [50, 50], n_boot=0)
    with pytest.raises(ValueError, match=r"unknown item\(s\) \['q7'\]"):
        S.satisfaction_index(d, ["q1", "q2"], {"q1": 50, "q7": 50}, n_boot=0)
    with pytest.raises(ValueError, match="non-negative"):
        S.satisfaction_index(d, ["q1", "q2"], [150, -50], n_boot=0)
    with pytest.raises(ValueError, match="pls_item_weights"):
        S.satisfaction_index(d, ["q1", "q2"], "pls", n_boot=0)


def test_index_missing_policies():
    d = pd.DataFrame({"a": [10.0, 1.0, np.nan], "b": [10.0, 10.0, 1.0]})
    avail = S.satisfaction_index(d, ["a", "b"], n_boot=0, missing="available").params["all"]
    assert avail == pytest.approx(0.5 * 50 + 0.5 * 100 * 2 / 3)
    dropped = S.satisfaction_index(d, ["a", "b"], n_boot=0, missing="drop")
    assert dropped.params["all"] == pytest.approx(0.5 * 50 + 0.5 * 100)
    assert dropped.table["n"].iloc[0] == 2
    with pytest.raises(ValueError, match="missing values"):
        S.satisfaction_index(d, ["a", "b"], n_boot=0)


def test_index_by_segment_bootstrap_seeded(survey):
    a = S.satisfaction_index(survey, ACSI_ITEMS, by="company", n_boot=300, seed=7,
                             missing="available")
    b = S.satisfaction_index(survey, ACSI_ITEMS, by="company", n_boot=300, seed=7,
                             missing="available")
    pd.testing.assert_frame_equal(a.table, b.table)
    assert list(a.table["segment"]) == ["Jade Mobile", "Lotus Telecom", "Orchid Net"]
    t = a.table
    assert ((t["ci_low"] < t["index"]) & (t["index"] < t["ci_high"])).all()
    assert (t["se"] > 0).all()
    # the generator gives Orchid Net the lowest image and quality
    assert a.params.idxmin() == "Orchid Net"
    for seg in t["segment"]:
        sub = survey[survey["company"] == seg]
        alone = S.satisfaction_index(sub, ACSI_ITEMS, n_boot=0, missing="available").params["all"]
        assert alone == pytest.approx(a.params[seg])
    assert "Satisfaction index" in repr(a) and "<table" in a._repr_html_()
    # summary / conf_int at another level come from the same bootstrap draws
    s90 = a.summary(ci=0.90)
    assert (s90["ci_low"] >= t.set_index("segment")["ci_low"]).all()
    assert (s90["ci_high"] <= t.set_index("segment")["ci_high"]).all()
    pd.testing.assert_frame_equal(a.conf_int(alpha=0.10), s90[["ci_low", "ci_high"]])
    assert a.level == 0.95
    with pytest.warns(FutureWarning, match="IndexResult.ci is deprecated"):
        assert a.ci == 0.95


@given(
    st.lists(st.lists(st.integers(1, 10), min_size=3, max_size=3), min_size=2, max_size=25),
    st.lists(st.floats(0.01, 5.0), min_size=3, max_size=3),
)
@settings(max_examples=40, deadline=None)
def test_index_always_between_0_and_100(rows, weights):
    d = pd.DataFrame(rows, columns=["a", "b", "c"]).astype(float)
    res = S.satisfaction_index(d, ["a", "b", "c"], weights, normalize=True, n_boot=20, seed=1)
    t = res.table.iloc[0]
    eps = 1e-9                                       # floating-point rounding of the weighted sum
    assert -eps <= t["index"] <= 100 + eps
    assert -eps <= t["ci_low"] <= t["ci_high"] <= 100 + eps
    assert res.weights.sum() == pytest.approx(100.0)


def test_pls_item_weights_match_smartpls_on_mobi():
    from cvlib.pls import ECSI_PATHS, MOBI_BLOCKS, estimate

    mobi = fetch_mobi()
    res = estimate(mobi, paths=ECSI_PATHS, blocks=MOBI_BLOCKS, scheme="path")
    w = S.pls_item_weights(res, "Satisfaction")
    ref = np.array([0.3649, 0.3832, 0.4510])   # SmartPLS 2.0.M3, via semPLS's tests
    assert w.to_numpy() == pytest.approx(100 * ref / ref.sum(), abs=2e-2)
    raw = S.pls_item_weights(res, "Satisfaction", data=mobi)
    sd = mobi[ACSI_ITEMS].std(ddof=1).to_numpy()
    assert raw.to_numpy() == pytest.approx(100 * (ref / sd) / (ref / sd).sum(), abs=2e-2)
    idx = S.satisfaction_index(mobi, ACSI_ITEMS, raw, n_boot=0).params["all"]
    assert 0 < idx < 100
    with pytest.raises(ValueError, match="no block 'Delight'"):
        S.pls_item_weights(res, "Delight")
    with pytest.raises(TypeError, match="cvlib.pls estimate"):
        S.pls_item_weights(object(), "Satisfaction")


# ------------------------------------------------- satisfaction -> loyalty


def _linear(n=300, p=3, seed=0, rho=0.0):
    rng = np.random.default_rng(seed)
    cov = np.full((p, p), rho) + np.eye(p) * (1 - rho)
    x = rng.multivariate_normal(np.zeros(p), cov, size=n)
    y = x @ np.linspace(1.0, 0.2, p) + rng.standard_normal(n)
    d = pd.DataFrame(x, columns=[f"x{i + 1}" for i in range(p)])
    d["y"] = y
    return d


def _r2(d, y, xs):
    X = np.column_stack([np.ones(len(d))] + [d[c] for c in xs])
    beta, *_ = np.linalg.lstsq(X, d[y], rcond=None)
    resid = d[y] - X @ beta
    return 1 - resid.var() / d[y].var()


def test_shapley_two_drivers_closed_form():
    # with two drivers, phi_1 = (r1^2 + R2 - r2^2) / 2  (average over the two orders of entry)
    d = _linear(p=2, rho=0.5)
    sh = S.shapley_r2(d, "y", ["x1", "x2"])
    full = _r2(d, "y", ["x1", "x2"])
    r1, r2 = _r2(d, "y", ["x1"]), _r2(d, "y", ["x2"])
    assert sh["x1"] == pytest.approx((r1 + full - r2) / 2)
    assert sh["x2"] == pytest.approx((r2 + full - r1) / 2)


def test_three_driver_shapley_by_orders():
    # brute force over the 3! = 6 orders of entry, with R2 from numpy least squares
    from itertools import permutations

    d = _linear(p=3, rho=0.4, seed=3)
    xs = ["x1", "x2", "x3"]
    gain = dict.fromkeys(xs, 0.0)
    for order in permutations(xs):
        for k, x in enumerate(order):
            before = _r2(d, "y", list(order[:k])) if k else 0.0
            gain[x] += (_r2(d, "y", list(order[: k + 1])) - before) / 6
    sh = S.shapley_r2(d, "y", xs)
    assert sh.to_numpy() == pytest.approx([gain[x] for x in xs])


def test_uncorrelated_drivers_get_their_squared_correlation():
    rng = np.random.default_rng(1)
    q, _ = np.linalg.qr(rng.standard_normal((200, 3)))
    d = pd.DataFrame(q - q.mean(axis=0), columns=["a", "b", "c"])
    d["y"] = d["a"] * 2 + d["b"] + rng.standard_normal(200) * 0.01
    # exact orthogonality after centring: re-orthogonalise the centred columns
    cq, _ = np.linalg.qr(d[["a", "b", "c"]].to_numpy())
    d[["a", "b", "c"]] = cq
    r2 = d.corr()["y"][["a", "b", "c"]] ** 2
    assert S.shapley_r2(d, "y", ["a", "b", "c"]).to_numpy() == pytest.approx(r2.to_numpy(), abs=1e-9)
    assert S.relative_weights(d, "y", ["a", "b", "c"]).to_numpy() == pytest.approx(r2.to_numpy(), abs=1e-9)


@given(st.integers(2, 6), st.floats(-0.15, 0.8), st.integers(0, 10_000))
@settings(max_examples=25, deadline=None)
def test_shapley_and_relative_weights_sum_to_r2(p, rho, seed):
    d = _linear(n=120, p=p, seed=seed, rho=rho)
    xs = [f"x{i + 1}" for i in range(p)]
    full = _r2(d, "y", xs)
    sh = S.shapley_r2(d, "y", xs)
    rw = S.relative_weights(d, "y", xs)
    assert sh.sum() == pytest.approx(full, abs=1e-10)
    assert rw.sum() == pytest.approx(full, abs=1e-10)
    assert (rw >= -1e-12).all()


def test_key_drivers_table(attributes):
    xs = [c for c in attributes.columns if c.startswith("perf_")]
    kd = S.key_drivers(attributes, "overall", xs, missing="drop")
    t = kd.table
    assert t["shapley"].sum() == pytest.approx(kd.r_squared)
    assert t["importance"].sum() == pytest.approx(1.0)       # shares 0-1 of R-squared
    assert t["importance"].between(0, 1).all()
    assert kd.summary().equals(t) and "Key drivers of overall" in repr(kd)
    assert list(t["rank"]) == list(range(1, 9))
    assert t["shapley"].is_monotonic_decreasing
    assert kd.nobs == len(attributes[xs + ["overall"]].dropna())
    # the indifferent attribute (stores) has no effect in the generator
    assert t.iloc[-1]["driver"] == "perf_stores"


def test_drivers_by_level_what_matters_changes(attributes):
    xs = [c for c in attributes.columns if c.startswith("perf_")]
    t = S.drivers_by_level(attributes, "overall", xs, missing="drop")
    assert list(t["level"].cat.categories) == ["dissatisfied", "neutral", "satisfied"]
    top = t[t["rank"] <= 2].groupby("level", observed=True)["driver"].apply(set)
    # must-be attributes drive dissatisfaction, attractive ones drive delight (the generator's design)
    assert top["dissatisfied"] <= {"perf_coverage", "perf_billing"}
    assert top["satisfied"] <= {"perf_app", "perf_roaming"}
    for _, g in t.groupby("level", observed=True):
        assert g["importance"].sum() == pytest.approx(1.0)
    with pytest.raises(ValueError, match="dissatisfied respondent"):
        S.drivers_by_level(attributes, "overall", xs, cuts=(1, 7), missing="drop")
    with pytest.raises(ValueError, match="two increasing thresholds"):
        S.drivers_by_level(attributes, "overall", xs, cuts=(7, 4), missing="drop")


def test_driver_bad_input():
    d = _linear()
    with pytest.raises(ValueError, match="also listed among the drivers"):
        S.key_drivers(d, "y", ["x1", "y"])
    with pytest.raises(ValueError, match="constant"):
        S.key_drivers(d.assign(x3=1.0), "y", ["x1", "x3"])
    with pytest.raises(ValueError, match="collinear"):
        S.key_drivers(d.assign(x3=2 * d["x1"]), "y", ["x1", "x3"])
    with pytest.raises(ValueError, match="too many"):
        S.shapley_r2(d, "y", [f"x{i}" for i in range(16)])
    with pytest.raises(ValueError, match="missing values"):
        S.key_drivers(d.assign(x1=np.where(d.index == 0, np.nan, d["x1"])), "y", ["x1"],
                      missing="raise")


def test_loyalty_ols_hc3_and_standardised_beta(survey):
    m = S.loyalty_regression(survey, "CUSL1", ["CUSA1"], missing="drop")
    d = survey[["CUSL1", "CUSA1"]].dropna()
    # with one predictor the standardised coefficient is the correlation
    assert m.std_params["CUSA1"] == pytest.approx(d.corr().iloc[0, 1])
    assert m.nobs == len(d)
    assert m.fit.cov_type == "HC3"
    s = m.summary()
    assert list(s.columns[:5]) == ["estimate", "se", "ci_low", "ci_high", "p_value"]
    assert "beta" in s.columns
    assert (s["ci_low"] < s["estimate"]).all() and (s["estimate"] < s["ci_high"]).all()
    # the interval is statsmodels' own (t distribution, HC3 errors), at any level
    pd.testing.assert_frame_equal(m.conf_int(alpha=0.1),
                                  m.fit.conf_int(0.1).set_axis(["ci_low", "ci_high"], axis=1),
                                  check_names=False)
    assert 0 < m.rsquared < 1 and np.isfinite(m.aic) and "HC3" in repr(m)
    assert m.llf == m.loglik == pytest.approx(m.fit.llf)
    pd.testing.assert_frame_equal(m.data, d)


def test_loyalty_ordered_model(attributes):
    m = S.loyalty_regression(attributes, "stay", ["overall"], kind="ordered", missing="drop")
    assert m.kind == "ordered"
    assert m.params["overall"] > 0                    # more satisfied, more likely to stay
    assert len(m.params) == 1 + 4                     # slope + 4 thresholds of a 5-level item
    assert 0 < m.rsquared < 1


def test_loyalty_bad_input(survey):
    with pytest.raises(ValueError, match="kind must be"):
        S.loyalty_regression(survey, "CUSL1", ["CUSA1"], kind="logit")
    with pytest.raises(ValueError, match="also listed"):
        S.loyalty_regression(survey, "CUSL1", ["CUSL1"])
    with pytest.raises(ValueError, match="no column"):
        S.loyalty_regression(survey, "loyalty", ["CUSA1"])
    with pytest.raises(ValueError, match="missing values"):
        S.loyalty_regression(survey, "CUSL1", ["CUSA1"])
    with pytest.raises(ValueError, match="at least 3 levels"):
        S.loyalty_regression(survey.assign(y=(survey["CUSL1"] > 6).astype(float)), "y", ["CUSA1"],
                             kind="ordered", missing="drop")


# ------------------------------------------------------------------- IPA


def _ipa_table():
    return pd.DataFrame({"attribute": ["a", "b", "c", "d"],
                         "importance": [9.0, 9.0, 5.0, 5.0],
                         "performance": [4.0, 8.0, 4.0, 8.0]})


def test_ipa_quadrants_martilla_james():
    r = S.ipa(_ipa_table())
    assert r.importance_cut == 7.0 and r.performance_cut == 6.0
    assert r.table["quadrant"].tolist() == ["Concentrate here", "Keep up the good work",
                                            "Low priority", "Possible overkill"]
    assert r.quadrant("a") == "Concentrate here"
    with pytest.raises(KeyError, match="no attribute 'z'"):
        r.quadrant("z")


def test_ipa_movable_cut_lines():
    t = _ipa_table()
    assert S.ipa(t, performance_cut=3.0).quadrant("a") == "Keep up the good work"
    mid = S.ipa(t, importance_cut="midpoint", performance_cut="midpoint", scale=(1, 10))
    assert (mid.importance_cut, mid.performance_cut) == (5.5, 5.5)
    assert mid.quadrant("c") == "Low priority"
    assert S.ipa(t, importance_cut="median").importance_cut == 7.0
    # a value on the cut-line counts as high
    assert S.ipa(t, importance_cut=9.0).quadrant("b") == "Keep up the good work"


def test_ipa_bad_input():
    t = _ipa_table()
    with pytest.raises(ValueError, match="needs the rating scale"):
        S.ipa(t, importance_cut="midpoint")
    with pytest.raises(ValueError, match="'mean', 'median', 'midpoint' or a number"):
        S.ipa(t, importance_cut="mode")
    with pytest.raises(ValueError, match="more than once"):
        S.ipa(pd.concat([t, t.iloc[:1]]))
    with pytest.raises(ValueError, match="no column"):
        S.ipa(t, importance="weight")
    with pytest.raises(ValueError, match="missing values"):
        S.ipa(t.assign(importance=[9.0, np.nan, 5.0, 5.0]))


# ------------------------------------------------------------------ Kano


def test_kano_evaluation_table_berger_1993():
    # Berger et al. (1993), table 1: rows functional, columns dysfunctional
    cases = {("like", "dislike"): "O", ("like", "neutral"): "A", ("like", "must-be"): "A",
             ("like", "live-with"): "A", ("must-be", "dislike"): "M", ("neutral", "dislike"): "M",
             ("live-with", "dislike"): "M", ("neutral", "neutral"): "I",
             ("must-be", "live-with"): "I", ("dislike", "like"): "R", ("neutral", "like"): "R",
             ("like", "like"): "Q", ("dislike", "dislike"): "Q", ("dislike", "neutral"): "R"}
    f, d = zip(*cases, strict=True)
    assert S.kano_classify(list(f), list(d)).tolist() == list(cases.values())
    # numeric codes 1 like ... 5 dislike and other spellings
    assert S.kano_classify([1, "I like it", "Must be"], [5, "i can live with it", "dislike"]).tolist() == ["O", "A", "M"]


def test_kano_coefficients_formula():
    # A=3, O=2, M=4, I=1 (+1 R, +1 Q): CS+ = 5/10, CS- = -6/10 (Berger et al. 1993)
    pairs = ([("like", "neutral")] * 3 + [("like", "dislike")] * 2 + [("neutral", "dislike")] * 4
             + [("neutral", "neutral")] + [("dislike", "like")] + [("like", "like")])
    d = pd.DataFrame({"feature": "x", "functional": [p[0] for p in pairs],
                      "dysfunctional": [p[1] for p in pairs]})
    t = S.kano_table(d).iloc[0]
    assert (t["A"], t["O"], t["M"], t["I"], t["R"], t["Q"], t["n"]) == (3, 2, 4, 1, 1, 1, 12)
    assert t["better"] == pytest.approx(0.5) and t["worse"] == pytest.approx(-0.6)
    assert t["category"] == "M" and t["category_name"] == "must-be"


def test_kano_ties_go_to_must_be_first():
    pairs = [("like", "neutral"), ("neutral", "dislike")]
    d = pd.DataFrame({"feature": "x", "functional": [p[0] for p in pairs],
                      "dysfunctional": [p[1] for p in pairs]})
    assert S.kano_table(d).iloc[0]["category"] == "M"


_answer = st.sampled_from(["like", "must-be", "neutral", "live-with", "dislike"])


@given(st.lists(st.tuples(_answer, _answer), min_size=1, max_size=40))
@settings(max_examples=40, deadline=None)
def test_kano_coefficients_in_range(pairs):
    d = pd.DataFrame({"feature": "f", "functional": [p[0] for p in pairs],
                      "dysfunctional": [p[1] for p in pairs]})
    t = S.kano_table(d).iloc[0]
    assert t[["A", "O", "M", "I", "R", "Q"]].sum() == len(pairs)
    if np.isnan(t["better"]):
        assert t["A"] + t["O"] + t["M"] + t["I"] == 0
    else:
        assert 0 <= t["better"] <= 1 and -1 <= t["worse"] <= 0


def test_kano_unknown_and_missing_answers():
    with pytest.raises(ValueError, match="not Kano answers: \\['love'\\]; expected 1-5"):
        S.kano_classify(["love"], ["dislike"])
    with pytest.raises(ValueError, match="not Kano answers"):
        S.kano_classify([6], [1])
    with pytest.raises(ValueError, match="missing answer"):
        S.kano_classify([None], ["dislike"])
    with pytest.raises(ValueError, match="3 answers but dysfunctional has 1"):
        S.kano_classify(["like"] * 3, ["dislike"])
    d = pd.DataFrame({"feature": ["x", "x"], "functional": ["like", None],
                      "dysfunctional": ["dislike", "dislike"]})
    assert S.kano_table(d, missing="drop").iloc[0]["n"] == 1      # "drop" leaves out the pair
    with pytest.raises(ValueError, match="missing values"):
        S.kano_table(d)                                          # the default is "raise"


def test_kano_survey_recovers_its_design():
    from cvlib.synthetic.satisfaction import KANO_FEATURES

    t = S.kano_table(load_kano_survey(), missing="drop").set_index("feature")
    for feature, cat, _p in KANO_FEATURES:
        assert t.loc[feature, "category"] == cat


# ------------------------------------------------------------------- NPS


def test_nps_and_standard_error_formula():
    # 5 promoters, 3 passives, 2 detractors of 10: NPS 30,
    # SE = sqrt((0.5 + 0.2 - 0.3^2) / 10) x 100 (issue 4's formula)
    answers = [10, 9, 9, 10, 9, 7, 8, 8, 6, 0]
    t = S.nps(pd.Series(answers)).iloc[0]
    assert t["nps"] == pytest.approx(30.0)
    assert t["se"] == pytest.approx(np.sqrt((0.7 - 0.09) / 10) * 100)
    assert (t["promoters"], t["passives"], t["detractors"]) == pytest.approx((0.5, 0.3, 0.2))
    assert t["ci_low"] == pytest.approx(30 - 1.959964 * t["se"], abs=1e-4)


@given(st.lists(st.integers(0, 10), min_size=1, max_size=60))
@settings(max_examples=50, deadline=None)
def test_nps_in_range(answers):
    t = S.nps(np.array(answers)).iloc[0]
    assert -100 <= t["nps"] <= 100 and t["se"] >= 0
    assert t["promoters"] + t["passives"] + t["detractors"] == pytest.approx(1.0)


def test_nps_by_segment_and_bad_input(survey):
    t = S.nps(survey, "recommend", by="company", missing="drop")
    assert list(t["segment"]) == ["Jade Mobile", "Lotus Telecom", "Orchid Net"]
    assert t["n"].sum() == survey["recommend"].notna().sum()
    with pytest.raises(ValueError, match="outside the 0-10 scale"):
        S.nps(pd.Series([9, 11]))
    with pytest.raises(ValueError, match="not whole numbers"):
        S.nps(pd.Series([9, 7.5]))
    with pytest.raises(ValueError, match="missing values"):
        S.nps(survey, "recommend")
    with pytest.raises(ValueError, match="no column"):
        S.nps(survey, "nps_question")


# ------------------------------------------------------- synthetic surveys


def test_acsi_survey_design(survey):
    assert len(survey) >= 800
    assert list(survey["company"].cat.categories) == ["Jade Mobile", "Lotus Telecom", "Orchid Net"]
    items = [c for c in survey.columns if c[:4] in ("IMAG", "CUEX", "PERQ", "PERV", "CUSA", "CUSC", "CUSL")]
    S.check_ratings(survey, items, (1, 10), integer=True)
    S.check_ratings(survey, ["recommend"], (0, 10), integer=True)
    assert survey[items].isna().any().all()                      # some missing answers everywhere
    assert 0.04 < survey["CUSCO"].isna().mean() < 0.15


def test_acsi_survey_pls_recovers_the_signs_and_order():
    from cvlib.pls import ECSI_PATHS, estimate
    from cvlib.synthetic.satisfaction import ACSI_SURVEY_BLOCKS, ACSI_SURVEY_TRUE_PATHS

    d = S.reverse_code(load_acsi_survey(), ["IMAG4"], (1, 10))
    res = estimate(d, paths=ECSI_PATHS, blocks=ACSI_SURVEY_BLOCKS, missing="drop")
    est = res.paths.set_index(["source", "target"])["estimate"]
    true = pd.Series(ACSI_SURVEY_TRUE_PATHS)
    est = est.reindex(true.index)
    assert (est > 0).all()
    assert np.corrcoef(est, true)[0, 1] > 0.9
    assert (est - true).abs().max() < 0.15


# ------------------------------------------------------ plots and widgets


def _bar_widths(ax):
    return [round(p.get_width(), 9) for p in ax.patches]


def test_plots_draw_what_the_results_say(survey, attributes):
    from cvlib.plots import satisfaction as P

    # Likert bars: one bar per item and category, each as wide as its share
    dist = S.likert_distribution(pd.DataFrame({"q": [1, 2, 2, 5]}), ["q"], (1, 5))
    ax = P.plot_likert(dist)
    assert _bar_widths(ax) == [0.25, 0.5, 0.0, 0.0, 0.25]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["q"]
    # the diverging bars start left of zero: below-middle answers plus half the middle
    assert ax.patches[0].get_x() == pytest.approx(-(0.25 + 0.5 + 0.0 / 2))
    # IPA: points where the table puts them, cut-lines at the cuts
    res = S.ipa(_ipa_table())
    ax = P.plot_ipa(res)
    pts = np.vstack([c.get_offsets() for c in ax.collections if len(c.get_offsets())])
    assert sorted(map(tuple, pts.tolist())) == sorted(
        zip(res.table["performance"], res.table["importance"], strict=True))
    assert ax.get_xlabel() == "performance" and ax.get_ylabel() == "importance"
    drawn = [ln for ln in ax.lines if len(ln.get_xdata()) == 2]
    vertical = [ln.get_xdata()[0] for ln in drawn if ln.get_xdata()[0] == ln.get_xdata()[1]]
    horizontal = [ln.get_ydata()[0] for ln in drawn if ln.get_ydata()[0] == ln.get_ydata()[1]]
    assert vertical == [res.performance_cut] and horizontal == [res.importance_cut]
    # satisfaction index: one bar per segment, as long as the index
    idx = S.satisfaction_index(survey, ACSI_ITEMS, by="company", n_boot=50, seed=0,
                               missing="available")
    ax = P.plot_satisfaction_index(idx, color="C3")
    assert _bar_widths(ax) == pytest.approx(idx.table["index"].tolist())
    assert [t.get_text() for t in ax.get_yticklabels()] == idx.table["segment"].tolist()
    assert matplotlib.colors.same_color(ax.patches[0].get_facecolor()[:3], "C3")
    # NPS: stacked shares in percent, detractors first
    t = S.nps(pd.Series([10, 9, 8, 3]))
    ax = P.plot_nps(t)
    assert _bar_widths(ax) == [25.0, 25.0, 50.0]
    assert [text.get_text() for text in ax.texts] == ["NPS +25.0 (SE 41.5)"]
    # key drivers: bars are the shares of R-squared
    kd = S.key_drivers(attributes, "overall", ["perf_price", "perf_app"], missing="drop")
    ax = P.plot_key_drivers(kd)
    assert sorted(_bar_widths(ax)) == pytest.approx(sorted(kd.table["importance"]))
    # by level: every level's bars are dark enough to read on white (no pale yellow middle)
    from matplotlib.colors import to_rgb

    by_level = S.drivers_by_level(attributes, "overall", ["perf_price", "perf_app"], cuts=(4, 7),
                                  missing="drop")
    ax = P.plot_key_drivers(by_level)
    colours = {to_rgb(p.get_facecolor()) for p in ax.patches if p.get_width() > 0}
    assert len(colours) == 3
    luminance = [0.2126 * r + 0.7152 * g + 0.0722 * b for r, g, b in colours]
    assert max(luminance) < 0.6
    # Kano: one point per feature at (|worse|, better)
    kt = S.kano_table(load_kano_survey(), missing="drop")
    ax = P.plot_kano(kt, s=30)
    pts = np.vstack([c.get_offsets() for c in ax.collections if len(c.get_offsets())])
    assert sorted(map(tuple, np.round(pts, 9).tolist())) == sorted(
        zip(np.round(-kt["worse"], 9), np.round(kt["better"], 9), strict=True))
    # the gap: one bar per attribute, as long as perception - expectation
    gap = S.satisfaction_gap(S.GAP_EXAMPLE, weights="importance", layer="layer")
    ax = P.plot_satisfaction_gap(gap)
    assert _bar_widths(ax) == pytest.approx(gap.table["gap"].tolist())
    plt.close("all")
    with pytest.raises(ValueError, match="likert_distribution"):
        P.plot_likert(pd.DataFrame({"x": [1]}))


def test_plot_signature_and_old_names(survey):
    import inspect

    from cvlib.plots import satisfaction as P

    for name in ["plot_likert", "plot_ipa", "plot_kano", "plot_satisfaction_index",
                 "plot_key_drivers", "plot_nps", "plot_satisfaction_gap"]:
        params = inspect.signature(getattr(P, name)).parameters
        assert params["ax"].kind is inspect.Parameter.KEYWORD_ONLY and params["ax"].default is None
        assert any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
    fig, ax = plt.subplots()
    with pytest.warns(FutureWarning, match=r"ipa_chart\(\) is deprecated; use plot_ipa\(\)"):
        assert P.ipa_chart(S.ipa(_ipa_table()), ax=ax) is ax
    with pytest.warns(FutureWarning, match="use plot_nps"):
        P.nps_chart(S.nps(pd.Series([10, 0])))
    plt.close("all")


def test_index_explorer_matches_pure_function(survey):
    from cvlib.widgets.satisfaction import index_explorer

    w = index_explorer(survey, ACSI_ITEMS, by="company", n_boot=50, seed=3, plot=False,
                       missing="available")
    w.controls["w_CUSA1"].value = 50
    w.controls["w_CUSA2"].value = 25
    w.controls["w_CUSA3"].value = 25
    expected = S.satisfaction_index(survey, ACSI_ITEMS, [50, 25, 25], by="company",
                                    n_boot=50, seed=3, normalize=True, missing="available")
    pd.testing.assert_frame_equal(w.result.table, expected.table)
    w.controls["normalize"].value = False
    assert w.error is None                                  # 50 + 25 + 25 = 100
    w.controls["w_CUSA1"].value = 90
    assert w.result is None and "must sum to 100" in w.error
    assert "tick 'rescale the weights to sum to 100'" in w.error   # the control the user sees


def test_index_explorer_starting_weights_sum_to_100(survey):
    from cvlib.widgets.satisfaction import index_explorer

    w = index_explorer(survey, ACSI_ITEMS, by="company", n_boot=20, seed=3, plot=False,
                       missing="available")
    w.controls["normalize"].value = False   # equal starting weights are exactly 100/k
    assert w.error is None and w.result is not None


def test_gap_explorer_matches_pure_function():
    from cvlib.widgets.satisfaction import gap_explorer

    w = gap_explorer(S.GAP_EXAMPLE, weights="importance", layer="layer", scale=(1, 7), plot=False)
    base = S.satisfaction_gap(S.GAP_EXAMPLE, weights="importance", layer="layer")
    assert w.result.overall == pytest.approx(base.overall)
    w.controls["p_network coverage"].value = 6.5          # now meets its expectation exactly
    t = w.result.table.set_index("attribute")
    assert t.loc["network coverage", "gap"] == pytest.approx(0.0, abs=1e-12)
    assert t.loc["network coverage", "outcome"] == "met"
    assert w.result.overall == pytest.approx(base.overall + 0.30 * 0.6)
    w.controls["tol"].value = 0.2                          # call quality (+0.1) now "met" too
    assert w.result.table.set_index("attribute").loc["call quality", "outcome"] == "met"
    with pytest.raises(ValueError, match="outside the 1-7 scale"):
        gap_explorer(S.GAP_EXAMPLE.assign(perception=[5.9, 6.3, 5.7, 8.0, 5.6, 4.1]),
                     plot=False)


def test_ipa_explorer_moves_the_cut_lines():
    from cvlib.widgets.satisfaction import ipa_explorer

    w = ipa_explorer(_ipa_table(), scale=(1, 10), plot=False)
    pd.testing.assert_frame_equal(w.result.table, S.ipa(_ipa_table()).table)
    w.controls["rule"].value = "custom"
    w.controls["performance_cut"].value = 3.5
    assert w.result.quadrant("a") == "Keep up the good work"
    w.controls["rule"].value = "midpoint"
    assert w.result.performance_cut == 5.5


def test_exercises_of_notebook_03():
    from cvlib.exercises import check, registry

    ids = [k for k in registry() if k.startswith("03.")]
    assert len(ids) >= 8
    with pytest.raises(AssertionError):
        check("03.3", ["loyalty points"])


def test_exercise_03_5_image_item_to_drop():
    """The item whose deletion raises alpha most is not the one with the lowest item-total r."""
    from cvlib import pls
    from cvlib.datasets import fetch_mobi
    from cvlib.exercises import check

    items = fetch_mobi()[pls.MOBI_BLOCKS["Image"]]
    t = pls.item_analysis(items)
    best = t["alpha_if_deleted"].idxmax()
    by_hand = {c: pls.cronbach_alpha(items.drop(columns=c)).alpha for c in items.columns}
    assert best == max(by_hand, key=by_hand.get)
    assert check("03.5", best.lower()) is not False
    weakest = t["item_total"].idxmin()
    assert weakest != best
    with pytest.raises(AssertionError, match="item-total"):
        check("03.5", weakest)


def test_exercise_03_3_asks_for_the_attractive_feature():
    """Name, question and check agree with Kano: a delighter is an attractive (A) feature."""
    from cvlib.exercises import check, registry

    kt = S.kano_table(load_kano_survey(), missing="drop")
    attractive = kt[kt["category"] == "A"].sort_values("better", ascending=False)
    # CS+ = (A + O) / (A + O + M + I) by hand (Berger et al. 1993)
    first = attractive.iloc[0]
    assert first["better"] == pytest.approx((first["A"] + first["O"])
                                            / (first[["A", "O", "M", "I"]].sum()))
    top_overall = kt.loc[kt["better"].idxmax()]
    assert top_overall["category"] == "O"
    assert "ATTRACTIVE" in registry()["03.3"].title
    # the two attractive features' CS+ nearly tie: either value is accepted
    for value in attractive["better"].iloc[:2]:
        assert check("03.3", value) is not False
    with pytest.raises(AssertionError, match="one-dimensional"):
        check("03.3", top_overall["better"])
    with pytest.raises(AssertionError, match="not its name"):
        check("03.3", first["feature"])


def test_exercise_03_7_material_gap():
    from cvlib.exercises import check

    t = S.GAP_EXAMPLE[S.GAP_EXAMPLE["layer"] == "material"]
    by_hand = ((t["perception"] - t["expectation"]) * t["importance"]).sum() / t["importance"].sum()
    assert check("03.7", by_hand) is not False
    with pytest.raises(AssertionError, match="sign is reversed"):
        check("03.7", -by_hand)
    with pytest.raises(AssertionError, match="overall gap"):
        check("03.7", S.satisfaction_gap(S.GAP_EXAMPLE, weights="importance").overall)


def test_reverse_items_of_the_scale_are_recoded_in_the_index():
    d = pd.DataFrame({"pos": [10.0, 10.0], "neg": [1.0, 1.0]})
    plain = S.satisfaction_index(d, ["pos", "neg"], n_boot=0).params["all"]
    recoded = S.satisfaction_index(d, ["pos", "neg"], scale=S.Scale(1, 10, reverse=("neg",)),
                                   n_boot=0).params["all"]
    assert plain == pytest.approx(50.0) and recoded == pytest.approx(100.0)


def test_drivers_by_level_splits_on_another_column(attributes):
    xs = ["perf_coverage", "perf_app", "perf_price"]
    t = S.drivers_by_level(attributes, "stay", xs, split_on="overall", missing="drop")
    complete = attributes[xs + ["stay", "overall"]].dropna()
    sizes = t.groupby("level", observed=True)["n"].first()
    assert sizes["dissatisfied"] == (complete["overall"] <= 4).sum()
    assert sizes["satisfied"] == (complete["overall"] > 7).sum()
    assert sizes.sum() == len(complete)
    with pytest.warns(FutureWarning, match="level=...\\) is deprecated; use split_on"):
        old = S.drivers_by_level(attributes, "stay", xs, level="overall", missing="drop")
    pd.testing.assert_frame_equal(old, t)


# ---------------------------------------------- satisfaction as a gap (course 004)


def test_gap_is_perception_minus_expectation_by_hand():
    t = pd.DataFrame({"attribute": ["a", "b", "c"], "expectation": [6.0, 5.0, 4.0],
                      "perception": [5.0, 5.0, 6.0], "w": [50, 30, 20]})
    res = S.satisfaction_gap(t, weights="w")
    assert res.table["gap"].tolist() == [-1.0, 0.0, 2.0]
    assert res.table["outcome"].tolist() == ["not met", "met", "exceeded"]
    assert res.overall == pytest.approx((50 * -1 + 30 * 0 + 20 * 2) / 100)
    equal = S.satisfaction_gap(t)
    assert equal.overall == pytest.approx(1 / 3) and equal.table["weight"].sum() == pytest.approx(100)
    loose = S.satisfaction_gap(t, tol=1.0)
    assert loose.table["outcome"].tolist() == ["met", "met", "exceeded"]
    assert "perception minus expectation" in repr(res)


def test_gap_long_format_averages_respondents_and_layers():
    long = pd.DataFrame({"attribute": ["speed", "speed", "staff", "staff"],
                         "layer": ["material", "material", "mental", "mental"],
                         "expectation": [6, 4, 5, 5], "perception": [4, 4, 6, 7]})
    res = S.satisfaction_gap(long, layer="layer", scale=(1, 7))
    t = res.table.set_index("attribute")
    assert t.loc["speed", "n"] == 2 and t.loc["speed", "gap"] == pytest.approx(4 - 5)
    assert t.loc["staff", "gap"] == pytest.approx(6.5 - 5)
    layers = res.by_layer().set_index("layer")
    assert list(layers.index) == ["material", "mental", "social"]
    assert layers.loc["material", "gap"] == pytest.approx(-1.0)
    assert layers.loc["mental", "chinese"] == "精神满意"
    assert np.isnan(layers.loc["social", "gap"]) and layers.loc["social", "attributes"] == 0


def test_gap_example_layers_add_up_to_the_overall_gap():
    res = S.satisfaction_gap(S.GAP_EXAMPLE, weights="importance", layer="layer", scale=(1, 7))
    layers = res.by_layer()
    # the overall gap is the weight-weighted mean of the layers' gaps (an invariant)
    assert (layers["weight"] * layers["gap"]).sum() / 100 == pytest.approx(res.overall)
    assert layers["weight"].sum() == pytest.approx(100)
    assert list(S.SATISFACTION_LAYERS["chinese"]) == ["物质满意", "精神满意", "社会满意"]


def test_gap_bad_input():
    t = S.GAP_EXAMPLE
    with pytest.raises(ValueError, match="outside the 1-5 scale"):
        S.satisfaction_gap(t, scale=(1, 5))
    with pytest.raises(ValueError, match="must sum to 100, got 90"):
        S.satisfaction_gap(t.assign(importance=[30, 20, 20, 10, 5, 5]), weights="importance")
    assert S.satisfaction_gap(t.assign(importance=[3, 2, 2, 1.5, 1, 0.5]), weights="importance",
                              normalize=True).overall == pytest.approx(
        S.satisfaction_gap(t, weights="importance").overall)
    with pytest.raises(ValueError, match=r"layer\(s\) \['spiritual'\]"):
        S.satisfaction_gap(t.assign(layer=["spiritual"] + list(t["layer"][1:])), layer="layer")
    with pytest.raises(ValueError, match="missing values"):
        S.satisfaction_gap(t.assign(perception=[np.nan] + list(t["perception"][1:])))
    with pytest.raises(ValueError, match=r"no column\(s\) \['expected'\]"):
        S.satisfaction_gap(t, expectation="expected")
    with pytest.raises(ValueError, match="tol must be zero or positive"):
        S.satisfaction_gap(t, tol=-0.1)
    with pytest.raises(ValueError, match="no weight for"):
        S.satisfaction_gap(t, weights={"network coverage": 100})
    before = t.copy()
    S.satisfaction_gap(t, weights="importance", layer="layer")
    pd.testing.assert_frame_equal(t, before)                  # input not modified


# ------------------------------------------- one group order for every table


def test_filtered_categorical_segments_in_index_nps_and_kano():
    """A filtered categorical keeps unused categories; index, NPS and Kano all skip them."""
    d = pd.DataFrame({"seg": pd.Categorical(["b", "a", "b", "a"], categories=["c", "b", "a"]),
                      "q": [9.0, 7.0, 10.0, 3.0], "recommend": [9, 7, 10, 3]})
    idx = S.satisfaction_index(d, ["q"], by="seg", n_boot=0)
    assert idx.table["segment"].tolist() == ["b", "a"]
    t = S.nps(d, "recommend", by="seg")                     # used to raise "segment 'c' ..."
    assert t["segment"].tolist() == ["b", "a"]
    assert t["nps"].tolist() == [100.0, -50.0]
    k = pd.DataFrame({"feature": pd.Categorical(["y", "x"], categories=["z", "y", "x"]),
                      "functional": ["like", "like"], "dysfunctional": ["neutral", "dislike"]})
    assert S.kano_table(k)["feature"].tolist() == ["y", "x"]
    with pytest.raises(ValueError, match="column 'seg' has 1 missing segment label"):
        S.nps(d.assign(seg=pd.Categorical(["b", None, "b", "a"])), "recommend", by="seg")


# ---------------------------------------------- no silent wrong answers (issue 11)


def test_likert_distribution_refuses_half_points():
    d = pd.DataFrame({"q": [1, 2.5, 3]})
    with pytest.raises(ValueError, match=r"'q' has 1 answer\(s\) that are not whole numbers: \[2.5\]"):
        S.likert_distribution(d, ["q"], (1, 5))
    with pytest.raises(ValueError, match="fewer than 1 answer"):
        S.likert_distribution(pd.DataFrame({"q": [np.nan, np.nan]}), ["q"], (1, 5),
                              missing="available")


def test_item_summary_refuses_items_without_enough_answers():
    d = pd.DataFrame({"a": [1.0, np.nan, np.nan], "b": [1.0, 2.0, 3.0]})
    with pytest.raises(ValueError, match=r"'a' \(1\) have fewer than 2 answer"):
        S.item_summary(d, ["a", "b"], (1, 5), missing="available")
    # a constant item is fine: its sd is 0, not NaN
    const = S.item_summary(pd.DataFrame({"c": [3.0, 3.0, 3.0]}), ["c"], (1, 5))
    assert const["sd"].iloc[0] == 0.0 and const["mean_0_100"].iloc[0] == 50.0


def test_acsi_rescale_refuses_values_outside_the_scale():
    with pytest.raises(ValueError, match=r"1-10 scale, got 1 outside it: \[11.0\]"):
        S.acsi_rescale(11)
    with pytest.raises(ValueError, match="outside it"):
        S.acsi_rescale([0, 5], (1, 10))
    with pytest.raises(ValueError, match="0-10 scale"):
        S.acsi_rescale(-1, (0, 10))
    assert np.isnan(S.acsi_rescale(np.nan))
    with pytest.raises(TypeError, match="must be numbers"):
        S.acsi_rescale("ten")


def test_loyalty_regression_refuses_a_constant_outcome():
    d = pd.DataFrame({"sat": [1.0, 2, 3, 4, 5, 6], "stay": [4.0] * 6})
    with pytest.raises(ValueError, match="outcome 'stay' is constant .* R-squared is undefined"):
        S.loyalty_regression(d, "stay", ["sat"])
    with pytest.raises(ValueError, match="constant"):
        S.key_drivers(d.assign(x=[1.0, 3, 2, 5, 4, 6]), "stay", ["sat", "x"])


def test_pls_item_weights_refuses_constant_items():
    from cvlib.pls import ECSI_PATHS, MOBI_BLOCKS, estimate

    mobi = fetch_mobi()
    res = estimate(mobi, paths=ECSI_PATHS, blocks=MOBI_BLOCKS)
    with pytest.raises(ValueError, match=r"item\(s\) \['CUSA1'\] are constant"):
        S.pls_item_weights(res, "Satisfaction", data=mobi.assign(CUSA1=5.0))
    # an unstandardised model's weights already apply to the raw items
    raw_model = estimate(mobi, paths=ECSI_PATHS, blocks=MOBI_BLOCKS, standardized=False)
    w = S.pls_item_weights(raw_model, "Satisfaction", data=mobi.assign(CUSA1=5.0))
    assert w.sum() == pytest.approx(100.0)


def test_index_vocabulary_errors():
    d = _ratings()
    with pytest.raises(ValueError, match=r"give 0.95, not 95"):
        S.satisfaction_index(d, ["q1"], ci=95)
    with pytest.raises(TypeError, match="n_boot must be a whole number"):
        S.satisfaction_index(d, ["q1"], n_boot=2.5)
    with pytest.raises(ValueError, match="n_boot must be at least 0"):
        S.satisfaction_index(d, ["q1"], n_boot=-1)
    with pytest.raises(TypeError, match="seed must be None"):
        S.satisfaction_index(d, ["q1"], seed="abc")
    with pytest.raises(ValueError, match="missing must be one of 'raise', 'drop'"):
        S.nps(pd.Series([9, 10]), missing="available")
    a = S.satisfaction_index(d, ["q1"], n_boot=50, seed=np.random.default_rng(4))
    b = S.satisfaction_index(d, ["q1"], n_boot=50, seed=4)
    pd.testing.assert_frame_equal(a.table, b.table)       # a Generator and its seed agree


def test_nps_shares_are_exact_fractions():
    t = S.nps(pd.Series([10, 9, 6])).iloc[0]
    assert t["passives"] == 0.0                               # not -5.6e-17
    t = S.nps(pd.Series([9, 7, 8, 0, 10, 3, 7])).iloc[0]
    assert t["passives"] == 3 / 7


def test_ipa_refuses_values_outside_the_declared_scale():
    t = _ipa_table().assign(performance=[4.0, 8.0, 4.0, 11.0])
    with pytest.raises(ValueError, match=r"'performance' has 1 value\(s\) outside the 1-10 scale: \[11.0\]"):
        S.ipa(t, scale=(1, 10))
    assert S.ipa(t).quadrant("d") == "Possible overkill"      # without a scale nothing to check


def test_exercise_03_8_satisfied_customers_top_driver(attributes):
    from cvlib.exercises import check

    xs = [c for c in attributes.columns if c.startswith("perf_")]
    def tops(cuts):
        t = S.drivers_by_level(attributes, "overall", xs, cuts=cuts, missing="drop")
        return {lev: g.loc[g["importance"].idxmax(), "driver"]
                for lev, g in t.groupby("level", observed=True)}

    # the generator's design: an attractive attribute leads among the satisfied (8-10), a
    # must-be one among the dissatisfied
    eight_up = tops((4, 7))
    assert eight_up["satisfied"] in {"perf_app", "perf_roaming"}
    assert eight_up["dissatisfied"] in {"perf_coverage", "perf_billing"}
    nine_up = tops((4, 8))
    assert nine_up["satisfied"] != eight_up["satisfied"]      # not printed in the notebook
    assert check("03.8", nine_up["satisfied"]) is not False
    with pytest.raises(AssertionError, match="DISSATISFIED"):
        check("03.8", nine_up["dissatisfied"])
    with pytest.raises(AssertionError, match="cuts=\\(4, 7\\)"):
        check("03.8", eight_up["satisfied"])


def test_index_by_segment_with_missing_drop_equals_each_segment_alone(survey):
    t = S.satisfaction_index(survey, ACSI_ITEMS, by="company", missing="drop", n_boot=0).table
    for seg, n, index in t[["segment", "n", "index"]].itertuples(index=False):
        alone = S.satisfaction_index(survey[survey["company"] == seg], ACSI_ITEMS, missing="drop",
                                     n_boot=0).table.iloc[0]
        assert (alone["n"], alone["index"]) == (n, pytest.approx(index))
        assert n == survey.loc[survey["company"] == seg, ACSI_ITEMS].dropna().shape[0]


def test_every_result_speaks_the_results_vocabulary(survey, attributes):
    """Result objects derive from cvlib._results and render the same way in text and HTML."""
    from cvlib._results import EstimateResult, Result
    from cvlib.pls import cronbach_alpha

    d = survey.dropna(subset=ACSI_ITEMS + ["CUSL1"])
    estimates = [
        S.satisfaction_index(d, ACSI_ITEMS, n_boot=30, seed=1),
        S.loyalty_regression(d, "CUSL1", ["CUSA1"]),
        cronbach_alpha(d[ACSI_ITEMS]),
    ]
    plain = [
        S.key_drivers(attributes, "overall", ["perf_price", "perf_app"], missing="drop"),
        S.ipa(_ipa_table()),
        S.satisfaction_gap(S.GAP_EXAMPLE),
    ]
    for r in estimates:
        assert isinstance(r, EstimateResult)
        s = r.summary()
        assert list(s.columns[:4]) == ["estimate", "se", "ci_low", "ci_high"]
        ci = r.conf_int(alpha=0.05)
        assert list(ci.columns) == ["ci_low", "ci_high"]
        assert (ci["ci_low"] <= s["estimate"]).all() and (s["estimate"] <= ci["ci_high"]).all()
        assert list(r.params.index) == list(s.index)
    for r in estimates + plain:
        assert isinstance(r, Result)
        assert "<table" in r._repr_html_() and len(repr(r).splitlines()) > 2


def test_exercises_03_9_to_03_12_ask_what_the_notebook_does_not_print():
    """Each answer differs from the analysis printed in the notebook, which is a named mistake."""
    from cvlib import pls
    from cvlib.datasets import load_acsi_survey
    from cvlib.exercises import check
    from cvlib.synthetic.satisfaction import ACSI_SURVEY_BLOCKS

    coded = S.reverse_code(load_acsi_survey(), ["IMAG4"], scale=(1, 10))
    model = pls.estimate(coded, pls.ECSI_PATHS, ACSI_SURVEY_BLOCKS, missing="drop")
    # 03.9: IPMA importance is the unstandardised total effect (direct + through Value)
    sat_map = pls.ipma(model, "Satisfaction", scale=(1, 10)).constructs.set_index("driver")
    ie = model.index_effects.set_index(["source", "target"])
    assert sat_map.at["Quality", "importance"] == pytest.approx(
        ie.at[("Quality", "Satisfaction"), "total"])
    assert check("03.9", 5 * sat_map.at["Quality", "importance"]) is not False
    loy_map = pls.ipma(model, "Loyalty", scale=(1, 10)).constructs.set_index("driver")
    with pytest.raises(AssertionError, match="LOYALTY"):
        check("03.9", 5 * loy_map.at["Quality", "importance"])
    # 03.11: the bank survey's gender answer is named as the wrong survey
    with pytest.raises(AssertionError, match="OPERATOR survey"):
        check("03.11", ["Image -> Loyalty", "Satisfaction -> Loyalty"])
    # 03.12: PLSc minus PLS on Jade Mobile's customers, not on all of them
    jade = pls.estimate(coded[coded["company"] == "Jade Mobile"], pls.ECSI_PATHS,
                        ACSI_SURVEY_BLOCKS, missing="drop")
    path = "Satisfaction -> Loyalty"
    assert check("03.12", pls.plsc(jade).params[path] - jade.params[path]) is not False
    with pytest.raises(AssertionError, match="ALL customers"):
        check("03.12", pls.plsc(model).params[path] - model.params[path])

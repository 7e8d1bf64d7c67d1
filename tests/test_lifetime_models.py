"""cvlib.lifetime.summary and cvlib.lifetime.models: published CDNOW / sBG results, invariants, errors.

Sources of the asserted numbers:
- Fader, Hardie & Lee (2005a), "Counting your customers" the easy way, Marketing Science 24(2):
  BG/NBD on the CDNOW sample, r 0.243, alpha 4.414, a 0.793, b 2.426, LL -9582.4; the
  Pareto/NBD on the same data, r 0.55, alpha 10.58, s 0.61, beta 11.67.
- Fader, Hardie & Lee (2005b), RFM and CLV, JMR 42(4): Gamma-Gamma p 6.25, q 3.74, gamma 15.44.
- Fader & Hardie (2007), How to project customer retention: sBG alpha 0.704, beta 1.182.
- Fader, Hardie & Shang (2010), Marketing Science 29(6): BG/BB on the donations data,
  alpha 1.204, beta 0.750, gamma 0.657, delta 2.783, LL -33,225.6.
- The published CDNOW summaries (cdnow_customers_summary*.csv) and their description in
  ../shared/datasets/README.md (946 customers with repeat purchases, zbar mean 35.08, sd 30.28,
  min 2.99, median 27.50, max 299.63).
- The issue text (issue 5) for the example customer (x 2, t_x 30.43, T 38.86) and the survivors.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cvlib.datasets import (  # noqa: E402
    fetch_cdnow,
    fetch_cdnow_summary,
    fetch_donations,
    fetch_sbg_retention,
)
from cvlib.lifetime import (  # noqa: E402
    BetaGeo,
    BetaGeoBeta,
    GammaGamma,
    ModelFitError,
    ParetoNBD,
    ShiftedBetaGeometric,
    calibration_holdout_table,
    frequency_histogram_table,
    frequency_recency_grid,
    purchase_tracking,
)
from cvlib.lifetime.summary import collapse_patterns, summarize  # noqa: E402

SURVIVORS = [1000, 631, 468, 382, 326, 289, 262, 241]
CDNOW_BG = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
CDNOW_PNBD = {"r": 0.55, "alpha": 10.58, "s": 0.61, "beta": 11.67}


@pytest.fixture(scope="module")
def cdnow_log():
    return fetch_cdnow()


@pytest.fixture(scope="module")
def cdnow(cdnow_log):
    return summarize(cdnow_log, customer="customer_id", date="date", amount="amount",
                     calibration_end="1997-09-30", time_unit="W")


@pytest.fixture(scope="module")
def published():
    return fetch_cdnow_summary()


@pytest.fixture(scope="module")
def bg(cdnow):
    return BetaGeo().fit(cdnow)


BG_GIVEN = BetaGeo.from_params(**CDNOW_BG)
PNBD_GIVEN = ParetoNBD.from_params(**CDNOW_PNBD)


# ------------------------------------------------------------ summarize vs the published summary


def test_summarize_reproduces_published_cdnow_summary(cdnow, published):
    assert len(cdnow) == 2357
    mine = cdnow.loc[published.index]
    assert (mine["frequency"].to_numpy() == published["frequency"].to_numpy()).all()
    assert np.abs(mine["recency"] - published["recency"]).max() <= 0.005 + 1e-9
    assert np.abs(mine["T"] - published["T"]).max() <= 0.005 + 1e-9
    # zbar is the mean spend per repeat purchase DAY, published to 2 decimals
    assert np.abs(mine["monetary_value"] - published["monetary_value"]).max() <= 0.005 + 1e-9


def test_summarize_mean_repeat_spend_statistics(cdnow):
    z = cdnow.loc[cdnow["frequency"] > 0, "monetary_value"]
    assert len(z) == 946
    assert round(z.mean(), 2) == 35.08
    assert round(z.std(), 2) == 30.28
    assert round(z.min(), 2) == 2.99
    assert round(z.median(), 2) == 27.50
    assert round(z.max(), 2) == 299.63


def test_summarize_holdout_columns(cdnow, cdnow_log):
    # the log runs to 1998-06-30: a 39-week holdout after 1997-09-30 (Fader, Hardie & Lee 2005a)
    assert (cdnow["duration_holdout"] == 39).all()
    days = cdnow_log.drop_duplicates(["customer_id", "date"])
    later = days[days["date"] > "1997-09-30"].groupby("customer_id").size()
    holdout = cdnow["frequency_holdout"]
    assert holdout.sum() == later.sum()
    assert (holdout.loc[later.index] == later).all()


def test_summarize_time_units(cdnow_log, cdnow):
    days = summarize(cdnow_log, calibration_end="1997-09-30", time_unit="D")
    np.testing.assert_allclose(days["T"], cdnow["T"] * 7)
    np.testing.assert_allclose(days["recency"], cdnow["recency"] * 7)
    assert (days["frequency"] == cdnow["frequency"]).all()


def test_summarize_same_day_transactions_are_one_purchase():
    log = pd.DataFrame({
        "customer_id": ["a", "a", "a", "a", "b"],
        "date": ["2024-01-01", "2024-01-01", "2024-01-15", "2024-01-15", "2024-01-08"],
        "amount": [10.0, 5.0, 20.0, 4.0, 7.0],
    })
    s = summarize(log, observation_end="2024-01-29", time_unit="D")
    assert s.loc["a", "frequency"] == 1
    assert s.loc["a", "recency"] == 14
    assert s.loc["a", "T"] == 28
    assert s.loc["a", "monetary_value"] == 24.0      # both transactions of 15 Jan
    assert s.loc["b", "frequency"] == 0 and s.loc["b", "monetary_value"] == 0


def test_summarize_does_not_modify_input(cdnow_log):
    before = cdnow_log.copy()
    summarize(cdnow_log, calibration_end="1997-09-30")
    pd.testing.assert_frame_equal(cdnow_log, before)


@st.composite
def small_logs(draw):
    n = draw(st.integers(1, 40))
    cust = draw(st.lists(st.integers(0, 6), min_size=n, max_size=n))
    day = draw(st.lists(st.integers(0, 60), min_size=n, max_size=n))
    amount = draw(st.lists(st.floats(0.01, 500, allow_nan=False), min_size=n, max_size=n))
    return pd.DataFrame({"customer_id": cust,
                         "date": pd.Timestamp("2023-01-01") + pd.to_timedelta(day, unit="D"),
                         "amount": amount})


@settings(max_examples=40, deadline=None)
@given(small_logs(), st.integers(0, 60))
def test_summarize_matches_a_plain_pandas_computation(log, cut):
    cal_end = pd.Timestamp("2023-01-01") + pd.Timedelta(days=cut)
    if cal_end < log["date"].min():
        with pytest.raises(ValueError, match="before the first purchase"):
            summarize(log, calibration_end=cal_end, time_unit="D")
        return
    s = summarize(log, calibration_end=cal_end, observation_end="2023-03-31", time_unit="D")
    daily = log.groupby(["customer_id", "date"], as_index=False)["amount"].sum()
    first = daily.groupby("customer_id")["date"].min()
    cal = daily[daily["date"] <= cal_end]
    expected_ids = sorted(first[first <= cal_end].index)
    assert list(s.index) == expected_ids
    for cid in expected_ids:
        mine = cal[cal["customer_id"] == cid].sort_values("date")
        x = len(mine) - 1
        assert s.loc[cid, "frequency"] == x
        assert s.loc[cid, "recency"] == (mine["date"].max() - mine["date"].min()).days
        assert s.loc[cid, "T"] == (cal_end - mine["date"].min()).days
        zbar = mine["amount"].iloc[1:].mean() if x else 0.0
        assert s.loc[cid, "monetary_value"] == pytest.approx(zbar)
        hold = daily[(daily["customer_id"] == cid) & (daily["date"] > cal_end)]
        assert s.loc[cid, "frequency_holdout"] == len(hold)
    assert (s["recency"] <= s["T"]).all()
    assert (s.loc[s["frequency"] == 0, "recency"] == 0).all()


# ------------------------------------------------------------ published estimates


def test_bgnbd_reproduces_fader_hardie_lee_2005(bg, published):
    assert bg.params.round(3).to_dict() == CDNOW_BG
    assert round(bg.llf, 1) == -9582.4
    # the published summary (times rounded to 2 decimals) gives the same estimates
    again = BetaGeo().fit(published, frequency="frequency", recency="recency", T="T")
    assert again.params.round(3).to_dict() == CDNOW_BG
    assert round(again.llf, 1) == -9582.4


def test_bgnbd_summary_table(bg):
    table = bg.summary()
    assert list(table.index) == ["r", "alpha", "a", "b"]
    assert list(table.columns) == ["estimate", "se", "ci_low", "ci_high"]
    assert (table["se"] > 0).all()
    # Wald interval: estimate -+ 1.96 se
    np.testing.assert_allclose(table["ci_high"] - table["estimate"], 1.959964 * table["se"], rtol=1e-6)
    np.testing.assert_allclose(table["estimate"] - table["ci_low"], 1.959964 * table["se"], rtol=1e-6)
    pd.testing.assert_frame_equal(bg.conf_int(0.05), table[["ci_low", "ci_high"]])
    narrow = bg.summary(ci=0.90)
    assert (narrow["ci_high"] < table["ci_high"]).all()
    logci = bg.summary(log_scale=True)
    assert (logci["ci_low"] > 0).all()
    assert (logci["ci_low"] < table["estimate"]).all() and (table["estimate"] < logci["ci_high"]).all()
    np.testing.assert_allclose(logci["ci_low"] * logci["ci_high"], table["estimate"] ** 2)
    assert bg.llf == bg.loglik
    assert bg.aic == pytest.approx(-2 * bg.llf + 8)
    assert bg.bic == pytest.approx(-2 * bg.llf + 4 * np.log(2357))
    with pytest.raises(ValueError, match="ci must be a confidence level"):
        bg.summary(ci=95)
    with pytest.raises(ValueError, match="give 0.05"):
        bg.conf_int(alpha=5)
    text = repr(bg)
    assert "BG/NBD" in text and "2,357" in text and "-9582.4" in text
    assert "<table" in bg._repr_html_()


def test_bgnbd_example_customer_from_the_issue(bg):
    e = bg.expected_purchases(39, frequency=2, recency=30.43, T=38.86)
    p = bg.p_alive(frequency=2, recency=30.43, T=38.86)
    assert 0 < p < 1
    assert 0 < e < 39 * 2 / 30.43 * 2   # fewer than twice the customer's own past rate
    # the conditional expectation of a brand-new customer is the unconditional E[X(t)]
    assert bg.expected_purchases(39, 0, 0, 1e-9) == pytest.approx(
        bg.unconditional_expected_purchases(39), rel=1e-8)


def test_pareto_nbd_reproduces_published_cdnow_estimates(published):
    pn = ParetoNBD().fit(published)
    assert pn.params.round(2).to_dict() == CDNOW_PNBD
    # the BG/NBD fits CDNOW about as well as the Pareto/NBD (Fader, Hardie & Lee 2005a)
    assert abs(pn.llf - (-9582.4)) < 20


def test_gamma_gamma_reproduces_fader_hardie_lee_2005b(cdnow):
    gg = GammaGamma().fit(cdnow[cdnow.frequency > 0])
    assert gg.params.round(2).to_dict() == {"p": 6.25, "q": 3.74, "gamma": 15.44}
    assert gg.nobs == 946
    # the conditional expected spend shrinks a customer's mean toward the population mean
    pop = gg.mean_spend
    z = gg.expected_spend(frequency=[1, 5, 20], monetary_value=[100.0, 100.0, 100.0])
    assert (np.diff(z) > 0).all() and (z > pop).all() and (z < 100).all()
    assert gg.expected_spend(0, 0) == pytest.approx(pop)


def test_sbg_reproduces_fader_hardie_2007():
    m = ShiftedBetaGeometric().fit(SURVIVORS)
    assert m.params.round(3).to_dict() == {"alpha": 0.704, "beta": 1.182}
    frame = ShiftedBetaGeometric().fit(fetch_sbg_retention(), n_periods=7)
    np.testing.assert_allclose(frame.params, m.params, rtol=1e-6)
    proj = m.projection(12)
    assert (np.diff(proj["survival"]) < 0).all()
    assert (np.diff(proj["retention_rate"].dropna()) > 0).all()    # survivors are more loyal
    assert proj.loc[0, "expected_alive"] == 1000


def test_bgbb_reproduces_fader_hardie_shang_2010():
    donations = fetch_donations()
    m = BetaGeoBeta().fit(donations, frequency="frequency", recency="recency", periods="periods",
                          weights="weights")
    assert m.params.round(3).to_dict() == {"alpha": 1.204, "beta": 0.750, "gamma": 0.657,
                                           "delta": 2.783}
    assert round(m.llf, 1) == -33225.6
    assert m.nobs == 11104
    p = m.p_alive(donations["frequency"], donations["recency"], donations["periods"])
    assert ((p > 0) & (p < 1)).all()
    e1 = m.expected_purchases(1, donations["frequency"], donations["recency"], donations["periods"])
    e5 = m.expected_purchases(5, donations["frequency"], donations["recency"], donations["periods"])
    assert (e5 > e1).all() and (e1 < 1).all()
    u = m.unconditional_expected_purchases(np.arange(1, 12))
    assert (np.diff(u) > 0).all() and (np.diff(u, 2) < 0).all()
    with pytest.raises(ValueError, match="frequency cannot exceed recency"):
        m.p_alive(3, 2, 6)
    with pytest.raises(ValueError, match="recency must not exceed"):
        m.p_alive(3, 7, 6)


def test_fitted_models_share_the_results_base_and_keep_their_data(cdnow, bg):
    from cvlib._results import EstimateResult

    gg = GammaGamma().fit(cdnow[cdnow.frequency > 0])
    sbg = ShiftedBetaGeometric().fit(SURVIVORS)
    for model in (bg, gg, sbg):
        assert isinstance(model, EstimateResult)
        assert list(model.summary().columns) == ["estimate", "se", "ci_low", "ci_high"]
        assert isinstance(model.data, pd.DataFrame)
    pd.testing.assert_frame_equal(bg.data, cdnow[["frequency", "recency", "T"]].astype(float),
                                  check_dtype=False)
    assert len(gg.data) == 946 and list(gg.data.columns) == ["frequency", "monetary_value"]
    assert sbg.data["alive"].tolist() == SURVIVORS
    assert BG_GIVEN.data is None and np.isnan(BG_GIVEN.bse).all()
    assert "parameters given" in repr(BG_GIVEN)


# ------------------------------------------------------------ invariants

freqs = st.integers(0, 60)
fractions = st.floats(0, 1, allow_nan=False)
lengths = st.floats(0.5, 200, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(freqs, fractions, lengths)
def test_p_alive_in_unit_interval_and_one_without_repeat(x, frac, T):
    recency = frac * T if x > 0 else 0.0
    for model in (BG_GIVEN, PNBD_GIVEN):
        p = model.p_alive(x, recency, T)
        assert 0 <= p <= 1
    if x == 0:
        assert BG_GIVEN.p_alive(0, 0, T) == 1.0


@settings(max_examples=40, deadline=None)
@given(freqs, fractions, lengths, st.floats(0.1, 100), st.floats(0.1, 100))
def test_expected_purchases_increase_with_t(x, frac, T, t1, dt):
    recency = frac * T if x > 0 else 0.0
    for model in (BG_GIVEN, PNBD_GIVEN):
        e1 = model.expected_purchases(t1, x, recency, T)
        e2 = model.expected_purchases(t1 + dt, x, recency, T)
        assert 0 <= e1 < e2
        u1, u2 = model.unconditional_expected_purchases([t1, t1 + dt])
        assert 0 < u1 < u2


@settings(max_examples=30, deadline=None)
@given(freqs, fractions, lengths, st.floats(0.5, 30))
def test_pareto_nbd_formulas_agree_on_both_sides_of_alpha_equal_beta(x, frac, T, scale):
    # Fader & Hardie (2005) write A_0 with a different hypergeometric for alpha >= beta and
    # alpha < beta; both must give the same answer where they meet
    recency = frac * T if x > 0 else 0.0
    above = ParetoNBD.from_params(r=0.55, alpha=scale * (1 + 1e-7), s=0.61, beta=scale)
    below = ParetoNBD.from_params(r=0.55, alpha=scale * (1 - 1e-7), s=0.61, beta=scale)
    assert above.p_alive(x, recency, T) == pytest.approx(below.p_alive(x, recency, T), abs=1e-5)
    assert above.expected_purchases(10, x, recency, T) == pytest.approx(
        below.expected_purchases(10, x, recency, T), rel=1e-4, abs=1e-8)


@settings(max_examples=20, deadline=None)
@given(st.floats(1, 100))
def test_purchase_probabilities_sum_to_one(t):
    p = BG_GIVEN.purchase_probability(np.arange(400), t)
    assert (p >= 0).all()
    assert p.sum() == pytest.approx(1, abs=1e-6)
    assert (np.arange(400) * p).sum() == pytest.approx(BG_GIVEN.unconditional_expected_purchases(t),
                                                       rel=1e-5)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.integers(1, 4), min_size=60, max_size=60))
def test_weights_give_the_same_fit_as_expanded_data(cdnow, counts):
    base = cdnow.iloc[:60][["frequency", "recency", "T"]].reset_index(drop=True)
    counts = np.asarray(counts)
    base = pd.concat([base, cdnow.iloc[100:400][["frequency", "recency", "T"]]], ignore_index=True)
    counts = np.r_[counts, np.ones(300, dtype=int)]
    expanded = base.loc[base.index.repeat(counts)]
    weighted = BetaGeo().fit(base, weights=counts)
    full = BetaGeo().fit(expanded)
    np.testing.assert_allclose(weighted.params, full.params, rtol=1e-5)
    assert weighted.llf == pytest.approx(full.llf, rel=1e-9)
    np.testing.assert_allclose(weighted.bse, full.bse, rtol=1e-3)


def test_collapse_patterns_fits_like_the_full_base(cdnow, bg):
    patterns = collapse_patterns(cdnow)
    assert patterns["count"].sum() == 2357
    assert len(patterns) < 2357
    m = BetaGeo().fit(patterns, weights="count")
    np.testing.assert_allclose(m.params, bg.params, rtol=1e-6)
    assert m.llf == pytest.approx(bg.llf)


@settings(max_examples=30, deadline=None)
@given(st.floats(0.05, 5), st.floats(0.05, 5), st.floats(0.01, 0.5), st.integers(0, 10))
def test_sbg_del_and_derl_equal_their_defining_sums(alpha, beta, d, renewals):
    m = ShiftedBetaGeometric.from_params(alpha=alpha, beta=beta)
    t = np.arange(0, 4000)
    surv = np.asarray(m.survival(t))
    disc = np.exp(-t * np.log1p(d))
    assert m.discounted_expected_lifetime(d) == pytest.approx((surv * disc).sum(), rel=1e-6)
    n = renewals + 1
    tail = t[t >= n]
    derl = (surv[tail] / surv[n - 1] * disc[tail - n]).sum()
    assert m.discounted_expected_residual_lifetime(d, renewals) == pytest.approx(derl, rel=1e-6)
    # a higher beta means higher retention and more value; a higher rate discounts it more
    richer = ShiftedBetaGeometric.from_params(alpha=alpha, beta=beta * 1.5)
    assert richer.customer_lifetime_value(100, d) > m.customer_lifetime_value(100, d)
    assert m.customer_lifetime_value(100, d * 1.5) < m.customer_lifetime_value(100, d)


def test_clv_combines_purchases_and_spend(cdnow, bg):
    gg = GammaGamma().fit(cdnow[cdnow.frequency > 0])
    s = cdnow.iloc[:200]
    args = (bg, s["frequency"], s["recency"], s["T"], s["monetary_value"])
    clv12 = gg.customer_lifetime_value(*args, time=12, discount_rate=0.01)
    clv24 = gg.customer_lifetime_value(*args, time=24, discount_rate=0.01)
    cheap = gg.customer_lifetime_value(*args, time=12, discount_rate=0.0)
    assert isinstance(clv12, pd.Series) and (clv12.index == s.index).all()
    assert (clv24 > clv12).all() and (cheap > clv12).all()
    # without discounting, CLV = expected spend x expected purchases over 12 months
    months12 = 12 * (365.25 / 12) / 7
    undiscounted = (gg.expected_spend(s["frequency"], s["monetary_value"])
                    * bg.expected_purchases(months12, s["frequency"], s["recency"], s["T"]))
    np.testing.assert_allclose(cheap, undiscounted, rtol=1e-10)
    half = gg.customer_lifetime_value(*args, time=12, discount_rate=0.01, margin=0.5)
    np.testing.assert_allclose(half, clv12 / 2)


@pytest.mark.slow
def test_synthetic_log_recovers_its_parameters():
    from cvlib.datasets import load
    from cvlib.synthetic.lifetime import LIFETIME_TRUTH

    log = load("lifetime_transactions")
    s = summarize(log, calibration_end=LIFETIME_TRUTH["calibration_end"])
    bgm = BetaGeo().fit(s)
    truth = pd.Series(LIFETIME_TRUTH["bgnbd"])
    assert (np.abs(bgm.params - truth) < 3 * bgm.bse).all()
    ggm = GammaGamma().fit(s[s.frequency > 0])
    truth = pd.Series(LIFETIME_TRUTH["gamma_gamma"])
    assert (np.abs(ggm.params - truth) < 3 * ggm.bse).all()


@pytest.mark.slow
def test_diagnostic_tables_and_plots(cdnow, cdnow_log, bg):
    from cvlib.plots import lifetime as lp

    table = calibration_holdout_table(bg, cdnow)
    assert list(table.index) == ["0", "1", "2", "3", "4", "5", "6", "7+"]
    assert table["customers"].sum() == 2357
    assert (np.diff(table["model"]) > 0).all()
    hist = frequency_histogram_table(bg, cdnow)
    assert hist["actual"].sum() == 2357 and hist["model"].sum() == pytest.approx(2357)
    assert hist.loc["0", "actual"] == 1411           # customers without a repeat purchase
    assert abs(hist.loc["0", "model"] - 1411) < 30   # the BG/NBD fits the histogram closely
    grid = frequency_recency_grid(bg, "p_alive", T=38.86, max_frequency=10)
    assert grid.shape == (11, 40)
    assert grid.loc[0, 0.0] == 1.0 and grid.loc[0].iloc[1:].isna().all()
    track = purchase_tracking(bg, cdnow_log, calibration_end="1997-09-30")
    assert len(track) == 78
    assert track["cumulative_actual"].iloc[-1] == (
        cdnow_log.drop_duplicates(["customer_id", "date"]).shape[0] - 2357)
    # the plots draw these tables (what they draw is tested in test_lifetime_plots.py)
    ax = lp.plot_calibration_holdout(bg, summary=cdnow)
    np.testing.assert_allclose(ax.lines[1].get_ydata(), table["model"])
    ax = lp.plot_frequency_histogram(bg, summary=cdnow)
    np.testing.assert_allclose([p.get_height() for p in ax.containers[0]], hist["actual"])
    plt.close("all")


# ------------------------------------------------------------ errors a student can act on


def test_recency_greater_than_T_is_refused():
    bad = pd.DataFrame({"frequency": [1, 2], "recency": [5.0, 40.0], "T": [10.0, 30.0]})
    with pytest.raises(ValueError, match="recency must not exceed T"):
        BetaGeo().fit(bad)
    with pytest.raises(ValueError, match="recency must not exceed T"):
        BG_GIVEN.p_alive(2, 40, 30)
    with pytest.raises(ValueError, match="recency must not exceed T"):
        ParetoNBD().fit(bad)


def test_frequency_zero_with_positive_recency_is_refused():
    bad = pd.DataFrame({"frequency": [0, 2], "recency": [3.0, 4.0], "T": [10.0, 30.0]})
    with pytest.raises(ValueError, match="frequency 0 .* must have recency 0"):
        BetaGeo().fit(bad)
    with pytest.raises(ValueError, match="must have recency 0"):
        BG_GIVEN.expected_purchases(10, 0, 3.0, 10.0)


def test_bad_frequency_and_columns():
    with pytest.raises(ValueError, match="whole number"):
        BetaGeo().fit(pd.DataFrame({"frequency": [1.5], "recency": [1.0], "T": [2.0]}))
    with pytest.raises(ValueError, match="no column"):
        BetaGeo().fit(pd.DataFrame({"freq": [1], "recency": [1.0], "T": [2.0]}))
    with pytest.raises(ValueError, match="T .* must be > 0"):
        BG_GIVEN.p_alive(0, 0, 0)


def test_spend_must_be_positive():
    with pytest.raises(ValueError, match="must be positive"):
        GammaGamma().fit(pd.DataFrame({"frequency": [1, 2], "monetary_value": [10.0, 0.0]}))
    with pytest.raises(ValueError, match="must be positive"):
        GammaGamma().fit(pd.DataFrame({"frequency": [1, 2], "monetary_value": [10.0, -3.0]}))
    with pytest.raises(ValueError, match="at least one repeat purchase"):
        GammaGamma().fit(pd.DataFrame({"frequency": [0, 2], "monetary_value": [0.0, 3.0]}))
    log = pd.DataFrame({"customer_id": [1, 1], "date": ["2024-01-01", "2024-02-01"],
                        "amount": [10.0, -5.0]})
    with pytest.raises(ValueError, match="must not be negative"):
        summarize(log)


def test_dates_must_parse_and_not_lie_in_the_future():
    log = pd.DataFrame({"customer_id": [1, 1], "date": ["2024-01-01", "someday"],
                        "amount": [10.0, 5.0]})
    with pytest.raises(ValueError, match="not dates"):
        summarize(log)
    future = pd.Timestamp.today().normalize() + pd.Timedelta(days=30)
    log = pd.DataFrame({"customer_id": [1, 1], "date": [pd.Timestamp("2024-01-01"), future],
                        "amount": [10.0, 5.0]})
    with pytest.raises(ValueError, match="future"):
        summarize(log)


def test_calibration_end_before_first_purchase(cdnow_log):
    with pytest.raises(ValueError, match="before the first purchase"):
        summarize(cdnow_log, calibration_end="1996-12-31")
    with pytest.raises(ValueError, match="after observation_end"):
        summarize(cdnow_log, calibration_end="1998-03-01", observation_end="1998-01-01")
    with pytest.raises(ValueError, match="calibration_end must be a date"):
        summarize(cdnow_log, calibration_end="end of Q3")
    with pytest.raises(ValueError, match="time_unit"):
        summarize(cdnow_log, time_unit="fortnight")
    with pytest.raises(ValueError, match="no column"):
        summarize(cdnow_log, amount="spend")


def test_discount_rate_and_survivor_errors(cdnow, bg):
    gg = GammaGamma.from_params(p=6.25, q=3.74, gamma=15.44)
    with pytest.raises(ValueError, match=r"discount_rate must lie in \[0, 1\]"):
        gg.customer_lifetime_value(bg, 2, 30.43, 38.86, 20.0, discount_rate=-1)
    m = ShiftedBetaGeometric().fit(SURVIVORS)
    with pytest.raises(ValueError, match=r"discount_rate must lie in \(0, 1\]"):
        m.discounted_expected_lifetime(-1.5)
    with pytest.raises(ValueError, match="must not increase"):
        ShiftedBetaGeometric().fit([1000, 631, 700])
    with pytest.raises(ValueError, match="at least two"):
        ShiftedBetaGeometric().fit([1000])


def test_unfitted_model_and_failed_optimisation():
    with pytest.raises(RuntimeError, match="fit"):
        BetaGeo().p_alive(1, 1, 2)
    # nobody ever comes back: the purchase rate runs off to zero and the fit cannot converge
    nobody = pd.DataFrame({"frequency": [0] * 50, "recency": [0.0] * 50, "T": np.linspace(5, 30, 50)})
    with pytest.raises(ModelFitError, match="ran off|failed|cannot identify"):
        BetaGeo().fit(nobody)
    with pytest.raises(ValueError, match="exactly the parameters"):
        BetaGeo.from_params(r=1, alpha=1, a=1)
    with pytest.raises(ValueError, match="2 positive starting values"):
        ShiftedBetaGeometric().fit(SURVIVORS, init=[-1, 2])

"""Tests of cvlib.segments: numbers from the course slides and the issue text, the CDNOW
published summary, invariants under hypothesis, clear errors for bad input, widgets, plots."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cvlib import datasets  # noqa: E402
from cvlib.segments import (  # noqa: E402
    KOTLER_LEVELS,
    TWO_AXIS_PRESETS,
    abc_classes,
    classify_over_time,
    customer_values,
    cycle_spend_tiers,
    decile_table,
    default_rfm_rules,
    funnel,
    gini,
    lifecycle_stages,
    lorenz_curve,
    migration_matrix,
    pareto_curve,
    pareto_share,
    purchase_cycle,
    purchase_decile_table,
    pyramid,
    relationship_level,
    relationship_levels,
    rfm_grid,
    rfm_scores,
    rfm_segment_summary,
    rfm_segments,
    rfm_table,
    scorecard,
    spend_bands,
    two_axis,
    whale_curve,
    whale_summary,
)

# ---------------------------------------------------------------- fixtures and strategies


def small_log() -> pd.DataFrame:
    return pd.DataFrame({
        "customer_id": ["a", "a", "b", "c", "c", "c"],
        "date": pd.to_datetime(["2024-12-01", "2024-12-21", "2024-06-30", "2024-01-10",
                                "2024-01-10", "2024-11-30"]),
        "amount": [10.0, 30.0, 100.0, 5.0, 5.0, 20.0],
    })


@pytest.fixture(scope="module")
def retail():
    return datasets.load_retail_transactions()


values_strategy = st.lists(st.floats(0, 1e6, allow_nan=False, allow_infinity=False)
                           .map(lambda x: round(x, 2)), min_size=1, max_size=60)
tied_values = st.lists(st.integers(0, 6).map(float), min_size=1, max_size=80)


@st.composite
def logs(draw):
    n = draw(st.integers(1, 40))
    cust = draw(st.lists(st.integers(1, 8), min_size=n, max_size=n))
    day = draw(st.lists(st.integers(0, 400), min_size=n, max_size=n))
    amt = draw(st.lists(st.integers(0, 500), min_size=n, max_size=n))
    return pd.DataFrame({
        "customer_id": cust,
        "date": pd.Timestamp("2023-01-01") + pd.to_timedelta(day, unit="D"),
        "amount": np.array(amt, dtype=float),
    })


# ---------------------------------------------------------------- acceptance


def test_acceptance_api(retail):
    rfm = rfm_table(retail, customer="customer_id", date="date", amount="amount", at="2024-12-31")
    assert list(rfm.columns[:3]) == ["recency", "frequency", "monetary"]
    assert len(rfm) == retail["customer_id"].nunique() == 5000
    scores = rfm_scores(rfm, bins=5)
    for c in ("r_score", "f_score", "m_score"):
        assert scores[c].between(1, 5).all()
    assert (scores["rfm_score"] == 100 * scores["r_score"] + 10 * scores["f_score"]
            + scores["m_score"]).all()
    segments = rfm_segments(scores)
    assert (segments["segment"] != "Others").all()   # the default rules cover the R x F grid
    assert len(segments) == len(rfm)


def test_synthetic_data_meets_the_issue(retail):
    assert len(retail) >= 50_000
    assert retail["customer_id"].nunique() == 5000
    assert (retail["date"].max() - retail["date"].min()).days >= 2 * 365 - 1
    assert {"gross_margin", "cost_to_serve"} <= set(retail.columns)
    assert (retail["amount"] > 0).all()
    accounts = datasets.load_b2b_accounts()
    assert accounts["account_id"].is_unique


# ---------------------------------------------------------------- RFM definitions


def test_rfm_table_by_hand():
    rfm = rfm_table(small_log(), at="2024-12-31")
    # a: last purchase 2024-12-21 -> 10 days; 2 purchases worth 40; first 2024-12-01 -> 30 days
    assert rfm.loc["a"].tolist() == [10, 2, 40.0, 30]
    assert rfm.loc["b"].tolist() == [184, 1, 100.0, 184]
    assert rfm.loc["c"].tolist() == [31, 3, 30.0, 356]
    days = rfm_table(small_log(), at="2024-12-31", frequency="days")
    assert days.loc["c", "frequency"] == 2     # two orders on 2024-01-10 are one purchase day
    mean = rfm_table(small_log(), at="2024-12-31", monetary="mean")
    assert mean.loc["a", "monetary"] == 20.0


def test_rfm_table_drops_later_transactions():
    rfm = rfm_table(small_log(), at="2024-07-01")
    assert sorted(rfm.index) == ["b", "c"]
    assert rfm.loc["c"].tolist() == [173, 2, 10.0, 173]


def test_rfm_table_matches_published_cdnow_summary():
    """CDNOW sample, 39-week calibration ending 1997-09-30 (Fader, Hardie & Lee 2005): repeat
    purchase days x, recency t_x and age T in weeks agree with the published summary to 0.005."""
    log = datasets.fetch_cdnow()
    pub = datasets.fetch_cdnow_summary()
    rfm = rfm_table(log, at="1997-09-30", frequency="days").reindex(pub.index)
    assert (rfm["frequency"] - 1).tolist() == pub["frequency"].tolist()
    assert np.allclose((rfm["tenure"] - rfm["recency"]) / 7, pub["recency"], atol=0.005)
    assert np.allclose(rfm["tenure"] / 7, pub["T"], atol=0.005)


def test_rfm_scores_quantiles_without_ties():
    rfm = pd.DataFrame({"recency": np.arange(10), "frequency": np.arange(10) + 1,
                        "monetary": np.arange(10) * 10.0})
    s = rfm_scores(rfm, bins=5)
    assert s["f_score"].tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert s["r_score"].tolist() == [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]   # recent = high score


def test_rfm_scores_explicit_thresholds():
    rfm = pd.DataFrame({"recency": [10, 30, 31, 200, 400], "frequency": [1, 2, 3, 8, 9],
                        "monetary": [5.0, 50, 500, 5000, 50000]})
    s = rfm_scores(rfm, thresholds={"recency": [30, 90, 180, 365], "frequency": [1, 2, 4, 8]})
    assert s["r_score"].tolist() == [5, 5, 4, 2, 1]
    assert s["f_score"].tolist() == [1, 2, 3, 4, 5]


def test_rfm_segments_first_match_and_editable_rules():
    scores = pd.DataFrame({"r_score": [5, 5, 1, 3], "f_score": [5, 1, 5, 3],
                           "m_score": [5, 1, 5, 1]})
    seg = rfm_segments(scores)["segment"].tolist()
    assert seg == ["Champions", "New", "Can't lose", "Loyal"]
    rules = pd.DataFrame({"segment": ["VIP", "Everyone"], "r_min": [1, 1], "r_max": [5, 5],
                          "f_min": [5, 1], "f_max": [5, 5], "m_min": [5, 1], "m_max": [5, 5]})
    assert rfm_segments(scores, rules)["segment"].tolist() == ["VIP", "Everyone", "VIP",
                                                                 "Everyone"]
    only = rules.iloc[:1]
    assert rfm_segments(scores, only, other="rest")["segment"].tolist() == [
        "VIP", "rest", "VIP", "rest"]
    d = default_rfm_rules()
    assert d["segment"].tolist()[:2] == ["Champions", "Loyal"]
    d.loc[0, "segment"] = "changed"                 # a fresh copy each time
    assert default_rfm_rules().loc[0, "segment"] == "Champions"


def test_rfm_grid_and_summary(retail):
    scores = rfm_scores(rfm_table(retail, at="2024-12-31"))
    grid = rfm_grid(scores)
    assert grid.shape == (5, 5) and grid.index.tolist() == [5, 4, 3, 2, 1]
    cell = scores[(scores.r_score == 5) & (scores.f_score == 5)]["monetary"].mean()
    assert grid.loc[5, 5] == pytest.approx(cell)
    summary = rfm_segment_summary(rfm_segments(scores))
    assert summary["customers"].sum() == len(scores)
    assert summary["customer_share"].sum() == pytest.approx(1)
    assert summary["monetary_share"].sum() == pytest.approx(1)


# ---------------------------------------------------------------- numbers from the slides


def test_abc_absolute_thresholds_of_the_slides():
    """A at 5 million or more, B 1-5 million, C under 1 million."""
    rev = pd.Series([8e6, 5e6, 4_999_999, 1e6, 999_999, 0.0], name="revenue",
                    index=list("uvwxyz"))
    res = abc_classes(rev, thresholds=(5_000_000, 1_000_000))
    assert res.tiers.astype(str).tolist() == ["A", "A", "B", "B", "C", "C"]
    flags = pd.DataFrame({"revenue": rev, "growth": [False, False, False, False, True, False]})
    up = abc_classes(flags, "revenue", thresholds=(5e6, 1e6), upgrade="growth")
    assert up.tiers.astype(str).tolist() == ["A", "A", "B", "B", "B", "C"]


def test_abc_table_ten_percent_of_customers_seventy_percent_of_revenue():
    """The slides' table: A is 10% of customers and 70% of revenue."""
    rev = pd.Series([70.0] + [30 / 9] * 9, name="revenue")
    res = abc_classes(rev, shares=(70, 20, 10))
    a = res.table.loc["A"]
    assert a["customer_share"] == pytest.approx(0.10)
    assert a["revenue_share"] == pytest.approx(0.70)


def test_pyramid_1_4_15_80():
    v = pd.Series(np.arange(100, 0, -1, dtype=float), name="revenue")
    res = pyramid(v)
    assert res.table["customers"].tolist() == [1, 4, 15, 80]
    assert res.labels == ["VIP", "major", "medium", "small"]
    z = pyramid(v, preset="zeithaml", shares=(1, 4, 15, 80))
    assert z.labels == ["platinum", "gold", "iron", "lead"]


def test_whale_20_80_30_rule_on_data_where_it_holds():
    """Top 20% bring 80% of the profit of profitable customers; the bottom 30% lose half of it."""
    profit = pd.Series([40.0, 40, 4, 4, 4, 4, 4, -40 / 3, -40 / 3, -40 / 3], name="profit")
    s = whale_summary(profit, top=0.2, bottom=0.3)
    assert s["top_share_of_gross"] == pytest.approx(0.8)
    assert s["bottom_loss_ratio"] == pytest.approx(-0.5)
    curve = whale_curve(profit)
    assert curve["profit_share"].max() == pytest.approx(100 / 60)   # the hump: 167% of profit
    assert curve["profit_share"].iloc[-1] == pytest.approx(1.0)


def test_telecom_bands_of_the_slides():
    bill = pd.Series([0, 50, 51, 100, 101, 200, 201, 300, 301, 500, 501, 2000.0], name="bill")
    t = spend_bands(bill)
    assert t.index.astype(str).tolist() == ["0-50", "51-100", "101-200", "201-300", "301-500",
                                            "over 500"]
    assert t["customers"].tolist() == [2, 2, 2, 2, 2, 2]


def test_kotler_relationship_levels():
    assert relationship_level("high", "few") == "partnership"
    assert relationship_level("low", "many") == "basic"
    assert relationship_level("medium", "many") == "reactive"
    assert relationship_level("medium", "moderate") == "accountable"
    assert relationship_level("high", "moderate") == "proactive"
    assert KOTLER_LEVELS.shape == (3, 3)
    table = pd.DataFrame({"margin_rate": [0.5, 0.05], "customers": [20, 1_000_000]})
    assert relationship_levels(table)["level"].astype(str).tolist() == ["partnership", "basic"]


def test_gini_and_pareto_known_values():
    assert gini(pd.Series([5.0] * 4)) == pytest.approx(0.0)
    assert gini(pd.Series([0.0, 0, 0, 10])) == pytest.approx(3 / 4)     # (n - 1) / n
    assert pareto_share(pd.Series([80.0, 5, 5, 5, 5]), top=0.2) == pytest.approx(0.8)


def test_two_axis_presets():
    d = pd.DataFrame({"assertiveness": [6, 6, 2, 2], "responsiveness": [2, 6, 6, 2]},
                     index=list("abcd"))
    res = two_axis(d, "assertiveness", "responsiveness", preset="social_styles", x_cut=4,
                   y_cut=4)
    assert res.tiers.astype(str).tolist() == ["driver", "expressive", "amiable", "analytical"]
    b2b = pd.DataFrame({"ladder": [5, 5, 1, 1], "cost": [1, 9, 1, 9]})
    res = two_axis(b2b, "ladder", "cost", preset="b2b", x_cut=3, y_cut=5)
    assert res.tiers.astype(str).tolist() == ["most valuable", "partner", "commodity buyer",
                                              "under-performer"]
    vp = pd.DataFrame({"now": [9, 9, 1, 1], "potential": [9, 1, 9, 1]})
    res = two_axis(vp, "now", "potential", preset="value_potential")
    assert res.tiers.astype(str).tolist() == ["high-value", "sub-value", "potential-value",
                                              "low-value"]


def test_value_loyalty_rk_preset_follows_reinartz_and_kumar():
    d = pd.DataFrame({"profit": [9, 9, 1, 1], "tenure": [9, 1, 9, 1]})
    res = two_axis(d, "profit", "tenure", preset="value_loyalty_rk", x_cut=5, y_cut=5)
    assert res.tiers.astype(str).tolist() == ["true friends", "butterflies", "barnacles",
                                              "strangers"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.floats(-1e3, 1e3), st.floats(-1e3, 1e3)), min_size=1, max_size=40),
       st.sampled_from(sorted(TWO_AXIS_PRESETS)))
def test_two_axis_partitions(points, preset):
    d = pd.DataFrame(points, columns=["x", "y"])
    res = two_axis(d, "x", "y", preset=preset)
    assert res.table["customers"].sum() == len(d)
    assert res.table["customer_share"].sum() == pytest.approx(1)
    high_x = d["x"] >= d["x"].median()
    cells = res.tiers.astype(str)
    labels = res.params["labels"]
    assert set(cells[high_x]) <= {labels[("high", "high")], labels[("high", "low")]}
    assert set(cells[~high_x]) <= {labels[("low", "high")], labels[("low", "low")]}


def test_customer_values_sums_the_log():
    tx = small_log().assign(margin=[4.0, 12, 30, 2, 2, 8], cost=[1.0, 1, 50, 1, 1, 1])
    v = customer_values(tx, margin="margin", cost="cost")
    assert v.loc["a"].tolist() == [2, 40.0, 16.0, 2.0, 14.0]
    assert v.loc["b", "profit"] == -20.0


def test_cycle_spend_tiers():
    tx = pd.DataFrame({
        "customer_id": ["p", "p", "p", "o", "o", "s"],
        "date": pd.to_datetime(["2024-01-01", "2024-01-11", "2024-01-21", "2024-01-01",
                                "2024-12-01", "2024-03-01"]),
        "amount": [500.0, 500, 500, 10, 10, 80],
    })
    cyc = purchase_cycle(tx)
    assert cyc.loc["p", "mean_interval"] == 10 and cyc.loc["p", "mean_spend"] == 500
    assert np.isnan(cyc.loc["s", "mean_interval"])
    res = cycle_spend_tiers(cyc, cycle_cuts=(30, 90), spend_cuts=(50, 300))
    assert res.tiers.astype(str).to_dict() == {"o": "optimisation", "p": "platinum",
                                               "s": "development"}


def test_scorecard_weights_and_tiers():
    d = pd.DataFrame({"revenue": [100.0, 50, 0, 75, 25], "cost": [0.0, 5, 10, 5, 10]},
                     index=list("abcde"))
    sc = scorecard(d, {"revenue": 60, "cost": 40}, lower_is_better=["cost"],
                   tiers={"top": 20, "rest": 80})
    assert sc.scores.loc["a", "index"] == pytest.approx(100)   # best on both
    assert sc.scores.loc["c", "index"] == pytest.approx(0)     # worst on both
    assert sc.scores.loc["a", "rank"] == 1
    assert sc.scores["tier"].astype(str).tolist() == ["top", "rest", "rest", "rest", "rest"]
    with pytest.raises(ValueError, match="must sum to 100"):
        scorecard(d, {"revenue": 60, "cost": 30})


def test_lifecycle_and_funnel():
    st_ = lifecycle_stages(small_log(), at="2024-12-31", new_days=60, active_days=90,
                           lapsed_days=365)
    assert st_["stage"].astype(str).to_dict() == {"a": "new", "b": "at-risk", "c": "active"}
    f = funnel(pd.Series([0, 1, 1, 2, 2, 2, 3, 7]), preset="pipeline")
    assert f["reached"].tolist() == [8, 7, 5, 2, 1, 1, 1, 1]
    assert f.loc["2 contacted (reconstructed)", "conversion"] == pytest.approx(5 / 7)
    dev = pd.DataFrame({"stage": ["suspect", "client", "prospect", "client"],
                        "lapsed": [False, True, False, False]})
    g = funnel(dev, lapsed="lapsed")
    assert g.loc["client", "reached"] == 2 and g.loc["client", "lapsed"] == 1


# ---------------------------------------------------------------- invariants (hypothesis)


@settings(max_examples=60, deadline=None)
@given(values_strategy.filter(lambda v: sum(v) > 0))
def test_shares_sum_to_one_and_tiers_partition(v):
    s = pd.Series(v, name="revenue")
    for res in (abc_classes(s), abc_classes(s, by="customers", shares=(10, 20, 70)),
                pyramid(s), pyramid(s, preset="zeithaml")):
        t = res.table
        assert t["customers"].sum() == len(s)                       # a partition
        assert t["customer_share"].sum() == pytest.approx(1)
        assert t["revenue_share"].sum() == pytest.approx(1)
        assert res.tiers.notna().all() and len(res.tiers) == len(s)
    if len(s) >= 10:
        d = decile_table(s)
        assert d["customers"].sum() == len(s)
        assert d["revenue_share"].sum() == pytest.approx(1)
        assert purchase_decile_table(s)["customers"].sum() == len(s)
    b = spend_bands(s)
    assert b["customers"].sum() == len(s) and b["customer_share"].sum() == pytest.approx(1)
    lc, pc = lorenz_curve(s), pareto_curve(s)
    assert lc["value_share"].iloc[-1] == pytest.approx(1) and pc["value_share"].iloc[-1] == pytest.approx(1)
    assert (np.diff(lc["value_share"]) >= -1e-12).all()
    assert 0 <= gini(s) < 1


@settings(max_examples=60, deadline=None)
@given(tied_values)
def test_tied_values_share_a_tier_and_ranking_is_monotone(v):
    s = pd.Series(v, name="revenue")
    if s.sum() > 0:
        for res in (abc_classes(s), pyramid(s)):
            codes = res.tiers.cat.codes
            for _, grp in codes.groupby(s.to_numpy()):
                assert grp.nunique() == 1
            order = np.argsort(-s.to_numpy(), kind="stable")
            assert (np.diff(codes.to_numpy()[order]) >= 0).all()   # better value, better tier


@settings(max_examples=60, deadline=None)
@given(tied_values, st.integers(2, 9))
def test_scores_in_range_and_ties_share_a_score(v, bins):
    rfm = pd.DataFrame({"recency": v, "frequency": v, "monetary": np.array(v) * 1.5})
    s = rfm_scores(rfm, bins=bins)
    for c in ("r_score", "f_score", "m_score"):
        assert s[c].between(1, bins).all()
        assert (s.groupby(rfm["frequency"])[c].nunique() == 1).all()
    x = rfm["frequency"].to_numpy()
    order = np.argsort(x, kind="stable")
    assert (np.diff(s["f_score"].to_numpy()[order]) >= 0).all()
    assert (np.diff(s["r_score"].to_numpy()[order]) <= 0).all()   # recency reversed


@settings(max_examples=40, deadline=None)
@given(tied_values, st.lists(st.floats(-10, 10), min_size=4, max_size=4, unique=True))
def test_threshold_scores_in_range_and_monotone(v, cuts):
    rfm = pd.DataFrame({"recency": v, "frequency": v, "monetary": v})
    cuts = sorted(cuts)
    s = rfm_scores(rfm, bins=5, thresholds={"recency": cuts, "frequency": cuts,
                                           "monetary": cuts})
    x = np.asarray(v)
    assert s["f_score"].between(1, 5).all() and s["r_score"].between(1, 5).all()
    assert (s["f_score"] + s["r_score"] == 6).all()     # the same cut-offs, reversed
    assert (s["f_score"].to_numpy() == 1 + (x[:, None] > np.array(cuts)).sum(axis=1)).all()


@settings(max_examples=40, deadline=None)
@given(logs(), st.sampled_from(["lifecycle", "pyramid", "abc", "rfm"]))
def test_reclassification_at_the_same_date_is_identity(tx, by):
    at = tx["date"].max()
    if by in ("pyramid", "abc") and tx["amount"].sum() == 0:
        return
    wide = classify_over_time(tx, [at, at], by=by)
    m = migration_matrix(wide.iloc[:, 0], wide.iloc[:, 1])
    off = m.to_numpy() - np.diag(np.diag(m.to_numpy()))
    assert (off == 0).all()
    share = migration_matrix(wide.iloc[:, 0], wide.iloc[:, 1], normalize="index").dropna(how="all")
    assert np.allclose(share.to_numpy(), np.eye(len(m))[m.sum(axis=1).to_numpy() > 0])


@settings(max_examples=40, deadline=None)
@given(logs())
def test_rfm_table_agrees_with_a_groupby(tx):
    rfm = rfm_table(tx, at="2024-06-30")
    g = tx.groupby("customer_id").agg(last=("date", "max"), n=("date", "size"),
                                      m=("amount", "sum"))
    assert rfm.index.tolist() == g.index.tolist()
    assert rfm["frequency"].tolist() == g["n"].tolist()
    assert np.allclose(rfm["monetary"], g["m"])
    assert rfm["recency"].tolist() == (pd.Timestamp("2024-06-30") - g["last"]).dt.days.tolist()


# ---------------------------------------------------------------- bad input


def test_missing_columns():
    with pytest.raises(ValueError, match="no column"):
        rfm_table(small_log(), amount="spend")
    with pytest.raises(ValueError, match="no column"):
        abc_classes(pd.DataFrame({"x": [1.0]}), "revenue")


def test_non_numeric_amounts():
    tx = small_log().assign(amount=["10", "x", "1", "2", "3", "4"])
    with pytest.raises(TypeError, match="must be numeric"):
        rfm_table(tx)
    with pytest.raises(TypeError, match="must be numeric"):
        pyramid(pd.DataFrame({"revenue": ["a", "b"]}), "revenue")


def test_negative_amounts_are_refused_unless_returns_net():
    tx = pd.concat([small_log(), pd.DataFrame({"customer_id": ["a"],
                                               "date": [pd.Timestamp("2024-12-25")],
                                               "amount": [-10.0]})], ignore_index=True)
    with pytest.raises(ValueError, match="returns='net'"):
        rfm_table(tx, at="2024-12-31")
    net = rfm_table(tx, at="2024-12-31", returns="net")
    assert net.loc["a"].tolist() == [10, 2, 30.0, 30]   # the return is not a purchase
    only_return = pd.DataFrame({"customer_id": ["z"], "date": [pd.Timestamp("2024-01-01")],
                                "amount": [-5.0]})
    with pytest.raises(ValueError, match="only returns"):
        rfm_table(pd.concat([small_log(), only_return]), returns="net")
    with pytest.raises(ValueError, match="returns must be"):
        rfm_table(small_log(), returns="drop")


def test_bad_dates():
    tx = small_log().assign(date=["2024-12-01", "yesterday", "2024-06-30", "2024-01-10",
                                  "2024-01-10", "2024-11-30"])
    with pytest.raises(ValueError, match="not dates"):
        rfm_table(tx)
    future = small_log()
    future.loc[0, "date"] = pd.Timestamp.today() + pd.Timedelta(days=30)
    with pytest.raises(ValueError, match="future"):
        rfm_table(future)
    with pytest.raises(ValueError, match="future"):
        rfm_table(small_log(), at=pd.Timestamp.today() + pd.Timedelta(days=30))
    with pytest.raises(ValueError, match="before the first transaction"):
        rfm_table(small_log(), at="2023-12-31")
    with pytest.raises(ValueError, match="must be a date"):
        rfm_table(small_log(), at="end of year")


def test_cutoffs_that_do_not_partition():
    v = pd.Series([3.0, 2, 1], name="revenue")
    with pytest.raises(ValueError, match="must sum to 100"):
        pyramid(v, shares=(1, 4, 15, 70))
    with pytest.raises(ValueError, match="fractions"):
        abc_classes(v, shares=(0.7, 0.2, 0.1))
    with pytest.raises(ValueError, match="positive percentages"):
        abc_classes(v, shares=(80, 20, 0))
    with pytest.raises(ValueError, match="one percentage per tier"):
        pyramid(v, shares=(50, 50))
    with pytest.raises(ValueError, match="strictly decreasing"):
        abc_classes(v, thresholds=(1e6, 5e6))
    with pytest.raises(ValueError, match="strictly increasing"):
        rfm_scores(rfm_table(small_log()), thresholds={"frequency": [1, 1, 2, 3]})
    with pytest.raises(ValueError, match="bins - 1"):
        rfm_scores(rfm_table(small_log()), thresholds={"recency": [30, 90]})
    with pytest.raises(ValueError, match="bins must be"):
        rfm_scores(rfm_table(small_log()), bins=1)
    with pytest.raises(ValueError, match="active_days"):
        lifecycle_stages(small_log(), active_days=400, lapsed_days=365)


def test_other_bad_input():
    with pytest.raises(ValueError, match="one row per customer"):
        abc_classes(pd.DataFrame({"c": ["a", "a"], "revenue": [1.0, 2.0]}), "revenue",
                    customer="c")
    with pytest.raises(ValueError, match="non-negative"):
        gini(pd.Series([1.0, -2.0]))
    with pytest.raises(ValueError, match="positive total profit"):
        whale_curve(pd.Series([-1.0, -2.0]))
    with pytest.raises(ValueError, match="the scores' bins"):
        bad = default_rfm_rules()
        bad.loc[0, "r_max"] = 6
        rfm_segments(rfm_scores(rfm_table(small_log())), bad)
    with pytest.raises(ValueError, match="default rules are for 5"):
        rfm_segments(rfm_scores(rfm_table(small_log()), bins=3))
    with pytest.raises(ValueError, match="unknown stage"):
        funnel(pd.Series(["suspect", "friend"]))
    with pytest.raises(ValueError, match="four keys"):
        two_axis(pd.DataFrame({"x": [1.0], "y": [2.0]}), "x", "y", labels={("high", "high"): "a"})
    with pytest.raises(ValueError, match="missing values"):
        two_axis(pd.DataFrame({"x": [1.0, np.nan], "y": [2.0, 1.0]}), "x", "y")
    with pytest.raises(ValueError, match="margin must be one of"):
        relationship_level("huge", "few")
    with pytest.raises(ValueError, match="below the first edge"):
        spend_bands(pd.Series([-5.0, 10.0], name="bill"))


# ---------------------------------------------------------------- widgets and plots


def test_abc_explorer():
    from cvlib.widgets.segments import abc_explorer

    v = customer_values(small_log().assign(date=pd.Timestamp("2024-01-01")))
    w = abc_explorer(v, "revenue")
    w.controls["a"].value = 60
    w.controls["b"].value = 30
    expected = abc_classes(v, "revenue", shares=(60, 30, 10))
    pd.testing.assert_frame_equal(w.result.table, expected.table)
    w.controls["b"].value = 40                   # C would get 0%: no partition
    assert w.result is None and "positive" in w.error
    w.controls["by"].value = "thresholds"
    w.controls["a_threshold"].value = 50.0
    w.controls["b_threshold"].value = 35.0
    assert w.result.tiers.astype(str).tolist() == ["B", "A", "C"]


def test_pyramid_explorer(retail):
    from cvlib.widgets.segments import pyramid_explorer

    v = customer_values(retail)
    w = pyramid_explorer(v, "revenue")
    w.controls["top"].value = 2
    assert w.result is None and "sum to 100" in w.error
    w.controls["bottom"].value = 79
    pd.testing.assert_frame_equal(w.result.table, pyramid(v, "revenue", shares=(2, 4, 15, 79)).table)
    w.controls["preset"].value = "zeithaml"
    assert w.result.labels == ["platinum", "gold", "iron", "lead"]
    assert w.error is None
    pd.testing.assert_frame_equal(w.result.table, pyramid(v, "revenue", preset="zeithaml").table)
    w.controls["preset"].value = "curry"
    pd.testing.assert_frame_equal(w.result.table, pyramid(v, "revenue").table)
    plt.close("all")


def test_rfm_rules_explorer(retail):
    from cvlib.widgets.segments import rfm_rules_explorer

    scores = rfm_scores(rfm_table(retail, at="2024-12-31"))
    w = rfm_rules_explorer(scores)
    pd.testing.assert_frame_equal(w.result, rfm_segments(scores))
    w.controls["rules"].value = "segment,r_min,r_max,f_min,f_max,m_min,m_max\nBest,5,5,5,5,5,5\n"
    assert set(w.result["segment"].astype(str)) <= {"Best", "Others"}
    assert (w.result["segment"] == "Best").sum() == ((scores[["r_score", "f_score", "m_score"]]
                                                      == 5).all(axis=1)).sum()
    w.controls["rules"].value = "segment,r_min\nX,1"
    assert w.result is None and "no column" in w.error


def test_two_axis_explorer():
    from cvlib.widgets.segments import two_axis_explorer

    accounts = datasets.load_b2b_accounts()
    w = two_axis_explorer(accounts, "assertiveness", "responsiveness", preset="social_styles",
                          customer="account_id")
    w.controls["x_cut"].value = 4.5
    expected = two_axis(accounts.dropna(subset=["assertiveness", "responsiveness"]),
                        "assertiveness", "responsiveness", x_cut=4.5,
                        y_cut=w.controls["y_cut"].value, preset="social_styles",
                        customer="account_id")
    pd.testing.assert_frame_equal(w.result.table, expected.table)
    plt.close("all")


def test_plots_return_axes(retail):
    from matplotlib.axes import Axes

    from cvlib import plots

    v = customer_values(retail, margin="gross_margin", cost="cost_to_serve")
    scores = rfm_scores(rfm_table(retail, at="2024-12-31"))
    wide = classify_over_time(retail, ["2024-06-30", "2024-12-31"])
    axes = [
        plots.plot_lorenz(v, "revenue"),
        plots.plot_pareto_curve(v, "revenue"),
        plots.plot_whale_curve(v, "profit"),
        plots.plot_tier_shares(abc_classes(v, "revenue", profit="profit"), "profit"),
        plots.plot_pyramid(pyramid(v, "revenue")),
        plots.plot_deciles(decile_table(v, "revenue")),
        plots.plot_rfm_heatmap(scores),
        plots.plot_two_axis(two_axis(v, "revenue", "profit")),
        plots.plot_migration(migration_matrix(wide.iloc[:, 0], wide.iloc[:, 1])),
        plots.plot_funnel(funnel(datasets.load_b2b_pipeline(), "pipeline_stage",
                                 preset="pipeline")),
    ]
    assert all(isinstance(a, Axes) for a in axes)
    plt.close("all")

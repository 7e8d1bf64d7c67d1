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
        plots.plot_lorenz(v, value="revenue"),
        plots.plot_pareto_curve(v, value="revenue"),
        plots.plot_whale_curve(v, profit="profit"),
        plots.plot_tier_shares(abc_classes(v, "revenue", profit="profit"), measure="profit"),
        plots.plot_pyramid(pyramid(v, "revenue")),
        plots.plot_deciles(decile_table(v, "revenue")),
        plots.plot_rfm_heatmap(scores),
        plots.plot_two_axis(two_axis(v, "revenue", "profit")),
        plots.plot_migration(migration_matrix(wide.iloc[:, 0], wide.iloc[:, 1])),
        plots.plot_funnel(funnel(datasets.load_b2b_pipeline(), "pipeline_stage",
                                 preset="pipeline")),
    ]
    assert all(isinstance(a, Axes) for a in axes)
    import inspect

    for name in plots.segments.__all__:   # one signature: plot_x(data, *, ..., ax=None, **kwargs)
        params = list(inspect.signature(getattr(plots, name)).parameters.values())
        assert params[1:] and all(p.kind in (p.KEYWORD_ONLY, p.VAR_KEYWORD) for p in params[1:]), name
        assert params[-1].kind is inspect.Parameter.VAR_KEYWORD, name
        assert "ax" in [p.name for p in params], name
    plt.close("all")



def test_plot_migration_names_what_migrates(retail):
    from cvlib import plots

    wide = classify_over_time(retail, ["2024-06-30", "2024-12-31"], by="lifecycle")
    move = migration_matrix(wide["2024-06-30"], wide["2024-12-31"])
    ax = plots.plot_migration(move, what="stage")
    assert ax.get_ylabel() == "stage at 2024-06-30" and ax.get_xlabel() == "stage at 2024-12-31"
    assert ax.get_title() == "Stage migration (% of each row)"
    ax = plots.plot_migration(move, normalize=False)
    assert ax.get_ylabel().startswith("tier at") and ax.get_title() == "Tier migration"
    with pytest.raises(TypeError, match="what must be a non-empty word"):
        plots.plot_migration(move, what="")
    plt.close("all")

# ---------------------------------------------------------------- course fidelity (issue 9)


def test_value_response_matrix_has_the_course_cells():
    from cvlib.segments import preset_table

    d = pd.DataFrame({"value": [9, 9, 1, 1], "response": [9, 1, 9, 1]})
    res = two_axis(d, "value", "response", preset="value_responsiveness", x_cut=5, y_cut=5)
    assert res.tiers.astype(str).tolist() == ["best", "strange", "fatal attraction", "ghosts"]
    zh = preset_table("value_responsiveness").set_index("label")["label_zh"]
    assert zh.to_dict() == {"best": "最佳客户", "strange": "奇异客户群",
                            "fatal attraction": "致命诱惑", "ghosts": "幽灵客户"}
    assert "Robert & Paul (1997)" in preset_table("value_responsiveness").attrs["source"]


def test_value_loyalty_presets_name_their_sources():
    from cvlib.segments import preset_table

    d = pd.DataFrame({"profit": [9, 9, 1, 1], "loyalty": [9, 1, 9, 1]})
    kj = two_axis(d, "profit", "loyalty", preset="value_loyalty", x_cut=5, y_cut=5)
    assert kj.tiers.astype(str).tolist() == ["golden", "at risk", "marginal",
                                             "don't over-service"]
    assert preset_table("value_loyalty")["label_zh"].tolist() == [
        "金牌客户", "风险客户", "边际客户", "无需过多服务的客户"]
    assert "Kelly & Julie (1999)" in TWO_AXIS_PRESETS["value_loyalty"]["source"]
    assert "Reinartz & Kumar (2002)" in TWO_AXIS_PRESETS["value_loyalty_rk"]["source"]
    assert "not in the course" in TWO_AXIS_PRESETS["value_loyalty_rk"]["source"]


def test_direct_indirect_and_volume_profit_matrices():
    d = pd.DataFrame({"direct": [9, 9, 1, 1], "indirect": [9, 1, 9, 1]})
    res = two_axis(d, "direct", "indirect", preset="direct_indirect", x_cut=5, y_cut=5)
    assert res.tiers.astype(str).tolist() == ["high-performing", "selling", "networking",
                                              "low-performing"]
    vp = two_axis(d, "direct", "indirect", preset="volume_profit", x_cut=5, y_cut=5)
    assert vp.tiers.astype(str).tolist()[1] == "high volume, low profit"
    assert TWO_AXIS_PRESETS["volume_profit"]["zh"][("high", "low")] == "销量高利润低"


def test_every_preset_has_four_english_and_chinese_labels_and_a_source():
    for name, p in TWO_AXIS_PRESETS.items():
        assert len(set(p["labels"].values())) == 4, name
        assert len(set(p["zh"].values())) == 4, name
        assert p["source"], name


def test_b2b_classes_use_the_loyalty_ladder_not_margin():
    from cvlib.segments import B2B_LOYALTY_LADDER, b2b_classes

    assert len(B2B_LOYALTY_LADDER) == 5
    assert B2B_LOYALTY_LADDER.loc[5, "rung_zh"] == "可能向你投资"
    d = pd.DataFrame({"ladder_level": [5, 3, 2, 1], "cost_to_serve": [1.0, 9, 1, 9]})
    assert b2b_classes(d, cost_cut=5).tiers.astype(str).tolist() == [
        "most valuable", "partner", "commodity buyer", "under-performer"]
    with pytest.raises(ValueError, match="rungs 0-5"):
        b2b_classes(d.assign(ladder_level=[6, 3, 2, 1]))
    with pytest.raises(ValueError, match="rungs 0-5"):
        b2b_classes(d.assign(ladder_level=[2.5, 3, 2, 1]))
    with pytest.raises(ValueError, match="must be non-negative"):
        b2b_classes(d.assign(cost_to_serve=[-1.0, 9, 1, 9]))


def test_b2b_benefits():
    from cvlib.segments import B2B_BENEFITS, b2b_benefit

    assert len(B2B_BENEFITS) == 4
    assert b2b_benefit(True, True) == "tangible financial"
    assert b2b_benefit(False, False) == "intangible non-financial"
    with pytest.raises(TypeError, match="True or False"):
        b2b_benefit("yes", True)


def test_abc_slide_table_and_sales_effort():
    from cvlib.segments import ABC_SLIDE_TABLE, sales_effort

    t = sales_effort()
    # the slide (file 003): A 10% of customers, 70% of sales, 15% of the reps' time; C 70/10/60
    assert ABC_SLIDE_TABLE.loc["A"].tolist() == [0.10, 0.70, 0.15]
    assert ABC_SLIDE_TABLE.loc["C"].tolist() == [0.70, 0.10, 0.60]
    assert t["sales_per_effort"].tolist() == pytest.approx([70 / 15, 20 / 25, 10 / 60])
    assert t["effort_change"].sum() == pytest.approx(0)
    assert t.loc["C", "effort_change"] == pytest.approx(-0.5)
    # ten customers built so that ABC by cumulative revenue (70/20/10) gives the slide's table
    ten = pd.Series([700.0, 100, 100, 20, 20, 15, 15, 10, 10, 10], name="revenue")
    table = abc_classes(ten, shares=(70, 20, 10)).table
    assert table["customer_share"].tolist() == pytest.approx(ABC_SLIDE_TABLE["customer_share"])
    assert table["revenue_share"].tolist() == pytest.approx(ABC_SLIDE_TABLE["sales_share"])
    with pytest.raises(ValueError, match="give 0.1 for 10%"):
        sales_effort(ABC_SLIDE_TABLE * 100)
    with pytest.raises(ValueError, match="must sum to 1"):
        sales_effort(ABC_SLIDE_TABLE.assign(effort_share=[0.2, 0.2, 0.2]))


def test_abc_reclassification_by_potential_moves_up_and_down():
    d = pd.DataFrame({"revenue": [8e6, 2e6, 3e5, 2e5], "potential": [None, "C", "A", None]},
                     index=list("wxyz"))
    res = abc_classes(d, "revenue", thresholds=(5e6, 1e6), potential="potential")
    assert res.tiers.astype(str).tolist() == ["A", "C", "A", "C"]
    assert res.assignments["class_by_value"].astype(str).tolist() == ["A", "B", "C", "C"]
    assert res.table["customers"].tolist() == [2, 0, 2]
    with pytest.raises(ValueError, match="class labels"):
        abc_classes(d.assign(potential=[None, "D", None, None]), "revenue",
                    thresholds=(5e6, 1e6), potential="potential")


def test_call_list_reproduces_the_slide():
    from cvlib.segments import call_list

    r = call_list(1000, 22, 1.0, calls_per_day=60)
    assert r["calls_needed_per_day"] == 46            # 1000 / 22 = 45.5, rounded up
    assert r["calls_per_month"] == 1320 and r["coverage"] == pytest.approx(1.32)
    assert call_list(1000, 22, calls_per_day=46)["coverage"] >= 1
    assert call_list(1000, 22, calls_per_day=45)["coverage"] < 1
    with pytest.raises(ValueError, match="give 1 for 100%|fraction"):
        call_list(1000, 22, coverage=100)
    with pytest.raises(ValueError, match="working_days"):
        call_list(1000, 40)
    with pytest.raises(ValueError, match="customers"):
        call_list(-5)
    with pytest.raises(ValueError, match="whole number"):
        call_list(1000.5)
    assert call_list(1000.0, 22)["calls_needed_per_day"] == 46


def test_daily_call_list_follows_the_slide_priorities():
    from cvlib.segments import daily_call_list

    a = pd.DataFrame({"stage": [5, 0, 4, 6], "state": ["no contract", "no contract",
                                                       "contract expired", "under contract"],
                      "likelihood": ["very likely", "poor", "good", "unclear"]},
                     index=list("abcd"))
    out = daily_call_list(a)
    assert out.index.tolist() == ["c", "a"] and out["reasons"].tolist() == [3, 2]
    with pytest.raises(ValueError, match="likelihood"):
        daily_call_list(a.assign(likelihood=["great", "poor", "good", "unclear"]))
    with pytest.raises(ValueError, match="stages 0-7"):
        daily_call_list(a.assign(stage=[9, 0, 4, 6]))


def test_pipeline_and_development_stages_follow_the_slides():
    from cvlib.segments import DEAL_LIKELIHOOD, DEVELOPMENT_STAGES, PIPELINE_STAGES

    assert len(PIPELINE_STAGES) == 8 and PIPELINE_STAGES[5] == "5 contract sent"
    assert "contract signed" not in " ".join(PIPELINE_STAGES)
    assert DEVELOPMENT_STAGES[-2:] == ["advocate", "partner"]
    assert len(DEAL_LIKELIHOOD) == 5
    pipeline = datasets.load_b2b_pipeline()
    f = funnel(pipeline, "development_stage", lapsed="lapsed", disqualified="disqualified")
    assert f.loc["partner", "reached"] <= f.loc["advocate", "reached"]
    assert f.loc["prospect", "disqualified"] > 0
    assert f["disqualified"].sum() == pipeline["disqualified"].sum()


def test_decile_contradiction_and_pareto_bounds():
    from cvlib.segments import pareto_share_bounds

    low, high = pareto_share_bounds(0.2, 0.8, 0.1)
    assert low == pytest.approx(0.4)      # so the slide's 30% (file 002) is impossible
    assert 0.3 < low and high == pytest.approx(0.775)
    # bounds hold for real data: the retailer's top 10% against its top 20%
    v = pd.Series(np.random.default_rng(1).pareto(1.2, 500) + 1, name="revenue")
    s20, s10, s50 = (pareto_share(v, top=t) for t in (0.2, 0.1, 0.5))
    lo10, hi10 = pareto_share_bounds(0.2, s20, 0.1)
    lo50, hi50 = pareto_share_bounds(0.2, s20, 0.5)
    assert lo10 - 1e-9 <= s10 <= hi10 + 1e-9 and lo50 - 1e-9 <= s50 <= hi50 + 1e-9
    with pytest.raises(ValueError, match="cannot bring less"):
        pareto_share_bounds(0.2, 0.1, 0.1)
    with pytest.raises(ValueError, match="give 0.8"):
        pareto_share_bounds(0.2, 80, 0.1)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(0.01, 1e4), min_size=10, max_size=60), st.sampled_from([0.1, 0.3, 0.5]),
       st.sampled_from([0.05, 0.2, 0.7, 0.9]))
def test_pareto_share_bounds_contain_every_curve(v, q, p):
    from cvlib.segments import pareto_share_bounds

    s = pd.Series(v, name="x")
    lo, hi = pareto_share_bounds(q, pareto_share(s, top=q), p)
    assert lo - 1e-9 <= pareto_share(s, top=p) <= hi + 1e-9


def test_telecom_bill_band_shares_add_to_100_1_percent():
    from cvlib.segments import TELECOM_SLIDE_SHARES, printed_shares_check

    r = printed_shares_check(TELECOM_SLIDE_SHARES)
    assert r["total"] == pytest.approx(1.001)
    assert r["excess_points"] == pytest.approx(0.1)
    assert r["explained_by_rounding"]
    assert not printed_shares_check([0.5, 0.6])["explained_by_rounding"]
    with pytest.raises(ValueError, match="fractions"):
        printed_shares_check([28.6, 45.4])


def test_pyramid_course_preset_and_textbook_split():
    from cvlib.segments import PYRAMID_PRESETS

    hundred = pd.Series(np.arange(100, 0, -1.0), name="revenue")
    assert pyramid(hundred).table["customers"].tolist() == [1, 4, 15, 80]
    course = pyramid(hundred, preset="course")
    assert course.table["customers"].tolist() == [1, 4, 45, 50]     # small = bottom 50% (000)
    assert "do not define the middle tiers" in PYRAMID_PRESETS["course"]["source"]
    assert PYRAMID_PRESETS["course"]["labels_zh"][-1] == "小客户"


def test_activity_based_cost():
    from cvlib.segments import activity_based_cost

    usage = pd.DataFrame({"customer_id": ["a", "a", "b"], "activity": ["order", "visit", "order"],
                          "quantity": [4, 1, 10]})
    out = activity_based_cost(usage, {"order": 10.0, "visit": 100.0}, margin={"a": 50, "b": 500})
    assert out["cost_to_serve"].to_dict() == {"a": 140.0, "b": 100.0}
    assert out["profit"].to_dict() == {"a": -90.0, "b": 400.0}
    with pytest.raises(ValueError, match="no rate"):
        activity_based_cost(usage, {"order": 10.0})
    with pytest.raises(ValueError, match="non-negative"):
        activity_based_cost(usage.assign(quantity=[-1, 1, 1]), {"order": 1.0, "visit": 1.0})
    with pytest.raises(ValueError, match="no value for customer"):
        activity_based_cost(usage, {"order": 1.0, "visit": 1.0}, margin={"a": 1.0})


def test_file_003_schemes():
    from cvlib.segments import (
        abcd_classes,
        dynamic_customer_list,
        purchase_frequency_classes,
        value_provision_types,
    )

    d = pd.DataFrame({"novelty": [7, 2, 3, 3], "price_sensitivity": [2, 2, 6, 3],
                      "image": [5, 6, 2, 3]})
    assert value_provision_types(d).tiers.astype(str).tolist() == [
        "lighthouse", "follower", "profit-seeking", "rational"]
    with pytest.raises(ValueError, match="1-7 scale"):
        value_provision_types(d.assign(novelty=[9, 2, 3, 3]))
    e = pd.DataFrame({"spend": [900.0, 800, 100, 50, 0], "years": [6, 1, 7, 1, 3]})
    assert abcd_classes(e, "spend", "years", value_cut=500,
                        loyalty_cut=5).tiers.astype(str).tolist() == ["A", "B", "B", "C", "D"]
    with pytest.raises(ValueError, match="non-negative"):
        abcd_classes(e.assign(spend=[-1.0, 1, 1, 1, 1]), "spend", "years")
    f = purchase_frequency_classes(small_log(), at="2024-12-31", window_days=180, high_from=2)
    assert f.tiers.astype(str).to_dict() == {"a": "high", "b": "zero", "c": "low"}
    assert f.assignments["purchases"].to_dict() == {"a": 2, "b": 0, "c": 1}
    assert purchase_frequency_classes(small_log(), at="2024-12-31", window_days=60,
                                      high_from=2).tiers.astype(str)["c"] == "low"
    assert purchase_frequency_classes(small_log(), at="2024-12-31", window_days=20,
                                      high_from=1).tiers.astype(str)["b"] == "zero"
    lst = dynamic_customer_list(small_log(), ["2024-06-30", "2024-12-31"], "monetary >= 30")
    assert lst["2024-12-31"].to_dict() == {"a": True, "b": True, "c": True}
    assert lst.attrs["joined"] == {"2024-12-31": 2}
    with pytest.raises(ValueError, match="cannot be evaluated"):
        dynamic_customer_list(small_log(), ["2024-12-31"], "spend >= 30")


def test_relationship_space_plan():
    from cvlib.segments import RELATIONSHIP_SPACE_EXAMPLE, relationship_space_plan

    plan = relationship_space_plan(RELATIONSHIP_SPACE_EXAMPLE.assign(customers=600))
    assert plan["contacts_per_month"].tolist() == [1300.0]     # 600 x 26 / 12
    with pytest.raises(ValueError, match="Kotler's levels"):
        relationship_space_plan(RELATIONSHIP_SPACE_EXAMPLE.assign(level="friendly", customers=1))


# ---------------------------------------------------------------- one vocabulary (issue 10)


def test_transactions_argument_and_deprecated_tx_alias():
    new = rfm_table(transactions=small_log(), at="2024-12-31")
    with pytest.warns(FutureWarning, match="tx=.*deprecated"):
        old = rfm_table(tx=small_log(), at="2024-12-31")
    pd.testing.assert_frame_equal(new, old)
    with pytest.warns(FutureWarning):
        customer_values(tx=small_log())
    with pytest.raises(TypeError, match="both"):
        rfm_table(tx=small_log(), transactions=small_log())


def test_rfm_output_says_which_recency():
    rfm = rfm_table(small_log(), at="2024-12-31")
    assert rfm.attrs["recency"].startswith("days since the last purchase")
    from cvlib.glossary import lookup

    assert "days since" in lookup("recency (RFM)").definition
    assert "t_x" in lookup("recency (BTYD)").definition


def test_classification_and_scorecard_build_on_result():
    from cvlib._results import Result

    res = abc_classes(pd.Series([5.0, 3, 1], name="revenue"))
    assert isinstance(res, Result)
    assert repr(res).startswith("Classification: ABC")
    assert "<b>Classification" in res._repr_html_()
    card = scorecard(pd.DataFrame({"a": [1.0, 2, 3], "b": [3.0, 1, 2]}), {"a": 3, "b": 1},
                     normalize=True)
    assert isinstance(card, Result)
    assert card.weights["weight"].tolist() == [75.0, 25.0]
    with pytest.raises(ValueError, match="normalize=True"):
        scorecard(pd.DataFrame({"a": [1.0, 2, 3], "b": [3.0, 1, 2]}), {"a": 3, "b": 1})


def test_two_axis_missing_vocabulary():
    d = pd.DataFrame({"x": [1.0, 2, None], "y": [1.0, 2, 3]})
    with pytest.raises(ValueError, match="missing"):
        two_axis(d, "x", "y")
    assert two_axis(d, "x", "y", missing="drop").table["customers"].sum() == 2
    with pytest.warns(FutureWarning):
        with pytest.raises(ValueError, match="missing"):
            two_axis(d, "x", "y", missing="error")
    with pytest.raises(ValueError, match="missing must be one of"):
        two_axis(d, "x", "y", missing="available")


def test_relationship_levels_refuse_percentages_and_negative_counts():
    lines = pd.DataFrame({"margin_rate": [5.0, 0.3], "customers": [100, 20]})
    with pytest.raises(ValueError, match="give 0.05"):
        relationship_levels(lines)
    with pytest.raises(ValueError, match="non-negative"):
        relationship_levels(lines.assign(margin_rate=[0.05, 0.3], customers=[-10, 20]))
    with pytest.raises(ValueError, match="margin rate"):
        relationship_levels(lines.assign(margin_rate=[-0.05, 0.3]))
    with pytest.raises(ValueError, match="give 0.15"):
        relationship_levels(lines.assign(margin_rate=[0.05, 0.3]), margin_cuts=(15, 35))
    ok = relationship_levels(lines.assign(margin_rate=[0.05, 0.3]))
    assert ok["level"].astype(str).tolist() == ["reactive", "proactive"]   # moderate x low, few x medium


def test_plots_draw_what_they_show(retail):
    from cvlib import plots
    from cvlib.segments import sales_effort

    v = customer_values(retail, margin="gross_margin", cost="cost_to_serve")
    ax = plots.plot_deciles(decile_table(v, "revenue"), measure="revenue", color="C2")
    heights = [p.get_height() for p in ax.patches]
    assert heights == pytest.approx((decile_table(v, "revenue")["revenue_share"] * 100).tolist())
    assert ax.patches[0].get_facecolor() == matplotlib.colors.to_rgba("C2")
    ax = plots.plot_sales_effort()
    bars = [p.get_height() for p in ax.patches]
    assert sorted(bars) == pytest.approx(sorted([10, 20, 70, 70, 20, 10, 15, 25, 60]))
    assert "4.67 sales per effort" in [t.get_text() for t in ax.texts]
    assert sales_effort()["sales_per_effort"].iloc[0] == pytest.approx(4.667, abs=1e-3)
    ax = plots.plot_lorenz(v, value="revenue", lw=5)
    assert ax.lines[0].get_linewidth() == 5
    assert ax.get_title().startswith("Lorenz curve, Gini = ")
    ax = plots.plot_funnel(funnel(pd.Series([0, 1, 1, 2]), preset="pipeline"))
    assert [t.get_text() for t in ax.get_yticklabels()][0] == "0 not yet reached"
    ax = plots.plot_pareto_bounds((0.2, 0.8), claims={0.1: (0.3, 0.5)})
    assert any("claim: top 10% bring 30%-50%" == t.get_text()
               for t in ax.get_legend().get_texts())
    plt.close("all")


def test_new_explorers():
    from cvlib.widgets import (
        call_list_explorer,
        decile_explorer,
        relationship_level_explorer,
        scorecard_explorer,
    )

    w = call_list_explorer()
    assert w.result["calls_needed_per_day"] == 46 and w.result["coverage"] == pytest.approx(1.32)
    w.controls["calls_per_day"].value = 46
    assert w.result["coverage"] == pytest.approx(46 * 22 / 1000)
    with pytest.raises(ValueError, match="give 1.0 for 100%"):
        call_list_explorer(coverage=100)
    w = relationship_level_explorer()
    assert w.result == "partnership"
    w.controls["margin"].value = "low"
    w.controls["customers"].value = "many"
    assert w.result == "basic"
    v = pd.Series(np.arange(100, 0, -1.0), name="revenue")
    w = decile_explorer(v)
    assert w.result["share"] == pytest.approx(decile_table(v)["revenue_share"].iloc[0])
    w.controls["n"].value = 5
    assert len(w.result["table"]) == 5
    d = pd.DataFrame({"a": [1.0, 2, 3], "b": [3.0, 1, 2]}, index=list("xyz"))
    w = scorecard_explorer(d, {"a": 50, "b": 50})
    w.controls["a"].value = 100
    assert w.result.weights["weight"].tolist() == [pytest.approx(100 * 100 / 150),
                                                   pytest.approx(50 * 100 / 150)]
    plt.close("all")

"""Tests of cvlib.cva (Gale's customer value analysis), its data, plots, widgets and exercises.

Published numbers: Gale (1994) Acura price profile (score 118.7 with ratios
printed to 2 decimals; 118.39 exact; relative price 84.46), the course
slides' weighted-average variant (8.2 vs 6.9 from the slides' own inputs),
the single-price case (35,200 vs 40,000 -> 88) and Gale's endoscopic
surgery quality profile (232), as restated in issue 3.  Everything else is
an invariant.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cvlib import cva, datasets
from cvlib.cva import (
    brand_scores,
    head_to_head,
    key_events,
    mean_ratings,
    price_profile,
    profile_from_ratings,
    quality_profile,
    relative_price,
    round_half_up,
    scores_over_time,
    value_map,
    what_who,
    win_loss,
)


def acura():
    return pd.DataFrame({
        "attribute": ["purchase price", "trade-in allowance", "resale price", "finance rate"],
        "weight": [60, 20, 10, 10],
        "Acura": [9, 6, 9, 7],
        "Competitors": [7, 6, 8, 7],
    })


def surgery():
    return pd.DataFrame({
        "attribute": ["at-home recovery period", "hospital stay", "complications rate",
                      "postoperative scar", "operation time"],
        "weight": [40, 30, 10, 5, 15],
        "ratio": [3.0, 2.0, 1.5, 1.4, 2.0],
    })


# ------------------------------------------------------------------ published numbers


def test_acura_price_profile_exact_ratios():
    p = price_profile(acura(), ours="Acura", competitor="Competitors")
    assert p.score == pytest.approx(118.39, abs=0.005)
    assert p.relative_price == pytest.approx(84.46, abs=0.005)
    assert p.kind == "price" and p.relative_quality is None


def test_acura_price_profile_rounded_ratios_as_gale_prints():
    p = price_profile(acura(), ours="Acura", competitor="Competitors", round_ratios=2)
    assert p.table["ratio"].tolist() == [1.29, 1.00, 1.13, 1.00]
    assert p.score == pytest.approx(118.7, abs=1e-9)


def test_round_half_up_differs_from_python_round():
    assert round(9 / 8, 2) == 1.12  # what Python does (half to even)
    assert round_half_up(9 / 8, 2) == 1.13  # what Gale prints
    assert round_half_up(1.005, 2) == 1.01
    assert round_half_up(-1.125, 2) == -1.13
    assert np.allclose(round_half_up([1.125, 2.5], 0), [1.0, 3.0])


def test_acura_weighted_average_variant_of_the_slides():
    p = price_profile(acura(), ours="Acura", competitor="Competitors", method="weighted_average")
    assert p.ours_average == pytest.approx(8.2)
    assert p.competitor_average == pytest.approx(6.9)
    assert p.score == pytest.approx(118.8, abs=0.05)
    # relative measures on the 100 scale (issue 10): 100 x 6.9 / 8.2
    assert p.relative == pytest.approx(84.1, abs=0.05)
    assert p.relative == p.relative_price
    # the slides print 8.3 vs 7.0, 1.18 and 0.85: arithmetic slips
    assert p.ours_average != pytest.approx(8.3, abs=0.05)
    assert p.relative != pytest.approx(85, abs=0.4)


def test_single_price_case():
    assert relative_price(35_200, 40_000) == pytest.approx(88.0)
    assert relative_price(35_200, [38_000, 42_000]) == pytest.approx(88.0)
    assert relative_price(100, [80, 160], weights=[3, 1]) == pytest.approx(100.0)


def test_surgery_quality_profile():
    p = quality_profile(surgery(), ratio="ratio", ours="endoscopic", competitor="traditional")
    assert p.score == pytest.approx(232.0)
    h = head_to_head(p)
    assert h.net_area == pytest.approx(132.0)
    assert h.table["area"].tolist() == pytest.approx([80.0, 30.0, 5.0, 2.0, 15.0])
    assert "ours" not in p.summary().columns  # no ratings to show


# --------------------------------------------------------------------------- errors


def test_weights_must_sum_to_100_unless_normalize():
    bad = acura().assign(weight=[30, 10, 5, 5])
    with pytest.raises(ValueError, match=r"must sum to 100, got 50.*normalize=True"):
        price_profile(bad, "Acura", "Competitors")
    p = price_profile(bad, "Acura", "Competitors", normalize=True)
    assert p.score == pytest.approx(price_profile(acura(), "Acura", "Competitors").score)
    assert any("rescaled" in n for n in p.notes)


def test_ratings_outside_the_scale():
    bad = acura()
    bad.loc[2, "Acura"] = 11
    with pytest.raises(ValueError, match=r"1-10 scale.*'resale price'=11"):
        price_profile(bad, "Acura", "Competitors")
    assert price_profile(bad, "Acura", "Competitors", scale=(0, 20)).score > 100


def test_unknown_brand_and_attribute_columns():
    with pytest.raises(ValueError, match=r"unknown brand 'Acrua'.*did you mean \['Acura'\]"):
        price_profile(acura(), "Acrua", "Competitors")
    with pytest.raises(ValueError, match=r"no column\(s\) \['feature'\]"):
        price_profile(acura(), "Acura", "Competitors", attribute="feature")
    with pytest.raises(ValueError, match=r"lower_is_better names unknown attribute\(s\) \['price'\]"):
        price_profile(acura(), "Acura", "Competitors", lower_is_better=["price"])
    with pytest.raises(ValueError, match=r"unknown attribute column\(s\) \['colour'\]"):
        profile_from_ratings(_tiny_ratings(), {"quality": 50, "colour": 50}, "A", "B")


def test_zero_competitor_rating_names_the_attribute():
    bad = acura()
    bad.loc[3, "Competitors"] = 0
    with pytest.raises(ValueError, match=r"undefined for attribute 'finance rate' \(Competitors = 0\)"):
        price_profile(bad, "Acura", "Competitors", scale=(0, 10))


def test_missing_ratings_policy():
    bad = acura().astype({"Acura": float})
    bad.loc[1, "Acura"] = np.nan
    with pytest.raises(ValueError, match=r"missing ratings for attribute\(s\) 'trade-in allowance'.*missing='drop'"):
        price_profile(bad, "Acura", "Competitors")
    p = price_profile(bad, "Acura", "Competitors", missing="drop")
    assert p.dropped == ["trade-in allowance"]
    assert p.table["weight"].sum() == pytest.approx(100.0)
    assert p.table["weight"].tolist() == pytest.approx([75.0, 12.5, 12.5])
    assert any("dropped" in n for n in p.notes) and "dropped" in repr(p)
    with pytest.raises(ValueError, match="missing"):
        price_profile(bad, "Acura", "Competitors", missing="ignore")


def test_bad_options():
    with pytest.raises(ValueError, match="method must be"):
        price_profile(acura(), "Acura", "Competitors", method="average")
    with pytest.raises(TypeError, match="ours= and competitor="):
        quality_profile(acura())
    with pytest.raises(ValueError, match="weighted_average"):
        quality_profile(surgery(), ratio="ratio", method="weighted_average")
    with pytest.raises(TypeError, match="DataFrame"):
        price_profile([1, 2], "Acura", "Competitors")
    with pytest.raises(ValueError, match="prices must be positive"):
        relative_price(0, 40_000)


def test_lower_is_better_inverts_the_ratio():
    measured = pd.DataFrame({"attribute": ["hospital days", "comfort"], "weight": [50, 50],
                             "endo": [1.5, 8.0], "trad": [5.0, 4.0]})
    p = quality_profile(measured, "endo", "trad", lower_is_better=["hospital days"], scale=None)
    assert p.table["ratio"].tolist() == pytest.approx([5.0 / 1.5, 2.0])
    with pytest.raises(ValueError, match="weighted_average"):
        quality_profile(measured, "endo", "trad", lower_is_better=["hospital days"], scale=None,
                        method="weighted_average")


# ---------------------------------------------------------------------- invariants

ratings = st.integers(min_value=1, max_value=10)


@st.composite
def profiles(draw):
    k = draw(st.integers(min_value=1, max_value=6))
    raw = draw(st.lists(st.integers(min_value=1, max_value=50), min_size=k, max_size=k))
    a = draw(st.lists(ratings, min_size=k, max_size=k))
    b = draw(st.lists(ratings, min_size=k, max_size=k))
    return pd.DataFrame({"attribute": [f"x{i}" for i in range(k)], "weight": raw, "A": a, "B": b})


@settings(max_examples=25, deadline=None)
@given(profiles(), st.sampled_from(["ratio", "weighted_average"]))
def test_a_brand_compared_with_itself_scores_100(t, method):
    t = t.assign(B=t["A"])
    p = quality_profile(t, "A", "B", normalize=True, method=method)
    assert p.score == pytest.approx(100.0)
    assert price_profile(t, "A", "B", normalize=True, method=method).relative_price == pytest.approx(100.0)


@settings(max_examples=25, deadline=None)
@given(profiles())
def test_swapping_ours_and_competitor_inverts_the_ratios(t):
    ab = quality_profile(t, "A", "B", normalize=True)
    ba = quality_profile(t, "B", "A", normalize=True)
    assert (ab.table["ratio"] * ba.table["ratio"]).to_numpy() == pytest.approx(np.ones(len(t)))
    # the weighted-average index inverts exactly; the ratio score obeys AM >= HM
    wa = quality_profile(t, "A", "B", normalize=True, method="weighted_average")
    wb = quality_profile(t, "B", "A", normalize=True, method="weighted_average")
    assert wa.score * wb.score == pytest.approx(100.0 * 100.0)
    assert ab.score * ba.score >= 100.0 * 100.0 * (1 - 1e-12)


@settings(max_examples=25, deadline=None)
@given(profiles())
def test_net_area_is_score_minus_100_and_relative_price_inverts(t):
    p = price_profile(t, "A", "B", normalize=True)
    assert head_to_head(p, sort=True).net_area == pytest.approx(p.score - 100.0)
    assert p.relative_price * p.score == pytest.approx(1e4)
    h = head_to_head(p, sort=True)
    assert h.table["end"].iloc[-1] == pytest.approx(100.0)
    assert list(h.table["area"]) == sorted(h.table["area"], reverse=True)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.floats(50, 150), st.floats(50, 150)), min_size=3, max_size=8),
       st.sampled_from(["diagonal", "regression"]))
def test_value_map_distance_is_perpendicular(points, line):
    q = np.array([p[0] for p in points])
    pr = np.array([p[1] for p in points])
    if line == "regression" and np.ptp(q) < 1:
        return
    m = value_map(pd.DataFrame({"brand": [f"b{i}" for i in range(len(q))], "relative_quality": q,
                                "relative_price": pr}), line=line, zone=3.0)
    a, b = m.intercept, m.slope
    # the foot of the perpendicular lies on the line, at |distance| from the point
    d = m.table["distance"].to_numpy()
    n = np.array([-b, 1.0]) / np.hypot(1.0, b)  # unit normal pointing "above" the line
    foot_q, foot_p = q + d * n[0], pr + d * n[1]
    assert foot_p == pytest.approx(a + b * foot_q, abs=1e-6)
    assert (((d > 0) == (pr < a + b * q)) | (np.abs(d) < 1e-9)).all()
    assert (m.table["position"][np.abs(d) <= 3.0] == "fair value").all()
    if line == "diagonal":
        assert d == pytest.approx((q - pr) / np.sqrt(2))


def test_value_map_examples_and_errors():
    data = pd.DataFrame({"brand": ["A", "B", "C"], "relative_quality": [110, 95, 100],
                         "relative_price": [100, 105, 100]})
    m = value_map(data)
    assert m.table["position"].tolist() == ["better value", "worse value", "fair value"]
    assert m.distance_of(100, 100) == pytest.approx(0.0)
    r = value_map(data, line="regression")
    assert r.params is not None and len(r.bse) == 2 and r.conf_int().shape == (2, 2)
    with pytest.raises(ValueError, match="at least 3 brands"):
        value_map(data.iloc[:2], line="regression")
    with pytest.raises(ValueError, match="line must be"):
        value_map(data, line="lowess")
    with pytest.raises(ValueError, match=r"missing for brand\(s\) \['B'\]"):
        value_map(data.assign(relative_price=[100, np.nan, 100]))


# ---------------------------------------------------------------- respondent level


def _tiny_ratings():
    return pd.DataFrame({
        "respondent_id": [1, 1, 2, 2, 3, 3],
        "brand": ["A", "B", "A", "B", "A", "B"],
        "quality": [8, 6, 9, 6, 7, 6],
        "service": [6, 6, 7, 8, 5, 7],
    })


def test_profile_from_ratings_matches_the_aggregated_profile():
    r = _tiny_ratings()
    w = {"quality": 70, "service": 30}
    p = profile_from_ratings(r, w, "A", "B", n_boot=200, seed=1)
    agg = quality_profile(mean_ratings(r, w), "A", "B")
    assert p.score == pytest.approx(agg.score)
    # quality 8 vs 6, service 6 vs 7: 70 * 8/6 + 30 * 6/7
    assert p.score == pytest.approx(70 * 8 / 6 + 30 * 6 / 7)
    assert p.intervals.loc["score", "ci_low"] <= p.score <= p.intervals.loc["score", "ci_high"]
    assert list(p.intervals.columns) == ["estimate", "se", "ci_low", "ci_high"]
    # conf_int(alpha) re-reads the same resamples at another level: wider at 99%
    c95, c99 = p.conf_int(), p.conf_int(0.01)
    assert list(c95.columns) == ["ci_low", "ci_high"]
    assert c95.loc["score", "ci_low"] == pytest.approx(p.intervals.loc["score", "ci_low"])
    assert c99.loc["score", "ci_low"] <= c95.loc["score", "ci_low"]
    again = profile_from_ratings(r, w, "A", "B", n_boot=200, seed=1)
    assert np.array_equal(p.boot_scores, again.boot_scores)  # seeded


def test_profile_from_ratings_missing_policies():
    r = _tiny_ratings().astype({"service": float})
    r.loc[0, "service"] = np.nan
    w = {"quality": 70, "service": 30}
    with pytest.raises(ValueError, match=r"1 missing answer.*missing='available'"):
        profile_from_ratings(r, w, "A", "B", n_boot=None)
    avail = profile_from_ratings(r, w, "A", "B", n_boot=None, missing="available")
    assert avail.table.loc[1, "ours"] == pytest.approx(6.0)  # (7 + 5) / 2
    assert avail.table.loc[1, "n_ours"] == 2
    listwise = profile_from_ratings(r, w, "A", "B", n_boot=None, missing="drop")
    assert listwise.table.loc[0, "ours"] == pytest.approx(8.0)  # respondent 1's A row dropped
    with pytest.warns(FutureWarning, match="missing='listwise' is deprecated"):
        old = profile_from_ratings(r, w, "A", "B", n_boot=None, missing="listwise")
    assert old.score == listwise.score
    with pytest.raises(ValueError, match=r"unknown brand 'C'"):
        profile_from_ratings(r, w, "A", "C", missing="available")
    bad = _tiny_ratings()
    bad.loc[2, "quality"] = 12
    with pytest.raises(ValueError, match="1-10 scale"):
        profile_from_ratings(bad, w, "A", "B")


def test_bootstrap_interval_narrows_with_more_respondents():
    survey = datasets.load_cva_car_survey()
    attrs = datasets.load_cva_car_attributes()
    qw = attrs[attrs["kind"] == "quality"].set_index("attribute")["weight"]
    full = profile_from_ratings(survey, qw, "Aurora", "Equinox", missing="available", n_boot=300, seed=0)
    ids = survey["respondent_id"].unique()[:160]
    part = profile_from_ratings(survey[survey["respondent_id"].isin(ids)], qw, "Aurora", "Equinox",
                                missing="available", n_boot=300, seed=0)
    width = lambda p: p.intervals.loc["score", "ci_high"] - p.intervals.loc["score", "ci_low"]  # noqa: E731
    assert width(full) < width(part)


def test_brand_scores_symmetry():
    t = pd.DataFrame({"attribute": ["a", "b"], "weight": [50, 50], "X": [6, 6], "Y": [6, 6],
                      "Z": [6, 6]})
    s = brand_scores(t)
    assert s["relative_quality"].tolist() == pytest.approx([100, 100, 100])
    with pytest.raises(ValueError, match="unknown brand"):
        brand_scores(t, ["X", "W"])


# ------------------------------------------------------------------------- win/loss


def _simulated_deals(n=4000, seed=11):
    rng = np.random.default_rng(seed)
    g = rng.integers(-3, 4, size=(n, 2))
    p = 1 / (1 + np.exp(-(0.2 + 0.8 * g[:, 0] + 0.1 * g[:, 1])))
    won = (rng.random(n) < p).astype(int)
    return pd.DataFrame({"won": won, "competitor": rng.choice(["X", "Y"], n),
                         "reason": np.where(won == 1, "price", "service"),
                         "price_ours": 5 + g[:, 0], "price_rival": 5,
                         "service_ours": 5 + g[:, 1], "service_rival": 5})


def test_win_loss_recovers_known_coefficients():
    d = _simulated_deals()
    wl = win_loss(d, ["price", "service"])
    coef = wl.drivers.set_index("attribute")["estimate"]
    assert coef["price"] == pytest.approx(0.8, abs=0.1)
    assert coef["service"] == pytest.approx(0.1, abs=0.1)
    assert wl.drivers["attribute"].iloc[0] == "price"
    assert wl.odds_ratios.iloc[1] == pytest.approx(np.exp(wl.params.iloc[1]))
    allrow = wl.by_competitor.set_index("competitor").loc["all"]
    assert allrow["won"] == d["won"].sum() and allrow["win_rate"] == pytest.approx(d["won"].mean())
    assert np.isfinite(wl.aic) and wl.nobs == len(d)
    assert wl.reasons.set_index("reason").loc["service", "lost"] == (d["won"] == 0).sum()
    # the results vocabulary: summary(ci) and conf_int(alpha) as DataFrames with ci_low / ci_high
    summ = wl.summary()
    assert list(summ.columns) == ["estimate", "se", "ci_low", "ci_high", "p_value"]
    ci = wl.conf_int()
    assert list(ci.columns) == ["ci_low", "ci_high"]
    assert ci.loc["gap_price", "ci_low"] == pytest.approx(wl.drivers.set_index("attribute").loc["price", "ci_low"])
    assert {"ci_low", "ci_high"} <= set(wl.by_competitor.columns)


def test_win_loss_errors():
    d = _simulated_deals(200)
    with pytest.raises(ValueError, match=r"unknown attribute.*'delivery_ours'"):
        win_loss(d, ["delivery"])
    with pytest.raises(ValueError, match="1/True for a won deal"):
        win_loss(d.assign(won=np.where(d["won"] == 1, "won", "lost")), ["price"])
    m = d.astype({"price_ours": float})
    m.loc[3, "price_ours"] = np.nan
    with pytest.raises(ValueError, match="missing='drop'"):
        win_loss(m, ["price"])
    assert win_loss(m, ["price"], missing="drop").nobs == len(d) - 1
    with pytest.raises(ValueError, match="both won and lost"):
        win_loss(d.assign(won=1), ["price"])


# ----------------------------------------------------------------------- key events


def test_key_events_alignment():
    scores = pd.DataFrame({"quarter": ["2023Q1", "2023Q2", "2023Q3", "2023Q4"],
                           "quality": [100.0, 102.0, 95.0, 97.0]})
    events = pd.DataFrame({"date": ["2023-08-01"], "event": ["recall"]})
    ke = key_events(scores, events, period="quarter")
    row = ke.events.iloc[0]
    assert row["period"] == "2023Q3"
    assert (row["quality_before"], row["quality_after"], row["quality_change"]) == (102.0, 95.0, -7.0)
    lagged = key_events(scores, events, period="quarter", lag=1).events.iloc[0]
    assert lagged["quality_change"] == -5.0
    with pytest.raises(ValueError, match=r"\['launch'\] fall outside the timeline"):
        key_events(scores, pd.DataFrame({"date": ["2023-02-01"], "event": ["launch"]}), period="quarter")
    with pytest.raises(ValueError, match="quarters such as"):
        key_events(scores.assign(quarter=["a", "b", "c", "d"]), events, period="quarter")
    with pytest.raises(ValueError, match="not dates"):
        key_events(scores, pd.DataFrame({"date": ["soon"], "event": ["x"]}), period="quarter")


def test_scores_over_time_on_tracking_data():
    attrs = datasets.load_cva_car_attributes()
    qw = attrs[attrs["kind"] == "quality"].set_index("attribute")["weight"]
    tr = datasets.load_cva_car_tracking()
    s = scores_over_time(tr, qw, "Aurora", "Aurora")
    assert len(s) == 8 and s["score"].to_numpy() == pytest.approx(np.full(8, 100.0))
    with pytest.raises(ValueError, match=r"unknown attribute\(s\) \['colour'\]"):
        scores_over_time(tr, {"colour": 100}, "Aurora", "Cometa")


# -------------------------------------------------------------------------- what/who


def test_what_who_shares():
    m = pd.DataFrame({"attribute": ["reliability", "service"], "weight": [60, 40],
                      "R&D": [9, 0], "Service": [3, 9], "ratio": [1.2, 0.9]})
    ww = what_who(m, ratio="ratio")
    share = ww.shares.set_index("function")["share"]
    # shares are fractions 0-1 (issue 10)
    assert share["R&D"] == pytest.approx(0.60 * 9 / 12)
    assert share["Service"] == pytest.approx(0.60 * 3 / 12 + 0.40)
    net = ww.shares.set_index("function")["net_area"]
    assert net.sum() == pytest.approx(60 * 0.2 + 40 * -0.1)  # = score - 100
    assert net["R&D"] == pytest.approx(60 * 0.2 * 9 / 12)
    q = what_who(m.drop(columns="ratio"), method="qfd").shares.set_index("function")["share"]
    assert q["R&D"] == pytest.approx(540 / (540 + 540))


def test_what_who_errors():
    m = pd.DataFrame({"attribute": ["a", "b"], "weight": [60, 40], "R&D": [9, 0], "Sales": [5, 0]})
    with pytest.raises(ValueError, match=r"9 \(strong\).*'a'/'Sales'=5"):
        what_who(m)
    with pytest.raises(ValueError, match=r"no function is responsible for attribute\(s\) \['b'\]"):
        what_who(m.assign(Sales=[3, 0]))
    with pytest.raises(ValueError, match="must sum to 100"):
        what_who(m.assign(Sales=[3, 1], weight=[50, 40]))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.sampled_from([0, 1, 3, 9]), min_size=3, max_size=3), min_size=1, max_size=5),
       st.sampled_from(["distribute", "qfd"]))
def test_what_who_shares_sum_to_1(rows, method):
    rows = [r if any(r) else [1, 0, 0] for r in rows]
    k = len(rows)
    m = pd.DataFrame(rows, columns=["f1", "f2", "f3"])
    m.insert(0, "weight", 100.0 / k)
    m.insert(0, "attribute", [f"a{i}" for i in range(k)])
    assert what_who(m, method=method).shares["share"].sum() == pytest.approx(1.0)


# ------------------------------------------------------------------ data, plots, widgets


def test_synthetic_market_is_consistent():
    survey = datasets.load_cva_car_survey()
    attrs = datasets.load_cva_car_attributes()
    assert attrs.groupby("kind", observed=True)["weight"].sum().tolist() == [100, 100]
    assert set(attrs["attribute"]) <= set(survey.columns)
    assert survey["respondent_id"].nunique() == 640
    assert survey.groupby("respondent_id").size().between(2, 3).all()
    r = survey[attrs["attribute"]]
    v = r.to_numpy(dtype=float, na_value=np.nan)
    v = v[~np.isnan(v)]
    assert ((v >= 1) & (v <= 10)).all() and np.array_equal(v, np.round(v))
    assert r["finance_rate"].isna().mean() > 0.15  # cash buyers skip it
    deals = datasets.load_cva_car_deals()
    assert set(deals["won"].unique()) == {0, 1}
    assert deals["quarter"].nunique() == 8
    assert len(datasets.load_cva_car_tracking()) == 8 * 5 * 10
    assert cva.__name__ and len(datasets.load_cva_car_events()) >= 5


def _bars(ax):
    import matplotlib.patches as mpatches

    return [p for p in ax.patches if isinstance(p, mpatches.Rectangle) and p.get_height() != 0]


def test_plots_draw_what_the_result_holds():
    from cvlib.plots import (
        plot_cva_head_to_head,
        plot_cva_key_events,
        plot_cva_profile,
        plot_cva_value_map,
        plot_cva_what_who,
        plot_cva_win_loss,
    )

    p = price_profile(acura(), "Acura", "Competitors")
    fig, ax = plt.subplots()
    assert plot_cva_profile(p, ax=ax, alpha=0.4) is ax
    widths = sorted(b.get_width() for b in ax.patches)
    assert widths == sorted([9, 6, 9, 7, 7, 6, 8, 7])  # Gale's Acura and competitor ratings
    assert all(b.get_alpha() == 0.4 for b in ax.patches)
    assert "relative price 84.5" in ax.get_title()
    fig, ax = plt.subplots()
    h = head_to_head(p)
    plot_cva_head_to_head(h, ax=ax)
    bars = _bars(ax)
    assert [round(b.get_width(), 9) for b in bars] == [60, 10]  # trade-in and finance rate are at parity
    assert [round(b.get_height(), 9) for b in bars] == [round(9 / 7 - 1, 9), round(9 / 8 - 1, 9)]
    vm = value_map(pd.DataFrame({"brand": ["A", "B"], "relative_quality": [110, 95],
                                 "relative_price": [100, 105]}))
    fig, ax = plt.subplots()
    plot_cva_value_map(vm, ax=ax)
    from matplotlib.collections import PathCollection

    pts = np.vstack([c.get_offsets() for c in ax.collections if isinstance(c, PathCollection)])
    assert pts.tolist() == [[110, 100], [95, 105]]
    wl = win_loss(_simulated_deals(300), ["price", "service"])
    fig, ax = plt.subplots()
    plot_cva_win_loss(wl, ax=ax)
    np.testing.assert_allclose(np.asarray(ax.containers[0].lines[0].get_xdata(), dtype=float),
                               wl.drivers["odds_ratio"].to_numpy(float))
    assert [t.get_text() for t in ax.get_yticklabels()] == wl.drivers["attribute"].tolist()
    ke = key_events(pd.DataFrame({"period": ["2023Q1", "2023Q2"], "q": [100.0, 101.0]}),
                    pd.DataFrame({"date": ["2023-05-01"], "event": ["launch"]}))
    fig, ax = plt.subplots()
    plot_cva_key_events(ke, ax=ax, lw=3)
    assert list(ax.lines[0].get_ydata()) == [100.0, 101.0] and ax.lines[0].get_linewidth() == 3
    assert "launch" in [t.get_text() for t in ax.texts]
    # review item: the event sits at its quarter's tick (2023Q2 = x 1), not later by its date
    dashed = [ln for ln in ax.lines if ln.get_linestyle() == "--"]
    assert len(dashed) == 1 and list(dashed[0].get_xdata()) == [1, 1]
    ww = what_who(pd.DataFrame({"attribute": ["a", "b"], "weight": [50, 50], "R&D": [9, 0],
                                "Sales": [3, 9]}))
    fig, ax = plt.subplots()
    plot_cva_what_who(ww, ax=ax)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["R&D\n38%", "Sales\n62%"]
    plt.close("all")
    with pytest.raises(TypeError, match="needs a Profile"):
        plot_cva_profile(acura())
    with pytest.raises(TypeError):
        plot_cva_profile(p, ax)  # ax is keyword-only


# ---------------------------------------------------------------- issue 10 / 11: vocabulary, slips


def test_relative_measures_on_the_100_scale():
    p = price_profile(acura(), "Acura", "Competitors")
    assert round(p.relative, 2) == 84.46 == round(p.relative_price, 2)  # Gale: 118.39 -> 84.46
    q = quality_profile(surgery(), ratio="ratio")
    assert q.relative == q.relative_quality == q.score == 232.0
    with pytest.raises(ValueError, match="no bootstrap resamples"):
        p.conf_int()


def test_round_ratios_must_be_a_whole_number_of_decimals():
    for bad in (-1, 1.5, True, "2"):
        with pytest.raises(ValueError, match="round_ratios must be a whole number of decimals >= 0"):
            price_profile(acura(), "Acura", "Competitors", round_ratios=bad)
    assert price_profile(acura(), "Acura", "Competitors", round_ratios=0).score == pytest.approx(100.0)


def test_a_brand_against_itself_has_a_readable_result():
    p = quality_profile(acura(), "Acura", "Acura")
    assert p.score == 100.0
    assert "Acura (competitor)" in p.summary().columns and "Acura vs Acura" in repr(p)
    assert "<table" in p._repr_html_()


def test_duplicated_rows_are_refused_not_averaged():
    r = _tiny_ratings()
    twice = pd.concat([r, r.iloc[[0]]], ignore_index=True)
    w = {"quality": 70, "service": 30}
    with pytest.raises(ValueError, match=r"1 duplicated \(respondent, brand\) row\(s\), first \[1, 'A'\]"):
        profile_from_ratings(twice, w, "A", "B", n_boot=None)
    with pytest.raises(ValueError, match="duplicated"):
        mean_ratings(twice, w)
    tr = pd.DataFrame({"quarter": ["2024Q1"] * 3, "brand": ["A", "B", "A"], "attribute": "q",
                       "rating": [8, 4, 6]})
    with pytest.raises(ValueError, match=r"1 repeated \(quarter, brand, attribute\) row\(s\), "
                                         r"first \['2024Q1', 'A', 'q'\]"):
        scores_over_time(tr, {"q": 100}, "A", "B", period="quarter")


def test_bootstrap_arguments():
    r = _tiny_ratings()
    w = {"quality": 70, "service": 30}
    with pytest.raises(ValueError, match="n_boot=None to skip"):
        profile_from_ratings(r, w, "A", "B", n_boot=0)
    with pytest.raises(ValueError, match=r"give 0.95, not 95"):
        profile_from_ratings(r, w, "A", "B", ci=95)
    with pytest.warns(FutureWarning, match=r"level=...\) is deprecated"):
        old = profile_from_ratings(r, w, "A", "B", level=0.9, n_boot=50, seed=2)
    assert old.ci_level == 0.9
    a = profile_from_ratings(r, w, "A", "B", n_boot=50, seed=np.random.default_rng(5))
    b = profile_from_ratings(r, w, "A", "B", n_boot=50, seed=5)
    assert np.array_equal(a.boot_scores, b.boot_scores)


def test_win_loss_refuses_a_percentage_level_and_empty_deals():
    d = _simulated_deals(200)
    with pytest.raises(ValueError, match=r"ci must be a confidence level.*give 0.95, not 95"):
        win_loss(d, ["price"], ci=95)
    with pytest.warns(FutureWarning), pytest.raises(ValueError, match="give 0.95, not 95"):
        win_loss(d, ["price"], level=95)
    with pytest.raises(ValueError, match="deals is empty"):
        win_loss(d.iloc[:0], ["price"])
    with pytest.raises(ValueError, match="missing must be one of 'raise', 'drop'"):
        win_loss(d, ["price"], missing="available")
    wide = win_loss(d, ["price"], ci=0.99).conf_int(0.01)
    narrow = win_loss(d, ["price"]).conf_int()
    assert (wide["ci_high"] - wide["ci_low"] > narrow["ci_high"] - narrow["ci_low"]).all()


def test_key_events_gap_in_the_quarters_is_named():
    scores = pd.DataFrame({"period": ["2023Q1", "2023Q2", "2023Q4", "2024Q1"], "q": [100.0, 101, 99, 98]})
    events = pd.DataFrame({"date": ["2023-11-01"], "event": ["launch"]})
    with pytest.raises(ValueError, match=r"no row for quarter\(s\) \['2023Q3'\].*\['launch'\].*gap at \['2023Q3'\]"):
        key_events(scores, events)
    assert key_events(scores, pd.DataFrame({"date": ["2024-02-01"], "event": ["x"]})).events[
        "q_change"].item() == -1.0  # a gap elsewhere does not matter
    for bad in (-1, 0.5, True):
        with pytest.raises(ValueError, match="lag must be a whole number"):
            key_events(scores, events, lag=bad)


def test_value_map_results_vocabulary_and_bad_weights():
    data = pd.DataFrame({"brand": list("ABCD"), "relative_quality": [90, 100, 110, 120],
                         "relative_price": [92, 99, 112, 117], "share": [0.1, 0.4, -0.2, 0.3]})
    with pytest.raises(ValueError, match=r"column 'share' \(regression weights\) must be non-negative.*\['C'\]"):
        value_map(data, line="regression", weight="share")
    with pytest.raises(ValueError, match="positive weight to 2 brand"):
        value_map(data.assign(share=[0, 0, 0.5, 0.5]), line="regression", weight="share")
    m = value_map(data.drop(columns="share"), line="regression")
    ci = m.conf_int()
    assert list(ci.columns) == ["ci_low", "ci_high"] and list(ci.index) == ["intercept", "slope"]
    assert ci.loc["slope", "ci_low"] < m.params["slope"] < ci.loc["slope", "ci_high"]
    d = value_map(data.drop(columns="share"))
    assert d.params.tolist() == [0.0, 1.0] and d.bse.isna().all() and d.conf_int().isna().all().all()


def test_cva_results_share_one_base():
    from cvlib._results import Result

    p = price_profile(acura(), "Acura", "Competitors")
    for r in [p, head_to_head(p), value_map(pd.DataFrame({"brand": ["A"], "relative_quality": [100],
                                                           "relative_price": [100]})),
              win_loss(_simulated_deals(300), ["price"]),
              what_who(pd.DataFrame({"attribute": ["a"], "weight": [100], "R&D": [9]})),
              key_events(pd.DataFrame({"period": ["2023Q1", "2023Q2"], "q": [100.0, 101.0]}),
                         pd.DataFrame({"date": ["2023-05-01"], "event": ["launch"]}))]:
        assert isinstance(r, Result) and isinstance(r.summary(), pd.DataFrame)
        assert "<b>" in r._repr_html_()


def test_cva_widgets_refuse_out_of_range_starts_and_bad_columns():
    from cvlib.widgets import cva_profile_explorer, cva_value_map_explorer

    t = acura()
    t.loc[0, "Acura"] = 11
    with pytest.raises(ValueError, match=r"Acura rating of 'purchase price'=11 is outside the range of the "
                                         r"'Acura' control, 1 to 10"):
        cva_profile_explorer(t, "Acura", "Competitors")
    with pytest.raises(ValueError, match=r"unknown brand 'Acra'.*did you mean \['Acura'\]"):
        cva_profile_explorer(acura(), "Acra", "Competitors")
    with pytest.raises(ValueError, match=r"data has no column\(s\) \['weight'\]"):
        cva_profile_explorer(acura().rename(columns={"weight": "w"}))
    with pytest.raises(ValueError, match=r"unknown brand 'Zephyr'"):
        cva_value_map_explorer(brand="Zephyr")


def test_profile_explorer_matches_the_pure_function():
    from cvlib.widgets import cva_profile_explorer

    w = cva_profile_explorer()
    assert w.result.score == pytest.approx(price_profile(acura(), "Acura", "Competitors").score)
    w.controls["ours|purchase price"].value = 7
    t = acura()
    t.loc[0, "Acura"] = 7
    assert w.result.score == pytest.approx(price_profile(t, "Acura", "Competitors").score)
    w.controls["method"].value = "weighted_average"
    assert w.result.score == pytest.approx(
        price_profile(t, "Acura", "Competitors", method="weighted_average").score)
    w.controls["weight|finance rate"].value = 20
    assert w.result is None and "must sum to 100" in w.error
    w.controls["normalize"].value = True
    assert w.error is None and w.result.table["weight"].sum() == pytest.approx(100)
    plt.close("all")


def test_value_map_explorer_moves_one_brand():
    from cvlib.widgets import cva_value_map_explorer
    from cvlib.widgets.cva import value_map_from_prices

    w = cva_value_map_explorer(brand="Aurora")
    before = w.result.table.set_index("brand").loc["Aurora", "relative_price"]
    w.controls["price"].value = 180_000
    prices = datasets.load_cva_car_brands().set_index("brand")["list_price"].astype(float)
    others = prices.drop("Aurora").mean()
    after = w.result.table.set_index("brand")
    assert after.loc["Aurora", "relative_price"] == pytest.approx(100 * 180_000 / others)
    assert after.loc["Aurora", "relative_price"] < before
    attrs = datasets.load_cva_car_attributes()
    qw = attrs[attrs["kind"] == "quality"].set_index("attribute")["weight"]
    table = mean_ratings(datasets.load_cva_car_survey(), qw, missing="available")
    expected = value_map_from_prices(table, prices, brand="Aurora", price=180_000)
    assert w.result.table["distance"].to_numpy() == pytest.approx(expected.table["distance"].to_numpy())
    w.controls["weight|comfort"].value = 40
    assert w.result is None and "must sum to 100" in w.error
    plt.close("all")


def test_exercises_have_answers_that_check():
    from cvlib.exercises import check, registry

    reg = registry()
    ids = [i for i in reg if i.startswith("02.")]
    assert len(ids) >= 3
    assert reg["02.4"].answer() in {"Aurora", "Borealis", "Cometa", "Draco", "Equinox"}
    p = quality_profile(surgery().assign(weight=[40, 30, 10, 10, 10]), ratio="ratio")
    check("02.1", p.score)
    with pytest.raises(AssertionError):
        check("02.1", 232.0)


def test_reprs_show_the_key_numbers():
    p = price_profile(acura(), "Acura", "Competitors")
    text = repr(p)
    assert "118.39" in text and "relative price 84.46" in text and "Acura" in text
    assert "<table" in p._repr_html_() and "118.39" in p._repr_html_()
    s = p.summary()
    assert s["attribute"].iloc[-1] == "total" and s["weighted_ratio"].iloc[-1] == pytest.approx(p.score)
    assert "net area +18.39" in repr(head_to_head(p))
    m = value_map(pd.DataFrame({"brand": ["A", "B"], "relative_quality": [110, 95],
                                "relative_price": [100, 105]}))
    assert "better value" in repr(m) and "<table" in m._repr_html_()
    wl = win_loss(_simulated_deals(300), ["price", "service"])
    assert "300 deals" in repr(wl) and "AIC" in repr(wl)
    ww = what_who(pd.DataFrame({"attribute": ["a"], "weight": [100], "R&D": [9]}))
    assert "R&D 100.0%" in repr(ww)


def test_respondent_level_self_comparison_is_parity():
    survey = datasets.load_cva_car_survey()
    attrs = datasets.load_cva_car_attributes()
    pw = attrs[attrs["kind"] == "price"].set_index("attribute")["weight"]
    p = profile_from_ratings(survey, pw, "Cometa", "Cometa", kind="price", missing="drop", n_boot=50,
                             seed=0)
    assert p.score == pytest.approx(100.0) and p.relative_price == pytest.approx(100.0)
    assert p.intervals.loc["score", "ci_low"] == pytest.approx(100.0)
    assert any("missing='drop'" in n for n in p.notes)
    # a brand compared with itself: repr() and summary() work (issue 11)
    assert "Cometa (competitor)" in repr(p) and len(p.summary()) == len(p.table) + 1

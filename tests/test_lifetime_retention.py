"""Retention arithmetic, simple CLV and acquisition economics (cvlib.lifetime.retention).

Sources of the asserted numbers: the course material, file 004 ("如果客户保持率在90%": retention
90% -> lifetime 10 years, 95% -> 20 years); the workbook's own worked examples, checked by hand
from the closed forms (CLV 140 / 125 / 100 for m = 40, r = 0.8, d = 0.12; the five-year CLV
925.6 for m = 334, r = 0.85, d = 0.12; NPV 111.66 and -4.00, IRR 3.03%, payback in year 3 of
the cash flows [-51, 30, 42, 44, 49, 55] and [-40, 22, 13, 7]); Gupta & Lehmann (2003, Table
1: the margin multiple r / (1 + i - r)); the rest are invariants.
"""

import math

import matplotlib
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cvlib.lifetime import (
    acquisition_cost,
    acquisition_economics,
    annual_sales,
    clv_by_retention,
    clv_conventions,
    customer_share,
    customer_value_from_interval,
    expected_lifetime,
    finite_horizon_clv,
    irr,
    margin_multiple,
    margin_multiple_table,
    npv,
    payback_period,
    retention_profit_effect,
    retention_scenario,
    sales_projection,
    simple_clv,
    survival_curve,
)
from cvlib.lifetime.retention import DEFAULT_TIMING

matplotlib.use("Agg")

retention_st = st.floats(0.01, 0.98)
rate_st = st.floats(0.0, 0.5)
margin_st = st.floats(1.0, 1000.0)


# ---------------------------------------------------------------- published / issue numbers


def test_expected_lifetime_slides():
    # retention 90% -> 10 years, 95% -> 20 years (course file 004, "平均客户生命周期为10年")
    assert expected_lifetime(0.90) == pytest.approx(10.0)
    assert expected_lifetime(0.95) == pytest.approx(20.0)


def test_three_timing_conventions():
    # m = 40, r = 0.8, d = 0.12: 40 x 1.12 / 0.32, 40 / 0.32, 40 x 0.8 / 0.32
    assert simple_clv(40, 0.8, 0.12, timing="start") == pytest.approx(140.0)
    assert simple_clv(40, 0.8, 0.12, timing="end") == pytest.approx(125.0)
    assert simple_clv(40, 0.8, 0.12, timing="end_retained") == pytest.approx(100.0)
    # one default timing everywhere: "end" (TIMINGS, CONTRIBUTING.md)
    assert DEFAULT_TIMING == "end"
    assert simple_clv(40, 0.8, 0.12) == pytest.approx(125.0)
    assert retention_scenario(40, 0.8, 0.12).clv == pytest.approx(125.0)
    assert finite_horizon_clv(40, 0.8, 0.12, 3000) == pytest.approx(125.0)
    assert clv_by_retention(40, 0.12, [0.8])["clv"].item() == pytest.approx(125.0)
    import inspect

    for f in (simple_clv, finite_horizon_clv, clv_by_retention, retention_scenario,
              retention_profit_effect):
        assert inspect.signature(f).parameters["timing"].default == "end", f.__name__
    table = clv_conventions(40, 0.8, 0.12)
    assert table.loc[["start", "end", "end_retained"], "clv"].tolist() == pytest.approx([140, 125, 100])


def test_finite_horizon_clv_issue():
    # m = 334, r = 0.85, d = 0.12, 5 years: sum of 334 x 0.85^(t-1) / 1.12^t, t = 1..5 = 925.6
    assert finite_horizon_clv(334, 0.85, 0.12, 5) == pytest.approx(925.6, abs=0.05)


def test_margin_multiple_gupta_lehmann_table():
    # Gupta & Lehmann (2003), Table 1: margin multiples, retention 60-90%, discount 10-16%
    published = [
        [1.20, 1.15, 1.11, 1.07],
        [1.75, 1.67, 1.59, 1.52],
        [2.67, 2.50, 2.35, 2.22],
        [4.50, 4.09, 3.75, 3.46],
    ]
    table = margin_multiple_table()
    assert np.allclose(table.to_numpy(), published, atol=0.005)
    assert margin_multiple(0.8, 0.12) * 40 == pytest.approx(simple_clv(40, 0.8, 0.12, timing="end_retained"))


def test_npv_issue():
    # -51, 30, 42, 44, 49, 55 at 10% -> 111.66; -40, 22, 13, 7 at 10% -> -4.00 (by hand)
    assert npv([-51, 30, 42, 44, 49, 55], 0.10) == pytest.approx(111.66, abs=0.005)
    assert npv([-40, 22, 13, 7], 0.10) == pytest.approx(-4.00, abs=0.005)


def test_irr_and_payback_issue():
    # IRR 3.03%, payback in year 3 (cumulative -40, -18, -5, +2)
    assert irr([-40, 22, 13, 7]) == pytest.approx(0.0303, abs=0.00005)
    assert payback_period([-40, 22, 13, 7]) == 3
    # at 10% the outlay is never recovered (the NPV is negative)
    assert payback_period([-40, 22, 13, 7], 0.10) is None
    res = acquisition_economics([-40, 22, 13, 7], 0.10)
    assert res.npv == pytest.approx(-4.00, abs=0.005)
    assert res.irr == pytest.approx(0.0303, abs=0.00005)
    assert res.payback == 3 and res.discounted_payback is None
    assert res.table["cumulative_pv"].iloc[-1] == pytest.approx(res.npv)
    assert res.summary().loc["IRR", "value"] == pytest.approx(res.irr)
    assert "NPV -4.00" in repr(res) and "<table" in res._repr_html_()


def test_fractional_payback():
    # cumulative -40, -18, -5, +2: the 5 still owed after year 2 take 5/7 of year 3
    assert payback_period([-40, 22, 13, 7], fractional=True) == pytest.approx(2 + 5 / 7)


def test_irr_zeroes_npv_and_npv_at_irr():
    flows = [-51, 30, 42, 44, 49, 55]
    assert npv(flows, irr(flows)) == pytest.approx(0.0, abs=1e-8)


# ---------------------------------------------------------------- definitions


def test_survival_curve_constant_and_varying():
    s = survival_curve(0.8, periods=3)
    assert s["survival"].tolist() == pytest.approx([1.0, 0.8, 0.64, 0.512])
    assert s["lost"].sum() == pytest.approx(1 - 0.512)
    v = survival_curve([0.631, 0.742])
    assert v["survival"].tolist() == pytest.approx([1.0, 0.631, 0.631 * 0.742])


def test_customer_share_keeps_series_index():
    assert customer_share(300, 1200) == pytest.approx(0.25)
    s = customer_share(pd.Series([50.0, 100.0], index=["a", "b"]), [200.0, 100.0])
    assert list(s.index) == ["a", "b"] and s.tolist() == pytest.approx([0.25, 1.0])


def test_annual_sales_definition():
    # N r x 12 f x s; with "average" the churners leave evenly: N (1 + r) / 2
    assert annual_sales(10_000, 0.8, 4, 50) == pytest.approx(10_000 * 0.8 * 12 * 4 * 50)
    assert annual_sales(10_000, 0.8, 4, 50, basis="average") == pytest.approx(10_000 * 0.9 * 12 * 4 * 50)
    proj = sales_projection(10_000, 0.8, 4, 50, years=3)
    assert proj["sales"].iloc[0] == pytest.approx(annual_sales(10_000, 0.8, 4, 50))
    assert proj["customers"].tolist() == pytest.approx([8000, 6400, 5120])
    # with acquisitions the base tends to A / (1 - r)
    steady = sales_projection(10_000, 0.8, 4, 50, years=200, new_customers=500)
    assert steady["customers"].iloc[-1] == pytest.approx(500 / 0.2)


def test_acquisition_cost_and_net_clv():
    assert acquisition_cost(2.0, 0.04) == pytest.approx(50.0)
    assert simple_clv(40, 0.8, 0.12, acquisition_cost=50) == pytest.approx(75.0)


def test_customer_value_from_interval():
    cv = customer_value_from_interval(30, 200, lifetime_years=5)
    assert cv.purchases_per_year == pytest.approx(365 / 30)
    assert cv.lifetime_value == pytest.approx(365 / 30 * 200 * 5)
    # with a retention rate and no discounting: annual value x 1 / (1 - r)
    cv = customer_value_from_interval(30, 200, retention=0.8, margin=0.25)
    assert cv.lifetime_years == pytest.approx(5.0)
    assert cv.lifetime_value == pytest.approx(365 / 30 * 200 * 0.25 * 5)
    assert cv.summary().loc["lifetime value", "value"] == pytest.approx(cv.lifetime_value)
    assert "Customer value" in repr(cv)


# ---------------------------------------------------------------- invariants


@settings(max_examples=60, deadline=None)
@given(margin_st, retention_st, retention_st, rate_st,
       st.sampled_from(["start", "end", "end_retained"]))
def test_clv_increasing_in_retention(m, r1, r2, d, timing):
    lo, hi = sorted((r1, r2))
    if hi - lo < 1e-6:
        return
    assert simple_clv(m, hi, d, timing=timing) > simple_clv(m, lo, d, timing=timing)


@settings(max_examples=60, deadline=None)
@given(margin_st, retention_st, rate_st, rate_st,
       st.sampled_from(["start", "end", "end_retained"]))
def test_clv_decreasing_in_discount_rate(m, r, d1, d2, timing):
    lo, hi = sorted((d1, d2))
    if hi - lo < 1e-6:
        return
    assert simple_clv(m, r, lo, timing=timing) > simple_clv(m, r, hi, timing=timing)


@settings(max_examples=40, deadline=None)
@given(margin_st, retention_st, st.floats(0.01, 0.5), st.integers(1, 60),
       st.sampled_from(["start", "end", "end_retained"]))
def test_finite_horizon_increasing_and_converging(m, r, d, years, timing):
    shorter = finite_horizon_clv(m, r, d, years, timing=timing)
    longer = finite_horizon_clv(m, r, d, years + 1, timing=timing)
    infinite = simple_clv(m, r, d, timing=timing)
    # sums of positive terms: rounding can reorder equal partial sums by a few ulps
    tol = 1e-12 * abs(infinite)
    assert shorter <= longer + tol and longer <= infinite + tol
    if years <= 5:  # later terms can fall below floating-point resolution
        assert shorter < longer
    assert finite_horizon_clv(m, r, d, 3000, timing=timing) == pytest.approx(infinite, rel=1e-9)


@settings(max_examples=40, deadline=None)
@given(retention_st)
def test_survival_sums_to_expected_lifetime(r):
    # the expected lifetime is the sum of the survival curve: sum_{t>=0} r^t = 1 / (1 - r)
    s = survival_curve(r, periods=5000)
    assert s["survival"].sum() == pytest.approx(expected_lifetime(r), rel=1e-6)
    assert (np.diff(s["survival"]) <= 0).all()
    assert (np.diff(s["survival"].iloc[:50]) < 0).all()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(1.0, 100.0), min_size=1, max_size=8), st.floats(1.0, 100.0))
def test_irr_solves_npv(returns, outlay):
    # one outlay then returns: a single sign change, so a unique IRR that zeroes the NPV
    flows = np.array([-outlay] + returns)
    rate = irr(flows)
    value = np.sum(flows / (1 + rate) ** np.arange(len(flows)))
    assert value == pytest.approx(0.0, abs=1e-7 * np.abs(flows).sum())
    # positive exactly when the returns exceed the outlay
    assert (rate > 0) == (sum(returns) > outlay) or abs(sum(returns) - outlay) < 1e-9


def test_clv_by_retention_table():
    grid = clv_by_retention(40, 0.12)
    assert grid["clv"].is_monotonic_increasing
    assert grid.loc[grid["retention"] == 0.8, "clv"].item() == pytest.approx(125.0)
    with pytest.raises(ValueError, match="give 0.9"):
        clv_by_retention(40, 0.12, [90, 80])


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize("r", [0, 1, 1.2, -0.1, 85])
def test_retention_outside_unit_interval(r):
    with pytest.raises(ValueError, match="retention must lie in"):
        simple_clv(40, r, 0.12)
    with pytest.raises(ValueError, match="retention must lie in"):
        expected_lifetime(r)
    with pytest.raises(ValueError, match="retention must lie in"):
        finite_horizon_clv(40, r, 0.12, 5)


def test_retention_percentage_hint():
    with pytest.raises(ValueError, match="give 0.9 for 90%"):
        expected_lifetime(90)


@pytest.mark.parametrize("d", [-0.3, -1, -1.5])
def test_negative_discount_rates_are_refused_for_clv(d):
    for call in (lambda: simple_clv(40, 0.8, d), lambda: finite_horizon_clv(40, 0.8, d, 5),
                 lambda: retention_scenario(40, 0.8, d), lambda: acquisition_economics([-1, 2], d)):
        with pytest.raises(ValueError, match=r"discount_rate must lie in \[0, 1\]|rate must lie in"):
            call()


@pytest.mark.parametrize("d", [-1, -1.5])
def test_npv_rate_minus_one_or_less(d):
    with pytest.raises(ValueError, match="rate must be greater than -1"):
        npv([-40, 22, 13, 7], d)


def test_discount_rate_percentage_slip():
    with pytest.raises(ValueError, match="give 0.12 for 12%"):
        simple_clv(40, 0.8, 12)
    with pytest.raises(ValueError, match="give 0.1 for 10%"):
        acquisition_economics([-40, 22, 13, 7], 10)
    # npv accepts every rate irr can return, but warns about a likely percentage slip
    with pytest.warns(UserWarning, match="give 0.1"):
        npv([-40, 22, 13, 7], 10)


def test_margin_growth_divergence():
    with pytest.raises(ValueError, match="diverges"):
        retention_profit_effect(100, 0.9, 0.05, margin_growth=0.2)


def test_bad_timing_and_horizon():
    with pytest.raises(ValueError, match="timing must be one of"):
        simple_clv(40, 0.8, 0.12, timing="middle")
    with pytest.raises(ValueError, match="years must be"):
        finite_horizon_clv(40, 0.8, 0.12, 0)
    with pytest.raises(ValueError, match="whole number"):
        finite_horizon_clv(40, 0.8, 0.12, 2.5)


def test_bad_survival_and_share():
    with pytest.raises(ValueError, match="retention rates must lie in"):
        survival_curve([0.8, 1.2])
    with pytest.raises(ValueError, match="exceeds total_spend"):
        customer_share([500], [400])
    with pytest.raises(ValueError, match="total_spend must be positive"):
        customer_share(0, 0)
    with pytest.raises(ValueError, match="our_spend must be non-negative"):
        customer_share(-1, 10)


def test_bad_sales_and_cost_inputs():
    with pytest.raises(ValueError, match="customers must be positive"):
        annual_sales(0, 0.8, 4, 50)
    with pytest.raises(ValueError, match="basis must be"):
        annual_sales(100, 0.8, 4, 50, basis="start")
    with pytest.raises(ValueError, match="response_rate must lie in"):
        acquisition_cost(2, 4)
    with pytest.raises(ValueError, match="margin must lie in"):
        customer_value_from_interval(30, 200, lifetime_years=5, margin=40)
    with pytest.raises(ValueError, match="exactly one of lifetime_years"):
        customer_value_from_interval(30, 200)
    with pytest.raises(ValueError, match="mean_interval_days must be positive"):
        customer_value_from_interval(0, 200, lifetime_years=5)


def test_bad_cash_flows():
    with pytest.raises(ValueError, match="change sign"):
        irr([40, 22, 13])
    with pytest.raises(ValueError, match="at least two"):
        npv([-40], 0.1)
    with pytest.raises(ValueError, match="1-D sequence"):
        npv("-40, 22", 0.1)


def test_expected_lifetime_is_finite():
    assert math.isfinite(expected_lifetime(0.999))


# ---------------------------------------------------------------- widgets


def test_retention_explorer_matches_pure_function():
    from cvlib.lifetime import retention_scenario
    from cvlib.widgets import retention_explorer

    w = retention_explorer()
    w.controls["retention"].value = 0.90
    w.controls["discount_rate"].value = 0.0
    assert w.error is None
    assert w.result.expected_lifetime == pytest.approx(10.0)
    assert w.result == retention_scenario(40.0, 0.90, 0.0, 10)
    w.controls["timing"].value = "end_retained"
    w.controls["discount_rate"].value = 0.12
    w.controls["retention"].value = 0.80
    assert w.result.clv == pytest.approx(100.0)
    w.controls["timing"].value = "end"
    assert w.result.clv == pytest.approx(125.0)
    w.controls["margin"].value = float("nan")
    assert w.result is None and "finite" in w.error
    import matplotlib.pyplot as plt

    plt.close("all")


class _FakeModel:
    """Stands in for a fitted BG/NBD model, to test the explorer's wiring alone."""

    def p_alive(self, frequency, recency, T):
        if recency > T:
            raise ValueError(f"recency must not exceed T, got {recency} > {T}")
        return 1.0 if frequency == 0 else recency / T

    def expected_purchases(self, t, frequency, recency, T):
        return t * (frequency + 1) / (T + 1)


def test_bgnbd_explorer_wiring():
    from cvlib.widgets import bgnbd_customer, bgnbd_explorer

    model = _FakeModel()
    w = bgnbd_explorer(model)
    w.controls["frequency"].value = 3
    w.controls["recency"].value = 20.0
    w.controls["T"].value = 40.0
    w.controls["t"].value = 10.0
    assert w.result == bgnbd_customer(model, 3, 20.0, 40.0, 10.0)
    assert w.result.p_alive == pytest.approx(0.5)
    w.controls["recency"].value = 50.0
    assert w.result is None and "recency" in w.error
    import matplotlib.pyplot as plt

    plt.close("all")


# ---------------------------------------------------------------- exercises of notebook 05


def test_exercise_answers_from_sources():
    from cvlib.exercises import ExerciseFailed, check, exercise

    # 05.1: 1 / (1 - 0.85) - 1 / (1 - 0.80) = 6.667 - 5 years
    assert exercise("05.1").answer() == pytest.approx(20 / 3 - 5)
    check("05.1", 1.667)  # passes silently (prints a confirmation)
    with pytest.raises(ExerciseFailed, match="factor of 100"):
        check("05.1", 166.67)
    # 05.2: the finite CLV reaches 90% of 334 / (1.12 - 0.85) when (0.85 / 1.12)^T <= 0.1
    assert exercise("05.2").answer() == math.ceil(math.log(0.1) / math.log(0.85 / 1.12))
    # 05.3: the IRR zeroes the NPV of the issue's cash flows
    assert npv([-51, 30, 42, 44, 49, 55], exercise("05.3").answer()) == pytest.approx(0, abs=1e-8)
    # 05.4: 946 of the 2,357 CDNOW customers repeat in the calibration period (datasets README)
    assert exercise("05.4").answer() == pytest.approx(1 - 946 / 2357)
    with pytest.raises(ExerciseFailed):
        check("05.4", 946 / 2357)
    # 05.6 is a count: exact, so one customer off fails (issue 12)
    n = exercise("05.6").answer()
    assert isinstance(n, int) and exercise("05.6").tol == 0
    check("05.6", n)
    for wrong in (n - 1, n + 1):
        with pytest.raises(ExerciseFailed):
            check("05.6", wrong)
    # 05.8: m = 100, d = 0.12, acquisition cost 150: net CLV 100/0.37 - 150 = 120.27 at 75%,
    # 100/0.32 - 150 = 162.5 at 80%: +35.1%
    assert exercise("05.8").answer() == pytest.approx(162.5 / (100 / 0.37 - 150) - 1)
    with pytest.raises(ExerciseFailed, match="change of the CLV itself"):
        check("05.8", 0.37 / 0.32 - 1)       # the change of the gross CLV, not of the profit


@pytest.mark.slow
def test_bgnbd_explorer_with_cdnow_model():
    # default model: BetaGeo fitted on the published CDNOW summary (Fader, Hardie & Lee 2005)
    from cvlib.datasets import fetch_cdnow_summary
    from cvlib.lifetime import BetaGeo
    from cvlib.widgets import bgnbd_explorer

    w = bgnbd_explorer()
    model = BetaGeo().fit(fetch_cdnow_summary())
    assert w.result.p_alive == pytest.approx(float(model.p_alive(2, 30.43, 38.86)))
    assert w.result.expected_purchases == pytest.approx(
        float(model.expected_purchases(39, 2, 30.43, 38.86)))
    w.controls["frequency"].value = 0
    w.controls["recency"].value = 0.0
    assert w.result.p_alive == 1.0  # no repeat purchase: alive for sure under BG/NBD
    w.controls["recency"].value = 45.0  # recency > T
    assert w.result is None and "recency" in w.error
    import matplotlib.pyplot as plt

    plt.close("all")

"""What the lifetime topic refuses, and why (issue 11, classes 2, 4, 5, 6 and 7).

Every case here returned a silently wrong number or an unclear error before: a fit that the
data cannot identify, a percentage given where a fraction is meant, a count column that
overwrites a pattern column, a widget that clamps its starting value, an IRR that npv refused.
Each refusal must name the problem and the expected input.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from cvlib.lifetime import (
    BetaGeo,
    BetaGeoBeta,
    GammaGamma,
    ModelFitError,
    ParetoNBD,
    ShiftedBetaGeometric,
    collapse_patterns,
    frequency_recency_grid,
    irr,
    npv,
    payback_period,
    purchase_tracking,
    summarize,
)

BG = BetaGeo.from_params(r=0.243, alpha=4.414, a=0.793, b=2.426)
GG = GammaGamma.from_params(p=6.25, q=3.74, gamma=15.44)
NOBODY = pd.DataFrame({"frequency": [0] * 50, "recency": [0.0] * 50, "T": np.linspace(5, 30, 50)})


# ------------------------------------------------------------------ class 2: unidentified fits


@pytest.mark.parametrize("model", [BetaGeo, ParetoNBD])
def test_nobody_repeating_cannot_identify_a_purchase_model(model):
    with pytest.raises(ModelFitError, match="cannot identify.*no customer made a repeat purchase"):
        model().fit(NOBODY)


def test_bgbb_nobody_repeating():
    data = pd.DataFrame({"frequency": [0, 0], "recency": [0, 0], "periods": [6, 6]})
    with pytest.raises(ModelFitError, match="no customer made a repeat transaction"):
        BetaGeoBeta().fit(data)


@pytest.mark.parametrize("counts, why", [
    ([1000, 1000, 1000], "no customer left the cohort"),
    ([1000, 0, 0], "every customer left in the first period"),
    ([1000, 900, 900, 900], "only in the first period and nobody afterwards"),
    ([1000, 500], "one period of renewals"),
])
def test_sbg_counts_that_cannot_identify_alpha_and_beta(counts, why):
    with pytest.raises(ModelFitError, match=why):
        ShiftedBetaGeometric().fit(counts)


def test_infinite_times_are_refused_with_the_column_name():
    data = pd.DataFrame({"frequency": [1, 2], "recency": [1.0, 2.0], "T": [np.inf, 3.0]})
    for model in (BetaGeo(), ParetoNBD()):
        with pytest.raises(ValueError, match="column 'T' .* infinite"):
            model.fit(data)
    with pytest.raises(ValueError, match="T has 1 infinite"):
        BG.p_alive(1, 1.0, np.inf)
    with pytest.raises(ValueError, match="t has 1 infinite"):
        BG.expected_purchases(np.inf, 1, 1.0, 2.0)
    with pytest.raises(ValueError, match="alive has 1 infinite"):
        ShiftedBetaGeometric().fit([np.inf, 10, 5])


def test_fractional_survivor_counts_are_refused():
    with pytest.raises(ValueError, match="whole numbers of customers"):
        ShiftedBetaGeometric().fit([1.0, 0.631, 0.468, 0.382])


# ------------------------------------------------------------------ class 4: percentage and sign slips


@pytest.mark.parametrize("kwargs, message", [
    ({"discount_rate": 10}, r"give 0.1 for 10%"),
    ({"discount_rate": 1.5}, r"discount_rate must lie in \[0, 1\]"),
    ({"discount_rate": -0.01}, r"discount_rate must lie in \[0, 1\]"),
    ({"margin": 40}, r"give 0.4 for 40%"),
    ({"margin": -0.4}, r"margin must lie in \[0, 1\]"),
    ({"time": 0}, "whole number of months"),
    ({"time": 2.5}, "whole number of months"),
])
def test_gamma_gamma_clv_refuses_slips(kwargs, message):
    with pytest.raises(ValueError, match=message):
        GG.customer_lifetime_value(BG, 2, 30.43, 38.86, 20.0, **kwargs)


def test_gamma_gamma_clv_with_a_fraction_is_the_reference():
    # the slip of issue 11 returned 0.41 instead of about 37.7: the right call is positive and
    # decreases with the rate
    low = GG.customer_lifetime_value(BG, 2, 30.43, 38.86, 20.0, discount_rate=0.01)
    high = GG.customer_lifetime_value(BG, 2, 30.43, 38.86, 20.0, discount_rate=0.10)
    assert 0 < high < low


@pytest.mark.parametrize("rate", [10, 0, -0.1])
def test_sbg_values_refuse_percentages_and_non_positive_rates(rate):
    m = ShiftedBetaGeometric.from_params(alpha=0.704, beta=1.182)
    with pytest.raises(ValueError, match=r"discount_rate must lie in \(0, 1\]"):
        m.customer_lifetime_value(100, rate)
    with pytest.raises(ValueError, match=r"discount_rate must lie in \(0, 1\]"):
        m.residual_lifetime_value(100, rate, renewals=2)


# ------------------------------------------------------------------ class 5: nothing overwritten


def test_collapse_patterns_refuses_a_count_name_that_overwrites_a_column():
    s = pd.DataFrame({"frequency": [0, 0, 2], "recency": [0.0, 0.0, 3.0], "T": [5.0, 5.0, 5.0]})
    for name in ("frequency", "recency", "T"):
        with pytest.raises(ValueError, match=f"name='{name}' is one of the pattern columns"):
            collapse_patterns(s, name=name)
    before = s.copy()
    out = collapse_patterns(s, name="customers")
    assert out["customers"].tolist() == [2, 1] and out["frequency"].tolist() == [0, 2]
    pd.testing.assert_frame_equal(s, before)


# ------------------------------------------------------------------ vocabulary: transactions=, data


def test_transaction_log_argument_is_transactions_with_log_deprecated():
    log = pd.DataFrame({"customer_id": [1, 1, 2], "date": ["2024-01-01", "2024-01-15", "2024-01-08"],
                        "amount": [10.0, 20.0, 5.0]})
    new = summarize(transactions=log, observation_end="2024-01-29", time_unit="D")
    with pytest.warns(FutureWarning, match="use transactions="):
        old = summarize(log=log, observation_end="2024-01-29", time_unit="D")
    pd.testing.assert_frame_equal(new, old)
    assert new.attrs["recency"].startswith("t_x: time from the first to the last purchase")
    with pytest.raises(TypeError, match="both log= and transactions="):
        summarize(log=log, transactions=log)
    bg = BetaGeo.from_params(r=0.243, alpha=4.414, a=0.793, b=2.426)
    with pytest.warns(FutureWarning, match="use transactions="):
        purchase_tracking(bg, log=log, time_unit="D")


def test_frequency_recency_grid_uses_the_fitted_data_of_every_model():
    # ParetoNBD never set the private _data, so the grid fell back to T = 52 without a word
    from cvlib.datasets import fetch_cdnow_summary

    summary = fetch_cdnow_summary()
    for model in (BetaGeo().fit(summary), ParetoNBD().fit(summary)):
        pd.testing.assert_series_equal(model.data["T"], summary["T"].astype(float),
                                       check_names=False)
        grid = frequency_recency_grid(model)
        assert grid.attrs["T"] == summary["T"].max()              # 38.86 weeks, not 52
        assert grid.index.max() == min(summary["frequency"].max(), 30)
    with pytest.raises(ValueError, match="give T"):
        frequency_recency_grid(BG)
    assert frequency_recency_grid(BG, T=30).attrs["T"] == 30


# ------------------------------------------------------------------ class 7: irr and npv agree


@pytest.mark.parametrize("flows", [[-1, 3], [-1, 1, 1e-310], [-1, 0, 0, 1], [-40, 22, 13, 7],
                                   [0, -1, 2], [-1e-300, 1e-300 * 1.1], [-1, 0.5],
                                   [-100, 230, -132]])
def test_irr_is_a_rate_npv_accepts_and_zeroes(flows):
    rate = irr(flows)
    assert np.isfinite(rate) and rate > -1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)          # rates above 100% warn
        value = npv(flows, rate)
        payback_period(flows, rate)
    assert value == pytest.approx(0.0, abs=1e-9 * np.abs(flows).sum())


def test_irr_examples():
    assert irr([-1, 3]) == pytest.approx(2.0)                 # 200%: 3 = 1 x (1 + 2)
    assert irr([-1, 1, 1e-310]) == pytest.approx(0.0, abs=1e-12)
    assert irr([-1, 0, 0, 1]) == pytest.approx(0.0, abs=1e-12)
    assert irr([-1, 0.5]) == pytest.approx(-0.5)
    # two sign changes: rates 10% and 20% both zero the NPV; the one closest to zero is returned
    assert irr([-100, 230, -132]) == pytest.approx(0.1)
    with pytest.raises(ValueError, match="change sign"):
        irr([1, 2, 3])
    with pytest.raises(ValueError, match="finite"):
        irr([-1, np.nan])


def test_npv_rate_above_one_warns_and_below_minus_one_is_refused():
    with pytest.warns(UserWarning, match="if you meant 10%, give 0.1"):
        npv([-40, 22, 13, 7], 10)
    with pytest.raises(ValueError, match="greater than -1"):
        npv([-40, 22, 13, 7], -1)


def test_pareto_nbd_on_a_few_customers_says_which_parameter_runs_off():
    # seven customers cannot pin down four parameters: the fit stops where alpha (or r) runs
    # off instead of wandering along the flat likelihood (it took 20 s before stopping there)
    data = pd.DataFrame({"frequency": [0, 1, 3, 5, 2, 0, 7],
                         "recency": [0.0, 10.0, 20.0, 30.0, 5.0, 0.0, 33.0],
                         "T": [40.0, 35.0, 38.0, 39.0, 12.0, 20.0, 36.0]})
    with pytest.raises(ModelFitError, match=r"ran off to \['infinity'.*cannot identify"):
        ParetoNBD().fit(data)

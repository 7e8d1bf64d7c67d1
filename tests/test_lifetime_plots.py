"""Plots and widgets of the lifetime topic: what they draw and show, and the values they refuse.

Plot tests check the drawn data (line coordinates, bar heights, labels) against the tables the
pure functions return; widget tests drive the controls without a browser (issue 10, 11 class 6,
12).  Numbers are those of the workbook's own examples and of the published CDNOW/sBG fits
(Fader, Hardie & Lee 2005a; Fader & Hardie 2007).
"""

from __future__ import annotations

import inspect

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from cvlib import lifetime as lt  # noqa: E402
from cvlib.plots import lifetime as lp  # noqa: E402
from cvlib.plots import retention as rp  # noqa: E402

SURVIVORS = [1000, 631, 468, 382, 326, 289, 262, 241]
BG = lt.BetaGeo.from_params(r=0.243, alpha=4.414, a=0.793, b=2.426)


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


@pytest.mark.parametrize("func", [getattr(lp, n) for n in lp.__all__] + [getattr(rp, n) for n in rp.__all__])
def test_plot_signature(func):
    params = list(inspect.signature(func).parameters.values())
    assert params[0].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD and params[0].name == "data"
    assert all(p.kind in (inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.VAR_KEYWORD)
               for p in params[1:])
    assert params[-1].kind is inspect.Parameter.VAR_KEYWORD
    assert inspect.signature(func).parameters["ax"].default is None


def test_survival_curve_draws_the_survival_in_percent_and_passes_kwargs():
    curve = lt.survival_curve(0.8, periods=3)
    fig, ax = plt.subplots()
    out = rp.plot_survival_curve(curve, ax=ax, color="red")
    assert out is ax
    line = ax.lines[0]
    np.testing.assert_allclose(line.get_xdata(), [0, 1, 2, 3])
    np.testing.assert_allclose(line.get_ydata(), [100, 80, 64, 51.2])
    assert matplotlib.colors.to_hex(line.get_color()) == "#ff0000"
    assert ax.get_ylabel() == "customers still active (%)"
    with pytest.raises(ValueError, match="no column"):
        rp.plot_survival_curve(pd.DataFrame({"t": [0]}))


def test_clv_vs_retention_draws_the_clv_curve_and_the_highlight():
    grid = lt.clv_by_retention(40, 0.12, [0.6, 0.7, 0.8])
    ax = rp.plot_clv_vs_retention(grid, highlight=0.8, linestyle=":")
    curve = ax.lines[0]
    np.testing.assert_allclose(curve.get_xdata(), [60, 70, 80])
    np.testing.assert_allclose(curve.get_ydata(), [40 / 0.52, 40 / 0.42, 125.0])
    assert curve.get_linestyle() == ":"
    assert ax.lines[-1].get_xdata()[0] == pytest.approx(80)        # the highlight
    assert ax.get_ylabel() == "customer lifetime value"


def test_cash_flows_draws_bars_present_values_and_the_npv():
    res = lt.acquisition_economics([-51, 30, 42, 44, 49, 55], 0.10)
    ax = rp.plot_cash_flows(res, linewidth=3)
    flows, present = ax.containers
    np.testing.assert_allclose([b.get_height() for b in flows], [-51, 30, 42, 44, 49, 55])
    np.testing.assert_allclose([b.get_height() for b in present], res.table["present_value"])
    cumulative = ax.lines[0]
    np.testing.assert_allclose(cumulative.get_ydata(), res.table["cumulative_pv"])
    assert cumulative.get_linewidth() == 3
    assert "NPV = 111.66" in [t.get_text() for t in ax.texts]


def test_frequency_histogram_and_holdout_plots_draw_their_tables():
    table = pd.DataFrame({"actual": [10, 5, 2], "model": [9.5, 5.5, 2.1]},
                         index=pd.Index(["0", "1", "2+"], name="frequency"))
    ax = lp.plot_frequency_histogram(table, color="green")
    actual, model = ax.containers
    assert [b.get_height() for b in actual] == [10, 5, 2]
    np.testing.assert_allclose([b.get_height() for b in model], [9.5, 5.5, 2.1])
    assert matplotlib.colors.to_hex(model[0].get_facecolor()) == "#008000"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["0", "1", "2+"]
    holdout = pd.DataFrame({"customers": [3, 2], "actual": [0.1, 0.9], "model": [0.2, 0.8]},
                           index=pd.Index(["0", "1+"], name="frequency"))
    ax = lp.plot_calibration_holdout(holdout, marker="x")
    np.testing.assert_allclose(ax.lines[0].get_ydata(), [0.1, 0.9])
    np.testing.assert_allclose(ax.lines[1].get_ydata(), [0.2, 0.8])
    assert ax.lines[1].get_marker() == "x"
    with pytest.raises(ValueError, match="pass the customer summary"):
        lp.plot_calibration_holdout(BG)


def test_heatmaps_draw_the_grid():
    grid = lt.frequency_recency_grid(BG, "p_alive", T=38.86, max_frequency=5, n_recency=10)
    ax = lp.plot_p_alive_heatmap(grid, cmap="gray")
    mesh = ax.collections[0]
    np.testing.assert_allclose(np.ma.filled(mesh.get_array(), np.nan).reshape(grid.shape),
                               grid.to_numpy(), equal_nan=True)
    assert mesh.get_cmap().name == "gray"
    assert ax.get_xlabel().startswith("recency t_x")
    ax = lp.plot_expected_purchases_heatmap(BG, t=39, T=38.86, max_frequency=5)
    assert "next 39 periods" in ax.get_title()
    ax = lp.plot_expected_purchases_heatmap(BG, t=39, T=38.86, max_frequency=5, unit="weeks")
    assert "next 39 weeks" in ax.get_title() and "T = 38.86 weeks" in ax.get_title()
    assert "weeks" in ax.get_xlabel()
    assert ax.figure.axes[-1].get_ylabel() == "expected purchases in the next 39 weeks"
    with pytest.raises(ValueError, match="unit must be a non-empty string"):
        lp.plot_p_alive_heatmap(BG, T=38.86, unit="")


def test_tracking_and_sbg_projection_draw_model_and_observed():
    track = pd.DataFrame({"actual": [1.0, 2.0], "model": [1.5, 1.5], "cumulative_actual": [1.0, 3.0],
                          "cumulative_model": [1.5, 3.0]}, index=pd.Index([1, 2], name="period"))
    ax = lp.plot_purchase_tracking(track, cumulative=False, color="purple")
    np.testing.assert_allclose(ax.lines[0].get_ydata(), [1.0, 2.0])
    np.testing.assert_allclose(ax.lines[1].get_ydata(), [1.5, 1.5])
    model = lt.ShiftedBetaGeometric().fit(SURVIVORS)
    ax = lp.plot_sbg_projection(model, n_periods=12, observed=SURVIVORS + [224, 210], alpha=0.5)
    np.testing.assert_allclose(ax.lines[0].get_ydata(), model.projection(12)["expected_alive"])
    assert ax.lines[0].get_alpha() == 0.5
    np.testing.assert_allclose(ax.lines[1].get_ydata()[:8], SURVIVORS)       # fitted points
    np.testing.assert_allclose(ax.lines[-1].get_ydata(), [224, 210])       # not fitted
    with pytest.raises(TypeError, match="ShiftedBetaGeometric"):
        lp.plot_sbg_projection(BG)


# ------------------------------------------------------------------ widgets


@pytest.mark.parametrize("kwargs, message", [
    ({"retention": 85}, "retention=85 is outside the range of the 'retention rate' control.*give a fraction such as 0.85"),
    ({"discount_rate": 10}, "discount_rate=10 is outside.*'discount rate'.*give a fraction such as 0.10"),
    ({"years": 100}, "years=100 is outside"),
    ({"timing": "middle"}, "timing must be one of"),
])
def test_retention_explorer_refuses_starting_values_instead_of_clamping(kwargs, message):
    from cvlib.widgets import retention_explorer

    with pytest.raises(ValueError, match=message):
        retention_explorer(**kwargs)


@pytest.mark.parametrize("kwargs, message", [
    ({"frequency": 100}, "frequency=100 is outside the range of the 'frequency x' control, 0 to 30; raise max_frequency"),
    ({"recency": 90}, "recency=90 is outside.*raise max_T"),
    ({"T": 0.1}, "T=0.1 is outside"),
    ({"t": 500}, "t=500 is outside"),
])
def test_bgnbd_explorer_refuses_starting_values_instead_of_clamping(kwargs, message):
    from cvlib.widgets import bgnbd_explorer

    with pytest.raises(ValueError, match=message):
        bgnbd_explorer(BG, **kwargs)


def test_bgnbd_explorer_accepts_a_wider_range_and_keeps_slider_tracks_wide():
    from cvlib.widgets import bgnbd_explorer, retention_explorer

    w = bgnbd_explorer(BG, frequency=100, recency=50.0, T=60.0, max_frequency=150)
    assert w.controls["frequency"].value == 100 and w.error is None
    assert w.result.p_alive == pytest.approx(BG.p_alive(100, 50.0, 60.0))
    # every control: a fixed description width well inside a wider row, so the slider track
    # keeps room (a description_width of "initial" with a long description left it 0 px wide)
    for explorer in (w, retention_explorer()):
        for control in explorer.controls.values():
            assert control.style.description_width == "13em"
            assert control.layout.width == "34em"
            assert len(control.description) <= 18


def test_bgnbd_customer_result_has_the_result_table():
    from cvlib.widgets import bgnbd_customer

    res = bgnbd_customer(BG, 2, 30.43, 38.86, 39)
    assert res.summary()["value"].round(3).tolist() == [0.727, 1.226]
    assert "x = 2" in repr(res)


def test_plot_model_comparison_draws_the_table():
    table = pd.DataFrame({"mae": [0.8, 1.0], "rmse": [1.6, 2.2], "bias": [-0.1, 0.4]},
                         index=pd.Index(["BG/NBD", "naive"], name="model"))
    ax = lp.plot_model_comparison(table, metrics=("mae", "rmse"))
    heights = [p.get_height() for p in ax.patches]
    assert heights == [0.8, 1.0, 1.6, 2.2]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["BG/NBD", "naive"]
    with pytest.raises(ValueError, match="metrics"):
        lp.plot_model_comparison(table, metrics=("mape",))
    with pytest.raises(TypeError, match="ModelComparison"):
        lp.plot_model_comparison([1, 2])

"""Chinese plots (issue 13): every plot function of cvlib.plots draws Chinese text, with real glyphs.

Every public plot function has a case below (a plot added without one fails
``test_every_plot_function_has_a_case``).  Each case draws the figure in
Chinese, renders it to PNG with matplotlib's "Glyph ... missing from font(s)"
warning turned into an error, and checks that the title, the axis labels
(of every Axes of the figure, so colour bars too) and the legend are Chinese.
Texts that come with the data (brand names, model names such as BG/NBD,
numbers, a respondent's wording) are exempt only when the case names them.
In English the same figures have no Chinese character anywhere.

Set ``CVLIB_PLOT_DIR`` to keep the PNGs for a look.
"""

from __future__ import annotations

import io
import os
import re
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import cvlib.plots as plots  # noqa: E402
from cvlib import datasets, language  # noqa: E402
from cvlib import lifetime as lt  # noqa: E402
from cvlib import satisfaction as sat  # noqa: E402
from cvlib import segments as seg  # noqa: E402
from cvlib import value as val  # noqa: E402
from cvlib.language import has_chinese  # noqa: E402

NUMBER = re.compile(r"[\d\s.,:%+\-−=()/<>]*")


def _pls():
    from cvlib import pls

    mobi = datasets.fetch_mobi()
    res = pls.estimate(mobi, pls.ECSI_PATHS, pls.MOBI_BLOCKS)
    return pls, mobi, res


# ------------------------------------------------------------------ one case per plot function
# each returns (Axes, texts of the data that may stay as they are)

def _value_cases():
    survey = datasets.load_car_value_survey()
    scores = val.perceived_value_scores(survey, ["product", "service", "personnel", "image"],
                                        ["price", "time", "energy", "psychic"], missing="available")
    by = val.value_by_group(scores, ["brand", "segment"])
    pv = val.perval_scores(datasets.load_car_perval(), missing="available")
    kotler = val.delivered_value({"product": 50, "service": 20, "personnel": 10, "image": 20},
                                 {"monetary": 60, "time": 10, "energy": 5, "psychic": 5})
    offers = val.delivered_value(
        pd.DataFrame({"product": [50, 40], "service": [20, 30], "personnel": [10, 10], "image": [20, 10]},
                     index=["A", "B"]),
        pd.DataFrame({"monetary": [60, 50], "time": [10, 10], "energy": [5, 5], "psychic": [5, 5]},
                     index=["A", "B"]))
    return {
        "plot_delivered_value": lambda: (plots.plot_delivered_value(kotler), set()),
        "plot_delivered_value[offers]": lambda: (plots.plot_delivered_value(offers), set()),
        "plot_value_waterfall": lambda: (plots.plot_value_waterfall(datasets.caterpillar_example()), set()),
        "plot_value_waterfall[delivered]": lambda: (plots.plot_value_waterfall(kotler), set()),
        "plot_value_hierarchy": lambda: (plots.plot_value_hierarchy(datasets.car_value_hierarchy()), set()),
        "plot_means_end_ladder": lambda: (plots.plot_means_end_ladder(datasets.car_ladder_example()), set()),
        "plot_value_by_brand": lambda: (plots.plot_value_by_brand(by, measure="value", hue="segment"),
                                        set(by["segment"].astype(str))),
        "plot_choice_shares": lambda: (plots.plot_choice_shares(val.value_choice(scores)), set()),
        "plot_perval": lambda: (plots.plot_perval(pv, by="owned_brand"),
                                set(pv.scores["owned_brand"].astype(str))),
        "plot_holbrook": lambda: (plots.plot_holbrook(val.holbrook_scores(
            datasets.trade_fair_holbrook_example())), set()),
    }


def _cva_cases():
    from cvlib import cva

    cars = pd.DataFrame({"attribute": ["purchase price", "trade-in allowance", "resale price", "finance rate"],
                         "weight": [60, 20, 10, 10], "Acura": [9, 6, 9, 7], "Competitors": [7, 6, 8, 7]})
    acura = cva.price_profile(cars, ours="Acura", competitor="Competitors")
    attrs = datasets.load("cva_car_attributes")
    quality_w = attrs[attrs["kind"] == "quality"].set_index("attribute")["weight"]
    price_w = attrs[attrs["kind"] == "price"].set_index("attribute")["weight"]
    survey = datasets.load("cva_car_survey")
    rivals = ["Borealis", "Cometa", "Draco", "Equinox"]
    aurora_q = cva.profile_from_ratings(survey, quality_w, "Aurora", rivals, kind="quality",
                                        missing="available")
    q = cva.brand_scores(cva.mean_ratings(survey, quality_w, missing="available"), kind="quality")
    p = cva.brand_scores(cva.mean_ratings(survey, price_w, missing="available"), kind="price")
    vmap = cva.value_map(q[["brand", "relative_quality"]].merge(p[["brand", "relative_price"]], on="brand"),
                         zone=5)
    deals = datasets.load_cva_car_deals()
    wl = cva.win_loss(deals, ["reliability", "performance", "comfort", "dealer_service", "purchase_price"],
                      missing="drop")
    tracking = datasets.load_cva_car_tracking()
    rq = cva.scores_over_time(tracking, quality_w, "Aurora", rivals, kind="quality")
    rp = cva.scores_over_time(tracking, price_w, "Aurora", rivals, kind="price")
    timeline = cva.key_events(pd.DataFrame({"period": rq["period"], "relative_quality": rq["relative"],
                                            "relative_price": rp["relative"]}),
                              datasets.load_cva_car_events())
    matrix = pd.DataFrame({"attribute": list(quality_w.index), "weight": quality_w.to_numpy(),
                           "R&D": [9, 9, 3, 9, 3, 0], "manufacturing": [9, 3, 3, 3, 1, 0],
                           "marketing": [0, 1, 1, 0, 9, 1], "dealers": [1, 0, 0, 0, 0, 9]})
    return {
        "plot_cva_profile": lambda: (plots.plot_cva_profile(aurora_q),
                                     {"Aurora"}),
        "plot_cva_profile[price]": lambda: (plots.plot_cva_profile(acura), {"Acura", "Competitors"}),
        "plot_cva_value_map": lambda: (plots.plot_cva_value_map(vmap, highlight="Aurora"), set()),
        "plot_cva_head_to_head": lambda: (plots.plot_cva_head_to_head(aurora_q), set()),
        "plot_cva_win_loss": lambda: (plots.plot_cva_win_loss(wl), set()),
        "plot_cva_key_events": lambda: (plots.plot_cva_key_events(timeline), set()),
        "plot_cva_what_who": lambda: (plots.plot_cva_what_who(cva.what_who(matrix)), set()),
    }


def _satisfaction_cases():
    attributes = datasets.load_service_attributes()
    survey = datasets.load_acsi_survey()
    dist = sat.likert_distribution(pd.DataFrame({"q1": [1, 2, 2, 5, 4], "q2": [3, 4, 5, 5, 2]}),
                                   ["q1", "q2"], (1, 5))
    ipa = sat.ipa(pd.DataFrame({"attribute": ["price", "staff", "app", "coverage"],
                                "importance": [9.0, 9.0, 5.0, 5.0], "performance": [4.0, 8.0, 4.0, 8.0]}))
    return {
        "plot_likert": lambda: (plots.plot_likert(dist), set()),
        "plot_satisfaction_gap": lambda: (plots.plot_satisfaction_gap(sat.satisfaction_gap(
            sat.GAP_EXAMPLE, weights="importance", layer="layer")), set()),
        "plot_ipa": lambda: (plots.plot_ipa(ipa), set()),
        "plot_kano": lambda: (plots.plot_kano(sat.kano_table(datasets.load_kano_survey(), missing="drop")),
                              set()),
        "plot_satisfaction_index": lambda: (plots.plot_satisfaction_index(sat.satisfaction_index(
            survey, ["CUSA1", "CUSA2", "CUSA3"], by="company", n_boot=20, seed=0, missing="available")),
            set()),
        "plot_key_drivers": lambda: (plots.plot_key_drivers(sat.drivers_by_level(
            attributes, "overall", ["perf_price", "perf_app"], cuts=(4, 7), missing="drop")), set()),
        "plot_key_drivers[beta]": lambda: (plots.plot_key_drivers(sat.key_drivers(
            attributes, "overall", ["perf_price", "perf_app"], missing="drop"), measure="beta"), set()),
        "plot_nps": lambda: (plots.plot_nps(sat.nps(pd.Series([10, 9, 8, 3, 6, 10]))), set()),
    }


def _pls_cases():
    pls, mobi, res = _pls()
    boot = res.bootstrap(30, seed=1)
    imap = pls.ipma(res, "Loyalty", scale=(1, 10))
    return {
        "plot_pls_paths": lambda: (plots.plot_pls_paths(res, boot=boot), set()),
        "plot_pls_loadings": lambda: (plots.plot_pls_loadings(res), set()),
        "plot_pls_bootstrap": lambda: (plots.plot_pls_bootstrap(boot), set()),
        "plot_ipma": lambda: (plots.plot_ipma(imap), set()),
        "plot_ipma[item]": lambda: (plots.plot_ipma(imap, what="item"), set()),
    }


def _segments_cases():
    retail = datasets.load_retail_transactions()
    v = seg.customer_values(retail, margin="gross_margin", cost="cost_to_serve")
    scores = seg.rfm_scores(seg.rfm_table(retail, at="2024-12-31"))
    wide = seg.classify_over_time(retail, ["2024-06-30", "2024-12-31"], by="lifecycle")
    move = seg.migration_matrix(wide["2024-06-30"], wide["2024-12-31"])
    pipeline = seg.funnel(datasets.load_b2b_pipeline(), "pipeline_stage", preset="pipeline")
    accounts = datasets.load_b2b_accounts()
    return {
        "plot_lorenz": lambda: (plots.plot_lorenz(v, value="revenue"), set()),
        "plot_pareto_curve": lambda: (plots.plot_pareto_curve(v, value="revenue"), set()),
        "plot_whale_curve": lambda: (plots.plot_whale_curve(v, profit="profit"), set()),
        "plot_tier_shares": lambda: (plots.plot_tier_shares(seg.abc_classes(v, "revenue", profit="profit"),
                                                            measure="revenue"), set()),
        "plot_pyramid": lambda: (plots.plot_pyramid(seg.pyramid(v, "revenue", preset="course"),
                                                    measure="revenue"), set()),
        "plot_deciles": lambda: (plots.plot_deciles(seg.decile_table(v, "revenue"), measure="revenue"), set()),
        "plot_rfm_heatmap": lambda: (plots.plot_rfm_heatmap(scores), set()),
        "plot_two_axis": lambda: (plots.plot_two_axis(seg.two_axis(v, "revenue", "profit",
                                                                   preset="volume_profit"), log=True), set()),
        "plot_two_axis[social_styles]": lambda: (plots.plot_two_axis(seg.two_axis(
            accounts.dropna(subset=["assertiveness", "responsiveness"]), "assertiveness", "responsiveness",
            preset="social_styles", customer="account_id")), set()),
        "plot_migration": lambda: (plots.plot_migration(move, what="stage"), set()),
        "plot_funnel": lambda: (plots.plot_funnel(pipeline), set()),
        "plot_sales_effort": lambda: (plots.plot_sales_effort(seg.ABC_SLIDE_TABLE), set()),
        "plot_pareto_bounds": lambda: (plots.plot_pareto_bounds((0.2, 0.8), claims={0.1: (0.30, 0.50)}), set()),
    }


def _lifetime_cases():
    bg = lt.BetaGeo.from_params(r=0.243, alpha=4.414, a=0.793, b=2.426)
    survivors = [1000, 631, 468, 382, 326, 289, 262, 241]
    sbg = lt.ShiftedBetaGeometric().fit(survivors)
    hist = pd.DataFrame({"actual": [10, 5, 2], "model": [9.5, 5.5, 2.1]},
                        index=pd.Index(["0", "1", "2+"], name="frequency"))
    holdout = pd.DataFrame({"customers": [3, 2], "actual": [0.1, 0.9], "model": [0.2, 0.8]},
                           index=pd.Index(["0", "1+"], name="frequency"))
    track = pd.DataFrame({"actual": [1.0, 2.0, 1.5], "model": [1.5, 1.5, 1.6],
                          "cumulative_actual": [1.0, 3.0, 4.5], "cumulative_model": [1.5, 3.0, 4.6]},
                         index=pd.Index([1, 2, 3], name="period"))
    track.attrs.update({"calibration_period": 2, "time_unit": "W"})
    comparison = pd.DataFrame({"mae": [0.8, 1.0], "rmse": [1.6, 2.2], "bias": [-0.1, 0.4]},
                              index=pd.Index(["BG/NBD", "naive"], name="model"))
    curves = pd.concat([lt.survival_curve(r, periods=5).assign(curve=f"r = {r:.0%}") for r in (0.8, 0.9)],
                       ignore_index=True)
    grid = pd.concat([lt.clv_by_retention(40, 0.12, [0.6, 0.7, 0.8], timing=t).assign(timing=t)
                      for t in ("start", "end", "end_retained")], ignore_index=True)
    return {
        "plot_frequency_histogram": lambda: (plots.plot_frequency_histogram(hist), set()),
        "plot_calibration_holdout": lambda: (plots.plot_calibration_holdout(holdout), set()),
        "plot_p_alive_heatmap": lambda: (plots.plot_p_alive_heatmap(bg, T=38.86, max_frequency=5,
                                                                    unit="weeks"), set()),
        "plot_expected_purchases_heatmap": lambda: (plots.plot_expected_purchases_heatmap(
            bg, t=39, T=38.86, max_frequency=5, unit="weeks"), set()),
        "plot_purchase_tracking": lambda: (plots.plot_purchase_tracking(track), set()),
        "plot_sbg_projection": lambda: (plots.plot_sbg_projection(sbg, n_periods=12,
                                                                  observed=survivors + [224, 210]), set()),
        "plot_model_comparison": lambda: (plots.plot_model_comparison(comparison, metrics=("mae", "rmse", "bias")),
                                          {"MAE", "RMSE"}),
        "plot_survival_curve": lambda: (plots.plot_survival_curve(curves, hue="curve"), {"r = 80%", "r = 90%"}),
        "plot_clv_vs_retention": lambda: (plots.plot_clv_vs_retention(grid, hue="timing", highlight=0.8), set()),
        "plot_cash_flows": lambda: (plots.plot_cash_flows(lt.acquisition_economics([-51, 30, 42, 44, 49, 55],
                                                                                   0.10)), set()),
    }


@pytest.fixture(scope="module")
def cases():
    out = {}
    for build in (_value_cases, _cva_cases, _satisfaction_cases, _pls_cases, _segments_cases, _lifetime_cases):
        out.update(build())
    return out


# the cases' names, one or more per plot function ("name[variant]"); the fixture builds them
CASES = [
    "plot_delivered_value", "plot_delivered_value[offers]", "plot_value_waterfall",
    "plot_value_waterfall[delivered]", "plot_value_hierarchy", "plot_means_end_ladder",
    "plot_value_by_brand", "plot_choice_shares", "plot_perval", "plot_holbrook",
    "plot_cva_profile", "plot_cva_profile[price]", "plot_cva_value_map", "plot_cva_head_to_head",
    "plot_cva_win_loss", "plot_cva_key_events", "plot_cva_what_who",
    "plot_likert", "plot_satisfaction_gap", "plot_ipa", "plot_kano", "plot_satisfaction_index",
    "plot_key_drivers", "plot_key_drivers[beta]", "plot_nps",
    "plot_pls_paths", "plot_pls_loadings", "plot_pls_bootstrap", "plot_ipma", "plot_ipma[item]",
    "plot_lorenz", "plot_pareto_curve", "plot_whale_curve", "plot_tier_shares", "plot_pyramid",
    "plot_deciles", "plot_rfm_heatmap", "plot_two_axis", "plot_two_axis[social_styles]",
    "plot_migration", "plot_funnel", "plot_sales_effort", "plot_pareto_bounds",
    "plot_frequency_histogram", "plot_calibration_holdout", "plot_p_alive_heatmap",
    "plot_expected_purchases_heatmap", "plot_purchase_tracking", "plot_sbg_projection",
    "plot_model_comparison", "plot_survival_curve", "plot_clv_vs_retention", "plot_cash_flows",
]


def public_plot_functions() -> set[str]:
    """Every public plot function of cvlib.plots (deprecated aliases aside)."""
    out = set()
    for n in dir(plots):
        obj = getattr(plots, n)
        if n.startswith("plot_") and callable(obj) and not (obj.__doc__ or "").startswith("Deprecated alias"):
            out.add(n)
    return out


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _render(ax, label: str) -> bytes:
    """The figure as PNG; a missing glyph is an error.  Kept in CVLIB_PLOT_DIR when set."""
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*missing from font")
        ax.figure.savefig(buf, format="png", dpi=60)
    folder = os.environ.get("CVLIB_PLOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        ax.figure.savefig(Path(folder) / f"{re.sub(r'[^A-Za-z0-9_]+', '_', label)}.png", dpi=100,
                          bbox_inches="tight")
    return buf.getvalue()


def _texts(ax) -> dict[str, list[str]]:
    """Title, axis labels of every Axes of the figure (colour bars too) and legend texts."""
    fig = ax.figure
    titles = [t for a in fig.axes for t in (a.get_title(), a.get_title("left"), a.get_title("right")) if t]
    if fig._suptitle is not None and fig._suptitle.get_text():
        titles.append(fig._suptitle.get_text())
    labels = [t for a in fig.axes for t in (a.get_xlabel(), a.get_ylabel()) if t.strip()]
    legend = []
    for a in fig.axes:
        leg = a.get_legend()
        if leg is not None:
            legend += [t.get_text() for t in leg.get_texts()]
            if leg.get_title().get_text():
                legend.append(leg.get_title().get_text())
    return {"title": titles, "label": labels, "legend": legend}


def _exempt(text: str, data: set[str]) -> bool:
    return text in data or bool(NUMBER.fullmatch(text))


def test_every_plot_function_has_a_case():
    covered = {c.split("[")[0] for c in CASES}
    assert covered == public_plot_functions(), (
        f"plot functions without a Chinese case: {sorted(public_plot_functions() - covered)}; "
        f"cases for no function: {sorted(covered - public_plot_functions())}")
    assert len(covered) > 40


@pytest.mark.parametrize("case", CASES)
def test_plot_is_chinese_and_renders_every_glyph(cases, case):
    with language.use("zh"):
        ax, data = cases[case]()
        png = _render(ax, f"zh_{case}")
    assert png.startswith(b"\x89PNG")
    texts = _texts(ax)
    checked = [t for kind in ("title", "label", "legend") for t in texts[kind] if not _exempt(t, data)]
    not_chinese = [t for t in checked if not has_chinese(t)]
    assert not not_chinese, f"{case}: texts without Chinese: {not_chinese}"
    # not vacuous: the title or an axis label is there and Chinese
    assert any(has_chinese(t) for t in texts["title"] + texts["label"]), f"{case}: no Chinese title or label"


@pytest.mark.parametrize("case", CASES)
def test_plot_stays_english_in_english(cases, case):
    with language.use("en"):
        ax, _ = cases[case]()
        _render(ax, f"en_{case}")
    fig = ax.figure
    drawn = [t.get_text() for a in fig.axes for t in a.texts]
    drawn += [t.get_text() for a in fig.axes for t in a.get_xticklabels() + a.get_yticklabels()]
    for texts in _texts(ax).values():
        drawn += texts
    chinese = [t for t in drawn if has_chinese(t)]
    assert not chinese, f"{case}: Chinese text in the English figure: {chinese}"


@pytest.mark.parametrize("case", CASES)
def test_bilingual_plot_renders_with_both_languages(cases, case):
    with language.use("en+zh"):
        ax, _ = cases[case]()
        _render(ax, f"en_zh_{case}")
    texts = _texts(ax)
    shown = texts["title"] + texts["label"]
    assert any(has_chinese(t) for t in shown) and any(re.search("[a-z]{3}", t) for t in shown), shown
    # a category label is bilingual once, never "goals / goal / 目标"
    doubled = [t.get_text() for a in ax.figure.axes for t in a.texts
               if re.search(r"(\w+)s? / \1 / ", t.get_text())]
    assert not doubled, doubled


def test_bilingual_plot_shows_both():
    v = pd.Series([100.0, 50, 30, 20, 10, 5, 3, 2, 1, 1], name="revenue")
    with language.use("en+zh"):
        ax = plots.plot_pyramid(seg.pyramid(v, preset="course"))
        _render(ax, "en_zh_plot_pyramid")
    assert ax.get_title().startswith("pyramid by revenue") and "客户金字塔" in ax.get_title()
    texts = [t.get_text() for t in ax.texts]
    assert any(t.startswith("VIP: ") and "VIP客户" in t for t in texts), texts
    with language.use("en+zh"):
        ax = plots.plot_lorenz(v)
    assert ax.get_xlabel() == "cumulative share of customers (smallest first) / 客户累计占比（从小到大）"


def test_chinese_labels_come_from_the_tables_and_the_glossary():
    """The tables' *_zh columns and the glossary name the categories, as in the notebooks."""
    from cvlib.glossary import lookup

    with language.use("zh"):
        ax = plots.plot_value_hierarchy(datasets.car_value_hierarchy())
        assert set(val.VALUE_LEVELS.values()) <= {t.get_text() for t in ax.texts}
        assert ax.get_title().startswith(lookup("value hierarchy").chinese)
        stages = seg.funnel(pd.Series([0, 1, 1, 2, 7]), preset="pipeline")
        ax = plots.plot_funnel(stages)
        from cvlib.segments import lifecycle

        assert [t.get_text() for t in ax.get_yticklabels()] == lifecycle.PIPELINE_STAGES_ZH
        v = seg.customer_values(datasets.load_retail_transactions(), margin="gross_margin",
                                cost="cost_to_serve")
        ax = plots.plot_two_axis(seg.two_axis(v, "revenue", "profit", preset="value_responsiveness"))
        shown = {t.get_text() for t in ax.get_legend().get_texts()}
        assert shown == set(seg.preset_table("value_responsiveness")["label_zh"])
        ax = plots.plot_whale_curve(v, profit="profit")
        assert lookup("whale curve").chinese in ax.get_title()
        # the workbook's own example data are drawn in Chinese too
        ax = plots.plot_means_end_ladder(datasets.car_ladder_example())
        nodes = " ".join(t.get_text() for t in ax.texts)
        assert "安心" in nodes and "peace of mind" not in nodes
        ax = plots.plot_delivered_value(val.delivered_value(
            {"product": 50, "service": 20, "personnel": 10, "image": 20},
            {"monetary": 60, "time": 10, "energy": 5, "psychic": 5}))
        parts = val.delivered_value_components().set_index("component")["chinese"]
        drawn = " ".join(t.get_text() for t in ax.texts)
        assert all(parts[c] in drawn for c in ("product", "service", "monetary", "psychic"))
        # data without a Chinese name stays as it is: a brand, a model name
        ax = plots.plot_model_comparison(pd.DataFrame({"mae": [0.8]}, index=["BG/NBD"]), metrics="mae")
        assert [t.get_text() for t in ax.get_xticklabels()] == ["BG/NBD"]


def test_chinese_text_on_the_ipma_is_spaced_for_its_width():
    """A Chinese label is wider per character than a Latin one: the nudge counts it so."""
    from cvlib.plots.pls import _label_offsets

    fig, ax = plt.subplots()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    # point B sits about 70 points right of A and a little higher, level with A's label: nine
    # Latin letters (about 52 points at 8 pt) end before B's marker, nine Chinese characters
    # (about 74 points) reach it, so only the Chinese label of A moves from its first place
    x, y = np.array([0.1, 0.3]), np.array([0.5, 0.53])
    first = (5.0, 4.0, "left")
    assert _label_offsets(ax, x, y, ["satisfact", "b"], fontsize=8)[0] == first
    assert _label_offsets(ax, x, y, ["顾客满意度指数模型", "b"], fontsize=8)[0] != first


# ------------------------------------------------------------------ fonts

def test_strict_glyphs_turns_a_missing_glyph_into_an_error(monkeypatch):
    from cvlib.plots import _fonts

    monkeypatch.setenv(_fonts.STRICT_GLYPHS_ENV, "1")
    with warnings.catch_warnings():
        assert _fonts.strict_glyphs()
        fig, ax = plt.subplots()
        ax.set_title("客户金字塔", family=["DejaVu Sans"])   # a font without Chinese glyphs
        with pytest.raises(UserWarning, match="missing from font"):
            fig.savefig(io.BytesIO(), format="png")
        # after any plot function the filter is in force again, even inside catch_warnings
    with warnings.catch_warnings():
        warnings.resetwarnings()
        with language.use("zh"):
            ax = plots.plot_pareto_bounds()
        ax.set_title("客户金字塔", family=["DejaVu Sans"])
        with pytest.raises(UserWarning, match="missing from font"):
            ax.figure.savefig(io.BytesIO(), format="png")


def test_without_strict_glyphs_a_missing_glyph_only_warns(monkeypatch):
    from cvlib.plots import _fonts

    monkeypatch.delenv(_fonts.STRICT_GLYPHS_ENV, raising=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.resetwarnings()
        warnings.simplefilter("always")
        assert not _fonts.strict_glyphs()
        fig, ax = plt.subplots()
        ax.set_title("客户", family=["DejaVu Sans"])
        fig.savefig(io.BytesIO(), format="png")
    assert any("missing from font" in str(w.message) for w in caught)


def test_the_no_font_warning_says_how_to_install_one(monkeypatch):
    from cvlib.plots import _fonts

    monkeypatch.setitem(_fonts._state, "searched", True)
    monkeypatch.setitem(_fonts._state, "font", None)
    monkeypatch.setitem(_fonts._state, "warned", False)
    with pytest.warns(UserWarning) as record:
        _fonts.use_cjk_font()
    message = str(record[0].message)
    for hint in ("fonts-wqy-microhei", "fonts-noto-cjk", "conda-forge", "Windows", "macOS"):
        assert hint in message, hint

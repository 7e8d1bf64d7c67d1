"""Widgets speak the language chosen with cvlib.set_language (issue 13).

Every public explorer of cvlib.widgets is built in Chinese and in English; in
Chinese every label a reader sees (descriptions, option labels, titles,
headers, tooltips, placeholders) holds Chinese characters, except numbers,
units and the names that come from the data (brands, columns, offers), which
each case lists explicitly; in English none holds Chinese, except the
glossary's own bilingual text.  A new explorer without a case here fails
``test_every_public_widget_function_has_a_case``.
"""

import inspect
import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import cvlib.widgets
from cvlib import datasets, language
from cvlib.glossary import lookup
from cvlib.language import has_chinese

# ---------------------------------------------------------------- small inputs


class _Model:
    """Stands in for a fitted BetaGeo: the explorer only calls these two methods."""

    def p_alive(self, frequency, recency, T):
        return 0.5 if frequency else 1.0

    def expected_purchases(self, t, frequency, recency, T):
        return t * (frequency + 1) / (T + 1)


def _values():
    rng = np.random.default_rng(1)
    revenue = np.round(rng.pareto(1.2, 200) * 100 + 10, 2)
    return pd.DataFrame({"customer_id": [f"c{i}" for i in range(200)], "revenue": revenue,
                         "profit": np.round(revenue * 0.3, 2)})


def _pls_models():
    from cvlib.pls import ECSI_PATHS
    from cvlib.synthetic.satisfaction import ACSI_SURVEY_BLOCKS

    return {"survey": (datasets.load("acsi_survey").dropna(), ECSI_PATHS, ACSI_SURVEY_BLOCKS)}


def _rfm_scores():
    from cvlib.segments import rfm_scores, rfm_table

    return rfm_scores(rfm_table(datasets.load_retail_transactions(), at="2024-12-31"))


_IPA = pd.DataFrame({"attribute": ["price", "staff", "app"], "importance": [9.0, 5.0, 6.0],
                     "performance": [4.0, 8.0, 5.0]})
_CARD = pd.DataFrame({"revenue": [100.0, 50, 10], "cost_to_serve": [1.0, 5, 3]},
                     index=["a", "b", "c"])

# name -> (build the explorer, names from the data shown as they are: exempt from the rule)
CASES = {
    "glossary_explorer": (lambda: cvlib.widgets.glossary_explorer("客户"), set()),
    "delivered_value_explorer": (lambda: cvlib.widgets.delivered_value_explorer(), set()),
    "attribute_weight_explorer": (lambda: cvlib.widgets.attribute_weight_explorer(), set()),
    "cva_profile_explorer": (lambda: cvlib.widgets.cva_profile_explorer(), {"Acura"}),
    "cva_value_map_explorer": (lambda: cvlib.widgets.cva_value_map_explorer(brand="Aurora"), set()),
    "ipa_explorer": (lambda: cvlib.widgets.ipa_explorer(_IPA, scale=(1, 10), plot=False), set()),
    "index_explorer": (lambda: cvlib.widgets.index_explorer(
        pd.DataFrame({"s1": [10, 7, 4], "s2": [10, 10, 1]}), ["s1", "s2"], n_boot=20,
        plot=False), set()),
    "gap_explorer": (lambda: cvlib.widgets.gap_explorer(
        __import__("cvlib.satisfaction", fromlist=["GAP_EXAMPLE"]).GAP_EXAMPLE,
        weights="importance", layer="layer", scale=(1, 7), plot=False), set()),
    "pls_explorer": (lambda: cvlib.widgets.pls_explorer(_pls_models()),
                     {"survey", "Image", "Expectation", "Quality", "Value", "Satisfaction",
                      "Complaints", "Loyalty", "Delight"}),
    "abc_explorer": (lambda: cvlib.widgets.abc_explorer(_values(), "revenue", profit="profit",
                                                        customer="customer_id"), set()),
    "pyramid_explorer": (lambda: cvlib.widgets.pyramid_explorer(
        _values(), "revenue", profit="profit", customer="customer_id"), set()),
    "rfm_rules_explorer": (lambda: cvlib.widgets.rfm_rules_explorer(_rfm_scores()), set()),
    "two_axis_explorer": (lambda: cvlib.widgets.two_axis_explorer(
        datasets.load_b2b_accounts(), "assertiveness", "responsiveness", preset="social_styles",
        customer="account_id"), set()),
    "call_list_explorer": (lambda: cvlib.widgets.call_list_explorer(), set()),
    "decile_explorer": (lambda: cvlib.widgets.decile_explorer(_values(), "revenue",
                                                              customer="customer_id"), set()),
    "relationship_level_explorer": (lambda: cvlib.widgets.relationship_level_explorer(), set()),
    "scorecard_explorer": (lambda: cvlib.widgets.scorecard_explorer(
        _CARD, {"revenue": 60, "cost_to_serve": 40}, lower_is_better=["cost_to_serve"]), set()),
    "retention_explorer": (lambda: cvlib.widgets.retention_explorer(), set()),
    "bgnbd_explorer": (lambda: cvlib.widgets.bgnbd_explorer(_Model()), set()),
}

# public names of cvlib.widgets that do not build a widget (pure helpers the explorers call)
NOT_EXPLORERS = {"offers_from_controls", "reweighted_value", "profile_from_controls",
                 "value_map_from_prices", "parse_rules", "pls_from_controls",
                 "pls_preset_models", "bgnbd_customer", "BGNBDCustomer", "glossary_matches"}


def test_every_public_widget_function_has_a_case():
    public = {name for name, obj in vars(cvlib.widgets).items()
              if not name.startswith("_") and (inspect.isfunction(obj) or inspect.isclass(obj))
              and getattr(obj, "__module__", "").startswith("cvlib.widgets.")}
    assert public == set(CASES) | NOT_EXPLORERS, (
        f"explorers without a language case: {sorted(public - set(CASES) - NOT_EXPLORERS)}; "
        f"cases for names that are gone: {sorted((set(CASES) | NOT_EXPLORERS) - public)}")


# ---------------------------------------------------------------- what a reader sees


def _visible_texts(widget) -> list[str]:
    """Every label of a widget tree: descriptions, option labels, tooltips, placeholders, HTML."""
    import ipywidgets as w

    texts = []
    for attr in ("description", "tooltip", "placeholder"):
        value = getattr(widget, attr, None)
        if isinstance(value, str) and value.strip():
            texts.append(value)
    if isinstance(widget, w.HTML | w.Label):
        texts.append(re.sub(r"<[^>]+>", "", widget.value))
    if hasattr(widget, "_options_labels"):
        texts += [str(o) for o in widget._options_labels]
    for child in getattr(widget, "children", ()):
        texts += _visible_texts(child)
    return [t for t in (t.replace("\u200b", "") for t in texts) if t.strip()]


def _exempt(text: str, names: set[str]) -> bool:
    """Numbers, units and symbols only, or a name from the data."""
    if text.strip() in names:
        return True
    return not re.sub(r"[\d\s.,:;%+\-±()/<>=_x×]", "", text)


def _printed(explorer) -> str:
    return "".join(o.get("text", "") for o in explorer.output.outputs)


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_label_is_chinese_in_chinese(name):
    build, names = CASES[name]
    with language.use("zh"):
        explorer = build()
    plt.close("all")
    texts = _visible_texts(explorer)
    assert texts, "the explorer shows no label at all"
    english = [t for t in texts if not has_chinese(t) and not _exempt(t, names)]
    assert not english, f"{name} shows labels without Chinese in zh mode: {english}"
    assert explorer.error is None, explorer.error
    printed = _printed(explorer)
    if printed.strip():
        assert has_chinese(printed), f"{name} prints no Chinese in zh mode: {printed[:300]}"


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_label_is_chinese_in_english(name):
    build, _ = CASES[name]
    with language.use("en"):
        explorer = build()
    plt.close("all")
    texts = _visible_texts(explorer)
    chinese = [t for t in texts if has_chinese(t)]
    if name == "glossary_explorer":
        # the glossary is bilingual by nature: its title names both languages
        assert chinese == ["Glossary / 术语表: English or 中文", "e.g. 价值 or retention"]
        return
    assert not chinese, f"{name} shows Chinese in en mode: {chinese}"
    assert not has_chinese(_printed(explorer)), _printed(explorer)[:300]


def test_options_translate_the_label_and_keep_the_value():
    with language.use("zh"):
        w = cvlib.widgets.relationship_level_explorer()
    margin = w.controls["margin"]
    assert dict(margin.options) == {"高": "high", "中": "medium", "低": "low"}
    margin.value = "medium"             # code keeps using the English value
    assert w.result == "proactive"
    assert "能动型" in _printed(w)       # Kotler's proactive level, course file 003


def test_chinese_numbers_are_the_english_numbers():
    # the language changes the words, never the numbers: 1,000 customers in 22 days need 46 calls
    with language.use("zh"):
        zh = cvlib.widgets.call_list_explorer()
    with language.use("en"):
        en = cvlib.widgets.call_list_explorer()
    pd.testing.assert_series_equal(zh.result, en.result)
    assert "每天需拨打 46 个电话" in _printed(zh)
    assert "46 calls a day" in _printed(en)


def test_bilingual_labels_show_both():
    with language.use("en+zh"):
        w = cvlib.widgets.retention_explorer()
    assert w.controls["retention"].description == "retention rate / 客户保持率"
    plt.close("all")


# ---------------------------------------------------------------- glossary widget suggestions



def _html(explorer) -> str:
    return "".join(o["data"].get("text/html", "") for o in explorer.output.outputs
                   if o["output_type"] == "display_data")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_glossary_widget_suggests_close_matches(lang, kernel_display):
    with language.use(lang):
        w = cvlib.widgets.glossary_explorer("customer pyramid")
        w.controls["text"].value = "顾客价值"
    printed, table = _printed(w), _html(w)
    assert w.result.attrs["no_match"] == "顾客价值"
    suggested = w.result["chinese"].tolist()
    # 顾客价值 is in no name, alias or definition; 顾客让渡价值 and 客户价值 share its characters
    assert "顾客让渡价值" in suggested and "客户价值" in suggested
    if lang == "zh":
        assert printed.startswith("没有术语包含“顾客价值”；相近的术语：")
        assert "客户价值（customer value）" in printed
        # the table of the close terms: Chinese name, English name, Chinese definition
        headers = re.findall(r"<th>([^<]*)</th>", table)
        assert headers[:4] == ["", "中文名", "英文名", "释义"], headers
        assert lookup("客户价值").definition_zh in table
    else:
        assert printed.startswith("no term contains '顾客价值'; close matches: ")
        assert "customer value (客户价值)" in printed
        headers = re.findall(r"<th>([^<]*)</th>", table)
        assert headers[:5] == ["", "english", "chinese", "definition", "notebook"], headers
        assert lookup("客户价值").definition in table


def test_glossary_widget_english_misspelling_and_nothing_close():
    w = cvlib.widgets.glossary_explorer("retension rate")
    assert w.result["english"].iloc[0] == "retention rate"
    assert "close matches: retention rate (客户保持率)" in _printed(w)
    w.controls["text"].value = "qqqqqqqq"
    assert len(w.result) == 0
    assert "none is close" in _printed(w)
    w.controls["text"].value = "钱包份额"         # found: no suggestion line
    assert w.result["english"].tolist() == ["share of wallet"]
    assert "close matches" not in _printed(w)


# ---------------------------------------------------------------- errors a control can cause


def test_errors_speak_the_explorers_language():
    with language.use("zh"):
        zh = cvlib.widgets.cva_profile_explorer()
    with language.use("en"):
        en = cvlib.widgets.cva_profile_explorer()
    for w in (zh, en):
        w.controls["weight|finance rate"].value = 20      # the weights now sum to 110
        assert w.result is None
    assert en.error.startswith("weights must sum to 100, got 110")
    assert "tick the 'normalize weights' box" in en.error
    assert zh.error.startswith("权重之和必须为 100，")
    assert "现在合计 110" in zh.error and "勾选“权重归一为 100”" in zh.error
    assert "输入有误" in _printed(zh) and "输入有误" not in _printed(en)
    plt.close("all")


def test_topic_errors_shown_by_explorers_are_chinese():
    with language.use("zh"):
        pyr = CASES["pyramid_explorer"][0]()
        rfm = CASES["rfm_rules_explorer"][0]()
        pls = CASES["pls_explorer"][0]()
        card = CASES["scorecard_explorer"][0]()
    pyr.controls["top"].value = 2                       # tiers 2 + 4 + 15 + 80 = 101%
    assert "之和必须为 100" in pyr.error and "现在合计 101" in pyr.error
    rfm.controls["rules"].value = "segment,r_min\nX,1"
    assert rfm.error.startswith("规则表缺少列")
    pls.controls["max_iter"].value = 1
    assert "没有收敛" in pls.error and "“最大迭代次数” = 1" in pls.error
    for control in card.controls.values():
        control.value = 0
    assert card.error == "权重之和为 0.0；至少要有一个权重大于 0"
    plt.close("all")


def _label_px(text: str) -> int:
    """Rough width of a label at JupyterLab's 13 px font: 13 px a Chinese character, 7 px others."""
    return sum(13 if has_chinese(ch) or ch in "（）：“”，" else 7 for ch in text)


@pytest.mark.parametrize("name", sorted(CASES))
def test_chinese_descriptions_fit_their_width(name):
    # ipywidgets gives a description 80 px unless its style says otherwise; a cut-off label
    # ("顾客追求最…") is unreadable, and "initial" on a long label squeezes the slider track
    import ipywidgets as w

    with language.use("zh"):
        explorer = CASES[name][0]()
    plt.close("all")

    def walk(widget):
        yield widget
        for child in getattr(widget, "children", ()):
            yield from walk(child)

    for widget in walk(explorer):
        text = getattr(widget, "description", "")
        if not text or isinstance(widget, w.Checkbox | w.Button):
            continue                         # these put their label beside the box, unclipped
        width = getattr(getattr(widget, "style", None), "description_width", "") or "80px"
        if width == "initial":
            assert _label_px(text) <= 120, (name, text)
            continue
        number = float(re.sub(r"[a-z]+$", "", width))
        room = number * 13 if width.endswith("em") else number
        assert _label_px(text) <= room, f"{name}: {text!r} ({_label_px(text)} px) in {width}"


@pytest.mark.parametrize("name", ["retention_explorer", "bgnbd_explorer"])
def test_chinese_figures_of_explorers_render_without_missing_glyphs(name, kernel_display):
    # these two explorers draw their figure themselves (display(fig)): render it as PNG and
    # fail on matplotlib's "Glyph ... missing from font(s)" warning
    import warnings

    from IPython.core.pylabtools import select_figure_formats

    select_figure_formats(kernel_display, {"png"})      # as %matplotlib inline does
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*[Gg]lyph.*missing")
        with language.use("zh"):
            explorer = CASES[name][0]()
    pngs = [o for o in explorer.output.outputs
            if o["output_type"] == "display_data" and "image/png" in o["data"]]
    assert len(pngs) == 1 and explorer.error is None
    plt.close("all")

"""The language switch: names and locales, the environment variable, say(), and Chinese figures."""

from __future__ import annotations

import io
import warnings

import pytest

from cvlib import get_language, language, set_language


@pytest.fixture(autouse=True)
def _restore():
    yield
    set_language(None)


@pytest.mark.parametrize("name, code", [("en", "en"), ("English", "en"), ("en_US.UTF-8", "en"),
                                        ("zh", "zh"), ("中文", "zh"), ("zh_CN.UTF-8", "zh"),
                                        ("zh-TW", "zh"), ("en+zh", "en+zh"), ("bilingual", "en+zh")])
def test_names_and_locales(name, code):
    assert language.normalise(name) == code


def test_unknown_language_says_what_is_accepted():
    with pytest.raises(ValueError, match=r"unknown language 'fr'.*'en', 'zh', 'en\+zh'"):
        set_language("fr")
    with pytest.raises(TypeError, match="language must be a string"):
        set_language(2)


def test_environment_variable_is_the_default(monkeypatch):
    monkeypatch.setenv(language.ENV_VAR, "zh_CN.UTF-8")
    assert get_language() == "zh"
    set_language("en")
    assert get_language() == "en", "an explicit choice wins over the environment"
    set_language(None)
    assert get_language() == "zh"
    monkeypatch.setenv(language.ENV_VAR, "klingon")
    with pytest.raises(ValueError, match="CVLIB_LANG='klingon'"):
        get_language()
    monkeypatch.delenv(language.ENV_VAR)
    assert get_language() == "en"


def test_say_and_use():
    assert language.say("Index", "指数") == "Index"
    with language.use("zh"):
        assert language.say("Index", "指数") == "指数"
        with language.use("en+zh"):
            assert language.say("Index", "指数") == "Index / 指数"
        assert get_language() == "zh", "use() restores the language in force before it"
    assert get_language() == "en"


def test_chinese_figures_drawn_without_cvlib_render_every_glyph():
    """After set_language("zh") a notebook's own plt.subplots figure shows Chinese, not boxes."""
    plt = pytest.importorskip("matplotlib.pyplot")
    from cvlib.plots._fonts import cjk_font

    if cjk_font() is None:
        pytest.fail("no CJK font installed: `.ci/run` installs fonts-wqy-microhei; locally "
                    "`sudo apt-get install -y fonts-wqy-microhei`")
    set_language("zh")
    fig, ax = plt.subplots()
    ax.set_title("客户金字塔")
    ax.set_xlabel("客户数占比")
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*missing from font")
        fig.savefig(io.BytesIO(), format="png")
    plt.close(fig)


def test_the_refusals_a_student_meets_first_speak_chinese():
    """Missing values, ambiguous dates and negative amounts: the same refusal, in the reader's language."""
    import pandas as pd

    from cvlib.lifetime import summarize
    from cvlib.segments import rfm_table

    log = pd.DataFrame({"customer_id": [1, 2], "date": ["01/12/2024", "02/12/2024"], "amount": [5.0, -1.0]})
    iso = log.assign(date=["2024-12-01", "2024-12-02"])
    cases = [(lambda: summarize(log), "不是 ISO 8601"), (lambda: rfm_table(iso), "负数金额"),
             (lambda: summarize(iso), "不能为负数"),
             (lambda: rfm_table(iso.assign(amount=[5.0, None])), "有缺失值")]
    for call, chinese in cases:
        with language.use("zh"), pytest.raises(ValueError, match=chinese):
            call()
        with pytest.raises(ValueError) as info:
            call()
        assert not language.has_chinese(str(info.value)), "English stays English"

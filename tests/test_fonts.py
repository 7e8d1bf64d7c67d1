"""A Chinese plot label renders with a real CJK font, never as empty boxes."""

import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from cvlib.plots import _fonts  # noqa: E402
from cvlib.plots._common import axes_or_new  # noqa: E402


def test_a_cjk_font_is_installed_and_used():
    family = _fonts.cjk_font()
    if family is None:
        pytest.fail("no CJK font installed: run `apt-get install -y fonts-wqy-microhei` "
                    "(.ci/run does it on CI)")
    ax = axes_or_new()
    assert family in matplotlib.rcParams["font.family"]
    # the Latin font stays first, so English labels keep their look
    assert matplotlib.rcParams["font.family"][0] != family
    ax.set_title("客户金字塔 customer pyramid")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" would raise here
        ax.figure.canvas.draw()
    plt.close(ax.figure)


def test_registration_survives_a_style_reset():
    axes_or_new()
    matplotlib.rcParams["font.family"] = ["sans-serif"]
    ax = axes_or_new()
    assert matplotlib.rcParams["font.family"] == ["sans-serif", _fonts.cjk_font()]
    plt.close(ax.figure)


def test_missing_font_warns_once_with_install_hint(monkeypatch):
    monkeypatch.setitem(_fonts._state, "searched", True)
    monkeypatch.setitem(_fonts._state, "font", None)
    monkeypatch.setitem(_fonts._state, "warned", False)
    with pytest.warns(UserWarning, match="fonts-wqy-microhei"):
        assert _fonts.use_cjk_font() is None
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert _fonts.use_cjk_font() is None  # once only


def test_bold_chinese_text_logs_no_weight_fallback(caplog):
    """Review item: 'findfont: Failed to find font weight bold for WenQuanYi Micro Hei' in notebook 01."""
    import logging

    from matplotlib import font_manager

    family = _fonts.cjk_font()
    if family is None:
        pytest.fail("no CJK font installed")
    ax = axes_or_new()
    ax.set_title("基本价值 basic value", fontweight="bold")
    ax.text(0.5, 0.5, "意外价值", fontweight="bold", family=[family])
    font_manager.fontManager._findfont_cached.cache_clear()  # log again even if drawn before
    with caplog.at_level(logging.DEBUG, logger="matplotlib.font_manager"), warnings.catch_warnings():
        warnings.simplefilter("error")
        ax.figure.canvas.draw()
    plt.close(ax.figure)
    assert not [r for r in caplog.records if "Failed to find font weight" in r.getMessage()]


def test_weight_filter_drops_only_the_cjk_family_message():
    import logging

    family = _fonts.use_cjk_font()
    msg = "findfont: Failed to find font weight %s for %s, now using %s."
    rec = logging.LogRecord("matplotlib.font_manager", logging.WARNING, "", 0, msg, ("bold", family, 400), None)
    other = logging.LogRecord("matplotlib.font_manager", logging.WARNING, "", 0, msg, ("bold", "Other", 400), None)
    assert _fonts._WEIGHT_FILTER in logging.getLogger("matplotlib.font_manager").filters
    assert not _fonts._WEIGHT_FILTER.filter(rec)
    assert _fonts._WEIGHT_FILTER.filter(other)

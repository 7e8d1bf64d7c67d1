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

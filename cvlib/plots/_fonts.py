"""A Chinese font that just works: find an installed CJK font and add it to matplotlib's fallbacks.

Matplotlib's default font (DejaVu Sans) has no Chinese glyphs: a title such
as 客户金字塔 comes out as empty boxes with a "Glyph ... missing" warning.
:func:`use_cjk_font` looks for one of the common Simplified-Chinese fonts,
registers its file with matplotlib even when matplotlib's font cache was
built before the font was installed, and appends it to ``font.family``
*after* the Latin family, so Latin text keeps its look and each Chinese
character falls back to the CJK font (matplotlib 3.6+ falls back glyph by
glyph along ``font.family``).

Most CJK fonts ship one weight, so bold Chinese text (a bold title) makes
matplotlib log "findfont: Failed to find font weight bold for <CJK font>,
now using 400." on every draw; the glyphs render in the regular weight
either way.  :func:`use_cjk_font` installs a logging filter on
``matplotlib.font_manager`` that drops exactly that message for the
registered CJK family (other fonts' messages still show).

When no CJK font is installed it warns once, saying how to install one;
it never leaves empty boxes to be discovered on a slide.

With the environment variable ``CVLIB_STRICT_GLYPHS=1`` (set by the
Makefile's notebook check), matplotlib's "Glyph ... missing from font(s)"
warning becomes an error, so a figure that would show empty boxes fails the
run instead of passing with a warning.  The filter is installed when this
module is imported and again by every :func:`use_cjk_font` call (every plot
function makes one), so a ``warnings.catch_warnings()`` block or a test
runner that resets the filters does not lose it.
"""

from __future__ import annotations

import logging
import os
import re
import warnings

__all__ = ["CJK_FONTS", "STRICT_GLYPHS_ENV", "use_cjk_font", "cjk_font", "strict_glyphs"]

#: Environment variable: ``1`` turns matplotlib's missing-glyph warning into an error.
STRICT_GLYPHS_ENV = "CVLIB_STRICT_GLYPHS"
# matplotlib >= 3.6: "Glyph 23458 (\N{CJK UNIFIED IDEOGRAPH-5BA2}) missing from font(s) DejaVu Sans."
# (older releases: "... missing from current font.")
_MISSING_GLYPH = r"Glyph .* missing from (font\(s\)|current font)"

#: Font families tried in order: Linux (Noto, Source Han, WenQuanYi), Windows, macOS.
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "SimHei",
    "Noto Sans SC",
    "Arial Unicode MS",
)

# file names of those fonts, for a font installed after matplotlib built its cache
_FILE_PATTERN = re.compile(
    r"(NotoSansCJK|SourceHanSans|wqy-microhei|wqy-zenhei|msyh|PingFang|Hiragino Sans GB|"
    r"STHeiti|simhei|NotoSansSC|Arial Unicode)",
    re.IGNORECASE,
)

_HOW_TO_INSTALL = (
    "no Chinese (CJK) font is installed, so Chinese plot labels would show as empty boxes. "
    "Install one: on Debian/Ubuntu `sudo apt-get install fonts-wqy-microhei` (or fonts-noto-cjk); "
    "with conda `conda install -c conda-forge font-ttf-noto-cjk` (or another CJK font package "
    "from conda-forge); Windows and macOS ship one "
    "(Microsoft YaHei, PingFang SC), nothing to install. Then restart the kernel."
)

_state: dict[str, object] = {"font": None, "searched": False, "warned": False}


def _installed(font_manager) -> str | None:
    names = {f.name for f in font_manager.fontManager.ttflist}
    return next((family for family in CJK_FONTS if family in names), None)


def _find() -> str | None:
    from matplotlib import font_manager

    found = _installed(font_manager)
    if found is not None:
        return found
    # installed after matplotlib's cache was written: register the files ourselves
    for path in font_manager.findSystemFonts():
        if _FILE_PATTERN.search(path):
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):  # unreadable font file
                continue
    return _installed(font_manager)


class _CjkWeightFilter(logging.Filter):
    """Drop matplotlib's "Failed to find font weight ... for <CJK family>" log record, nothing else."""

    def filter(self, record: logging.LogRecord) -> bool:
        family = _state["font"]
        if family is None or not str(record.msg).startswith("findfont: Failed to find font weight"):
            return True
        return not (len(record.args or ()) >= 2 and record.args[1] == family)


_WEIGHT_FILTER = _CjkWeightFilter()


def _silence_weight_fallback() -> None:
    log = logging.getLogger("matplotlib.font_manager")
    if _WEIGHT_FILTER not in log.filters:
        log.addFilter(_WEIGHT_FILTER)


def strict_glyphs() -> bool:
    """Turn "Glyph ... missing from font(s)" into an error when ``CVLIB_STRICT_GLYPHS=1``.

    Returns whether the strict mode is on.  Other values (unset, ``0``) leave
    matplotlib's warning a warning.
    """
    if os.environ.get(STRICT_GLYPHS_ENV, "").strip().lower() not in ("1", "true", "yes", "on"):
        return False
    # filterwarnings puts the filter first and drops an identical older one, so calling it on
    # every plot keeps the filter in force after a catch_warnings() block restored the list
    warnings.filterwarnings("error", message=_MISSING_GLYPH, category=UserWarning)
    return True


def cjk_font() -> str | None:
    """The CJK font family matplotlib will use, or None when none is installed."""
    if not _state["searched"]:
        _state["font"] = _find()
        _state["searched"] = True
    return _state["font"]  # type: ignore[return-value]


def use_cjk_font() -> str | None:
    """Make Chinese text render: add the installed CJK font after the Latin family.

    Idempotent and cheap after the first call; the plot functions call it
    before drawing, so it also survives a style that resets ``font.family``.
    Returns the family used, or None (with one warning per session) when no
    CJK font is installed.  Also filters matplotlib's "Failed to find font
    weight bold for <CJK font>" log message (the font has one weight; the
    text still renders).
    """
    import matplotlib as mpl

    strict_glyphs()
    family = cjk_font()
    if family is None:
        if not _state["warned"]:
            warnings.warn(_HOW_TO_INSTALL, UserWarning, stacklevel=2)
            _state["warned"] = True
        return None
    families = list(mpl.rcParams["font.family"])
    if family not in families:
        # keep the user's (Latin) family first; the CJK font is the per-glyph fallback
        mpl.rcParams["font.family"] = families + [family]
    _silence_weight_fallback()
    return family


strict_glyphs()

"""One switch for the workbook's language: English, Chinese (中文) or both.

Every text cvlib shows a reader (plot titles, axis labels, legends and
annotations, widget labels and verdicts, exercise feedback and hints, the
glossary's definitions) is written in English and in Chinese at the place
that shows it, with :func:`say`; :func:`set_language` picks which one
appears.  The start-up value comes from the environment variable
``CVLIB_LANG`` (``en``, ``zh`` or ``en+zh``), so a classroom server can
default to Chinese without touching a notebook; each notebook of the
workbook sets its edition's language in its first code cell.

Identifiers, column names and argument values stay English in both
languages: they are code, and code is the same in both editions.

>>> from cvlib import language
>>> with language.use("zh"):
...     language.say("Customer pyramid", "客户金字塔")
'客户金字塔'
>>> with language.use("en+zh"):
...     language.say("Customer pyramid", "客户金字塔")
'Customer pyramid / 客户金字塔'
>>> language.normalise("zh_CN.UTF-8"), language.normalise("中文")
('zh', 'zh')
"""

from __future__ import annotations

import os
from contextlib import contextmanager

__all__ = ["LANGUAGES", "ENV_VAR", "get_language", "set_language", "use", "say", "normalise"]

#: The languages cvlib speaks: English, Chinese, and both side by side ("English / 中文").
LANGUAGES = ("en", "zh", "en+zh")
#: The environment variable read when no language has been set in the session.
ENV_VAR = "CVLIB_LANG"

_ALIASES = {
    "en": "en", "english": "en", "英文": "en", "英语": "en",
    "zh": "zh", "cn": "zh", "chinese": "zh", "中文": "zh", "汉语": "zh", "zh-hans": "zh",
    "en+zh": "en+zh", "zh+en": "en+zh", "both": "en+zh", "bilingual": "en+zh", "双语": "en+zh",
}

_current: str | None = None


def normalise(language: str) -> str:
    """The canonical code (``"en"``, ``"zh"`` or ``"en+zh"``) of a language name or locale.

    Locales are read by their language part (``zh_CN.UTF-8`` and ``zh-TW`` are
    Chinese, ``en_US`` English); an unknown name raises ``ValueError`` listing
    what is accepted.
    """
    if not isinstance(language, str):
        raise TypeError(f"language must be a string such as 'en' or 'zh', got {type(language).__name__}")
    key = language.strip().lower().replace(" ", "")
    if key in _ALIASES:
        return _ALIASES[key]
    base = key.split(".")[0].replace("_", "-").split("-")[0]
    if base in ("en", "zh"):
        return base
    raise ValueError(f"unknown language {language!r}; expected one of {list(LANGUAGES)} "
                     "('en' English, 'zh' 中文, 'en+zh' both)")


def get_language() -> str:
    """The current language: set by :func:`set_language`, else ``CVLIB_LANG``, else English."""
    if _current is not None:
        return _current
    env = os.environ.get(ENV_VAR, "").strip()
    if not env:
        return "en"
    try:
        return normalise(env)
    except ValueError as err:
        raise ValueError(f"environment variable {ENV_VAR}={env!r}: {err}") from None


def set_language(language: str | None) -> None:
    """Choose the language of everything cvlib shows from now on (:func:`use` for a block).

    ``None`` goes back to the default (``CVLIB_LANG``, else English).

    >>> from cvlib import get_language, set_language
    >>> set_language("中文"); get_language()
    'zh'
    >>> set_language(None)
    """
    global _current
    _current = None if language is None else normalise(language)
    if "zh" in get_language():
        _chinese_font()


def _chinese_font() -> None:
    """Make Chinese plot text render: register a CJK font with matplotlib (when it is installed).

    cvlib's own plots do this on every call; doing it here too covers the
    figures a notebook draws itself with ``plt.subplots`` after choosing Chinese.
    """
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return
    from .plots._fonts import use_cjk_font

    use_cjk_font()


@contextmanager
def use(language: str):
    """Use ``language`` inside a ``with`` block, then restore the previous setting."""
    global _current
    saved = _current
    _current = normalise(language)
    if "zh" in _current:
        _chinese_font()
    try:
        yield _current
    finally:
        _current = saved


def say(en: str, zh: str, *, sep: str = " / ") -> str:
    """The text in the current language: ``en``, ``zh``, or ``en / zh`` when both are chosen."""
    lang = get_language()
    if lang == "zh":
        return zh
    if lang == "en+zh":
        return en if en == zh else f"{en}{sep}{zh}"
    return en

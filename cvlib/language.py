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
import re
from contextlib import contextmanager

__all__ = ["LANGUAGES", "ENV_VAR", "WORDS_ZH", "get_language", "set_language", "use", "say", "normalise",
           "has_chinese"]

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


_CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def has_chinese(text) -> bool:
    """Whether ``text`` holds a Chinese (CJK ideograph) character.

    >>> has_chinese("客户金字塔"), has_chinese("tier 1 %")
    (True, False)
    """
    return bool(_CHINESE.search(str(text)))


#: cvlib's own category words that no table carries in Chinese (quadrants, classes, stages,
#: groups, model parts), for plots and the tables explorers show.  Course terms follow the
#: course files and the glossary.
WORDS_ZH: dict[str, str] = {
    # importance-performance quadrants (Martilla & James)
    "Concentrate here": "重点改进", "Keep up the good work": "继续保持",
    "Low priority": "低优先级", "Possible overkill": "可能过度投入",
    # Kano categories (glossary)
    "attractive": "魅力质量", "one-dimensional": "一元质量", "must-be": "必备质量",
    "indifferent": "无差异质量", "reverse": "反向质量", "questionable": "可疑回答",
    # NPS groups (glossary) and satisfaction levels (course 002, glossary)
    "detractors": "贬损者", "passives": "被动者", "promoters": "推荐者",
    "dissatisfied": "不满意的客户", "neutral": "感觉一般的客户", "satisfied": "满意的客户",
    "all": "全部",
    # Likert anchors (cvlib.satisfaction.likert) and the ACSI scale's ends
    "strongly disagree": "非常不同意", "disagree": "不同意", "somewhat disagree": "有点不同意",
    "neither": "中立", "somewhat agree": "有点同意", "agree": "同意", "strongly agree": "非常同意",
    "poor": "很差", "excellent": "很好",
    # value map positions (the glossary's 平价价值线)
    "better value": "价值较高", "fair value": "平价", "worse value": "价值较低",
    # satisfaction as a gap, its layers, and the direction of an index item
    "met": "达到期望", "exceeded": "超出期望", "not met": "未达期望",
    "material": "物质满意", "mental": "精神满意", "social": "社会满意",
    "higher is better": "越高越好", "lower is better": "越低越好",
    # means-end ladder levels (Woodruff)
    "attribute": "属性", "consequence": "结果", "goal": "目标",
    "attribute-based satisfaction": "基于属性的满意",
    "consequence-based satisfaction": "基于结果的满意",
    "goal-based satisfaction": "基于目标的满意",
    # lifecycle stages of cvlib.segments.lifecycle_stage
    "new": "新客户", "active": "活跃客户", "at-risk": "有流失风险客户", "lapsed": "已流失客户",
    # pyramid tiers without a Chinese label in PYRAMID_PRESETS (Zeithaml, Rust & Lemon)
    "platinum": "铂金客户", "gold": "黄金客户", "iron": "铁层客户", "lead": "铅层客户",
    # purchase cycle x spend tiers (course 004: 铂金客户、黄金客户、白银客户、发展客户和优化客户)
    "silver": "白银客户", "development": "发展客户", "optimisation": "优化客户",
    # satisfaction-index latent variables (ACSI / ECSI)
    "Image": "企业形象", "Expectation": "顾客预期", "Quality": "感知质量", "Value": "感知价值",
    "Satisfaction": "顾客满意", "Complaints": "顾客抱怨", "Loyalty": "顾客忠诚",
    # what/who functions of the workbook's example
    "R&D": "研发", "manufacturing": "生产", "marketing": "市场营销", "dealers": "经销商",
    "sales": "销售",
    # cash-flow timings of cvlib.lifetime.TIMINGS (when the first margin arrives)
    "start": "期初（t = 0）", "end": "第 1 期期末", "end_retained": "第 1 期期末（仅当客户留存）",
    # model comparison
    "naive": "朴素预测", "bias": "偏差", "total_error": "总误差",
    # other cvlib curve labels
    "total": "合计", "(none)": "（无）",
    # the premiums of Kotler's Caterpillar example (cvlib.datasets.caterpillar_example)
    "superior durability": "更耐用", "superior reliability": "更可靠",
    "superior service": "更优质的服务", "longer parts warranty": "零件保修期更长",
}

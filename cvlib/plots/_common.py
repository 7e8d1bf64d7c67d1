"""Helpers shared by the plot modules: a new Axes with a Chinese font, and the words they draw.

Every text a plot draws is written where it is drawn as ``say("English", "中文")``
(:func:`cvlib.language.say`), so ``cvlib.set_language("zh")`` makes every title,
axis label, legend and annotation Chinese and ``"en+zh"`` shows both.  Three
helpers cover the texts that are not written out in the plot function:

- :func:`term`: a glossary term, in the glossary's Chinese (``lookup(term).chinese``),
  so plots use the same words as the notebooks;
- :func:`name`: a category label that comes with the data (a tier, a stage, a
  quadrant, an attribute of the car survey): its Chinese name from the tables'
  ``*_zh`` / ``chinese`` columns (segments, value, satisfaction, the synthetic
  car market) or from cvlib's own category words below; a label cvlib does not
  know (a brand, a respondent's attribute wording, a model name) stays as it is;
- :func:`measure`: the name of a measure column (revenue, profit ...).

In English (the default) all three return the text unchanged, so the English
figures are exactly what they were.

>>> from cvlib import language
>>> with language.use("zh"):
...     term("customer pyramid"), name("lapsed"), name("Aurora"), measure("revenue")
('客户金字塔', '已流失客户', 'Aurora', '销售收入')
>>> with language.use("en+zh"):
...     name("ghosts")
'ghosts / 幽灵客户'
>>> name("ghosts")
'ghosts'
"""

from __future__ import annotations

import math
import re

from ..language import WORDS_ZH, get_language, say

__all__ = ["axes_or_new", "heading", "term", "zh", "name", "chinese", "measure", "legend"]

def axes_or_new(ax=None, figsize: tuple[float, float] = (7, 4)):
    """Return ``ax``, or the Axes of a new figure ``figsize`` inches wide and high.

    Every plot function starts here, so this is also where a Chinese font is
    made available for the labels (:func:`cvlib.plots._fonts.use_cjk_font`).
    """
    from ._fonts import use_cjk_font

    use_cjk_font()
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=figsize)
    return ax


def heading(en: str, zh: str) -> str:
    """A title in the current language; both languages on two lines (a title is long)."""
    return say(en, zh, sep="\n")


def term(english: str, en: str | None = None) -> str:
    """A glossary term as drawn: ``en`` (default the term itself) and the glossary's Chinese name.

    >>> from cvlib import language
    >>> with language.use("zh"):
    ...     term("whale curve")
    '鲸鱼曲线'
    """
    if get_language() == "en":
        return en if en is not None else english
    from ..glossary import lookup

    return say(en if en is not None else english, lookup(english).chinese)


def zh(english: str) -> str:
    """The glossary's Chinese name of a term (for a Chinese text that embeds it).

    >>> zh("customer value map")
    '客户价值图'
    """
    from ..glossary import lookup

    return lookup(english).chinese



# measure (column) names of cvlib's data sets and results
_MEASURES: dict[str, str] = {
    "revenue": "销售收入", "profit": "利润", "sales": "销售额", "value": "价值",
    "monetary": "消费金额", "frequency": "消费频率", "recency": "最近一次消费",
    "purchases": "购买次数", "amount": "金额", "spend": "消费金额", "margin": "毛利",
    "benefit": "感知利得", "cost": "感知利失", "index": "价值指数", "count": "客户数",
    "mean": "平均", "sum": "合计", "median": "中位数", "potential_value": "潜在价值",
    "current_value": "当前价值", "curve": "曲线", "timing": "现金流时点",
}

_TABLE_WORDS: dict[str, str] | None = None


def _table_words() -> dict[str, str]:
    """English -> Chinese from the tables' Chinese columns (read once)."""
    global _TABLE_WORDS
    if _TABLE_WORDS is not None:
        return _TABLE_WORDS
    from .. import satisfaction, segments, value
    from ..segments import lifecycle
    from ..segments.matrix import TWO_AXIS_PRESETS
    from ..segments.pareto import PYRAMID_PRESETS
    from ..synthetic import cva as car

    words: dict[str, str] = {}
    comp = value.delivered_value_components()   # "product value" ...; the bare keys: components()
    words.update(zip(comp["english"], comp["chinese"], strict=True))
    words.update(value.VALUE_LEVELS)
    words.update({k: v[0] for k, v in value.HOLBROOK_VALUES.items()})
    words.update({"aesthetic": value.HOLBROOK_VALUES["aesthetics"][0]})
    words.update(zip(satisfaction.SATISFACTION_LAYERS["layer"],
                     satisfaction.SATISFACTION_LAYERS["chinese"], strict=True))
    for preset in TWO_AXIS_PRESETS.values():
        words.update({preset["labels"][k]: preset["zh"][k] for k in preset["zh"]})
    for preset in PYRAMID_PRESETS.values():
        if "labels_zh" in preset:
            words.update(zip(preset["labels"], preset["labels_zh"], strict=True))
    types = segments.VALUE_PROVISION_TYPES
    words.update(zip(types.index, types["label_zh"], strict=True))
    for en, zh in ((lifecycle.DEVELOPMENT_STAGES, lifecycle.DEVELOPMENT_STAGES_ZH),
                   (lifecycle.PIPELINE_STAGES, lifecycle.PIPELINE_STAGES_ZH),
                   (lifecycle.CUSTOMER_STATES, lifecycle.CUSTOMER_STATES_ZH),
                   (lifecycle.DEAL_LIKELIHOOD, lifecycle.DEAL_LIKELIHOOD_ZH)):
        words.update(zip(en, zh, strict=True))
    ladder = segments.B2B_LOYALTY_LADDER
    words.update(zip(ladder["rung"], ladder["rung_zh"], strict=True))
    benefits = segments.B2B_BENEFITS
    words.update(zip(benefits["benefit"], benefits["benefit_zh"], strict=True))
    for key, _kind, _w, label, zh in car.ATTRIBUTES:
        words[key] = words[label] = zh
    _TABLE_WORDS = words
    return words


def components() -> dict[str, str]:
    """Delivered-value component keys (``product``, ``time`` ...) -> their Chinese names.

    Kept apart from :func:`name`: ``service`` or ``price`` is a value or cost
    component only in the delivered-value figures.
    """
    from .. import value

    comp = value.delivered_value_components()
    return dict(zip(comp["component"], comp["chinese"], strict=True))


# the workbook's own example data (cvlib.datasets and the notebooks' worked examples), so the
# Chinese edition's figures of them are Chinese too; brand and company names stay as they are
_EXAMPLES: dict[str, str] = {
    # car_value_hierarchy()
    "safe to drive": "行驶安全", "starts and runs reliably": "启动和运行可靠",
    "legal papers and plates": "手续和牌照齐全", "warranty and scheduled service": "质保和定期保养",
    "fuel use as advertised": "油耗与宣传相符", "courteous dealer staff": "经销商员工礼貌周到",
    "low running costs": "使用成本低", "a design people admire": "外观令人称赞",
    "a quiet, comfortable ride": "乘坐安静舒适", "free pick-up for every service": "每次保养免费上门取车",
    "a call-back a week after delivery": "交车一周后回访", "lifetime roadside assistance": "终身道路救援",
    # car_ladder_example()
    "airbags and ABS": "安全气囊和 ABS", "fewer injuries if we crash": "万一出事故受伤更轻",
    "confident on wet roads": "雨天路滑也开得放心", "low fuel use": "油耗低",
    "less spent each month": "每月开支更少", "roomy boot": "后备箱宽敞",
    "one car for the whole family's trips": "一辆车满足全家出行", "dealer close to home": "经销商离家近",
    "quick service visits": "保养省时", "fewer stops at the pump": "加油次数少",
    "my family is safe": "家人平安", "peace of mind": "安心", "financial security": "财务安全",
    "time together with family": "与家人共度时光", "more free time": "更多空闲时间",
    # the car market's key events (load_cva_car_events)
    "Aurora S model launch": "Aurora S 车型上市", "Borealis cuts list prices 8%": "Borealis 降价 8%",
    "Aurora dealer service programme": "Aurora 经销商服务计划", "Aurora brake recall": "Aurora 刹车召回",
    "Cometa redesigned model": "Cometa 改款车型", "Aurora 0.99% finance offer": "Aurora 0.99% 低息贷款",
    "Equinox raises list prices 5%": "Equinox 提价 5%",
    # the operator's Kano features (load_kano_survey)
    "5G coverage in my city": "本市 5G 覆盖", "correct itemised bill": "准确的分项账单",
    "more monthly data": "更多月流量", "unused data rolls over": "未用流量结转下月",
    "free roaming in Asia": "亚洲免费漫游", "in-app chat support": "App 在线客服",
    "loyalty points": "积分奖励", "paper bill by post": "邮寄纸质账单",
    # satisfaction.GAP_EXAMPLE
    "network coverage": "网络覆盖", "call quality": "通话质量", "billing accuracy": "计费准确",
    "shop staff": "营业厅员工", "app and self-service": "App 与自助服务", "green packaging": "环保包装",
    # the operator's service attributes (load_service_attributes: perf_<stem>, imp_<stem>)
    "coverage": "网络覆盖", "billing": "账单", "speed": "网速", "price": "价格", "service": "客户服务",
    "app": "App", "roaming": "漫游", "stores": "营业厅",
    # the car value survey's segments
    "young": "年轻客户", "family": "家庭客户", "business": "商务客户",
}


def _lookup(text: str) -> str | None:
    words = _table_words()
    if text in words:
        return words[text]
    if text in WORDS_ZH:
        return WORDS_ZH[text]
    if text in _EXAMPLES:
        return _EXAMPLES[text]
    stem = re.fullmatch(r"(?:perf|imp)_(\w+)", text)   # perf_price: performance on price
    if stem and stem[1] in _EXAMPLES:
        return _EXAMPLES[stem[1]]
    return None


def _missing(zh) -> bool:
    return zh is None or (isinstance(zh, float) and math.isnan(zh)) or str(zh).strip() == ""


def name(label, zh=None, *, sep: str = " / ") -> str:
    """A category label in the current language.

    ``zh`` is the label's Chinese name when the data carry it (a ``*_zh``
    column); without it the name is looked up in the tables' Chinese columns
    and cvlib's own category words.  A label without a Chinese name (a
    brand, a model name such as BG/NBD, a number) is returned unchanged.
    """
    text = str(label)
    if get_language() == "en":
        return text
    if _missing(zh):
        zh = _lookup(text)
    if _missing(zh):
        return text
    return say(text, str(zh), sep=sep)


def legend(ax, *args, **kwargs):
    """``ax.legend(**kwargs)`` with every entry's label passed through :func:`name`.

    Draws the legend from the Axes' labelled artists like ``ax.legend()`` does;
    in English the entries are exactly those labels.
    """
    handles, labels = ax.get_legend_handles_labels()
    return ax.legend(handles, [name(t) for t in labels], *args, **kwargs)


def chinese(label, zh=None) -> str:
    """The Chinese name of a category label (for a Chinese text that embeds it), else the label.

    >>> chinese("at-risk"), chinese("Aurora")
    ('有流失风险客户', 'Aurora')
    """
    if _missing(zh):
        zh = _lookup(str(label))
    return str(label) if _missing(zh) else str(zh)


def measure(column) -> str:
    """The name of a measure column (``revenue``, ``profit`` ...) in the current language."""
    text = str(column)
    if get_language() == "en" or text not in _MEASURES:
        return name(text)
    return say(text, _MEASURES[text])

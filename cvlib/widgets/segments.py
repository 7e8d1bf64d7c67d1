"""Explorers for customer classification (notebook 04): move ABC cut-offs, set pyramid
percentages, edit the RFM segment rules, move the cut-offs of a two-axis matrix, size a call
list, read a decile analysis, look up Kotler's relationship level, weigh a scorecard.

Every number shown comes from the pure functions of :mod:`cvlib.segments`.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd

from ..language import WORDS_ZH, say
from ..segments import (
    KOTLER_LEVELS,
    PYRAMID_PRESETS,
    TWO_AXIS_PRESETS,
    abc_classes,
    call_list,
    decile_table,
    default_rfm_rules,
    pareto_share_bounds,
    pyramid,
    relationship_level,
    rfm_segment_summary,
    rfm_segments,
    scorecard,
    two_axis,
)
from ._base import Explorer, _new_axes, localise, start_value

__all__ = ["abc_explorer", "pyramid_explorer", "rfm_rules_explorer", "two_axis_explorer",
           "parse_rules", "call_list_explorer", "decile_explorer", "relationship_level_explorer",
           "scorecard_explorer"]


def _widgets():
    import ipywidgets

    return ipywidgets


# Tier names: the presets' own Chinese labels, Zeithaml's tiers from the glossary
_TIERS_ZH = {"platinum": "铂金层", "gold": "黄金层", "iron": "钢铁层", "lead": "铅层",
             # the RFM segments of default_rfm_rules
             "Champions": "冠军客户", "Loyal": "忠诚客户", "New": "新客户", "Promising": "有潜力的客户",
             "Potential loyalist": "潜在忠诚客户", "Need attention": "需要关注的客户",
             "About to sleep": "即将沉睡的客户", "At risk": "有流失风险的客户",
             "Can't lose": "不能失去的客户", "Hibernating": "休眠客户", "Lost": "已流失客户",
             "Others": "其他"}
for _preset in PYRAMID_PRESETS.values():
    _TIERS_ZH.update(zip(_preset["labels"], _preset.get("labels_zh", _preset["labels"]), strict=True))
for _preset in TWO_AXIS_PRESETS.values():  # the matrices' cells, in the course material's words
    _TIERS_ZH.update({_preset["labels"][k]: _preset["zh"][k] for k in _preset.get("zh", {})})
# Kotler's relationship levels in the words of the course material (003, 基本型 ... 伙伴型)
_LEVELS_ZH = {"basic": "基本型", "reactive": "被动型", "accountable": "负责型",
              "proactive": "能动型", "partnership": "伙伴型"}
_MARGINS_ZH = {"high": "高", "medium": "中", "low": "低"}
_CUSTOMER_COUNTS_ZH = {"many": "多", "moderate": "中等", "few": "少"}


_PRESETS_ZH = {"curry": "Curry 四层（1/4/15/80）", "course": "课程讲义（1/4/45/50）",
               "zeithaml": "Zeithaml 铂金/黄金/钢铁/铅"}
# Chinese names of the columns the workbook's data sets use as matrix axes and scorecard
# indicators (b2b_accounts); other columns show their own name
_AXES_ZH = {"assertiveness": "支配性", "responsiveness": "反应性", "revenue": "收入",
            "gross_margin": "毛利", "cost_to_serve": "服务成本", "potential_value": "潜在价值",
            "years_as_customer": "客户年限", "campaign_response": "营销响应", "profit": "利润",
            "current_value": "当前价值", "loyalty": "忠诚度", "response": "响应度"}


def _axis_name(column) -> str:
    """A column's name as a control label: Chinese when known and the language is Chinese."""
    text = str(column)
    return say(text, _AXES_ZH[text]) if text in _AXES_ZH else text


def _show_table(table):
    from IPython.display import display

    display(localise(table, columns=_AXES_ZH, values={**WORDS_ZH, **_TIERS_ZH, **_AXES_ZH}))


def _show_classification(measure):
    def show(result):
        import matplotlib.pyplot as plt

        from ..plots.segments import plot_tier_shares

        _show_table(result.table.round(4))
        ax = _new_axes((6, 3))
        plot_tier_shares(result, measure=measure, ax=ax)
        plt.show()

    return show


def abc_explorer(data, value: str = "revenue", *, profit: str | None = None,
                 customer: str | None = None) -> Explorer:
    """Move the ABC cut-offs and see each class's share of customers and of value change.

    Controls: ``by`` ("value": shares of revenue, "customers": shares of
    customers, "thresholds": absolute amounts), ``a`` and ``b`` (percent for
    classes A and B; C gets the rest) and ``a_threshold``, ``b_threshold``
    (currency, used with "thresholds").
    """
    w = _widgets()
    v = data[value] if isinstance(data, pd.DataFrame) else data
    controls = {
        "by": w.Dropdown(options=[(say("value", "按价值占比"), "value"),
                                  (say("customers", "按客户数占比"), "customers"),
                                  (say("thresholds", "按金额门槛"), "thresholds")],
                         value="value", description=say("cut by", "划分依据")),
        "a": w.IntSlider(value=70, min=1, max=98, description=say("A (%)", "A 类（%）")),
        "b": w.IntSlider(value=20, min=1, max=98, description=say("B (%)", "B 类（%）")),
        "a_threshold": w.FloatText(value=round(float(np.quantile(v, 0.9)), 2),
                                   description=say("A from", "A 类门槛")),
        "b_threshold": w.FloatText(value=round(float(np.quantile(v, 0.6)), 2),
                                   description=say("B from", "B 类门槛")),
    }

    def compute(by, a, b, a_threshold, b_threshold):
        if by == "thresholds":
            return abc_classes(data, value, customer=customer, profit=profit,
                               thresholds=(a_threshold, b_threshold))
        return abc_classes(data, value, customer=customer, profit=profit, by=by,
                           shares=(a, b, 100 - a - b))

    return Explorer(controls, compute, _show_classification(value),
                    title=say("ABC classes: move the cut-offs", "ABC 分类：调整分界点"))


def pyramid_explorer(data, value: str = "revenue", *, profit: str | None = None,
                     customer: str | None = None) -> Explorer:
    """Set the pyramid's percentages (and preset labels) and see each tier's shares.

    Controls: ``preset`` ("curry": VIP/major/medium/small 1/4/15/80, "course":
    the slides' VIP/major/ordinary/small with small = bottom 50%, "zeithaml":
    platinum/gold/iron/lead; choosing one loads its names and percentages) and
    ``top``, ``second``, ``third``, ``bottom`` (percent of customers; they must
    sum to 100).
    """
    w = _widgets()
    s = PYRAMID_PRESETS["curry"]["shares"]
    controls = {
        "preset": w.Dropdown(options=[(say(p, _PRESETS_ZH.get(p, p)), p) for p in PYRAMID_PRESETS],
                             value="curry", description=say("preset", "分层方案")),
        "top": w.BoundedFloatText(value=s[0], min=0, max=100, step=0.5,
                                  description=say("tier 1 %", "第 1 层 %")),
        "second": w.BoundedFloatText(value=s[1], min=0, max=100, step=0.5,
                                     description=say("tier 2 %", "第 2 层 %")),
        "third": w.BoundedFloatText(value=s[2], min=0, max=100, step=0.5,
                                    description=say("tier 3 %", "第 3 层 %")),
        "bottom": w.BoundedFloatText(value=s[3], min=0, max=100, step=0.5,
                                     description=say("tier 4 %", "第 4 层 %")),
    }

    def load_preset(change):
        # a new preset brings its own percentages; the boxes stay editable afterwards
        for name, share in zip(("top", "second", "third", "bottom"),
                               PYRAMID_PRESETS[change["new"]]["shares"], strict=True):
            controls[name].value = share

    controls["preset"].observe(load_preset, names="value")

    def compute(preset, top, second, third, bottom):
        return pyramid(data, value, customer=customer, profit=profit, preset=preset,
                       shares=(top, second, third, bottom))

    def show(result):
        import matplotlib.pyplot as plt

        from ..plots.segments import plot_pyramid

        _show_table(result.table.round(4))
        ax = _new_axes((7, 3.5))
        plot_pyramid(result, measure=value, ax=ax)
        plt.show()

    return Explorer(controls, compute, show,
                    title=say("Customer pyramid: set the percentages", "客户金字塔：设定各层的客户比例"))


def parse_rules(text: str) -> pd.DataFrame:
    """Read a rule table written as CSV text (header ``segment,r_min,r_max,...``)."""
    if not str(text).strip():
        raise ValueError(say("the rule table is empty: write a header line and at least one rule",
                             "规则表是空的：请写一行表头和至少一条规则"))
    try:
        rules = pd.read_csv(io.StringIO(str(text)), skipinitialspace=True)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise ValueError(say(f"the rule table is not valid CSV: {exc}",
                             f"规则表不是有效的 CSV：{exc}")) from None
    need = ["segment", "r_min", "r_max", "f_min", "f_max", "m_min", "m_max"]
    missing = [c for c in need if c not in rules.columns]
    if missing:
        raise ValueError(say(f"the rule table has no column(s) {missing}: keep the header line "
                             f"{','.join(need)} and give every rule a value in each column",
                             f"规则表缺少列 {missing}：请保留表头 {','.join(need)}，"
                             f"并为每条规则的每一列填上数值"))
    return rules


def _rules_text(rules: pd.DataFrame) -> str:
    cols = ["segment", "r_min", "r_max", "f_min", "f_max", "m_min", "m_max"]
    return rules[cols].to_csv(index=False, lineterminator="\n")


def rfm_rules_explorer(scores: pd.DataFrame, rules: pd.DataFrame | None = None) -> Explorer:
    """Edit the RFM segment rules (CSV text, first match wins) and see the segments' sizes.

    Control ``rules``: a text area holding the rule table; ``other``: the
    name of customers matching no rule.
    """
    w = _widgets()
    rules = default_rfm_rules() if rules is None else rules
    controls = {
        "rules": w.Textarea(value=_rules_text(rules), rows=len(rules) + 2,
                            layout=w.Layout(width="520px"), description=say("rules", "规则")),
        "other": w.Text(value="Others", description=say("no match", "未匹配者")),
    }

    def compute(rules, other):
        return rfm_segments(scores, parse_rules(rules), other=other)

    def show(result):

        _show_table(rfm_segment_summary(result).round(3))

    return Explorer(controls, compute, show,
                    title=say("RFM segments: edit the rules (the first matching rule wins)",
                              "RFM 客户细分：编辑规则（按顺序采用第一条符合的规则）"))


def two_axis_explorer(data: pd.DataFrame, x: str, y: str, *, preset: str | None = None,
                      customer: str | None = None, log: bool = False) -> Explorer:
    """Move the two cut-offs of a 2 x 2 matrix and see the cells' sizes and shares.

    Controls ``x_cut`` and ``y_cut`` (in the columns' units; they start at the medians).
    """
    w = _widgets()
    vx, vy = data[x].dropna(), data[y].dropna()
    controls = {
        "x_cut": w.FloatSlider(value=float(vx.median()), min=float(vx.min()),
                               max=float(vx.max()), step=(float(vx.max()) - float(vx.min())) / 200,
                               description=say(f"{x} cut"[:20], f"{_axis_name(x)}分界"[:20]),
                               readout_format=",.4g"),
        "y_cut": w.FloatSlider(value=float(vy.median()), min=float(vy.min()),
                               max=float(vy.max()), step=(float(vy.max()) - float(vy.min())) / 200,
                               description=say(f"{y} cut"[:20], f"{_axis_name(y)}分界"[:20]),
                               readout_format=",.4g"),
    }

    def compute(x_cut, y_cut):
        return two_axis(data, x, y, x_cut=x_cut, y_cut=y_cut, preset=preset, customer=customer,
                        missing="drop")

    def show(result):
        import matplotlib.pyplot as plt

        from ..plots.segments import plot_two_axis

        _show_table(result.table[["customers", "customer_share", f"{x}_share", f"{y}_share"]].round(3))
        ax = _new_axes((6, 4.5))
        plot_two_axis(result, ax=ax, log=log)
        plt.show()

    return Explorer(controls, compute, show,
                    title=say(f"Two-axis matrix: {x} x {y}", f"二维矩阵：{_axis_name(x)} × {_axis_name(y)}"))


def call_list_explorer(customers: int = 1000, working_days: int = 22, coverage: float = 1.0,
                       calls_per_day: float = 60) -> Explorer:
    """Size a sales rep's daily call list: calls needed for the coverage, coverage at a plan.

    Controls ``customers`` (per rep), ``working_days`` (a month), ``coverage``
    (target share of customers called a month, 0.1-1) and ``calls_per_day``
    (the plan to check).  The numbers come from :func:`cvlib.segments.call_list`;
    the defaults are the slide's (1,000 customers, 22 days, 100%, 60 calls).

    Examples
    --------
    >>> w = call_list_explorer()
    >>> w.result["calls_needed_per_day"], round(w.result["coverage"], 2)
    (46, 1.32)
    >>> w.controls["calls_per_day"].value = 46
    >>> round(w.result["coverage"], 3)
    1.012

    References
    ----------
    Course file 000 (每位销售员拥有1000家客户, 每月平均22个工作日).
    """
    w = _widgets()
    controls = {
        "customers": w.BoundedIntText(value=int(start_value("customers", customers, 1, 100_000,
                                                            "customers per rep")),
                                      min=1, max=100_000, description=say("customers", "客户数")),
        "working_days": w.IntSlider(value=int(start_value("working_days", working_days, 1, 31,
                                                          "working days")),
                                    min=1, max=31, description=say("working days", "工作日")),
        "coverage": w.FloatSlider(value=start_value("coverage", coverage, 0.1, 1.0,
                                                    "monthly coverage", "give 1.0 for 100%"),
                                  min=0.1, max=1.0, step=0.05, description=say("coverage", "覆盖率")),
        "calls_per_day": w.BoundedIntText(value=int(start_value("calls_per_day", calls_per_day, 0,
                                                                1000, "calls a day")),
                                          min=0, max=1000, description=say("calls a day", "每天拨打")),
    }

    def compute(customers, working_days, coverage, calls_per_day):
        return call_list(customers, working_days, coverage, calls_per_day=calls_per_day)

    def show(r):
        print(say(f"needed for {r['target_coverage']:.0%} coverage: {r['calls_needed_per_day']} "
                  f"calls a day",
                  f"要达到 {r['target_coverage']:.0%} 的覆盖率：每天需拨打 {r['calls_needed_per_day']} 个电话"))
        print(say(f"planned {r['calls_per_day']:g} a day: {r['calls_per_month']:,.0f} calls a month, "
                  f"{r['coverage']:.0%} of the {r['customers']:,} customers "
                  f"({r['surplus_calls']:+,.0f} calls against the target)",
                  f"计划每天 {r['calls_per_day']:g} 个：每月 {r['calls_per_month']:,.0f} 个电话，"
                  f"覆盖 {r['customers']:,} 个客户的 {r['coverage']:.0%}"
                  f"（比目标{'多' if r['surplus_calls'] >= 0 else '少'} "
                  f"{abs(r['surplus_calls']):,.0f} 个电话）"))

    return Explorer(controls, compute, show,
                    title=say("Call list: how many calls a day?", "拨打计划：每天要打多少个电话？"))


def decile_explorer(data, value: str = "revenue", *, profit: str | None = None,
                    customer: str | None = None) -> Explorer:
    """Decile analysis: set the number of groups, see each group's share and the Pareto bounds.

    Controls ``n`` (number of equal groups of customers, 2-20) and ``top``
    (a share of customers whose possible share of value, given the top
    group's actual share, is shown by :func:`cvlib.segments.pareto_share_bounds`).

    Examples
    --------
    >>> w = decile_explorer(pd.Series([50.0, 20, 10, 6, 5, 4, 2, 1, 1, 1], name="revenue"))
    >>> w.result["share"], tuple(round(b, 3) for b in w.result["bounds"])
    (0.5, (0.556, 1.0))
    """
    w = _widgets()
    controls = {
        "n": w.IntSlider(value=10, min=2, max=20, description=say("groups", "分组数")),
        "top": w.FloatSlider(value=0.2, min=0.05, max=0.95, step=0.05,
                             description=say("top share", "前列占比")),
    }

    def compute(n, top):
        table = decile_table(data, value, customer=customer, profit=profit, n=n)
        first = 1 / n
        share = float(table[f"{value}_share"].iloc[0])
        bounds = pareto_share_bounds(first, share, top) if abs(top - first) > 1e-9 else (share, share)
        return {"table": table, "first": first, "share": share, "top": top, "bounds": bounds}

    def show(r):
        import matplotlib.pyplot as plt

        from ..plots.segments import plot_deciles

        lo, hi = r["bounds"]
        print(say(f"the top {r['first']:.0%} bring {r['share']:.1%}; from that alone the top "
                  f"{r['top']:.0%} must bring between {lo:.1%} and {hi:.1%}",
                  f"前 {r['first']:.0%} 的客户贡献了 {r['share']:.1%}；仅凭这一点，前 {r['top']:.0%} "
                  f"的客户贡献的比例必然在 {lo:.1%} 到 {hi:.1%} 之间"))
        cols = [c for c in r["table"].columns if c.endswith("_share")]
        _show_table(r["table"][["customers", *cols]].round(3))
        ax = _new_axes((6, 3))
        plot_deciles(r["table"], measure=value, ax=ax)
        plt.show()

    return Explorer(controls, compute, show, title=say("Decile analysis", "十分位分析"))


def relationship_level_explorer() -> Explorer:
    """Kotler's relationship level for a margin level and a number of customers.

    Controls ``margin`` (high, medium, low) and ``customers`` (many,
    moderate, few); the answer comes from :func:`cvlib.segments.relationship_level`.

    Examples
    --------
    >>> w = relationship_level_explorer()
    >>> w.controls["margin"].value = "medium"
    >>> w.result
    'proactive'
    """
    w = _widgets()
    controls = {
        "margin": w.Dropdown(options=[(say(m, _MARGINS_ZH.get(m, m)), m) for m in KOTLER_LEVELS.columns],
                             value="high", description=say("margin", "利润率")),
        "customers": w.Dropdown(options=[(say(c, _CUSTOMER_COUNTS_ZH.get(c, c)), c)
                                         for c in KOTLER_LEVELS.index],
                                value="few", description=say("customers", "客户数量")),
    }

    def compute(margin, customers):
        return relationship_level(margin, customers)

    def show(level):
        print(say(f"recommended relationship level: {level}",
                  f"建议的关系水平：{_LEVELS_ZH.get(level, level)}"))

    return Explorer(controls, compute, show,
                    title=say("Kotler's relationship levels", "科特勒的五种关系水平"))


def scorecard_explorer(data: pd.DataFrame, weights: dict, *, groups: dict | None = None,
                       lower_is_better=(), customer: str | None = None,
                       show_top: int = 5) -> Explorer:
    """Weigh a scorecard's indicators and see the ranking and tiers change.

    One slider per indicator (its weight in percent); the weights are
    rescaled to sum to 100 (``normalize=True``), and the rescaled weights are
    shown.  Every number comes from :func:`cvlib.segments.scorecard`.

    Examples
    --------
    >>> d = pd.DataFrame({"revenue": [100.0, 50, 10], "years": [1.0, 5, 3]}, index=["a", "b", "c"])
    >>> w = scorecard_explorer(d, {"revenue": 60, "years": 40})
    >>> w.controls["years"].value = 90
    >>> w.result.weights["weight"].round(1).tolist()
    [40.0, 60.0]
    """
    w = _widgets()
    controls = {c: w.IntSlider(value=int(start_value(f"weights[{c!r}]", v, 0, 100, c)),
                               min=0, max=100, description=_axis_name(c)[:18])
                for c, v in weights.items()}

    def compute(**wts):
        return scorecard(data, wts, groups=groups, lower_is_better=lower_is_better,
                         customer=customer, normalize=True)

    def show(card):

        _show_table(card.weights.round(1))
        _show_table(card.scores.sort_values("rank").head(show_top)[["index", "rank", "tier"]].round(1))
        _show_table(card.summary().round(3))

    return Explorer(controls, compute, show,
                    title=say("Scorecard: weigh the indicators", "客户价值评分卡：为各指标设定权重"))


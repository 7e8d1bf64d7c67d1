"""Figures for customer classification (notebook 04): Lorenz/Pareto curves, the whale
curve, tier shares, the customer pyramid, the RFM heatmap, two-axis matrices, migration
heatmaps, decile bars, funnels, sales effort and Pareto bounds.  Each takes a result or tidy
table, ``ax=None`` and ``**kwargs`` passed to the main matplotlib call, and returns the Axes."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..language import get_language
from ._common import axes_or_new, chinese, heading, name, say, term, zh
from ._common import measure as measure_name

__all__ = [
    "plot_lorenz",
    "plot_pareto_curve",
    "plot_whale_curve",
    "plot_tier_shares",
    "plot_pyramid",
    "plot_deciles",
    "plot_rfm_heatmap",
    "plot_two_axis",
    "plot_migration",
    "plot_funnel",
    "plot_sales_effort",
    "plot_pareto_bounds",
]

# the axes of the two-axis presets (cvlib.segments.TWO_AXIS_PRESETS), in the course's words
_AXIS_ZH = {
    "current value": "当前价值", "potential value": "潜在价值", "customer value": "客户价值",
    "customer response": "客户响应", "customer value (profit)": "客户价值（利润）",
    "customer loyalty": "客户忠诚", "profitability": "盈利能力",
    "loyalty (expected tenure)": "忠诚度（预期关系时长）", "direct functions": "直接功能",
    "indirect functions": "间接功能", "sales volume": "销售量", "profit": "利润",
    "position on the loyalty ladder": "在忠诚度阶梯上的位置",
    "supplier's cost to serve": "供应商的客户服务成本",
    "discovery (knowledge of the customer)": "发现（对客户的了解）",
    "dialogue (richness and timeliness)": "对话（丰富性与及时性）",
    "assertiveness": "果断性", "responsiveness": "反应性",
}
# the classes a migration matrix counts (plot_migration's ``what``)
_WHAT_ZH = {"tier": "层级", "stage": "阶段", "segment": "细分群体", "class": "类别", "state": "状态"}
# purchase_frequency_classes' tiers (course 003: 高频, 低频, 零频客户)
_FREQUENCY_ZH = {"high": "高频客户", "low": "低频客户", "zero": "零频客户"}


def _tiers(result) -> dict:
    """Tier label -> label as drawn, for a Classification."""
    labels = [str(t) for t in result.table.index]
    if labels == list(_FREQUENCY_ZH):
        return {t: name(t, _FREQUENCY_ZH[t]) for t in labels}
    return {t: name(t) for t in labels}


def _tier_zh(result, tier) -> str:
    """A tier's Chinese name (for a Chinese text that embeds it)."""
    labels = [str(t) for t in result.table.index]
    return _FREQUENCY_ZH[str(tier)] if labels == list(_FREQUENCY_ZH) else chinese(tier)


def _method_zh(method: str, params: dict) -> str | None:
    """The Chinese title of a Classification's ``method`` (None when the pattern is unknown)."""
    head, *tail = re.split(r", (?=upgraded by|reclassified by)", method)
    rules = [
        (r"ABC by absolute thresholds (.+)", lambda m: f"ABC分类法：按绝对门槛 {m[1]}"),
        (r"ABC by cumulative share of (.+) \((.+)\)",
         lambda m: f"ABC分类法：按{_measure(m[1])}累计占比（{m[2]}）"),
        (r"ABC by share of customers \((.+)\)", lambda m: f"ABC分类法：按客户数占比（{m[1]}）"),
        (r"pyramid by (.+) \((.+) of customers\)",
         lambda m: f"{zh('customer pyramid')}：按{_measure(m[1])}（客户占比 {m[2]}）"),
        (r"two-axis matrix .+", lambda m: f"二维矩阵：{_axis(params, 'x')} × {_axis(params, 'y')}"),
        (r"purchase cycle x spend per purchase", lambda m: f"{zh('purchase cycle')} × 每次消费金额"),
        (r"value provision types \(file 003\)", lambda m: "按客户提供价值的能力分类（课程文件 003）"),
        (r"ABCD classes by (.+) and (.+)", lambda m: f"ABCD分类：按{_measure(m[1])}和{_measure(m[2])}"),
        (r"purchase frequency in the (\d+) days to (.+)", lambda m: f"截至 {m[2]} 的 {m[1]} 天内的购买频率"),
        (r"scorecard tiers by value index", lambda m: "按价值指数划分的评分卡等级"),
    ]
    for pattern, build in rules:
        m = re.fullmatch(pattern, head)
        if m:
            out = build(m)
            break
    else:
        return None
    for part in tail:
        how, _, flag = part.partition(" by ")
        out += f"，按 {flag.strip(chr(39))} " + ("升级" if how == "upgraded" else "重新归类")
    return out


def _method(result) -> str:
    """A Classification's ``method`` as a title in the current language."""
    text = str(result.method)
    if get_language() == "en":
        return text
    chinese = _method_zh(text, getattr(result, "params", {}) or {})
    return text if chinese is None else say(text, chinese)


def _axis(params: dict, which: str) -> str:
    """Chinese name of a two-axis classification's x or y axis (the preset's, else the column's)."""
    from ..segments import TWO_AXIS_PRESETS

    preset = params.get("preset")
    if preset:
        en = TWO_AXIS_PRESETS[preset][which]
        return _AXIS_ZH.get(en, en)
    return _measure(params[which])


def _relabel(ax, axis: str, labels) -> None:
    """Replace the tick labels' texts (keeping their style) when not drawing in English."""
    if get_language() == "en":
        return
    if axis == "x":
        ax.set_xticks(ax.get_xticks(), labels)
    else:  # Chinese labels read across, and rotated ones would overlap
        ax.set_yticks(ax.get_yticks(), labels, rotation=0)


def _measure(column: str) -> str:
    """A measure's name in a Chinese text (its Chinese name, or the column name)."""
    return measure_name(column) if get_language() == "zh" else measure_name(column).split(" / ")[-1]


def _agg(agg: str, value: str) -> str:
    """``mean monetary`` in Chinese: 平均消费金额, 客户数 for a count."""
    if agg == "count":
        return "客户数"
    return f"{_measure(agg)}{_measure(value)}"


def plot_lorenz(data, *, value: str | None = None, customer: str | None = None, ax=None,
                **kwargs):
    """Lorenz curve of ``value`` with the line of equality; the Gini coefficient in the title."""
    from ..segments import gini, lorenz_curve

    curve = lorenz_curve(data, value, customer)
    ax = axes_or_new(ax, (5, 5))
    ax.plot(curve["customer_share"], curve["value_share"], **{"color": "C0", "lw": 2,
                                                              "label": term("Lorenz curve"), **kwargs})
    ax.plot([0, 1], [0, 1], color="grey", ls="--", lw=1, label=say("equality", "绝对平均线"))
    ax.fill_between(curve["customer_share"], curve["value_share"], curve["customer_share"],
                    color="C0", alpha=0.12)
    g = gini(data, value, customer)
    ax.set_xlabel(say("cumulative share of customers (smallest first)", "客户累计占比（从小到大）"))
    ax.set_ylabel(say(f"cumulative share of {value or 'value'}", f"{_measure(value or 'value')}累计占比"))
    ax.set_title(heading(f"Lorenz curve, Gini = {g:.3f}", f"{zh('Lorenz curve')}，{zh('Gini coefficient')} = {g:.3f}"))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.legend(loc="upper left")
    return ax


def plot_pareto_curve(data, *, value: str | None = None, customer: str | None = None,
                      mark: float = 0.2, ax=None, **kwargs):
    """Cumulative share of ``value`` brought by the top customers, marking the top ``mark``."""
    from ..segments import pareto_curve, pareto_share

    curve = pareto_curve(data, value, customer)
    ax = axes_or_new(ax, (5, 5))
    ax.plot(curve["customer_share"], curve["value_share"], **{"color": "C1", "lw": 2, **kwargs})
    ax.plot([0, 1], [0, 1], color="grey", ls="--", lw=1)
    s = pareto_share(data, value, top=mark, customer=customer)
    ax.plot([mark, mark, 0], [0, s, s], color="C3", lw=1, ls=":")
    ax.annotate(say(f"top {mark:.0%} bring {s:.0%}", f"前 {mark:.0%} 的客户带来 {s:.0%}"), (mark, s),
                xytext=(mark + 0.05, s - 0.12), arrowprops={"arrowstyle": "->"})
    ax.set_xlabel(say("cumulative share of customers (largest first)", "客户累计占比（从大到小）"))
    ax.set_ylabel(say(f"cumulative share of {value or 'value'}", f"{_measure(value or 'value')}累计占比"))
    ax.set_title(heading("Pareto curve", "帕累托曲线"))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    return ax


def plot_whale_curve(data, *, profit: str | None = None, customer: str | None = None, ax=None,
                     **kwargs):
    """The whale curve: cumulative profit (% of total) by customers ranked by profit."""
    from ..segments import whale_curve

    curve = whale_curve(data, profit, customer)
    ax = axes_or_new(ax, (6, 4))
    x, y = curve["customer_share"].to_numpy(), curve["profit_share"].to_numpy() * 100
    ax.plot(x, y, **{"color": "C0", "lw": 2, **kwargs})
    ax.axhline(100, color="grey", ls="--", lw=1)
    ax.text(0.01, 101, say("total profit", "总利润"), color="grey", fontsize=8, va="bottom")
    k = int(np.argmax(y))
    ax.plot([x[k]], [y[k]], "o", color="C3")
    # the label sits low on the right, where the curve (at or above 100%) never goes
    ax.annotate(say(f"peak {y[k]:.0f}% at {x[k]:.0%} of customers",
                    f"峰值 {y[k]:.0f}%（前 {x[k]:.0%} 的客户）"), (x[k], y[k]),
                xytext=(0.42, 0.12), textcoords="axes fraction",
                arrowprops={"arrowstyle": "->", "color": "0.3"})
    ax.set_xlabel(say("cumulative share of customers (most profitable first)", "客户累计占比（按利润从高到低）"))
    ax.set_ylabel(say("cumulative profit, % of total", "累计利润（占总利润的 %）"))
    ax.set_title(heading("Whale curve of customer profitability", f"客户盈利能力的{zh('whale curve')}"))
    ax.set_xlim(0, 1)
    ax.set_ylim(min(0.0, float(y.min())) - 5, max(float(y.max()), 100.0) * 1.08)
    return ax


def _measure_of(result, measure):
    table = result.table
    if measure is None:
        shares = [c for c in table.columns if c.endswith("_share") and c != "customer_share"]
        measure = shares[0][: -len("_share")] if shares else None
    if measure is not None and f"{measure}_share" not in table.columns:
        raise ValueError(f"the result has no measure {measure!r}; measures are "
                         f"{[c[:-6] for c in table.columns if c.endswith('_share')]}")
    return table, measure


def plot_tier_shares(result, *, measure: str | None = None, ax=None, **kwargs):
    """Share of customers next to share of a measure (revenue, profit) for each tier."""
    table, measure = _measure_of(result, measure)
    ax = axes_or_new(ax, (6, 3.5))
    cols = ["customer_share"] + ([f"{measure}_share"] if measure else [])
    frame = table[cols].rename(columns={"customer_share": say("customers", "客户数"),
                                        f"{measure}_share": measure_name(str(measure))}) * 100
    tiers = _tiers(result)
    frame.index = [tiers.get(str(t), str(t)) for t in frame.index]
    frame.plot.bar(ax=ax, rot=0, **{"color": ["C7", "C0"][: len(cols)], **kwargs})
    for cont in ax.containers:
        ax.bar_label(cont, fmt="%.0f%%", fontsize=8)
    ax.set_ylabel(say("% of total", "占总数的 %"))
    ax.set_xlabel("")
    ax.set_title(_method(result))
    return ax


def plot_pyramid(result, *, measure: str | None = None, ax=None, **kwargs):
    """The customer pyramid: one layer per tier (top tier at the apex), labelled with shares."""
    from matplotlib.patches import Polygon

    table, measure = _measure_of(result, measure)
    ax = axes_or_new(ax, (6, 4.5))
    k = len(table)
    colors = ["#7b3294", "#c2a5cf", "#a6dba0", "#008837", "#f4a582", "#92c5de"]
    for i, (tier, row) in enumerate(table.iterrows()):
        top, bottom = k - i, k - i - 1           # layer i from the apex down
        half_t, half_b = 0.5 * i / k, 0.5 * (i + 1) / k
        poly = Polygon([(0.5 - half_b, bottom), (0.5 + half_b, bottom), (0.5 + half_t, top),
                        (0.5 - half_t, top)], closed=True, facecolor=colors[i % len(colors)],
                       **{"edgecolor": "white", **kwargs})
        ax.add_patch(poly)
        en = f"{tier}: {row['customer_share']:.0%} of customers"
        chinese_text = f"{_tier_zh(result, tier)}：占客户的 {row['customer_share']:.0%}"
        if measure:
            en += f", {row[f'{measure}_share']:.0%} of {measure}"
            chinese_text += f"，占{_measure(measure)}的 {row[f'{measure}_share']:.0%}"
        text = say(en, chinese_text, sep="\n")
        ax.text(1.02, bottom + 0.5, text, va="center", fontsize=9)
    ax.set_xlim(0, 2.4)
    ax.set_ylim(0, k)
    ax.axis("off")
    ax.set_title(_method(result))
    return ax


def plot_deciles(table: pd.DataFrame, *, measure: str | None = None, ax=None, **kwargs):
    """Bars of each decile's share of a measure (from :func:`decile_table`), cumulative line."""
    if measure is None:
        measure = [c for c in table.columns if c.endswith("_share") and not c.startswith("cum_")][0][:-6]
    ax = axes_or_new(ax, (6, 3.5))
    x = table.index.to_numpy()
    ax.bar(x, table[f"{measure}_share"] * 100, **{"color": "C0",
                                                  "label": say(f"share of {measure}", f"{_measure(measure)}占比"),
                                                  **kwargs})
    ax.plot(x, table[f"cum_{measure}_share"] * 100, "o-", color="C3", label=say("cumulative", "累计占比"))
    ax.set_xticks(x)
    ax.set_xlabel(say("decile of customers (1 = top 10%)", "客户十分位（1 = 前 10%）"))
    ax.set_ylabel(say("%", "占比（%）"))
    ax.set_title(heading(f"Decile analysis of {measure}", f"{_measure(measure)}的{zh('decile analysis')}"))
    ax.legend()
    return ax


def plot_rfm_heatmap(scores: pd.DataFrame, *, value: str = "monetary", agg: str = "mean",
                     ax=None, **kwargs):
    """Heatmap of the R x F grid (mean monetary value by default), recency score on rows."""
    import seaborn as sns

    from ..segments import rfm_grid

    grid = rfm_grid(scores, value, agg)
    ax = axes_or_new(ax, (5.5, 4.5))
    sns.heatmap(grid, ax=ax, **{"annot": True, "fmt": ".0f" if agg != "count" else "d",
                                "cmap": "YlGnBu",
                                "cbar_kws": {"label": say(f"{agg} {value}", _agg(agg, value))}, **kwargs})
    ax.set_xlabel(say("frequency score F", f"{zh('frequency')}得分 F"))
    ax.set_ylabel(say("recency score R", f"{zh('recency (RFM)')}得分 R"))
    ax.set_title(heading(f"RFM grid: {agg} {value}", f"RFM 网格：{_agg(agg, value)}"))
    return ax


def plot_two_axis(result, *, ax=None, log: bool = False, alpha: float = 0.6, **kwargs):
    """Scatter of a two-axis classification, coloured by cell, with the cut-off lines."""
    import seaborn as sns

    p = result.params
    x, y = p["x"], p["y"]
    frame = result.assignments.reset_index(drop=True)
    ax = axes_or_new(ax, (6, 5))
    sns.scatterplot(data=frame, x=x, y=y, hue="tier", ax=ax, **{"alpha": alpha, "s": 20, **kwargs})
    ax.axvline(p["x_cut"], color="grey", ls="--", lw=1)
    ax.axhline(p["y_cut"], color="grey", ls="--", lw=1)
    if log:
        ax.set_xscale("log")
        ax.set_yscale("log")
    handles, labels = ax.get_legend_handles_labels()
    tiers = _tiers(result)
    ax.legend(handles, [tiers.get(t, name(t)) for t in labels], title="", fontsize=8)
    ax.set_xlabel(say(x, _axis(p, "x")))
    ax.set_ylabel(say(y, _axis(p, "y")))
    preset = p.get("preset")
    zh_title = f"{_axis(p, 'x')} × {_axis(p, 'y')}（虚线为分界值）"
    if preset:
        from ..segments import TWO_AXIS_PRESETS

        names = TWO_AXIS_PRESETS[preset]
        ax.set_title(heading(f"{names['x']} x {names['y']} (cut-offs dashed)", zh_title))
    else:
        ax.set_title(heading(f"{x} x {y} (cut-offs dashed)", zh_title))
    return ax


def plot_migration(matrix: pd.DataFrame, *, ax=None, normalize: bool = True, what: str = "tier",
                   **kwargs):
    """Heatmap of a migration matrix (from :func:`cvlib.segments.migration_matrix`).

    Rows are the classes at the first date, columns the classes at the later date;
    with ``normalize`` each cell is the percentage of its row, otherwise a count.
    ``what`` names the classes in the labels and title (singular: ``"tier"``,
    ``"stage"``, ``"segment"``).

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame([[3, 1], [0, 2]], index=pd.Index(["new", "active"], name="2024-06-30"),
    ...                  columns=pd.Index(["new", "active"], name="2024-12-31"))
    >>> ax = plot_migration(m, what="stage")
    >>> ax.get_ylabel(), ax.get_title()
    ('stage at 2024-06-30', 'Stage migration (% of each row)')
    """
    import seaborn as sns

    if not isinstance(what, str) or not what.strip():
        raise TypeError(f"what must be a non-empty word naming the classes (e.g. 'stage'), got {what!r}")
    m = matrix.astype(float)
    if normalize:
        m = m.div(m.sum(axis=1).replace(0, np.nan), axis=0) * 100
    ax = axes_or_new(ax, (6, 4.5))
    sns.heatmap(m, ax=ax, **{"annot": True, "fmt": ".0f", "cmap": "Blues",
                             "cbar_kws": {"label": say("% of the row", "占该行的 %") if normalize
                                          else say("customers", "客户数")},
                             **kwargs})
    _relabel(ax, "x", [name(c) for c in m.columns])
    _relabel(ax, "y", [name(r) for r in m.index])
    w = _WHAT_ZH.get(what, what)
    ax.set_xlabel(say(f"{what} at {matrix.columns.name}", f"{matrix.columns.name} 的{w}")
                  if matrix.columns.name else say(f"{what} after", f"之后的{w}"))
    ax.set_ylabel(say(f"{what} at {matrix.index.name}", f"{matrix.index.name} 的{w}")
                  if matrix.index.name else say(f"{what} before", f"之前的{w}"))
    ax.set_title(heading(f"{what[0].upper()}{what[1:]} migration" + (" (% of each row)" if normalize else ""),
                     f"{w}迁移" + ("（占每行的 %）" if normalize else "")))
    return ax


def plot_funnel(table: pd.DataFrame, *, ax=None, **kwargs):
    """A funnel of stages (from :func:`funnel`): bar width = number reached, with conversion rates."""
    ax = axes_or_new(ax, (7, 0.5 * len(table) + 1.5))
    reached = table["reached"].to_numpy(float)
    width = reached / reached.max() if reached.max() > 0 else reached
    ypos = np.arange(len(table))[::-1]
    ax.barh(ypos, width, left=(1 - width) / 2, **{"color": "C0", "alpha": 0.8, **kwargs})
    for yv, w, (_stage, row) in zip(ypos, width, table.iterrows(), strict=True):
        conv = row["conversion"]
        text = f"{int(row['reached']):,}" + ("" if yv == ypos[0] else
                                             say(f"  ({conv:.0%} of previous)", f"（上一阶段的 {conv:.0%}）"))
        ax.text((1 + w) / 2 + 0.01, yv, text, ha="left", va="center", fontsize=8)
    ax.set_yticks(ypos)
    ax.set_yticklabels([name(s) for s in table.index])
    ax.set_xticks([])
    ax.set_xlim(0, 1.25)
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_title(heading("Funnel: number reaching each stage", "漏斗：到达各阶段的人数"))
    return ax


def plot_sales_effort(table: pd.DataFrame | None = None, *, ax=None, **kwargs):
    """Bars of each class's share of customers, of sales and of the reps' time (from
    :func:`cvlib.segments.sales_effort`), labelled with sales per unit of effort.

    Examples
    --------
    >>> ax = plot_sales_effort()          # the course's table (file 003)
    >>> [round(p.get_height()) for p in ax.patches][:3]
    [10, 20, 70]
    """
    from ..segments import sales_effort

    t = sales_effort(table)
    ax = axes_or_new(ax, (6.5, 3.5))
    frame = t[["customer_share", "sales_share", "effort_share"]].rename(
        columns={"customer_share": say("customers", "客户数"), "sales_share": say("sales", "销售额"),
                 "effort_share": say("reps' time", "业务员时间")}) * 100
    frame.index = [name(i) for i in frame.index]
    frame.plot.bar(ax=ax, rot=0, **{"color": ["C7", "C0", "C3"], **kwargs})
    for i, r in enumerate(t["sales_per_effort"]):
        ax.text(i, float(frame.iloc[i].max()) + 3, say(f"{r:.2f} sales per effort", f"单位精力销售额 {r:.2f}", sep="\n"),
                ha="center", fontsize=8)
    ax.set_ylabel(say("% of total", "占总数的 %"))
    ax.set_xlabel("")
    ax.set_ylim(0, float(frame.to_numpy().max()) + 12)
    ax.set_title(heading("Share of customers, sales and sales effort per class", "各类客户的客户数、销售额与销售精力占比"))
    return ax


def plot_pareto_bounds(point=(0.2, 0.8), *, claims=None, ax=None, **kwargs):
    """The band of Pareto curves through one known point, with claimed shares marked.

    ``point`` is the known point ``(share of customers, share of value)``, as
    fractions (default: the 80/20 rule).

    ``claims`` maps a share of customers to a claimed share of value (or a
    (low, high) range), e.g. ``{0.1: (0.3, 0.5)}`` for the slide's deciles.

    Examples
    --------
    >>> ax = plot_pareto_bounds((0.2, 0.8), claims={0.1: (0.3, 0.5)})
    >>> ax.lines[-1].get_ydata().tolist()
    [0.3, 0.5]
    """
    from ..segments import pareto_share_bounds

    known_top, known_share = point
    p = np.linspace(0.005, 1, 200)
    b = np.array([pareto_share_bounds(known_top, known_share, x) for x in p])
    ax = axes_or_new(ax, (5, 5))
    ax.fill_between(p, b[:, 0], b[:, 1], **{"color": "C0", "alpha": 0.25,
                                             "label": say("possible Pareto curves", "可能的帕累托曲线"), **kwargs})
    ax.plot([known_top], [known_share], "o", color="C0")
    ax.annotate(say(f"known: top {known_top:.0%} bring {known_share:.0%}",
                    f"已知：前 {known_top:.0%} 的客户带来 {known_share:.0%}"), (known_top, known_share),
                xytext=(known_top + 0.08, known_share - 0.15), arrowprops={"arrowstyle": "->"})
    for top, claim in (claims or {}).items():
        lo, hi = (claim, claim) if np.isscalar(claim) else claim
        ax.plot([top, top], [lo, hi], color="C3", lw=4, solid_capstyle="butt",
                label=say(f"claim: top {top:.0%} bring {lo:.0%}-{hi:.0%}",
                          f"说法：前 {top:.0%} 的客户带来 {lo:.0%}-{hi:.0%}"))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel(say("share of customers (largest first)", "客户占比（从大到小）"))
    ax.set_ylabel(say("share of value", "价值占比"))
    ax.set_title(heading("What one point of the Pareto curve allows", "帕累托曲线上一个已知点允许的范围"))
    ax.legend(loc="lower right", fontsize=8)
    return ax

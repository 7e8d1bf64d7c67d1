"""Figures for perceived value (notebook 01): delivered value, value pricing, hierarchy, ladder, survey."""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd

from ..language import has_chinese
from ._common import (
    axes_or_new,
    chinese,
    components,
    heading,
    measure,
    name,
    say,
    term,
    zh,
)

__all__ = [
    "plot_delivered_value",
    "plot_value_waterfall",
    "plot_value_hierarchy",
    "plot_means_end_ladder",
    "plot_value_by_brand",
    "plot_choice_shares",
    "plot_perval",
    "plot_holbrook",
]


# Holbrook's typology (Holbrook 1999): extrinsic/intrinsic, self-/other-oriented, active/reactive
_HOLBROOK_ZH = {"extrinsic": "外在", "intrinsic": "内在", "self-oriented": "自我导向",
                "other-oriented": "他人导向", "active": "主动", "reactive": "反应"}
# PERVAL's four dimensions (Sweeney & Soutar 2001), as the workbook's car survey names them
_PERVAL_ZH = {"quality": "质量价值", "emotional": "情感价值", "price": "价格价值", "social": "社会价值"}
# the two kinds of DeliveredValue
_KIND_ZH = {"Kotler delivered value": "科特勒的顾客让渡价值", "Meehan Vc = Fc - Cc": "米汉顾客价值 Vc = Fc - Cc"}
# the steps of ValuePrice.summary() (Kotler's Caterpillar build-up)
_STEP_ZH = {"competitor-equivalent price": "与竞争者同等产品的价格", "value-based price": "基于价值的价格",
            "- discount": "- 折扣", "price charged": "实际售价"}


def _wrap(text: str, width: int) -> str:
    """Wrap a label at ``width`` Latin characters; a Chinese character counts as two."""
    if not has_chinese(text):
        return textwrap.fill(text, width)
    if " / " in text:  # bilingual: each language on its own lines
        return "\n".join(_wrap(part, width) for part in text.split(" / "))
    # break between Chinese characters or at spaces, never inside a Latin word ("ABS", "5G")
    import re

    lines, line, used = [], "", 0.0
    for piece in re.findall(r"[A-Za-z0-9.%()\-]+|\s+|.", text):
        w = sum(8 / 3 if has_chinese(ch) else 1 for ch in piece)  # 6 Chinese characters where 16 Latin fit
        if used + w > width and line.strip():
            lines.append(line.rstrip())
            line, used = "", 0.0
            if piece.isspace():
                continue
        line += piece
        used += w
    # no lone character on a last line: move one more over from the line before
    if len(lines) >= 1 and len(line) == 1 and len(lines[-1]) > 2:
        line, lines[-1] = lines[-1][-1] + line, lines[-1][:-1]
    return "\n".join(lines + [line])


def _part(component) -> str:
    """A delivered-value component (product, time ...) as drawn: its Chinese name from the value tables."""
    return name(component, components().get(str(component)))


def _kind(kind: str) -> str:
    return say(kind, _KIND_ZH[kind]) if kind in _KIND_ZH else kind


def _step(step: str) -> str:
    if step in _STEP_ZH:
        return say(step, _STEP_ZH[step])
    if step[:2] in ("+ ", "- ") and not step[2:].startswith(("+", "-")):
        return step[:2] + name(step[2:])
    return step


def _column(column: str, en: str | None = None) -> str:
    """A grouping column's name (brand, segment ...) in the current language (``en`` in English)."""
    en = column if en is None else en
    return say(en, _COLUMN_ZH[column]) if column in _COLUMN_ZH else say(en, measure(column))


_COLUMN_ZH = {"brand": "品牌", "segment": "细分市场", "owned_brand": "所购品牌", "respondent_id": "受访者"}


def _num(x: float) -> str:
    """A readable amount: thousands separators for large round numbers, 4 digits otherwise."""
    return f"{x:,.0f}" if abs(x) >= 1000 or float(x).is_integer() else f"{x:,.4g}"


def plot_delivered_value(result, *, ax=None, **kwargs):
    """Total value against total cost, as stacked bars of their components.

    Parameters
    ----------
    result : DeliveredValue or DataFrame
        One offer (:func:`cvlib.value.delivered_value` on dicts): two stacked
        bars, value components and cost components, with the delivered value
        marked.  Several offers (the DataFrame it returns): total value and
        total cost side by side per offer, delivered value as a dot.
    ax : matplotlib Axes, optional
    **kwargs
        Passed to ``Axes.bar`` (e.g. ``alpha``, ``width``).

    Returns
    -------
    matplotlib Axes
    """
    import seaborn as sns

    from ..value import DeliveredValue

    ax = axes_or_new(ax, (7, 4))
    if isinstance(result, DeliveredValue):
        value_colors = sns.color_palette("Greens_r", max(len(result.values), 1) + 2)
        cost_colors = sns.color_palette("Reds_r", max(len(result.costs), 1) + 2)
        for x, parts, colors in ((0, result.values, value_colors), (1, result.costs, cost_colors)):
            bottom = 0.0
            for (part, amount), color in zip(parts.items(), colors, strict=False):
                ax.bar(x, amount, bottom=bottom, **{"color": color, "edgecolor": "white", "width": 0.6,
                                                    **kwargs})
                if amount > 0.06 * max(result.total_value, result.total_cost):
                    ax.text(x, bottom + amount / 2, f"{_part(part)}\n{amount:,.4g}", ha="center",
                            va="center", fontsize=8)
                elif amount > 0:  # too thin to hold its label: write it beside the bar
                    ax.text(x + 0.32, bottom + amount / 2, f"{_part(part)} {amount:,.4g}", ha="left",
                            va="center", fontsize=7.5)
                bottom += amount
        ax.annotate("", xy=(1.45, result.total_value), xytext=(1.45, result.total_cost),
                    arrowprops={"arrowstyle": "<->", "color": "black"})
        ax.text(1.5, (result.total_value + result.total_cost) / 2,
                f"{term('customer delivered value', 'delivered value')}\n{result.delivered_value:,.4g}\n"
                f"{say('ratio', '价值成本比')} {result.value_ratio:.3g}",
                va="center", fontsize=9)
        ax.set_xticks([0, 1], [term("total customer value"), term("total customer cost")])
        ax.set_xlim(-0.5, 2.2)
        ax.set_ylabel(say("amount", "金额"))
        ax.set_title(_kind(result.kind))
        return ax
    if not isinstance(result, pd.DataFrame) or not {"total_value", "total_cost",
                                                    "delivered_value"} <= set(result.columns):
        raise TypeError("plot_delivered_value needs a DeliveredValue or the DataFrame returned by "
                        "delivered_value on DataFrames (total_value, total_cost, delivered_value)")
    x = np.arange(len(result))
    ax.bar(x - 0.2, result["total_value"], **{"width": 0.4, "color": sns.color_palette("Greens")[3],
                                               "label": term("total customer value", "total value"),
                                               **kwargs})
    ax.bar(x + 0.2, result["total_cost"], **{"width": 0.4, "color": sns.color_palette("Reds")[3],
                                              "label": term("total customer cost", "total cost"), **kwargs})
    ax.plot(x, result["delivered_value"], "o", color="black",
            label=term("customer delivered value", "delivered value"))
    ax.axhline(0, color="grey", lw=0.8)
    ax.set_xticks(x, [name(i) for i in result.index])
    ax.set_ylabel(say("amount", "金额"))
    ax.legend(frameon=False)
    return ax


def _delivered_steps(result) -> pd.DataFrame:
    rows = [(f"+ {_part(k)}", v, "premium") for k, v in result.values.items()]
    rows.append((term("total customer value"), result.total_value, "total"))
    rows += [(f"- {_part(k)}", -v, "discount") for k, v in result.costs.items()]
    rows.append((term("customer delivered value", "delivered value"), result.delivered_value, "total"))
    frame = pd.DataFrame(rows, columns=["step", "amount", "kind"])
    running, acc = [], 0.0
    for amount, kind in zip(frame["amount"], frame["kind"], strict=True):
        acc = amount if kind == "total" else acc + amount
        running.append(acc)
    frame["running"] = running
    return frame


def plot_value_waterfall(result, *, ax=None, **kwargs):
    """Waterfall of a value build-up.

    For a :class:`~cvlib.value.ValuePrice`: base, premiums, value-based price,
    discount, price.  For a :class:`~cvlib.value.DeliveredValue`: each value
    component up to total customer value, each cost component down to the
    delivered value.

    Parameters
    ----------
    result : ValuePrice or DeliveredValue
        From :func:`cvlib.value.value_based_price` (e.g. the Caterpillar
        example) or :func:`cvlib.value.delivered_value` on dicts.
    ax : matplotlib Axes, optional
    **kwargs
        Passed to ``Axes.bar`` (e.g. ``alpha``, ``edgecolor``).

    Returns
    -------
    matplotlib Axes
    """
    import seaborn as sns

    from ..value import DeliveredValue

    delivered = isinstance(result, DeliveredValue)
    steps = _delivered_steps(result) if delivered else result.summary()
    ax = axes_or_new(ax, (8, 4))
    pal = sns.color_palette("deep")
    color = {"base": pal[7], "premium": pal[2], "total": pal[0], "discount": pal[3]}
    for i, row in steps.iterrows():
        if row["kind"] in ("base", "total"):
            bottom, height = 0.0, row["amount"]
        else:
            bottom, height = row["running"] - row["amount"], row["amount"]
        ax.bar(i, height, bottom=bottom, **{"color": color[row["kind"]], "width": 0.7, **kwargs})
        top = max(bottom, bottom + height)
        sign = "+" if row["kind"] in ("premium", "discount") and row["amount"] >= 0 else ""
        ax.text(i, top, sign + _num(row["amount"]), ha="center", va="bottom", fontsize=8)
    ax.set_xticks(range(len(steps)), [_step(s) for s in steps["step"]], rotation=30, ha="right")
    if delivered:
        ax.axhline(0, color="grey", lw=0.8)
        ax.set_ylim(min(0.0, steps["running"].min()) * 1.1, steps["running"].max() * 1.1)
        ax.set_ylabel(say("amount", "金额"))
        ax.set_title(f"{_kind(result.kind)}: {result.total_value:,.4g} - {result.total_cost:,.4g} = "
                     f"{result.delivered_value:,.4g}")
        return ax
    ax.set_ylabel(say("amount (currency)", "金额（货币单位）"))
    ax.yaxis.set_major_formatter("{x:,.0f}")
    low = 0.8 * min(result.base, result.price)
    ax.set_ylim(low, result.value * 1.05)
    ax.set_title(heading(f"perceived-value pricing: value {result.value:,.0f}, price {result.price:,.0f}",
                     f"感知价值定价：价值 {result.value:,.0f}，价格 {result.price:,.0f}"))
    return ax


def plot_value_hierarchy(hierarchy: pd.DataFrame, *, ax=None, **kwargs):
    """The value hierarchy as nested rings: basic value at the core, unexpected value outside.

    Parameters
    ----------
    hierarchy : DataFrame
        From :func:`cvlib.value.value_hierarchy` (``level``, ``level_zh``, ``rank``, ``item``).
    ax : matplotlib Axes, optional
    **kwargs
        Passed to the ``Circle`` patch of every ring (e.g. ``alpha``, ``ec``).

    Returns
    -------
    matplotlib Axes
    """
    import matplotlib.patches as mpatches
    import seaborn as sns

    from ..value import VALUE_LEVELS

    ax = axes_or_new(ax, (8, 8))
    colors = sns.color_palette("Blues", len(VALUE_LEVELS))
    levels = list(VALUE_LEVELS)
    for k in range(len(levels) - 1, -1, -1):
        ax.add_patch(mpatches.Circle((0, 0), k + 1, **{"color": colors[len(levels) - 1 - k], "ec": "white",
                                                       **kwargs}))
    zh_level = dict(VALUE_LEVELS)
    if "level_zh" in hierarchy.columns:
        zh_level.update(zip(hierarchy["level"].astype(str), hierarchy["level_zh"], strict=True))
    for k, lev in enumerate(levels):
        items = hierarchy.loc[hierarchy["level"].astype(str) == lev, "item"].tolist()
        y0 = k + 0.55 if k else 0.45
        ax.text(0, y0, say(f"{lev} value", zh_level[lev], sep="\n"), ha="center", va="center",
                fontsize=10, weight="bold")
        for j, item in enumerate(items[:4]):
            ax.text(0, -(k + 0.25) - 0.2 * j if k else 0.12 - 0.2 * j, name(item), ha="center",
                    va="center", fontsize=8)
    ax.set_xlim(-4.1, 4.1)
    ax.set_ylim(-4.1, 4.1)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(heading("value hierarchy: basic < expected < desired < unexpected",
                     f"{zh('value hierarchy')}：" + " < ".join(zh_level[lev] for lev in levels)))
    return ax


def plot_means_end_ladder(ladder, *, ax=None, cmap: str = "RdYlGn", **kwargs):
    """Woodruff's means-end ladder: attributes (bottom), consequences, goals (top).

    Nodes are coloured by their satisfaction rating (grey when unrated); link
    width grows with the number of ladders through it.  The per-level
    satisfaction (attribute-, consequence-, goal-based) is written on the left.

    Parameters
    ----------
    ladder : Ladder
        From :func:`cvlib.value.means_end_ladder`.
    ax : matplotlib Axes, optional
    cmap : str
        Matplotlib colour map for satisfaction.
    **kwargs
        Passed to ``Axes.plot`` of every link (e.g. ``color``, ``alpha``).

    Returns
    -------
    matplotlib Axes
    """
    import matplotlib as mpl

    nodes = ladder.nodes()
    links = ladder.links()
    sat = ladder.satisfaction().set_index("level")
    ax = axes_or_new(ax, (11, 6))
    rows = {"attribute": 0, "consequence": 1, "goal": 2}
    pos = {}
    for lev, y in rows.items():
        names = nodes.loc[nodes["level"] == lev, "node"].tolist()
        xs = np.linspace(0, 1, len(names) + 2)[1:-1]
        for node, x in zip(names, xs, strict=True):
            pos[(lev, node)] = (x, y)
    for _, e in links.iterrows():
        (x0, y0), (x1, y1) = pos[(e["source_level"], e["source"])], pos[(e["target_level"], e["target"])]
        ax.plot([x0, x1], [y0, y1], **{"color": "grey", "lw": 1 + 1.5 * e["count"], "alpha": 0.6, "zorder": 1,
                                       **kwargs})
    norm = mpl.colors.Normalize(*ladder.scale)
    colormap = mpl.colormaps[cmap]
    for _, n in nodes.iterrows():
        x, y = pos[(n["level"], n["node"])]
        face = "lightgrey" if np.isnan(n["satisfaction"]) else colormap(norm(n["satisfaction"]))
        node = _wrap(name(n["node"]), 16)
        label = node if np.isnan(n["satisfaction"]) else f"{node}\n({n['satisfaction']:g})"
        ax.text(x, y, label, ha="center", va="center", fontsize=7.5, zorder=2, wrap=True,
                bbox={"boxstyle": "round", "fc": face, "ec": "black", "lw": 0.5})
    for lev, y in rows.items():
        s = sat.loc[lev, "satisfaction"]
        ax.text(-0.02, y, say(f"{lev}s", chinese(lev)) + f"\n{name(sat.loc[lev, 'kind'])}\n"
                + (say("not rated", "未评分") if np.isnan(s) else f"= {s:.2f}"),
                ha="right", va="center", fontsize=8.5)
    ax.set_xlim(-0.3, 1.02)
    ax.set_ylim(-0.5, 2.5)
    ax.axis("off")
    if len(ladder.ratings):
        bar = ax.figure.colorbar(mpl.cm.ScalarMappable(norm=norm, cmap=colormap), ax=ax,
                                 fraction=0.025, pad=0.01, shrink=0.6)
        bar.set_label(say("satisfaction", "满意度") + f" ({ladder.scale[0]:g}-{ladder.scale[1]:g})")
    ax.set_title(heading("means-end ladder (Woodruff 1997): attribute -> consequence -> goal",
                     "手段-目的链（Woodruff 1997）：属性 → 结果 → 目标"))
    return ax


def plot_value_by_brand(summary: pd.DataFrame, *, measure: str = "value", ax=None,
                        brand: str = "brand", hue: str | None = None, **kwargs):
    """Mean perceived benefit, cost or value by brand with confidence intervals.

    Parameters
    ----------
    summary : DataFrame
        From :func:`cvlib.value.value_by_group` (``measure``, ``mean``,
        ``ci_low``, ``ci_high`` and the grouping columns).
    measure : str
        Which measure to draw (``"benefit"``, ``"cost"``, ``"value"``).
    brand : str
        Column on the x axis.
    hue : str, optional
        A second grouping column (e.g. ``"segment"``) drawn as dodged points.
    ax : matplotlib Axes, optional
    **kwargs
        Passed to ``Axes.errorbar`` (e.g. ``capsize``, ``marker``).

    Returns
    -------
    matplotlib Axes
    """
    import seaborn as sns

    data = summary[summary["measure"] == measure]
    if data.empty:
        raise ValueError(f"summary has no rows for measure {measure!r}; measures are "
                         f"{sorted(summary['measure'].unique())}")
    ax = axes_or_new(ax, (7, 4))
    cats = list(pd.unique(data[brand].astype(str)))
    groups = [(None, data)] if hue is None else list(data.groupby(hue, observed=True, sort=False))
    pal = sns.color_palette("deep", len(groups))
    width = 0.6
    for k, (group, g) in enumerate(groups):
        off = 0.0 if hue is None else -width / 2 + width * (k + 0.5) / len(groups)
        x = np.array([cats.index(str(b)) for b in g[brand]]) + off
        ax.errorbar(x, g["mean"], yerr=[g["mean"] - g["ci_low"], g["ci_high"] - g["mean"]],
                    **{"fmt": "o", "capsize": 4, "color": pal[k],
                       "label": None if hue is None else str(group), **kwargs})
    ax.set_xticks(range(len(cats)), [name(c) for c in cats])
    ax.set_xlabel(_column(brand))
    perceived = {"benefit": "感知利得", "cost": "感知利失", "value": "感知价值"}.get(measure, _column(measure))
    ax.set_ylabel(say(f"mean perceived {measure} (with CI)", f"平均{perceived}（含置信区间）"))
    if measure == "value":
        ax.axhline(0, color="grey", lw=0.8)
    if hue is not None:
        handles, labels = ax.get_legend_handles_labels()
        ax.legend(handles, [name(t) for t in labels], title=_column(hue), frameon=False)
    return ax


def plot_choice_shares(choice, *, ax=None, by: str | None = None, **kwargs):
    """Choice shares of a value-maximising customer, per brand (and per group).

    Parameters
    ----------
    choice : ValueChoice or DataFrame
        From :func:`cvlib.value.value_choice` (or its ``shares`` table).
    by : str, optional
        Grouping column of the shares (the ``by`` used in ``value_choice``).
    ax : matplotlib Axes, optional
    **kwargs
        Passed to ``seaborn.barplot`` (e.g. ``palette``).

    Returns
    -------
    matplotlib Axes
    """
    import seaborn as sns

    shares = choice.shares if hasattr(choice, "shares") else choice
    ax = axes_or_new(ax, (7, 4))
    sns.barplot(data=shares, x="brand" if by is None else by, y="share",
                hue=None if by is None else "brand", ax=ax, **kwargs)
    ax.set_xlabel(_column("brand" if by is None else by))
    ax.set_ylabel(say("choice share", "选择份额"))
    ax.set_ylim(0, 1)
    if ax.get_legend() is not None:
        ax.get_legend().set_title(_column("brand"))
        for text in ax.get_legend().get_texts():
            text.set_text(name(text.get_text()))
    return ax


def plot_perval(result, *, ax=None, by: str | None = None, **kwargs):
    """Mean PERVAL dimension scores (optionally per group), alpha in the tick labels.

    Parameters
    ----------
    result : PervalScores
        From :func:`cvlib.value.perval_scores`.
    by : str, optional
        A column of ``result.scores`` (e.g. ``"owned_brand"``) for grouped bars.
    ax : matplotlib Axes, optional
    **kwargs
        Passed to ``seaborn.barplot`` (e.g. ``palette``).

    Returns
    -------
    matplotlib Axes
    """
    import seaborn as sns

    dims = list(result.reliability["dimension"])
    id_vars = [by] if by else []
    long = result.scores[id_vars + dims].melt(id_vars=id_vars, var_name="dimension", value_name="score")
    ax = axes_or_new(ax, (7, 4))
    sns.barplot(data=long, x="dimension", y="score", hue=by, ax=ax, order=dims,
                **{"errorbar": ("ci", 95), "seed": 0, **kwargs})
    alpha = result.reliability.set_index("dimension")["alpha"]
    ax.set_xticks(range(len(dims)), [f"{say(d, _PERVAL_ZH[d], sep=chr(10)) if d in _PERVAL_ZH else d}\n"
                                     f"\u03b1 = {alpha[d]:.2f}" for d in dims])
    ax.set_xlabel(say("dimension", "维度"))
    ax.set_ylabel(say("mean score (1-7), 95% CI", "平均得分（1-7），95% 置信区间"))
    if by:  # outside the axes, so it never hides a bar
        sns.move_legend(ax, "upper left", bbox_to_anchor=(1.01, 1), frameon=False,
                        title=_column(by, by.replace("_", " ")))
        for text in ax.get_legend().get_texts():
            text.set_text(name(text.get_text()))
    return ax


def plot_holbrook(result, *, ax=None, **kwargs):
    """Holbrook's eight values as bars, grouped by his typology, with each pole's share.

    Bars are the mean ratings of the eight values, ordered extrinsic before
    intrinsic, self- before other-oriented, active before reactive, and
    coloured by extrinsic (blue) / intrinsic (orange); the title gives each
    dimension's split (shares of the summed means).

    Parameters
    ----------
    result : HolbrookScores
        From :func:`cvlib.value.holbrook_scores`.
    ax : matplotlib Axes, optional
    **kwargs
        Passed to ``Axes.bar`` (e.g. ``alpha``, ``edgecolor``).

    Returns
    -------
    matplotlib Axes
    """
    import seaborn as sns

    from ..value import HolbrookScores

    if not isinstance(result, HolbrookScores):
        raise TypeError(f"plot_holbrook needs the HolbrookScores of holbrook_scores, got {type(result).__name__}")
    t = result.values.sort_values(["orientation", "focus", "activity"],
                                  key=lambda c: c.map({"extrinsic": 0, "intrinsic": 1, "self-oriented": 0,
                                                       "other-oriented": 1, "active": 0, "reactive": 1}),
                                  kind="stable").reset_index(drop=True)
    ax = axes_or_new(ax, (9, 4))
    pal = sns.color_palette("deep")
    colors = [pal[0] if o == "extrinsic" else pal[1] for o in t["orientation"]]
    ax.bar(range(len(t)), t["mean"], **{"color": colors, "edgecolor": "white", **kwargs})
    ax.set_xticks(range(len(t)), [say(f"{v}\n{f.split('-')[0]}, {a}",
                                      f"{chinese(v)}\n{_HOLBROOK_ZH[f]}，{_HOLBROOK_ZH[a]}", sep="\n")
                                  for v, f, a in zip(t["value"], t["focus"], t["activity"], strict=True)],
                  fontsize=8)
    ax.set_ylim(result.scale[0] if result.scale[0] > 0 else 0, result.scale[1])
    ax.set_ylabel(say("mean rating", "平均评分") + f" ({result.scale[0]:g}-{result.scale[1]:g})")
    d = result.dimensions.set_index("pole")["share"]
    ax.set_title(heading(
        f"Holbrook's eight values: extrinsic {d['extrinsic']:.0%} / intrinsic {d['intrinsic']:.0%}, "
        f"self {d['self-oriented']:.0%} / other {d['other-oriented']:.0%}, "
        f"active {d['active']:.0%} / reactive {d['reactive']:.0%}",
        f"霍尔布鲁克的八种消费者价值：外在 {d['extrinsic']:.0%} / 内在 {d['intrinsic']:.0%}，"
        f"自我导向 {d['self-oriented']:.0%} / 他人导向 {d['other-oriented']:.0%}，"
        f"主动 {d['active']:.0%} / 反应 {d['reactive']:.0%}"), fontsize=9)
    return ax

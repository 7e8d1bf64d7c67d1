"""Figures for the satisfaction topic (notebook 03).

One function per figure, ``plot_x(result_or_data, *, ax=None, **kwargs)``:
each takes a result or tidy DataFrame from :mod:`cvlib.satisfaction`, draws
on ``ax`` (or a new figure), passes ``**kwargs`` to its main matplotlib or
seaborn call and returns the Axes.  The old names (``likert_bars``,
``ipa_chart``, ``kano_chart``, ``satisfaction_index_chart``,
``key_driver_chart``, ``nps_chart``) still work for one release, with a
FutureWarning.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._validate import deprecated_alias
from ..language import get_language
from ._common import axes_or_new, legend, name, say, zh

__all__ = [
    "plot_likert",
    "plot_satisfaction_gap",
    "plot_ipa",
    "plot_kano",
    "plot_satisfaction_index",
    "plot_key_drivers",
    "plot_nps",
    # deprecated aliases
    "likert_bars",
    "ipa_chart",
    "kano_chart",
    "satisfaction_index_chart",
    "key_driver_chart",
    "nps_chart",
]


def plot_likert(distribution: pd.DataFrame, *, ax=None, order=None, labels: dict | None = None,
                palette: str = "RdYlGn", **kwargs):
    """Diverging stacked bars of Likert items, centred on the neutral point.

    Answers below the scale's middle extend to the left of zero, answers
    above it to the right; an odd scale's middle category is split half and
    half across zero (Robbins & Heiberger 2011).

    Parameters
    ----------
    distribution : DataFrame
        The output of :func:`cvlib.satisfaction.likert_distribution`
        (``item``, ``response``, ``share``, and optionally ``label``).
    ax : matplotlib Axes, optional
    order : list of str, optional
        Items from top to bottom; default by share of answers above the middle.
    labels : dict, optional
        item -> text shown on the axis (e.g. the question wording).
    palette : str
        A diverging seaborn/matplotlib palette.
    **kwargs
        Passed to ``ax.barh`` (e.g. ``height=0.6``).

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from cvlib import satisfaction as sat
    >>> dist = sat.likert_distribution(pd.DataFrame({"q": [1, 2, 2, 5]}), ["q"], (1, 5))
    >>> [float(p.get_width()) for p in plot_likert(dist).patches]
    [0.25, 0.5, 0.0, 0.0, 0.25]
    """
    import seaborn as sns

    need = {"item", "response", "share"}
    if not need <= set(distribution.columns):
        raise ValueError(f"distribution needs columns {sorted(need)} (from likert_distribution), "
                         f"got {list(distribution.columns)}")
    ax = axes_or_new(ax, (7, 4.5))
    wide = distribution.pivot(index="item", columns="response", values="share").fillna(0.0)
    responses = list(wide.columns)
    k = len(responses)
    mid = (k - 1) / 2
    if order is None:
        pos = wide[[r for i, r in enumerate(responses) if i > mid]].sum(axis=1)
        order = list(pos.sort_values().index)
    wide = wide.loc[list(order)]
    colours = sns.color_palette(palette, k)
    names = {}
    if "label" in distribution.columns:
        names = dict(zip(distribution["response"], distribution["label"], strict=False))
    y = np.arange(len(wide))
    neg_start = -(wide[[r for i, r in enumerate(responses) if i < mid]].sum(axis=1)
                  + (wide[responses[int(mid)]] / 2 if k % 2 else 0.0)).to_numpy()
    left = neg_start.copy()
    for i, r in enumerate(responses):
        width = wide[r].to_numpy()
        style = {"edgecolor": "white", "linewidth": 0.5, **kwargs}
        ax.barh(y, width, left=left, color=colours[i], label=name(names.get(r, r)), **style)
        left = left + width
    ax.axvline(0, color="0.3", linewidth=0.8)
    ax.set_yticks(y)
    ax.set_yticklabels([(labels or {}).get(i, name(i)) for i in wide.index])
    lim = float(max(np.abs(neg_start).max(), left.max())) * 1.05
    ax.set_xlim(-lim, lim)
    ticks = ax.get_xticks()
    ax.set_xticks(ticks)
    ax.set_xticklabels([f"{abs(t):.0%}" for t in ticks])
    ax.set_xlim(-lim, lim)
    ax.set_xlabel(say("share of answers (left: below the middle, right: above)",
                      "回答占比（左：低于中点，右：高于中点）"))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=min(k, 6), fontsize="small",
              frameon=False)
    return ax


def plot_ipa(result, *, ax=None, annotate: bool = True, **kwargs):
    """The importance-performance grid (Martilla & James 1977) with its four quadrants.

    Performance on the horizontal axis, importance on the vertical axis, the
    cut-lines where the result put them, and the quadrant labels in the
    corners (Concentrate here top left, Keep up the good work top right, Low
    priority bottom left, Possible overkill bottom right).

    Parameters
    ----------
    result : IPAResult
        From :func:`cvlib.satisfaction.ipa`.
    ax : matplotlib Axes, optional
    annotate : bool
        Write each attribute's name next to its point.
    **kwargs
        Passed to ``seaborn.scatterplot`` (e.g. ``s=100``).

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from cvlib import satisfaction as sat
    >>> t = pd.DataFrame({"attribute": ["price", "staff"], "importance": [9.0, 5.0],
    ...                   "performance": [4.0, 8.0]})
    >>> plot_ipa(sat.ipa(t)).get_xlabel()
    'performance'
    """
    import seaborn as sns

    ax = axes_or_new(ax, (7, 5.5))
    t = result.table
    sns.scatterplot(data=t, x="performance", y="importance", hue="quadrant", ax=ax,
                    hue_order=["Concentrate here", "Keep up the good work", "Low priority",
                               "Possible overkill"], **{"s": 70, **kwargs})
    ax.axvline(result.performance_cut, color="0.4", linestyle="--", linewidth=1)
    ax.axhline(result.importance_cut, color="0.4", linestyle="--", linewidth=1)
    if annotate:
        for _, row in t.iterrows():
            ax.annotate(name(row["attribute"]), (row["performance"], row["importance"]),
                        textcoords="offset points", xytext=(5, 4), fontsize="small")
    xs = np.r_[t["performance"].to_numpy(), result.performance_cut]
    ys = np.r_[t["importance"].to_numpy(), result.importance_cut]
    padx = max(np.ptp(xs) * 0.15, 0.1)
    pady = max(np.ptp(ys) * 0.15, 0.1)
    ax.set_xlim(xs.min() - padx, xs.max() + padx)
    ax.set_ylim(ys.min() - pady, ys.max() + pady)
    corners = [(0.02, 0.98, "left", "top", "Concentrate here"),
               (0.98, 0.98, "right", "top", "Keep up the good work"),
               (0.02, 0.02, "left", "bottom", "Low priority"),
               (0.98, 0.02, "right", "bottom", "Possible overkill")]
    for x, y, ha, va, text in corners:
        ax.text(x, y, name(text), transform=ax.transAxes, ha=ha, va=va, fontsize="small",
                color="0.35", style="italic")
    ax.set_xlabel(say("performance", "绩效"))
    ax.set_ylabel(say("importance", "重要性"))
    legend(ax, loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize="small", frameon=False)
    return ax


def plot_kano(table: pd.DataFrame, *, ax=None, annotate: bool = True, **kwargs):
    """Better-worse diagram: CS+ (satisfaction if present) against |CS-| (dissatisfaction if absent).

    The 0.5 lines split it into attractive (top left), one-dimensional (top
    right), must-be (bottom right) and indifferent (bottom left), as in
    Berger et al. (1993).

    Parameters
    ----------
    table : DataFrame
        From :func:`cvlib.satisfaction.kano_table` (``feature``, ``better``,
        ``worse``, ``category``).
    ax : matplotlib Axes, optional
    annotate : bool
        Write each feature's name next to its point.
    **kwargs
        Passed to ``seaborn.scatterplot``.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from cvlib import satisfaction as sat
    >>> k = pd.DataFrame({"feature": ["wifi", "wifi"], "functional": ["like", "like"],
    ...                   "dysfunctional": ["neutral", "neutral"]})
    >>> ax = plot_kano(sat.kano_table(k))
    >>> ax.collections[0].get_offsets().tolist()      # (|worse|, better) of the feature
    [[0.0, 1.0]]
    """
    import seaborn as sns

    need = {"feature", "better", "worse", "category"}
    if not need <= set(table.columns):
        raise ValueError(f"table needs columns {sorted(need)} (from kano_table), got {list(table.columns)}")
    ax = axes_or_new(ax, (6.5, 5.5))
    t = table.assign(dissatisfaction=0.0 - table["worse"])   # |CS-| (0.0 - 0.0 is not -0.0)
    sns.scatterplot(data=t, x="dissatisfaction", y="better", hue="category", ax=ax,
                    hue_order=[c for c in "AOMIRQ" if c in set(t["category"])],
                    **{"s": 70, **kwargs})
    ax.axvline(0.5, color="0.4", linestyle="--", linewidth=1)
    ax.axhline(0.5, color="0.4", linestyle="--", linewidth=1)
    if annotate:
        placed: list[tuple[float, float]] = []
        for _, row in t.iterrows():
            x, y = float(row["dissatisfaction"]), float(row["better"])
            crowd = sum(abs(x - px) < 0.15 and abs(y - py) < 0.04 for px, py in placed)
            placed.append((x, y))
            ax.annotate(name(row["feature"]), (x, y), textcoords="offset points",
                        xytext=(5, 4 - 11 * crowd), fontsize="small")
    for x, y, ha, va, text in [(0.02, 0.98, "left", "top", "attractive"),
                               (0.98, 0.98, "right", "top", "one-dimensional"),
                               (0.98, 0.02, "right", "bottom", "must-be"),
                               (0.02, 0.02, "left", "bottom", "indifferent")]:
        ax.text(x, y, name(text), transform=ax.transAxes, ha=ha, va=va, fontsize="small",
                color="0.35", style="italic")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xlabel("|worse| = (O + M) / (A + O + M + I)"
                  + say(": dissatisfaction if absent", "：不具备时的不满意程度"))
    ax.set_ylabel("better = (A + O) / (A + O + M + I)" + say(": satisfaction if present", "：具备时的满意程度"))
    handles, labels = ax.get_legend_handles_labels()
    ax.legend(handles, [c if get_language() == "en" else f"{c} {name(_KANO.get(c, c))}" for c in labels], title=say("category", "类别"),
              loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
    return ax


def plot_satisfaction_index(result, *, ax=None, color: str = "C0", **kwargs):
    """The satisfaction index (0-100) per segment with its bootstrap confidence interval.

    Parameters
    ----------
    result : IndexResult
        From :func:`cvlib.satisfaction.satisfaction_index`.
    ax : matplotlib Axes, optional
    color : str
        Bar colour.
    **kwargs
        Passed to ``ax.barh``.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from cvlib import satisfaction as sat
    >>> d = pd.DataFrame({"s1": [10, 7, 4], "s2": [10, 10, 1]})
    >>> ax = plot_satisfaction_index(sat.satisfaction_index(d, ["s1", "s2"], n_boot=0))
    >>> round(float(ax.patches[0].get_width()), 2)
    66.67
    """
    ax = axes_or_new(ax, (6, 3.5))
    t = result.table
    y = np.arange(len(t))[::-1]
    ax.barh(y, t["index"], **{"color": color, "alpha": 0.7, **kwargs})
    if result.n_boot:
        err = np.vstack([t["index"] - t["ci_low"], t["ci_high"] - t["index"]])
        ax.errorbar(t["index"], y, xerr=err, fmt="none", ecolor="0.2", capsize=4)
    for yi, v in zip(y, t["index"], strict=True):
        ax.text(1, yi, f"{v:.1f}", va="center", ha="left", color="white", fontweight="bold")
    ax.set_yticks(y)
    ax.set_yticklabels([name(s) for s in t["segment"].astype(str)])
    ax.set_xlim(0, 100)
    ci = f", {result.level:.0%} bootstrap CI" if result.n_boot else ""
    ci_zh = f"，{result.level:.0%} 自助法置信区间" if result.n_boot else ""
    ax.set_xlabel(say(f"satisfaction index (0-100){ci}", f"满意度指数（0-100）{ci_zh}"))
    return ax


# Kano categories by letter (Berger et al. 1993; the glossary's Chinese names)
_KANO = {"A": "attractive", "O": "one-dimensional", "M": "must-be", "I": "indifferent", "R": "reverse",
         "Q": "questionable"}


def _level_palette(levels) -> list:
    """Red (lowest level), mid grey, green (highest): every bar dark enough to read on white."""
    from matplotlib.colors import LinearSegmentedColormap

    n = len(levels.cat.categories) if hasattr(levels, "cat") else levels.nunique()
    cmap = LinearSegmentedColormap.from_list("levels", ["#c0392b", "#7f7f7f", "#1a9850"])
    return [cmap(v) for v in np.linspace(0.0, 1.0, max(n, 2))][:n]


def plot_key_drivers(drivers, *, ax=None, measure: str = "importance", **kwargs):
    """Relative importance of the drivers: bars, or grouped bars by satisfaction level.

    Parameters
    ----------
    drivers : KeyDrivers or DataFrame
        A :func:`cvlib.satisfaction.key_drivers` result, or the tidy table of
        :func:`cvlib.satisfaction.drivers_by_level` (with a ``level`` column).
    ax : matplotlib Axes, optional
    measure : str
        The column to draw (``"importance"``: share of R-squared, drawn as a
        percentage; ``"beta"``...).
    **kwargs
        Passed to ``seaborn.barplot``.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from cvlib import satisfaction as sat
    >>> rng = np.random.default_rng(0)
    >>> d = pd.DataFrame(rng.normal(size=(100, 2)), columns=["price", "app"])
    >>> d["overall"] = d["price"] + rng.normal(size=100)
    >>> kd = sat.key_drivers(d, "overall", ["price", "app"])
    >>> ax = plot_key_drivers(kd)
    >>> [round(p.get_width(), 3) for p in ax.patches] == kd.table["importance"].round(3).tolist()
    True
    """
    import seaborn as sns
    from matplotlib.ticker import PercentFormatter

    table = drivers.table if hasattr(drivers, "table") else drivers
    if measure not in table.columns:
        raise ValueError(f"no column {measure!r} to draw; choose one of {list(table.columns)}")
    ax = axes_or_new(ax, (7, 4.5))
    order = (table.groupby("driver")[measure].mean().sort_values(ascending=False).index.tolist())
    if "level" in table.columns:
        sns.barplot(data=table, y="driver", x=measure, hue="level", order=order, ax=ax,
                    **{"palette": _level_palette(table["level"]), **kwargs})
        legend(ax, title=say("customers", "客户"), loc="lower right", fontsize="small")
    else:
        sns.barplot(data=table, y="driver", x=measure, order=order, ax=ax,
                    **{"color": "C0", **kwargs})
    if measure == "importance":
        ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlabel({"importance": say("share of R² (Shapley)", "R² 分解份额（Shapley）"),
                   "beta": say("standardised coefficient", zh("standardised coefficient"))}
                  .get(measure, name(measure)))
    ax.set_ylabel("")
    ax.set_yticks(range(len(order)), [name(d) for d in order])
    return ax


def plot_nps(table: pd.DataFrame, *, ax=None, **kwargs):
    """Detractors, passives and promoters per segment as stacked bars, with the NPS written on.

    Parameters
    ----------
    table : DataFrame
        From :func:`cvlib.satisfaction.nps`.
    ax : matplotlib Axes, optional
    **kwargs
        Passed to ``ax.barh``.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from cvlib import satisfaction as sat
    >>> ax = plot_nps(sat.nps(pd.Series([10, 9, 8, 3])))
    >>> [float(p.get_width()) for p in ax.patches]      # % detractors, passives, promoters
    [25.0, 25.0, 50.0]
    """
    ax = axes_or_new(ax, (7, 3.2))
    y = np.arange(len(table))[::-1]
    left = np.zeros(len(table))
    for col, colour in [("detractors", "#d7301f"), ("passives", "#bdbdbd"), ("promoters", "#1a9850")]:
        w = table[col].to_numpy() * 100
        ax.barh(y, w, left=left, **{"color": colour, "label": name(col), **kwargs})
        left += w
    for yi, (_, row) in zip(y, table.iterrows(), strict=True):
        ax.text(101, yi, say(f"NPS {row['nps']:+.1f} (SE {row['se']:.1f})",
                             f"NPS {row['nps']:+.1f}\n标准误 {row['se']:.1f}", sep="\n"), va="center",
                fontsize="small")
    ax.set_yticks(y)
    ax.set_yticklabels([name(s) for s in table["segment"].astype(str)])
    ax.set_xlim(0, 130)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_xlabel(say("% of respondents", "受访者占比（%）"))
    ax.legend(loc="upper center", bbox_to_anchor=(0.4, -0.25), ncol=3, frameon=False)
    return ax


def plot_satisfaction_gap(result, *, ax=None, **kwargs):
    """Perception minus expectation per attribute: bars right of zero exceed expectations.

    Parameters
    ----------
    result : GapResult
        From :func:`cvlib.satisfaction.satisfaction_gap`.
    ax : matplotlib Axes, optional
    **kwargs
        Passed to ``ax.barh``.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from cvlib import satisfaction as sat
    >>> ax = plot_satisfaction_gap(sat.satisfaction_gap(sat.GAP_EXAMPLE))
    >>> [round(float(p.get_width()), 2) for p in ax.patches]
    [-0.6, 0.1, -0.9, 0.4, 0.6, 0.3]
    """
    ax = axes_or_new(ax, (7, 0.45 * len(result.table) + 1.2))
    t = result.table
    y = np.arange(len(t))[::-1]
    colours = np.where(t["gap"] < 0, "#d7301f", "#1a9850")
    ax.barh(y, t["gap"], **{"color": colours, **kwargs})
    ax.axvline(0, color="0.3", linewidth=0.8)
    labels = ([f"{name(a)} ({name(lay)})" for a, lay in zip(t["attribute"], t["layer"], strict=True)]
              if "layer" in t.columns else [name(a) for a in t["attribute"]])
    ax.set_yticks(y)
    ax.set_yticklabels(labels)
    lim = max(float(t["gap"].abs().max()) * 1.3, 0.1)
    ax.set_xlim(-lim, lim)
    ax.set_xlabel(say("perception - expectation (scale points): left falls short, right exceeds",
                      "感知 - 期望（量表分）：左为未达期望，右为超出期望"))
    return ax


likert_bars = deprecated_alias(plot_likert, "likert_bars")
ipa_chart = deprecated_alias(plot_ipa, "ipa_chart")
kano_chart = deprecated_alias(plot_kano, "kano_chart")
satisfaction_index_chart = deprecated_alias(plot_satisfaction_index, "satisfaction_index_chart")
key_driver_chart = deprecated_alias(plot_key_drivers, "key_driver_chart")
nps_chart = deprecated_alias(plot_nps, "nps_chart")

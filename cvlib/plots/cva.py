"""Figures for Gale's customer value analysis (notebook 02): profiles, value map,
head-to-head area chart, win/loss drivers, key events timeline, what/who heatmap."""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd

from ._common import axes_or_new, heading, name, say, term, zh

__all__ = [
    "plot_cva_profile",
    "plot_cva_value_map",
    "plot_cva_head_to_head",
    "plot_cva_win_loss",
    "plot_cva_key_events",
    "plot_cva_what_who",
]


def _short(label: str, n: int = 45) -> str:
    return label if len(label) <= n else label[: n - 3] + "..."


def _rival(competitor: str, chinese: bool = False) -> str:
    """The competitor's name as drawn: cvlib's "mean of A, B" in the current language (or in Chinese)."""
    if competitor.startswith("mean of "):
        zh_name = f"{competitor[len('mean of '):]} 的平均"
        return zh_name if chinese else say(competitor, zh_name)
    return competitor


def _score_name(column: str) -> str:
    """A score column of the key-events timeline (relative_quality ...): a glossary term if it is one."""
    en = column.replace("_", " ")
    try:
        return term(en)
    except KeyError:
        return name(column) if name(column) != column else en


def plot_cva_profile(profile, *, ax=None, **kwargs):
    """A quality or price profile: the two offers' ratings per attribute, with weights and ratios.

    Parameters
    ----------
    profile : cvlib.cva.Profile
    ax : matplotlib Axes, optional
    **kwargs
        Passed to ``Axes.barh`` (e.g. ``alpha``, ``edgecolor``).

    Returns
    -------
    matplotlib Axes
    """
    import seaborn as sns

    from ..cva import Profile

    if not isinstance(profile, Profile):
        raise TypeError(f"plot_cva_profile needs a Profile, got {type(profile).__name__}")
    t = profile.table
    ax = axes_or_new(ax, (7, 0.6 * len(t) + 1.6))
    y = np.arange(len(t))
    labels = [f"{name(a)} (" + say("w", "权重") + f"={w:.3g})"
              for a, w in zip(t["attribute"], t["weight"], strict=True)]
    colors = sns.color_palette("deep")
    if t["ours"].notna().any():
        ax.barh(y - 0.2, t["ours"], height=0.4, color=colors[0], label=profile.ours, **kwargs)
        ax.barh(y + 0.2, t["competitor"], height=0.4, color=colors[7], label=_short(_rival(profile.competitor)),
                **kwargs)
        right = float(np.nanmax(t[["ours", "competitor"]].to_numpy()))
        for yi, r in zip(y, t["ratio"], strict=True):
            ax.text(right * 1.03, yi, say("ratio", "比率") + f" {r:.2f}", va="center", fontsize=8)
        ax.set_xlim(0, right * 1.25)
        ax.set_xlabel(say("mean rating", "平均评分"))
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize=8, frameon=False)
    else:
        ax.barh(y, t["ratio"], color=colors[0], **kwargs)
        ax.axvline(1.0, color="black", lw=1)
        ax.set_xlabel(say("performance ratio (1 = parity)", f"{zh('performance ratio')}（1 = 持平）"))
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    what = "quality" if profile.kind == "quality" else "price"
    tail = (f", relative price {profile.relative_price:.1f}" if profile.kind == "price" else "")
    tail_zh = (f"，{zh('relative price')} {profile.relative_price:.1f}" if profile.kind == "price" else "")
    ax.set_title(heading(f"{what} profile: score {profile.score:.1f}{tail}",
                     f"{zh(what + ' profile')}：得分 {profile.score:.1f}{tail_zh}"))
    return ax


def plot_cva_value_map(value_map, *, ax=None, highlight=None, **kwargs):
    """Customer value map: relative price against relative quality, fair-value line and zone.

    Brands below the line (green) give better value, above it (red) worse.

    Parameters
    ----------
    value_map : cvlib.cva.ValueMap
    ax : matplotlib Axes, optional
    highlight : str, optional
        A brand drawn larger (e.g. the one whose price a widget moves).
    **kwargs
        Passed to ``Axes.scatter`` of the brands (e.g. ``marker``, ``alpha``).

    Returns
    -------
    matplotlib Axes
    """
    from ..cva import ValueMap

    if not isinstance(value_map, ValueMap):
        raise TypeError(f"plot_cva_value_map needs a ValueMap, got {type(value_map).__name__}")
    t = value_map.table
    ax = axes_or_new(ax, (6, 5.5))
    lo = float(min(t["relative_quality"].min(), t["relative_price"].min(), 100)) - 8
    hi = float(max(t["relative_quality"].max(), t["relative_price"].max(), 100)) + 8
    x = np.array([lo, hi])
    a, b = value_map.intercept, value_map.slope
    half = value_map.zone * np.hypot(1.0, b)  # vertical half-width of the perpendicular zone
    ax.fill_between(x, a + b * x - half, a + b * x + half, color="0.85", label=term("fair-value zone"))
    ax.plot(x, a + b * x, color="black", lw=1.2, label=term("fair-value line"))
    colors = {"better value": "tab:green", "fair value": "tab:gray", "worse value": "tab:red"}
    for _, r in t.iterrows():
        big = highlight is not None and r["brand"] == highlight
        ax.scatter(r["relative_quality"], r["relative_price"], **{
            "s": 140 if big else 60, "color": colors[r["position"]], "edgecolor": "black", "zorder": 3,
            **kwargs})
        ax.annotate(f"{r['brand']} ({r['distance']:+.1f})", (r["relative_quality"], r["relative_price"]),
                    textcoords="offset points", xytext=(6, 6), fontsize=9)
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_aspect("equal")
    ax.set_xlabel(say("relative quality (100 = competitors)", f"{zh('relative quality')}（100 = 竞争者）"))
    ax.set_ylabel(say("relative price (100 = competitors)", f"{zh('relative price')}（100 = 竞争者）"))
    ax.text(0.97, 0.03, name("better value"), transform=ax.transAxes, ha="right", color="tab:green")
    ax.text(0.03, 0.95, name("worse value"), transform=ax.transAxes, va="top", color="tab:red")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    regression = value_map.line == "regression"
    ax.set_title(heading("customer value map" + (" (regression line)" if regression else ""),
                     zh("customer value map") + ("（回归线）" if regression else "")))
    return ax


def plot_cva_head_to_head(h2h, *, ax=None, **kwargs):
    """Head-to-head area chart: a bar per attribute, width = weight, height = ratio - 1.

    Parameters
    ----------
    h2h : cvlib.cva.HeadToHead or Profile
    ax : matplotlib Axes, optional
    **kwargs
        Passed to ``Axes.bar`` (e.g. ``alpha``, ``hatch``).

    Returns
    -------
    matplotlib Axes
    """
    from ..cva import HeadToHead, Profile, head_to_head

    if isinstance(h2h, Profile):
        h2h = head_to_head(h2h)
    if not isinstance(h2h, HeadToHead):
        raise TypeError(f"plot_cva_head_to_head needs a HeadToHead or Profile, got {type(h2h).__name__}")
    t = h2h.table
    ax = axes_or_new(ax, (8, 4))
    colors = np.where(t["height"] >= 0, "tab:green", "tab:red")
    bars = ax.bar(t["start"], t["height"], width=t["weight"], align="edge",
                  **{"color": colors, "edgecolor": "white", **kwargs})
    ax.axhline(0, color="black", lw=1)
    span = float(max(t["height"].abs().max(), 0.05))
    top = max(float(t["height"].max()), 0.0)
    bottom = min(float(t["height"].min()), 0.0)
    ax.set_xlim(0, float(t["end"].iloc[-1]))
    ax.set_ylim(bottom - 0.35 * span, top + 0.35 * span)
    labels = []
    for _, r in t.iterrows():
        up = r["height"] >= 0
        label = textwrap.fill(name(r["attribute"]).replace("_", " "), 14)
        labels.append(ax.annotate(f"{label}\n{r['area']:+.1f}", ((r["start"] + r["end"]) / 2, r["height"]),
                                  xytext=(0, 3 if up else -3), textcoords="offset points", ha="center",
                                  va="bottom" if up else "top", fontsize=8))
    _unoverlap(ax, labels, obstacles=list(bars))
    ax.set_xlabel(say("cumulative importance weight", "累计重要性权重"))
    ax.set_ylabel(say("performance ratio - 1", f"{zh('performance ratio')} - 1"))
    ax.set_title(heading(f"head-to-head: {h2h.ours} vs {_short(h2h.competitor)}\n"
                     f"net area {h2h.net_area:+.1f} (= score - 100)",
                     f"{zh('head-to-head area chart')}：{h2h.ours} 对 {_short(_rival(h2h.competitor, True))}\n"
                     f"净面积 {h2h.net_area:+.1f}（= 得分 - 100）"))
    return ax


def _unoverlap(ax, labels, obstacles=(), pad: float = 2.0) -> None:
    """Move annotation labels away from the zero line until none overlaps another label
    or an obstacle (the bars), then widen the y-limits so that every label fits."""
    fig = ax.figure
    for _ in range(3):
        renderer = fig.canvas.get_renderer()
        placed = [o.get_window_extent(renderer) for o in obstacles]
        boxes = []
        for lab in labels:
            sign = 1.0 if lab.get_va() == "bottom" else -1.0
            lab.xyann = (0.0, 3.0 * sign)
            for _ in range(len(labels)):
                box = lab.get_window_extent(renderer)
                hit = [b for b in placed if box.x0 < b.x1 + pad and b.x0 < box.x1 + pad
                       and box.y0 < b.y1 + pad and b.y0 < box.y1 + pad]
                if not hit:
                    break
                # shift by the overlap (in points) plus padding
                dy_px = (max(b.y1 for b in hit) - box.y0) if sign > 0 else (box.y1 - min(b.y0 for b in hit))
                lab.xyann = (0.0, lab.xyann[1] + sign * (dy_px + pad) * 72.0 / fig.dpi)
            boxes.append(lab.get_window_extent(renderer))
            placed.append(boxes[-1])
        inv = ax.transData.inverted()
        lo, hi = ax.get_ylim()
        need_hi = max(inv.transform((0, b.y1))[1] for b in boxes)
        need_lo = min(inv.transform((0, b.y0))[1] for b in boxes)
        margin = 0.04 * (hi - lo)
        if need_hi + margin <= hi and need_lo - margin >= lo:
            return
        ax.set_ylim(min(lo, need_lo - margin), max(hi, need_hi + margin))


def plot_cva_win_loss(win_loss, *, ax=None, **kwargs):
    """Odds ratio of winning per point of rating advantage, with confidence intervals.

    Parameters
    ----------
    win_loss : cvlib.cva.WinLoss
    ax : matplotlib Axes, optional
    **kwargs
        Passed to ``Axes.errorbar`` (e.g. ``color``, ``capsize``).

    Returns
    -------
    matplotlib Axes
    """
    from ..cva import WinLoss

    if not isinstance(win_loss, WinLoss):
        raise TypeError(f"plot_cva_win_loss needs a WinLoss, got {type(win_loss).__name__}")
    d = win_loss.drivers
    ax = axes_or_new(ax, (6, 0.5 * len(d) + 1.5))
    y = np.arange(len(d))
    lo, hi = np.exp(d["ci_low"]), np.exp(d["ci_high"])
    ax.errorbar(d["odds_ratio"], y, xerr=[d["odds_ratio"] - lo, hi - d["odds_ratio"]],
                **{"fmt": "o", "color": "tab:blue", "capsize": 3, **kwargs})
    ax.axvline(1.0, color="black", lw=1, ls="--")
    ax.set_yticks(y, [name(a) for a in d["attribute"]])
    ax.invert_yaxis()
    ax.set_xlabel(say(f"odds ratio of a win per rating point of advantage ({win_loss.ci_level:.0%} CI)",
                      f"评分每领先 1 分赢单的{zh('odds ratio')}（{win_loss.ci_level:.0%} 置信区间）"))
    ax.set_title(heading("what wins deals (logistic regression)", f"赢单的驱动因素（{zh('logistic regression')}）"))
    return ax


def plot_cva_key_events(key_events, *, ax=None, columns=None, **kwargs):
    """Key events timeline: score series by quarter with the events marked.

    Each event is drawn at the tick of the quarter it falls in, the quarter
    whose survey wave is compared with the one before (``key_events``); a
    position inside the quarter by date would suggest the wave was fielded
    after the event, which the tracking data do not say.

    Parameters
    ----------
    key_events : cvlib.cva.KeyEvents
    ax : matplotlib Axes, optional
    columns : list of str, optional
        Score columns to draw (default: all).
    **kwargs
        Passed to ``Axes.plot`` of every score line (e.g. ``lw``, ``marker``).

    Returns
    -------
    matplotlib Axes
    """
    from ..cva import KeyEvents

    if not isinstance(key_events, KeyEvents):
        raise TypeError(f"plot_cva_key_events needs a KeyEvents, got {type(key_events).__name__}")
    tl = key_events.timeline
    columns = list(columns or key_events.columns)
    ax = axes_or_new(ax, (9, 4.5))
    x = np.arange(len(tl))
    pos = {p: i for i, p in enumerate(tl["period"])}
    for c in columns:
        ax.plot(x, tl[c], **{"marker": "o", "label": _score_name(c), **kwargs})
    ax.axhline(100, color="0.6", lw=0.8, ls=":")
    ev = key_events.events
    top = float(np.nanmax(tl[columns].to_numpy()))
    bottom = float(np.nanmin(tl[columns].to_numpy()))
    for k, (_, r) in enumerate(ev.iterrows()):
        # at its quarter's tick: the wave of that quarter is the first that can show the event
        # (the tracking data do not say when in the quarter the wave was fielded)
        xi = pos[r["period"]]
        ax.axvline(xi, color="0.5", lw=0.8, ls="--")
        ax.text(xi, top + (1 + (k % 3) * 1.6), str(r["event"]), rotation=0, fontsize=7, ha="center",
                va="bottom", bbox={"boxstyle": "round", "fc": "white", "ec": "0.7"})
    ax.set_ylim(bottom - 3, top + 7)
    ax.set_xticks(x, tl["period"])
    ax.set_ylabel(say("score (100 = parity)", "得分（100 = 持平）"))
    ax.legend(loc="lower left", fontsize=8)
    ax.set_title(heading("key events timeline", f"{zh('key events')}（时间线）"))
    return ax


def plot_cva_what_who(what_who, *, ax=None, **kwargs):
    """What/who matrix as a heatmap (9/3/1/0), with each function's weighted share in its label.

    Parameters
    ----------
    what_who : cvlib.cva.WhatWho
    ax : matplotlib Axes, optional
    **kwargs
        Passed to ``seaborn.heatmap`` (e.g. ``cmap``).

    Returns
    -------
    matplotlib Axes
    """
    import seaborn as sns

    from ..cva import WhatWho

    if not isinstance(what_who, WhatWho):
        raise TypeError(f"plot_cva_what_who needs a WhatWho, got {type(what_who).__name__}")
    m = what_who.matrix
    share = what_who.shares.set_index("function")["share"]
    ax = axes_or_new(ax, (1.3 * m.shape[1] + 3, 0.5 * m.shape[0] + 1.5))
    cols = [f"{name(f)}\n{share[f]:.0%}" for f in m.columns]
    rows = [f"{name(a)} ({w:.3g})" for a, w in what_who.weights.items()]
    sns.heatmap(pd.DataFrame(m.to_numpy(), index=rows, columns=cols), ax=ax, **{
        "annot": True, "fmt": "d", "cmap": "Blues", "vmin": 0, "vmax": 9, "cbar": False,
        "linewidths": 0.5, **kwargs})
    ax.set_xlabel(say("who (function) and its weighted share of customer value",
                      "谁（职能部门）及其在客户价值中的加权份额"))
    ax.set_ylabel(say("what (attribute and weight)", "什么（属性及权重）"))
    ax.set_title(term("what/who matrix"))
    return ax

"""Figures for PLS path models (notebook 03): the path diagram, outer loadings, bootstrap CIs.

Each figure is ``plot_x(result, *, ax=None, **kwargs)``: it draws on ``ax``
(or a new figure), passes ``**kwargs`` to its main matplotlib or seaborn
call and returns the Axes.
"""

from __future__ import annotations

import numpy as np

from ..language import has_chinese
from ._common import axes_or_new, chinese, heading, name, say, zh

__all__ = ["pls_layout", "plot_pls_paths", "plot_pls_loadings", "plot_pls_bootstrap",
           "plot_ipma", "PLS_INDEX_LAYOUT"]

#: Positions of the satisfaction-index latent variables, in the spirit of the usual ECSI/ACSI
#: figures (Fornell et al. 1996, Fig. 1; Tenenhaus et al. 2005, Fig. 6): drivers at the left,
#: satisfaction in the centre, complaints and loyalty at the right.  Used by
#: :func:`plot_pls_paths` whenever every latent variable of a model has a place here.
PLS_INDEX_LAYOUT: dict[str, tuple[float, float]] = {
    "Image": (3.0, 2.4),
    "Expectation": (0.0, 1.2),
    "Quality": (0.0, -1.2),
    "Value": (3.2, -1.9),
    "Satisfaction": (6.0, 0.0),
    "Complaints": (8.3, -2.0),
    "Loyalty": (10.0, 0.0),
}


# the inner weighting schemes (glossary: inner weighting scheme, 内部权重方案)
_SCHEME_ZH = {"path": "路径加权方案", "centroid": "重心加权方案", "factorial": "因子加权方案"}


def _curve(p1, p2, rad, num=25):
    """Points of matplotlib's ``arc3`` connection (a quadratic Bezier) from p1 to p2."""
    p1, p2 = np.asarray(p1, float), np.asarray(p2, float)
    d = p2 - p1
    c = (p1 + p2) / 2 + rad * np.array([d[1], -d[0]])
    t = np.linspace(0, 1, num)[:, None]
    return (1 - t) ** 2 * p1 + 2 * t * (1 - t) * c + t**2 * p2


def _clearance(points, centres, half_w, half_h) -> float:
    """Smallest ellipse-normalised distance of ``points`` to the ellipses at ``centres``."""
    if not len(centres):
        return np.inf
    q = np.asarray(centres, float)
    dist = np.hypot((points[:, None, 0] - q[None, :, 0]) / half_w,
                    (points[:, None, 1] - q[None, :, 1]) / half_h)
    return float(dist.min())


def _choose_rad(p1, p2, others, half_w, half_h) -> float:
    """Straight if the arrow clears the other ellipses, else the gentlest clearing arc."""
    best_rad, best_clear = 0.0, -1.0
    for rad in (0.0, 0.2, -0.2, 0.32, -0.32, 0.45, -0.45):
        clear = _clearance(_curve(p1, p2, rad), others, half_w, half_h)
        if clear > 1.25:
            return rad
        if clear > best_clear:
            best_rad, best_clear = rad, clear
    return best_rad


def pls_layout(res, *, dx: float = 3.0, dy: float = 1.5, width: float = 1.8,
               height: float = 0.85) -> dict[str, tuple[float, float]]:
    """A simple layered layout of the latent variables of a fitted model.

    A latent variable's layer (its column, from left to right) is the length
    of the longest chain of paths leading to it, so exogenous variables are at
    the left.  Variables sharing a layer are stacked; a variable alone in its
    layer gets the height (among three) at which the fewest straight arrows
    run through other ellipses, ties going to the height nearest its
    predecessors' mean.

    Returns
    -------
    dict
        latent name -> (x, y).

    Examples
    --------
    >>> from cvlib import datasets, pls
    >>> survey = datasets.load("acsi_survey").dropna()
    >>> blocks = {"Quality": ["PERQ1", "PERQ2"], "Satisfaction": ["CUSA1", "CUSA2"],
    ...           "Loyalty": ["CUSL1", "CUSL3"]}
    >>> res = pls.estimate(survey, [("Quality", "Satisfaction"), ("Satisfaction", "Loyalty")], blocks)
    >>> pls_layout(res)
    {'Quality': (0.0, 0.0), 'Satisfaction': (3.0, 0.0), 'Loyalty': (6.0, 0.0)}
    """
    lv = list(res.scores.columns)
    edges = list(zip(res.paths["source"], res.paths["target"], strict=True))
    preds = {t: [s for s, t2 in edges if t2 == t] for t in lv}
    layer: dict[str, int] = {}

    def depth(v):
        if v not in layer:
            layer[v] = 1 + max((depth(p) for p in preds[v]), default=-1)
        return layer[v]

    for v in lv:
        depth(v)
    pos: dict[str, tuple[float, float]] = {}
    for k in range(max(layer.values()) + 1):
        members = [v for v in lv if layer[v] == k]
        if len(members) > 1:
            ys = (np.arange(len(members)) - (len(members) - 1) / 2) * dy * 1.3
            for v, y in zip(members, ys[::-1], strict=True):
                pos[v] = (k * dx, float(y))
            continue
        v = members[0]
        best = None
        for y in (0.0, -dy, dy):
            trial = dict(pos, **{v: (k * dx, y)})
            clashes = 0
            for a, b in edges:
                if a in trial and b in trial:
                    others = [trial[c] for c in trial if c not in (a, b)]
                    pts = _curve(trial[a], trial[b], 0.0)
                    clashes += _clearance(pts, others, width / 2, height / 2) < 1.25
            target = np.mean([pos[p][1] for p in preds[v]]) if preds[v] else 0.0
            score = (clashes, abs(y - target), abs(y))
            if best is None or score < best[0]:
                best = (score, y)
        pos[v] = (k * dx, best[1])
    return pos


def plot_pls_paths(res, *, ax=None, boot=None, pos=None, decimals: int = 2, show_r2: bool = True,
                   width: float = 1.8, height: float = 0.85, **kwargs):
    """Path diagram of a fitted PLS model: latent variables as ellipses, arrows with coefficients.

    Each ellipse shows the latent variable's name and, for an endogenous one,
    its R^2; each arrow carries its path coefficient (with a star when a
    bootstrap ``boot`` is given and its percentile CI excludes 0).  Formative
    (mode B) blocks have a dashed outline.

    Parameters
    ----------
    res : PLSResult
        From :func:`cvlib.pls.estimate`.
    ax : matplotlib Axes, optional
    boot : PLSBootstrap, optional
        From ``res.bootstrap(...)``; marks significant paths.
    pos : dict, optional
        latent name -> (x, y); default :data:`PLS_INDEX_LAYOUT` when it places
        every latent variable, else :func:`pls_layout`.
    decimals : int
        Decimals of the coefficients shown.
    show_r2 : bool
        Write R^2 inside the endogenous ellipses.
    width, height : float
        Size of the ellipses in layout units.
    **kwargs
        Passed to the arrows' ``arrowprops`` (e.g. ``color="black"``).

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from cvlib import datasets, pls
    >>> survey = datasets.load("acsi_survey").dropna()
    >>> blocks = {"Quality": ["PERQ1", "PERQ2"], "Satisfaction": ["CUSA1", "CUSA2"]}
    >>> res = pls.estimate(survey, [("Quality", "Satisfaction")], blocks)
    >>> ax = plot_pls_paths(res)
    >>> [t.get_text() for t in ax.texts][-1] == f"{res.params.iloc[0]:.2f}"   # the arrow's label
    True
    """
    from matplotlib.patches import Ellipse

    ax = axes_or_new(ax, (11, 4.5))
    lv = list(res.scores.columns)
    if pos is None:
        pos = PLS_INDEX_LAYOUT if set(lv) <= set(PLS_INDEX_LAYOUT) else pls_layout(res)
    pos = {v: pos[v] for v in lv if v in pos} if isinstance(pos, dict) else pos
    missing = [v for v in lv if v not in pos]
    if missing:
        raise ValueError(f"pos has no position for latent variable(s) {missing}")
    r2 = res.r_squared
    patches = {}
    for v in lv:
        x, y = pos[v]
        endo = v in r2.index
        e = Ellipse((x, y), width, height, facecolor="#dbe9f6" if endo else "#fde9c9",
                    edgecolor="#2b4c7e", lw=1.5, zorder=3,
                    linestyle="--" if res.modes.get(v) == "B" else "-")
        ax.add_patch(e)
        patches[v] = e
        shown = name(v, sep="\n")
        label = shown if not (show_r2 and endo) else f"{shown}\nR² = {r2[v]:.{decimals}f}"
        ax.text(x, y, label, ha="center", va="center", fontsize=9, zorder=4)
    sig = None
    if boot is not None:
        bp = boot.paths
        sig = {(s, t): (lo > 0) or (hi < 0) for s, t, lo, hi in
               zip(bp["source"], bp["target"], bp["ci_low"], bp["ci_high"], strict=True)}
    for s, t, est in res.paths[["source", "target", "estimate"]].itertuples(index=False):
        (x1, y1), (x2, y2) = pos[s], pos[t]
        others = [pos[v] for v in lv if v not in (s, t)]
        rad = _choose_rad(pos[s], pos[t], others, width / 2, height / 2)
        ax.annotate("", xy=(x2, y2), xytext=(x1, y1), zorder=2,
                    arrowprops={"arrowstyle": "-|>", "color": "#444444", "lw": 1.2 + 2 * abs(est),
                                "patchA": patches[s], "patchB": patches[t], "shrinkA": 0,
                                "shrinkB": 0, "connectionstyle": f"arc3,rad={rad}",
                                "mutation_scale": 14, **kwargs})
        xm, ym = (x1 + x2) / 2 + 0.5 * rad * (y2 - y1), (y1 + y2) / 2 - 0.5 * rad * (x2 - x1)
        text = f"{est:.{decimals}f}"
        if sig is not None and sig.get((s, t)):
            text += "*"
        ax.text(xm, ym, text, ha="center", va="center", fontsize=8.5, zorder=5,
                bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.9))
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    ax.set_xlim(min(xs) - width, max(xs) + width)
    ax.set_ylim(min(ys) - 1.6 * height - 0.6, max(ys) + 1.6 * height + 0.6)
    ax.set_aspect("equal")
    ax.axis("off")
    scheme_zh = _SCHEME_ZH.get(res.scheme, res.scheme)
    title, title_zh = f"PLS path model ({res.scheme} scheme)", f"PLS 路径模型（{scheme_zh}）"
    if boot is not None:
        title += f"; * {boot.level:.0%} bootstrap CI excludes 0"
        title_zh += f"；* 表示 {boot.level:.0%} {zh('bootstrap')}置信区间不含 0"
    title = say(title, title_zh, sep="\n")
    ax.set_title(title)
    return ax


def plot_pls_loadings(res, *, ax=None, threshold: float = 0.7, **kwargs):
    """Outer loadings by block as horizontal bars, with the usual 0.7 line (Hair et al. 2022).

    Items loading below ``threshold`` are drawn in a warning colour (e.g. mobi's
    CUSL2, loading about 0.20).

    Parameters
    ----------
    res : PLSResult
    ax : matplotlib Axes, optional
    threshold : float
        The line drawn, and the loading below which a bar is flagged.
    **kwargs
        Passed to ``seaborn.barplot``.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from cvlib import datasets, pls
    >>> survey = datasets.load("acsi_survey").dropna()
    >>> blocks = {"Quality": ["PERQ1", "PERQ2"], "Satisfaction": ["CUSA1", "CUSA2"]}
    >>> res = pls.estimate(survey, [("Quality", "Satisfaction")], blocks)
    >>> ax = plot_pls_loadings(res)
    >>> sorted(round(p.get_width(), 6) for p in ax.patches if p.get_width() > 0) == sorted(
    ...     res.outer["loading"].round(6))
    True
    """
    import seaborn as sns

    ax = axes_or_new(ax, (6, 0.28 * len(res.outer) + 1))
    out = res.outer.assign(ok=lambda d: np.where(d["loading"] >= threshold, "ok", "low"))
    sns.barplot(data=out, y="item", x="loading", hue="ok", dodge=False, ax=ax,
                hue_order=["ok", "low"],
                **{"palette": {"ok": "#4c72b0", "low": "#dd8452"}, **kwargs})
    ax.axvline(threshold, color="grey", ls="--", lw=1)
    ax.set_xlim(min(0.0, out["loading"].min() - 0.05), 1.0)
    ax.set_xlabel(say("outer loading (correlation of item and latent score)",
                      f"{zh('outer loading')}（题项与潜变量得分的相关系数）"))
    ax.set_ylabel("")
    # block labels at the right
    for block, grp in out.groupby("block", sort=False):
        ax.text(1.01, grp.index.to_numpy().mean(), name(block), transform=ax.get_yaxis_transform(),
                va="center", fontsize=8)
    handles, labels = ax.get_legend_handles_labels()
    ax.legend(handles, [say(t, {"ok": "达标", "low": "偏低"}.get(t, t)) for t in labels],
              title=say("loading", "载荷") + f" >= {threshold}", loc="lower center",
              bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=8, frameon=False)
    return ax


def plot_pls_bootstrap(boot, *, ax=None, what: str = "paths", **kwargs):
    """Bootstrap estimates with their percentile confidence intervals (a forest plot).

    Parameters
    ----------
    boot : PLSBootstrap
        From :meth:`cvlib.pls.PLSResult.bootstrap`.
    ax : matplotlib Axes, optional
    what : {'paths', 'total_effects', 'indirect_effects', 'index_effects'}
        The table to draw.
    **kwargs
        Passed to ``ax.errorbar``.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from cvlib import datasets, pls
    >>> survey = datasets.load("acsi_survey").dropna()
    >>> blocks = {"Quality": ["PERQ1", "PERQ2"], "Satisfaction": ["CUSA1", "CUSA2"]}
    >>> boot = pls.estimate(survey, [("Quality", "Satisfaction")], blocks).bootstrap(50, seed=1)
    >>> ax = plot_pls_bootstrap(boot)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Quality → Satisfaction']
    """
    if what not in ("paths", "total_effects", "indirect_effects", "index_effects"):
        raise ValueError(f"what must be 'paths', 'total_effects', 'indirect_effects' or "
                         f"'index_effects', got {what!r}")
    tab = getattr(boot, what)
    ax = axes_or_new(ax, (6, 0.35 * len(tab) + 1))
    labels = [f"{name(s)} → {name(t)}" for s, t in zip(tab["source"], tab["target"], strict=True)]
    y = np.arange(len(tab))[::-1]
    ax.errorbar(tab["estimate"], y, xerr=[tab["estimate"] - tab["ci_low"],
                                          tab["ci_high"] - tab["estimate"]],
                **{"fmt": "o", "color": "#2b4c7e", "ecolor": "#7f9cc4", "capsize": 3, **kwargs})
    ax.axvline(0, color="grey", lw=1)
    ax.set_yticks(y, labels)
    ax.set_xlabel(say(f"estimate with {boot.level:.0%} percentile CI "
                      f"({boot.n_boot - boot.n_failed} resamples)",
                      f"估计值及 {boot.level:.0%} 百分位置信区间（{boot.n_boot - boot.n_failed} 次重抽样）"))
    return ax


def _label_offsets(ax, x, y, labels, *, fontsize: float = 8.0, gap: float = 4.0):
    """Offsets (points) and alignments that keep point labels from overlapping.

    A deterministic nudge: labels are placed from the top point down.  A
    label's box is estimated as 0.7 ``fontsize`` per character plus 2 points
    wide and 1.2 ``fontsize`` high; each marker is a 6-point square.  A label
    goes right of its point, raised by ``gap``; if it would overlap a label
    already placed or another point's marker, it tries the left of the
    point, then one line lower (right, left), one line higher, two lines
    lower..., and keeps the first place that is clear (or the first place
    if none of 4 lines each way is).  Returns ``(dx, dy, ha)`` per label.
    """
    import numpy as np

    px_per_pt = ax.figure.dpi / 72.0
    pts = ax.transData.transform(np.column_stack([x, y])) / px_per_pt   # in points
    height = 1.2 * fontsize
    markers = [(px - 3.0, py - 3.0, 6.0, 6.0) for px, py in pts]        # left, bottom, w, h
    placed: list[tuple[float, float, float, float]] = []
    result = [(5.0, gap, "left")] * len(labels)
    lines = [0] + [k for j in range(1, 5) for k in (-j, j)]
    for i in sorted(range(len(labels)), key=lambda k: (-pts[k, 1], pts[k, 0])):
        # a Chinese character is about as wide as the font size, a Latin one about 0.7 of it
        width = fontsize * sum(1.0 if has_chinese(ch) else 0.7 for ch in labels[i]) + 2.0
        others = placed + [m for k, m in enumerate(markers) if k != i]
        places = [(dx, gap + k * height, ha) for k in lines
                  for dx, ha in ((5.0, "left"), (-5.0, "right"))]

        def box(place, width=width, base=pts[i]):
            dx, dy, ha = place
            left = base[0] + dx - (width if ha == "right" else 0.0)
            return left, base[1] + dy, width, height

        def clear(place, others=others):
            left, bottom, w, h = box(place)
            return not any(left < bl + bw and bl < left + w and bottom < bb + bh and bb < bottom + h
                           for bl, bb, bw, bh in others)

        place = next((p for p in places if clear(p)), places[0])
        placed.append(box(place))
        result[i] = place
    return result


def plot_ipma(result, *, ax=None, what: str = "construct", annotate: bool = True, **kwargs):
    """The importance-performance map of an IPMA (Ringle & Sarstedt 2016).

    Importance (the unstandardised total effect on the target) on the
    horizontal axis, performance (mean 0-100 score) on the vertical axis, as
    SmartPLS draws it; dashed lines at the drivers' mean importance and mean
    performance split the map into the quadrants of
    :func:`cvlib.satisfaction.ipa`.  The drivers to improve first are at the
    bottom right: important, performing below the others.

    Parameters
    ----------
    result : IPMAResult
        From :func:`cvlib.pls.ipma`.
    ax : matplotlib Axes, optional
    what : {'construct', 'item'}
        Plot the constructs or their items.
    annotate : bool
        Write each driver's name next to its point.
    **kwargs
        Passed to ``Axes.scatter`` (e.g. ``s=80``, ``color=...``).

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from cvlib import datasets, pls
    >>> mobi = datasets.fetch_mobi()
    >>> res = pls.estimate(mobi, pls.ECSI_PATHS, pls.MOBI_BLOCKS)
    >>> ax = plot_ipma(pls.ipma(res, "Loyalty", scale=(1, 10)))
    >>> len(ax.collections[0].get_offsets())
    6
    >>> len(ax.texts)                      # one label per driver, nudged apart where they touch
    6
    """
    from .._validate import check_option

    what = check_option(what, "what", ("construct", "item"))
    t = result.summary(what)
    column = "driver" if what == "construct" else "item"
    ax = axes_or_new(ax, (7, 5))
    ax.scatter(t["importance"], t["performance"], **{"s": 60, "color": "#4c72b0", **kwargs})
    ax.margins(x=0.15, y=0.08)  # room for the labels
    ax.axvline(t["importance"].mean(), color="0.4", linestyle="--", linewidth=1)
    ax.axhline(t["performance"].mean(), color="0.4", linestyle="--", linewidth=1)
    if annotate:
        offsets = _label_offsets(ax, t["importance"].to_numpy(float),
                                 t["performance"].to_numpy(float),
                                 [name(v) for v in t[column]], fontsize=8)
        for (label, x, y), (dx, dy, ha) in zip(t[[column, "importance", "performance"]]
                                               .itertuples(index=False), offsets, strict=True):
            label = name(label)
            ax.annotate(label, (x, y), textcoords="offset points", xytext=(dx, dy), ha=ha,
                        fontsize=8)
    target = chinese(result.target)
    ax.set_xlabel(say(f"importance (total effect on {result.target}, points per point)",
                      f"重要性（对{target}的总效应，每提高 1 分带来的分数）"))
    ax.set_ylabel(say("performance (0-100)", "绩效（0-100）"))
    ax.set_title(heading(f"Importance-performance map: {result.target} "
                     f"(performance {result.target_performance:.1f})",
                     f"重要性-绩效图：{target}（绩效 {result.target_performance:.1f}）"))
    return ax

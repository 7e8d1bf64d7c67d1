"""Figures for customer classification (notebook 04): Lorenz/Pareto curves, the whale
curve, tier shares, the customer pyramid, the RFM heatmap, two-axis matrices, migration
heatmaps, decile bars, funnels, sales effort and Pareto bounds.  Each takes a result or tidy
table, ``ax=None`` and ``**kwargs`` passed to the main matplotlib call, and returns the Axes."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._common import axes_or_new

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




def plot_lorenz(data, *, value: str | None = None, customer: str | None = None, ax=None,
                **kwargs):
    """Lorenz curve of ``value`` with the line of equality; the Gini coefficient in the title."""
    from ..segments import gini, lorenz_curve

    curve = lorenz_curve(data, value, customer)
    ax = axes_or_new(ax, (5, 5))
    ax.plot(curve["customer_share"], curve["value_share"], **{"color": "C0", "lw": 2,
                                                              "label": "Lorenz curve", **kwargs})
    ax.plot([0, 1], [0, 1], color="grey", ls="--", lw=1, label="equality")
    ax.fill_between(curve["customer_share"], curve["value_share"], curve["customer_share"],
                    color="C0", alpha=0.12)
    ax.set_xlabel("cumulative share of customers (smallest first)")
    ax.set_ylabel(f"cumulative share of {value or 'value'}")
    ax.set_title(f"Lorenz curve, Gini = {gini(data, value, customer):.3f}")
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
    ax.annotate(f"top {mark:.0%} bring {s:.0%}", (mark, s), xytext=(mark + 0.05, s - 0.12),
                arrowprops={"arrowstyle": "->"})
    ax.set_xlabel("cumulative share of customers (largest first)")
    ax.set_ylabel(f"cumulative share of {value or 'value'}")
    ax.set_title("Pareto curve")
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
    ax.text(0.01, 101, "total profit", color="grey", fontsize=8, va="bottom")
    k = int(np.argmax(y))
    ax.plot([x[k]], [y[k]], "o", color="C3")
    # the label sits low on the right, where the curve (at or above 100%) never goes
    ax.annotate(f"peak {y[k]:.0f}% at {x[k]:.0%} of customers", (x[k], y[k]),
                xytext=(0.42, 0.12), textcoords="axes fraction",
                arrowprops={"arrowstyle": "->", "color": "0.3"})
    ax.set_xlabel("cumulative share of customers (most profitable first)")
    ax.set_ylabel("cumulative profit, % of total")
    ax.set_title("Whale curve of customer profitability")
    ax.set_xlim(0, 1)
    ax.set_ylim(min(0.0, float(y.min())) - 5, max(float(y.max()), 100.0) * 1.08)
    return ax


def _measure(result, measure):
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
    table, measure = _measure(result, measure)
    ax = axes_or_new(ax, (6, 3.5))
    cols = ["customer_share"] + ([f"{measure}_share"] if measure else [])
    frame = table[cols].rename(columns={"customer_share": "customers",
                                        f"{measure}_share": str(measure)}) * 100
    frame.index = frame.index.astype(str)
    frame.plot.bar(ax=ax, rot=0, **{"color": ["C7", "C0"][: len(cols)], **kwargs})
    for cont in ax.containers:
        ax.bar_label(cont, fmt="%.0f%%", fontsize=8)
    ax.set_ylabel("% of total")
    ax.set_xlabel("")
    ax.set_title(result.method)
    return ax


def plot_pyramid(result, *, measure: str | None = None, ax=None, **kwargs):
    """The customer pyramid: one layer per tier (top tier at the apex), labelled with shares."""
    from matplotlib.patches import Polygon

    table, measure = _measure(result, measure)
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
        text = f"{tier}: {row['customer_share']:.0%} of customers"
        if measure:
            text += f", {row[f'{measure}_share']:.0%} of {measure}"
        ax.text(1.02, bottom + 0.5, text, va="center", fontsize=9)
    ax.set_xlim(0, 2.4)
    ax.set_ylim(0, k)
    ax.axis("off")
    ax.set_title(result.method)
    return ax


def plot_deciles(table: pd.DataFrame, *, measure: str | None = None, ax=None, **kwargs):
    """Bars of each decile's share of a measure (from :func:`decile_table`), cumulative line."""
    if measure is None:
        measure = [c for c in table.columns if c.endswith("_share") and not c.startswith("cum_")][0][:-6]
    ax = axes_or_new(ax, (6, 3.5))
    x = table.index.to_numpy()
    ax.bar(x, table[f"{measure}_share"] * 100, **{"color": "C0", "label": f"share of {measure}",
                                                  **kwargs})
    ax.plot(x, table[f"cum_{measure}_share"] * 100, "o-", color="C3", label="cumulative")
    ax.set_xticks(x)
    ax.set_xlabel("decile of customers (1 = top 10%)")
    ax.set_ylabel("%")
    ax.set_title(f"Decile analysis of {measure}")
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
                                "cmap": "YlGnBu", "cbar_kws": {"label": f"{agg} {value}"}, **kwargs})
    ax.set_xlabel("frequency score F")
    ax.set_ylabel("recency score R")
    ax.set_title(f"RFM grid: {agg} {value}")
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
    ax.legend(title="", fontsize=8)
    preset = p.get("preset")
    if preset:
        from ..segments import TWO_AXIS_PRESETS

        names = TWO_AXIS_PRESETS[preset]
        ax.set_title(f"{names['x']} x {names['y']} (cut-offs dashed)")
    else:
        ax.set_title(f"{x} x {y} (cut-offs dashed)")
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
                             "cbar_kws": {"label": "% of the row" if normalize else "customers"},
                             **kwargs})
    ax.set_xlabel(f"{what} at {matrix.columns.name}" if matrix.columns.name else f"{what} after")
    ax.set_ylabel(f"{what} at {matrix.index.name}" if matrix.index.name else f"{what} before")
    ax.set_title(f"{what[0].upper()}{what[1:]} migration" + (" (% of each row)" if normalize else ""))
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
        text = f"{int(row['reached']):,}" + ("" if yv == ypos[0] else f"  ({conv:.0%} of previous)")
        ax.text((1 + w) / 2 + 0.01, yv, text, ha="left", va="center", fontsize=8)
    ax.set_yticks(ypos)
    ax.set_yticklabels([str(s) for s in table.index])
    ax.set_xticks([])
    ax.set_xlim(0, 1.25)
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_title("Funnel: number reaching each stage")
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
        columns={"customer_share": "customers", "sales_share": "sales",
                 "effort_share": "reps' time"}) * 100
    frame.index = frame.index.astype(str)
    frame.plot.bar(ax=ax, rot=0, **{"color": ["C7", "C0", "C3"], **kwargs})
    for i, r in enumerate(t["sales_per_effort"]):
        ax.text(i, float(frame.iloc[i].max()) + 3, f"{r:.2f} sales per effort", ha="center",
                fontsize=8)
    ax.set_ylabel("% of total")
    ax.set_xlabel("")
    ax.set_ylim(0, float(frame.to_numpy().max()) + 12)
    ax.set_title("Share of customers, sales and sales effort per class")
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
                                             "label": "possible Pareto curves", **kwargs})
    ax.plot([known_top], [known_share], "o", color="C0")
    ax.annotate(f"known: top {known_top:.0%} bring {known_share:.0%}", (known_top, known_share),
                xytext=(known_top + 0.08, known_share - 0.15), arrowprops={"arrowstyle": "->"})
    for top, claim in (claims or {}).items():
        lo, hi = (claim, claim) if np.isscalar(claim) else claim
        ax.plot([top, top], [lo, hi], color="C3", lw=4, solid_capstyle="butt",
                label=f"claim: top {top:.0%} bring {lo:.0%}-{hi:.0%}")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("share of customers (largest first)")
    ax.set_ylabel("share of value")
    ax.set_title("What one point of the Pareto curve allows")
    ax.legend(loc="lower right", fontsize=8)
    return ax

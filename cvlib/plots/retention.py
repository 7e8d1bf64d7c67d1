"""Figures for retention arithmetic and simple CLV (notebook 05).

Every function has the signature ``plot_x(data, *, ax=None, **kwargs)``: it
takes the tidy output of a :mod:`cvlib.lifetime.retention` function (or its
result object), draws on ``ax`` (or a new figure), passes ``**kwargs`` to its
main matplotlib or seaborn call (named in each docstring) and returns the Axes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._common import axes_or_new, heading, measure, name, say, term

__all__ = ["plot_survival_curve", "plot_clv_vs_retention", "plot_cash_flows"]




def _hue_legend(ax, hue) -> None:
    """The hue legend's title and entries in the current language (unchanged in English)."""
    old = ax.get_legend()
    if hue is None or old is None:
        return
    old.set_title(measure(hue))
    for text in old.get_texts():
        text.set_text(name(text.get_text()))


def _require(frame, columns, what):
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{what} must be a DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what} has no column(s) {missing}; available: {list(frame.columns)}")


def plot_survival_curve(data: pd.DataFrame, *, hue: str | None = None, percent: bool = True,
                        ax=None, **kwargs):
    """Share of a cohort still active after each period.

    Parameters
    ----------
    data : DataFrame
        ``period`` and ``survival`` columns, as returned by
        :func:`cvlib.lifetime.survival_curve`; stack several curves with a
        label column named by ``hue`` (e.g. ``"curve"``) to compare them.
    hue : str, optional
        Column distinguishing several curves.
    ax : matplotlib Axes, optional
    percent : bool
        Show survival in percent of the starting cohort (default) or as a share.
    **kwargs
        Passed to :func:`seaborn.lineplot` (default ``marker="o"``).

    Returns
    -------
    matplotlib Axes
    """
    import seaborn as sns

    _require(data, ["period", "survival"] + ([hue] if hue else []), "data")
    ax = axes_or_new(ax, (6, 4))
    frame = data.copy()
    if percent:
        frame["survival"] = frame["survival"] * 100
    sns.lineplot(data=frame, x="period", y="survival", hue=hue, ax=ax, **{"marker": "o", **kwargs})
    _hue_legend(ax, hue)
    ax.set_xlabel(say("period (years since acquisition)", "期（获取客户后的年数）"))
    ax.set_ylabel(say("customers still active (%)", "仍在保持的客户（%）") if percent
                  else say("share still active", "仍在保持的客户比例"))
    ax.set_ylim(0, 105 if percent else 1.05)
    ax.set_title(term("survival curve", "Survival curve"))
    ax.grid(alpha=0.3)
    return ax


def plot_clv_vs_retention(data: pd.DataFrame, *, hue: str | None = None,
                          highlight: float | None = None, ax=None, **kwargs):
    """CLV (and its steep rise) as retention approaches 1.

    Parameters
    ----------
    data : DataFrame
        ``retention`` and ``clv`` columns, as returned by
        :func:`cvlib.lifetime.clv_by_retention`; several curves (timing
        conventions, discount rates) can be stacked with a ``hue`` column.
    hue : str, optional
        Column distinguishing several curves.
    ax : matplotlib Axes, optional
    highlight : float, optional
        A retention rate to mark with a vertical line (e.g. the current one).
    **kwargs
        Passed to :func:`seaborn.lineplot` (default ``marker="o"``).

    Returns
    -------
    matplotlib Axes
    """
    import seaborn as sns

    _require(data, ["retention", "clv"] + ([hue] if hue else []), "data")
    ax = axes_or_new(ax, (6, 4))
    frame = data.copy()
    frame["retention (%)"] = frame["retention"] * 100
    sns.lineplot(data=frame, x="retention (%)", y="clv", hue=hue, ax=ax, **{"marker": "o", **kwargs})
    _hue_legend(ax, hue)
    if highlight is not None:
        ax.axvline(highlight * 100, color="grey", linestyle="--", linewidth=1)
    ax.set_xlabel(say("retention (%)", "客户保持率（%）"))
    ax.set_ylabel(term("customer lifetime value"))
    ax.set_title(heading("CLV rises steeply as retention approaches 100%", "客户保持率接近 100% 时，CLV 急剧上升"))
    ax.grid(alpha=0.3)
    return ax


def plot_cash_flows(data, *, ax=None, **kwargs):
    """Bars of each period's cash flow and present value, with the cumulative present value.

    Parameters
    ----------
    data : AcquisitionEconomics or DataFrame
        The result of :func:`cvlib.lifetime.acquisition_economics`, or its
        ``table`` (columns ``period``, ``cash_flow``, ``present_value``,
        ``cumulative_pv``).
    ax : matplotlib Axes, optional
    **kwargs
        Passed to ``ax.plot`` of the cumulative present value line.

    Returns
    -------
    matplotlib Axes
        The NPV is the last point of the cumulative line; the period where
        the line crosses zero is the discounted payback.
    """
    table = getattr(data, "table", data)
    _require(table, ["period", "cash_flow", "present_value", "cumulative_pv"], "table")
    ax = axes_or_new(ax, (6, 4))
    t = table["period"].to_numpy()
    width = 0.38
    ax.bar(t - width / 2, table["cash_flow"], width, label=say("cash flow", "现金流"), color="#9ecae1")
    ax.bar(t + width / 2, table["present_value"], width, label=say("present value", "现值"), color="#3182bd")
    ax.plot(t, table["cumulative_pv"], **{"color": "#de2d26", "marker": "o",
                                          "label": say("cumulative present value", "累计现值"), **kwargs})
    ax.axhline(0, color="black", linewidth=0.8)
    final = float(table["cumulative_pv"].iloc[-1])
    ax.annotate(say("NPV", "净现值 NPV") + f" = {final:,.2f}", (t[-1], final), textcoords="offset points",
                xytext=(-12, 0), ha="right", va="center",
                bbox={"boxstyle": "round", "facecolor": "white", "alpha": 0.8, "linewidth": 0})
    ax.set_xticks(np.asarray(t))
    ax.set_xlabel(say("period", "期"))
    ax.set_ylabel(say("amount", "金额"))
    rate = getattr(data, "rate", None)
    ax.set_title(heading("Acquisition cash flows" + (f" discounted at {rate:.0%}" if rate is not None else ""),
                     "获取客户的现金流" + (f"（折现率 {rate:.0%}）" if rate is not None else "")))
    ax.legend(loc="best", fontsize="small")
    ax.grid(alpha=0.3, axis="y")
    return ax

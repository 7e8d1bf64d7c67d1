"""Figures for the lifetime models (notebook 05): fit diagnostics of BG/NBD, Pareto/NBD and sBG.

Every function has the signature ``plot_x(data, *, ax=None, **kwargs)``: it
takes a fitted model (or the tidy table computed from it by
:mod:`cvlib.lifetime.diagnostics`), draws on ``ax`` (or a new figure), passes
``**kwargs`` to its main matplotlib call (named in each docstring) and
returns the Axes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._common import axes_or_new, heading, name, say, zh

__all__ = [
    "plot_frequency_histogram",
    "plot_calibration_holdout",
    "plot_p_alive_heatmap",
    "plot_expected_purchases_heatmap",
    "plot_purchase_tracking",
    "plot_sbg_projection",
    "plot_model_comparison",
]


def _table(data, summary, builder, what: str, **options) -> pd.DataFrame:
    if isinstance(data, pd.DataFrame):
        return data
    if summary is None:
        raise ValueError(f"pass the customer summary: {what}(model, summary=s)")
    return builder(data, summary, **options)


def plot_calibration_holdout(data, *, summary: pd.DataFrame | None = None, max_frequency: int = 7,
                             columns: dict | None = None, ax=None, **kwargs):
    """Mean purchases in the holdout period by calibration frequency: actual vs model.

    Parameters
    ----------
    data : BetaGeo, ParetoNBD or DataFrame
        A fitted purchase model (then ``summary`` is needed: a calibration /
        holdout summary from :func:`cvlib.lifetime.summarize`), or the table
        of :func:`cvlib.lifetime.calibration_holdout_table`.
    summary : DataFrame, optional
        The customer summary, with a model.
    max_frequency : int
        The last group pools this frequency and above.
    columns : dict, optional
        Column names passed on to :func:`cvlib.lifetime.calibration_holdout_table`
        (e.g. ``{"frequency_holdout": "x_holdout"}``).
    ax : matplotlib Axes, optional
    **kwargs
        Passed to ``ax.plot`` of the model line.

    Returns
    -------
    matplotlib Axes
        Two lines, ``actual`` and ``model``, over the frequency groups.

    References
    ----------
    Fader, Hardie & Lee (2005a), figure 4 (the CDNOW conditional expectations).
    """
    from ..lifetime.diagnostics import calibration_holdout_table

    table = _table(data, summary, calibration_holdout_table, "plot_calibration_holdout",
                   max_frequency=max_frequency, **(columns or {}))
    ax = axes_or_new(ax, (6.4, 4.2))
    pos = np.arange(len(table))
    ax.plot(pos, table["actual"], marker="o", color="black", label=say("actual", "实际"))
    ax.plot(pos, table["model"], **{"marker": "s", "linestyle": "--", "color": "tab:blue",
                                    "label": say("model", "模型"), **kwargs})
    ax.set_xticks(pos, [str(i) for i in table.index])
    ax.set_xlabel(say("purchases in the calibration period (frequency)",
                      f"{zh('calibration period')}内的购买次数（频率）"))
    ax.set_ylabel(say("mean purchases in the holdout period", f"{zh('holdout period')}内的平均购买次数"))
    ax.set_title(heading("Conditional expectations: calibration vs holdout",
                     f"条件期望：{zh('calibration period')}与{zh('holdout period')}"))
    ax.legend(frameon=False)
    return ax


def plot_frequency_histogram(data, *, summary: pd.DataFrame | None = None, max_frequency: int = 7,
                             ax=None, **kwargs):
    """Customers by number of repeat purchases in the calibration period: actual vs model bars.

    Parameters
    ----------
    data : BetaGeo or DataFrame
        A fitted :class:`cvlib.lifetime.BetaGeo` (with ``summary``) or the
        table of :func:`cvlib.lifetime.frequency_histogram_table`.
    summary : DataFrame, optional
        The customer summary, with a model.
    max_frequency : int
        The last group pools this frequency and above.
    ax : matplotlib Axes, optional
    **kwargs
        Passed to ``ax.bar`` of the model's bars.

    Returns
    -------
    matplotlib Axes
        Bars of the actual counts (left) and the model's (right) per group.

    References
    ----------
    Fader, Hardie & Lee (2005a), figure 1.
    """
    from ..lifetime.diagnostics import frequency_histogram_table

    table = _table(data, summary, frequency_histogram_table, "plot_frequency_histogram",
                   max_frequency=max_frequency)
    ax = axes_or_new(ax, (6.4, 4.2))
    pos = np.arange(len(table))
    ax.bar(pos - 0.2, table["actual"], width=0.4, color="0.3", label=say("actual", "实际"))
    ax.bar(pos + 0.2, table["model"], **{"width": 0.4, "color": "tab:blue", "label": say("model", "模型"),
                                         **kwargs})
    ax.set_xticks(pos, [str(i) for i in table.index])
    ax.set_xlabel(say("repeat purchases in the calibration period", f"{zh('calibration period')}内的重复购买次数"))
    ax.set_ylabel(say("customers", "客户数"))
    ax.set_title(heading("Frequency of repeat purchases: actual vs model", "重复购买次数的分布：实际与模型"))
    ax.legend(frameon=False)
    return ax


_UNIT_ZH = {"period": "期", "periods": "期", "week": "周", "weeks": "周", "day": "天", "days": "天",
            "month": "月", "months": "个月", "year": "年", "years": "年", "quarter": "季度", "quarters": "季度"}


def _unit(unit: str) -> str:
    """A time unit in Chinese (期, 周, 天 ...); an unknown unit as given."""
    return _UNIT_ZH.get(unit.strip().lower(), unit)


def _time_unit_label(unit) -> str:
    if not isinstance(unit, str) or not unit.strip():
        raise ValueError(f"unit must be a non-empty string naming the model's time unit "
                         f"(e.g. 'weeks'), got {unit!r}")
    return unit.strip()


def _heatmap(grid: pd.DataFrame, ax, label: str, title: str, kwargs: dict, unit: str):
    ax = axes_or_new(ax, figsize=(6.4, 4.8))
    rec = grid.columns.to_numpy(dtype=float)
    freq = grid.index.to_numpy(dtype=float)
    mesh = ax.pcolormesh(rec, freq, np.ma.masked_invalid(grid.to_numpy()),
                         **{"shading": "nearest", **kwargs})
    ax.figure.colorbar(mesh, ax=ax, label=label)
    ax.set_xlabel(say(f"recency t_x ({unit} from the first purchase to the last)",
                      f"{zh('recency (BTYD)')} t_x（从首次到最后一次购买的{_unit(unit)}数）"))
    ax.set_ylabel(say("frequency (repeat purchases)", "购买频率（重复购买次数）"))
    ax.set_title(title)
    return ax


def plot_p_alive_heatmap(data, *, T: float | None = None, max_frequency: int | None = None,
                         unit: str = "periods", ax=None, **kwargs):
    """P(alive) over frequency x recency (t_x) for customers observed for T periods.

    High frequency and a long time since the last purchase is the pattern of
    a customer who has left: P(alive) drops in the top-left corner.

    Parameters
    ----------
    data : BetaGeo, ParetoNBD or DataFrame
        A fitted model, or a grid of :func:`cvlib.lifetime.frequency_recency_grid`.
    T, max_frequency
        Passed to :func:`cvlib.lifetime.frequency_recency_grid` (T defaults
        to the largest T in ``model.data``).
    unit : str, default "periods"
        Name of the model's time unit for the axis and title labels (the
        unit of the summary the model was fitted on, e.g. ``"weeks"``).
    ax : matplotlib Axes, optional
    **kwargs
        Passed to ``ax.pcolormesh`` (default ``cmap="viridis"``, 0 to 1).

    Returns
    -------
    matplotlib Axes
    """
    from ..lifetime.diagnostics import frequency_recency_grid

    grid = data if isinstance(data, pd.DataFrame) else frequency_recency_grid(
        data, "p_alive", T=T, max_frequency=max_frequency)
    unit = _time_unit_label(unit)
    big_t = grid.attrs.get("T", T)
    return _heatmap(grid, ax, say("P(alive)", f"{zh('probability alive')} P(alive)"),
                    say(f"P(alive), T = {big_t:.4g} {unit}",
                        f"{zh('probability alive')} P(alive)，T = {big_t:.4g} {_unit(unit)}"),
                    {"cmap": "viridis", "vmin": 0.0, "vmax": 1.0, **kwargs}, unit)


def plot_expected_purchases_heatmap(data, *, t: float = 1.0, T: float | None = None,
                                    max_frequency: int | None = None, unit: str = "periods",
                                    ax=None, **kwargs):
    """Expected purchases in the next t periods over frequency x recency (T fixed).

    Parameters
    ----------
    data : BetaGeo, ParetoNBD or DataFrame
        A fitted model, or a grid of :func:`cvlib.lifetime.frequency_recency_grid`.
    t : float
        Length of the forecast period, in the model's time unit.
    T, max_frequency, unit
        As in :func:`plot_p_alive_heatmap`.
    ax : matplotlib Axes, optional
    **kwargs
        Passed to ``ax.pcolormesh`` (default ``cmap="magma"``).

    Returns
    -------
    matplotlib Axes
    """
    from ..lifetime.diagnostics import frequency_recency_grid

    grid = data if isinstance(data, pd.DataFrame) else frequency_recency_grid(
        data, "expected_purchases", T=T, t=t, max_frequency=max_frequency)
    tt = grid.attrs.get("t", t)
    unit = _time_unit_label(unit)
    big_t = grid.attrs.get("T", T)
    return _heatmap(grid, ax, say(f"expected purchases in the next {tt:g} {unit}",
                                  f"未来 {tt:g} {_unit(unit)}的预期购买次数"),
                    say(f"Expected purchases, next {tt:g} {unit} (T = {big_t:.4g} {unit})",
                        f"未来 {tt:g} {_unit(unit)}的预期购买次数（T = {big_t:.4g} {_unit(unit)}）"),
                    {"cmap": "magma", **kwargs}, unit)


def plot_purchase_tracking(data: pd.DataFrame, *, cumulative: bool = True, ax=None, **kwargs):
    """Repeat purchases of the whole base per period (or cumulated), actual vs model.

    Parameters
    ----------
    data : DataFrame
        The table of :func:`cvlib.lifetime.purchase_tracking`; a dotted
        vertical line marks the end of the calibration period when known.
    cumulative : bool
        Cumulated purchases (default) or purchases per period.
    ax : matplotlib Axes, optional
    **kwargs
        Passed to ``ax.plot`` of the model line.

    Returns
    -------
    matplotlib Axes

    References
    ----------
    Fader, Hardie & Lee (2005a), figures 2 and 3.
    """
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"data must be the DataFrame of purchase_tracking, got {type(data).__name__}")
    ax = axes_or_new(ax, figsize=(7.5, 4.2))
    if cumulative:
        actual, model, what = data["cumulative_actual"], data["cumulative_model"], "cumulative"
    else:
        actual, model, what = data["actual"], data["model"], "per period"
    what_zh = {"cumulative": "累计", "per period": "每期"}[what]
    ax.plot(data.index, actual, color="black", label=say("actual", "实际"))
    ax.plot(data.index, model, **{"color": "tab:blue", "linestyle": "--", "label": say("model", "模型"),
                                  **kwargs})
    cal = data.attrs.get("calibration_period")
    if cal is not None:
        ax.axvline(cal, color="grey", linestyle=":", label=say("end of calibration", f"{zh('calibration period')}结束"))
    unit = data.attrs.get("time_unit", "W")
    names = {"W": "week", "D": "day", "M": "month", "Y": "year"}
    word = names.get(str(unit).upper(), "period") if isinstance(unit, str) else "period"
    ax.set_xlabel(say(word, _unit(word)))
    ax.set_ylabel(say(f"repeat purchases ({what})", f"重复购买次数（{what_zh}）"))
    ax.set_title(heading(f"Tracking repeat purchases, {what}", f"重复购买跟踪（{what_zh}）"))
    ax.legend(frameon=False)
    return ax


def plot_sbg_projection(data, *, n_periods: int = 12, observed=None, ax=None, **kwargs):
    """Survivors per period: observed counts vs the sBG fit and its projection.

    The fitted periods are those the model saw; beyond them the curve is a
    forecast (Fader & Hardie 2007, figure 3).

    Parameters
    ----------
    data : ShiftedBetaGeometric
        A fitted (or given) sBG model.
    n_periods : int
        Last period of the projection.
    observed : sequence, optional
        Survivors at the start of periods 0, 1, ... (e.g. all 13 years of
        ``fetch_sbg_retention()["alive"]``): the later counts the model did
        not see are added, to judge the forecast.
    ax : matplotlib Axes, optional
    **kwargs
        Passed to ``ax.plot`` of the model curve.

    Returns
    -------
    matplotlib Axes
    """
    if not hasattr(data, "projection"):
        raise TypeError(f"data must be a ShiftedBetaGeometric model, got {type(data).__name__}")
    table = data.projection(n_periods)
    ax = axes_or_new(ax, (6.4, 4.2))
    ax.plot(table["period"], table["expected_alive"],
            **{"color": "tab:blue", "linestyle": "--", "label": say("sBG model", "sBG 模型"), **kwargs})
    if "observed_alive" in table:
        ax.plot(table["period"], table["observed_alive"], color="black", marker="o",
                linestyle="none", label=say("observed (fitted)", "观测值（用于拟合）"))
        fitted = int(np.isfinite(table["observed_alive"]).sum()) - 1
        ax.axvline(fitted, color="grey", linestyle=":")
    else:
        fitted = -1
    if observed is not None:
        obs = np.asarray(observed, dtype=float).ravel()
        periods = np.arange(obs.size)
        later = periods > fitted
        ax.plot(periods[later], obs[later], marker="o", markerfacecolor="white", color="black",
                linestyle="none", label=say("observed (not fitted)", "观测值（未用于拟合）"))
    ax.set_xlabel(say("period", "期"))
    ax.set_ylabel(say("customers still active", "仍在保持的客户数"))
    ax.set_title(heading("sBG: survival projection", "sBG：存活客户预测"))
    ax.legend(frameon=False)
    return ax


def plot_model_comparison(data, *, metrics=("mae", "rmse"), ax=None, **kwargs):
    """Holdout errors of the purchase models side by side (grouped bars, one group per model).

    Parameters
    ----------
    data : ModelComparison or DataFrame
        The result of :func:`cvlib.lifetime.compare_models` or its ``summary()``.
    metrics : sequence of str
        Columns of the table to draw: ``mae``, ``rmse``, ``bias`` (per customer,
        purchases) or ``total_error`` (fraction).
    ax : matplotlib Axes, optional
    **kwargs
        Passed to every ``ax.bar`` call.

    Returns
    -------
    matplotlib Axes
        One bar per model and metric; lower is better for MAE and RMSE, a bias
        closer to 0 is better.
    """
    table = data.summary() if hasattr(data, "summary") and not isinstance(data, pd.DataFrame) else data
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"data must be a ModelComparison or its summary table, got {type(data).__name__}")
    metrics = [metrics] if isinstance(metrics, str) else list(metrics)
    bad = [m for m in metrics if m not in table.columns]
    if bad or not metrics:
        raise ValueError(f"metrics must be columns of the comparison table such as 'mae', 'rmse', "
                         f"'bias', 'total_error'; got {bad or metrics}")
    ax = axes_or_new(ax, figsize=(7.5, 4.2))
    pos = np.arange(len(table))
    width = 0.8 / len(metrics)
    for j, m in enumerate(metrics):
        ax.bar(pos + (j - (len(metrics) - 1) / 2) * width, table[m].to_numpy(dtype=float), width,
               **{"label": m.upper() if m in ("mae", "rmse") else name(m), **kwargs})
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xticks(pos)
    ax.set_xticklabels([name(i) for i in table.index])
    ax.set_ylabel(say("holdout error (purchases per customer)", f"{zh('holdout period')}误差（每位客户的购买次数）"))
    ax.set_title(heading("Holdout errors by model (MAE, RMSE: lower is better; bias: closer to 0)",
                     f"各模型的{zh('holdout period')}误差（MAE、RMSE 越小越好；偏差越接近 0 越好）"))
    ax.legend(frameon=False)
    return ax

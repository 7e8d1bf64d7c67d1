"""Figures for the lifetime models (notebook 05): fit diagnostics of BG/NBD, Pareto/NBD and sBG.

Each function takes a fitted model (or the tidy table computed from it by
:mod:`cvlib.lifetime.models`) and an optional ``ax``, and returns the Axes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._common import axes_or_new

__all__ = [
    "plot_frequency_histogram",
    "plot_calibration_holdout",
    "plot_p_alive_heatmap",
    "plot_expected_purchases_heatmap",
    "plot_purchase_tracking",
    "plot_sbg_projection",
]




def plot_calibration_holdout(data, summary: pd.DataFrame | None = None, *,
                             max_frequency: int = 7, ax=None, **columns):
    """Mean purchases in the holdout period by calibration frequency: actual vs model.

    Parameters
    ----------
    data : BetaGeo, ParetoNBD or DataFrame
        A fitted purchase model (then ``summary`` is needed: a calibration /
        holdout summary from :func:`cvlib.lifetime.summarize`), or the table
        of :func:`cvlib.lifetime.calibration_holdout_table`.
    max_frequency : int
        The last group pools this frequency and above.
    **columns
        Column names passed on to :func:`cvlib.lifetime.calibration_holdout_table`.

    Returns
    -------
    matplotlib Axes

    References
    ----------
    Fader, Hardie & Lee (2005a), figure 4 (the CDNOW conditional expectations).
    """
    from ..lifetime.models import calibration_holdout_table

    if isinstance(data, pd.DataFrame):
        table = data
    else:
        if summary is None:
            raise ValueError("pass the calibration/holdout summary: plot_calibration_holdout(model, summary)")
        table = calibration_holdout_table(data, summary, max_frequency=max_frequency, **columns)
    ax = axes_or_new(ax, (6.4, 4.2))
    pos = np.arange(len(table))
    ax.plot(pos, table["actual"], marker="o", color="black", label="actual")
    ax.plot(pos, table["model"], marker="s", linestyle="--", color="tab:blue", label="model")
    ax.set_xticks(pos, [str(i) for i in table.index])
    ax.set_xlabel("purchases in the calibration period (frequency)")
    ax.set_ylabel("mean purchases in the holdout period")
    ax.set_title("Conditional expectations: calibration vs holdout")
    ax.legend(frameon=False)
    return ax


def plot_frequency_histogram(data, summary: pd.DataFrame | None = None, *,
                             max_frequency: int = 7, ax=None):
    """Customers by number of repeat purchases in the calibration period: actual vs model bars.

    ``data`` is a fitted :class:`cvlib.lifetime.BetaGeo` (with ``summary``) or
    the table of :func:`cvlib.lifetime.frequency_histogram_table`.  Fader,
    Hardie & Lee (2005a), figure 1.
    """
    from ..lifetime.models import frequency_histogram_table

    if isinstance(data, pd.DataFrame):
        table = data
    else:
        if summary is None:
            raise ValueError("pass the customer summary: plot_frequency_histogram(model, summary)")
        table = frequency_histogram_table(data, summary, max_frequency=max_frequency)
    ax = axes_or_new(ax, (6.4, 4.2))
    pos = np.arange(len(table))
    ax.bar(pos - 0.2, table["actual"], width=0.4, color="0.3", label="actual")
    ax.bar(pos + 0.2, table["model"], width=0.4, color="tab:blue", label="model")
    ax.set_xticks(pos, [str(i) for i in table.index])
    ax.set_xlabel("repeat purchases in the calibration period")
    ax.set_ylabel("customers")
    ax.set_title("Frequency of repeat purchases: actual vs model")
    ax.legend(frameon=False)
    return ax


def _heatmap(grid: pd.DataFrame, ax, label: str, title: str, cmap: str, vmin=None, vmax=None):
    ax = axes_or_new(ax, figsize=(6.4, 4.8))
    rec = grid.columns.to_numpy(dtype=float)
    freq = grid.index.to_numpy(dtype=float)
    mesh = ax.pcolormesh(rec, freq, np.ma.masked_invalid(grid.to_numpy()), shading="nearest", cmap=cmap,
                         vmin=vmin, vmax=vmax)
    ax.figure.colorbar(mesh, ax=ax, label=label)
    ax.set_xlabel("recency (time of the last purchase)")
    ax.set_ylabel("frequency (repeat purchases)")
    ax.set_title(title)
    return ax


def plot_p_alive_heatmap(model, *, T: float | None = None, max_frequency: int | None = None,
                         ax=None):
    """P(alive) over frequency x recency for customers observed for T periods.

    High frequency and a long time since the last purchase is the pattern of
    a customer who has left: P(alive) drops in the top-left corner.  Computed
    by :func:`cvlib.lifetime.frequency_recency_grid`.
    """
    from ..lifetime.models import frequency_recency_grid

    grid = model if isinstance(model, pd.DataFrame) else frequency_recency_grid(
        model, "p_alive", T=T, max_frequency=max_frequency)
    return _heatmap(grid, ax, "P(alive)", f"P(alive), T = {grid.attrs.get('T', T):.4g}",
                    "viridis", 0.0, 1.0)


def plot_expected_purchases_heatmap(model, t: float = 1.0, *, T: float | None = None,
                                    max_frequency: int | None = None, ax=None):
    """Expected purchases in the next t periods over frequency x recency (T fixed)."""
    from ..lifetime.models import frequency_recency_grid

    grid = model if isinstance(model, pd.DataFrame) else frequency_recency_grid(
        model, "expected_purchases", T=T, t=t, max_frequency=max_frequency)
    tt = grid.attrs.get("t", t)
    return _heatmap(grid, ax, f"expected purchases in the next {tt:g} periods",
                    f"Expected purchases, next {tt:g} periods (T = {grid.attrs.get('T', T):.4g})",
                    "magma")


def plot_purchase_tracking(tracking: pd.DataFrame, *, cumulative: bool = True, ax=None):
    """Repeat purchases of the whole base per period (or cumulated), actual vs model.

    ``tracking`` is the table of :func:`cvlib.lifetime.purchase_tracking`; a
    dotted vertical line marks the end of the calibration period when known.
    Fader, Hardie & Lee (2005a), figures 2 and 3.
    """
    ax = axes_or_new(ax, figsize=(7.5, 4.2))
    if cumulative:
        actual, model, what = tracking["cumulative_actual"], tracking["cumulative_model"], "cumulative"
    else:
        actual, model, what = tracking["actual"], tracking["model"], "per period"
    ax.plot(tracking.index, actual, color="black", label="actual")
    ax.plot(tracking.index, model, color="tab:blue", linestyle="--", label="model")
    cal = tracking.attrs.get("calibration_period")
    if cal is not None:
        ax.axvline(cal, color="grey", linestyle=":", label="end of calibration")
    unit = tracking.attrs.get("time_unit", "W")
    names = {"W": "week", "D": "day", "M": "month", "Y": "year"}
    ax.set_xlabel(names.get(str(unit).upper(), "period") if isinstance(unit, str) else "period")
    ax.set_ylabel(f"repeat purchases ({what})")
    ax.set_title(f"Tracking repeat purchases, {what}")
    ax.legend(frameon=False)
    return ax


def plot_sbg_projection(model, n_periods: int = 12, *, observed=None, ax=None):
    """Survivors per period: observed counts vs the sBG fit and its projection.

    The fitted periods are those the model saw; beyond them the curve is a
    forecast (Fader & Hardie 2007, figure 3).  ``observed`` (survivors at the
    start of periods 0, 1, ..., e.g. all 13 years of ``fetch_sbg_retention()``)
    adds the later counts the model did not see, to judge the forecast.
    """
    table = model.projection(n_periods)
    ax = axes_or_new(ax, (6.4, 4.2))
    ax.plot(table["period"], table["expected_alive"], color="tab:blue", linestyle="--",
            label="sBG model")
    if "observed_alive" in table:
        ax.plot(table["period"], table["observed_alive"], color="black", marker="o",
                linestyle="none", label="observed (fitted)")
        fitted = int(np.isfinite(table["observed_alive"]).sum()) - 1
        ax.axvline(fitted, color="grey", linestyle=":")
    else:
        fitted = -1
    if observed is not None:
        obs = np.asarray(observed, dtype=float).ravel()
        periods = np.arange(obs.size)
        later = periods > fitted
        ax.plot(periods[later], obs[later], marker="o", markerfacecolor="white", color="black",
                linestyle="none", label="observed (not fitted)")
    ax.set_xlabel("period")
    ax.set_ylabel("customers still active")
    ax.set_title("sBG: survival projection")
    ax.legend(frameon=False)
    return ax

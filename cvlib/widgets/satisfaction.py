"""Widgets for the satisfaction topic (notebook 03).

* :func:`ipa_explorer`: move the importance and performance cut-lines of an
  importance-performance grid and watch attributes change quadrant;
* :func:`index_explorer`: set the item weights of the satisfaction index
  with sliders and see the index of each segment with its bootstrap CI.

Every number shown comes from :func:`cvlib.satisfaction.ipa` and
:func:`cvlib.satisfaction.satisfaction_index`; the model and weighting-scheme
explorer of the PLS path model is :mod:`cvlib.widgets.pls`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..satisfaction import ipa, satisfaction_index
from ._base import Explorer

__all__ = ["ipa_explorer", "index_explorer"]


def _show_figure(draw):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 5))
    draw(ax)
    fig.tight_layout()
    plt.show()


def ipa_explorer(table: pd.DataFrame, *, attribute: str = "attribute",
                 importance: str = "importance", performance: str = "performance",
                 scale=None, plot: bool = True) -> Explorer:
    """Importance-performance grid with movable cut-lines.

    Controls: ``rule`` ("mean", "median", "midpoint" when a ``scale`` is
    given, or "custom"), and with "custom" the sliders ``importance_cut`` and
    ``performance_cut``.  ``w.result`` is the :class:`IPAResult` of
    :func:`cvlib.satisfaction.ipa` for the current setting.

    Parameters
    ----------
    table : DataFrame
        One row per attribute, with the three columns named below.
    attribute, importance, performance : str
        Column names.
    scale : (low, high), optional
        Allows the "midpoint" rule.
    plot : bool
        Draw the chart (turn off in tests).
    """
    import ipywidgets as W

    from ..plots.satisfaction import ipa_chart

    imp = table[importance].astype(float)
    perf = table[performance].astype(float)

    def slider(values, label):
        lo, hi = float(values.min()), float(values.max())
        pad = max((hi - lo) * 0.2, 0.1)
        return W.FloatSlider(value=round(float(values.mean()), 2), min=round(lo - pad, 2),
                             max=round(hi + pad, 2), step=0.01, description=label,
                             continuous_update=False, style={"description_width": "initial"})

    rules = ["mean", "median"] + (["midpoint"] if scale is not None else []) + ["custom"]
    controls = {
        "rule": W.Dropdown(options=rules, value="mean", description="cut-lines at"),
        "importance_cut": slider(imp, "importance cut"),
        "performance_cut": slider(perf, "performance cut"),
    }

    def compute(rule, importance_cut, performance_cut):
        ic = importance_cut if rule == "custom" else rule
        pc = performance_cut if rule == "custom" else rule
        return ipa(table, attribute=attribute, importance=importance, performance=performance,
                   importance_cut=ic, performance_cut=pc, scale=scale)

    def show(result):
        from IPython.display import display

        if plot:
            _show_figure(lambda ax: ipa_chart(result, ax=ax))
        display(result.table.round(3))

    return Explorer(controls, compute, show,
                    title="Importance-performance analysis: choose where the cut-lines go "
                          "(sliders apply when the rule is 'custom')")


def index_explorer(data: pd.DataFrame, items: Sequence[str], *, by: str | None = None,
                   scale=(1, 10), n_boot: int = 200, seed: int = 0,
                   plot: bool = True) -> Explorer:
    """The satisfaction index by segment, with one slider per item weight.

    Controls: ``w_<item>`` (one weight slider per item, 0-1, starting equal)
    and ``normalize`` (rescale weights that do not sum to 1).  Weights that
    do not sum to 1 without ``normalize`` are an error, shown in the widget
    and kept in ``w.error``.  ``w.result`` is the :class:`IndexResult` of
    :func:`cvlib.satisfaction.satisfaction_index` for the current weights.

    Parameters
    ----------
    data : DataFrame
    items : list of str
    by : str, optional
        Segment column.
    scale : (low, high)
    n_boot, seed : int
        Bootstrap resamples and seed of the confidence intervals.
    plot : bool
        Draw the chart (turn off in tests).
    """
    import ipywidgets as W

    from ..plots.satisfaction import satisfaction_index_chart

    items = list(items)
    # exactly 1/k (not rounded to the slider's step), so that unticking "normalise" with
    # the starting weights is not an error: three sliders at 0.333 would sum to 0.999
    start = 1.0 / len(items)
    controls = {f"w_{item}": W.FloatSlider(value=start, min=0.0, max=1.0, step=0.005,
                                           description=f"weight {item}", readout_format=".3f",
                                           continuous_update=False,
                                           style={"description_width": "initial"})
                for item in items}
    controls["normalize"] = W.Checkbox(value=True, description="normalise weights to sum to 1")

    def compute(normalize, **weights):
        w = np.array([weights[f"w_{item}"] for item in items])
        return satisfaction_index(data, items, dict(zip(items, w, strict=True)), scale=scale,
                                  by=by, normalize=normalize, n_boot=n_boot, seed=seed)

    def show(result):
        from IPython.display import display

        if plot:
            _show_figure(lambda ax: satisfaction_index_chart(result, ax=ax))
        display(result.table.round(2))

    return Explorer(controls, compute, show,
                    title="Satisfaction index (0-100) by segment: move the item weights")

"""Widgets for the satisfaction topic (notebook 03).

* :func:`ipa_explorer`: move the importance and performance cut-lines of an
  importance-performance grid and watch attributes change quadrant;
* :func:`index_explorer`: set the item weights of the satisfaction index
  with sliders and see the index of each segment with its bootstrap CI;
* :func:`gap_explorer`: move the perceived performance of each attribute
  and see where it meets, exceeds or falls short of expectation.

Every number shown comes from :func:`cvlib.satisfaction.ipa`,
:func:`cvlib.satisfaction.satisfaction_index` and
:func:`cvlib.satisfaction.satisfaction_gap`; the model and weighting-scheme
explorer of the PLS path model is :mod:`cvlib.widgets.pls`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..language import WORDS_ZH, say
from ..plots._common import chinese
from ..satisfaction import ipa, satisfaction_gap, satisfaction_index
from ..satisfaction.scales import _as_scale
from ._base import Explorer, _new_axes, labelled, localise, start_value

__all__ = ["ipa_explorer", "index_explorer", "gap_explorer"]


# Chinese names of the attributes of cvlib.satisfaction.GAP_EXAMPLE (the workbook's own example)


def _show_figure(draw):
    import matplotlib.pyplot as plt

    ax = _new_axes((7, 5))
    draw(ax)
    ax.figure.tight_layout()
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

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"attribute": ["price", "staff", "app"], "importance": [9.0, 5.0, 6.0],
    ...                   "performance": [4.0, 8.0, 5.0]})
    >>> w = ipa_explorer(t, plot=False)
    >>> w.controls["rule"].value = "custom"
    >>> w.controls["importance_cut"].value = 5.5
    >>> w.result.quadrant("app")
    'Concentrate here'
    """
    import ipywidgets as W

    from ..plots.satisfaction import plot_ipa

    imp = table[importance].astype(float)
    perf = table[performance].astype(float)

    def slider(values, label):
        lo, hi = float(values.min()), float(values.max())
        pad = max((hi - lo) * 0.2, 0.1)
        return W.FloatSlider(value=round(float(values.mean()), 2), min=round(lo - pad, 2),
                             max=round(hi + pad, 2), step=0.01, description=label,
                             continuous_update=False, style={"description_width": "initial"})

    rules = ["mean", "median"] + (["midpoint"] if scale is not None else []) + ["custom"]
    rules_zh = {"mean": "均值", "median": "中位数", "midpoint": "量表中点", "custom": "自定义"}
    controls = {
        "rule": W.Dropdown(options=[(say(r, rules_zh[r]), r) for r in rules], value="mean",
                           description=say("cut-lines at", "分界线位置")),
        "importance_cut": slider(imp, say("importance cut", "重要性分界线")),
        "performance_cut": slider(perf, say("performance cut", "绩效分界线")),
    }

    def compute(rule, importance_cut, performance_cut):
        ic = importance_cut if rule == "custom" else rule
        pc = performance_cut if rule == "custom" else rule
        return ipa(table, attribute=attribute, importance=importance, performance=performance,
                   importance_cut=ic, performance_cut=pc, scale=scale)

    def show(result):
        from IPython.display import display

        if plot:
            _show_figure(lambda ax: plot_ipa(result, ax=ax))
        display(localise(result.table.round(3)))

    return Explorer(controls, compute, show,
                    title=say("Importance-performance analysis: choose where the cut-lines go "
                              "(sliders apply when the rule is 'custom')",
                              "重要性-绩效分析：选择分界线的位置（选“自定义”时滑块才起作用）"))


def index_explorer(data: pd.DataFrame, items: Sequence[str], *, by: str | None = None,
                   scale=(1, 10), missing: str = "raise", n_boot: int = 200, seed: int = 0,
                   plot: bool = True) -> Explorer:
    """The satisfaction index by segment, with one slider per item weight.

    Controls: ``w_<item>`` (one weight slider per item, 0-100, starting
    equal) and ``normalize`` (the checkbox "rescale the weights to sum to
    100").  Weights that do not sum to 100 with the checkbox unticked are an
    error, shown in the widget and kept in ``w.error``.  ``w.result`` is the
    :class:`IndexResult` of :func:`cvlib.satisfaction.satisfaction_index`
    for the current weights.

    Parameters
    ----------
    data : DataFrame
    items : list of str
    by : str, optional
        Segment column.
    scale : (low, high)
    missing : {"raise", "drop", "available"}
        As in :func:`cvlib.satisfaction.satisfaction_index`.
    n_boot, seed : int
        Bootstrap resamples and seed of the confidence intervals.
    plot : bool
        Draw the chart (turn off in tests).

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"s1": [10, 7, 4], "s2": [10, 10, 1]})
    >>> w = index_explorer(d, ["s1", "s2"], n_boot=20, plot=False)
    >>> w.controls["w_s1"].value = 80
    >>> w.controls["w_s2"].value = 20
    >>> round(float(w.result.params["all"]), 2)         # 0.8 x 66.67 + 0.2 x 66.67
    66.67
    """
    import ipywidgets as W

    from ..plots.satisfaction import plot_satisfaction_index

    items = list(items)
    # exactly 100/k (not rounded to the slider's step), so that unticking the checkbox with
    # the starting weights is not an error: three sliders at 33.3 would sum to 99.9
    start = 100.0 / len(items)
    controls = {f"w_{item}": W.FloatSlider(value=start, min=0.0, max=100.0, step=0.5,
                                           description=say(f"weight {item}", f"{item} 的权重"),
                                           readout_format=".1f",
                                           continuous_update=False,
                                           style={"description_width": "initial"})
                for item in items}
    box_label = say("rescale the weights to sum to 100", "把权重调整为合计 100")
    controls["normalize"] = W.Checkbox(value=True, description=box_label)

    def compute(normalize, **weights):
        w = np.array([weights[f"w_{item}"] for item in items])
        try:
            return satisfaction_index(data, items, dict(zip(items, w, strict=True)), scale=scale,
                                      by=by, normalize=normalize, missing=missing, n_boot=n_boot,
                                      seed=seed)
        except ValueError as err:
            if "pass normalize=True" in str(err):
                raise ValueError(str(err).replace(
                    "pass normalize=True to rescale",
                    say(f"tick {box_label!r} or move the sliders",
                        f"请勾选“{box_label}”或移动滑块"))) from None
            raise

    def show(result):
        from IPython.display import display

        if plot:
            _show_figure(lambda ax: plot_satisfaction_index(result, ax=ax))
        display(localise(result.table.round(2)))

    return Explorer(controls, compute, show,
                    title=say("Satisfaction index (0-100) by segment: move the item weights",
                              "各细分群体的顾客满意度指数（0-100）：调整各题项的权重"))


def gap_explorer(table: pd.DataFrame, *, attribute: str = "attribute",
                 expectation: str = "expectation", perception: str = "perception",
                 weights: str | None = None, layer: str | None = None, scale=(1, 7),
                 plot: bool = True) -> Explorer:
    """Satisfaction as perception minus expectation: move what customers perceive.

    Controls: ``p_<attribute>`` (one slider per attribute for its perceived
    performance, on ``scale``, starting at the table's value) and ``tol``
    (gaps within +-tol scale points count as "met").  ``w.result`` is the
    :class:`GapResult` of :func:`cvlib.satisfaction.satisfaction_gap`.

    Parameters
    ----------
    table : DataFrame
        One row per attribute with its expectation and perception, e.g.
        :data:`cvlib.satisfaction.GAP_EXAMPLE`.
    attribute, expectation, perception : str
        Column names.
    weights, layer : str, optional
        Columns with importance weights (summing to 100) and the layer of
        satisfaction, passed to :func:`~cvlib.satisfaction.satisfaction_gap`.
    scale : (low, high)
        The rating scale; a starting perception outside it is refused.
    plot : bool
        Draw the chart (turn off in tests).

    Examples
    --------
    >>> from cvlib.satisfaction import GAP_EXAMPLE
    >>> w = gap_explorer(GAP_EXAMPLE, weights="importance", plot=False)
    >>> w.controls["p_network coverage"].value = 6.5
    >>> w.result.table.set_index("attribute").at["network coverage", "outcome"]
    'met'
    """
    import ipywidgets as W

    from ..plots.satisfaction import plot_satisfaction_gap

    sc = _as_scale(scale)
    satisfaction_gap(table, attribute=attribute, expectation=expectation, perception=perception,
                     weights=weights, layer=layer, scale=sc)  # the same errors as the function
    names = table[attribute].astype(str).tolist()
    controls = {}
    for name, value in zip(names, table[perception], strict=True):
        label = say(f"perceived {name}", f"感知：{chinese(name)}")
        start = start_value(f"perception of {name!r}", float(value), sc.low, sc.high, label)
        controls[f"p_{name}"] = W.FloatSlider(value=start, min=sc.low, max=sc.high, step=0.1,
                                              description=label,
                                              continuous_update=False, readout_format=".1f",
                                              **labelled("16em", "38em"))
    controls["tol"] = W.FloatSlider(value=0.0, min=0.0, max=1.0, step=0.05,
                                    description=say("'met' within +-", "“达到期望”的容差 ±"),
                                    readout_format=".2f",
                                    continuous_update=False, **labelled("16em", "38em"))

    def compute(tol, **perceived):
        frame = table.copy()
        frame[perception] = [perceived[f"p_{n}"] for n in names]
        return satisfaction_gap(frame, attribute=attribute, expectation=expectation,
                                perception=perception, weights=weights, layer=layer,
                                scale=sc, tol=tol)

    def show(result):
        from IPython.display import display

        if plot:
            _show_figure(lambda ax: plot_satisfaction_gap(result, ax=ax))
        print(say(f"overall (importance-weighted) gap: {result.overall:+.2f} scale points",
                  f"总体差距（按重要性加权）：{result.overall:+.2f} 个量表分"))
        display(localise(result.table.round(2), values={**WORDS_ZH, **{a: chinese(a) for a in result.table["attribute"]}}))

    return Explorer(controls, compute, show,
                    title=say("Satisfaction = perception - expectation: move what customers perceive",
                              "满意 = 感知 - 期望：调整顾客的感知"))

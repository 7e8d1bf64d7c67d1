"""Explorers for customer classification (notebook 04): move ABC cut-offs, set pyramid
percentages, edit the RFM segment rules, move the cut-offs of a two-axis matrix.

Every number shown comes from the pure functions of :mod:`cvlib.segments`.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd

from ..segments import (
    PYRAMID_PRESETS,
    abc_classes,
    default_rfm_rules,
    pyramid,
    rfm_segment_summary,
    rfm_segments,
    two_axis,
)
from ._base import Explorer

__all__ = ["abc_explorer", "pyramid_explorer", "rfm_rules_explorer", "two_axis_explorer",
           "parse_rules"]


def _widgets():
    import ipywidgets

    return ipywidgets


def _show_classification(measure):
    def show(result):
        import matplotlib.pyplot as plt
        from IPython.display import display

        from ..plots.segments import plot_tier_shares

        display(result.table.round(4))
        fig, ax = plt.subplots(figsize=(6, 3))
        plot_tier_shares(result, measure, ax=ax)
        plt.show()

    return show


def abc_explorer(data, value: str = "revenue", *, profit: str | None = None,
                 customer: str | None = None) -> Explorer:
    """Move the ABC cut-offs and see each class's share of customers and of value change.

    Controls: ``by`` ("value": shares of revenue, "customers": shares of
    customers, "thresholds": absolute amounts), ``a`` and ``b`` (percent for
    classes A and B; C gets the rest) and ``a_threshold``, ``b_threshold``
    (currency, used with "thresholds").
    """
    w = _widgets()
    v = data[value] if isinstance(data, pd.DataFrame) else data
    controls = {
        "by": w.Dropdown(options=["value", "customers", "thresholds"], value="value",
                         description="cut by"),
        "a": w.IntSlider(value=70, min=1, max=98, description="A (%)"),
        "b": w.IntSlider(value=20, min=1, max=98, description="B (%)"),
        "a_threshold": w.FloatText(value=round(float(np.quantile(v, 0.9)), 2),
                                   description="A from"),
        "b_threshold": w.FloatText(value=round(float(np.quantile(v, 0.6)), 2),
                                   description="B from"),
    }

    def compute(by, a, b, a_threshold, b_threshold):
        if by == "thresholds":
            return abc_classes(data, value, customer=customer, profit=profit,
                               thresholds=(a_threshold, b_threshold))
        return abc_classes(data, value, customer=customer, profit=profit, by=by,
                           shares=(a, b, 100 - a - b))

    return Explorer(controls, compute, _show_classification(value),
                    title="ABC classes: move the cut-offs")


def pyramid_explorer(data, value: str = "revenue", *, profit: str | None = None,
                     customer: str | None = None) -> Explorer:
    """Set the pyramid's percentages (and preset labels) and see each tier's shares.

    Controls: ``preset`` ("curry": VIP/major/medium/small, "zeithaml":
    platinum/gold/iron/lead; choosing one loads its names and percentages) and
    ``top``, ``second``, ``third``, ``bottom`` (percent of customers; they must
    sum to 100).
    """
    w = _widgets()
    s = PYRAMID_PRESETS["curry"]["shares"]
    controls = {
        "preset": w.Dropdown(options=list(PYRAMID_PRESETS), value="curry", description="preset"),
        "top": w.BoundedFloatText(value=s[0], min=0, max=100, step=0.5, description="tier 1 %"),
        "second": w.BoundedFloatText(value=s[1], min=0, max=100, step=0.5, description="tier 2 %"),
        "third": w.BoundedFloatText(value=s[2], min=0, max=100, step=0.5, description="tier 3 %"),
        "bottom": w.BoundedFloatText(value=s[3], min=0, max=100, step=0.5, description="tier 4 %"),
    }

    def load_preset(change):
        # a new preset brings its own percentages; the boxes stay editable afterwards
        for name, share in zip(("top", "second", "third", "bottom"),
                               PYRAMID_PRESETS[change["new"]]["shares"], strict=True):
            controls[name].value = share

    controls["preset"].observe(load_preset, names="value")

    def compute(preset, top, second, third, bottom):
        return pyramid(data, value, customer=customer, profit=profit, preset=preset,
                       shares=(top, second, third, bottom))

    def show(result):
        import matplotlib.pyplot as plt
        from IPython.display import display

        from ..plots.segments import plot_pyramid

        display(result.table.round(4))
        fig, ax = plt.subplots(figsize=(7, 3.5))
        plot_pyramid(result, value, ax=ax)
        plt.show()

    return Explorer(controls, compute, show, title="Customer pyramid: set the percentages")


def parse_rules(text: str) -> pd.DataFrame:
    """Read a rule table written as CSV text (header ``segment,r_min,r_max,...``)."""
    if not str(text).strip():
        raise ValueError("the rule table is empty: write a header line and at least one rule")
    try:
        rules = pd.read_csv(io.StringIO(str(text)), skipinitialspace=True)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise ValueError(f"the rule table is not valid CSV: {exc}") from None
    need = ["segment", "r_min", "r_max", "f_min", "f_max", "m_min", "m_max"]
    missing = [c for c in need if c not in rules.columns]
    if missing:
        raise ValueError(f"the rule table has no column(s) {missing}: keep the header line "
                         f"{','.join(need)} and give every rule a value in each column")
    return rules


def _rules_text(rules: pd.DataFrame) -> str:
    cols = ["segment", "r_min", "r_max", "f_min", "f_max", "m_min", "m_max"]
    return rules[cols].to_csv(index=False, lineterminator="\n")


def rfm_rules_explorer(scores: pd.DataFrame, rules: pd.DataFrame | None = None) -> Explorer:
    """Edit the RFM segment rules (CSV text, first match wins) and see the segments' sizes.

    Control ``rules``: a text area holding the rule table; ``other``: the
    name of customers matching no rule.
    """
    w = _widgets()
    rules = default_rfm_rules() if rules is None else rules
    controls = {
        "rules": w.Textarea(value=_rules_text(rules), rows=len(rules) + 2,
                            layout=w.Layout(width="520px"), description="rules"),
        "other": w.Text(value="Others", description="no match"),
    }

    def compute(rules, other):
        return rfm_segments(scores, parse_rules(rules), other=other)

    def show(result):
        from IPython.display import display

        display(rfm_segment_summary(result).round(3))

    return Explorer(controls, compute, show,
                    title="RFM segments: edit the rules (the first matching rule wins)")


def two_axis_explorer(data: pd.DataFrame, x: str, y: str, *, preset: str | None = None,
                      customer: str | None = None, log: bool = False) -> Explorer:
    """Move the two cut-offs of a 2 x 2 matrix and see the cells' sizes and shares.

    Controls ``x_cut`` and ``y_cut`` (in the columns' units; they start at the medians).
    """
    w = _widgets()
    vx, vy = data[x].dropna(), data[y].dropna()
    controls = {
        "x_cut": w.FloatSlider(value=float(vx.median()), min=float(vx.min()),
                               max=float(vx.max()), step=(float(vx.max()) - float(vx.min())) / 200,
                               description=f"{x} cut"[:20], readout_format=",.4g"),
        "y_cut": w.FloatSlider(value=float(vy.median()), min=float(vy.min()),
                               max=float(vy.max()), step=(float(vy.max()) - float(vy.min())) / 200,
                               description=f"{y} cut"[:20], readout_format=",.4g"),
    }

    def compute(x_cut, y_cut):
        return two_axis(data, x, y, x_cut=x_cut, y_cut=y_cut, preset=preset, customer=customer,
                        missing="drop")

    def show(result):
        import matplotlib.pyplot as plt
        from IPython.display import display

        from ..plots.segments import plot_two_axis

        display(result.table[["customers", "customer_share", f"{x}_share", f"{y}_share"]].round(3))
        fig, ax = plt.subplots(figsize=(6, 4.5))
        plot_two_axis(result, ax=ax, log=log)
        plt.show()

    return Explorer(controls, compute, show, title=f"Two-axis matrix: {x} x {y}")

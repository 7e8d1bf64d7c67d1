"""Widgets for the lifetime topic (notebook 05).

- :func:`retention_explorer`: retention, discount rate, margin and horizon
  sliders -> expected lifetime, CLV (infinite and finite horizon) and the
  survival curve, all from :func:`cvlib.lifetime.retention_scenario`.
- :func:`bgnbd_explorer`: choose a customer's frequency, recency and age T
  and see P(alive) and the expected purchases in the next ``t`` periods
  under a fitted BG/NBD model (:class:`cvlib.lifetime.BetaGeo`).

Drive them without a browser::

    w = retention_explorer()
    w.controls["retention"].value = 0.9
    w.result.expected_lifetime   # 10.0
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .._results import Result
from ..language import say
from ._base import Explorer, _new_axes, labelled, start_value

__all__ = ["retention_explorer", "bgnbd_explorer", "BGNBDCustomer", "bgnbd_customer"]


def _w():
    import ipywidgets

    return ipywidgets




def retention_explorer(margin: float = 40.0, retention: float = 0.80, discount_rate: float = 0.12,
                       years: int = 10, timing: str = "end") -> Explorer:
    """Sliders for retention and discount rate -> expected lifetime, CLV and survival curve.

    Parameters
    ----------
    margin, retention, discount_rate, years, timing
        Starting values of the controls (see :func:`cvlib.lifetime.retention_scenario`;
        the default timing ``"end"`` is that of every CLV function).  Rates are
        fractions; a value outside a slider's range (retention 85, a discount
        rate of 10) is refused with a ValueError rather than clamped.

    Returns
    -------
    Explorer
        Controls ``margin``, ``retention``, ``discount_rate``, ``years`` and
        ``timing``; ``.result`` is the :class:`~cvlib.lifetime.RetentionScenario`.
    """
    from .._validate import check_option
    from ..lifetime.retention import TIMINGS, retention_scenario

    w = _w()
    labels = {"margin": say("margin per year", "每年毛利"),
              "retention": say("retention rate", "客户保持率"),
              "discount_rate": say("discount rate", "折现率"),
              "years": say("horizon (years)", "期限（年）"),
              "timing": say("margin timing", "毛利发生时点")}
    retention = start_value("retention", retention, 0.05, 0.99, labels["retention"],
                            say("give a fraction such as 0.85, not 85", "请输入小数，例如 0.85，而不是 85"))
    discount_rate = start_value("discount_rate", discount_rate, 0.0, 0.30, labels["discount_rate"],
                                say("give a fraction such as 0.10, not 10",
                                    "请输入小数，例如 0.10，而不是 10"))
    years = start_value("years", years, 1, 40, labels["years"])
    timing = check_option(timing, "timing", list(TIMINGS))
    timings_zh = {"start": "期初", "end": "期末", "end_retained": "期末（客户保留时）"}
    controls = {
        "margin": w.FloatText(value=margin, description=labels["margin"], **labelled()),
        "retention": w.FloatSlider(value=retention, min=0.05, max=0.99, step=0.01,
                                   readout_format=".0%", description=labels["retention"], **labelled(), continuous_update=False),
        "discount_rate": w.FloatSlider(value=discount_rate, min=0.0, max=0.30, step=0.01,
                                       readout_format=".0%", description=labels["discount_rate"], **labelled(), continuous_update=False),
        "years": w.IntSlider(value=years, min=1, max=40, description=labels["years"], **labelled(), continuous_update=False),
        "timing": w.Dropdown(options=[(say(t, timings_zh.get(t, t)), t) for t in TIMINGS], value=timing,
                             description=labels["timing"], **labelled()),
    }

    def show(result):
        import matplotlib.pyplot as plt
        from IPython.display import display

        from ..plots.retention import plot_survival_curve

        when = timings_zh.get(result.timing, result.timing)
        print(say(f"expected lifetime 1 / (1 - r) = {result.expected_lifetime:.2f} years",
                  f"预期客户寿命 1 / (1 - r) = {result.expected_lifetime:.2f} 年"))
        print(say(f"CLV, infinite horizon ({result.timing}): {result.clv:,.2f}",
                  f"客户终身价值 CLV，无限期（毛利在{when}）：{result.clv:,.2f}"))
        print(say(f"CLV over {result.years} years ({result.timing}): {result.clv_horizon:,.2f}",
                  f"客户终身价值 CLV，{result.years} 年内（毛利在{when}）：{result.clv_horizon:,.2f}"))
        ax = _new_axes((6, 3.2))
        plot_survival_curve(result.survival, ax=ax)
        ax.set_title(say(f"Survival at {result.retention:.0%} retention",
                         f"客户保持率 {result.retention:.0%} 时的生存曲线"))
        display(ax.figure)
        plt.close(ax.figure)

    return Explorer(controls, retention_scenario, show,
                    title=say("Retention and CLV: move the sliders", "客户保持率与客户终身价值：拖动滑块"))


@dataclass(frozen=True, repr=False)
class BGNBDCustomer(Result):
    """What a fitted BG/NBD model says about one customer (see :func:`bgnbd_customer`)."""

    frequency: int
    recency: float
    T: float
    t: float
    p_alive: float
    expected_purchases: float

    def _title(self) -> list[str]:
        return [f"One customer's history: x = {self.frequency}, t_x = {self.recency:g}, T = {self.T:g}"]

    def summary(self) -> pd.DataFrame:
        """P(alive) and the expected purchases in the next t periods, as a one-column table."""
        return pd.DataFrame({"value": pd.Series({
            "P(alive)": self.p_alive,
            f"expected purchases in the next {self.t:g} periods": self.expected_purchases,
        })})


def bgnbd_customer(model, frequency: int, recency: float, T: float, t: float) -> BGNBDCustomer:
    """P(alive) and expected purchases in the next ``t`` periods for one customer history.

    A thin wrapper over ``model.p_alive`` and ``model.expected_purchases``
    of a fitted :class:`cvlib.lifetime.BetaGeo` (or any model with the same
    methods); its input checks (recency <= T, recency 0 when frequency is 0)
    apply.

    Parameters
    ----------
    model : fitted BetaGeo
    frequency : int
        Repeat purchases in the calibration period, ``x``.
    recency : float
        Age at the last purchase, ``t_x`` (time units of the model).
    T : float
        Age at the end of the calibration period.
    t : float
        Length of the future period.
    """
    p = model.p_alive(frequency=frequency, recency=recency, T=T)
    e = model.expected_purchases(t, frequency=frequency, recency=recency, T=T)
    return BGNBDCustomer(int(frequency), float(recency), float(T), float(t),
                         float(p), float(e))


def bgnbd_explorer(model=None, *, frequency: int = 2, recency: float = 30.43, T: float = 38.86,
                   t: float = 39.0, max_frequency: int = 30, max_T: float = 80.0) -> Explorer:
    """Choose a customer's frequency, recency and T; see P(alive) and expected purchases.

    Parameters
    ----------
    model : fitted BetaGeo, optional
        Default: :class:`cvlib.lifetime.BetaGeo` fitted on the published CDNOW
        summary (weeks), :func:`cvlib.datasets.fetch_cdnow_summary`.
    frequency, recency, T, t
        Starting values (default: the customer of Fader, Hardie & Lee's
        example, x = 2, t_x = 30.43, T = 38.86, over the next 39 weeks); a
        value outside its slider's range is refused with a ValueError
        rather than clamped.
    max_frequency, max_T
        Ranges of the sliders.

    Returns
    -------
    Explorer
        Controls ``frequency``, ``recency``, ``T`` and ``t``; ``.result`` is a
        :class:`BGNBDCustomer`.  A recency greater than T (or a positive
        recency with frequency 0) shows the model's error message.
    """
    if model is None:
        from ..datasets import fetch_cdnow_summary
        from ..lifetime import BetaGeo

        model = BetaGeo().fit(fetch_cdnow_summary())

    labels = {"frequency": say("frequency x", "购买频率 x"),
              "recency": say("recency t_x", "最近购买时点 t_x"),
              "T": say("T (age now)", "T（当前客龄）"),
              "t": say("future period t", "预测期长度 t")}
    frequency = start_value("frequency", frequency, 0, max_frequency, labels["frequency"],
                            say(f"raise max_frequency (now {max_frequency}) to start higher",
                                f"要从更高的值开始，请调大 max_frequency（现为 {max_frequency}）"))
    recency = start_value("recency", recency, 0.0, max_T, labels["recency"],
                          say(f"raise max_T (now {max_T:g}) to start later",
                              f"要从更晚的时点开始，请调大 max_T（现为 {max_T:g}）"))
    T = start_value("T", T, 0.5, max_T, labels["T"],
                    say(f"raise max_T (now {max_T:g})", f"请调大 max_T（现为 {max_T:g}）"))
    t = start_value("t", t, 1.0, 104.0, labels["t"])
    w = _w()
    controls = {
        "frequency": w.IntSlider(value=frequency, min=0, max=max_frequency,
                                 description=labels["frequency"], **labelled(),
                                 continuous_update=False),
        "recency": w.FloatSlider(value=recency, min=0.0, max=max_T, step=0.01,
                                 description=labels["recency"], **labelled(),
                                 continuous_update=False),
        "T": w.FloatSlider(value=T, min=0.5, max=max_T, step=0.01,
                           description=labels["T"], **labelled(),
                           continuous_update=False),
        "t": w.FloatSlider(value=t, min=1.0, max=104.0, step=1.0,
                           description=labels["t"], **labelled(),
                           continuous_update=False),
    }
    for name, tip in (("frequency", say("repeat purchases in the calibration period",
                                        "校准期内的重复购买次数")),
                      ("recency", say("age at the last purchase: time from the first to the last purchase",
                                      "最后一次购买时的客龄：从首次购买到最后一次购买的时间")),
                      ("T", say("age at the end of the calibration period", "校准期结束时的客龄")),
                      ("t", say("length of the forecast period", "预测期的长度"))):
        controls[name].tooltip = tip

    def compute(frequency, recency, T, t):
        return bgnbd_customer(model, frequency, recency, T, t)

    def show(result):
        import matplotlib.pyplot as plt
        import numpy as np
        from IPython.display import display

        print(say(f"P(alive) = {result.p_alive:.3f}", f"存活概率 P(alive) = {result.p_alive:.3f}"))
        print(say(f"expected purchases in the next {result.t:g} periods = {result.expected_purchases:.3f}",
                  f"未来 {result.t:g} 期的期望购买次数 = {result.expected_purchases:.3f}"))
        if result.frequency == 0:
            return
        grid = np.linspace(0.0, result.T, 60)
        grid[0] = min(0.01, result.T)
        probs = [model.p_alive(frequency=result.frequency, recency=float(r), T=result.T)
                 for r in grid]
        ax = _new_axes((6, 3.2))
        ax.plot(grid, np.asarray(probs, dtype=float), color="#3182bd")
        ax.scatter([result.recency], [result.p_alive], color="#de2d26", zorder=3)
        ax.set_xlabel(say("recency t_x (age at the last purchase)",
                          "最近购买时点 t_x（最后一次购买时的客龄）"))
        ax.set_ylabel(say("P(alive)", "存活概率 P(alive)"))
        ax.set_ylim(0, 1.02)
        ax.set_title(say(f"P(alive) for x = {result.frequency}, T = {result.T:g}: "
                         "a recent last purchase means alive",
                         f"x = {result.frequency}、T = {result.T:g} 时的存活概率："
                         "最后一次购买越近，越可能仍然活跃"))
        ax.grid(alpha=0.3)
        display(ax.figure)
        plt.close(ax.figure)

    return Explorer(controls, compute, show,
                    title=say("BG/NBD: one customer's history", "BG/NBD 模型：一位客户的购买历史"))

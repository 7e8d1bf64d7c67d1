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
from ._base import Explorer, labelled, start_value

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
    retention = start_value("retention", retention, 0.05, 0.99, "retention rate",
                            "give a fraction such as 0.85, not 85")
    discount_rate = start_value("discount_rate", discount_rate, 0.0, 0.30, "discount rate",
                                "give a fraction such as 0.10, not 10")
    years = start_value("years", years, 1, 40, "horizon (years)")
    timing = check_option(timing, "timing", list(TIMINGS))
    controls = {
        "margin": w.FloatText(value=margin, description="margin per year", **labelled()),
        "retention": w.FloatSlider(value=retention, min=0.05, max=0.99, step=0.01,
                                   readout_format=".0%", description="retention rate", **labelled(), continuous_update=False),
        "discount_rate": w.FloatSlider(value=discount_rate, min=0.0, max=0.30, step=0.01,
                                       readout_format=".0%", description="discount rate", **labelled(), continuous_update=False),
        "years": w.IntSlider(value=years, min=1, max=40, description="horizon (years)", **labelled(), continuous_update=False),
        "timing": w.Dropdown(options=list(TIMINGS), value=timing, description="margin timing",
                             **labelled()),
    }

    def show(result):
        import matplotlib.pyplot as plt
        from IPython.display import display

        from ..plots.retention import plot_survival_curve

        print(f"expected lifetime 1 / (1 - r) = {result.expected_lifetime:.2f} years")
        print(f"CLV, infinite horizon ({result.timing}): {result.clv:,.2f}")
        print(f"CLV over {result.years} years ({result.timing}): {result.clv_horizon:,.2f}")
        fig, ax = plt.subplots(figsize=(6, 3.2))
        plot_survival_curve(result.survival, ax=ax)
        ax.set_title(f"Survival at {result.retention:.0%} retention")
        display(fig)
        plt.close(fig)

    return Explorer(controls, retention_scenario, show,
                    title="Retention and CLV: move the sliders")


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

    frequency = start_value("frequency", frequency, 0, max_frequency, "frequency x",
                            f"raise max_frequency (now {max_frequency}) to start higher")
    recency = start_value("recency", recency, 0.0, max_T, "recency t_x",
                          f"raise max_T (now {max_T:g}) to start later")
    T = start_value("T", T, 0.5, max_T, "T (age now)", f"raise max_T (now {max_T:g})")
    t = start_value("t", t, 1.0, 104.0, "future period t")
    w = _w()
    controls = {
        "frequency": w.IntSlider(value=frequency, min=0, max=max_frequency,
                                 description="frequency x", **labelled(),
                                 continuous_update=False),
        "recency": w.FloatSlider(value=recency, min=0.0, max=max_T, step=0.01,
                                 description="recency t_x", **labelled(),
                                 continuous_update=False),
        "T": w.FloatSlider(value=T, min=0.5, max=max_T, step=0.01,
                           description="T (age now)", **labelled(),
                           continuous_update=False),
        "t": w.FloatSlider(value=t, min=1.0, max=104.0, step=1.0,
                           description="future period t", **labelled(),
                           continuous_update=False),
    }
    for name, tip in (("frequency", "repeat purchases in the calibration period"),
                      ("recency", "age at the last purchase: time from the first to the last purchase"),
                      ("T", "age at the end of the calibration period"),
                      ("t", "length of the forecast period")):
        controls[name].tooltip = tip

    def compute(frequency, recency, T, t):
        return bgnbd_customer(model, frequency, recency, T, t)

    def show(result):
        import matplotlib.pyplot as plt
        import numpy as np
        from IPython.display import display

        print(f"P(alive) = {result.p_alive:.3f}")
        print(f"expected purchases in the next {result.t:g} periods = {result.expected_purchases:.3f}")
        if result.frequency == 0:
            return
        grid = np.linspace(0.0, result.T, 60)
        grid[0] = min(0.01, result.T)
        probs = [model.p_alive(frequency=result.frequency, recency=float(r), T=result.T)
                 for r in grid]
        fig, ax = plt.subplots(figsize=(6, 3.2))
        ax.plot(grid, np.asarray(probs, dtype=float), color="#3182bd")
        ax.scatter([result.recency], [result.p_alive], color="#de2d26", zorder=3)
        ax.set_xlabel("recency t_x (age at the last purchase)")
        ax.set_ylabel("P(alive)")
        ax.set_ylim(0, 1.02)
        ax.set_title(f"P(alive) for x = {result.frequency}, T = {result.T:g}: "
                     "a recent last purchase means alive")
        ax.grid(alpha=0.3)
        display(fig)
        plt.close(fig)

    return Explorer(controls, compute, show, title="BG/NBD: one customer's history")

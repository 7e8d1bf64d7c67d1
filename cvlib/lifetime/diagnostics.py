"""Diagnostics of the purchase models: fit tables and grids of Fader, Hardie & Lee (2005a).

- :func:`calibration_holdout_table`: holdout purchases by calibration frequency, actual vs model;
- :func:`frequency_histogram_table`: customers by repeat purchases, actual vs model;
- :func:`frequency_recency_grid`: P(alive) or expected purchases over frequency x recency;
- :func:`purchase_tracking`: repeat purchases of the whole base per period, actual vs model.

The figures drawing them are in :mod:`cvlib.plots.lifetime`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._validate import parse_date, parse_dates, renamed_args, require_columns, require_frame
from ._base import _numeric_columns
from .summary import _unit_days

__all__ = [
    "calibration_holdout_table",
    "frequency_histogram_table",
    "frequency_recency_grid",
    "purchase_tracking",
]


def calibration_holdout_table(model, summary: pd.DataFrame, frequency: str = "frequency",
                              recency: str = "recency", T: str = "T",
                              frequency_holdout: str = "frequency_holdout",
                              duration_holdout: str = "duration_holdout",
                              max_frequency: int = 7) -> pd.DataFrame:
    """Mean holdout purchases, actual and predicted, by calibration frequency.

    Customers are grouped by their calibration-period frequency (the last
    group pools ``max_frequency`` and more); for each group the table gives
    the number of customers, the mean actual purchases in the holdout period
    and the mean conditional expectation of the model (Fader, Hardie & Lee
    2005a, figure 4).

    Returns
    -------
    DataFrame indexed by ``frequency`` (labels ``"0"``, ..., ``"7+"``) with
    ``customers``, ``actual``, ``model``.
    """
    cols = _numeric_columns(summary, {"frequency": frequency, "recency": recency, "T": T,
                                      "frequency_holdout": frequency_holdout,
                                      "duration_holdout": duration_holdout})
    pred = np.asarray(model.expected_purchases(cols["duration_holdout"], cols["frequency"],
                                               cols["recency"], cols["T"]), dtype=float)
    group = np.minimum(cols["frequency"], max_frequency).astype(int)
    frame = pd.DataFrame({"group": group, "actual": cols["frequency_holdout"], "model": pred})
    out = frame.groupby("group").agg(customers=("actual", "size"), actual=("actual", "mean"),
                                     model=("model", "mean"))
    out.index = [f"{g}+" if g == max_frequency else str(g) for g in out.index]
    out.index.name = "frequency"
    return out


def frequency_histogram_table(model, summary: pd.DataFrame, frequency: str = "frequency",
                              T: str = "T", max_frequency: int = 7) -> pd.DataFrame:
    r"""Number of customers by repeat purchases in the calibration period: actual vs the model.

    The model's count for x purchases is :math:`\sum_i P(X(T_i) = x)`, summed
    over customers with their own observation length :math:`T_i`; the last
    group pools ``max_frequency`` and more (Fader, Hardie & Lee 2005a,
    figure 1).  Needs a model with ``purchase_probability`` (BetaGeo).

    Returns
    -------
    DataFrame indexed by ``frequency`` (``"0"``, ..., ``"7+"``) with ``actual``
    and ``model`` customer counts.
    """
    if not hasattr(model, "purchase_probability"):
        raise TypeError(f"{type(model).__name__} has no purchase_probability; use a BetaGeo model")
    cols = _numeric_columns(summary, {"frequency": frequency, "T": T})
    k = int(max_frequency)
    t_vals, t_counts = np.unique(cols["T"], return_counts=True)
    n = np.arange(k)
    expected = np.zeros(k + 1)
    for tv, cnt in zip(t_vals, t_counts, strict=True):
        p = np.asarray(model.purchase_probability(n, tv), dtype=float)
        expected[:k] += cnt * p
        expected[k] += cnt * max(1.0 - p.sum(), 0.0)
    actual = np.bincount(np.minimum(cols["frequency"], k).astype(int), minlength=k + 1)
    index = pd.Index([str(i) for i in range(k)] + [f"{k}+"], name="frequency")
    return pd.DataFrame({"actual": actual, "model": expected}, index=index)


def frequency_recency_grid(model, quantity: str = "p_alive", T: float | None = None,
                           t: float = 1.0, max_frequency: int | None = None,
                           n_recency: int = 40) -> pd.DataFrame:
    """P(alive) or expected purchases over a grid of frequency x recency, for a customer observed for T.

    Parameters
    ----------
    model : BetaGeo or ParetoNBD
    quantity : {"p_alive", "expected_purchases"}
    T : float, optional
        Time since the first purchase; default the largest T in the data the
        model was fitted on (``model.data``); required for a model built with
        ``from_params``.
    t : float
        Forecast horizon for ``"expected_purchases"``.
    max_frequency : int, optional
        Largest frequency shown (default the fitted data's maximum, capped at
        30; 20 for a model without data).
    n_recency : int
        Number of recency points from 0 to T.

    Returns
    -------
    DataFrame with frequency as the index (0..max) and recency as columns;
    cells with frequency 0 and recency > 0 (impossible) are NaN.
    """
    if quantity not in ("p_alive", "expected_purchases"):
        raise ValueError(f"quantity must be 'p_alive' or 'expected_purchases', got {quantity!r}")
    data = getattr(model, "data", None)
    if data is not None and not {"frequency", "T"} <= set(data.columns):
        data = None
    if T is None:
        if data is None:
            raise ValueError(
                f"give T (the customer's age at the end of the period): this "
                f"{type(model).__name__} was not fitted on data (built with from_params)"
            )
        T = float(data["T"].max())
    if max_frequency is None:
        max_frequency = int(min(data["frequency"].max(), 30)) if data is not None else 20
    freq = np.arange(int(max_frequency) + 1)
    rec = np.linspace(0, T, int(n_recency))
    xx, rr = np.meshgrid(freq, rec, indexing="ij")
    rr = np.where(xx == 0, 0.0, rr)
    rr = np.where((xx > 0) & (rr == 0), 1e-9, rr)
    if quantity == "p_alive":
        val = model.p_alive(xx, rr, T)
    else:
        val = model.expected_purchases(t, xx, rr, T)
    val = np.where((xx == 0) & (np.arange(rec.size)[None, :] > 0), np.nan, val)   # impossible cells
    out = pd.DataFrame(np.asarray(val), index=pd.Index(freq, name="frequency"),
                       columns=pd.Index(np.round(rec, 2), name="recency"))
    out.attrs.update(quantity=quantity, T=T, t=t)
    return out


@renamed_args(log="transactions")
def purchase_tracking(model, transactions: pd.DataFrame, customer: str = "customer_id",
                      date: str = "date", time_unit: str | float = "W",
                      calibration_end=None, observation_end=None) -> pd.DataFrame:
    """Repeat purchases per period, actual vs the model, for the whole customer base.

    The model's expectation at time t (periods since the log's first day)
    sums :math:`E[X(t - t_{0i})]` over customers first buying at
    :math:`t_{0i}` (unconditional expected repeat purchases, Fader, Hardie &
    Lee 2005a, figure 2).  Actual repeat purchases count purchase days after
    each customer's first.

    Parameters
    ----------
    model : BetaGeo or ParetoNBD
        A fitted purchase model in the time unit ``time_unit``.
    transactions : DataFrame
        The transaction log, one row per purchase (``log=`` is a deprecated
        alias).
    customer, date : str
        Column names.
    time_unit : {"W", "D", "M", "Y"} or float
        Length of a period.
    calibration_end, observation_end : date, optional
        End of the calibration period (marked in the plot) and of the log.

    Returns
    -------
    DataFrame indexed by ``period`` (1, 2, ...), with ``start`` (first day of
    the period), ``actual``, ``model`` (repeat purchases in the period) and
    ``cumulative_actual``, ``cumulative_model``; ``attrs["calibration_period"]``
    is the last period of the calibration (if given).
    """
    require_frame(transactions, "transactions")
    require_columns(transactions, [customer, date], "the transaction log")
    unit = _unit_days(time_unit)
    days = parse_dates(transactions[date], date).to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    frame = pd.DataFrame({"c": transactions[customer].to_numpy(), "d": days}).drop_duplicates()
    if observation_end is not None:
        frame = frame[frame["d"] <= np.datetime64(parse_date(observation_end, "observation_end").date())]
    start = frame["d"].min()
    end = frame["d"].max() if observation_end is None else np.datetime64(
        parse_date(observation_end, "observation_end").date())
    first = frame.groupby("c")["d"].transform("min")
    day_no = (frame["d"] - start).dt.days.to_numpy()
    birth = ((first - start).dt.days.to_numpy())
    repeat = day_no > birth
    n_periods = int(np.floor(((end - start) / np.timedelta64(1, "D") + 1) / unit))
    n_periods = max(n_periods, 1)
    period = np.floor(day_no[repeat] / unit).astype(int)
    actual = np.bincount(period[period < n_periods], minlength=n_periods).astype(float)
    births = frame.groupby("c")["d"].min()
    b = (births - start).dt.days.to_numpy() / unit
    edges = np.arange(1, n_periods + 1, dtype=float)
    cum = np.zeros(n_periods)
    ub, counts = np.unique(b, return_counts=True)
    for bb, cnt in zip(ub, counts, strict=True):
        live = edges > bb
        if live.any():
            cum[live] += cnt * np.asarray(model.unconditional_expected_purchases(edges[live] - bb))
    out = pd.DataFrame({
        "start": pd.to_datetime(start) + pd.to_timedelta(np.arange(n_periods) * unit, unit="D"),
        "actual": actual, "model": np.diff(np.r_[0.0, cum]),
    }, index=pd.Index(np.arange(1, n_periods + 1), name="period"))
    out["cumulative_actual"] = out["actual"].cumsum()
    out["cumulative_model"] = cum
    if calibration_end is not None:
        cal = np.datetime64(parse_date(calibration_end, "calibration_end").date())
        out.attrs["calibration_period"] = float(((cal - start) / np.timedelta64(1, "D") + 1) / unit)
    out.attrs["time_unit"] = time_unit
    return out

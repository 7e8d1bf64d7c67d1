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

from .._results import Result
from .._validate import parse_date, parse_dates, renamed_args, require_columns, require_frame
from ._base import _numeric_columns
from .summary import _unit_days

__all__ = [
    "calibration_holdout_table",
    "frequency_histogram_table",
    "frequency_recency_grid",
    "purchase_tracking",
    "holdout_errors",
    "discretize",
    "ModelComparison",
    "compare_models",
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


# ----------------------------------------------------------------- holdout validation


def holdout_errors(predicted, actual) -> pd.Series:
    r"""Per-customer and aggregate errors of holdout predictions.

    With :math:`e_i = \hat y_i - y_i` (predicted minus actual purchases of
    customer i in the holdout period):

    .. math:: \text{MAE} = \frac{1}{n}\sum_i |e_i|, \quad
              \text{RMSE} = \sqrt{\frac{1}{n}\sum_i e_i^2}, \quad
              \text{bias} = \frac{1}{n}\sum_i e_i, \quad
              \text{total error} = \frac{\sum_i \hat y_i - \sum_i y_i}{\sum_i y_i}

    (the last, the aggregate tracking error, a fraction: +0.05 means the model
    over-forecasts the base's holdout purchases by 5%).

    Parameters
    ----------
    predicted, actual : array-like
        Predicted and actual holdout purchases, one per customer.

    Returns
    -------
    Series
        ``mae``, ``rmse``, ``bias``, ``total_actual``, ``total_model``, ``total_error``.

    Examples
    --------
    >>> holdout_errors([1.0, 2.0, 0.5], [0, 3, 1]).round(3).tolist()
    [0.833, 0.866, -0.167, 4.0, 3.5, -0.125]
    """
    from ._base import _as_array

    p = _as_array(predicted, "predicted").ravel()
    a = _as_array(actual, "actual").ravel()
    if p.size != a.size:
        raise ValueError(f"predicted has {p.size} values, actual {a.size}: give one of each per customer")
    if p.size == 0:
        raise ValueError("no customers: predicted and actual are empty")
    e = p - a
    total_a, total_p = float(a.sum()), float(p.sum())
    return pd.Series({"mae": float(np.abs(e).mean()), "rmse": float(np.sqrt((e ** 2).mean())),
                      "bias": float(e.mean()), "total_actual": total_a, "total_model": total_p,
                      "total_error": (total_p - total_a) / total_a if total_a > 0 else np.nan})


def discretize(transactions: pd.DataFrame, calibration_end, observation_end=None,
               customer: str = "customer_id", date: str = "date",
               opportunity_days: int = 7) -> pd.DataFrame:
    """Discrete-time summary for the BG/BB: transaction opportunities of ``opportunity_days`` days.

    Opportunity k of a customer is the k-th block of ``opportunity_days`` days
    after the block of her first purchase; an opportunity is a transaction
    when she bought on at least one of its days.  ``frequency`` counts such
    opportunities up to the calibration end, ``recency`` is the last of them
    (0 if none), ``periods`` the whole opportunities in the calibration period;
    ``frequency_holdout`` counts them in the holdout period and
    ``duration_holdout`` is its length in opportunities.

    Returns
    -------
    DataFrame indexed by customer: ``frequency``, ``recency``, ``periods``,
    ``frequency_holdout``, ``duration_holdout``; customers without a whole
    opportunity before the calibration end are left out.

    Examples
    --------
    A customer first buying on 1 January: opportunity 1 is 8-14 January,
    opportunity 2 is 15-21 January; she bought in opportunity 1 (on the 9th):

    >>> import pandas as pd
    >>> log = pd.DataFrame({"customer_id": [1, 1], "date": ["2024-01-01", "2024-01-09"]})
    >>> discretize(log, "2024-01-21").loc[1, ["frequency", "recency", "periods"]].tolist()
    [1.0, 1.0, 2.0]
    """
    require_frame(transactions, "transactions")
    require_columns(transactions, [customer, date], "the transaction log")
    if isinstance(opportunity_days, bool) or int(opportunity_days) != opportunity_days or opportunity_days < 1:
        raise ValueError(f"opportunity_days must be a whole number of days >= 1, got {opportunity_days!r}")
    k = int(opportunity_days)
    days = parse_dates(transactions[date], date).to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    frame = pd.DataFrame({"c": transactions[customer].to_numpy(), "d": days}).drop_duplicates()
    cal = np.datetime64(parse_date(calibration_end, "calibration_end").date())
    end = (np.datetime64(frame["d"].max(), "D") if observation_end is None else np.datetime64(
        parse_date(observation_end, "observation_end").date()))
    frame = frame[frame["d"] <= end]
    first = frame.groupby("c")["d"].min()
    first = first[first <= cal]
    frame = frame[frame["c"].isin(first.index)]
    d0 = frame["c"].map(first)
    opp = ((frame["d"] - d0).dt.days // k).to_numpy()
    # whole opportunities after the one of the first purchase (block 0)
    periods = ((cal - first.to_numpy()).astype("timedelta64[D]").astype(int) + 1) // k - 1
    total = ((end - first.to_numpy()).astype("timedelta64[D]").astype(int) + 1) // k - 1
    per = pd.Series(periods, index=first.index)
    n_i = frame["c"].map(per).to_numpy()
    g = pd.DataFrame({"c": frame["c"].to_numpy(), "o": opp, "n": n_i})
    g = g[g["o"] > 0].drop_duplicates(["c", "o"])
    cal_part = g[g["o"] <= g["n"]]
    hold_part = g[(g["o"] > g["n"]) & (g["o"] <= g["c"].map(pd.Series(total, index=first.index)))]
    out = pd.DataFrame(index=first.index)
    out.index.name = customer
    out["frequency"] = cal_part.groupby("c")["o"].size().reindex(out.index, fill_value=0).astype(float)
    out["recency"] = cal_part.groupby("c")["o"].max().reindex(out.index, fill_value=0).astype(float)
    out["periods"] = per.astype(float)
    out["frequency_holdout"] = hold_part.groupby("c")["o"].size().reindex(out.index, fill_value=0).astype(float)
    out["duration_holdout"] = (total - periods).astype(float)
    return out[out["periods"] >= 1]


class ModelComparison(Result):
    """Models side by side on one calibration/holdout split (see :func:`compare_models`)."""

    def __init__(self, table: pd.DataFrame, predictions: pd.DataFrame, models: dict):
        self.table = table
        #: Holdout predictions per customer (one column per model, plus ``actual``).
        self.predictions = predictions
        #: The fitted models by name.
        self.models = models

    def _title(self) -> list[str]:
        return ["Model comparison: calibration fit and holdout errors",
                "llf/AIC/BIC compare models fitted to the same data (BG/BB: discrete data; "
                "naive: no likelihood)"]

    def summary(self) -> pd.DataFrame:
        return self.table.copy()


def compare_models(transactions: pd.DataFrame, calibration_end, observation_end=None, *,
                   customer: str = "customer_id", date: str = "date", time_unit: str | float = "W",
                   opportunity_days: int = 7,
                   models=("BG/NBD", "Pareto/NBD", "BG/BB", "naive")) -> ModelComparison:
    r"""Fit the purchase models on a calibration period and compare them in the holdout period.

    - BG/NBD and Pareto/NBD on the continuous-time summary of
      :func:`~cvlib.lifetime.summarize` (repeat purchase days);
    - BG/BB on the discretised log (:func:`discretize`: an opportunity of
      ``opportunity_days`` days is a transaction when the customer bought on
      any of its days); its holdout target is the number of such opportunities;
    - naive: future purchases = past rate, :math:`\hat y_i = x_i / T_i \cdot t_i`
      (no likelihood).

    For each: number of parameters, log-likelihood, AIC = -2 llf + 2k, BIC =
    -2 llf + k ln n, and the holdout errors of :func:`holdout_errors` (MAE,
    RMSE, bias per customer; the aggregate tracking error of the total).
    Log-likelihoods and AIC/BIC are comparable only between models fitted to
    the same data (BG/NBD and Pareto/NBD); the holdout errors compare all.

    Parameters
    ----------
    transactions : DataFrame
        The transaction log, one row per transaction.
    calibration_end, observation_end : date
        End of the calibration period and of the log (holdout = the time in between).
    customer, date : str
        Column names.
    time_unit : {"W", "D", "M", "Y"} or float
        Time unit of the continuous-time summary.
    opportunity_days : int
        Length of a BG/BB transaction opportunity, in days.
    models : sequence of str
        Which of "BG/NBD", "Pareto/NBD", "BG/BB", "naive".

    Returns
    -------
    ModelComparison
        ``summary()`` (one row per model: ``parameters``, ``llf``, ``aic``,
        ``bic``, ``mae``, ``rmse``, ``bias``, ``total_actual``, ``total_model``,
        ``total_error``), ``predictions`` and ``models``.

    Examples
    --------
    Customer 1 bought once after her first day in 45 days and the holdout
    lasts 45 days, so the naive forecast is 1 (she bought 0 times); customer
    2: 45/41 = 1.098 (bought once); customer 3: 0 (bought once); customer 4: 0 (0):

    >>> import pandas as pd
    >>> log = pd.DataFrame({"customer_id": [1, 1, 2, 2, 2, 3, 3, 4],
    ...                     "date": ["2024-01-01", "2024-02-10", "2024-01-05", "2024-01-20",
    ...                              "2024-03-20", "2024-01-10", "2024-03-01", "2024-01-15"]})
    >>> cmp = compare_models(log, "2024-02-15", "2024-03-31", models=("naive",))
    >>> cmp.summary().loc["naive", ["mae", "bias"]].round(3).tolist()
    [0.524, 0.024]

    References
    ----------
    Fader, Hardie & Lee (2005a) (BG/NBD vs Pareto/NBD on CDNOW); Fader, Hardie
    & Shang (2010) (BG/BB); Bachmann, Meierer & Näf (2021), CLVTools.
    """
    from .bgbb import BetaGeoBeta
    from .bgnbd import BetaGeo
    from .paretonbd import ParetoNBD
    from .summary import summarize

    known = ("BG/NBD", "Pareto/NBD", "BG/BB", "naive")
    models = [models] if isinstance(models, str) else list(models)
    bad = [m for m in models if m not in known]
    if bad or not models:
        raise ValueError(f"models must be chosen from {list(known)}, got {bad or models}")
    if observation_end is None:
        raise ValueError("give observation_end (the end of the holdout period)")
    s = summarize(transactions, customer=customer, date=date, amount=None,
                  calibration_end=calibration_end, observation_end=observation_end,
                  time_unit=time_unit)
    actual = s["frequency_holdout"].to_numpy(dtype=float)
    rows, preds, fitted = {}, {"actual": actual}, {}
    for name in models:
        if name in ("BG/NBD", "Pareto/NBD"):
            m = (BetaGeo() if name == "BG/NBD" else ParetoNBD()).fit(s)
            pred = np.asarray(m.expected_purchases(s["duration_holdout"], s["frequency"],
                                                   s["recency"], s["T"]), dtype=float)
            info = {"data": "continuous", "parameters": len(m.params), "llf": m.llf,
                    "aic": m.aic, "bic": m.bic}
            err = holdout_errors(pred, actual)
            fitted[name] = m
        elif name == "BG/BB":
            dsum = discretize(transactions, calibration_end, observation_end, customer=customer,
                              date=date, opportunity_days=opportunity_days)
            m = BetaGeoBeta().fit(dsum)
            pred_d = np.asarray(m.expected_purchases(dsum["duration_holdout"], dsum["frequency"],
                                                     dsum["recency"], dsum["periods"]), dtype=float)
            info = {"data": f"{opportunity_days}-day opportunities", "parameters": len(m.params),
                    "llf": m.llf, "aic": m.aic, "bic": m.bic}
            err = holdout_errors(pred_d, dsum["frequency_holdout"])
            pred = pd.Series(pred_d, index=dsum.index).reindex(s.index).to_numpy()
            fitted[name] = m
        else:
            pred = s["frequency"].to_numpy() / s["T"].to_numpy() * s["duration_holdout"].to_numpy()
            info = {"data": "continuous", "parameters": 0, "llf": np.nan, "aic": np.nan,
                    "bic": np.nan}
            err = holdout_errors(pred, actual)
        rows[name] = {**info, **err.to_dict()}
        preds[name] = pred
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "model"
    return ModelComparison(table, pd.DataFrame(preds, index=s.index), fitted)

"""Perceived customer value: what a customer gets from an offer, net of what it costs.

Notebook ``01_perceived_value``.  The module covers

* **customer delivered value** (Kotler): total customer value (product,
  service, personnel, image) minus total customer cost (monetary, time,
  energy, psychic), and the value/cost ratio -- :func:`delivered_value`,
  :func:`compare_offers`; Meehan's :math:`V_c = F_c - C_c` on perceived scores
  is the same computation (:func:`meehan_value`);
* **perceived-value pricing** with Kotler & Keller's Caterpillar tractor --
  :func:`value_based_price`, :func:`caterpillar_example`;
* **perceived value from survey data**: weighted multi-attribute benefit and
  sacrifice scores per respondent (:func:`perceived_value_scores`), means with
  confidence intervals per brand or segment (:func:`value_by_group`) and the
  brand a value-maximising customer picks (:func:`value_choice`);
* **consumption values**: Sheth, Newman & Gross's five values
  (:func:`consumption_values`) and a PERVAL-style scale scored from Likert
  items with each dimension's Cronbach's alpha (:func:`perval_scores`);
* **value hierarchy**: basic, expected, desired and unexpected value
  (:func:`value_hierarchy`) and Woodruff's attribute -> consequence -> goal
  ladder with attribute-, consequence- and goal-based satisfaction
  (:func:`means_end_ladder`).

All functions are pure: they never modify their input and never plot (see
:mod:`cvlib.plots.value` and :mod:`cvlib.widgets.value`).
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from ._validate import (
    require_columns,
    require_frame,
    require_in_range,
    require_no_missing,
    require_numeric,
    require_weights,
)

__all__ = [
    "KOTLER_VALUE_COMPONENTS",
    "KOTLER_COST_COMPONENTS",
    "VALUE_LEVELS",
    "PERVAL_DIMENSIONS",
    "PERVAL_REVERSED",
    "DeliveredValue",
    "OfferComparison",
    "ValuePrice",
    "ValueChoice",
    "PervalScores",
    "Ladder",
    "delivered_value",
    "meehan_value",
    "compare_offers",
    "value_based_price",
    "caterpillar_example",
    "perceived_value_scores",
    "value_by_group",
    "value_choice",
    "consumption_values",
    "perval_scores",
    "value_hierarchy",
    "car_value_hierarchy",
    "means_end_ladder",
    "car_ladder_example",
]

#: Kotler's four sources of total customer value (顾客整体价值).
KOTLER_VALUE_COMPONENTS: tuple[str, ...] = ("product", "service", "personnel", "image")
#: Kotler's four kinds of total customer cost (顾客整体成本).
KOTLER_COST_COMPONENTS: tuple[str, ...] = ("monetary", "time", "energy", "psychic")

_MISSING_POLICIES = ("raise", "zero", "drop")


def _html_table(title: str, frame: pd.DataFrame) -> str:
    return f"<p><b>{title}</b></p>" + frame.to_html()


# ---------------------------------------------------------------- delivered value


def _check_missing_policy(missing: str, allowed: Sequence[str]) -> None:
    if missing not in allowed:
        raise ValueError(f"missing must be one of {list(allowed)}, got {missing!r}")


def _component_dict(parts, what: str, required: Sequence[str] | None, missing: str) -> dict[str, float]:
    if not isinstance(parts, Mapping):
        raise TypeError(
            f"{what} must be a dict of component -> amount (e.g. {{'product': 50, 'service': 10}}), "
            f"got {type(parts).__name__}"
        )
    if len(parts) == 0:
        raise ValueError(f"{what} is empty; give at least one component and its amount")
    if required is not None:
        absent = [c for c in required if c not in parts]
        if absent:
            raise ValueError(
                f"{what} lacks the component(s) {absent}; expected {list(required)} "
                f"(give 0 for a component that does not apply), got {list(parts)}"
            )
        extra = [c for c in parts if c not in required]
        if extra:
            raise ValueError(f"{what} has unknown component(s) {extra}; expected only {list(required)}")
    out: dict[str, float] = {}
    for key, amount in parts.items():
        if amount is None or amount is pd.NA or (isinstance(amount, (float, np.floating))
                                                 and math.isnan(amount)):
            if missing == "zero":
                out[str(key)] = 0.0
                continue
            raise ValueError(
                f"{what} component {key!r} is missing (None/NaN); give its amount, or pass "
                f"missing='zero' to count a missing component as 0"
            )
        if isinstance(amount, bool) or not isinstance(amount, (int, float, np.integer, np.floating)):
            raise TypeError(f"{what} component {key!r} must be a number, got {amount!r}")
        value = float(amount)
        if not math.isfinite(value):
            raise ValueError(f"{what} component {key!r} must be finite, got {value}")
        if value < 0:
            raise ValueError(
                f"{what} component {key!r} must be non-negative (>= 0), got {value:g}; "
                f"amounts are sizes of a benefit or a sacrifice, the sign comes from the formula"
            )
        out[str(key)] = value
    return out


def _ratio(total_value, total_cost):
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(np.asarray(total_cost) > 0, np.asarray(total_value, dtype=float)
                        / np.where(np.asarray(total_cost) > 0, total_cost, 1.0), np.inf)


@dataclass(frozen=True)
class DeliveredValue:
    """Delivered value of one offer: its value and cost components and the totals.

    Attributes
    ----------
    values, costs : dict
        Component -> amount (same unit, e.g. CNY, or points of a rating scale).
    total_value, total_cost : float
        Sums of the components.
    delivered_value : float
        ``total_value - total_cost``.
    value_ratio : float
        ``total_value / total_cost`` (``inf`` when the total cost is 0).
    kind : str
        ``"Kotler delivered value"`` or ``"Meehan Vc = Fc - Cc"``.
    """

    values: dict[str, float]
    costs: dict[str, float]
    total_value: float
    total_cost: float
    delivered_value: float
    value_ratio: float
    kind: str = "Kotler delivered value"

    def summary(self) -> pd.DataFrame:
        """Tidy table: one row per component (``side`` value or cost) and the totals."""
        rows = [("value", k, v) for k, v in self.values.items()]
        rows += [("cost", k, v) for k, v in self.costs.items()]
        rows += [("total", "total_value", self.total_value), ("total", "total_cost", self.total_cost),
                 ("total", "delivered_value", self.delivered_value),
                 ("total", "value_ratio", self.value_ratio)]
        return pd.DataFrame(rows, columns=["side", "component", "amount"])

    def __repr__(self) -> str:
        return (f"DeliveredValue({self.kind}: total_value={self.total_value:g}, "
                f"total_cost={self.total_cost:g}, delivered_value={self.delivered_value:g}, "
                f"value_ratio={self.value_ratio:.4g})")

    def _repr_html_(self) -> str:
        return _html_table(self.kind, self.summary())


def _frame_components(frame: pd.DataFrame, columns, what: str) -> list[str]:
    cols = list(frame.columns) if columns is None else list(columns)
    if not cols:
        raise ValueError(f"{what}: no component columns given")
    require_columns(frame, cols, what)
    require_numeric(frame, cols, what)
    return cols


def delivered_value(values, costs=None, *, value_components: Sequence[str] | None = None,
                    cost_components: Sequence[str] | None = None, missing: str = "raise"):
    r"""Customer delivered value (顾客让渡价值): total customer value minus total customer cost.

    .. math::

        TCV = \sum_j v_j, \quad TCC = \sum_k c_k, \quad
        DV = TCV - TCC, \quad \text{ratio} = TCV / TCC

    with Kotler's value components :math:`v` (product, service, personnel,
    image) and cost components :math:`c` (monetary, time, energy, psychic),
    all measured in one unit (money, or points of a perceived-value scale).

    Parameters
    ----------
    values : dict or DataFrame
        One offer: a dict component -> amount.  Several offers (competitors,
        customers): a DataFrame with one row per offer and a column per
        component.  When ``costs`` is None, one DataFrame holding both value
        and cost columns, named by ``value_components`` and ``cost_components``.
    costs : dict or DataFrame, optional
        The cost components, same form as ``values`` (a DataFrame must have the
        same index as ``values``).
    value_components, cost_components : sequence of str, optional
        The components that must be present (e.g. :data:`KOTLER_VALUE_COMPONENTS`);
        a missing one is an error.  For DataFrames they name the columns used
        (default: every column of ``values`` / ``costs``).
    missing : {"raise", "zero", "drop"}
        What to do with a missing amount (None / NaN): raise an error
        (default), count it as 0, or (DataFrames only) drop the offer's row;
        dropped index labels are listed in ``result.attrs["dropped"]``.

    Returns
    -------
    DeliveredValue or DataFrame
        For dicts a :class:`DeliveredValue`; for DataFrames a new DataFrame with
        the input's index and columns ``total_value``, ``total_cost``,
        ``delivered_value``, ``value_ratio``.

    Raises
    ------
    ValueError
        A required component is absent, an amount is negative or missing
        (with ``missing="raise"``), or the two frames' indexes differ.

    Examples
    --------
    >>> dv = delivered_value({"product": 60, "service": 20, "personnel": 10, "image": 10},
    ...                      {"monetary": 50, "time": 10, "energy": 5, "psychic": 5})
    >>> dv.delivered_value, round(dv.value_ratio, 3)
    (30.0, 1.429)

    References
    ----------
    Kotler, P. & Keller, K. L. (2016), *Marketing Management*, 15th ed., ch. 5
    (customer-perceived value).  The course slides: 顾客让渡价值 = 顾客整体价值 - 顾客整体成本.
    """
    kind = "Kotler delivered value"
    return _delivered(values, costs, value_components, cost_components, missing, kind)


def _delivered(values, costs, value_components, cost_components, missing, kind):
    _check_missing_policy(missing, _MISSING_POLICIES)
    if isinstance(values, Mapping) or isinstance(costs, Mapping):
        if missing == "drop":
            raise ValueError("missing='drop' applies to DataFrames (drops an offer's row); "
                             "for one offer use missing='raise' or missing='zero'")
        if costs is None:
            raise TypeError("costs is missing: give a dict of cost component -> amount")
        v = _component_dict(values, "values", value_components, missing)
        c = _component_dict(costs, "costs", cost_components, missing)
        tv, tc = sum(v.values()), sum(c.values())
        ratio = tv / tc if tc > 0 else math.inf
        return DeliveredValue(v, c, tv, tc, tv - tc, ratio, kind)
    require_frame(values, "values")
    if costs is None:
        if value_components is None or cost_components is None:
            raise ValueError(
                "with a single DataFrame, name its columns: value_components=[...] and "
                "cost_components=[...] (e.g. cvlib.value.KOTLER_VALUE_COMPONENTS)"
            )
        vframe, cframe = values, values
    else:
        require_frame(costs, "costs")
        if not values.index.equals(costs.index):
            raise ValueError(
                f"values and costs must have the same index (one row per offer in the same "
                f"order); got {len(values)} and {len(costs)} rows with different labels"
            )
        vframe, cframe = values, costs
    vcols = _frame_components(vframe, value_components, "values")
    ccols = _frame_components(cframe, cost_components, "costs")
    v = vframe[vcols].astype(float)
    c = cframe[ccols].astype(float)
    dropped: list = []
    if missing == "raise":
        require_no_missing(v, vcols, "values")
        require_no_missing(c, ccols, "costs")
    elif missing == "zero":
        v, c = v.fillna(0.0), c.fillna(0.0)
    else:
        bad = v.isna().any(axis=1) | c.isna().any(axis=1)
        dropped = list(v.index[bad])
        v, c = v[~bad], c[~bad]
    for name, block in (("values", v), ("costs", c)):
        neg = block.lt(0)
        if neg.to_numpy().any():
            col = block.columns[neg.any().to_numpy()][0]
            raise ValueError(
                f"{name} column {col!r} must be non-negative (>= 0), got "
                f"{block.loc[neg[col], col].tolist()[:5]} in {int(neg[col].sum())} row(s)"
            )
    tv = v.sum(axis=1)
    tc = c.sum(axis=1)
    out = pd.DataFrame({"total_value": tv, "total_cost": tc, "delivered_value": tv - tc,
                        "value_ratio": _ratio(tv.to_numpy(), tc.to_numpy())}, index=v.index)
    out.attrs["kind"] = kind
    out.attrs["dropped"] = dropped
    return out


def meehan_value(benefits, costs=None, *, benefit_components: Sequence[str] | None = None,
                 cost_components: Sequence[str] | None = None, missing: str = "raise"):
    r"""Meehan's customer value :math:`V_c = F_c - C_c` (perceived benefits minus perceived costs).

    The same computation as :func:`delivered_value`, on perceived scores:
    ``total_value`` is :math:`F_c`, ``total_cost`` is :math:`C_c` and
    ``delivered_value`` is :math:`V_c`.

    Parameters
    ----------
    benefits, costs : dict or DataFrame
        Perceived benefit and cost scores (e.g. points on a 1-7 scale).
    benefit_components, cost_components, missing
        As ``value_components``, ``cost_components`` and ``missing`` of
        :func:`delivered_value`.

    Examples
    --------
    >>> meehan_value({"quality": 6, "service": 5}, {"price": 4, "hassle": 2}).delivered_value
    5.0

    References
    ----------
    Meehan, S. (1995), the customer-value equation Vc = Fc - Cc, as presented in
    the course slides (感知利得 - 感知利失).
    """
    return _delivered(benefits, costs, benefit_components, cost_components, missing,
                      "Meehan Vc = Fc - Cc")


@dataclass(frozen=True)
class OfferComparison:
    """Delivered value of several offers and the one a value-maximising customer picks.

    ``table`` has one row per offer (total_value, total_cost, delivered_value,
    value_ratio, chosen); ``choice`` is the name of the chosen offer (several
    names joined by ``" = "`` on an exact tie); ``criterion`` the column
    maximised.
    """

    table: pd.DataFrame
    choice: str
    criterion: str

    def summary(self) -> pd.DataFrame:
        return self.table.copy()

    def __repr__(self) -> str:
        return (f"OfferComparison(choice={self.choice!r} by {self.criterion}):\n"
                f"{self.table.to_string()}")

    def _repr_html_(self) -> str:
        return _html_table(f"chosen by {self.criterion}: {self.choice}", self.table)


def compare_offers(offers: Mapping[str, tuple[Mapping, Mapping]], *, criterion: str = "delivered_value",
                   value_components: Sequence[str] | None = None,
                   cost_components: Sequence[str] | None = None) -> OfferComparison:
    """Compare offers by delivered value (or value ratio); the customer picks the largest.

    Parameters
    ----------
    offers : dict
        offer name -> ``(values, costs)``, two dicts as in :func:`delivered_value`.
    criterion : {"delivered_value", "value_ratio"}
        Kotler's customer buys from the offer with the highest delivered value;
        ``"value_ratio"`` ranks by value per unit of cost instead.

    Examples
    --------
    >>> cmp = compare_offers({"A": ({"product": 10}, {"monetary": 6}),
    ...                       "B": ({"product": 8}, {"monetary": 3})})
    >>> cmp.choice
    'B'
    """
    if criterion not in ("delivered_value", "value_ratio"):
        raise ValueError(f"criterion must be 'delivered_value' or 'value_ratio', got {criterion!r}")
    if not isinstance(offers, Mapping) or len(offers) < 2:
        raise ValueError("offers must be a dict name -> (values, costs) with at least two offers")
    rows = {}
    for name, pair in offers.items():
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            raise TypeError(f"offer {name!r} must be a pair (values, costs) of dicts, got {pair!r}")
        dv = delivered_value(pair[0], pair[1], value_components=value_components,
                             cost_components=cost_components)
        rows[name] = [dv.total_value, dv.total_cost, dv.delivered_value, dv.value_ratio]
    table = pd.DataFrame.from_dict(
        rows, orient="index", columns=["total_value", "total_cost", "delivered_value", "value_ratio"])
    table.index.name = "offer"
    best = table[criterion].max()
    table["chosen"] = np.isclose(table[criterion], best, rtol=1e-12, atol=1e-12) | (table[criterion] == best)
    choice = " = ".join(map(str, table.index[table["chosen"]]))
    return OfferComparison(table, choice, criterion)


# ---------------------------------------------------------------- perceived-value pricing


@dataclass(frozen=True)
class ValuePrice:
    """A perceived-value price build-up (Kotler & Keller's Caterpillar tractor).

    Attributes
    ----------
    base : float
        Price of an offer only equivalent to the competitor's.
    premiums : dict
        Attribute -> value premium for each superiority (negative for an inferiority).
    discount : float
        Discount granted off the value-based price.
    value : float
        Value-based price ``base + sum(premiums)``.
    price : float
        Price charged ``value - discount``.
    premium_paid : float
        What the customer pays over the competitor-equivalent price, ``price - base``.
    extra_value : float
        Value the customer gets over the competitor-equivalent offer, ``value - base``.
    customer_gain : float
        Value received net of price, ``value - price`` (= ``discount``).
    """

    base: float
    premiums: dict[str, float]
    discount: float
    value: float
    price: float
    premium_paid: float
    extra_value: float
    customer_gain: float

    def summary(self) -> pd.DataFrame:
        """The build-up as a table (``step``, ``amount``, ``running``), ready for a waterfall."""
        steps = [("competitor-equivalent price", self.base, "base")]
        steps += [(f"+ {k}", v, "premium") for k, v in self.premiums.items()]
        steps += [("value-based price", self.value, "total")]
        if self.discount:
            steps += [("- discount", -self.discount, "discount"), ("price charged", self.price, "total")]
        frame = pd.DataFrame(steps, columns=["step", "amount", "kind"])
        running, acc = [], 0.0
        for amount, kind in zip(frame["amount"], frame["kind"], strict=True):
            acc = amount if kind in ("base", "total") else acc + amount
            running.append(acc)
        frame["running"] = running
        return frame

    def __repr__(self) -> str:
        return (f"ValuePrice(value={self.value:,.0f}, price={self.price:,.0f}, "
                f"premium_paid={self.premium_paid:,.0f}, extra_value={self.extra_value:,.0f}, "
                f"customer_gain={self.customer_gain:,.0f})")

    def _repr_html_(self) -> str:
        return _html_table(repr(self), self.summary())


def value_based_price(base: float, premiums: Mapping[str, float], discount: float = 0.0) -> ValuePrice:
    r"""Perceived-value pricing (感知价值定价): build a price from the value the customer perceives.

    .. math::

        V = P_0 + \sum_j \Delta_j, \qquad P = V - D

    where :math:`P_0` is the price of an offer only equivalent to the
    competitor's, :math:`\Delta_j` the value of each superiority and
    :math:`D` a discount.  The customer pays a premium :math:`P - P_0` for
    :math:`V - P_0` of extra value.

    Parameters
    ----------
    base : float
        Competitor-equivalent price (currency, > 0).
    premiums : dict
        Attribute -> value premium (currency); negative for an attribute where
        the offer is worse than the competitor's.
    discount : float, default 0
        Discount off the value-based price (currency, >= 0, below the value).

    Returns
    -------
    ValuePrice

    Examples
    --------
    Kotler & Keller's Caterpillar tractor:

    >>> p = value_based_price(90_000, {"durability": 7_000, "reliability": 6_000,
    ...                                "service": 5_000, "parts warranty": 2_000}, 10_000)
    >>> p.value, p.price, p.premium_paid, p.extra_value
    (110000.0, 100000.0, 10000.0, 20000.0)

    References
    ----------
    Kotler, P. & Keller, K. L. (2016), *Marketing Management*, 15th ed., ch. 16
    (perceived-value pricing, Caterpillar).
    """
    try:
        b = float(base)
        d = float(discount)
    except (TypeError, ValueError):
        raise TypeError(f"base and discount must be numbers, got {base!r} and {discount!r}") from None
    if not (math.isfinite(b) and b > 0):
        raise ValueError(f"base (the competitor-equivalent price) must be positive, got {base!r}")
    if not isinstance(premiums, Mapping):
        raise TypeError(f"premiums must be a dict attribute -> value premium, got {type(premiums).__name__}")
    prem: dict[str, float] = {}
    for k, v in premiums.items():
        if v is None or isinstance(v, bool) or not isinstance(v, (int, float, np.integer, np.floating)) \
                or not math.isfinite(float(v)):
            raise ValueError(f"premium for {k!r} must be a finite number, got {v!r}")
        prem[str(k)] = float(v)
    value = b + sum(prem.values())
    if value <= 0:
        raise ValueError(f"the value-based price base + premiums is {value:g}; it must be positive")
    if not math.isfinite(d) or d < 0:
        raise ValueError(f"discount must be non-negative, got {discount!r}")
    if d >= value:
        raise ValueError(f"discount {d:g} must be smaller than the value-based price {value:g}")
    price = value - d
    return ValuePrice(b, prem, d, value, price, price - b, value - b, value - price)


def caterpillar_example() -> ValuePrice:
    """Kotler & Keller's Caterpillar tractor: 90,000 + 7,000 + 6,000 + 5,000 + 2,000 = 110,000, less 10,000.

    Returns the :class:`ValuePrice` with value 110,000, price 100,000, a
    premium of 10,000 paid for 20,000 of extra value.
    """
    return value_based_price(
        90_000,
        {"superior durability": 7_000, "superior reliability": 6_000,
         "superior service": 5_000, "longer parts warranty": 2_000},
        discount=10_000,
    )


# ---------------------------------------------------------------- survey scores


def _item_weights(items, what: str, normalize: bool) -> dict[str, float]:
    """Items as a list (equal weights) or a dict item -> weight summing to 100."""
    if isinstance(items, str):
        raise TypeError(f"{what} must be a list of item columns or a dict item -> weight, got the "
                        f"string {items!r} (wrap one column in a list)")
    if isinstance(items, Mapping):
        labels = [str(k) for k in items]
        if not labels:
            raise ValueError(f"{what} is empty")
        w = require_weights(list(items.values()), labels, total=100.0, normalize=normalize,
                            name=f"{what} weights")
        return dict(zip(labels, w.tolist(), strict=True))
    labels = list(items)
    if not labels:
        raise ValueError(f"{what} is empty")
    if len(set(labels)) != len(labels):
        raise ValueError(f"{what} lists an item twice: {labels}")
    return {c: 100.0 / len(labels) for c in labels}


def _weighted_score(frame: pd.DataFrame, weights: dict[str, float], missing: str) -> pd.Series:
    cols = list(weights)
    w = np.array([weights[c] for c in cols])
    x = frame[cols].to_numpy(float)
    if missing == "available":
        answered = ~np.isnan(x)
        num = np.nansum(x * w, axis=1)
        den = (answered * w).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            score = np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan)
    else:
        score = x @ w / w.sum()
    return pd.Series(score, index=frame.index)


def perceived_value_scores(survey: pd.DataFrame, benefits, costs, *, normalize: bool = False,
                           missing: str = "raise", scale: tuple[float, float] | None = None,
                           keep: Sequence[str] | None = None) -> pd.DataFrame:
    r"""Weighted multi-attribute perceived benefit, sacrifice and value per respondent (row).

    .. math::

        B_i = \sum_j w_j b_{ij} / \sum_j w_j, \quad
        C_i = \sum_k u_k c_{ik} / \sum_k u_k, \quad
        V_i = B_i - C_i, \quad R_i = B_i / C_i

    :math:`V_i` is Meehan's :math:`V_c = F_c - C_c` on the survey's rating
    scale (Zeithaml's "get" versus "give").

    Parameters
    ----------
    survey : DataFrame
        One row per respondent (or respondent x brand rated), item ratings in columns.
    benefits, costs : list of str or dict
        Benefit (cost) item columns: a list gives equal weights; a dict item ->
        importance weight must sum to 100 (unless ``normalize=True``).  Cost
        items are rated as sacrifices: a higher rating is a larger cost.
    normalize : bool, default False
        Rescale weights that do not sum to 100 instead of raising.
    missing : {"raise", "drop", "available"}
        Missing ratings: raise an error naming the items (default); drop the
        row (listwise); or score each row on the items it answered, with the
        weights renormalised over them (rows with no answer at all in a block
        are dropped).  Dropped index labels are in ``result.attrs["dropped"]``.
    scale : (low, high), optional
        The rating scale; ratings outside it are an error.
    keep : list of str, optional
        Columns copied to the result (default: every non-numeric column, e.g.
        respondent id, brand, segment).

    Returns
    -------
    DataFrame
        The ``keep`` columns, then ``benefit``, ``cost``, ``value``
        (benefit - cost) and ``value_ratio`` (benefit / cost), with the survey's index.

    Examples
    --------
    >>> s = pd.DataFrame({"quality": [6, 4], "service": [5, 5], "price": [3, 6]})
    >>> perceived_value_scores(s, {"quality": 60, "service": 40}, ["price"])["value"].round(2).tolist()
    [2.6, -1.6]

    References
    ----------
    Zeithaml, V. A. (1988), Consumer perceptions of price, quality and value,
    *Journal of Marketing* 52(3); Kotler & Keller (2016) ch. 5.
    """
    require_frame(survey, "survey")
    _check_missing_policy(missing, ("raise", "drop", "available"))
    bw = _item_weights(benefits, "benefits", normalize)
    cw = _item_weights(costs, "costs", normalize)
    overlap = sorted(set(bw) & set(cw))
    if overlap:
        raise ValueError(f"item(s) {overlap} are listed both as benefits and as costs")
    items = list(bw) + list(cw)
    require_columns(survey, items, "survey")
    require_numeric(survey, items, "survey")
    if scale is not None:
        for c in items:
            require_in_range(survey[c], scale[0], scale[1], f"ratings of {c!r}")
    if keep is None:
        keep = [c for c in survey.columns if c not in items
                and (not pd.api.types.is_numeric_dtype(survey[c]) or pd.api.types.is_bool_dtype(survey[c]))]
    else:
        keep = list(keep)
        require_columns(survey, keep, "survey")
    data = survey
    dropped: list = []
    if missing == "raise":
        require_no_missing(survey, items, "survey")
    elif missing == "drop":
        bad = survey[items].isna().any(axis=1)
        dropped = list(survey.index[bad])
        data = survey[~bad]
    benefit = _weighted_score(data, bw, missing)
    cost = _weighted_score(data, cw, missing)
    if missing == "available":
        bad = benefit.isna() | cost.isna()
        dropped = list(data.index[bad])
        benefit, cost, data = benefit[~bad], cost[~bad], data[~bad]
    out = data[keep].copy()
    out["benefit"] = benefit
    out["cost"] = cost
    out["value"] = benefit - cost
    out["value_ratio"] = _ratio(benefit.to_numpy(), cost.to_numpy())
    out.attrs["dropped"] = dropped
    out.attrs["benefit_weights"] = bw
    out.attrs["cost_weights"] = cw
    return out


def value_by_group(scores: pd.DataFrame, by: str | Sequence[str] | None = "brand", *,
                   measures: Sequence[str] = ("benefit", "cost", "value"), ci: float = 0.95,
                   method: str = "t", n_boot: int = 2000, seed=None) -> pd.DataFrame:
    r"""Mean perceived benefit, cost and value per group with confidence intervals.

    ``method="t"``: :math:`\bar x \pm t_{n-1,(1+c)/2}\, s/\sqrt n`.
    ``method="bootstrap"``: percentile interval of the mean over ``n_boot``
    resamples of the group's rows, drawn with ``numpy.random.default_rng(seed)``.

    Parameters
    ----------
    scores : DataFrame
        Typically the output of :func:`perceived_value_scores`.
    by : str, list of str or None
        Grouping column(s) (brand, segment, ...); None for the whole sample.
    measures : list of str
        Numeric columns to summarise.
    ci : float
        Confidence level in (0, 1).
    method : {"t", "bootstrap"}
    n_boot : int
        Bootstrap resamples.
    seed : int or numpy Generator, optional
        Seed of the bootstrap (pass one for reproducible intervals).

    Returns
    -------
    DataFrame
        Tidy: the ``by`` columns, ``measure``, ``n``, ``mean``, ``sd``, ``se``,
        ``ci_low``, ``ci_high`` (NaN interval for a group of one).

    Examples
    --------
    >>> s = pd.DataFrame({"brand": ["A", "A", "B", "B"], "value": [1.0, 2.0, 0.0, 1.0]})
    >>> value_by_group(s, "brand", measures=["value"])["mean"].tolist()
    [1.5, 0.5]
    """
    require_frame(scores, "scores")
    if not 0 < ci < 1:
        raise ValueError(f"ci must lie in (0, 1), got {ci} (e.g. 0.95, not 95)")
    if method not in ("t", "bootstrap"):
        raise ValueError(f"method must be 't' or 'bootstrap', got {method!r}")
    by_cols = [] if by is None else ([by] if isinstance(by, str) else list(by))
    measures = list(measures)
    require_columns(scores, by_cols + measures, "scores")
    require_numeric(scores, measures, "scores")
    require_no_missing(scores, measures + by_cols, "scores")
    rng = np.random.default_rng(seed) if method == "bootstrap" else None
    groups = scores.groupby(by_cols, observed=True, sort=True) if by_cols else [((), scores)]
    rows = []
    for key, g in groups:
        key = key if isinstance(key, tuple) else (key,)
        for m in measures:
            x = g[m].to_numpy(float)
            n = len(x)
            mean = float(x.mean())
            sd = float(x.std(ddof=1)) if n > 1 else math.nan
            se = sd / math.sqrt(n) if n > 1 else math.nan
            if n < 2:
                lo = hi = math.nan
            elif method == "t":
                half = float(stats.t.ppf((1 + ci) / 2, n - 1)) * se
                lo, hi = mean - half, mean + half
            else:
                idx = rng.integers(0, n, size=(n_boot, n))
                boot = x[idx].mean(axis=1)
                lo, hi = (float(v) for v in np.quantile(boot, [(1 - ci) / 2, (1 + ci) / 2]))
            rows.append((*key, m, n, mean, sd, se, lo, hi))
    return pd.DataFrame(rows, columns=by_cols + ["measure", "n", "mean", "sd", "se", "ci_low", "ci_high"])


@dataclass(frozen=True)
class ValueChoice:
    """The brand each value-maximising respondent picks, and the resulting choice shares.

    ``choices``: one row per respondent (``respondent``, ``chosen``, ``value``,
    ``n_tied``; ties joined by ``" = "`` in ``chosen``).  ``shares``: tidy
    table of the ``by`` columns, ``brand``, ``respondents`` (a tie splits a
    respondent equally) and ``share`` (summing to 1 within each group).
    """

    choices: pd.DataFrame
    shares: pd.DataFrame

    def summary(self) -> pd.DataFrame:
        return self.shares.copy()

    def __repr__(self) -> str:
        return f"ValueChoice({len(self.choices)} respondents):\n{self.shares.to_string(index=False)}"

    def _repr_html_(self) -> str:
        return _html_table(f"choice shares of {len(self.choices)} value-maximising respondents",
                           self.shares)


def value_choice(scores: pd.DataFrame, *, respondent: str = "respondent_id", brand: str = "brand",
                 value: str = "value", by: str | Sequence[str] | None = None) -> ValueChoice:
    """The brand a value-maximising customer picks: the one with the highest perceived value.

    Each respondent rates several brands (one row per respondent x brand); the
    respondent chooses the brand with the largest ``value`` (Kotler: customers
    buy from the firm that delivers the highest customer delivered value).

    Parameters
    ----------
    scores : DataFrame
        Long table with the respondent, brand and value columns (e.g. the
        output of :func:`perceived_value_scores`).
    respondent, brand, value : str
        Column names.
    by : str or list of str, optional
        Respondent-level grouping column(s) (e.g. segment) for shares per group.

    Returns
    -------
    ValueChoice

    Raises
    ------
    ValueError
        Unknown columns, missing values (score them with a missing policy
        first), or a respondent rating the same brand twice.

    Examples
    --------
    >>> s = pd.DataFrame({"respondent_id": [1, 1, 2, 2], "brand": ["A", "B", "A", "B"],
    ...                   "value": [2.0, 1.0, 0.5, 1.5]})
    >>> value_choice(s).shares["share"].tolist()
    [0.5, 0.5]
    """
    require_frame(scores, "scores")
    by_cols = [] if by is None else ([by] if isinstance(by, str) else list(by))
    require_columns(scores, [respondent, brand, value] + by_cols, "scores")
    require_numeric(scores, [value], "scores")
    require_no_missing(scores, [respondent, brand, value] + by_cols, "scores")
    dup = scores.duplicated([respondent, brand])
    if dup.any():
        first = scores.loc[dup, [respondent, brand]].iloc[0].tolist()
        raise ValueError(f"{int(dup.sum())} duplicated (respondent, brand) row(s), first {first}: "
                         f"each respondent must rate each brand at most once")
    data = scores[[respondent, brand, value] + by_cols].copy()
    data[brand] = data[brand].astype(str) if not isinstance(data[brand].dtype, pd.CategoricalDtype) \
        else data[brand]
    best = data.groupby(respondent, sort=True, observed=True)[value].transform("max")
    winners = data[data[value] == best].copy()
    n_tied = winners.groupby(respondent, observed=True)[brand].transform("size")
    winners["weight"] = 1.0 / n_tied
    chosen = winners.groupby(respondent, sort=True, observed=True).agg(
        chosen=(brand, lambda s: " = ".join(map(str, s))), value=(value, "first"),
        n_tied=(brand, "size"))
    chosen = chosen.reset_index().rename(columns={respondent: "respondent"})
    if by_cols:
        first_by = data.groupby(respondent, sort=True, observed=True)[by_cols].first().reset_index(drop=True)
        chosen = pd.concat([chosen, first_by], axis=1)
    brands = (list(data[brand].cat.categories) if isinstance(data[brand].dtype, pd.CategoricalDtype)
              else sorted(data[brand].unique()))
    winners[brand] = winners[brand].astype(str)
    if by_cols:
        counts = winners.groupby(by_cols + [brand], observed=True)["weight"].sum()
        groups = data[by_cols].drop_duplicates().sort_values(by_cols)
        full = pd.MultiIndex.from_tuples(
            [(*g, b) for g in groups.itertuples(index=False) for b in map(str, brands)],
            names=by_cols + [brand])
        counts = counts.reindex(full, fill_value=0.0)
        totals = counts.groupby(level=by_cols, observed=True).transform("sum")
    else:
        counts = winners.groupby(brand)["weight"].sum().reindex(list(map(str, brands)), fill_value=0.0)
        totals = counts.sum()
    shares = pd.DataFrame({"respondents": counts, "share": counts / totals}).reset_index()
    shares = shares.rename(columns={brand: "brand"})
    return ValueChoice(chosen, shares)


# ---------------------------------------------------------------- consumption values


def consumption_values() -> pd.DataFrame:
    """Sheth, Newman & Gross's five consumption values, with a car example and the PERVAL link.

    Returns
    -------
    DataFrame
        ``value``, ``chinese``, ``definition``, ``car_example`` and
        ``perval_dimension`` (the PERVAL dimension that measures it, if any).

    References
    ----------
    Sheth, J. N., Newman, B. I. & Gross, B. L. (1991), Why we buy what we buy:
    a theory of consumption values, *Journal of Business Research* 22(2).
    Sweeney, J. C. & Soutar, G. N. (2001), Consumer perceived value: the
    development of a multiple item scale, *Journal of Retailing* 77(2).
    """
    rows = [
        ("functional", "功能价值",
         "utility from the offer's functional, utilitarian or physical performance",
         "fuel economy, reliability, boot space", "quality, price"),
        ("social", "社会价值",
         "utility from the offer's association with social groups",
         "a brand that signals success to colleagues", "social"),
        ("emotional", "情感价值",
         "utility from the feelings or affective states the offer arouses",
         "the pleasure of driving, pride of ownership", "emotional"),
        ("epistemic", "认知价值",
         "utility from the offer's capacity to arouse curiosity, novelty or knowledge",
         "trying a first electric car", ""),
        ("conditional", "情境价值",
         "utility that depends on the specific situation of the choice",
         "a seven-seater when a second child is born", ""),
    ]
    return pd.DataFrame(rows, columns=["value", "chinese", "definition", "car_example", "perval_dimension"])


#: Item columns of each PERVAL-style dimension in the synthetic ``car_perval`` data.
PERVAL_DIMENSIONS: dict[str, tuple[str, ...]] = {
    "quality": ("quality_1", "quality_2", "quality_3", "quality_4"),
    "emotional": ("emotional_1", "emotional_2", "emotional_3", "emotional_4"),
    "price": ("price_1", "price_2", "price_3", "price_4"),
    "social": ("social_1", "social_2", "social_3", "social_4"),
}
#: Negatively worded items of ``car_perval`` (to be reverse coded).
PERVAL_REVERSED: tuple[str, ...] = ("quality_4", "price_4")


def _cronbach_alpha(items: np.ndarray) -> float:
    """Cronbach's alpha of an n x k array of complete item scores (k >= 2)."""
    k = items.shape[1]
    item_var = items.var(axis=0, ddof=1).sum()
    total_var = items.sum(axis=1).var(ddof=1)
    if total_var == 0:
        return math.nan
    return k / (k - 1) * (1 - item_var / total_var)


@dataclass(frozen=True)
class PervalScores:
    """PERVAL-style dimension scores per respondent and the reliability of each dimension.

    ``scores``: the ``keep`` columns and one column per dimension (mean of its
    recoded items).  ``reliability``: one row per dimension with ``items``
    (k), ``n`` (complete respondents used) and ``alpha`` (Cronbach's).
    ``items``: one row per item with ``dimension``, ``reversed``, ``mean``
    (after recoding) and ``item_total_r`` (corrected item-total correlation;
    a negative one usually means an item that should have been reverse coded).
    """

    scores: pd.DataFrame
    reliability: pd.DataFrame
    items: pd.DataFrame

    def summary(self) -> pd.DataFrame:
        dims = list(self.reliability["dimension"])
        means = self.scores[dims].mean()
        out = self.reliability.copy()
        out["mean"] = means.to_numpy()
        return out

    def __repr__(self) -> str:
        return f"PervalScores({len(self.scores)} respondents):\n{self.summary().to_string(index=False)}"

    def _repr_html_(self) -> str:
        return _html_table(f"PERVAL scores of {len(self.scores)} respondents", self.summary())


def perval_scores(survey: pd.DataFrame, dimensions: Mapping[str, Sequence[str]] | None = None, *,
                  reverse: Sequence[str] | None = None, scale: tuple[int, int] = (1, 7),
                  missing: str = "raise", keep: Sequence[str] | None = None) -> PervalScores:
    r"""Score a PERVAL-style perceived-value scale: dimension means and Cronbach's alpha.

    A reverse-worded item is recoded :math:`x' = \text{low} + \text{high} - x`;
    a dimension's score is the mean of its items; its reliability is

    .. math:: \alpha = \frac{k}{k-1}\Bigl(1 - \frac{\sum_j s_j^2}{s_T^2}\Bigr)

    with :math:`s_j^2` the item variances and :math:`s_T^2` the variance of
    the sum of the k items (complete answers to that dimension).

    Parameters
    ----------
    survey : DataFrame
        One row per respondent, Likert items in columns.
    dimensions : dict, optional
        Dimension -> item columns; default :data:`PERVAL_DIMENSIONS` (quality,
        emotional, price, social; the columns of ``load_car_perval()``).
    reverse : list of str, optional
        Items to reverse code; default :data:`PERVAL_REVERSED` when
        ``dimensions`` is the default, else none.
    scale : (low, high)
        The Likert scale; answers outside it are an error.
    missing : {"raise", "drop", "available"}
        Missing answers: raise (default); drop the respondent; or average the
        answered items of each dimension (a respondent with no answer in a
        dimension is dropped).  Alpha always uses the respondents who
        answered all of a dimension's items.
    keep : list of str, optional
        Columns copied to ``scores`` (default: every non-numeric column).

    Returns
    -------
    PervalScores

    References
    ----------
    Sweeney, J. C. & Soutar, G. N. (2001), Consumer perceived value: the
    development of a multiple item scale, *Journal of Retailing* 77(2);
    Cronbach, L. J. (1951), Coefficient alpha and the internal structure of
    tests, *Psychometrika* 16(3).
    """
    require_frame(survey, "survey")
    _check_missing_policy(missing, ("raise", "drop", "available"))
    default = dimensions is None
    dims = {k: list(v) for k, v in (PERVAL_DIMENSIONS if default else dimensions).items()}
    if not dims:
        raise ValueError("dimensions is empty; give dimension -> list of item columns")
    rev = list(PERVAL_REVERSED if (reverse is None and default) else (reverse or ()))
    items = [c for cols in dims.values() for c in cols]
    if len(set(items)) != len(items):
        raise ValueError(f"an item belongs to two dimensions: {items}")
    for d, cols in dims.items():
        if isinstance(cols, str) or len(cols) < 2:
            raise ValueError(f"dimension {d!r} needs at least two item columns to measure reliability, got {cols!r}")
    unknown_rev = [c for c in rev if c not in items]
    if unknown_rev:
        raise ValueError(f"reverse lists item(s) {unknown_rev} that belong to no dimension")
    require_columns(survey, items, "survey")
    require_numeric(survey, items, "survey")
    low, high = scale
    for c in items:
        require_in_range(survey[c], low, high, f"answers to {c!r}")
    if keep is None:
        keep = [c for c in survey.columns if c not in items and not pd.api.types.is_numeric_dtype(survey[c])]
    else:
        keep = list(keep)
        require_columns(survey, keep, "survey")
    data = survey[items].astype(float)
    for c in rev:
        data[c] = low + high - data[c]
    dropped: list = []
    if missing == "raise":
        require_no_missing(survey, items, "survey")
    elif missing == "drop":
        bad = data.isna().any(axis=1)
        dropped = list(data.index[bad])
        data = data[~bad]
    scores = survey.loc[data.index, keep].copy()
    for d, cols in dims.items():
        scores[d] = data[cols].mean(axis=1)  # skips NaN: the "available" policy
    if missing == "available":
        bad = scores[list(dims)].isna().any(axis=1)
        dropped = list(scores.index[bad])
        scores = scores[~bad]
    rel_rows, item_rows = [], []
    for d, cols in dims.items():
        block = data[cols].dropna().to_numpy()
        rel_rows.append((d, len(cols), len(block), _cronbach_alpha(block) if len(block) > 1 else math.nan))
        for j, c in enumerate(cols):
            rest = np.delete(block, j, axis=1).sum(axis=1)
            r = float(np.corrcoef(block[:, j], rest)[0, 1]) if len(block) > 2 and block[:, j].std() > 0 \
                else math.nan
            item_rows.append((d, c, c in rev, float(block[:, j].mean()) if len(block) else math.nan, r))
    scores.attrs["dropped"] = dropped
    reliability = pd.DataFrame(rel_rows, columns=["dimension", "items", "n", "alpha"])
    item_table = pd.DataFrame(item_rows, columns=["dimension", "item", "reversed", "mean", "item_total_r"])
    return PervalScores(scores, reliability, item_table)


# ---------------------------------------------------------------- value hierarchy

#: The four levels of the value hierarchy, from the core outwards, with their Chinese names.
VALUE_LEVELS: dict[str, str] = {
    "basic": "基本价值",
    "expected": "预期价值",
    "desired": "期盼价值",
    "unexpected": "意外价值",
}


def _level_key(level: str) -> str:
    key = str(level).strip().lower()
    zh = {v: k for k, v in VALUE_LEVELS.items()}
    if key in VALUE_LEVELS:
        return key
    if str(level).strip() in zh:
        return zh[str(level).strip()]
    close = difflib.get_close_matches(key, list(VALUE_LEVELS), n=1)
    raise ValueError(f"unknown value level {level!r}" + (f"; did you mean {close[0]!r}?" if close else "")
                     + f" The levels are {list(VALUE_LEVELS)} ({'/'.join(VALUE_LEVELS.values())})")


def value_hierarchy(items: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    """The value hierarchy of an offer: basic, expected, desired and unexpected value.

    Basic value (基本价值) is what the offer must deliver at the least;
    expected value (预期价值) what the customer takes for granted; desired
    value (期盼价值) what the customer wishes for without expecting it;
    unexpected value (意外价值) what goes beyond the wishes and delights.
    What is unexpected today becomes expected tomorrow.

    Parameters
    ----------
    items : dict
        Level (English or Chinese name) -> list of short descriptions of what
        the offer delivers at that level.  Levels may be left out or empty
        while the table is being filled in.

    Returns
    -------
    DataFrame
        Tidy: ``level`` (ordered categorical basic < ... < unexpected),
        ``level_zh``, ``rank`` (1 = basic) and ``item``, one row per item.

    Examples
    --------
    >>> h = value_hierarchy({"basic": ["the car starts"], "unexpected": ["free car wash"]})
    >>> h[["level", "item"]].values.tolist()
    [['basic', 'the car starts'], ['unexpected', 'free car wash']]
    """
    if not isinstance(items, Mapping):
        raise TypeError(f"items must be a dict level -> list of items, got {type(items).__name__}")
    rows, seen = [], {}
    for level, entries in items.items():
        key = _level_key(level)
        if isinstance(entries, str):
            entries = [entries]
        for e in entries:
            if not isinstance(e, str) or not e.strip():
                raise ValueError(f"items of level {key!r} must be non-empty strings, got {e!r}")
            if e.strip() in seen:
                raise ValueError(f"item {e.strip()!r} appears at two levels ({seen[e.strip()]!r} and "
                                 f"{key!r}); place it at one level")
            seen[e.strip()] = key
            rows.append((key, VALUE_LEVELS[key], list(VALUE_LEVELS).index(key) + 1, e.strip()))
    out = pd.DataFrame(rows, columns=["level", "level_zh", "rank", "item"])
    out["level"] = pd.Categorical(out["level"], categories=list(VALUE_LEVELS), ordered=True)
    return out.sort_values("rank", kind="stable").reset_index(drop=True)


def car_value_hierarchy() -> pd.DataFrame:
    """A filled-in value hierarchy for buying a family car (an illustration for the notebook)."""
    return value_hierarchy({
        "basic": ["safe to drive", "starts and runs reliably", "legal papers and plates"],
        "expected": ["warranty and scheduled service", "fuel use as advertised",
                     "courteous dealer staff"],
        "desired": ["low running costs", "a design people admire", "a quiet, comfortable ride"],
        "unexpected": ["free pick-up for every service", "a call-back a week after delivery",
                       "lifetime roadside assistance"],
    })


_LADDER_LEVELS = ("attribute", "consequence", "goal")
_SATISFACTION_KIND = {"attribute": "attribute-based satisfaction",
                      "consequence": "consequence-based satisfaction",
                      "goal": "goal-based satisfaction"}


@dataclass(frozen=True)
class Ladder:
    """Woodruff's customer value hierarchy: attribute -> consequence -> goal chains.

    ``chains`` has one row per ladder (``attribute``, ``consequence``,
    ``goal``, ``count`` = how many customers gave it); ``ratings`` one row
    per rated node (``level``, ``node``, ``satisfaction``).  Methods give the
    nodes, the links and the satisfaction at each level, ready to draw with
    :func:`cvlib.plots.plot_means_end_ladder`.
    """

    chains: pd.DataFrame
    ratings: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=["level", "node", "satisfaction"]))
    scale: tuple[float, float] = (1, 7)

    def nodes(self) -> pd.DataFrame:
        """One row per node: ``level``, ``node``, ``count`` (ladders through it), ``satisfaction``."""
        parts = []
        for lev in _LADDER_LEVELS:
            c = self.chains.groupby(lev, sort=False)["count"].sum().reset_index()
            c.columns = ["node", "count"]
            c.insert(0, "level", lev)
            parts.append(c)
        out = pd.concat(parts, ignore_index=True)
        rated = self.ratings.set_index(["level", "node"])["satisfaction"] if len(self.ratings) else None
        out["satisfaction"] = [float(rated.get((lev, n), np.nan)) if rated is not None else np.nan
                               for lev, n in zip(out["level"], out["node"], strict=True)]
        return out

    def links(self) -> pd.DataFrame:
        """One row per link: ``source``, ``target``, ``source_level``, ``target_level``, ``count``."""
        parts = []
        for a, b in (("attribute", "consequence"), ("consequence", "goal")):
            g = self.chains.groupby([a, b], sort=False)["count"].sum().reset_index()
            g.columns = ["source", "target", "count"]
            g.insert(2, "source_level", a)
            g.insert(3, "target_level", b)
            parts.append(g)
        return pd.concat(parts, ignore_index=True)

    def satisfaction(self) -> pd.DataFrame:
        """Attribute-, consequence- and goal-based satisfaction: the count-weighted mean rating per level.

        Returns ``level``, ``kind``, ``satisfaction`` (NaN when nothing at that
        level is rated), ``rated`` and ``nodes``.
        """
        nodes = self.nodes()
        rows = []
        for lev in _LADDER_LEVELS:
            g = nodes[nodes["level"] == lev]
            r = g.dropna(subset=["satisfaction"])
            sat = float(np.average(r["satisfaction"], weights=r["count"])) if len(r) else math.nan
            rows.append((lev, _SATISFACTION_KIND[lev], sat, len(r), len(g)))
        return pd.DataFrame(rows, columns=["level", "kind", "satisfaction", "rated", "nodes"])

    def summary(self) -> pd.DataFrame:
        return self.satisfaction()

    def __repr__(self) -> str:
        return (f"Ladder({len(self.chains)} chains, {self.chains['attribute'].nunique()} attributes, "
                f"{self.chains['consequence'].nunique()} consequences, "
                f"{self.chains['goal'].nunique()} goals)")

    def _repr_html_(self) -> str:
        return _html_table(repr(self), self.satisfaction())


def means_end_ladder(chains, ratings: Mapping[str, float] | pd.DataFrame | None = None, *,
                     scale: tuple[float, float] = (1, 7), attribute: str = "attribute",
                     consequence: str = "consequence", goal: str = "goal",
                     count: str | None = None) -> Ladder:
    """Build Woodruff's attribute -> consequence -> goal ladder, optionally with satisfaction ratings.

    Woodruff's customer value hierarchy links the product **attributes** a
    customer wants to the **consequences** in use they bring and to the
    customer's **goals and purposes**.  Satisfaction can be felt at each
    level: attribute-based, consequence-based and goal-based satisfaction.

    Parameters
    ----------
    chains : list of 3-tuples or DataFrame
        Each ladder as ``(attribute, consequence, goal)``, or a DataFrame with
        those columns (names set by ``attribute=``, ``consequence=``,
        ``goal=``) and optionally a ``count`` column (customers giving it).
        Repeated ladders are counted.
    ratings : dict or DataFrame, optional
        Satisfaction with a node, node name -> rating on ``scale`` (a node name
        must then be unique across levels), or a DataFrame with ``level``,
        ``node``, ``satisfaction``.
    scale : (low, high)
        The rating scale.

    Returns
    -------
    Ladder

    References
    ----------
    Woodruff, R. B. (1997), Customer value: the next source for competitive
    advantage, *Journal of the Academy of Marketing Science* 25(2), fig. 1.
    Gutman, J. (1982), A means-end chain model based on consumer
    categorization processes, *Journal of Marketing* 46(2).
    """
    if isinstance(chains, pd.DataFrame):
        cols = [attribute, consequence, goal] + ([count] if count else [])
        require_columns(chains, cols, "chains")
        frame = chains[[attribute, consequence, goal]].copy()
        frame.columns = list(_LADDER_LEVELS)
        frame["count"] = chains[count].to_numpy() if count else 1
    else:
        rows = list(chains)
        for r in rows:
            if isinstance(r, str) or len(r) != 3:
                raise ValueError(f"each chain must be (attribute, consequence, goal), got {r!r}")
        frame = pd.DataFrame(rows, columns=list(_LADDER_LEVELS))
        frame["count"] = 1
    if frame.empty:
        raise ValueError("chains is empty; give at least one (attribute, consequence, goal) ladder")
    for lev in _LADDER_LEVELS:
        blank = frame[lev].isna() | (frame[lev].astype(str).str.strip() == "")
        if blank.any():
            raise ValueError(f"{int(blank.sum())} chain(s) have no {lev}; every ladder needs all three levels")
    frame[list(_LADDER_LEVELS)] = frame[list(_LADDER_LEVELS)].astype(str)
    require_numeric(frame, ["count"], "chains")
    if (frame["count"] <= 0).any():
        raise ValueError("chain counts must be positive")
    frame = frame.groupby(list(_LADDER_LEVELS), sort=False, as_index=False)["count"].sum()
    where = {}
    for lev in _LADDER_LEVELS:
        for n in frame[lev].unique():
            where.setdefault(n, []).append(lev)
    if ratings is None:
        rated = pd.DataFrame(columns=["level", "node", "satisfaction"])
    elif isinstance(ratings, pd.DataFrame):
        require_columns(ratings, ["level", "node", "satisfaction"], "ratings")
        rated = ratings[["level", "node", "satisfaction"]].copy()
        for lev, n in zip(rated["level"], rated["node"], strict=True):
            if lev not in _LADDER_LEVELS or lev not in where.get(n, []):
                raise ValueError(f"ratings: no {lev!r} node {n!r} in the ladder")
    elif isinstance(ratings, Mapping):
        rows = []
        for n, r in ratings.items():
            if n not in where:
                close = difflib.get_close_matches(str(n), list(where), n=1)
                raise ValueError(f"ratings: {n!r} is not a node of the ladder"
                                 + (f"; did you mean {close[0]!r}?" if close else ""))
            if len(where[n]) > 1:
                raise ValueError(f"ratings: {n!r} is a node at several levels {where[n]}; pass a "
                                 f"DataFrame with level, node, satisfaction")
            rows.append((where[n][0], n, r))
        rated = pd.DataFrame(rows, columns=["level", "node", "satisfaction"])
    else:
        raise TypeError(f"ratings must be a dict node -> rating or a DataFrame, got {type(ratings).__name__}")
    if len(rated):
        require_numeric(rated, ["satisfaction"], "ratings")
        require_no_missing(rated, ["satisfaction"], "ratings")
        require_in_range(rated["satisfaction"], scale[0], scale[1], "satisfaction ratings")
        rated["satisfaction"] = rated["satisfaction"].astype(float)
    return Ladder(frame, rated.reset_index(drop=True), tuple(scale))


def car_ladder_example() -> Ladder:
    """A small means-end ladder for a family car with satisfaction ratings on 1-7 (illustration)."""
    chains = [
        ("airbags and ABS", "fewer injuries if we crash", "my family is safe"),
        ("airbags and ABS", "confident on wet roads", "peace of mind"),
        ("low fuel use", "less spent each month", "financial security"),
        ("roomy boot", "one car for the whole family's trips", "time together with family"),
        ("roomy boot", "one car for the whole family's trips", "time together with family"),
        ("dealer close to home", "quick service visits", "more free time"),
        ("low fuel use", "fewer stops at the pump", "more free time"),
    ]
    ratings = {"airbags and ABS": 6, "low fuel use": 5, "roomy boot": 6, "dealer close to home": 3,
               "fewer injuries if we crash": 6, "confident on wet roads": 5,
               "less spent each month": 4, "one car for the whole family's trips": 6,
               "quick service visits": 3, "fewer stops at the pump": 5,
               "my family is safe": 6, "peace of mind": 5, "financial security": 4,
               "time together with family": 6, "more free time": 4}
    return means_end_ladder(chains, ratings)

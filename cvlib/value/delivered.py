"""Customer delivered value (顾客让渡价值), Meehan's Vc = Fc - Cc and perceived-value pricing.

* Kotler's customer delivered value: total customer value (product,
  service, personnel, image) minus total customer cost (monetary, time,
  energy and a fourth, non-monetary cost: Kotler's psychic cost, 精神成本,
  which the course material, file 004, calls sensory burden, 感观负担) --
  :func:`delivered_value`, :func:`compare_offers`, :func:`delivered_value_components`;
* Meehan's :math:`V_c = F_c - C_c` on perceived scores (:func:`meehan_value`);
* perceived-value pricing (Kotler & Keller's Caterpillar tractor) --
  :func:`value_based_price`.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .._results import Result, html_table, text_table
from .._validate import (
    check_missing,
    check_option,
    require_columns,
    require_frame,
    require_no_missing,
    require_numeric,
)
from ..language import say

__all__ = [
    "KOTLER_VALUE_COMPONENTS",
    "KOTLER_COST_COMPONENTS",
    "COURSE_COST_COMPONENTS",
    "DeliveredValue",
    "OfferComparison",
    "ValuePrice",
    "delivered_value",
    "delivered_value_components",
    "meehan_value",
    "compare_offers",
    "value_based_price",
]

KOTLER_VALUE_COMPONENTS: tuple[str, ...] = ("product", "service", "personnel", "image")
#: Kotler's four kinds of total customer cost (顾客整体成本), the fourth being psychic cost (精神成本).
KOTLER_COST_COMPONENTS: tuple[str, ...] = ("monetary", "time", "energy", "psychic")
#: The same four costs as the course material lists them (file 004): the fourth is
#: sensory burden (感观负担) instead of psychic cost.
COURSE_COST_COMPONENTS: tuple[str, ...] = ("monetary", "time", "energy", "sensory")
#: The two names of the fourth, non-monetary cost: either satisfies the other when required.
_FOURTH_COST = {"psychic": "sensory", "sensory": "psychic"}


def delivered_value_components() -> pd.DataFrame:
    """Kotler's value and cost components with their Chinese labels and where each label comes from.

    The fourth cost has two names: Kotler's **psychic cost** (精神成本, the
    stress and worry of buying) and the course material's **sensory burden**
    (感观负担, file 004).  cvlib accepts either key (``"psychic"`` or
    ``"sensory"``) wherever :data:`KOTLER_COST_COMPONENTS` or
    :data:`COURSE_COST_COMPONENTS` are required.

    Returns
    -------
    DataFrame
        ``side`` (value or cost), ``component`` (the key cvlib uses),
        ``english``, ``chinese`` and ``source``.

    Examples
    --------
    >>> t = delivered_value_components()
    >>> t.loc[t["side"] == "cost", "component"].tolist()
    ['monetary', 'time', 'energy', 'psychic', 'sensory']

    References
    ----------
    Kotler, P. & Keller, K. L. (2016), *Marketing Management*, 15th ed., ch. 5;
    the course material, files 000 (顾客整体价值: 产品价值, 服务价值, 人员价值,
    形象价值) and 004 (货币成本, 时间成本, 精力成本, 感观负担).
    """
    rows = [
        ("value", "product", "product value", "产品价值", "Kotler; course 000 and 004"),
        ("value", "service", "service value", "服务价值", "Kotler; course 000 and 004"),
        ("value", "personnel", "personnel value", "人员价值", "Kotler; course 000 and 004"),
        ("value", "image", "image value", "形象价值", "Kotler; course 000 and 004"),
        ("cost", "monetary", "monetary cost", "货币成本", "Kotler; course 004"),
        ("cost", "time", "time cost", "时间成本", "Kotler; course 004"),
        ("cost", "energy", "energy cost", "精力成本", "Kotler; course 004"),
        ("cost", "psychic", "psychic cost", "精神成本", "Kotler (the workbook's default)"),
        ("cost", "sensory", "sensory burden", "感观负担", "course 004 (its name for the fourth cost)"),
    ]
    return pd.DataFrame(rows, columns=["side", "component", "english", "chinese", "source"])


# ---------------------------------------------------------------- delivered value


def _missing_policy(missing) -> str:
    """``missing=`` of the delivered-value functions; the old ``"zero"`` means ``"available"``."""
    if missing == "zero":
        warnings.warn("missing='zero' is deprecated; use missing='available' (a missing component "
                      "counts as 0: the total uses the components available)", FutureWarning,
                      stacklevel=4)
        return "available"
    return check_missing(missing)


def _component_dict(parts, what: str, required: Sequence[str] | None, missing: str) -> dict[str, float]:
    if not isinstance(parts, Mapping):
        raise TypeError(
            f"{what} must be a dict of component -> amount (e.g. {{'product': 50, 'service': 10}}), "
            f"got {type(parts).__name__}"
        )
    if len(parts) == 0:
        raise ValueError(f"{what} is empty; give at least one component and its amount")
    if required is not None:
        required = [(_FOURTH_COST[c] if c in _FOURTH_COST and c not in parts
                     and _FOURTH_COST[c] in parts else c) for c in required]
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
            if missing == "available":
                out[str(key)] = 0.0
                continue
            raise ValueError(
                f"{what} component {key!r} is missing (None/NaN); give its amount, or pass "
                f"missing='available' to total the components available (a missing one counts as 0)"
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


@dataclass(frozen=True, repr=False)
class DeliveredValue(Result):
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

    _show_index = False

    def _title(self) -> list[str]:
        return [say(f"{self.kind}: total value {self.total_value:g} - total cost {self.total_cost:g} "
                    f"= delivered value {self.delivered_value:g} (value/cost ratio {self.value_ratio:.4g})",
                    f"{self.kind}：顾客整体价值 {self.total_value:g} - 顾客整体成本 {self.total_cost:g} "
                    f"= 顾客让渡价值 {self.delivered_value:g}（价值成本比 {self.value_ratio:.4g}）")]


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
    The course material (file 004) names the fourth cost sensory burden
    (感观负担) instead of psychic cost (精神成本): either key satisfies the
    other in ``cost_components`` (see :func:`delivered_value_components`).

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
        The components that must be present (e.g. :data:`KOTLER_VALUE_COMPONENTS`,
        :data:`KOTLER_COST_COMPONENTS` or :data:`COURSE_COST_COMPONENTS`); a
        missing one is an error.  For DataFrames they name the columns used
        (default: every column of ``values`` / ``costs``).
    missing : {"raise", "drop", "available"}
        What to do with a missing amount (None / NaN): raise an error
        (default); (DataFrames only) drop the offer's row, its index label
        listed in ``result.attrs["dropped"]``; or total the components
        available (a missing one counts as 0).  The old ``"zero"`` is a
        deprecated alias of ``"available"``.

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

    The course's name for the fourth cost works as well:

    >>> delivered_value({"product": 60}, {"monetary": 50, "time": 10, "energy": 5, "sensory": 5},
    ...                 cost_components=COURSE_COST_COMPONENTS).delivered_value
    -10.0

    References
    ----------
    Kotler, P. & Keller, K. L. (2016), *Marketing Management*, 15th ed., ch. 5
    (customer-perceived value).  The course material, file 000: 顾客让渡价值 = 顾客整体价值 - 顾客整体成本.
    """
    kind = "Kotler delivered value"
    return _delivered(values, costs, value_components, cost_components, missing, kind)


def _delivered(values, costs, value_components, cost_components, missing, kind):
    missing = _missing_policy(missing)
    if isinstance(values, Mapping) or isinstance(costs, Mapping):
        if missing == "drop":
            raise ValueError("missing='drop' applies to DataFrames (drops an offer's row); "
                             "for one offer use missing='raise' or missing='available'")
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
    if cost_components is not None:
        cost_components = [(_FOURTH_COST[c] if c in _FOURTH_COST and c not in cframe.columns
                            and _FOURTH_COST[c] in cframe.columns else c) for c in cost_components]
    ccols = _frame_components(cframe, cost_components, "costs")
    v = vframe[vcols].astype(float)
    c = cframe[ccols].astype(float)
    dropped: list = []
    if missing == "raise":
        require_no_missing(v, vcols, "values")
        require_no_missing(c, ccols, "costs")
    elif missing == "available":
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
    the course material, file 000 (Vc = Fc - Cc; file 001 names the two sides
    感知利得 and 感知利失).
    """
    return _delivered(benefits, costs, benefit_components, cost_components, missing,
                      "Meehan Vc = Fc - Cc")


@dataclass(frozen=True, repr=False)
class OfferComparison(Result):
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
        """One row per offer: totals, delivered value, value ratio and ``chosen``."""
        return self.table.copy()

    def _title(self) -> list[str]:
        return [f"Offer comparison: a value-maximising customer picks {self.choice} "
                f"(largest {self.criterion})"]


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
    check_option(criterion, "criterion", ("delivered_value", "value_ratio"))
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


@dataclass(frozen=True, repr=False)
class ValuePrice(Result):
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

    _show_index = False

    def _shown(self) -> pd.DataFrame:
        """The build-up with money amounts written in full (90,000, not 9e+04)."""
        t = self.summary()
        for c in ("amount", "running"):
            t[c] = [f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}" for v in t[c]]
        return t

    def __repr__(self) -> str:
        return text_table(self._title(), self._shown(), index=False)

    def _repr_html_(self) -> str:
        return html_table(self._title(), self._shown(), index=False)

    def _title(self) -> list[str]:
        return [say(f"Perceived-value price: value {self.value:,.0f}, price {self.price:,.0f}",
                    f"感知价值定价：价值 {self.value:,.0f}，价格 {self.price:,.0f}"),
                say(f"premium paid {self.premium_paid:,.0f} for extra value {self.extra_value:,.0f}; "
                    f"customer gain {self.customer_gain:,.0f}",
                    f"为额外价值 {self.extra_value:,.0f} 支付溢价 {self.premium_paid:,.0f}；"
                    f"顾客净得 {self.customer_gain:,.0f}")]


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

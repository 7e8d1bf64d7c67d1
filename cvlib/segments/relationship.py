"""Relationships with business customers and the relationship space (course file 002): the B2B
loyalty ladder, the four kinds of B2B benefit, the B2B classification (loyalty ladder x cost to
serve) and the relationship-space decision table."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._validate import _preview, require_columns, require_frame, require_no_missing
from ._base import Classification
from .matrix import RELATIONSHIP_LEVELS, two_axis

__all__ = [
    "B2B_LOYALTY_LADDER",
    "B2B_BENEFITS",
    "b2b_benefit",
    "b2b_classes",
    "RELATIONSHIP_SPACE_EXAMPLE",
    "relationship_space_plan",
]

#: The B2B loyalty ladder of file 002, from the lowest rung (1) to the highest (5).  The
#: slide also shows 希望增进关系 ("wants a closer relationship") beside the rungs; the workbook
#: reads it as the ladder's direction, not as a sixth rung.
B2B_LOYALTY_LADDER = pd.DataFrame(
    {"rung": ["recommends the product to others", "resists competitors' offers",
              "willing to pay a premium", "seeks to co-develop new products",
              "may invest in you"],
     "rung_zh": ["向他人推荐产品", "抵制竞争对手的诱导", "愿意支付溢价", "寻求合作开发新产品",
                 "可能向你投资"]},
    index=pd.RangeIndex(1, 6, name="level"),
)

#: The four kinds of benefit a business customer weighs (file 002), with the slide's example of
#: each: tangible/intangible x financial/non-financial.
B2B_BENEFITS = pd.DataFrame(
    {"benefit": ["tangible financial", "intangible financial", "tangible non-financial",
                 "intangible non-financial"],
     "benefit_zh": ["有形财务利益", "无形财务利益", "有形非财务利益", "无形非财务利益"],
     "example": ["saves money", "pay by results", "brand", "partnership"],
     "example_zh": ["省钱", "按效果付款", "品牌", "伙伴关系"]},
    index=pd.MultiIndex.from_tuples([(True, True), (False, True), (True, False), (False, False)],
                                    names=["tangible", "financial"]),
)


def b2b_benefit(tangible: bool, financial: bool) -> str:
    """The kind of B2B benefit (file 002) for a tangible/intangible, financial/non-financial benefit.

    Examples
    --------
    >>> b2b_benefit(tangible=False, financial=True)
    'intangible financial'
    """
    for name, v in (("tangible", tangible), ("financial", financial)):
        if not isinstance(v, (bool, np.bool_)):
            raise TypeError(f"{name} must be True or False, got {v!r}")
    return str(B2B_BENEFITS.loc[(bool(tangible), bool(financial)), "benefit"])


def b2b_classes(data: pd.DataFrame, ladder: str = "ladder_level",
                cost: str = "cost_to_serve", *, ladder_cut: float = 3,
                cost_cut="median", customer: str | None = None) -> Classification:
    """The B2B classification of file 002: loyalty-ladder position x the supplier's cost to serve.

    A buyer is *high* on the ladder at rung ``ladder_cut`` or above
    (``B2B_LOYALTY_LADDER``: 1 recommends ... 5 may invest in you) and
    costly when its cost to serve is at or above ``cost_cut``:

    ============  ===============  ================
    ladder        low cost         high cost
    ============  ===============  ================
    high          most valuable    partner
    low           commodity buyer  under-performer
    ============  ===============  ================

    Parameters
    ----------
    data : DataFrame
        One row per business customer.
    ladder : str
        Column with the buyer's rung, 1-5 (0 for a buyer on no rung yet).
    cost : str
        Column with the supplier's cost to serve the buyer (currency).
    ladder_cut : float
        First rung that counts as high (default 3, willing to pay a premium:
        the workbook's choice).
    cost_cut : "median", "mean" or float
        Cost-to-serve cut-off.
    customer : str, optional
        Column holding the customer id (default: the index).

    Returns
    -------
    Classification (the ``"b2b"`` preset of :func:`two_axis`).

    Examples
    --------
    >>> d = pd.DataFrame({"ladder_level": [5, 4, 1, 2], "cost_to_serve": [10.0, 90, 5, 70]})
    >>> b2b_classes(d, cost_cut=50).tiers.tolist()
    ['most valuable', 'partner', 'commodity buyer', 'under-performer']

    References
    ----------
    Course file 002 (B2B客户分类: 买家在忠诚度阶梯上的位置, 供应商的客户服务成本).
    """
    require_frame(data, "data")
    require_columns(data, [ladder], "data")
    require_no_missing(data, [ladder], "data")
    r = pd.to_numeric(data[ladder], errors="coerce")
    bad = r.isna() | (r < 0) | (r > 5) | (r != r.round())
    if bad.any():
        raise ValueError(f"column {ladder!r} must hold loyalty-ladder rungs 0-5 (see "
                         f"B2B_LOYALTY_LADDER), got {_preview(data.loc[bad, ladder].unique())}")
    require_columns(data, [cost], "data")
    c = pd.to_numeric(data[cost], errors="coerce")
    if (c < 0).any():
        raise ValueError(f"column {cost!r} is a cost to serve and must be non-negative, got "
                         f"{_preview(data.loc[c < 0, cost].tolist())}")
    return two_axis(data, ladder, cost, x_cut=ladder_cut, y_cut=cost_cut, preset="b2b",
                    customer=customer)


#: The relationship-space decision table of file 002 as the slide fills it: one row, the
#: reactive level (反应型), customer group 5, content 需求 / 产品推荐 / 优惠 / 导购 (needs,
#: product recommendations, offers, shopping guidance) by text message, once every two weeks.
RELATIONSHIP_SPACE_EXAMPLE = pd.DataFrame(
    {"level": ["reactive"], "group": ["5"],
     "content": ["needs, product recommendations, offers, shopping guidance"],
     "channel": ["text message"], "contacts_per_year": [26.0], "customers": [np.nan]},
)


def relationship_space_plan(plan: pd.DataFrame) -> pd.DataFrame:
    """Check a relationship-space decision table and count the contacts it plans.

    The table of file 002 sets, for each relationship level (Kotler's five)
    and customer group, what to talk about, through which channel and how
    often.  Each row gives ``level``, ``group``, ``content``, ``channel``,
    ``contacts_per_year`` (per customer; 26 for every two weeks) and
    ``customers`` (how many customers the row covers).

    .. math:: \\text{contacts a month} = \\text{customers} \\times
              \\text{contacts per year} / 12

    Parameters
    ----------
    plan : DataFrame
        The decision table (see ``RELATIONSHIP_SPACE_EXAMPLE``).

    Returns
    -------
    A copy with ``level`` as an ordered categorical (basic < ... <
    partnership) and ``contacts_per_month`` (all of the row's customers),
    sorted by level.

    Examples
    --------
    >>> plan = RELATIONSHIP_SPACE_EXAMPLE.assign(customers=1200)
    >>> relationship_space_plan(plan)["contacts_per_month"].tolist()
    [2600.0]
    """
    require_frame(plan, "plan")
    cols = ["level", "group", "content", "channel", "contacts_per_year", "customers"]
    require_columns(plan, cols, "plan")
    require_no_missing(plan, cols, "plan")
    lv = plan["level"].astype(str).str.strip().str.lower()
    bad = ~lv.isin(RELATIONSHIP_LEVELS)
    if bad.any():
        raise ValueError(f"column 'level' must hold Kotler's levels {RELATIONSHIP_LEVELS}, got "
                         f"{_preview(plan.loc[bad, 'level'].unique())}")
    for c in ("contacts_per_year", "customers"):
        x = pd.to_numeric(plan[c], errors="coerce")
        if x.isna().any() or (x < 0).any():
            raise ValueError(f"column {c!r} must hold non-negative numbers, got "
                             f"{_preview(plan.loc[x.isna() | (x < 0), c].tolist())}")
    out = plan.copy()
    out["level"] = pd.Categorical(lv, categories=RELATIONSHIP_LEVELS, ordered=True)
    out["contacts_per_month"] = (out["customers"].astype(float)
                                 * out["contacts_per_year"].astype(float) / 12)
    return out.sort_values("level", kind="stable")

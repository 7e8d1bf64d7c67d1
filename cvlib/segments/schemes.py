"""The other classification schemes of course file 003: lighthouse / follower / rational /
profit-seeking customers, ABCD classes, high / low / zero purchase frequency and the dynamic
customer list."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._validate import parse_date, renamed_args, require_frame, require_in_range
from ._base import Classification, make_classification, per_customer, prepare_log
from .rfm import rfm_table

__all__ = [
    "VALUE_PROVISION_TYPES",
    "value_provision_types",
    "ABCD_CLASSES",
    "abcd_classes",
    "purchase_frequency_classes",
    "dynamic_customer_list",
]

#: File 003's classes by the value a customer can provide (根据客户提供价值的能力分), with the
#: slide's descriptions of the first two; the rules of :func:`value_provision_types` are the
#: workbook's operationalisation.
VALUE_PROVISION_TYPES = pd.DataFrame(
    {"label_zh": ["灯塔型客户", "跟随型客户", "理性客户", "逐利客户"],
     "description": [
         "sensitive to new things and technology, likes to try, not price-sensitive; leads the "
         "trend (file 003)",
         "emotional buyers who care about psychological satisfaction and brand image, not "
         "necessarily price-sensitive (file 003)",
         "weigh quality, service and price against each other (the slide lists the class only)",
         "chase the lowest price and the best deal (the slide lists the class only)"]},
    index=pd.Index(["lighthouse", "follower", "rational", "profit-seeking"], name="type"),
)


def value_provision_types(data: pd.DataFrame, *, novelty: str = "novelty",
                          price_sensitivity: str = "price_sensitivity", image: str = "image",
                          cut: float = 4.0, customer: str | None = None,
                          scale=(1, 7)) -> Classification:
    """Lighthouse, follower, rational and profit-seeking customers from three survey scales.

    Rules, applied in order, on scales where ``cut`` is the midpoint
    (a score is *high* when it is above ``cut``):

    1. **lighthouse**: high novelty seeking and not high price sensitivity;
    2. **profit-seeking**: high price sensitivity and not high image concern;
    3. **follower**: high image (brand) concern;
    4. **rational**: everyone else.

    File 003 describes lighthouse and follower customers and only names the
    other two; these rules are the workbook's operationalisation.

    Parameters
    ----------
    data : DataFrame
        One row per customer with the three ratings.
    novelty, price_sensitivity, image : str
        Columns: interest in new products, price sensitivity, importance of
        brand image (ratings on ``scale``).
    cut : float
        Ratings above it are high.
    customer : str, optional
        Column holding the customer id (default: the index).
    scale : (low, high)
        The rating scale; ratings outside it are refused.

    Returns
    -------
    Classification with the four types (``VALUE_PROVISION_TYPES`` order).

    Examples
    --------
    >>> d = pd.DataFrame({"novelty": [7, 2, 3, 3], "price_sensitivity": [2, 2, 6, 3],
    ...                   "image": [5, 6, 2, 3]}, index=["a", "b", "c", "d"])
    >>> value_provision_types(d).tiers.tolist()
    ['lighthouse', 'follower', 'profit-seeking', 'rational']

    References
    ----------
    Course file 003, 根据客户提供价值的能力分 (灯塔型, 跟随型, 理性, 逐利).
    """
    cols = [novelty, price_sensitivity, image]
    values = per_customer(data, novelty, customer, extra=(price_sensitivity, image))
    lo, hi = scale
    for c in cols:
        require_in_range(values[c], lo, hi, f"column {c!r} (ratings on the {lo}-{hi} scale)")
    n, p, i = (values[c].to_numpy() > cut for c in cols)
    tier = np.where(n & ~p, 0, np.where(p & ~i, 3, np.where(i, 1, 2))).astype(np.int64)
    labels = list(VALUE_PROVISION_TYPES.index)
    return make_classification(values, tier, labels, [], "value provision types (file 003)",
                               {"cut": cut, "scale": tuple(scale)})


#: File 003's ABCD classes, with the slide's descriptions.
ABCD_CLASSES = pd.DataFrame(
    {"description": [
        "the most important customers: loyal, high spending, long-term partners",
        "potential customers: interested, but less spending and loyalty than A",
        "general customers: low demand, spending and loyalty",
        "marginal customers: little or no demand"]},
    index=pd.Index(["A", "B", "C", "D"], name="class"),
)


def abcd_classes(data: pd.DataFrame, value: str, loyalty: str, *, value_cut="median",
                 loyalty_cut="median", customer: str | None = None) -> Classification:
    """File 003's ABCD classes from spending and loyalty.

    A customer with no spending (``value`` = 0) is **D**; otherwise it is
    **A** when both its spending and its loyalty are at or above their
    cut-offs, **B** when one is, **C** when neither is.  The slide describes
    the classes in words; these rules are the workbook's operationalisation.

    Parameters
    ----------
    data : DataFrame
        One row per customer.
    value, loyalty : str
        Columns: spending in the period (currency, >= 0) and a loyalty
        measure (e.g. years as a customer, share of wallet).
    value_cut, loyalty_cut : "median", "mean" or float
        Cut-offs; the median and mean are taken over the customers who spent.
    customer : str, optional
        Column holding the customer id (default: the index).

    Returns
    -------
    Classification with classes A, B, C, D.

    Examples
    --------
    >>> d = pd.DataFrame({"spend": [900.0, 800, 100, 50, 0], "years": [6, 1, 7, 1, 3]})
    >>> abcd_classes(d, "spend", "years", value_cut=500, loyalty_cut=5).tiers.tolist()
    ['A', 'B', 'B', 'C', 'D']
    """
    from .matrix import _cut

    values = per_customer(data, value, customer, extra=(loyalty,), allow_negative=False)
    v, lo = values[value].to_numpy(), values[loyalty].to_numpy()
    buyers = v > 0
    if not buyers.any():
        raise ValueError(f"no customer has a positive {value!r}: everyone would be D")
    cv = _cut(v[buyers], value_cut, "value_cut")
    cl = _cut(lo[buyers], loyalty_cut, "loyalty_cut")
    highs = (v >= cv).astype(int) + (lo >= cl).astype(int)
    tier = np.where(~buyers, 3, 2 - highs).astype(np.int64)
    return make_classification(values, tier, ["A", "B", "C", "D"], [value],
                               f"ABCD classes by {value} and {loyalty}",
                               {"value_cut": cv, "loyalty_cut": cl})


@renamed_args(tx="transactions")
def purchase_frequency_classes(transactions: pd.DataFrame, customer: str = "customer_id",
                               date: str = "date", at=None, *, window_days: int = 365,
                               high_from: int | None = None) -> Classification:
    """High-, low- and zero-frequency customers (高频, 低频, 零频客户, file 003).

    Purchases are counted in the window of ``window_days`` days ending at
    ``at``.  A customer known from the log but without a purchase in the
    window is **zero**-frequency (长期未购买); one with at least
    ``high_from`` purchases is **high**, the others **low**.

    Parameters
    ----------
    transactions : DataFrame
        Transaction log (``tx=`` is a deprecated alias).
    customer, date : str
        Column names.
    at : date, optional
        End of the window (default: the last date in the log).
    window_days : int
        Length of the window in days.
    high_from : int, optional
        Purchases in the window that make a customer high-frequency (default:
        the median count of the customers who bought in the window, the
        workbook's choice: the slide gives no number).

    Returns
    -------
    Classification with tiers high, low, zero; ``assignments`` holds
    ``purchases`` (in the window).

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b", "c"],
    ...                    "date": ["2024-03-01", "2024-06-01", "2024-09-01", "2024-10-01",
    ...                             "2022-05-01"]})
    >>> purchase_frequency_classes(tx, at="2024-12-31", high_from=2).tiers.to_dict()
    {'a': 'high', 'b': 'low', 'c': 'zero'}
    """
    if isinstance(window_days, bool) or not isinstance(window_days, (int, np.integer)) \
            or window_days < 1:
        raise ValueError(f"window_days must be a whole number of days >= 1, got {window_days!r}")
    log = prepare_log(transactions, customer, date, None, at=at)
    k = len(log.customers)
    inside = log.days > log.at_day - window_days
    n = np.bincount(log.codes[inside], minlength=k)
    if high_from is None:
        high_from = int(np.ceil(np.median(n[n > 0]))) if (n > 0).any() else 1
    elif isinstance(high_from, bool) or not isinstance(high_from, (int, np.integer)) \
            or high_from < 1:
        raise ValueError(f"high_from must be a whole number of purchases >= 1, got {high_from!r}")
    tier = np.where(n == 0, 2, np.where(n >= high_from, 0, 1)).astype(np.int64)
    values = pd.DataFrame({"purchases": n.astype(float)}, index=log.customers)
    res = make_classification(values, tier, ["high", "low", "zero"], ["purchases"],
                              f"purchase frequency in the {window_days} days to {log.at.date()}",
                              {"high_from": int(high_from), "window_days": int(window_days),
                               "at": str(log.at.date())})
    res.assignments["purchases"] = n.astype(np.int64)
    return res


@renamed_args(tx="transactions")
def dynamic_customer_list(transactions: pd.DataFrame, at, rule: str, *,
                          customer: str = "customer_id", date: str = "date",
                          amount: str = "amount") -> pd.DataFrame:
    """A dynamic customer list (动态客户列表, file 003): who meets a rule at each date.

    The rule is evaluated on the RFM table of the log up to each date
    (:func:`rfm_table`; columns ``recency`` in days since the last purchase,
    ``frequency``, ``monetary``, ``tenure``), so the list updates itself as
    customers buy, lapse or grow, as the slide describes.

    Parameters
    ----------
    transactions : DataFrame
        Transaction log (``tx=`` is a deprecated alias).
    at : sequence of dates
        Dates at which the list is drawn, increasing.
    rule : str
        A condition in :meth:`pandas.DataFrame.query` syntax on the RFM
        columns, e.g. ``"monetary >= 1000 and recency <= 90"``.

    Returns
    -------
    DataFrame indexed by customer, one boolean column per date (True = on the
    list); ``attrs["joined"]`` and ``attrs["left"]`` count the customers who
    joined and left between consecutive dates.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "b"],
    ...                    "date": ["2024-01-10", "2024-02-01", "2024-11-20"],
    ...                    "amount": [500.0, 300.0, 400.0]})
    >>> dynamic_customer_list(tx, ["2024-06-30", "2024-12-31"],
    ...                       "monetary >= 500")  # doctest: +NORMALIZE_WHITESPACE
                 2024-06-30  2024-12-31
    customer_id
    a                  True        True
    b                 False        True
    """
    require_frame(transactions, "transactions")
    if not isinstance(rule, str) or not rule.strip():
        raise ValueError("rule must be a condition such as 'monetary >= 1000 and recency <= 90'")
    dates = [parse_date(d, "at") for d in (at if isinstance(at, (list, tuple, pd.Index, np.ndarray))
                                           else [at])]
    if any(b <= a for a, b in zip(dates, dates[1:], strict=False)):
        raise ValueError(f"at must be strictly increasing, got {[str(d.date()) for d in dates]}")
    cols = {}
    for d in dates:
        rfm = rfm_table(transactions, customer, date, amount, at=d)
        try:
            hit = rfm.eval(rule)
        except Exception as exc:  # pandas raises many types for a bad expression
            raise ValueError(f"rule {rule!r} cannot be evaluated on the RFM columns "
                             f"{list(rfm.columns)}: {exc}") from None
        if not (isinstance(hit, pd.Series) and pd.api.types.is_bool_dtype(hit)):
            raise ValueError(f"rule {rule!r} must be a condition (True/False per customer), "
                             f"e.g. 'monetary >= 1000'")
        cols[str(d.date())] = hit
    index = pd.Index(sorted(set().union(*[set(s.index) for s in cols.values()]),
                            key=lambda v: (str(type(v)), v)), name=customer)
    out = pd.DataFrame({k: v.reindex(index, fill_value=False).astype(bool)
                        for k, v in cols.items()}, index=index)
    names = list(out.columns)
    pairs = list(zip(names[:-1], names[1:], strict=True))
    out.attrs["joined"] = {b: int((~out[a] & out[b]).sum()) for a, b in pairs}
    out.attrs["left"] = {b: int((out[a] & ~out[b]).sum()) for a, b in pairs}
    out.attrs["rule"] = rule
    return out


"""Classifications on two or more indicators: two-axis matrices (value x potential, value x
cost to serve, social styles ...), purchase cycle x spend tiers, a weighted scorecard and
Kotler's relationship levels."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .._results import Result
from .._validate import (
    _preview,
    check_missing,
    check_share,
    renamed_args,
    require_columns,
    require_frame,
    require_no_missing,
    require_numeric,
    require_weights,
    takes_date_format,
)
from ..engines import in_engines
from ._base import (
    Classification,
    check_labels,
    check_percentages,
    count_above,
    customer_order,
    make_classification,
    per_customer,
    prepare_log,
    tier_from_fraction,
)

__all__ = [
    "TWO_AXIS_PRESETS",
    "preset_table",
    "two_axis",
    "purchase_cycle",
    "CYCLE_SPEND_GRID",
    "cycle_spend_tiers",
    "scorecard",
    "Scorecard",
    "KOTLER_LEVELS",
    "RELATIONSHIP_LEVELS",
    "relationship_level",
    "relationship_levels",
]

# labels keyed by (x level, y level), each "high" or "low"; "zh" gives the Chinese labels
TWO_AXIS_PRESETS: dict[str, dict] = {
    "value_potential": {
        "x": "current value", "y": "potential value",
        "labels": {("high", "high"): "high-value", ("high", "low"): "sub-value",
                   ("low", "high"): "potential-value", ("low", "low"): "low-value"},
        "zh": {("high", "high"): "高价值客户群", ("high", "low"): "次价值客户群",
               ("low", "high"): "潜在价值客户群", ("low", "low"): "低价值客户群"},
        "source": "course file 004, 3.2 当前价值与潜在价值的组合分析 (current x potential value)",
    },
    "value_responsiveness": {
        "x": "customer value", "y": "customer response",
        "labels": {("high", "high"): "best", ("high", "low"): "strange",
                   ("low", "high"): "fatal attraction", ("low", "low"): "ghosts"},
        "zh": {("high", "high"): "最佳客户", ("high", "low"): "奇异客户群",
               ("low", "high"): "致命诱惑", ("low", "low"): "幽灵客户"},
        "source": "Robert & Paul (1997) as cited in course file 004 (客户价值—客户响应): best "
                  "customers, strange customers, fatal attraction, ghosts",
    },
    "value_loyalty": {
        "x": "customer value (profit)", "y": "customer loyalty",
        "labels": {("high", "high"): "golden", ("high", "low"): "at risk",
                   ("low", "high"): "marginal", ("low", "low"): "don't over-service"},
        "zh": {("high", "high"): "金牌客户", ("high", "low"): "风险客户",
               ("low", "high"): "边际客户", ("low", "low"): "无需过多服务的客户"},
        "source": "Kelly & Julie (1999) as cited in course file 004 (客户价值—客户忠诚): Golden, "
                  "At Risk, Marginal Value, Don't over-Service",
    },
    "value_loyalty_rk": {
        "x": "profitability", "y": "loyalty (expected tenure)",
        "labels": {("high", "high"): "true friends", ("high", "low"): "butterflies",
                   ("low", "high"): "barnacles", ("low", "low"): "strangers"},
        "zh": {("high", "high"): "真朋友", ("high", "low"): "蝴蝶",
               ("low", "high"): "藤壶", ("low", "low"): "陌生人"},
        "source": "Reinartz & Kumar (2002), The mismanagement of customer loyalty, HBR 80(7); "
                  "not in the course material (the Chinese labels are the workbook's translation)",
    },
    "direct_indirect": {
        "x": "direct functions", "y": "indirect functions",
        "labels": {("high", "high"): "high-performing", ("high", "low"): "selling",
                   ("low", "high"): "networking", ("low", "low"): "low-performing"},
        "zh": {("high", "high"): "高绩效关系", ("high", "low"): "买卖关系",
               ("low", "high"): "网络关系", ("low", "low"): "低绩效关系"},
        "source": "Achim, Tomas & Hans (2001) as cited in course file 004 (直接功能—间接功能): "
                  "high-performing, selling, low-performing and networking relationships",
    },
    "volume_profit": {
        "x": "sales volume", "y": "profit",
        "labels": {("high", "high"): "high volume, high profit",
                   ("high", "low"): "high volume, low profit",
                   ("low", "high"): "low volume, high profit",
                   ("low", "low"): "low volume, low profit"},
        "zh": {("high", "high"): "销量高利润高", ("high", "low"): "销量高利润低",
               ("low", "high"): "销量低利润高", ("low", "low"): "销量低利润低"},
        "source": "course file 004, 3.1 销售量与利润的组合分析 (the cells are described, not named)",
    },
    "b2b": {
        "x": "position on the loyalty ladder", "y": "supplier's cost to serve",
        "labels": {("high", "low"): "most valuable", ("high", "high"): "partner",
                   ("low", "low"): "commodity buyer", ("low", "high"): "under-performer"},
        "zh": {("high", "low"): "最有价值的客户", ("high", "high"): "合伙人",
               ("low", "low"): "大众化商品购买者", ("low", "high"): "表现欠佳者"},
        "source": "course file 002, B2B客户分类: the buyer's position on the loyalty ladder "
                  "(买家在忠诚度阶梯上的位置) x the supplier's cost to serve (供应商的客户服务成本)",
    },
    "relationship_space": {
        "x": "discovery (knowledge of the customer)", "y": "dialogue (richness and timeliness)",
        "labels": {("high", "high"): "partner (value-centred)",
                   ("high", "low"): "client (need-centred)",
                   ("low", "high"): "customer (product-centred)",
                   ("low", "low"): "general customer (price-centred)"},
        "zh": {("high", "high"): "合作伙伴(以价值为中心)", ("high", "low"): "客户(以需求为中心)",
               ("low", "high"): "顾客(以产品为中心)", ("low", "low"): "一般顾客(以价格为中心)"},
        "source": "course file 002, 关系空间 (发现 x 对话); the slide's figure is garbled in the "
                  "material, the placement of the two mixed cells is the workbook's reading",
    },
    "social_styles": {
        "x": "assertiveness", "y": "responsiveness",
        "labels": {("high", "low"): "driver", ("high", "high"): "expressive",
                   ("low", "high"): "amiable", ("low", "low"): "analytical"},
        "zh": {("high", "low"): "驱动者", ("high", "high"): "表现者",
               ("low", "high"): "亲和者", ("low", "low"): "分析者"},
        "source": "Merrill & Reid (1981), Personal Styles and Effective Performance; course file "
                  "000 (驱动者, 表现者, 亲和者, 分析者)",
    },
}

_KEYS = [("high", "high"), ("high", "low"), ("low", "high"), ("low", "low")]


def preset_table(preset: str) -> pd.DataFrame:
    """The four cells of a two-axis preset with their English and Chinese labels and source.

    Parameters
    ----------
    preset : str
        A key of ``TWO_AXIS_PRESETS``.

    Returns
    -------
    DataFrame with one row per cell: ``x_level``, ``y_level``, ``label``,
    ``label_zh``; ``attrs["source"]`` names the source and ``attrs["x"]``,
    ``attrs["y"]`` the axes.

    Examples
    --------
    >>> preset_table("value_responsiveness")[["label", "label_zh"]].to_numpy().tolist()[0]
    ['best', '最佳客户']
    """
    if preset not in TWO_AXIS_PRESETS:
        raise ValueError(f"preset must be one of {sorted(TWO_AXIS_PRESETS)}, got {preset!r}")
    p = TWO_AXIS_PRESETS[preset]
    out = pd.DataFrame({"x_level": [k[0] for k in _KEYS], "y_level": [k[1] for k in _KEYS],
                        "label": [p["labels"][k] for k in _KEYS],
                        "label_zh": [p["zh"][k] for k in _KEYS]})
    out.attrs.update({"source": p["source"], "x": p["x"], "y": p["y"]})
    return out


def _cut(v: np.ndarray, cut, name: str) -> float:
    if isinstance(cut, str):
        if cut == "median":
            return float(np.median(v))
        if cut == "mean":
            return float(np.mean(v))
        raise ValueError(f"{name} must be 'median', 'mean' or a number, got {cut!r}")
    try:
        c = float(cut)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be 'median', 'mean' or a number, got {cut!r}") from None
    if not np.isfinite(c):
        raise ValueError(f"{name} must be finite, got {cut!r}")
    return c


def two_axis(data: pd.DataFrame, x: str, y: str, *, x_cut="median", y_cut="median",
             preset: str | None = None, labels: dict | None = None,
             customer: str | None = None, missing: str = "raise") -> Classification:
    """Classify customers into the four cells of a two-axis matrix.

    One mechanism for all the course's 2 x 2 matrices: a customer is *high*
    on an axis when its value is at or above the cut-off (the median by
    default) and *low* otherwise; each (x level, y level) cell has a label.

    Presets (``TWO_AXIS_PRESETS``, see :func:`preset_table` for the Chinese
    labels and the source of each):

    - ``"value_potential"``: current x potential value (file 004);
    - ``"value_responsiveness"``: value x response, Robert & Paul (1997):
      best, strange, fatal attraction, ghosts;
    - ``"value_loyalty"``: value x loyalty, Kelly & Julie (1999): golden, at
      risk, marginal, don't over-service; ``"value_loyalty_rk"`` is
      Reinartz & Kumar's version (true friends, butterflies, barnacles,
      strangers);
    - ``"direct_indirect"``: direct x indirect functions, Achim, Tomas &
      Hans (2001): high-performing, selling, networking, low-performing;
    - ``"volume_profit"``: sales volume x profit (file 004);
    - ``"b2b"``: the buyer's position on the loyalty ladder x the supplier's
      cost to serve (file 002): most valuable, partner, commodity buyer,
      under-performer (see :func:`b2b_classes`);
    - ``"relationship_space"``: discovery x dialogue (file 002);
    - ``"social_styles"``: assertiveness x responsiveness (Merrill & Reid).

    Parameters
    ----------
    data : DataFrame
        One row per customer.
    x, y : str
        Columns of the horizontal and vertical axes.
    x_cut, y_cut : "median", "mean" or float
        Cut-offs (in the columns' units).
    preset : str, optional
        Name of a preset giving the labels.
    labels : dict, optional
        ``{("high", "high"): ..., ("high", "low"): ..., ("low", "high"): ...,
        ("low", "low"): ...}`` keyed by (x level, y level); overrides the preset.
    customer : str, optional
        Column holding the customer id (default: the index).
    missing : {"raise", "drop"}
        Rows with a missing x or y raise an error (default), or are dropped
        (e.g. a survey question not answered) with ``"drop"``.  The old
        spelling ``"error"`` still works, with a FutureWarning.

    Returns
    -------
    Classification whose table gives customers, shares (0-1) and the totals
    and means of x and y per cell; ``params`` holds the cut-offs.

    Examples
    --------
    >>> d = pd.DataFrame({"value": [9.0, 8, 2, 1], "response": [0.9, 0.1, 0.8, 0.2]})
    >>> two_axis(d, "value", "response", preset="value_responsiveness",
    ...          x_cut=5, y_cut=0.5).tiers.tolist()
    ['best', 'strange', 'fatal attraction', 'ghosts']

    References
    ----------
    Course file 004 (客户价值矩阵) and the sources named in each preset.
    """
    require_frame(data, "data")
    require_columns(data, [x, y] + ([customer] if customer else []), "data")
    missing = check_missing(missing, ("raise", "drop"))
    if missing == "drop":
        data = data.dropna(subset=[x, y])
    values = per_customer(data, x, customer, extra=(y,))
    if labels is None:
        if preset is None:
            labels = {("high", "high"): "high / high", ("high", "low"): "high / low",
                      ("low", "high"): "low / high", ("low", "low"): "low / low"}
        elif preset not in TWO_AXIS_PRESETS:
            raise ValueError(f"preset must be one of {sorted(TWO_AXIS_PRESETS)}, got {preset!r}")
        else:
            labels = TWO_AXIS_PRESETS[preset]["labels"]
    keys = _KEYS
    if set(labels) != set(keys):
        raise ValueError(f"labels must have the four keys {keys}, got {list(labels)}")
    names = check_labels([labels[k] for k in keys])
    vx, vy = values[x].to_numpy(), values[y].to_numpy()
    cx, cy = _cut(vx, x_cut, "x_cut"), _cut(vy, y_cut, "y_cut")
    hx, hy = vx >= cx, vy >= cy
    tier = np.where(hx, np.where(hy, 0, 1), np.where(hy, 2, 3)).astype(np.int64)
    res = make_classification(values, tier, names, [x, y],
                              f"two-axis matrix {x} x {y}" + (f" ({preset})" if preset else ""),
                              {"x": x, "y": y, "x_cut": cx, "y_cut": cy, "preset": preset,
                               "labels": dict(labels)})
    res.table[f"mean_{x}"] = res.table[x] / res.table["customers"].replace(0, np.nan)
    res.table[f"mean_{y}"] = res.table[y] / res.table["customers"].replace(0, np.nan)
    return res


# ---------------------------------------------------------------- purchase cycle x spend


@renamed_args(tx="transactions")
@takes_date_format
@in_engines
def purchase_cycle(transactions: pd.DataFrame, customer: str = "customer_id", date: str = "date",
                   amount: str = "amount", at=None) -> pd.DataFrame:
    """Each customer's average purchase cycle and average spend per purchase.

    .. math:: \\bar c_i = \\frac{t_{in_i} - t_{i1}}{n_i - 1}, \\qquad
              \\bar a_i = \\frac{1}{n_i}\\sum_j a_{ij}

    Parameters
    ----------
    date_format : str, optional
        ``strftime`` format of date strings that are not ISO 8601 (e.g.
        ``"%d/%m/%Y"``); ambiguous strings are refused without it.

    Returns
    -------
    DataFrame indexed by customer with ``purchases``, ``mean_interval``
    (days; NaN for a single purchase) and ``mean_spend`` (currency).
    """
    log = prepare_log(transactions, customer, date, amount, at=at)
    k = len(log.customers)
    n = np.bincount(log.codes, minlength=k)
    last = np.full(k, np.iinfo(np.int64).min)
    first = np.full(k, np.iinfo(np.int64).max)
    np.maximum.at(last, log.codes, log.days)
    np.minimum.at(first, log.codes, log.days)
    with np.errstate(invalid="ignore", divide="ignore"):
        interval = np.where(n > 1, (last - first) / np.maximum(n - 1, 1), np.nan)
    out = pd.DataFrame({"purchases": n.astype(np.int64), "mean_interval": interval,
                        "mean_spend": np.bincount(log.codes, weights=log.amount, minlength=k) / n},
                       index=log.customers)
    order = customer_order(out.index)
    return out.take(order) if order is not None else out


CYCLE_SPEND_GRID = pd.DataFrame(
    [["platinum", "gold", "silver"],
     ["gold", "silver", "development"],
     ["silver", "development", "optimisation"]],
    index=pd.Index(["short", "medium", "long"], name="cycle"),
    columns=pd.Index(["high", "medium", "low"], name="spend"),
)
CYCLE_SPEND_TIERS = ["platinum", "gold", "silver", "development", "optimisation"]


def cycle_spend_tiers(cycle: pd.DataFrame, *, cycle_cuts=(30, 90), spend_cuts=None,
                      grid: pd.DataFrame | None = None, single: str = "long",
                      interval: str = "mean_interval", spend: str = "mean_spend") -> Classification:
    """Tiers from purchase cycle x spend per purchase: platinum, gold, silver, development, optimisation.

    The cycle is *short* when the mean interval is at most ``cycle_cuts[0]``
    days, *medium* up to ``cycle_cuts[1]`` and *long* beyond; spend is *low*
    below ``spend_cuts[0]``, *medium* below ``spend_cuts[1]`` and *high* from
    it.  ``grid`` (rows short/medium/long, columns high/medium/low) names the
    tier of each cell; the default puts frequent big spenders in platinum and
    rare small spenders in optimisation:

    ==========  ========  ===========  ============
    cycle       high      medium       low
    ==========  ========  ===========  ============
    short       platinum  gold         silver
    medium      gold      silver       development
    long        silver    development  optimisation
    ==========  ========  ===========  ============

    Parameters
    ----------
    cycle : DataFrame
        Output of :func:`purchase_cycle`.
    cycle_cuts : (float, float)
        Days separating short / medium / long cycles.
    spend_cuts : (float, float), optional
        Spend per purchase separating low / medium / high (default: the
        terciles of the customers' mean spend).
    grid : DataFrame, optional
        3 x 3 table of tier names, as ``CYCLE_SPEND_GRID``.
    single : {"long", "drop"}
        Customers with one purchase (no interval yet) count as long-cycle,
        or are left out.

    Returns
    -------
    Classification with the tiers in the order of ``CYCLE_SPEND_TIERS``
    (grids with other names: in order of first appearance); the table gives
    each tier's customers, share and the tier's average of the customers'
    mean interval and mean spend (columns ``mean_interval``, ``mean_spend``).
    """
    require_frame(cycle, "cycle")
    require_columns(cycle, [interval, spend], "cycle")
    require_numeric(cycle, [interval, spend], "cycle")
    if single not in ("long", "drop"):
        raise ValueError(f"single must be 'long' or 'drop', got {single!r}")
    data = cycle.dropna(subset=[interval]) if single == "drop" else cycle
    require_no_missing(data, [spend], "cycle")
    cc = np.asarray(cycle_cuts, dtype=float).ravel()
    if len(cc) != 2 or not cc[0] < cc[1] or cc[0] < 0:
        raise ValueError(f"cycle_cuts must be two increasing non-negative day counts, got {cc.tolist()}")
    sp = data[spend].to_numpy(dtype=float)
    sc = (np.quantile(sp, [1 / 3, 2 / 3]) if spend_cuts is None
          else np.asarray(spend_cuts, dtype=float).ravel())
    if len(sc) != 2 or not sc[0] <= sc[1]:
        raise ValueError(f"spend_cuts must be two increasing amounts, got {sc.tolist()}")
    g = CYCLE_SPEND_GRID if grid is None else grid
    if list(g.index) != ["short", "medium", "long"] or list(g.columns) != ["high", "medium", "low"]:
        raise ValueError("grid must have rows ['short', 'medium', 'long'] and columns "
                         "['high', 'medium', 'low'] (see CYCLE_SPEND_GRID)")
    cells = [str(v) for v in g.to_numpy().ravel()]
    names = ([t for t in CYCLE_SPEND_TIERS if t in cells]
             + [t for t in dict.fromkeys(cells) if t not in CYCLE_SPEND_TIERS])
    iv = data[interval].to_numpy(dtype=float)
    row = np.where(np.isnan(iv), 2, np.where(iv <= cc[0], 0, np.where(iv <= cc[1], 1, 2)))
    col = np.where(sp >= sc[1], 0, np.where(sp >= sc[0], 1, 2))
    lookup = np.array([names.index(c) for c in cells]).reshape(3, 3)
    tier = lookup[row, col].astype(np.int64)
    values = data[[interval, spend]].astype(float).copy()
    res = make_classification(values, tier, names, [],
                              "purchase cycle x spend per purchase",
                              {"cycle_cuts": cc.tolist(), "spend_cuts": sc.tolist(),
                               "grid": g.copy()})
    means = values.groupby(tier).mean().reindex(range(len(names)))
    for c in (interval, spend):   # "mean_interval", not "mean_mean_interval"
        res.table[c if c.startswith("mean_") else f"mean_{c}"] = means[c].to_numpy()
    res.assignments["cycle"] = pd.Categorical.from_codes(row, ["short", "medium", "long"], ordered=True)
    res.assignments["spend"] = pd.Categorical.from_codes(col, ["high", "medium", "low"], ordered=True)
    return res


# ---------------------------------------------------------------- scorecard


@dataclass(repr=False)
class Scorecard(Result):
    """A weighted multi-indicator customer value index.

    Attributes
    ----------
    scores : DataFrame
        Per customer: the normalised indicators, group sub-indices, ``index``
        (0-100 with min-max), ``rank`` (1 = best) and ``tier``.
    weights : DataFrame
        Indicator, group, weight (percent, summing to 100), direction.
    classification : Classification
        The tiers with their table.
    method : str
    """

    scores: pd.DataFrame
    weights: pd.DataFrame
    classification: Classification
    method: str

    def _title(self) -> list[str]:
        lines = [f"Scorecard: {self.method}; {len(self.scores):,} customers", "weights (%):"]
        lines += [f"  {i}: {r.weight:.4g} ({r.group or 'no group'}, {r.direction})"
                  for i, r in self.weights.iterrows()]
        return lines

    def summary(self) -> pd.DataFrame:
        """The per-tier table (a copy): customers, customer_share (0-1), mean_index."""
        return self.classification.table.copy()


def scorecard(data: pd.DataFrame, weights: dict, *, groups: dict | None = None,
              lower_is_better=(), method: str = "minmax", tiers=None,
              customer: str | None = None, normalize: bool = False) -> Scorecard:
    """A weighted customer value index from several indicators, with ranks and tiers.

    Each indicator :math:`x_k` is normalised, then weighted:

    .. math:: z_{ik} = \\frac{x_{ik} - \\min_j x_{jk}}{\\max_j x_{jk} - \\min_j x_{jk}}
              \\;(\\text{min-max}) \\quad\\text{or}\\quad
              z_{ik} = \\frac{x_{ik} - \\bar x_k}{s_k} \\;(z),
              \\qquad V_i = \\sum_k \\frac{w_k}{100} z_{ik}

    (times 100 for min-max, so the index runs 0-100).  Indicators where lower
    is better (cost to serve, days late) enter as :math:`-x`.

    Parameters
    ----------
    data : DataFrame
        One row per customer.
    weights : dict
        Indicator column -> weight in percent; the weights must sum to 100.
    groups : dict, optional
        Group name -> list of indicators, e.g. ``{"contribution": [...],
        "characteristic": [...], "relationship": [...]}``; a sub-index per
        group is reported (the groups' weights add up to their share).
    lower_is_better : sequence of str
        Indicators where a smaller value is better.
    method : {"minmax", "z"}
        Normalisation.
    tiers : dict, optional
        Tier name -> percent of customers, best first, summing to 100
        (default ``{"A": 20, "B": 30, "C": 50}``).

    customer : str, optional
        Column holding the customer id (default: the index).
    normalize : bool
        Rescale weights that do not sum to 100 (default: refuse them).

    Returns
    -------
    Scorecard

    Examples
    --------
    >>> d = pd.DataFrame({"revenue": [100.0, 50, 10], "years": [1.0, 5, 3]},
    ...                  index=["a", "b", "c"])
    >>> card = scorecard(d, {"revenue": 60, "years": 40})
    >>> card.scores["index"].round(1).tolist()
    [60.0, 66.7, 20.0]

    References
    ----------
    Course file 004 (客户贡献类、客户特征类和客户关系类指标); the min-max index is the
    workbook's operationalisation.
    """
    require_frame(data, "data")
    if not isinstance(weights, dict) or not weights:
        raise TypeError("weights must be a dict {indicator column: weight in percent}")
    cols = list(weights)
    w = require_weights(list(weights.values()), cols, total=100.0, normalize=normalize)
    if method not in ("minmax", "z"):
        raise ValueError(f"method must be 'minmax' or 'z', got {method!r}")
    lower = list(lower_is_better)
    stray = [c for c in lower if c not in cols]
    if stray:
        raise ValueError(f"lower_is_better names {stray}, which are not weighted indicators {cols}")
    values = per_customer(data, cols[0], customer, extra=tuple(cols[1:]))
    z = pd.DataFrame(index=values.index)
    for c in cols:
        x = values[c].to_numpy()
        if c in lower:
            x = -x
        if method == "minmax":
            span = x.max() - x.min()
            z[c] = (x - x.min()) / span * 100 if span > 0 else 0.0
        else:
            sd = x.std(ddof=1) if len(x) > 1 else 0.0
            z[c] = (x - x.mean()) / sd if sd > 0 else 0.0
    wt = pd.Series(w / 100.0, index=cols)
    index = z.to_numpy() @ wt.to_numpy()
    group_of = {c: "" for c in cols}
    if groups:
        for gname, members in groups.items():
            missing = [m for m in members if m not in cols]
            if missing:
                raise ValueError(f"group {gname!r} lists {missing}, which are not in weights")
            for m in members:
                group_of[m] = gname
            z[f"{gname}_index"] = z[list(members)].to_numpy() @ wt[list(members)].to_numpy()
    scores = z.copy()
    scores["index"] = index
    scores["rank"] = (count_above(index) + 1).astype(np.int64)
    tiers = tiers or {"A": 20, "B": 30, "C": 50}
    labels = check_labels(list(tiers))
    frac = check_percentages(list(tiers.values()), labels, "tiers")
    tier = tier_from_fraction(count_above(index) / len(index), frac).astype(np.int64)
    base = values.copy()
    base["index"] = index
    cls = make_classification(base, tier, labels, [], "scorecard tiers by value index",
                              {"tiers": dict(tiers)})
    cls.table["mean_index"] = pd.Series(index).groupby(tier).mean().reindex(
        range(len(labels))).to_numpy()
    scores["tier"] = cls.assignments["tier"]
    wtable = pd.DataFrame({"group": [group_of[c] for c in cols], "weight": w,
                           "direction": ["lower is better" if c in lower else "higher is better"
                                         for c in cols]}, index=pd.Index(cols, name="indicator"))
    return Scorecard(scores, wtable, cls, f"{method} normalisation, {len(cols)} indicators")


# ---------------------------------------------------------------- Kotler's relationship levels

KOTLER_LEVELS = pd.DataFrame(
    [["accountable", "reactive", "basic"],
     ["proactive", "accountable", "reactive"],
     ["partnership", "proactive", "accountable"]],
    index=pd.Index(["many", "moderate", "few"], name="customers"),
    columns=pd.Index(["high", "medium", "low"], name="margin"),
)
RELATIONSHIP_LEVELS = ["basic", "reactive", "accountable", "proactive", "partnership"]


def relationship_level(margin: str, customers: str) -> str:
    """Kotler's recommended level of relationship marketing for a margin and number of customers.

    =============  ===========  ===========  ===================
    customers      high margin  medium       low margin
    =============  ===========  ===========  ===================
    many           accountable  reactive     basic (or reactive)
    moderate       proactive    accountable  reactive
    few            partnership  proactive    accountable
    =============  ===========  ===========  ===================

    Kotler gives "basic or reactive" for many low-margin customers; this
    function returns the first.

    Examples
    --------
    >>> relationship_level("high", "few")
    'partnership'

    References
    ----------
    Kotler, P. Marketing Management (the five levels of relationship building:
    basic, reactive, accountable, proactive, partnership).
    """
    m, c = str(margin).strip().lower(), str(customers).strip().lower()
    if m not in KOTLER_LEVELS.columns:
        raise ValueError(f"margin must be one of {list(KOTLER_LEVELS.columns)}, got {margin!r}")
    if c not in KOTLER_LEVELS.index:
        raise ValueError(f"customers must be one of {list(KOTLER_LEVELS.index)}, got {customers!r}")
    return str(KOTLER_LEVELS.loc[c, m])


def relationship_levels(data: pd.DataFrame, margin: str = "margin_rate",
                        customers: str = "customers", *, margin_cuts=(0.15, 0.35),
                        customer_cuts=(100, 10_000)) -> pd.DataFrame:
    """Kotler's relationship level for each row (a product line, market or segment).

    Numeric margins are *low* below ``margin_cuts[0]``, *medium* below
    ``margin_cuts[1]``, *high* from it; numeric customer counts are *few*
    below ``customer_cuts[0]``, *moderate* below ``customer_cuts[1]`` and
    *many* from it.  Columns already holding the level names are used as they
    are.  Margin rates are fractions (0.05 for 5%; 5.0 is refused with a
    hint), customer counts non-negative.  The default cut-offs are the
    workbook's illustration, not Kotler's: set your own.

    Returns
    -------
    A copy of ``data`` with ``margin_level``, ``customer_level`` and ``level``
    (ordered categorical basic < ... < partnership).

    Examples
    --------
    >>> lines = pd.DataFrame({"margin_rate": [0.05, 0.40], "customers": [50_000, 40]})
    >>> relationship_levels(lines)["level"].tolist()
    ['basic', 'partnership']
    """
    require_frame(data, "data")
    require_columns(data, [margin, customers], "data")
    out = data.copy()

    def levels(col, cuts, names, what):
        s = data[col]
        if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
            require_no_missing(data, [col], "data")
            c = np.asarray(cuts, dtype=float).ravel()
            if len(c) != 2 or not c[0] < c[1]:
                raise ValueError(f"{what} cut-offs must be two increasing numbers, got {c.tolist()}")
            x = s.to_numpy(float)
            if what == "margin":
                for v in (*c, *x):   # margins are fractions: 0.05, not 5
                    check_share(v, f"margin rate in column {col!r}")
            elif (x < 0).any() or not np.isfinite(x).all():
                raise ValueError(f"column {col!r} counts customers and must be non-negative, got "
                                 f"{_preview(x[(x < 0) | ~np.isfinite(x)].tolist())}")
            elif (c < 0).any():
                raise ValueError(f"customer_cuts must be non-negative counts, got {c.tolist()}")
            idx = np.searchsorted(c, x, side="right")
            return np.asarray(names, dtype=object)[idx]
        lv = s.astype(str).str.strip().str.lower()
        bad = ~lv.isin(names)
        if bad.any():
            raise ValueError(f"column {col!r} must be numeric or one of {names}, got "
                             f"{_preview(s[bad].unique().tolist())}")
        return lv.to_numpy()

    out["margin_level"] = levels(margin, margin_cuts, ["low", "medium", "high"], "margin")
    out["customer_level"] = levels(customers, customer_cuts, ["few", "moderate", "many"],
                                   "customer")
    lv = [relationship_level(m, c) for m, c in zip(out["margin_level"], out["customer_level"],
                                                   strict=True)]
    out["level"] = pd.Categorical(lv, categories=RELATIONSHIP_LEVELS, ordered=True)
    return out

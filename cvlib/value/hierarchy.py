"""Value hierarchy and ladders: value levels, Woodruff's hierarchy, what drives value, its management.

* :func:`value_hierarchy`: basic, expected, desired and unexpected value
  (file 001: 基本价值, 预期价值, 期盼价值, 意外价值);
* :func:`means_end_ladder`: Woodruff's attribute -> consequence -> goal
  ladder with attribute-, consequence- and goal-based satisfaction;
* :func:`use_possession_value`: Woodruff's use value vs possession value
  (使用价值 / 拥有价值) of an offer's benefits;
* :func:`value_drivers` and :func:`value_management_process`: what
  determines perceived value and the steps of managing it, as tables.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .._results import Result
from .._validate import (
    check_option,
    require_columns,
    require_in_range,
    require_no_missing,
    require_numeric,
)

__all__ = [
    "VALUE_LEVELS",
    "Ladder",
    "value_hierarchy",
    "means_end_ladder",
    "use_possession_value",
    "value_drivers",
    "value_management_process",
]

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
    What is unexpected today becomes expected tomorrow.  The four levels
    and their Chinese names are those of the course material (file 001);
    file 000 gives a three-level version (基本价值, 客户期望价值, 超越期望价值:
    basic, expected, beyond expectations), whose top level covers desired
    and unexpected value.

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


_LADDER_LEVELS = ("attribute", "consequence", "goal")
_SATISFACTION_KIND = {"attribute": "attribute-based satisfaction",
                      "consequence": "consequence-based satisfaction",
                      "goal": "goal-based satisfaction"}


@dataclass(frozen=True, repr=False)
class Ladder(Result):
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

    _show_index = False

    def summary(self) -> pd.DataFrame:
        """Satisfaction at each level (as :meth:`satisfaction`)."""
        return self.satisfaction()

    def _title(self) -> list[str]:
        return [f"Means-end ladder: {len(self.chains)} chains, {self.chains['attribute'].nunique()} "
                f"attributes, {self.chains['consequence'].nunique()} consequences, "
                f"{self.chains['goal'].nunique()} goals"]


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

    Examples
    --------
    >>> lad = means_end_ladder([("airbags", "fewer injuries", "family safe"),
    ...                         ("airbags", "fewer injuries", "family safe")], {"airbags": 6})
    >>> lad.satisfaction()[["level", "satisfaction"]].values.tolist()[0]
    ['attribute', 6.0]

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



# ---------------------------------------------------------------- Woodruff: use and possession value

_PURPOSES = ("use", "possession")


def use_possession_value(benefits, *, purpose: str = "purpose", amount: str = "amount",
                         benefit: str = "benefit") -> pd.DataFrame:
    r"""Split an offer's benefits into Woodruff's use value and possession value.

    **Use value** (使用价值) is what the customer gets from using the offer
    (its functional consequences); **possession value** (拥有价值) what the
    customer gets from merely owning it (symbolic: status, self-expression).
    Most offers give both (course material, file 001: 同时具有使用价值和拥有价值).
    The function totals each kind and gives its share of the total (0-1):

    .. math:: s_{use} = \frac{\sum_{b \in use} a_b}{\sum_b a_b}

    Parameters
    ----------
    benefits : DataFrame or dict
        One row per benefit with its ``purpose`` (``"use"`` or ``"possession"``,
        or 使用 / 拥有) and ``amount`` (a non-negative rating or money value);
        or a dict benefit -> (purpose, amount).
    purpose, amount, benefit : str
        Column names.

    Returns
    -------
    DataFrame
        ``purpose`` (use, possession), ``chinese``, ``benefits`` (count),
        ``amount`` (total) and ``share`` (fraction of the total, summing to 1).

    Examples
    --------
    >>> use_possession_value({"gets me to work": ("use", 6), "signals success": ("possession", 2)})[
    ...     ["purpose", "share"]].values.tolist()
    [['use', 0.75], ['possession', 0.25]]

    References
    ----------
    Woodruff, R. B. (1997), Customer value: the next source for competitive
    advantage, *JAMS* 25(2); Woodruff & Gardial (1996), *Know Your Customer*,
    ch. 4 (use and possession value).
    """
    if isinstance(benefits, Mapping):
        rows = []
        for k, v in benefits.items():
            if isinstance(v, str) or not isinstance(v, Sequence) or len(v) != 2:
                raise TypeError(f"benefit {k!r} must be a pair (purpose, amount), got {v!r}")
            rows.append((k, v[0], v[1]))
        frame = pd.DataFrame(rows, columns=[benefit, purpose, amount])
    elif isinstance(benefits, pd.DataFrame):
        require_columns(benefits, [purpose, amount], "benefits")
        frame = benefits
    else:
        raise TypeError(f"benefits must be a DataFrame or a dict benefit -> (purpose, amount), "
                        f"got {type(benefits).__name__}")
    if frame.empty:
        raise ValueError("benefits is empty; give at least one benefit with its purpose and amount")
    require_numeric(frame, [amount], "benefits")
    require_no_missing(frame, [purpose, amount], "benefits")
    if (frame[amount] < 0).any():
        raise ValueError(f"amounts must be non-negative, got {frame.loc[frame[amount] < 0, amount].tolist()}")
    zh = {"使用": "use", "使用价值": "use", "拥有": "possession", "拥有价值": "possession"}
    kind = [zh.get(str(p).strip(), str(p).strip().lower()) for p in frame[purpose]]
    bad = sorted({p for p in kind if p not in _PURPOSES})
    if bad:
        raise ValueError(f"purpose must be 'use' or 'possession' (使用 / 拥有), got {bad}")
    kind = pd.Series(kind, index=frame.index)
    total = float(frame[amount].sum())
    if total <= 0:
        raise ValueError("the amounts sum to 0; at least one benefit must have a positive amount")
    rows = [(p, {"use": "使用价值", "possession": "拥有价值"}[p], int((kind == p).sum()),
             float(frame.loc[kind == p, amount].sum()), float(frame.loc[kind == p, amount].sum()) / total)
            for p in _PURPOSES]
    return pd.DataFrame(rows, columns=["purpose", "chinese", "benefits", "amount", "share"])


def value_drivers() -> pd.DataFrame:
    """What determines the value a customer perceives: purpose, consequences, situation (and price).

    The course material (file 001, 决定客户消费价值的因素) names three factors:
    the **purpose** of consumption (use value or possession value), its
    **consequences** (positive: benefits obtained; negative: every cost and
    loss, each objective or subjective), and the consumption **situation**
    (weather, the shop's light and music, companions; value changes with it
    over time).  Price is not a separate factor there: it is one of the
    negative consequences.  Zeithaml (1988) puts price (monetary and
    non-monetary) beside quality as the driver of perceived value; the
    ``source`` column says whose each row is.

    Returns
    -------
    DataFrame
        ``driver``, ``chinese``, ``what_it_means``, ``in_cvlib`` (the function
        that measures it) and ``source``.

    Examples
    --------
    >>> value_drivers()["driver"].tolist()
    ['purpose', 'consequences', 'situation', 'price']
    """
    rows = [
        ("purpose", "顾客消费的目的", "use value (what using it achieves) or possession value "
         "(what owning it signals)", "use_possession_value", "course 001; Woodruff (1997)"),
        ("consequences", "顾客消费的结果", "positive (benefits) and negative (costs, losses) results, "
         "objective and subjective; value is their trade-off", "perceived_value_scores, delivered_value",
         "course 001; Woodruff (1997)"),
        ("situation", "顾客消费的情境", "the occasion, place and company of the choice; the same "
         "offer is valued differently in different situations", "value_by_group (by occasion or segment)",
         "course 001"),
        ("price", "价格", "the monetary sacrifice weighed against quality; in the course a negative "
         "consequence", "delivered_value (monetary cost), cvlib.cva.price_profile",
         "Zeithaml (1988), not a separate factor in the course"),
    ]
    return pd.DataFrame(rows, columns=["driver", "chinese", "what_it_means", "in_cvlib", "source"])


def value_management_process(stage: str | None = None) -> pd.DataFrame:
    """The consumption-value management process: identify and choose, create, communicate and assess.

    The course material (file 001, 消费价值管理的过程) has three stages:
    identifying and choosing value dimensions (消费价值的识别与选择, with Gale's
    customer value analysis as its tool), creating value (客户消费价值的创造:
    raise perceived gains, cut perceived costs) and communicating and
    assessing it (客户消费价值的沟通与评估).  A dimension is worth choosing when
    it matters to customers, the firm can deliver superior value on it, and
    it can outdo competitors there.

    Parameters
    ----------
    stage : {"identify", "create", "communicate"}, optional
        Return only that stage's steps.

    Returns
    -------
    DataFrame
        ``stage``, ``chinese``, ``step``, ``in_cvlib`` (where the workbook computes it).

    Examples
    --------
    >>> value_management_process()["stage"].unique().tolist()
    ['identify', 'create', 'communicate']
    """
    rows = [
        ("identify", "消费价值的识别与选择", "identify the value dimensions customers use",
         "value_hierarchy, means_end_ladder, consumption_values, holbrook_values"),
        ("identify", "消费价值的识别与选择", "find the dimensions of strategic importance (weights)",
         "cvlib.cva.quality_profile, cvlib.cva.price_profile"),
        ("identify", "消费价值的识别与选择", "choose feasible dimensions: important to customers, the firm "
         "can deliver superior value, it can outdo competitors", "cvlib.cva.head_to_head, cvlib.cva.value_map"),
        ("create", "客户消费价值的创造", "build the support system (organisation, culture)", ""),
        ("create", "客户消费价值的创造", "raise the customer's perceived gains",
         "delivered_value, perceived_value_scores"),
        ("create", "客户消费价值的创造", "cut the customer's perceived costs",
         "delivered_value, perceived_value_scores"),
        ("communicate", "客户消费价值的沟通与评估", "communicate the value delivered", ""),
        ("communicate", "客户消费价值的沟通与评估", "assess and monitor it over time",
         "cvlib.cva.scores_over_time, cvlib.cva.key_events, cvlib.cva.win_loss"),
    ]
    out = pd.DataFrame(rows, columns=["stage", "chinese", "step", "in_cvlib"])
    if stage is not None:
        check_option(stage, "stage", ("identify", "create", "communicate"))
        out = out[out["stage"] == stage].reset_index(drop=True)
    return out

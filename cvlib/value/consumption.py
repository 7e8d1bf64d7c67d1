"""Consumption values: Sheth's five, Holbrook's eight, and the PERVAL scale.

* :func:`consumption_values`: Sheth, Newman & Gross's five consumption
  values, with the course material's Chinese labels (file 001, 基于客户选择行为的划分);
* :func:`holbrook_values` and :func:`holbrook_scores`: Holbrook's eight
  consumer values (file 001, 基于客户体验过程的划分) as his 2 x 2 x 2 typology
  (extrinsic / intrinsic x self- / other-oriented x active / reactive);
* :func:`perval_scores`: a PERVAL-style scale scored from Likert items, with
  each dimension's Cronbach's alpha from :func:`cvlib.pls.cronbach_alpha`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from .._results import Result
from .._validate import (
    check_missing,
    require_columns,
    require_frame,
    require_in_range,
    require_no_missing,
    require_numeric,
)
from ..language import say

__all__ = [
    "PERVAL_DIMENSIONS",
    "PERVAL_REVERSED",
    "HOLBROOK_VALUES",
    "PervalScores",
    "HolbrookScores",
    "consumption_values",
    "holbrook_values",
    "holbrook_scores",
    "perval_scores",
]

def consumption_values() -> pd.DataFrame:
    """Sheth, Newman & Gross's five consumption values, with a car example and the PERVAL link.

    The Chinese labels are the course material's (file 001, 基于客户选择行为的划分:
    功能性价值, 社交性价值, 情感性价值, 认知性价值, 条件性价值; the slide also
    writes 认识性价值 for the epistemic value).

    Returns
    -------
    DataFrame
        ``value``, ``chinese``, ``definition``, ``car_example`` and
        ``perval_dimension`` (the PERVAL dimension that measures it, if any).

    Examples
    --------
    >>> consumption_values()[["value", "chinese"]].values.tolist()[:2]
    [['functional', '功能性价值'], ['social', '社交性价值']]

    References
    ----------
    Sheth, J. N., Newman, B. I. & Gross, B. L. (1991), Why we buy what we buy:
    a theory of consumption values, *Journal of Business Research* 22(2).
    Sweeney, J. C. & Soutar, G. N. (2001), Consumer perceived value: the
    development of a multiple item scale, *Journal of Retailing* 77(2).
    """
    rows = [
        ("functional", "功能性价值",
         "utility from the offer's functional, utilitarian or physical performance",
         "fuel economy, reliability, boot space", "quality, price"),
        ("social", "社交性价值",
         "utility from the offer's association with social groups",
         "a brand that signals success to colleagues", "social"),
        ("emotional", "情感性价值",
         "utility from the feelings or affective states the offer arouses",
         "the pleasure of driving, pride of ownership", "emotional"),
        ("epistemic", "认知性价值",
         "utility from the offer's capacity to arouse curiosity, novelty or knowledge",
         "trying a first electric car", ""),
        ("conditional", "条件性价值",
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


@dataclass(frozen=True, repr=False)
class PervalScores(Result):
    """PERVAL-style dimension scores per respondent and the reliability of each dimension.

    ``scores``: the ``keep`` columns and one column per dimension (mean of its
    recoded items).  ``reliability``: one row per dimension with ``items``
    (k), ``n`` (complete respondents used), ``alpha`` (Cronbach's) and its
    Feldt interval ``ci_low``, ``ci_high`` (95%).
    ``items``: one row per item with ``dimension``, ``reversed``, ``mean``
    (after recoding) and ``item_total_r`` (corrected item-total correlation;
    a negative one usually means an item that should have been reverse coded).
    """

    scores: pd.DataFrame
    reliability: pd.DataFrame
    items: pd.DataFrame

    _show_index = False

    def summary(self) -> pd.DataFrame:
        """One row per dimension: its reliability and mean score."""
        dims = list(self.reliability["dimension"])
        means = self.scores[dims].mean()
        out = self.reliability.copy()
        out["mean"] = means.to_numpy()
        return out

    def _title(self) -> list[str]:
        return [f"PERVAL scores of {len(self.scores)} respondents"]


def perval_scores(survey: pd.DataFrame, dimensions: Mapping[str, Sequence[str]] | None = None, *,
                  reverse: Sequence[str] | None = None, scale: tuple[int, int] = (1, 7),
                  missing: str = "raise", keep: Sequence[str] | None = None) -> PervalScores:
    r"""Score a PERVAL-style perceived-value scale: dimension means and Cronbach's alpha.

    A reverse-worded item is recoded :math:`x' = \text{low} + \text{high} - x`;
    a dimension's score is the mean of its items; its reliability is

    .. math:: \alpha = \frac{k}{k-1}\Bigl(1 - \frac{\sum_j s_j^2}{s_T^2}\Bigr)

    with :math:`s_j^2` the item variances and :math:`s_T^2` the variance of
    the sum of the k items (complete answers to that dimension), computed by
    :func:`cvlib.pls.cronbach_alpha` (with its Feldt interval) and
    :func:`cvlib.pls.item_analysis` (corrected item-total correlations).  An
    item that every respondent answered the same way carries no information
    and is refused with an error naming it.

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
    missing = check_missing(missing)
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
    from ..pls import cronbach_alpha, item_analysis

    rel_rows, item_rows = [], []
    for d, cols in dims.items():
        block = data[cols].dropna()
        if len(block) < 3:
            raise ValueError(f"dimension {d!r} has {len(block)} respondent(s) who answered all of its "
                             f"items {cols}; Cronbach's alpha needs at least 3")
        const = [c for c in cols if block[c].nunique() < 2]
        if const:
            raise ValueError(f"item(s) {const} of dimension {d!r} are constant (every respondent gave "
                             f"{[float(block[c].iloc[0]) for c in const]}); a constant item has no "
                             f"variance, so its reliability is undefined: drop it from the dimension")
        a = cronbach_alpha(block.reset_index(drop=True))
        rel_rows.append((d, len(cols), len(block), float(a.alpha), float(a.ci_low), float(a.ci_high)))
        ia = item_analysis(block.reset_index(drop=True))
        for c in cols:
            item_rows.append((d, c, c in rev, float(block[c].mean()), float(ia.loc[c, "item_total"])))
    scores.attrs["dropped"] = dropped
    reliability = pd.DataFrame(rel_rows, columns=["dimension", "items", "n", "alpha", "ci_low", "ci_high"])
    item_table = pd.DataFrame(item_rows, columns=["dimension", "item", "reversed", "mean", "item_total_r"])
    return PervalScores(scores, reliability, item_table)


# ---------------------------------------------------------------- Holbrook's eight values

#: Holbrook's eight consumer values: key -> (Chinese label of the course material, file 001,
#: extrinsic/intrinsic, self/other-oriented, active/reactive).
HOLBROOK_VALUES: dict[str, tuple[str, str, str, str]] = {
    "efficiency": ("效率价值", "extrinsic", "self-oriented", "active"),
    "play": ("娱乐价值", "intrinsic", "self-oriented", "active"),
    "excellence": ("卓越价值", "extrinsic", "self-oriented", "reactive"),
    "aesthetics": ("美感价值", "intrinsic", "self-oriented", "reactive"),
    "status": ("地位价值", "extrinsic", "other-oriented", "active"),
    "ethics": ("伦理价值", "intrinsic", "other-oriented", "active"),
    "esteem": ("尊敬价值", "extrinsic", "other-oriented", "reactive"),
    "spirituality": ("心灵价值", "intrinsic", "other-oriented", "reactive"),
}
_HOLBROOK_DIMENSIONS = {"orientation": ("extrinsic", "intrinsic"),
                        "focus": ("self-oriented", "other-oriented"),
                        "activity": ("active", "reactive")}
_HOLBROOK_MEANING = {
    "efficiency": ("convenience: output per unit of input (time, money, effort)",
                   "a one-stop ticket that saves a day of queues"),
    "play": ("fun enjoyed for its own sake", "a game or show one takes part in"),
    "excellence": ("quality admired for what it will do", "a machine that never breaks down"),
    "aesthetics": ("beauty appreciated for its own sake", "a well-designed booth or product"),
    "status": ("success shown to others through what one consumes", "a luxury brand worn to a meeting"),
    "ethics": ("virtue, justice, doing right by others", "buying energy-saving or charity-linked products"),
    "esteem": ("reputation that owning the product earns", "a collector's piece others admire"),
    "spirituality": ("faith, a sense of the sacred", "a pilgrimage souvenir, a jade amulet"),
}


def holbrook_values() -> pd.DataFrame:
    """Holbrook's eight consumer values as his 2 x 2 x 2 typology.

    Each value is **extrinsic** (a means to an end) or **intrinsic**
    (appreciated for its own sake), **self-oriented** or **other-oriented**
    (prized for its effect on others), **active** (the consumer does
    something with the offer) or **reactive** (the consumer responds to it).
    The course material (file 001, 基于客户体验过程的划分) lists the eight values
    with their Chinese names; the three dimensions are Holbrook's (1999).

    Returns
    -------
    DataFrame
        ``value``, ``chinese`` (the course's label), ``orientation``,
        ``focus``, ``activity``, ``definition`` and ``example``.

    Examples
    --------
    >>> t = holbrook_values()
    >>> t.loc[(t["orientation"] == "intrinsic") & (t["focus"] == "other-oriented"), "value"].tolist()
    ['ethics', 'spirituality']

    References
    ----------
    Holbrook, M. B. (1999), *Consumer Value: A Framework for Analysis and
    Research*, Routledge, ch. 1 (table 1.2, the typology of consumer value).
    """
    rows = [(k, zh, o, f, a, *_HOLBROOK_MEANING[k]) for k, (zh, o, f, a) in HOLBROOK_VALUES.items()]
    return pd.DataFrame(rows, columns=["value", "chinese", "orientation", "focus", "activity",
                                       "definition", "example"])


@dataclass(frozen=True, repr=False)
class HolbrookScores(Result):
    """Mean ratings of Holbrook's eight values and of the poles of his three dimensions.

    ``values``: one row per value with its place in the typology, ``n``
    (answers), ``mean`` (on the rating scale) and ``rank`` (1 = highest mean).
    ``dimensions``: one row per pole of each dimension (orientation, focus,
    activity): ``mean`` of its four values' means and ``share``, the pole's
    part of the two poles' summed means (the two shares of a dimension sum to 1).
    """

    values: pd.DataFrame
    dimensions: pd.DataFrame
    n: int
    scale: tuple

    _show_index = False

    def summary(self) -> pd.DataFrame:
        """The eight values, ranked by mean rating."""
        return self.values.sort_values("rank", kind="stable").reset_index(drop=True)

    def _title(self) -> list[str]:
        top = self.summary().iloc[0]
        return [say(f"Holbrook's eight consumer values rated by {self.n} respondents "
                    f"(scale {self.scale[0]:g}-{self.scale[1]:g}); highest: {top['value']} "
                    f"{top['mean']:.2f}",
                    f"霍尔布鲁克的八种消费者价值，{self.n} 位受访者评分"
                    f"（量表 {self.scale[0]:g}-{self.scale[1]:g}）；最高：{top['value']} "
                    f"{top['mean']:.2f}")]


def holbrook_scores(ratings: pd.DataFrame, columns: Mapping[str, str] | None = None, *,
                    scale: tuple[float, float] = (1, 7), missing: str = "raise") -> HolbrookScores:
    r"""Score Holbrook's eight consumer values from ratings, and his three dimensions.

    Each respondent rates how much an offer delivers each of the eight values
    (one rating per value, on ``scale``).  A value's score is its mean rating
    :math:`\bar x_v`; a pole of a dimension (e.g. *intrinsic*) scores the
    mean of its four values, and its share of the dimension is

    .. math:: s_{pole} = \frac{\sum_{v \in pole} \bar x_v}{\sum_{v} \bar x_v}

    (shares are fractions; the two poles of a dimension sum to 1).

    Parameters
    ----------
    ratings : DataFrame
        One row per respondent, one column per value.
    columns : dict, optional
        Value key (``efficiency``, ``play``, ``excellence``, ``aesthetics``,
        ``status``, ``ethics``, ``esteem``, ``spirituality``) -> column name;
        default: the columns are named by the keys.  All eight are needed.
    scale : (low, high), default (1, 7)
        The rating scale; answers outside it are an error.
    missing : {"raise", "drop", "available"}
        Missing answers: raise (default); drop the respondent; or average each
        value over the respondents who rated it.

    Returns
    -------
    HolbrookScores

    Examples
    --------
    >>> r = pd.DataFrame({k: [4, 6] for k in HOLBROOK_VALUES}).assign(play=[7, 7])
    >>> h = holbrook_scores(r)
    >>> h.summary()["value"].iloc[0]
    'play'
    >>> float(h.dimensions.set_index("pole").loc["intrinsic", "share"].round(4))  # (7 + 3 x 5) / 42
    0.5238

    References
    ----------
    Holbrook, M. B. (1999), *Consumer Value*, ch. 1; the course material, file 001.
    """
    require_frame(ratings, "ratings")
    missing = check_missing(missing)
    cols = {k: k for k in HOLBROOK_VALUES} if columns is None else dict(columns)
    unknown = [k for k in cols if k not in HOLBROOK_VALUES]
    if unknown:
        import difflib

        close = [m for k in unknown for m in difflib.get_close_matches(str(k), list(HOLBROOK_VALUES), n=1)]
        raise ValueError(f"unknown Holbrook value(s) {unknown}" + (f"; did you mean {close}?" if close else "")
                         + f" The eight values are {list(HOLBROOK_VALUES)}")
    absent = [k for k in HOLBROOK_VALUES if k not in cols]
    if absent:
        raise ValueError(f"columns lacks the value(s) {absent}; map all eight Holbrook values to columns")
    require_columns(ratings, list(cols.values()), "ratings")
    require_numeric(ratings, list(cols.values()), "ratings")
    low, high = scale
    for k, c in cols.items():
        require_in_range(ratings[c], low, high, f"ratings of {k} (column {c!r})")
    data = ratings[[cols[k] for k in HOLBROOK_VALUES]].astype(float)
    data.columns = list(HOLBROOK_VALUES)
    if missing == "raise":
        require_no_missing(data, list(HOLBROOK_VALUES), "ratings")
    elif missing == "drop":
        data = data.dropna()
    if data.dropna(how="all").empty:
        raise ValueError("ratings has no answered row; nothing to score")
    means = data.mean()
    if means.isna().any():
        raise ValueError(f"no respondent rated {list(means.index[means.isna()])}")
    table = holbrook_values()[["value", "chinese", "orientation", "focus", "activity"]]
    table["n"] = data.notna().sum().to_numpy()
    table["mean"] = means.to_numpy()
    table["rank"] = table["mean"].rank(ascending=False, method="min").astype(int)
    rows = []
    for dim, poles in _HOLBROOK_DIMENSIONS.items():
        total = float(table["mean"].sum())
        for pole in poles:
            m = table.loc[table[dim] == pole, "mean"]
            rows.append((dim, pole, float(m.mean()), float(m.sum()) / total if total > 0 else math.nan))
    dims = pd.DataFrame(rows, columns=["dimension", "pole", "mean", "share"])
    return HolbrookScores(table, dims, int(data.dropna(how="all").shape[0]), tuple(scale))

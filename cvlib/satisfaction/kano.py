"""Kano's attractive, one-dimensional and must-be quality (Kano et al. 1984; Berger et al. 1993)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._validate import check_missing, group_labels, require_columns, require_no_missing

__all__ = ["KANO_ANSWERS", "KANO_TABLE", "KANO_CATEGORIES", "KANO_NAMES", "kano_classify",
           "kano_table"]

#: The five answers of a Kano question, coded 1-5, with accepted spellings.
KANO_ANSWERS = {
    1: "like",
    2: "must-be",
    3: "neutral",
    4: "live-with",
    5: "dislike",
}
_KANO_ALIASES = {
    "like": 1, "i like it": 1, "i like it that way": 1, "delighted": 1,
    "must-be": 2, "must be": 2, "mustbe": 2, "it must be that way": 2, "expect": 2, "expect it": 2,
    "neutral": 3, "i am neutral": 3, "indifferent": 3,
    "live-with": 4, "live with": 4, "i can live with it": 4, "tolerate": 4,
    "can live with it": 4,
    "dislike": 5, "i dislike it": 5, "i dislike it that way": 5,
}

#: The Kano evaluation table (Berger et al. 1993, table 1): functional answer (rows) x
#: dysfunctional answer (columns), both coded 1 like ... 5 dislike.
#: A attractive, O one-dimensional, M must-be, I indifferent, R reverse, Q questionable.
KANO_TABLE = pd.DataFrame(
    [["Q", "A", "A", "A", "O"],
     ["R", "I", "I", "I", "M"],
     ["R", "I", "I", "I", "M"],
     ["R", "I", "I", "I", "M"],
     ["R", "R", "R", "R", "Q"]],
    index=pd.Index(list(KANO_ANSWERS.values()), name="functional"),
    columns=pd.Index(list(KANO_ANSWERS.values()), name="dysfunctional"),
)
_KANO_GRID = KANO_TABLE.to_numpy()
KANO_CATEGORIES = ("A", "O", "M", "I", "R", "Q")
#: The name of each Kano category.
KANO_NAMES = {"A": "attractive", "O": "one-dimensional", "M": "must-be", "I": "indifferent",
               "R": "reverse", "Q": "questionable"}


def _kano_codes(values, name: str) -> np.ndarray:
    s = pd.Series(values)
    out = np.full(len(s), -1, dtype=int)
    for i, v in enumerate(s.tolist()):
        if v is None or (isinstance(v, float) and np.isnan(v)):
            out[i] = 0
        elif isinstance(v, str):
            out[i] = _KANO_ALIASES.get(" ".join(v.strip().lower().split()), -1)
        elif isinstance(v, (int, float, np.integer, np.floating)) and float(v) in (1, 2, 3, 4, 5):
            out[i] = int(v)
    bad = out == -1
    if bad.any():
        shown = ", ".join(sorted({repr(v) for v in s[bad].tolist()})[:5])
        raise ValueError(
            f"{name} has {int(bad.sum())} answer(s) that are not Kano answers: [{shown}]; expected "
            f"1-5 or one of {list(KANO_ANSWERS.values())}"
        )
    return out


def kano_classify(functional, dysfunctional) -> np.ndarray:
    """Classify answer pairs with the Kano evaluation table.

    Parameters
    ----------
    functional, dysfunctional : array-like
        Answers to "How do you feel if the product *has* the feature?" and
        "... if it does *not* have it?", coded 1-5 or as text (like,
        must-be, neutral, live-with, dislike).  Missing answers are not
        allowed here (see :func:`kano_table`).

    Returns
    -------
    ndarray of str
        A (attractive), O (one-dimensional), M (must-be), I (indifferent),
        R (reverse) or Q (questionable).

    Examples
    --------
    >>> kano_classify(["like", "neutral", 1], ["neutral", "dislike", 5]).tolist()
    ['A', 'M', 'O']
    """
    f = _kano_codes(functional, "functional")
    d = _kano_codes(dysfunctional, "dysfunctional")
    if len(f) != len(d):
        raise ValueError(f"functional has {len(f)} answers but dysfunctional has {len(d)}")
    if (f == 0).any() or (d == 0).any():
        raise ValueError(f"{int(((f == 0) | (d == 0)).sum())} answer pair(s) have a missing answer; "
                         f"drop them or use kano_table(..., missing='drop')")
    return _KANO_GRID[f - 1, d - 1]


def kano_table(data: pd.DataFrame, *, feature: str = "feature", functional: str = "functional",
               dysfunctional: str = "dysfunctional", missing: str = "raise") -> pd.DataFrame:
    """Kano categories per feature, with Berger et al.'s satisfaction coefficients.

    Every respondent's answer pair is classified with :data:`KANO_TABLE`;
    the feature's category is the most frequent one (ties broken in the
    order M > O > A > I > R > Q, the usual "must-be first" rule).  The
    better (CS+) and worse (CS-) coefficients are

    .. math::

        CS^+ = \\frac{A + O}{A + O + M + I}, \\qquad
        CS^- = -\\frac{O + M}{A + O + M + I}

    so CS+ lies in [0, 1] (how much having the feature adds satisfaction)
    and CS- in [-1, 0] (how much lacking it causes dissatisfaction).

    Parameters
    ----------
    data : DataFrame
        Long format: one row per respondent and feature.
    feature, functional, dysfunctional : str
        Column names.
    missing : {"raise", "drop"}
        ``"raise"`` (default): an error naming the columns with missing
        answers; ``"drop"``: leave out the pairs with a missing answer.

    Returns
    -------
    DataFrame
        One row per feature (in the order of :func:`cvlib._validate.group_labels`):
        ``feature``, ``n``, counts ``A, O, M, I, R, Q``, ``category``,
        ``category_name``, ``better`` (CS+), ``worse`` (CS-).

    Examples
    --------
    >>> answers = pd.DataFrame({"feature": ["wifi"] * 3 + ["lock"] * 3,
    ...                         "functional": ["like", "like", "like", "neutral", "neutral", "like"],
    ...                         "dysfunctional": ["neutral", "neutral", "dislike", "dislike", "dislike", "dislike"]})
    >>> kano_table(answers)[["feature", "category_name", "better", "worse"]].round(3)
      feature category_name  better  worse
    0    lock       must-be   0.333 -1.000
    1    wifi    attractive   1.000 -0.333

    References
    ----------
    Kano, N., Seraku, N., Takahashi, F. & Tsuji, S. (1984). Attractive
    quality and must-be quality. *Hinshitsu* 14(2), 39-48.
    Berger, C. et al. (1993). Kano's methods for understanding
    customer-defined quality. *Center for Quality Management Journal* 2(4), 3-36.
    """
    require_columns(data, [feature, functional, dysfunctional], "the Kano answers")
    missing = check_missing(missing, ("raise", "drop"))
    if missing == "raise":
        require_no_missing(data, [feature, functional, dysfunctional], "the Kano answers")
    f = _kano_codes(data[functional], f"column {functional!r}")
    d = _kano_codes(data[dysfunctional], f"column {dysfunctional!r}")
    keep = (f > 0) & (d > 0) & data[feature].notna().to_numpy()
    cats = _KANO_GRID[f[keep] - 1, d[keep] - 1]
    feats = data[feature].to_numpy()[keep]
    order = group_labels(data[feature][keep], feature)
    tie_order = ["M", "O", "A", "I", "R", "Q"]
    rows = []
    for ft in order:
        c = cats[feats == ft]
        counts = {k: int((c == k).sum()) for k in KANO_CATEGORIES}
        best = max(tie_order, key=lambda k: (counts[k], -tie_order.index(k)))
        base = counts["A"] + counts["O"] + counts["M"] + counts["I"]
        better = (counts["A"] + counts["O"]) / base if base else np.nan
        worse = -(counts["O"] + counts["M"]) / base if base else np.nan
        rows.append({"feature": ft, "n": len(c), **counts, "category": best,
                     "category_name": KANO_NAMES[best], "better": better, "worse": worse})
    return pd.DataFrame(rows, columns=["feature", "n", *KANO_CATEGORIES, "category",
                                       "category_name", "better", "worse"])



"""The Net Promoter Score (Reichheld 2003) with its standard error, overall or per segment."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._validate import (
    check_ci,
    check_missing,
    group_labels,
    require_columns,
    require_no_missing,
    require_numeric,
)
from .scales import check_ratings

__all__ = ["nps"]


def nps(data, column: str = "recommend", *, by: str | None = None, missing: str = "raise",
        ci: float = 0.95) -> pd.DataFrame:
    """Net Promoter Score with its standard error (Reichheld 2003).

    On the 0-10 "How likely are you to recommend ...?" question, promoters
    answer 9-10, passives 7-8 and detractors 0-6.

    .. math::

        NPS = (p_P - p_D) \\times 100, \\qquad
        SE = \\sqrt{\\frac{p_P + p_D - (p_P - p_D)^2}{n}} \\times 100

    (the multinomial variance of the difference of two shares), with a
    normal-approximation confidence interval NPS +- z SE.

    Parameters
    ----------
    data : DataFrame, Series or array
        The answers (a DataFrame with ``column``, or the answers themselves).
    column : str
        The 0-10 question.
    by : str, optional
        A segment column; one row per segment (categories in their order,
        unused ones skipped: :func:`cvlib._validate.group_labels`).
    missing : {"raise", "drop"}
        ``"raise"`` (default): an error saying how many answers are missing;
        ``"drop"``: leave out the respondents who did not answer.
    ci : float
        Confidence level in (0, 1).

    Returns
    -------
    DataFrame
        ``segment``, ``n``, ``promoters``, ``passives``, ``detractors``
        (shares 0-1), ``nps`` (-100..100), ``se``, ``ci_low``, ``ci_high``.

    Examples
    --------
    >>> nps(pd.Series([10, 9, 8, 3]))[["nps", "se"]].round(2).values.tolist()
    [[25.0, 41.46]]

    References
    ----------
    Reichheld, F. F. (2003). The one number you need to grow. *Harvard
    Business Review* 81(12), 46-54.
    """
    from scipy.stats import norm

    if not isinstance(data, pd.DataFrame):
        if by is not None:
            raise ValueError("by= needs a DataFrame holding the segment column")
        data = pd.DataFrame({column: pd.Series(np.asarray(data))})
    require_columns(data, [column] + ([by] if by else []), "the survey")
    require_numeric(data, [column], "the survey")
    missing = check_missing(missing, ("raise", "drop"))
    if missing == "raise":
        require_no_missing(data, [column], "the survey")
    check_ratings(data, [column], (0, 10), integer=True)
    ci = check_ci(ci)
    z = float(norm.ppf(0.5 + ci / 2))
    if by is None:
        groups = [("all", data[column])]
    else:
        g = data[by]
        groups = [(lab, data.loc[g == lab, column]) for lab in group_labels(g, by)]
    rows = []
    for lab, s in groups:
        v = s.dropna().to_numpy(dtype=float)
        n = len(v)
        if n == 0:
            raise ValueError(f"segment {lab!r} has no answers to {column!r}")
        n_p, n_d = int((v >= 9).sum()), int((v <= 6).sum())
        pp, pd_ = n_p / n, n_d / n
        score = (n_p - n_d) / n * 100
        se = np.sqrt(max(pp + pd_ - (pp - pd_) ** 2, 0.0) / n) * 100
        rows.append((lab, n, pp, (n - n_p - n_d) / n, pd_, score, se, score - z * se, score + z * se))
    return pd.DataFrame(rows, columns=["segment", "n", "promoters", "passives", "detractors",
                                       "nps", "se", "ci_low", "ci_high"])

"""Importance-performance analysis (Martilla & James 1977): where to concentrate effort."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._results import Result
from .._validate import require_columns, require_no_missing, require_numeric
from .scales import _as_scale

__all__ = ["IPA_QUADRANTS", "ipa", "IPAResult"]

#: Martilla & James (1977) quadrant labels: (high importance?, high performance?) -> label.
IPA_QUADRANTS = {
    (True, False): "Concentrate here",
    (True, True): "Keep up the good work",
    (False, False): "Low priority",
    (False, True): "Possible overkill",
}


class IPAResult(Result):
    """An importance-performance grid.

    Attributes
    ----------
    table : DataFrame
        ``attribute``, ``importance``, ``performance``, ``quadrant``.
    importance_cut, performance_cut : float
        Where the cross-hairs are.
    """

    _show_index = False

    def __init__(self, table, importance_cut, performance_cut):
        self.table, self.importance_cut, self.performance_cut = table, importance_cut, performance_cut

    def summary(self) -> pd.DataFrame:
        """The grid (a copy): one row per attribute with its quadrant."""
        return self.table.copy()

    def quadrant(self, attribute: str) -> str:
        """The quadrant label of one attribute."""
        hit = self.table.loc[self.table["attribute"] == attribute, "quadrant"]
        if hit.empty:
            raise KeyError(f"no attribute {attribute!r}; attributes are {self.table['attribute'].tolist()}")
        return str(hit.iloc[0])

    def _title(self) -> list[str]:
        return ["Importance-performance analysis",
                f"cuts: importance {self.importance_cut:.3f}, performance {self.performance_cut:.3f}"]


def _cut(values: np.ndarray, how, name: str, scale) -> float:
    if isinstance(how, str):
        if how == "mean":
            return float(np.mean(values))
        if how == "median":
            return float(np.median(values))
        if how == "midpoint":
            if scale is None:
                raise ValueError(f"{name}='midpoint' needs the rating scale: pass scale=(low, high)")
            return _as_scale(scale).midpoint
        raise ValueError(f"{name} must be 'mean', 'median', 'midpoint' or a number, got {how!r}")
    try:
        return float(how)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be 'mean', 'median', 'midpoint' or a number, got {how!r}") from None


def ipa(data: pd.DataFrame, *, attribute: str = "attribute", importance: str = "importance",
        performance: str = "performance", importance_cut="mean", performance_cut="mean",
        scale=None) -> IPAResult:
    """Importance-performance analysis (Martilla & James 1977).

    Each attribute is placed by its importance (stated, or derived from a
    key-driver analysis) and its performance (mean rating).  Cross-hairs
    split the grid into four quadrants:

    ====================  ===================  ======================
    importance            low performance      high performance
    ====================  ===================  ======================
    high                  Concentrate here     Keep up the good work
    low                   Low priority         Possible overkill
    ====================  ===================  ======================

    A value equal to a cut counts as high.

    Parameters
    ----------
    data : DataFrame
        One row per attribute.
    attribute, importance, performance : str
        Column names.
    importance_cut, performance_cut : "mean", "median", "midpoint" or float
        Where the lines go: the mean of the attributes (the default, as
        Martilla & James suggest when ratings cluster high), the median, the
        scale midpoint (needs ``scale``) or a number.
    scale : Scale or (low, high), optional
        The rating scale, for ``"midpoint"`` cuts; when given, importance and
        performance values outside it are refused.

    Returns
    -------
    IPAResult

    Examples
    --------
    >>> t = pd.DataFrame({"attribute": ["price", "staff", "parking", "decor"],
    ...                   "importance": [9.0, 8.0, 4.0, 3.0], "performance": [5.0, 8.0, 4.0, 9.0]})
    >>> ipa(t).table["quadrant"].tolist()
    ['Concentrate here', 'Keep up the good work', 'Low priority', 'Possible overkill']

    References
    ----------
    Martilla, J. A. & James, J. C. (1977). Importance-performance analysis.
    *Journal of Marketing* 41(1), 77-79.
    """
    require_columns(data, [attribute, importance, performance], "the IPA table")
    require_numeric(data, [importance, performance], "the IPA table")
    require_no_missing(data, [importance, performance], "the IPA table")
    if data[attribute].duplicated().any():
        dup = data.loc[data[attribute].duplicated(), attribute].tolist()
        raise ValueError(f"attribute(s) {dup} appear more than once; give one row per attribute")
    if len(data) < 2:
        raise ValueError(f"IPA needs at least 2 attributes, got {len(data)}")
    imp = data[importance].to_numpy(dtype=float)
    perf = data[performance].to_numpy(dtype=float)
    if scale is not None:
        sc = _as_scale(scale)
        for name, v in ((importance, imp), (performance, perf)):
            bad = (v < sc.low) | (v > sc.high)
            if bad.any():
                raise ValueError(
                    f"column {name!r} has {int(bad.sum())} value(s) outside the {sc.low}-{sc.high} "
                    f"scale: {sorted(set(v[bad].tolist()))[:5]}; pass the scale the ratings use"
                )
    ic = _cut(imp, importance_cut, "importance_cut", scale)
    pc = _cut(perf, performance_cut, "performance_cut", scale)
    quad = [IPA_QUADRANTS[(bool(i >= ic), bool(p >= pc))] for i, p in zip(imp, perf, strict=True)]
    table = pd.DataFrame({"attribute": data[attribute].astype(str).to_numpy(), "importance": imp,
                          "performance": perf, "quadrant": quad})
    return IPAResult(table, ic, pc)



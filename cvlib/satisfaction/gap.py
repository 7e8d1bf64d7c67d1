"""Satisfaction as the gap between perception and expectation, per attribute, and its three layers.

The course material defines satisfaction as the gap between what the customer
perceives and what they expected (004, "满意是感知与期望之间的差距"), and orders
it in three successive layers (004, "物质满意层次", "精神满意层次", "社会满意层"):
material satisfaction with the product's core (function, quality, design),
mental satisfaction with its form and the services around it, and social
satisfaction with the social benefits its consumption upholds (moral,
political, ecological value).  The gap per attribute is the
expectancy-disconfirmation idea of Oliver (1980) and the P - E score of
SERVQUAL (Parasuraman, Zeithaml & Berry 1988):

.. math:: \\text{gap}_i = \\bar P_i - \\bar E_i

positive when perception exceeds expectation, negative when it falls short.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from .._results import Result
from .._validate import (
    check_missing,
    require_columns,
    require_frame,
    require_no_missing,
    require_numeric,
    require_weights,
)
from .scales import _as_scale, check_ratings

__all__ = ["SATISFACTION_LAYERS", "GAP_EXAMPLE", "satisfaction_gap", "GapResult"]

#: The three layers of satisfaction of the course material (004), from the most basic up.
SATISFACTION_LAYERS = pd.DataFrame(
    [("material", "物质满意", "the product's core: its function, quality, design and packaging"),
     ("mental", "精神满意", "the product's form and the services and extras around it"),
     ("social", "社会满意", "the social benefits its consumption upholds: moral, political and "
                           "ecological value")],
    columns=["layer", "chinese", "satisfaction with"],
)

#: The workbook's own worked example (not the course's numbers): a mobile operator's customers
#: rate what they expected and what they got on a 1-7 scale, per attribute, with stated
#: importance weights summing to 100 and the layer of satisfaction each attribute belongs to.
GAP_EXAMPLE = pd.DataFrame({
    "attribute": ["network coverage", "call quality", "billing accuracy", "shop staff",
                  "app and self-service", "green packaging"],
    "layer": ["material", "material", "material", "mental", "mental", "social"],
    "expectation": [6.5, 6.2, 6.6, 5.4, 5.0, 3.8],
    "perception": [5.9, 6.3, 5.7, 5.8, 5.6, 4.1],
    "importance": [30, 20, 20, 15, 10, 5],
})

_OUTCOMES = ("not met", "met", "exceeded")


class GapResult(Result):
    """Perception minus expectation per attribute, with an importance-weighted overall gap.

    Attributes
    ----------
    table : DataFrame
        One row per attribute: ``attribute``, (``layer``), ``n``,
        ``expectation``, ``perception``, ``gap`` (perception - expectation,
        in scale points), ``outcome`` ("exceeded", "met" or "not met") and
        ``weight`` (summing to 100).
    overall : float
        The weighted mean gap, :math:`\\sum_i w_i\\,\\text{gap}_i / 100`.
    tol : float
        Gaps within +-tol count as "met".
    """

    _show_index = False

    def __init__(self, table: pd.DataFrame, overall: float, tol: float):
        self.table, self.overall, self.tol = table, overall, tol

    def summary(self) -> pd.DataFrame:
        """The per-attribute table (a copy)."""
        return self.table.copy()

    def by_layer(self) -> pd.DataFrame:
        """Weighted mean gap per layer of satisfaction (material, mental, social), if layers were given.

        Columns ``layer``, ``chinese``, ``attributes``, ``weight`` (the
        layer's share of the weights, summing to 100) and ``gap`` (the
        weighted mean gap of its attributes; NaN for a layer without
        attributes).
        """
        if "layer" not in self.table.columns:
            raise ValueError("no layers: pass layer='<column>' to satisfaction_gap to tag each "
                             "attribute as material, mental or social")
        rows = []
        for layer, chinese in SATISFACTION_LAYERS[["layer", "chinese"]].itertuples(index=False):
            t = self.table[self.table["layer"] == layer]
            w = t["weight"].sum()
            gap = float((t["weight"] * t["gap"]).sum() / w) if w > 0 else np.nan
            rows.append((layer, chinese, len(t), float(w), gap))
        return pd.DataFrame(rows, columns=["layer", "chinese", "attributes", "weight", "gap"])

    def _title(self) -> list[str]:
        return ["Satisfaction as perception minus expectation",
                f"overall (importance-weighted) gap {self.overall:+.3f} scale points"]


def satisfaction_gap(data: pd.DataFrame, *, attribute: str = "attribute",
                     expectation: str = "expectation", perception: str = "perception",
                     weights=None, normalize: bool = False, layer: str | None = None,
                     scale=None, tol: float = 0.0, missing: str = "raise") -> GapResult:
    """Satisfaction per attribute as perception minus expectation (004; Oliver 1980).

    .. math::

        \\text{gap}_i = \\bar P_i - \\bar E_i, \\qquad
        \\text{overall} = \\sum_i \\frac{w_i}{100}\\,\\text{gap}_i, \\quad \\sum_i w_i = 100

    where :math:`\\bar P_i` and :math:`\\bar E_i` are the mean perception and
    expectation ratings of attribute *i*.  A gap above ``tol`` means the
    attribute exceeded expectations (positive disconfirmation: satisfied),
    within ``+-tol`` it met them, below ``-tol`` it fell short (negative
    disconfirmation: dissatisfied).

    Parameters
    ----------
    data : DataFrame
        One row per attribute (mean ratings), or one row per respondent and
        attribute (long format; the ratings are averaged per attribute).
    attribute, expectation, perception : str
        Column names.
    weights : None, str or dict, optional
        Importance weights summing to 100: ``None`` (equal), the name of a
        column of ``data`` (one value per attribute), or a dict attribute ->
        weight.
    normalize : bool
        Rescale weights that do not sum to 100.
    layer : str, optional
        A column tagging each attribute as ``"material"``, ``"mental"`` or
        ``"social"`` (the three layers of satisfaction, 004); enables
        :meth:`GapResult.by_layer`.
    scale : Scale or (low, high), optional
        The rating scale; ratings outside it are refused.
    tol : float
        Gaps within ``+-tol`` scale points count as "met" (default 0: only an
        exact match).
    missing : {"raise", "drop", "available"}
        ``"raise"`` (default); ``"drop"`` rows missing either rating;
        ``"available"`` averages each rating over the rows that have it.

    Returns
    -------
    GapResult
        ``table`` (``attribute``, ``n``, ``expectation``, ``perception``,
        ``gap``, ``outcome``, ``weight``), ``overall``, ``by_layer()``.

    Examples
    --------
    The workbook's own example (:data:`GAP_EXAMPLE`, 1-7 scale):

    >>> res = satisfaction_gap(GAP_EXAMPLE, weights="importance", layer="layer", scale=(1, 7))
    >>> res.table[["attribute", "gap", "outcome"]].round(2)
                  attribute  gap   outcome
    0      network coverage -0.6   not met
    1          call quality  0.1  exceeded
    2      billing accuracy -0.9   not met
    3            shop staff  0.4  exceeded
    4  app and self-service  0.6  exceeded
    5       green packaging  0.3  exceeded
    >>> round(res.overall, 3)
    -0.205

    References
    ----------
    Oliver, R. L. (1980). A cognitive model of the antecedents and
    consequences of satisfaction decisions. *Journal of Marketing Research*
    17(4), 460-469.  Parasuraman, A., Zeithaml, V. A. & Berry, L. L.
    (1988). SERVQUAL. *Journal of Retailing* 64(1), 12-40.
    """
    require_frame(data)
    cols = [attribute, expectation, perception] + ([layer] if layer else [])
    if isinstance(weights, str):
        cols.append(weights)
    require_columns(data, cols, "the gap table")
    require_numeric(data, [expectation, perception], "the gap table")
    missing = check_missing(missing)
    try:
        tol = float(tol)
    except (TypeError, ValueError):
        raise TypeError(f"tol must be a number of scale points such as 0.1, got {tol!r}") from None
    if not tol >= 0:
        raise ValueError(f"tol must be zero or positive (scale points), got {tol}")
    if data[attribute].isna().any():
        raise ValueError(f"column {attribute!r} has {int(data[attribute].isna().sum())} missing "
                         f"attribute name(s)")
    if missing == "raise":
        require_no_missing(data, [expectation, perception], "the gap table")
    d = data.dropna(subset=[expectation, perception]) if missing == "drop" else data
    if scale is not None:
        check_ratings(d, [expectation, perception], _as_scale(scale))
    order = list(dict.fromkeys(d[attribute].tolist()))
    if len(order) == 0:
        raise ValueError("the gap table has no rows with ratings")
    g = d.groupby(attribute, sort=False)
    table = pd.DataFrame({
        "attribute": order,
        "n": g.size().reindex(order).to_numpy(),
        "expectation": g[expectation].mean().reindex(order).to_numpy(dtype=float),
        "perception": g[perception].mean().reindex(order).to_numpy(dtype=float),
    })
    empty = table.loc[table[["expectation", "perception"]].isna().any(axis=1), "attribute"]
    if len(empty):
        raise ValueError(f"attribute(s) {empty.tolist()} have no expectation or no perception rating")
    if layer:
        layers = g[layer].agg(lambda s: s.dropna().unique().tolist()).reindex(order)
        mixed = [a for a, v in layers.items() if len(v) != 1]
        if mixed:
            raise ValueError(f"attribute(s) {mixed} need exactly one layer in column {layer!r}")
        values = [v[0] for v in layers]
        allowed = SATISFACTION_LAYERS["layer"].tolist()
        bad = sorted({v for v in values if v not in allowed}, key=str)
        if bad:
            raise ValueError(f"column {layer!r} has layer(s) {bad}; expected one of {allowed}")
        table.insert(1, "layer", values)
    table["gap"] = table["perception"] - table["expectation"]
    table["outcome"] = np.where(table["gap"] > tol, _OUTCOMES[2],
                                np.where(table["gap"] < -tol, _OUTCOMES[0], _OUTCOMES[1]))
    labels = [str(a) for a in order]
    if weights is None:
        w = np.full(len(order), 100.0 / len(order))
    elif isinstance(weights, str):
        per = g[weights].agg(lambda s: s.dropna().unique().tolist()).reindex(order)
        mixed = [a for a, v in per.items() if len(v) != 1]
        if mixed:
            raise ValueError(f"attribute(s) {mixed} need exactly one weight in column {weights!r}")
        w = require_weights([v[0] for v in per], labels, normalize=normalize)
    elif isinstance(weights, Mapping | pd.Series):
        wd = dict(weights)
        absent = [a for a in order if a not in wd]
        unknown = [k for k in wd if k not in order]
        if absent or unknown:
            raise ValueError(f"weights must give one weight per attribute {labels}"
                             + (f"; no weight for {absent}" if absent else "")
                             + (f"; unknown attribute(s) {unknown}" if unknown else ""))
        w = require_weights([wd[a] for a in order], labels, normalize=normalize)
    else:
        raise TypeError(f"weights must be None, a column name or a dict attribute -> weight, "
                        f"got {type(weights).__name__}")
    table["weight"] = w
    overall = float((table["weight"] * table["gap"]).sum() / 100.0)
    return GapResult(table, overall, tol)

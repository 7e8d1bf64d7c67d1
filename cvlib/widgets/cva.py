"""Explorers for Gale's customer value analysis (notebook 02).

* :func:`cva_profile_explorer`: sliders for every attribute's weight and the
  two offers' ratings; shows the profile, its score (and relative price) and
  the head-to-head area chart (:func:`cvlib.cva.price_profile` /
  :func:`cvlib.cva.quality_profile`).
* :func:`cva_value_map_explorer`: move one brand's price and the quality
  weights and see where every brand lands on the customer value map
  (:func:`cvlib.cva.brand_scores`, :func:`cvlib.cva.relative_price`,
  :func:`cvlib.cva.value_map`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..cva import brand_scores, price_profile, quality_profile, relative_price, value_map
from ._base import Explorer, start_value

__all__ = ["cva_profile_explorer", "cva_value_map_explorer", "profile_from_controls",
           "value_map_from_prices"]

_ACURA = pd.DataFrame({
    "attribute": ["purchase price", "trade-in allowance", "resale price", "finance rate"],
    "weight": [60, 20, 10, 10],
    "Acura": [9, 6, 9, 7],
    "Competitors": [7, 6, 8, 7],
})


def profile_from_controls(attributes, ours: str, competitor: str, kind: str = "price",
                          method: str = "ratio", normalize: bool = False,
                          round_ratios=None, **values):
    """Build the profile table from flat control values and compute the profile.

    ``values`` holds ``"weight|<attribute>"``, ``"ours|<attribute>"`` and
    ``"competitor|<attribute>"``; the result is exactly
    ``price_profile`` / ``quality_profile`` of that table.
    """
    table = pd.DataFrame({
        "attribute": list(attributes),
        "weight": [float(values[f"weight|{a}"]) for a in attributes],
        ours: [float(values[f"ours|{a}"]) for a in attributes],
        competitor: [float(values[f"competitor|{a}"]) for a in attributes],
    })
    fn = price_profile if kind == "price" else quality_profile
    return fn(table, ours, competitor, method=method, normalize=normalize,
              round_ratios=None if round_ratios in (None, "none") else int(round_ratios))


def cva_profile_explorer(data: pd.DataFrame | None = None, ours: str | None = None,
                         competitor: str | None = None, kind: str = "price",
                         attribute: str = "attribute", weight: str = "weight") -> Explorer:
    """Sliders for the weights and ratings of a profile; shows the score and the head-to-head chart.

    Parameters
    ----------
    data : DataFrame, optional
        One row per attribute with weights and the two offers' ratings
        (default: Gale's Acura price profile).
    ours, competitor : str
        Brand columns (default: the first two brand columns of ``data``).
    kind : {"price", "quality"}

    Returns
    -------
    Explorer
        Controls ``"weight|<attribute>"``, ``"ours|<attribute>"``,
        ``"competitor|<attribute>"``, ``"method"``, ``"normalize"`` and
        ``"round_ratios"``; ``.result`` is the :class:`cvlib.cva.Profile`.

    Raises
    ------
    ValueError
        A table that :func:`cvlib.cva.price_profile` / :func:`cvlib.cva.quality_profile`
        refuses (the same message: unknown columns or brands, ratings off the
        1-10 scale), or a weight outside the sliders' 0-100.
    """
    import ipywidgets as w
    from IPython.display import display

    if data is None:
        data, ours, competitor = _ACURA, "Acura", "Competitors"
    from .._validate import check_option, require_columns

    check_option(kind, "kind", ("price", "quality"))
    require_columns(data, [attribute, weight], "data")
    brands = [c for c in data.columns if c not in (attribute, weight)]
    if len(brands) < 2 and (ours is None or competitor is None):
        raise ValueError(f"data needs two brand columns besides {attribute!r} and {weight!r}; "
                         f"it has {brands}")
    ours = ours or brands[0]
    competitor = competitor or brands[1]
    fn = price_profile if kind == "price" else quality_profile
    if ours not in data.columns or competitor not in data.columns:
        fn(data, ours, competitor, attribute=attribute, weight=weight)  # raises its unknown-brand error
    for a, wv, o, c in zip(data[attribute], data[weight], data[ours], data[competitor], strict=True):
        start_value(f"weight of {a!r}", wv, 0, 100, "weight")
        start_value(f"{ours} rating of {a!r}", o, 1, 10, ours[:12], "ratings are on the 1-10 scale")
        start_value(f"{competitor} rating of {a!r}", c, 1, 10, competitor[:12],
                    "ratings are on the 1-10 scale")
    fn(data, ours, competitor, attribute=attribute, weight=weight, normalize=True)  # its own errors
    attrs = data[attribute].astype(str).tolist()
    integer = all(float(v).is_integer() for v in data[[ours, competitor]].to_numpy().ravel())
    controls: dict = {}
    rows = []
    for i, a in enumerate(attrs):
        wgt = w.FloatSlider(value=float(data[weight].iloc[i]), min=0, max=100, step=1,
                            description="weight", continuous_update=False)
        mk = (w.IntSlider if integer else w.FloatSlider)
        o = mk(value=data[ours].iloc[i], min=1, max=10, step=1 if integer else 0.1,
               description=ours[:12], continuous_update=False)
        c = mk(value=data[competitor].iloc[i], min=1, max=10, step=1 if integer else 0.1,
               description=competitor[:12], continuous_update=False)
        controls[f"weight|{a}"], controls[f"ours|{a}"], controls[f"competitor|{a}"] = wgt, o, c
        rows.append(w.VBox([w.HTML(f"<b>{a}</b>"), wgt, o, c]))
    controls["method"] = w.Dropdown(options=["ratio", "weighted_average"], value="ratio",
                                    description="method")
    controls["normalize"] = w.Checkbox(value=False, description="normalize weights")
    controls["round_ratios"] = w.Dropdown(options=[("exact", "none"), ("1 decimal", 1), ("2 decimals", 2)],
                                          value="none", description="ratios")

    def compute(**values):
        return profile_from_controls(attrs, ours, competitor, kind=kind, **values)

    def show(result):
        import matplotlib.pyplot as plt

        from ..plots.cva import plot_cva_head_to_head

        display(result)
        fig, ax = plt.subplots(figsize=(8, 3.5))
        plot_cva_head_to_head(result, ax=ax)
        plt.show()

    layout = [w.HBox(rows[i:i + 2]) for i in range(0, len(rows), 2)]
    layout.append(w.HBox([controls["method"], controls["normalize"], controls["round_ratios"]]))
    return Explorer(controls, compute, show, title=f"{kind} profile: {ours} vs {competitor}",
                    layout_rows=layout)


def value_map_from_prices(quality_table: pd.DataFrame, prices: pd.Series, *, brand: str | None = None,
                          price: float | None = None, weights=None, normalize: bool = False,
                          line: str = "diagonal", zone: float = 5.0):
    """Value map from mean quality ratings and list prices (the single-price case).

    Relative quality: :func:`cvlib.cva.brand_scores` of ``quality_table``
    (weights replaced by ``weights`` when given).  Relative price: each
    brand's price over the average of the others', x 100
    (:func:`cvlib.cva.relative_price`); ``brand``'s price is set to ``price``.

    Returns
    -------
    ValueMap
    """
    table = quality_table.copy()
    if weights is not None:
        w = pd.Series(weights, dtype=float)
        table["weight"] = table["attribute"].map(w).to_numpy(float)
    p = pd.Series(prices, dtype=float).copy()
    if brand is not None and price is not None:
        if brand not in p.index:
            raise ValueError(f"unknown brand {brand!r}; prices are given for {list(p.index)}")
        p[brand] = float(price)
    q = brand_scores(table, list(p.index), kind="quality", normalize=normalize)
    rel = [relative_price(p[b], p.drop(b).to_numpy()) for b in p.index]
    data = pd.DataFrame({"brand": list(p.index), "relative_quality": q["relative_quality"].to_numpy(),
                         "relative_price": rel})
    return value_map(data, line=line, zone=zone)


def cva_value_map_explorer(quality_table: pd.DataFrame | None = None, prices: pd.Series | None = None,
                           brand: str = "Aurora") -> Explorer:
    """Move one brand's price and the quality weights; watch the customer value map.

    Parameters
    ----------
    quality_table : DataFrame, optional
        attribute, weight and one mean-rating column per brand (default: the
        quality ratings of ``cva_car_survey``, answers given).
    prices : Series, optional
        List price per brand (default: ``cva_car_brands``).
    brand : str
        The brand whose price slider is shown.

    Returns
    -------
    Explorer
        Controls ``"price"``, ``"weight|<attribute>"``, ``"normalize"``,
        ``"line"`` and ``"zone"``; ``.result`` is the
        :class:`cvlib.cva.ValueMap` of :func:`value_map_from_prices`.
    """
    import ipywidgets as w

    from .. import datasets
    from ..cva import mean_ratings

    if quality_table is None or prices is None:
        attrs = datasets.load_cva_car_attributes()
        qw = attrs[attrs["kind"] == "quality"].set_index("attribute")["weight"]
        if quality_table is None:
            quality_table = mean_ratings(datasets.load_cva_car_survey(), qw, missing="available")
        if prices is None:
            prices = datasets.load_cva_car_brands().set_index("brand")["list_price"]
    prices = pd.Series(prices, dtype=float)
    if brand not in prices.index:
        raise ValueError(f"unknown brand {brand!r}; prices are given for {list(prices.index)}")
    # the pure function's own errors (unknown columns or brands) before any control is built
    value_map_from_prices(quality_table, prices, brand=brand)
    for a, wt in zip(quality_table["attribute"], quality_table["weight"], strict=True):
        start_value(f"weight of {a!r}", wt, 0, 100, str(a)[:14])
    base = float(prices[brand])
    step = float(10 ** max(np.floor(np.log10(base)) - 2, 0))
    controls: dict = {
        "price": w.FloatSlider(value=base, min=round(base * 0.6, -int(np.log10(step))),
                               max=round(base * 1.4, -int(np.log10(step))), step=step,
                               description=f"{brand} price", continuous_update=False,
                               readout_format=",.0f"),
    }
    for a, wt in zip(quality_table["attribute"], quality_table["weight"], strict=True):
        controls[f"weight|{a}"] = w.FloatSlider(value=float(wt), min=0, max=100, step=1,
                                                description=str(a)[:14], continuous_update=False)
    controls["normalize"] = w.Checkbox(value=False, description="normalize weights")
    controls["line"] = w.Dropdown(options=["diagonal", "regression"], value="diagonal",
                                  description="fair-value line")
    controls["zone"] = w.FloatSlider(value=5.0, min=0.0, max=20.0, step=0.5, description="zone +/-",
                                     continuous_update=False)

    def compute(price, normalize, line, zone, **weights):
        wts = {k.split("|", 1)[1]: v for k, v in weights.items()}
        return value_map_from_prices(quality_table, prices, brand=brand, price=price, weights=wts,
                                     normalize=normalize, line=line, zone=zone)

    def show(result):
        import matplotlib.pyplot as plt

        from ..plots.cva import plot_cva_value_map

        fig, ax = plt.subplots(figsize=(6, 5.5))
        plot_cva_value_map(result, ax=ax, highlight=brand)
        plt.show()
        r = result.table.set_index("brand").loc[brand]
        print(f"{brand}: relative quality {r['relative_quality']:.1f}, relative price "
              f"{r['relative_price']:.1f}, distance {r['distance']:+.1f} -> {r['position']}")

    return Explorer(controls, compute, show, title=f"customer value map: move {brand}'s price")

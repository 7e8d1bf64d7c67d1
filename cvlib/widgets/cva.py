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

import functools

import numpy as np
import pandas as pd

from ..cva import brand_scores, price_profile, quality_profile, relative_price, value_map
from ..language import get_language, say
from ._base import Explorer, _new_axes, localise, start_value

__all__ = ["cva_profile_explorer", "cva_value_map_explorer", "profile_from_controls",
           "value_map_from_prices"]

_ACURA = pd.DataFrame({
    "attribute": ["purchase price", "trade-in allowance", "resale price", "finance rate"],
    "weight": [60, 20, 10, 10],
    "Acura": [9, 6, 9, 7],
    "Competitors": [7, 6, 8, 7],
})


# Chinese names of the attributes of the default tables: the Acura price profile in the course
# material's words (001, "购买价格 赠品价格 转售价格 供款率") and the car survey's attributes
# (the ``label_zh`` column of ``cva_car_attributes``).
_ATTRIBUTES_ZH = {
    "purchase price": "购买价格", "trade-in allowance": "赠品价格", "resale price": "转售价格",
    "finance rate": "供款率",
}


def _brand_label(brand) -> str:
    """A brand column's name as shown: Gale's "Competitors" column is 竞争者 in Chinese."""
    return say(str(brand), "竞争者") if str(brand) == "Competitors" else str(brand)


@functools.cache
def _car_attributes_zh() -> dict:
    """The car survey's attribute names (and labels) -> their Chinese labels."""
    from ..datasets import load_cva_car_attributes

    table = load_cva_car_attributes()
    names = dict(zip(table["attribute"], table["label_zh"], strict=True))
    names.update(zip(table["label"], table["label_zh"], strict=True))
    return names


def _attribute_label(attribute) -> str:
    """An attribute's name in the current language (itself when no Chinese name is known)."""
    text = str(attribute)
    if get_language() == "en":
        return text
    zh = _ATTRIBUTES_ZH.get(text) or _car_attributes_zh().get(text)
    return say(text, zh) if zh else text


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
                            description=say("weight", "权重"), continuous_update=False)
        mk = (w.IntSlider if integer else w.FloatSlider)
        o = mk(value=data[ours].iloc[i], min=1, max=10, step=1 if integer else 0.1,
               description=ours[:12], continuous_update=False)
        c = mk(value=data[competitor].iloc[i], min=1, max=10, step=1 if integer else 0.1,
               description=_brand_label(competitor)[:12], continuous_update=False)
        controls[f"weight|{a}"], controls[f"ours|{a}"], controls[f"competitor|{a}"] = wgt, o, c
        rows.append(w.VBox([w.HTML(f"<b>{_attribute_label(a)}</b>"), wgt, o, c]))
    controls["method"] = w.Dropdown(options=[(say("ratio", "业绩比率法"), "ratio"),
                                             (say("weighted_average", "加权平均法"), "weighted_average")],
                                    value="ratio", description=say("method", "计算方法"))
    controls["normalize"] = w.Checkbox(value=False, description=say("normalize weights", "权重归一为 100"))
    controls["round_ratios"] = w.Dropdown(options=[(say("exact", "不取整"), "none"),
                                                   (say("1 decimal", "保留 1 位小数"), 1),
                                                   (say("2 decimals", "保留 2 位小数"), 2)],
                                          value="none", description=say("ratios", "比率"))

    def compute(**values):
        return profile_from_controls(attrs, ours, competitor, kind=kind, **values)

    def show(result):
        import matplotlib.pyplot as plt

        from ..plots.cva import plot_cva_head_to_head

        if get_language() == "en":
            display(result)
        else:
            kind_zh = "价格满意度得分" if result.kind == "price" else "质量得分"
            line = f"{kind_zh} {result.score:.2f}（100 = 与竞争者持平）"
            if result.kind == "price":
                line += f" → 相对价格 {result.relative_price:.2f}"
            print(say(f"{result.kind} profile: {result.ours} vs {result.competitor}, method "
                      f"{result.method!r}", f"{result.ours} 对比 {_brand_label(result.competitor)}，"
                      f"计算方法：{'业绩比率法' if result.method == 'ratio' else '加权平均法'}"))
            print(line)
            names = {a: _attribute_label(a) for a in result.table["attribute"]}
            display(localise(result.summary(),
                             columns={"ratio": "业绩比率", "weighted_ratio": "加权比率", "area": "面积",
                                      "Competitors": "竞争者"},
                             values={**names, "total": say("total", "合计")}))
        ax = _new_axes((8, 3.5))
        plot_cva_head_to_head(result, ax=ax)
        plt.show()

    layout = [w.HBox(rows[i:i + 2]) for i in range(0, len(rows), 2)]
    layout.append(w.HBox([controls["method"], controls["normalize"], controls["round_ratios"]]))
    kind_zh = "市场感知价格水平" if kind == "price" else "市场感知质量水平"
    return Explorer(controls, compute, show,
                    title=say(f"{kind} profile: {ours} vs {competitor}",
                              f"{kind_zh}：{ours} 对比 {_brand_label(competitor)}"),
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
                               description=say(f"{brand} price", f"{brand} 价格"), continuous_update=False,
                               readout_format=",.0f"),
    }
    for a, wt in zip(quality_table["attribute"], quality_table["weight"], strict=True):
        controls[f"weight|{a}"] = w.FloatSlider(value=float(wt), min=0, max=100, step=1,
                                                description=_attribute_label(a)[:14],
                                                continuous_update=False)
    controls["normalize"] = w.Checkbox(value=False, description=say("normalize weights", "权重归一为 100"))
    controls["line"] = w.Dropdown(options=[(say("diagonal", "对角线"), "diagonal"),
                                           (say("regression", "回归线"), "regression")],
                                  value="diagonal", description=say("fair-value line", "平价价值线"))
    controls["zone"] = w.FloatSlider(value=5.0, min=0.0, max=20.0, step=0.5,
                                     description=say("zone +/-", "公平价值区±"),
                                     continuous_update=False)

    def compute(price, normalize, line, zone, **weights):
        wts = {k.split("|", 1)[1]: v for k, v in weights.items()}
        return value_map_from_prices(quality_table, prices, brand=brand, price=price, weights=wts,
                                     normalize=normalize, line=line, zone=zone)

    def show(result):
        import matplotlib.pyplot as plt

        from ..plots.cva import plot_cva_value_map

        ax = _new_axes((6, 5.5))
        plot_cva_value_map(result, ax=ax, highlight=brand)
        plt.show()
        r = result.table.set_index("brand").loc[brand]
        position = {"fair value": "平价（在公平价值区内）", "better value": "价值较高（在平价价值线下方）",
                    "worse value": "价值较低（在平价价值线上方）"}.get(r["position"], r["position"])
        print(say(f"{brand}: relative quality {r['relative_quality']:.1f}, relative price "
                  f"{r['relative_price']:.1f}, distance {r['distance']:+.1f} -> {r['position']}",
                  f"{brand}：相对质量 {r['relative_quality']:.1f}，相对价格 {r['relative_price']:.1f}，"
                  f"与平价价值线的距离 {r['distance']:+.1f} → {position}"))

    return Explorer(controls, compute, show,
                    title=say(f"customer value map: move {brand}'s price",
                              f"客户价值图：调整 {brand} 的价格"))

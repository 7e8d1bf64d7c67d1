"""Explorers for perceived value (notebook 01).

* :func:`delivered_value_explorer`: sliders for every value and cost
  component of two offers; shows each offer's delivered value, value ratio
  and the offer a value-maximising customer picks
  (:func:`cvlib.value.compare_offers`).
* :func:`attribute_weight_explorer`: re-weight the benefit and cost items of
  the car survey and watch each brand's mean perceived value and the choice
  shares move (:func:`cvlib.value.perceived_value_scores`,
  :func:`cvlib.value.value_choice`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from .._validate import check_option, require_columns, require_frame
from ..language import say
from ..value import (
    compare_offers,
    perceived_value_scores,
    value_by_group,
    value_choice,
)
from ._base import Explorer, localise, start_value

__all__ = ["delivered_value_explorer", "attribute_weight_explorer", "offers_from_controls",
           "reweighted_value"]

_DEFAULT_OFFERS = {
    "offer 1": ({"product": 50, "service": 20, "personnel": 10, "image": 20},
                {"monetary": 60, "time": 10, "energy": 5, "psychic": 5}),
    "offer 2": ({"product": 40, "service": 25, "personnel": 15, "image": 10},
                {"monetary": 45, "time": 15, "energy": 10, "psychic": 10}),
}


# Chinese words of the value and cost components (Kotler's, as in the course material, 000)
_COMPONENTS_ZH = {
    "product": "产品", "service": "服务", "personnel": "人员", "image": "形象",
    "monetary": "货币", "price": "价格", "time": "时间", "energy": "精力", "psychic": "精神",
}
_SIDES_ZH = {"value": "价值", "cost": "成本", "benefit": "利得"}


def _offer_label(name) -> str:
    """An offer's name as shown: the default offers ("offer 1") are 方案 1 in Chinese."""
    text = str(name)
    m = re.fullmatch(r"offer (\d+)", text)
    return say(text, f"方案 {m.group(1)}") if m else text


def _component_label(side: str, comp: str) -> str:
    """A slider's label: ``"value: product"`` in English, ``"产品价值"`` in Chinese."""
    zh_comp = _COMPONENTS_ZH.get(comp)
    zh = f"{zh_comp}{_SIDES_ZH[side]}" if zh_comp else f"{_SIDES_ZH[side]}：{comp}"
    return say(f"{side}: {comp}", zh)


def offers_from_controls(**values) -> dict:
    """Turn flat control values ``"<offer>|<side>|<component>"`` into the offers dict of compare_offers."""
    offers: dict[str, tuple[dict, dict]] = {}
    for key, amount in values.items():
        offer, side, comp = key.split("|")
        pair = offers.setdefault(offer, ({}, {}))
        pair[0 if side == "value" else 1][comp] = amount
    return offers


def delivered_value_explorer(offers: Mapping | None = None, max_amount: float = 100.0,
                             criterion: str = "delivered_value") -> Explorer:
    """Two offers with a slider per value and cost component; shows delivered value and the choice.

    Parameters
    ----------
    offers : dict, optional
        offer name -> ``(values, costs)`` dicts giving the starting amounts
        (default: two illustrative offers on Kotler's components).
    max_amount : float
        Upper end of every slider.
    criterion : {"delivered_value", "value_ratio"}
        What the customer maximises (a control of the explorer too).

    Returns
    -------
    Explorer
        Controls are named ``"<offer>|value|<component>"`` and
        ``"<offer>|cost|<component>"`` plus ``"criterion"``; ``.result`` is the
        :class:`cvlib.value.OfferComparison` of :func:`cvlib.value.compare_offers`.

    Raises
    ------
    ValueError
        Offers that :func:`cvlib.value.compare_offers` refuses (the same
        message), or a starting amount outside the sliders' range 0 to
        ``max_amount`` (a slider would silently clamp it).
    """
    import ipywidgets as w
    from IPython.display import display

    offers = dict(offers) if offers is not None else _DEFAULT_OFFERS
    check_option(criterion, "criterion", ("delivered_value", "value_ratio"))
    compare_offers(offers, criterion=criterion)  # the function's own errors for bad offers
    for name, (vals, costs) in offers.items():
        for side, parts in (("value", vals), ("cost", costs)):
            for comp, amount in parts.items():
                start_value(f"offers[{name!r}] {side} {comp!r}", amount, 0.0, float(max_amount),
                            f"{side}: {comp}", f"raise max_amount to at least {amount:g}"
                            if isinstance(amount, int | float) and amount > max_amount else "")
    controls: dict = {}
    columns = []
    for name, (vals, costs) in offers.items():
        box = [w.HTML(f"<b>{_offer_label(name)}</b>")]
        for side, parts in (("value", vals), ("cost", costs)):
            for comp, amount in parts.items():
                s = w.FloatSlider(value=float(amount), min=0.0, max=float(max_amount), step=1.0,
                                  description=_component_label(side, comp), continuous_update=False,
                                  style={"description_width": "110px"})
                controls[f"{name}|{side}|{comp}"] = s
                box.append(s)
        columns.append(w.VBox(box))
    controls["criterion"] = w.ToggleButtons(
        options=[(say("delivered_value", "顾客让渡价值"), "delivered_value"),
                 (say("value_ratio", "价值成本比"), "value_ratio")],
        value=criterion, description=say("customer maximises", "选择依据"))
    rows = [w.HBox(columns), controls["criterion"]]

    def compute(criterion, **values):
        return compare_offers(offers_from_controls(**values), criterion=criterion)

    def show(result):
        table = localise(result.table.round(3), values={True: "是", False: "否"})
        if table is not result.table:
            table.index = [_offer_label(o) for o in result.table.index]
            table.index.name = result.table.index.name and say(result.table.index.name, "方案")
        display(table)
        by = {"delivered_value": "顾客让渡价值", "value_ratio": "价值成本比"}.get(result.criterion,
                                                                                result.criterion)
        print(say(f"A value-maximising customer picks: {result.choice} (by {result.criterion})",
                  f"追求价值最大化的顾客选择：{_offer_label(result.choice)}（依据{by}）"))

    return Explorer(controls, compute, show,
                    title=say("Customer delivered value of two offers", "两个方案的顾客让渡价值"),
                    layout_rows=rows)


def reweighted_value(survey: pd.DataFrame, benefit_weights: Mapping[str, float],
                     cost_weights: Mapping[str, float], *, normalize: bool = True,
                     missing: str = "available", brand: str = "brand",
                     respondent: str = "respondent_id"):
    """Mean perceived value by brand and choice shares under the given importance weights.

    Returns a dict with ``"by_brand"`` (:func:`cvlib.value.value_by_group`,
    t intervals) and ``"choice"`` (:func:`cvlib.value.value_choice`).
    """
    scores = perceived_value_scores(survey, dict(benefit_weights), dict(cost_weights),
                                    normalize=normalize, missing=missing)
    return {"by_brand": value_by_group(scores, brand),
            "choice": value_choice(scores, respondent=respondent, brand=brand)}


def attribute_weight_explorer(survey: pd.DataFrame | None = None,
                              benefits=("product", "service", "personnel", "image"),
                              costs=("price", "time", "energy", "psychic"),
                              normalize: bool = True) -> Explorer:
    """Re-weight the attributes of the car survey and watch perceived value and choice shares.

    Parameters
    ----------
    survey : DataFrame, optional
        Respondent x brand ratings (default ``load_car_value_survey()``).
    benefits, costs : sequence of str
        Benefit and cost item columns, each given a weight slider (0-100).
    normalize : bool
        Start with weights rescaled to sum to 100 within each block; untick the
        ``normalize`` control to see the error for weights that do not sum to 100.

    Returns
    -------
    Explorer
        Controls ``"benefit|<item>"``, ``"cost|<item>"`` and ``"normalize"``;
        ``.result`` is the dict returned by :func:`reweighted_value`.

    Raises
    ------
    ValueError
        Item columns the survey lacks: the same message as
        :func:`cvlib.value.perceived_value_scores`.
    """
    import ipywidgets as w
    from IPython.display import display

    if survey is None:
        from ..datasets import load

        survey = load("car_value_survey")
    require_frame(survey, "survey")
    benefits, costs = list(benefits), list(costs)
    require_columns(survey, benefits + costs, "survey")
    require_columns(survey, ["brand", "respondent_id"], "survey")
    controls: dict = {}
    for side, items in (("benefit", benefits), ("cost", costs)):
        for item in items:
            controls[f"{side}|{item}"] = w.IntSlider(value=100 // len(items), min=0, max=100, step=5,
                                                     description=_component_label(side, item),
                                                     continuous_update=False,
                                                     style={"description_width": "110px"})
    controls["normalize"] = w.Checkbox(value=normalize,
                                       description=say("normalize weights to 100", "把权重调整为合计 100"))
    rows = [w.HBox([w.VBox([controls[f"benefit|{i}"] for i in benefits]),
                    w.VBox([controls[f"cost|{i}"] for i in costs])]), controls["normalize"]]

    def compute(normalize, **weights):
        bw = {k.split("|")[1]: v for k, v in weights.items() if k.startswith("benefit|")}
        cw = {k.split("|")[1]: v for k, v in weights.items() if k.startswith("cost|")}
        return reweighted_value(survey, bw, cw, normalize=normalize)

    def show(result):
        table = result["by_brand"].pivot(index="brand", columns="measure", values="mean")
        table["choice share"] = result["choice"].shares.set_index("brand")["share"]
        display(localise(table.round(3)))

    return Explorer(controls, compute, show,
                    title=say("Re-weight the attributes: perceived value by brand",
                              "调整属性权重：各品牌的感知价值"),
                    layout_rows=rows)

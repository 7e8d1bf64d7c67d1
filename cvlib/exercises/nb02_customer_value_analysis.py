"""Exercises of notebook 02 (Gale's customer value analysis).

Expected answers come from Gale's printed surgery table (02.1), from the
workbook's synthetic car market computed with cvlib (02.2-02.5).
"""

from __future__ import annotations

import pandas as pd

from . import Exercise

_RIVALS = ["Borealis", "Cometa", "Draco", "Equinox"]
_DRIVERS = ["reliability", "performance", "comfort", "dealer_service", "purchase_price"]


def _weights(kind: str) -> pd.Series:
    from ..datasets import load_cva_car_attributes

    a = load_cva_car_attributes()
    return a[a["kind"] == kind].set_index("attribute")["weight"]


def _aurora_vs_equinox() -> float:
    from ..cva import profile_from_ratings
    from ..datasets import load_cva_car_survey

    p = profile_from_ratings(load_cva_car_survey(), _weights("quality"), "Aurora", "Equinox",
                             missing="available", n_boot=0)
    return p.score


def _aurora_list_price() -> float:
    from ..cva import relative_price
    from ..datasets import load_cva_car_brands

    prices = load_cva_car_brands().set_index("brand")["list_price"]
    return relative_price(prices["Aurora"], prices.drop("Aurora").to_numpy())


def _best_value_brand() -> str:
    from ..cva import brand_scores, mean_ratings, value_map
    from ..datasets import load_cva_car_survey

    survey = load_cva_car_survey()
    q = brand_scores(mean_ratings(survey, _weights("quality"), missing="available"), kind="quality")
    p = brand_scores(mean_ratings(survey, _weights("price"), missing="available"), kind="price")
    m = value_map(q[["brand", "relative_quality"]].merge(p[["brand", "relative_price"]], on="brand"))
    return str(m.table.sort_values("distance", ascending=False)["brand"].iloc[0])


def _top_driver() -> str:
    from ..cva import win_loss
    from ..datasets import load_cva_car_deals

    return str(win_loss(load_cva_car_deals(), _DRIVERS, missing="drop").drivers["attribute"].iloc[0])


EXERCISES = [
    Exercise(
        id="02.1",
        title="Gale's surgery profile with new weights",
        expected=229.0,
        kind="number",
        tol=0.05,
        hint="Keep Gale's ratios 3.0/2.0/1.5/1.4/2.0; the weights become 40/30/10/10/10. "
             "Score = sum of weight x ratio.",
    ),
    Exercise(
        id="02.2",
        title="Aurora's quality score against Equinox from the survey",
        expected=_aurora_vs_equinox,
        kind="number",
        tol=0.01,
        hint="profile_from_ratings(survey, quality weights, 'Aurora', 'Equinox', "
             "missing='available'); the weights are the quality rows of cva_car_attributes.",
    ),
    Exercise(
        id="02.3",
        title="Aurora's relative list price (single-price case)",
        expected=_aurora_list_price,
        kind="number",
        tol=0.01,
        hint="100 x Aurora's list price / the average list price of the four other brands "
             "(relative_price).",
    ),
    Exercise(
        id="02.4",
        title="The best-value brand on the value map",
        expected=_best_value_brand,
        kind="choice",
        hint="Relative quality from the quality ratings, relative price from the price-satisfaction "
             "ratings (brand_scores), then value_map: the largest positive distance wins.",
    ),
    Exercise(
        id="02.5",
        title="The attribute gap that best predicts a win",
        expected=_top_driver,
        kind="choice",
        hint="win_loss(deals, attributes, missing='drop').drivers is ranked by |z|.",
    ),
]

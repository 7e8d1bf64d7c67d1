"""A car buyers' perceived-value survey for notebook 01 (brands A, B and C, as on the course's value map, file 001).

One seeded simulation gives two tables about the same 450 respondents:

* ``car_value_survey``: every respondent rates each of the three brands on
  four benefit items (Kotler's product, service, personnel and image value)
  and four cost items (monetary, time, energy and psychic cost), 1-7;
* ``car_perval``: the same respondents rate the car they own on a
  PERVAL-style scale (quality, emotional, price and social value; four
  Likert items each, two of them negatively worded).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import SyntheticData

BRANDS = ("A", "B", "C")
SEGMENTS = ("family", "business", "young")
BENEFITS = ("product", "service", "personnel", "image")
COSTS = ("price", "time", "energy", "psychic")

# true mean perception of each brand (1-7); A premium, B all-rounder, C budget
_TRUE = {
    "A": {"product": 6.0, "service": 5.4, "personnel": 5.1, "image": 6.2,
          "price": 5.9, "time": 3.0, "energy": 2.9, "psychic": 2.6},
    "B": {"product": 5.2, "service": 5.5, "personnel": 5.6, "image": 4.7,
          "price": 4.3, "time": 3.2, "energy": 3.1, "psychic": 3.0},
    "C": {"product": 4.7, "service": 4.5, "personnel": 4.6, "image": 3.8,
          "price": 2.5, "time": 3.6, "energy": 3.5, "psychic": 3.5},
}
# segment shifts in perception (added to every brand)
_SHIFT = {
    "family": {"price": 0.3, "time": 0.0},
    "business": {"price": -0.7, "time": 0.6},
    "young": {"price": 0.7, "image": 0.2},
}
# segment importance weights (sum to 100 within benefits and within costs)
_WEIGHTS = {
    "family": ({"product": 30, "service": 30, "personnel": 15, "image": 25},
               {"price": 50, "time": 20, "energy": 15, "psychic": 15}),
    "business": ({"product": 30, "service": 20, "personnel": 20, "image": 30},
                 {"price": 25, "time": 35, "energy": 20, "psychic": 20}),
    "young": ({"product": 25, "service": 15, "personnel": 10, "image": 50},
              {"price": 60, "time": 10, "energy": 10, "psychic": 20}),
}

PERVAL_ITEMS = {
    "quality_1": "the car is consistently well made",
    "quality_2": "the car has an acceptable standard of quality",
    "quality_3": "the car performs consistently",
    "quality_4": "NEGATIVELY WORDED: the car breaks down more often than it should",
    "emotional_1": "I enjoy driving this car",
    "emotional_2": "the car makes me want to use it",
    "emotional_3": "I feel relaxed driving this car",
    "emotional_4": "the car makes me feel good",
    "price_1": "the car is reasonably priced",
    "price_2": "the car is good value for money",
    "price_3": "the car is economical to run",
    "price_4": "NEGATIVELY WORDED: the car costs more than it is worth",
    "social_1": "the car helps me feel accepted by others",
    "social_2": "the car improves the way other people see me",
    "social_3": "the car makes a good impression on other people",
    "social_4": "the car gives its owner social approval",
}


def _clip_round(x: np.ndarray, low: int = 1, high: int = 7) -> np.ndarray:
    return np.clip(np.rint(x), low, high)


def _simulate(seed: int = 101) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    n = 450
    ids = np.array([f"R{i + 1:04d}" for i in range(n)])
    segment = rng.choice(SEGMENTS, size=n, p=[0.45, 0.25, 0.30])
    bias = rng.normal(0.0, 0.45, size=n)                 # scale use (acquiescence)
    liking = rng.normal(0.0, 0.5, size=(n, len(BRANDS)))  # brand-specific affinity
    items = BENEFITS + COSTS

    # latent perceptions: respondents x brands x items
    latent = np.empty((n, len(BRANDS), len(items)))
    for b, brand in enumerate(BRANDS):
        for j, item in enumerate(items):
            shift = np.array([_SHIFT[s].get(item, 0.0) for s in segment])
            affinity = liking[:, b] if item in BENEFITS else -0.4 * liking[:, b]
            latent[:, b, j] = _TRUE[brand][item] + shift + affinity + bias

    # the brand owned: multinomial logit on each respondent's true weighted value
    value = np.empty((n, len(BRANDS)))
    for i, s in enumerate(segment):
        bw, cw = _WEIGHTS[s]
        wb = np.array([bw[k] for k in BENEFITS]) / 100
        wc = np.array([cw[k] for k in COSTS]) / 100
        value[i] = latent[i, :, :4] @ wb - latent[i, :, 4:] @ wc
    util = 2.5 * value
    p = np.exp(util - util.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    owned_idx = np.array([rng.choice(len(BRANDS), p=row) for row in p])
    owned = np.array(BRANDS)[owned_idx]

    # observed ratings: item noise, rounding to the 1-7 scale
    ratings = _clip_round(latent + rng.normal(0.0, 0.8, size=latent.shape))
    rows = []
    for i in range(n):
        for b, brand in enumerate(BRANDS):
            rows.append((ids[i], segment[i], owned[i], brand, *ratings[i, b]))
    survey = pd.DataFrame(rows, columns=["respondent_id", "segment", "owned_brand", "brand", *items])
    # missing answers: staff and service of a brand not owned are often unknown; psychic cost skipped
    own = (survey["brand"] == survey["owned_brand"]).to_numpy()
    for item, p_own, p_other in (("personnel", 0.02, 0.10), ("service", 0.01, 0.06),
                                 ("psychic", 0.03, 0.03)):
        drop = rng.random(len(survey)) < np.where(own, p_own, p_other)
        survey.loc[drop, item] = np.nan
    for c in ("segment", "owned_brand", "brand"):
        cats = SEGMENTS if c == "segment" else BRANDS
        survey[c] = pd.Categorical(survey[c], categories=list(cats))

    # PERVAL-style scale about the car owned
    own_lat = latent[np.arange(n), owned_idx]
    quality = (own_lat[:, 0] - 5.0) + rng.normal(0, 0.5, n)
    price_v = (4.3 - own_lat[:, 4]) * 0.8 + rng.normal(0, 0.6, n)
    emotional = 0.5 * quality + 0.6 * (own_lat[:, 3] - 5.0) + rng.normal(0, 0.6, n)
    social = 0.8 * (own_lat[:, 3] - 5.0) + np.where(segment == "young", 0.3, 0.0) + rng.normal(0, 0.7, n)
    factors = {"quality": (quality, 5.3), "emotional": (emotional, 5.0),
               "price": (price_v, 4.6), "social": (social, 4.0)}
    perval = pd.DataFrame({"respondent_id": ids,
                           "segment": pd.Categorical(segment, categories=list(SEGMENTS)),
                           "owned_brand": pd.Categorical(owned, categories=list(BRANDS))})
    loadings = {"quality": (1.0, 0.9, 0.8, 0.7), "emotional": (1.0, 0.9, 0.8, 1.0),
                "price": (0.9, 1.0, 0.6, 0.8), "social": (0.9, 1.0, 1.0, 0.8)}
    for dim, (f, centre) in factors.items():
        for k, lam in enumerate(loadings[dim], start=1):
            col = f"{dim}_{k}"
            x = centre + lam * f + 0.3 * bias + rng.normal(0, 0.75, n)
            x = _clip_round(x)
            if col in ("quality_4", "price_4"):
                x = 8 - x  # negatively worded: agreement means low value
            missing = rng.random(n) < (0.04 if dim == "social" else 0.015)
            x[missing] = np.nan
            perval[col] = x
    return survey, perval


def car_value_survey(seed: int = 101) -> pd.DataFrame:
    """Respondent x brand ratings of benefit and cost items (1,350 rows)."""
    return _simulate(seed)[0]


def car_perval(seed: int = 101) -> pd.DataFrame:
    """PERVAL-style Likert answers about the car each respondent owns (450 rows)."""
    return _simulate(seed)[1]


_COMMON = {
    "respondent_id": "respondent code R0001-R0450 (the same person in car_value_survey and car_perval)",
    "segment": "buyer segment: family (45%), business (25%) or young (30%); segments differ in how "
               "they perceive price and time and in the importance weights behind their choice",
    "owned_brand": "the brand of car the respondent owns: drawn from a multinomial logit on the "
                   "respondent's true segment-weighted value (benefits minus costs) of A, B and C",
}

_RATING = ("rating 1-7 ({}), stored as float so that NaN can mark a missing answer: brand's true mean perception (A "
           "premium, B all-rounder, C budget) + segment shift + respondent scale bias N(0, 0.45) "
           "{}+ item noise N(0, 0.8), rounded and clipped to 1-7")

DATASETS = [
    SyntheticData(
        name="car_value_survey",
        generate=car_value_survey,
        description="A perceived-value survey of 450 car buyers, each rating brands A, B and C on "
                    "four benefit items (product, service, personnel, image) and four cost items "
                    "(price, time, energy, psychic), 1-7; one row per respondent x brand",
        categories=("segment", "owned_brand", "brand"),
        notebook="01_perceived_value",
        columns={
            **_COMMON,
            "brand": "the brand rated in this row (A, B or C); every respondent rates all three",
            "product": _RATING.format("product value: quality, features, performance; 7 = best",
                                      "+ brand affinity N(0, 0.5) "),
            "service": _RATING.format("service value: warranty, repair, delivery; 7 = best",
                                      "+ brand affinity ") + "; missing for 6% of brands not owned, 1% owned",
            "personnel": _RATING.format("personnel value: dealer staff's competence and courtesy; 7 = best",
                                        "+ brand affinity ") + "; missing for 10% of brands not owned, 2% owned",
            "image": _RATING.format("image value: the brand's reputation; 7 = best",
                                    "+ brand affinity "),
            "price": _RATING.format("monetary cost: how heavy the price feels; 7 = largest sacrifice",
                                    "- 0.4 x brand affinity "),
            "time": _RATING.format("time cost: searching, buying, waiting for service; 7 = largest",
                                   "- 0.4 x brand affinity "),
            "energy": _RATING.format("energy cost: physical effort to buy and keep the car; 7 = largest",
                                     "- 0.4 x brand affinity "),
            "psychic": _RATING.format("psychic cost: worry and risk of the purchase; 7 = largest",
                                      "- 0.4 x brand affinity ") + "; missing for 3%",
        },
    ),
    SyntheticData(
        name="car_perval",
        generate=car_perval,
        description="PERVAL-style perceived-value scale answered by the same 450 car buyers about "
                    "the car they own: quality, emotional, price and social value, four Likert "
                    "items each (1 = strongly disagree ... 7 = strongly agree)",
        categories=("segment", "owned_brand"),
        notebook="01_perceived_value",
        columns={
            **_COMMON,
            **{c: f"Likert 1-7, '{text}': dimension factor x loading + 0.3 x scale bias + "
                  f"N(0, 0.75), rounded; missing for "
                  f"{'4' if c.startswith('social') else '1.5'}%"
                  + ("; reverse code it (8 - x) before scoring" if "NEGATIVELY" in text else "")
               for c, text in PERVAL_ITEMS.items()},
        },
    ),
]

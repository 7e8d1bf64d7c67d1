"""Survey data for the satisfaction notebook (03): an ACSI-style survey, attribute ratings, Kano.

* ``acsi_survey``: 900 mobile-phone customers of three operators answer
  ECSI-style items on 1-10.  The answers are generated from a known ECSI path
  model (:data:`ACSI_SURVEY_TRUE_PATHS`, standardised latent variables,
  reflective items with known loadings), so a notebook can show how well PLS
  recovers it.
* ``service_attributes``: 1,000 customers of one operator rate eight service
  attributes (performance and stated importance), their overall
  satisfaction and their intention to stay; overall satisfaction reacts
  asymmetrically to the attributes (must-be, one-dimensional, attractive,
  indifferent), so dissatisfied and satisfied customers care about different
  things.
* ``kano_survey``: 320 customers answer the functional / dysfunctional Kano
  question pair about eight candidate features of a mobile plan.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import SyntheticData

__all__ = [
    "ACSI_SURVEY_TRUE_PATHS",
    "ACSI_SURVEY_LOADINGS",
    "ACSI_SURVEY_BLOCKS",
    "SERVICE_ATTRIBUTES",
    "KANO_FEATURES",
    "acsi_survey",
    "service_attributes",
    "kano_survey",
]

#: The true standardised path coefficients the ``acsi_survey`` answers were generated from.
ACSI_SURVEY_TRUE_PATHS: dict[tuple[str, str], float] = {
    ("Image", "Expectation"): 0.50,
    ("Image", "Satisfaction"): 0.20,
    ("Image", "Loyalty"): 0.20,
    ("Expectation", "Quality"): 0.55,
    ("Expectation", "Value"): 0.10,
    ("Expectation", "Satisfaction"): 0.05,
    ("Quality", "Value"): 0.55,
    ("Quality", "Satisfaction"): 0.45,
    ("Value", "Satisfaction"): 0.25,
    ("Satisfaction", "Complaints"): 0.55,
    ("Satisfaction", "Loyalty"): 0.50,
    ("Complaints", "Loyalty"): 0.10,
}

#: Items of ``acsi_survey`` by latent variable (IMAG4 is negatively worded: reverse-code it first).
ACSI_SURVEY_BLOCKS: dict[str, list[str]] = {
    "Image": ["IMAG1", "IMAG2", "IMAG3", "IMAG4"],
    "Expectation": ["CUEX1", "CUEX2", "CUEX3"],
    "Quality": ["PERQ1", "PERQ2", "PERQ3", "PERQ4", "PERQ5"],
    "Value": ["PERV1", "PERV2"],
    "Satisfaction": ["CUSA1", "CUSA2", "CUSA3"],
    "Complaints": ["CUSCO"],
    "Loyalty": ["CUSL1", "CUSL2", "CUSL3"],
}

#: The true loading of each item on its latent variable (before rounding to 1-10).
ACSI_SURVEY_LOADINGS: dict[str, float] = {
    "IMAG1": 0.85, "IMAG2": 0.80, "IMAG3": 0.75, "IMAG4": 0.70,
    "CUEX1": 0.80, "CUEX2": 0.70, "CUEX3": 0.60,
    "PERQ1": 0.85, "PERQ2": 0.80, "PERQ3": 0.80, "PERQ4": 0.75, "PERQ5": 0.70,
    "PERV1": 0.90, "PERV2": 0.85,
    "CUSA1": 0.90, "CUSA2": 0.85, "CUSA3": 0.80,
    "CUSCO": 1.00,
    "CUSL1": 0.85, "CUSL2": 0.35, "CUSL3": 0.85,
}

_LV_ORDER = ["Image", "Expectation", "Quality", "Value", "Satisfaction", "Complaints", "Loyalty"]

_WORDING = {
    "IMAG1": "Image: the operator is reliable and trustworthy",
    "IMAG2": "Image: the operator is stable and firmly established",
    "IMAG3": "Image: the operator is innovative and forward looking",
    "IMAG4": "Image, NEGATIVELY worded: the operator only cares about its profits "
             "(reverse-code with 11 - x before use)",
    "CUEX1": "Expectation: overall quality expected before becoming a customer",
    "CUEX2": "Expectation: expected fit of the offer to personal needs",
    "CUEX3": "Expectation: expected reliability (how often things would go wrong)",
    "PERQ1": "Perceived quality: network coverage and call quality",
    "PERQ2": "Perceived quality: mobile data speed",
    "PERQ3": "Perceived quality: customer service (hotline and stores)",
    "PERQ4": "Perceived quality: clarity of the bill",
    "PERQ5": "Perceived quality: the mobile app",
    "PERV1": "Perceived value: quality given the price paid",
    "PERV2": "Perceived value: price given the quality received",
    "CUSA1": "Satisfaction: overall satisfaction",
    "CUSA2": "Satisfaction: fulfilment of expectations",
    "CUSA3": "Satisfaction: distance from the ideal operator",
    "CUSCO": "Complaints: how well the operator handled (or would handle) a complaint; "
             "each respondent skipped it with probability 0.08 (a complaint they never made)",
    "CUSL1": "Loyalty: intention to stay with the operator",
    "CUSL2": "Loyalty: price tolerance, would stay if prices rose 10% (weak item, loading 0.35)",
    "CUSL3": "Loyalty: would recommend the operator to friends",
}

_COMPANIES = ["Jade Mobile", "Lotus Telecom", "Orchid Net"]


def _simulate_latent(rng, n, image_shift, quality_shift):
    """Draw standardised latent scores from the ECSI model of ACSI_SURVEY_TRUE_PATHS.

    Each endogenous latent variable gets a normal disturbance whose variance
    makes its total variance 1 (computed from the implied covariance).  The
    company shifts are added to Image (exogenous) and to Quality's disturbance.
    """
    k = len(_LV_ORDER)
    B = np.zeros((k, k))          # B[target, source]
    for (s, t), b in ACSI_SURVEY_TRUE_PATHS.items():
        B[_LV_ORDER.index(t), _LV_ORDER.index(s)] = b
    cov = np.zeros((k, k))
    cov[0, 0] = 1.0
    psi = np.zeros(k)
    psi[0] = 1.0
    for j in range(1, k):
        b = B[j, :j]
        explained = float(b @ cov[:j, :j] @ b)
        psi[j] = 1.0 - explained
        cov[j, :j] = cov[:j, :j] @ b
        cov[:j, j] = cov[j, :j]
        cov[j, j] = 1.0
    eta = np.zeros((n, k))
    for j in range(k):
        eta[:, j] = eta[:, :j] @ B[j, :j] + np.sqrt(psi[j]) * rng.standard_normal(n)
        if j == 0:
            eta[:, j] += image_shift
        if _LV_ORDER[j] == "Quality":
            eta[:, j] += quality_shift
    return eta


def _to_rating(z, centre, spread, low=1, high=10):
    return np.clip(np.rint(centre + spread * z), low, high)


def acsi_survey(seed: int = 31) -> pd.DataFrame:
    """Generate the ACSI-style survey of three mobile operators (900 respondents, items 1-10)."""
    rng = np.random.default_rng(seed)
    n = 900
    company = rng.choice(3, size=n, p=[0.40, 0.35, 0.25])
    plan = np.where(rng.random(n) < np.array([0.55, 0.65, 0.40])[company], "contract", "prepaid")
    image_shift = np.array([0.30, 0.00, -0.35])[company]
    quality_shift = np.array([0.00, 0.25, -0.20])[company]
    eta = _simulate_latent(rng, n, image_shift, quality_shift)
    out = pd.DataFrame({
        "respondent_id": [f"R{i + 1:04d}" for i in range(n)],
        "company": pd.Categorical(np.array(_COMPANIES)[company], categories=_COMPANIES),
        "plan": pd.Categorical(plan, categories=["prepaid", "contract"]),
    })
    centres = {"Image": 7.2, "Expectation": 7.4, "Quality": 7.1, "Value": 6.4,
               "Satisfaction": 7.0, "Complaints": 6.2, "Loyalty": 6.8}
    for lv, items in ACSI_SURVEY_BLOCKS.items():
        z_lv = eta[:, _LV_ORDER.index(lv)]
        for item in items:
            lam = ACSI_SURVEY_LOADINGS[item]
            z = lam * z_lv + np.sqrt(max(1 - lam ** 2, 0.0)) * rng.standard_normal(n)
            if item == "CUSCO":
                z = 0.9 * z_lv + np.sqrt(1 - 0.81) * rng.standard_normal(n)
            r = _to_rating(z, centres[lv] + rng.normal(0, 0.15), 1.9)
            if item == "IMAG4":
                r = 11 - r        # negatively worded item: stored as answered
            out[item] = r
    # NPS question on 0-10, driven by loyalty
    z = 0.8 * eta[:, _LV_ORDER.index("Loyalty")] + 0.6 * rng.standard_normal(n)
    out["recommend"] = _to_rating(z, 7.3, 2.0, 0, 10)
    # missing answers: a few percent per item; complaints handling often unanswered
    items = [c for c in out.columns if c not in ("respondent_id", "company", "plan")]
    for c in items:
        rate = 0.08 if c == "CUSCO" else rng.uniform(0.005, 0.02)
        mask = rng.random(n) < rate
        out[c] = out[c].where(~mask)
    for c in items:
        out[c] = out[c].astype("float64")
    return out


# ---------------------------------------------------------- attribute survey

#: The eight attributes of ``service_attributes``: (column stem, label, Kano type, mean performance).
SERVICE_ATTRIBUTES = [
    ("coverage", "network coverage", "must-be", 7.9),
    ("billing", "correct, clear bill", "must-be", 7.6),
    ("speed", "mobile data speed", "one-dimensional", 6.8),
    ("price", "price of the plan", "one-dimensional", 5.6),
    ("service", "customer service", "one-dimensional", 6.4),
    ("app", "mobile app", "attractive", 6.1),
    ("roaming", "roaming offers", "attractive", 5.4),
    ("stores", "store network", "indifferent", 6.9),
]
_STATED = {"coverage": 9.1, "billing": 8.4, "speed": 8.3, "price": 8.8, "service": 7.9,
           "app": 6.6, "roaming": 5.9, "stores": 6.3}


def service_attributes(seed: int = 32) -> pd.DataFrame:
    """Generate 1,000 customers' attribute ratings, stated importance, satisfaction and intention."""
    rng = np.random.default_rng(seed)
    n = 1000
    halo = rng.standard_normal(n)
    out = pd.DataFrame({"respondent_id": [f"S{i + 1:04d}" for i in range(n)]})
    utility = np.zeros(n)
    for stem, _label, kind, mean in SERVICE_ATTRIBUTES:
        z = 0.3 * halo + np.sqrt(1 - 0.3 ** 2) * rng.standard_normal(n)
        if kind == "must-be":
            utility += 1.0 * np.minimum(z, 0.0) + 0.05 * np.maximum(z, 0.0)
        elif kind == "one-dimensional":
            utility += 0.32 * z
        elif kind == "attractive":
            utility += 0.05 * np.minimum(z, 0.0) + 1.0 * np.maximum(z, 0.0)
        out[f"perf_{stem}"] = _to_rating(z, mean, 1.8)
    for stem, *_ in SERVICE_ATTRIBUTES:
        out[f"imp_{stem}"] = _to_rating(rng.standard_normal(n), _STATED[stem], 1.2)
    u = (utility - utility.mean()) / utility.std()
    overall = 0.9 * u + np.sqrt(1 - 0.9 ** 2) * rng.standard_normal(n)
    out["overall"] = _to_rating(overall, 7.0, 1.9)
    stay = 0.7 * overall + np.sqrt(1 - 0.49) * rng.standard_normal(n)
    out["stay"] = np.digitize(stay, [-1.4, -0.6, 0.2, 1.0]) + 1
    # missing answers: roaming not rated by those who never travel; a few blanks elsewhere
    rate = {c: 0.02 for c in out.columns if c != "respondent_id"}
    rate["perf_roaming"] = 0.12
    rate["overall"] = 0.0
    rate["stay"] = 0.01
    for c, r in rate.items():
        out[c] = out[c].where(~(rng.random(n) < r)).astype("float64")
    return out


# ---------------------------------------------------------------- Kano survey

#: The Kano features: (feature, true category, probability a respondent answers in that category).
KANO_FEATURES = [
    ("5G coverage in my city", "M", 0.55),
    ("correct itemised bill", "M", 0.60),
    ("more monthly data", "O", 0.55),
    ("unused data rolls over", "A", 0.50),
    ("free roaming in Asia", "A", 0.45),
    ("in-app chat support", "O", 0.40),
    ("loyalty points", "I", 0.55),
    ("paper bill by post", "R", 0.35),
]
_ANSWERS = ["like", "must-be", "neutral", "live-with", "dislike"]
# answer pairs (functional, dysfunctional) that a respondent of each category gives
_PAIRS = {
    "A": [("like", "neutral"), ("like", "live-with"), ("like", "must-be")],
    "O": [("like", "dislike")],
    "M": [("neutral", "dislike"), ("live-with", "dislike"), ("must-be", "dislike")],
    "I": [("neutral", "neutral"), ("live-with", "neutral"), ("neutral", "live-with"),
          ("must-be", "neutral"), ("live-with", "live-with")],
    "R": [("dislike", "like"), ("dislike", "neutral"), ("neutral", "like")],
}


def kano_survey(seed: int = 33) -> pd.DataFrame:
    """Generate 320 respondents' Kano answer pairs on eight mobile-plan features (long format)."""
    rng = np.random.default_rng(seed)
    n = 320
    rows = []
    for i in range(n):
        for feature, cat, p in KANO_FEATURES:
            u = rng.random()
            if u < p:
                c = cat
            elif u < 0.97:
                c = rng.choice(["A", "O", "M", "I", "I", "R"])
            else:
                c = "Q"
            if c == "Q":
                pair = (("like", "like"), ("dislike", "dislike"))[int(rng.integers(2))]
            else:
                options = _PAIRS[c]
                pair = options[int(rng.integers(len(options)))]
            f, d = pair
            if rng.random() < 0.015:
                f = None
            if rng.random() < 0.015:
                d = None
            rows.append((f"K{i + 1:03d}", feature, f, d))
    out = pd.DataFrame(rows, columns=["respondent_id", "feature", "functional", "dysfunctional"])
    out["feature"] = pd.Categorical(out["feature"], categories=[f for f, *_ in KANO_FEATURES])
    for c in ("functional", "dysfunctional"):
        out[c] = pd.Categorical(out[c], categories=_ANSWERS)
    return out


_ACSI_COLUMNS = {
    "respondent_id": "respondent code R0001-R0900",
    "company": "the respondent's mobile operator: Jade Mobile (40%), Lotus Telecom (35%), "
               "Orchid Net (25%); Jade has the best image (+0.30 sd on Image), Lotus the best "
               "perceived quality (+0.25 sd on Quality), Orchid is behind on both",
    "plan": "prepaid or contract (contract share 55%, 65%, 40% by operator; not used by the model)",
    **{item: f"{text}; 1-10 (10 best), from the ECSI model with loading "
              f"{ACSI_SURVEY_LOADINGS[item]:.2f}, rounded and clipped to 1-10; 0.5-2% missing"
       for item, text in _WORDING.items()},
    "recommend": "How likely are you to recommend the operator? 0-10 (the NPS question); "
                 "0.8 x Loyalty + noise, rounded and clipped; about 2% missing",
}
_SERVICE_COLUMNS = {"respondent_id": "respondent code S0001-S1000"}
for _stem, _label, _kind, _mean in SERVICE_ATTRIBUTES:
    _SERVICE_COLUMNS[f"perf_{_stem}"] = (
        f"performance rating of {_label}, 1-10; a halo factor (0.3) plus the attribute's own "
        f"part, centred at {_mean}; its true effect on satisfaction is {_kind}"
        + ("; 12% missing (customers who never roam)" if _stem == "roaming" else "; 2% missing"))
for _stem, _label, *_ in SERVICE_ATTRIBUTES:
    _SERVICE_COLUMNS[f"imp_{_stem}"] = (
        f"stated importance of {_label}, 1-10 (10 very important), centred at {_STATED[_stem]} "
        f"independently of the performance answers; 2% missing")
_SERVICE_COLUMNS["overall"] = (
    "overall satisfaction, 1-10: 0.9 x a utility that reacts asymmetrically to the attributes "
    "(must-be: strong penalty below average, little reward above; attractive: the reverse; "
    "one-dimensional: linear; indifferent: none) + noise; no missing")
_SERVICE_COLUMNS["stay"] = (
    "intention to stay, ordinal 1-5 (1 will surely leave ... 5 will surely stay): 0.7 x "
    "satisfaction + noise, cut at -1.4, -0.6, 0.2, 1.0; 1% missing")

DATASETS = [
    SyntheticData(
        name="acsi_survey",
        generate=acsi_survey,
        description="An ECSI-style survey of 900 customers of three mobile operators: 21 items "
                    "on 1-10 generated from a known path model, the 0-10 NPS question, some "
                    "missing answers",
        categories=("company", "plan"),
        notebook="03_satisfaction",
        columns=_ACSI_COLUMNS,
    ),
    SyntheticData(
        name="service_attributes",
        generate=service_attributes,
        description="1,000 customers of one mobile operator rate eight service attributes "
                    "(performance and stated importance, 1-10), their overall satisfaction (1-10) "
                    "and their intention to stay (1-5)",
        notebook="03_satisfaction",
        columns=_SERVICE_COLUMNS,
    ),
    SyntheticData(
        name="kano_survey",
        generate=kano_survey,
        description="Kano questionnaire: 320 respondents answer the functional and dysfunctional "
                    "question about eight mobile-plan features (long format, one row per "
                    "respondent and feature)",
        categories=("feature", "functional", "dysfunctional"),
        notebook="03_satisfaction",
        columns={
            "respondent_id": "respondent code K001-K320",
            "feature": "the candidate feature (8); true categories: 5G coverage and itemised "
                       "bill must-be, more data and chat support one-dimensional, rollover and "
                       "free roaming attractive, loyalty points indifferent, paper bill reverse",
            "functional": "answer to 'How do you feel if the plan HAS this feature?': like, "
                          "must-be, neutral, live-with, dislike; each respondent answers in the "
                          "feature's true category with probability 35-60%, otherwise another "
                          "category (3% questionable pairs); 1.5% missing",
            "dysfunctional": "answer to 'How do you feel if the plan does NOT have it?', same "
                             "answers; 1.5% missing",
        },
    ),
]

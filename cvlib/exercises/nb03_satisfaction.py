"""Exercises of notebook 03 (satisfaction measurement and satisfaction indices).

Expected answers are computed with cvlib, when first checked, from the
workbook's synthetic surveys (``acsi_survey``, ``service_attributes``,
``kano_survey``) and the published mobi data, with the formulas of the
sources: the ACSI rescaling (Fornell et al. 1996), the NPS and its standard
error (Reichheld 2003; the multinomial variance of a difference of shares,
and independent samples' variances adding up), Berger et al.'s (1993) Kano
coefficients, Martilla & James's (1977) quadrants and Cronbach's (1951)
alpha; the gap exercise (03.7) uses the workbook's own example
``cvlib.satisfaction.GAP_EXAMPLE`` and the course material's definition of
satisfaction as perception minus expectation (004).  The mobi
reliability exercise (03.5) reads Cronbach's alpha if an item is deleted in
mobi's Image block (Tenenhaus et al. 2005; see ``../shared/datasets/README.md``).  Exercises 03.9-03.12 use the steps after the
path model, each checked in ``tests/test_pls_research.py`` against its
paper's definition: IPMA importance as the unstandardised total effect
(Ringle & Sarstedt 2016), Shmueli et al.'s (2019) predictive-power verdict,
the permutation test of multi-group analysis (Chin & Dibbern 2010)
and consistent PLS (Dijkstra & Henseler 2015).

Each exercise lists, as ``mistakes``, the wrong answers a student plausibly
gives (a wrong filter, the wrong rescaling, standard errors added instead of
their squares, mean instead of median cut-lines...), so a wrong answer says
*what* went wrong.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from . import Exercise

__all__ = ["EXERCISES"]

CUSA = ["CUSA1", "CUSA2", "CUSA3"]
STEMS = ["coverage", "billing", "speed", "price", "service", "app", "roaming", "stores"]


def _lazy(f: Callable):
    """Cache a zero-argument function's value (the data are loaded once)."""
    cache: list = []

    def wrapper():
        if not cache:
            cache.append(f())
        return cache[0]

    return wrapper


# ------------------------------------------------------------------ 03.1 index


def _survey():
    from ..datasets import load_acsi_survey

    return load_acsi_survey()


def _index(frame) -> float:
    from ..satisfaction import satisfaction_index

    return float(satisfaction_index(frame, CUSA, missing="available", n_boot=0).params["all"])


def _lotus_contract():
    d = _survey()
    return d[(d["company"] == "Lotus Telecom") & (d["plan"] == "contract")]


@_lazy
def _lotus_contract_index() -> float:
    return _index(_lotus_contract())


@_lazy
def _lotus_all_plans_index() -> float:
    d = _survey()
    return _index(d[d["company"] == "Lotus Telecom"])


@_lazy
def _lotus_contract_listwise() -> float:
    return _index(_lotus_contract().dropna(subset=CUSA))


@_lazy
def _lotus_contract_times_ten() -> float:
    return float(_lotus_contract()[CUSA].mean().mean() * 10)


@_lazy
def _lotus_contract_mean() -> float:
    return float(_lotus_contract()[CUSA].mean().mean())


# -------------------------------------------------------------------- 03.2 NPS


@_lazy
def _nps_table():
    from ..satisfaction import nps

    return nps(_survey(), "recommend", by="company", missing="drop").set_index("segment")


def _nps_gap(combine_se) -> list[float]:
    t = _nps_table()
    jade, orchid = t.loc["Jade Mobile"], t.loc["Orchid Net"]
    return [float(jade["nps"] - orchid["nps"]), float(combine_se(jade["se"], orchid["se"]))]


def _nps_gap_right() -> list[float]:
    return _nps_gap(np.hypot)


def _nps_gap_se_added() -> list[float]:
    return _nps_gap(lambda a, b: a + b)


def _nps_gap_reversed() -> list[float]:
    d, se = _nps_gap_right()
    return [-d, se]


def _nps_gap_fractions() -> list[float]:
    return [v / 100 for v in _nps_gap_right()]


# ------------------------------------------------------------------- 03.3 Kano


@_lazy
def _kano():
    from ..datasets import load_kano_survey
    from ..satisfaction import kano_table

    return kano_table(load_kano_survey(), missing="drop")


def _largest_better(category: str | None = None) -> Callable[[], str]:
    """The feature with the largest CS+ (among the features of ``category``, if given)."""

    def answer() -> str:
        t = _kano()
        if category is not None:
            t = t[t["category"] == category]
        return str(t.loc[t["better"].idxmax(), "feature"])

    return answer


def _largest_cs(category: str | None = None, scale: float = 1.0) -> Callable[[], float]:
    """The largest CS+ (among the features of ``category``, if given)."""

    def answer() -> float:
        t = _kano()
        if category is not None:
            t = t[t["category"] == category]
        return scale * float(t["better"].max())

    return answer


# ---------------------------------------------------------------- 03.7 the gap


def _material_gap(weighted: bool = True, sign: float = 1.0, over_100: bool = False):
    def answer() -> float:
        from ..satisfaction import GAP_EXAMPLE, satisfaction_gap

        t = satisfaction_gap(GAP_EXAMPLE, weights="importance", layer="layer").table
        m = t[t["layer"] == "material"]
        if over_100:
            return sign * float((m["weight"] * m["gap"]).sum() / 100)
        if not weighted:
            return sign * float(m["gap"].mean())
        return sign * float((m["weight"] * m["gap"]).sum() / m["weight"].sum())

    return answer


def _overall_gap() -> float:
    from ..satisfaction import GAP_EXAMPLE, satisfaction_gap

    return satisfaction_gap(GAP_EXAMPLE, weights="importance").overall


# ------------------------------------------------------ 03.8 drivers by level


def _top_driver(level: str | None, cuts: tuple[int, int] = (4, 8)):
    def answer() -> str:
        from ..datasets import load_service_attributes
        from ..satisfaction import drivers_by_level, key_drivers

        d = load_service_attributes()
        xs = [f"perf_{s}" for s in STEMS]
        if level is None:
            return str(key_drivers(d, "overall", xs, missing="drop").table["driver"].iloc[0])
        t = drivers_by_level(d, "overall", xs, cuts=cuts, missing="drop")
        t = t[t["level"] == level]
        return str(t.loc[t["importance"].idxmax(), "driver"])

    return answer


# -------------------------------------------------------------------- 03.4 IPA


@_lazy
def _ipa_grid():
    import pandas as pd

    from ..datasets import load_service_attributes

    d = load_service_attributes()
    return pd.DataFrame({"attribute": STEMS,
                         "importance": [d[f"imp_{s}"].mean() for s in STEMS],
                         "performance": [d[f"perf_{s}"].mean() for s in STEMS]})


def _concentrate(cut) -> list[str]:
    from ..satisfaction import ipa

    res = ipa(_ipa_grid(), importance_cut=cut, performance_cut=cut, scale=(1, 10))
    return res.table.loc[res.table["quadrant"] == "Concentrate here", "attribute"].tolist()


# ----------------------------------------------------------- 03.6 Expectation


@_lazy
def _expectation():
    from ..datasets import fetch_mobi
    from ..pls import MOBI_BLOCKS

    return fetch_mobi()[MOBI_BLOCKS["Expectation"]]


def _alpha(frame, standardized=False) -> float:
    from ..pls import cronbach_alpha

    return float(cronbach_alpha(frame, standardized=standardized).alpha)


def _best_alpha_without_one(standardized=False) -> float:
    items = _expectation()
    return max(_alpha(items.drop(columns=c), standardized) for c in items.columns)


def _alpha_without(item: str) -> Callable[[], float]:
    return lambda: _alpha(_expectation().drop(columns=item))


def _lowest_item_total() -> float:
    from ..pls import item_analysis

    return float(item_analysis(_expectation())["item_total"].min())


# ------------------------------------------------------------------ 03.9-03.12 after the path model


@_lazy
def _coded_model():
    from ..pls import ECSI_PATHS, estimate
    from ..satisfaction import reverse_code
    from ..synthetic.satisfaction import ACSI_SURVEY_BLOCKS

    coded = reverse_code(_survey(), ["IMAG4"], scale=(1, 10))
    return estimate(coded, ECSI_PATHS, ACSI_SURVEY_BLOCKS, missing="drop")


def _quality_gain(kind: str = "ipma") -> Callable[[], float]:
    """Points of Satisfaction per 5 points of Quality: IPMA importance, or a wrong effect."""

    def answer() -> float:
        from ..pls import ipma

        model = _coded_model()
        if kind == "ipma":
            imp = ipma(model, "Satisfaction", scale=(1, 10)).constructs.set_index("driver")
            return 5 * float(imp.at["Quality", "importance"])
        if kind == "loyalty":
            imp = ipma(model, "Loyalty", scale=(1, 10)).constructs.set_index("driver")
            return 5 * float(imp.at["Quality", "importance"])
        if kind == "direct":
            ie = model.index_effects.set_index(["source", "target"])
            return 5 * float(ie.at[("Quality", "Satisfaction"), "direct"])
        te = model.effects.set_index(["source", "target"])
        return 5 * float(te.at[("Quality", "Satisfaction"), "total"])

    return answer


def _mobi_model():
    from ..datasets import fetch_mobi
    from ..pls import ECSI_PATHS, MOBI_BLOCKS, estimate

    return estimate(fetch_mobi(), ECSI_PATHS, MOBI_BLOCKS)


def _power(block: str, technique: str = "earliest", metric: str = "rmse") -> Callable[[], str]:
    def answer() -> str:
        from ..pls import plspredict

        return plspredict(_mobi_model(), seed=1, technique=technique).predictive_power(
            block, metric=metric)

    return answer


@_lazy
def _plan_mga():
    from ..pls import ECSI_PATHS, mga
    from ..satisfaction import reverse_code
    from ..synthetic.satisfaction import ACSI_SURVEY_BLOCKS

    coded = reverse_code(_survey(), ["IMAG4"], scale=(1, 10))
    return mga(coded, ECSI_PATHS, ACSI_SURVEY_BLOCKS, "plan", n_boot=1000, seed=1,
               missing="drop")


def _plan_path() -> Callable[[], str]:
    """The path whose contract-vs-prepaid difference has the smallest permutation p-value."""

    def answer() -> str:
        t = _plan_mga().paths
        i = t["p_value"].idxmin()
        return f"{t.at[i, 'source']} -> {t.at[i, 'target']}"

    return answer


def _plsc_gain(kind: str = "gain", company: str | None = "Jade Mobile") -> Callable[[], float]:
    """PLSc minus PLS for Satisfaction -> Loyalty (one company's customers, or everyone)."""

    def answer() -> float:
        from ..pls import ECSI_PATHS, estimate, plsc
        from ..satisfaction import reverse_code
        from ..synthetic.satisfaction import ACSI_SURVEY_BLOCKS

        if company is None:
            model = _coded_model()
        else:
            coded = reverse_code(_survey(), ["IMAG4"], scale=(1, 10))
            model = estimate(coded[coded["company"] == company], ECSI_PATHS, ACSI_SURVEY_BLOCKS,
                             missing="drop")
        path = "Satisfaction -> Loyalty"
        c = float(plsc(model).params[path])
        p = float(model.params[path])
        return {"gain": c - p, "plsc": c, "pls": p, "ratio": c / p}[kind]

    return answer


EXERCISES = [
    Exercise(
        id="03.1",
        title="equal-weight satisfaction index (0-100) of Lotus Telecom's contract customers",
        expected=_lotus_contract_index,
        tol=0.01,
        hint="keep the rows with company == 'Lotus Telecom' AND plan == 'contract'; average each "
             "of CUSA1-CUSA3 over those who answered it, rescale (mean - 1) / 9 x 100 and "
             "average the three (sat.satisfaction_index(rows, items, missing='available', "
             "n_boot=0).params['all'])",
        mistakes=(
            (_lotus_all_plans_index,
             "this is the index of ALL Lotus Telecom customers; keep only the contract plan"),
            (_lotus_contract_listwise,
             "you kept only the customers who answered all three items (missing='drop'); the "
             "question averages each item over the customers who answered that item "
             "(missing='available')"),
            (_lotus_contract_times_ten,
             "you multiplied the 1-10 mean by 10; the ACSI rescaling is (mean - 1) / (10 - 1) "
             "x 100, so that 1 maps to 0 and 10 to 100"),
            (_lotus_contract_mean,
             "this is the mean on the 1-10 scale; the index is on 0-100"),
        ),
    ),
    Exercise(
        id="03.2",
        title="NPS gap Jade Mobile minus Orchid Net and its standard error, as [gap, se]",
        expected=_nps_gap_right,
        tol=0.01,
        hint="sat.nps(survey, 'recommend', by='company', missing='drop') gives each operator's "
             "nps and se; the "
             "two samples are independent, so the variance of the gap is the sum of the "
             "variances: se = sqrt(se_Jade^2 + se_Orchid^2)",
        mistakes=(
            (_nps_gap_se_added,
             "the gap is right but you added the standard errors; for independent samples the "
             "VARIANCES add, so se = sqrt(se_1^2 + se_2^2), which is smaller than se_1 + se_2"),
            (_nps_gap_reversed,
             "the gap has the wrong sign: the question asks for Jade Mobile minus Orchid Net"),
            (_nps_gap_fractions,
             "these are fractions; NPS and its standard error are in points (-100..100)"),
        ),
    ),
    Exercise(
        id="03.3",
        title="the delighter: the largest CS+ among the ATTRACTIVE (A) Kano features "
              "(the satisfaction it adds when present)",
        expected=_largest_cs("A"),
        tol=0.002,
        hint="sat.kano_table(kano, missing='drop') gives each feature's category and its "
             "'better' coefficient CS+ = (A + O) / (A + O + M + I); keep the features whose "
             "category is 'A' (attractive: delights when present, not missed when absent) and "
             "take the largest CS+ (a fraction 0-1)",
        mistakes=(
            (_largest_cs(),
             "this is the largest CS+ of all, but that feature is one-dimensional (O): "
             "satisfaction rises and falls with it, and customers miss it when it is absent. A "
             "delighter is an attractive (A) feature: keep only category 'A'"),
            (_largest_cs("M"),
             "this is the largest CS+ of the must-be (M) features: expected, missed when absent, "
             "no delight when present; a delighter is attractive (A)"),
            (_largest_cs("A", scale=100.0),
             "right feature, but CS+ is a fraction 0-1, not a percentage"),
            (_largest_better("A"),
             "right feature, but the question asks for its CS+ (a number), not its name"),
            (_largest_better(),
             "this feature is one-dimensional (O), and the question asks for a number: the "
             "largest CS+ among the attractive (A) features"),
        ),
    ),
    Exercise(
        id="03.4",
        title="attributes in 'Concentrate here' with MEDIAN cut-lines (stated importance)",
        expected=lambda: _concentrate("median"),
        kind="choice",
        hint="importance = mean of imp_<attribute>, performance = mean of perf_<attribute> "
             "(the notebook's ipa_table holds them); sat.ipa(ipa_table, importance_cut='median', "
             "performance_cut='median'); 'Concentrate here' is high importance and low "
             "performance; names without the prefix",
        mistakes=(
            (lambda: _concentrate("mean"),
             "these are the 'Concentrate here' attributes with the cut-lines at the MEANS "
             "(section 4.7); the question puts them at the medians of the eight attributes"),
            (lambda: _concentrate("midpoint"),
             "these are the 'Concentrate here' attributes with the cut-lines at the scale "
             "midpoint 5.5; the question puts them at the medians of the eight attributes"),
        ),
    ),
    Exercise(
        id="03.5",
        title="the mobi IMAGE item whose deletion raises the Image block's Cronbach's alpha "
              "the most",
        expected="IMAG3",
        kind="choice",
        hint="pls.item_analysis(mobi[['IMAG1', 'IMAG2', 'IMAG3', 'IMAG4', 'IMAG5']]) lists "
             "alpha_if_deleted for each item; take the item with the largest",
        mistakes=(
            ("IMAG2",
             "IMAG2 has the lowest corrected item-total correlation, but the question asks "
             "which deletion raises alpha the most: compare alpha_if_deleted"),
            ("CUSL2",
             "CUSL2 is the weak LOYALTY item of section 5; the question asks about the Image "
             "block (IMAG1-IMAG5)"),
            (["IMAG3"], "right item, but answer one name (a string), not a list"),
        ),
    ),
    Exercise(
        id="03.6",
        title="the best Cronbach's alpha of mobi's Expectation block after dropping one item",
        expected=_best_alpha_without_one,
        tol=0.001,
        hint="pls.item_analysis(mobi[['CUEX1', 'CUEX2', 'CUEX3']]) lists alpha if each item is "
             "deleted (raw answers, as pls.cronbach_alpha computes it); take the largest",
        mistakes=(
            (lambda: _alpha(_expectation()),
             "this is the alpha of all three items; drop the item whose deletion raises alpha "
             "the most and give the alpha of the two that remain"),
            (lambda: _best_alpha_without_one(standardized=True),
             "this is the STANDARDISED alpha (items rescaled to unit variance, as PLS software "
             "reports it); the question asks for alpha on the raw answers, as "
             "pls.cronbach_alpha and pls.item_analysis compute it"),
            (_alpha_without("CUEX1"),
             "this is alpha without CUEX1, which LOWERS alpha; look for the largest "
             "alpha_if_deleted"),
            (_alpha_without("CUEX2"),
             "this is alpha without CUEX2, which lowers alpha; look for the largest "
             "alpha_if_deleted"),
            (_lowest_item_total,
             "this is the weakest item's corrected item-total correlation, not an alpha"),
            ("CUEX3",
             "right item to drop, but the question asks for the alpha of the two items that "
             "remain (a number)"),
        ),
    ),
    Exercise(
        id="03.7",
        title="the importance-weighted gap (perception - expectation) of the MATERIAL layer of "
              "satisfaction in the workbook's operator example, in scale points",
        expected=_material_gap(),
        tol=0.001,
        hint="sat.satisfaction_gap(sat.GAP_EXAMPLE, weights='importance', layer='layer') gives "
             "each attribute's gap; by_layer() weights the gaps of each layer by their "
             "importance: sum(weight x gap) / sum(weight) over the material attributes",
        mistakes=(
            (_overall_gap,
             "this is the overall gap of all six attributes; the question asks for the material "
             "layer only (the attributes tagged 'material')"),
            (_material_gap(sign=-1.0),
             "the sign is reversed: the gap is perception MINUS expectation, so an attribute "
             "that falls short has a negative gap"),
            (_material_gap(weighted=False),
             "this is the plain mean of the material gaps; weight each gap by the attribute's "
             "importance"),
            (_material_gap(over_100=True),
             "you divided the weighted sum by 100, the total weight of all six attributes; "
             "divide by the material attributes' total weight (70)"),
        ),
    ),
    Exercise(
        id="03.8",
        title="the attribute that matters most to the VERY satisfied customers of "
              "service_attributes (overall satisfaction 9-10, cuts=(4, 8)): the largest share "
              "of their R-squared",
        expected=_top_driver("satisfied"),
        kind="choice",
        hint="sat.drivers_by_level(attributes, 'overall', performance, cuts=(4, 8), "
             "missing='drop') splits the customers at 4 and 8; keep level == 'satisfied' (now "
             "9-10) and take the driver with the largest importance (answer the column name, "
             "e.g. 'perf_app')",
        mistakes=(
            (_top_driver("satisfied", cuts=(4, 7)),
             "this is the top driver of the customers rating 8-10 (cuts=(4, 7), section 4.6); "
             "the question moves the upper cut to 8, keeping only those rating 9-10"),
            (_top_driver(None),
             "this is the top driver of ALL customers together; the question asks about the "
             "very satisfied customers only (overall 9-10), whose drivers differ (course "
             "material 002)"),
            (_top_driver("dissatisfied"),
             "this is what matters most to the DISSATISFIED customers (overall 1-4): a basic "
             "attribute; the satisfied care about something else"),
        ),
    ),
    Exercise(
        id="03.9",
        title="IPMA on the operator survey: points of the 0-100 Satisfaction score gained if "
              "the Quality score rose by 5 points",
        expected=_quality_gain("ipma"),
        tol=0.005,
        hint="pls.ipma(model, 'Satisfaction', scale=(1, 10)) on the model of section 4.3 (IMAG4 "
             "reverse-coded): the target is now Satisfaction; a driver's importance is its "
             "UNSTANDARDISED TOTAL effect: points of the target per point of the driver; "
             "multiply Quality's importance by 5",
        mistakes=(
            (_quality_gain("direct"),
             "this uses the direct effect only; IPMA's importance is the TOTAL effect, which "
             "adds the path through Value"),
            (_quality_gain("standardised"),
             "this uses the STANDARDISED total effect (model.effects), which is in standard "
             "deviations, not in points of the 0-100 scores; use the IPMA importance"),
            (_quality_gain("loyalty"),
             "this is the gain in LOYALTY (the IPMA of section 4.9); the question's target is "
             "Satisfaction: pls.ipma(model, 'Satisfaction', ...)"),
            (lambda: _quality_gain("ipma")() / 5,
             "this is the gain per ONE point; the question raises Quality by 5 points"),
        ),
    ),
    Exercise(
        id="03.10",
        title="PLSpredict on mobi (seed=1, 10 folds x 10 repetitions, DIRECT antecedents): "
              "Shmueli et al.'s verdict on the predictive power for the Loyalty items",
        expected=_power("Loyalty", technique="direct"),
        kind="choice",
        hint="pls.plspredict(ecsi, seed=1, technique='direct').predictive_power('Loyalty'): "
             "compare PLS's RMSE with the linear model's item by item; 'high' if PLS wins on "
             "every item, 'medium' on a majority, 'low' on a minority, 'lacking' on none",
        mistakes=(
            (_power("Loyalty"),
             "this is the verdict with the EARLIEST antecedents (the default, section 5); the "
             "question uses technique='direct', whose LM benchmark regresses each Loyalty item "
             "on the items of Loyalty's direct antecedents"),
            (_power("Satisfaction"),
             "this is the verdict for the Satisfaction items (earliest antecedents); the "
             "question asks about the Loyalty items with direct antecedents"),
        ),
    ),
    Exercise(
        id="03.11",
        title="operator survey, contract vs prepaid customers: the path whose group difference "
              "has the smallest permutation p-value (n_boot=1000, seed=1)",
        expected=_plan_path(),
        kind="choice",
        hint="reverse-code IMAG4 as in section 4.3, then pls.mga(coded, pls.ECSI_PATHS, "
             "ACSI_SURVEY_BLOCKS, 'plan', n_boot=1000, seed=1, missing='drop').paths; take the "
             "row with the smallest p_value and answer 'source -> target'",
        mistakes=(
            (["Image -> Loyalty", "Satisfaction -> Loyalty"],
             "these are the bank survey's gender differences (section 5); the question splits "
             "the OPERATOR survey by plan"),
            ("Image -> Loyalty",
             "this path differs between women and men in the bank survey (section 5); the "
             "question splits the OPERATOR survey by plan"),
            ("Satisfaction -> Loyalty",
             "this path differs between women and men in the bank survey (section 5); the "
             "question splits the OPERATOR survey by plan"),
        ),
    ),
    Exercise(
        id="03.12",
        title="PLSc on JADE MOBILE's customers of the operator survey: how much larger is the "
              "consistent estimate of Satisfaction -> Loyalty than the PLS estimate (PLSc minus "
              "PLS)?",
        expected=_plsc_gain(),
        tol=0.002,
        hint="reverse-code IMAG4 as in section 4.3, keep company == 'Jade Mobile', estimate "
             "pls.estimate(jade, pls.ECSI_PATHS, ACSI_SURVEY_BLOCKS, missing='drop'); "
             "pls.plsc(jade_model).summary() holds both columns: estimate (PLSc) and pls; "
             "subtract",
        mistakes=(
            (_plsc_gain(company=None),
             "this is the gain on ALL customers of the survey (section 4.3); the question "
             "keeps Jade Mobile's customers only"),
            (_plsc_gain("plsc"), "this is the PLSc estimate itself; subtract the PLS estimate"),
            (_plsc_gain("ratio"), "this is the ratio PLSc / PLS; the question asks for the "
                                  "difference"),
            (lambda: -_plsc_gain()(), "the sign is reversed: PLSc minus PLS"),
        ),
    ),
]

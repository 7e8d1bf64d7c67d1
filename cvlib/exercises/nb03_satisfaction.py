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
        title_zh="Lotus Telecom 合约用户的等权重满意度指数，0-100 分",
        expected=_lotus_contract_index,
        tol=0.01,
        hint="keep the rows with company == 'Lotus Telecom' AND plan == 'contract'; average each "
             "of CUSA1-CUSA3 over those who answered it, rescale (mean - 1) / 9 x 100 and "
             "average the three (sat.satisfaction_index(rows, items, missing='available', "
             "n_boot=0).params['all'])",
        hint_zh="保留 company == 'Lotus Telecom' 且 plan == 'contract' 的行；CUSA1-CUSA3 每个题项"
                "只对回答了该题项的顾客求平均，按 (均值 - 1) / 9 x 100 换算到 0-100 分，再对三个题项"
                "求平均（sat.satisfaction_index(rows, items, missing='available', "
                "n_boot=0).params['all']）",
        mistakes=(
            (_lotus_all_plans_index,
             "this is the index of ALL Lotus Telecom customers; keep only the contract plan",
             "这是 Lotus Telecom 全部顾客的指数；只保留合约用户（plan == 'contract'）"),
            (_lotus_contract_listwise,
             "you kept only the customers who answered all three items (missing='drop'); the "
             "question averages each item over the customers who answered that item "
             "(missing='available')",
             "你只保留了三个题项都回答了的顾客（missing='drop'）；题目要求每个题项对回答了该题项的"
             "顾客求平均（missing='available'）"),
            (_lotus_contract_times_ten,
             "you multiplied the 1-10 mean by 10; the ACSI rescaling is (mean - 1) / (10 - 1) "
             "x 100, so that 1 maps to 0 and 10 to 100",
             "你把 1-10 分的均值乘以了 10；ACSI 的换算是 (均值 - 1) / (10 - 1) x 100，"
             "使 1 分对应 0、10 分对应 100"),
            (_lotus_contract_mean,
             "this is the mean on the 1-10 scale; the index is on 0-100",
             "这是 1-10 分量表上的均值；指数是 0-100 分制"),
        ),
    ),
    Exercise(
        id="03.2",
        title="NPS gap Jade Mobile minus Orchid Net and its standard error, as [gap, se]",
        title_zh="Jade Mobile 与 Orchid Net 的 NPS 之差及其标准误，答案形如 [gap, se]",
        expected=_nps_gap_right,
        tol=0.01,
        hint="sat.nps(survey, 'recommend', by='company', missing='drop') gives each operator's "
             "nps and se; the "
             "two samples are independent, so the variance of the gap is the sum of the "
             "variances: se = sqrt(se_Jade^2 + se_Orchid^2)",
        hint_zh="sat.nps(survey, 'recommend', by='company', missing='drop') 给出每家运营商的 nps 和 "
                "se；两个样本相互独立，所以差值的方差等于两个方差之和：se = sqrt(se_Jade^2 + "
                "se_Orchid^2)",
        mistakes=(
            (_nps_gap_se_added,
             "the gap is right but you added the standard errors; for independent samples the "
             "VARIANCES add, so se = sqrt(se_1^2 + se_2^2), which is smaller than se_1 + se_2",
             "差值是对的，但你把标准误直接相加了；独立样本相加的是方差，所以 se = sqrt(se_1^2 + "
             "se_2^2)，它小于 se_1 + se_2"),
            (_nps_gap_reversed,
             "the gap has the wrong sign: the question asks for Jade Mobile minus Orchid Net",
             "差值的符号反了：题目要求 Jade Mobile 减去 Orchid Net"),
            (_nps_gap_fractions,
             "these are fractions; NPS and its standard error are in points (-100..100)",
             "这是比例；NPS 及其标准误以分为单位（-100 到 100）"),
        ),
    ),
    Exercise(
        id="03.3",
        title="the delighter: the largest CS+ among the ATTRACTIVE (A) Kano features "
              "(the satisfaction it adds when present)",
        title_zh="惊喜因素：卡诺调查中魅力质量（A）特性的最大 CS+，即具备时带来的满意提升",
        expected=_largest_cs("A"),
        tol=0.002,
        hint="sat.kano_table(kano, missing='drop') gives each feature's category and its "
             "'better' coefficient CS+ = (A + O) / (A + O + M + I); keep the features whose "
             "category is 'A' (attractive: delights when present, not missed when absent) and "
             "take the largest CS+ (a fraction 0-1)",
        hint_zh="sat.kano_table(kano, missing='drop') 给出每个特性的类别（category）及其 'better' 系数 "
                "CS+ = (A + O) / (A + O + M + I)；只保留类别为 'A' 的特性（魅力质量：具备时令人惊喜，"
                "缺少时不被惦记），取其中最大的 CS+（0-1 之间的比例）",
        mistakes=(
            (_largest_cs(),
             "this is the largest CS+ of all, but that feature is one-dimensional (O): "
             "satisfaction rises and falls with it, and customers miss it when it is absent. A "
             "delighter is an attractive (A) feature: keep only category 'A'",
             "这是所有特性中最大的 CS+，但该特性属于一元质量（O）：满意随它升降，缺少时顾客会不满。"
             "惊喜因素是魅力质量（A）特性：只保留类别 'A'"),
            (_largest_cs("M"),
             "this is the largest CS+ of the must-be (M) features: expected, missed when absent, "
             "no delight when present; a delighter is attractive (A)",
             "这是必备质量（M）特性中最大的 CS+：顾客认为理所当然，缺少时不满，具备时也不会惊喜；"
             "惊喜因素是魅力质量（A）"),
            (_largest_cs("A", scale=100.0),
             "right feature, but CS+ is a fraction 0-1, not a percentage",
             "特性找对了，但 CS+ 是 0-1 之间的比例，不是百分数"),
            (_largest_better("A"),
             "right feature, but the question asks for its CS+ (a number), not its name",
             "特性找对了，但题目要的是它的 CS+（一个数），不是它的名称"),
            (_largest_better(),
             "this feature is one-dimensional (O), and the question asks for a number: the "
             "largest CS+ among the attractive (A) features",
             "这个特性属于一元质量（O），而且题目要的是一个数：魅力质量（A）特性中最大的 CS+"),
        ),
    ),
    Exercise(
        id="03.4",
        title="attributes in 'Concentrate here' with MEDIAN cut-lines (stated importance)",
        title_zh="按陈述重要性、分界线取中位数时落在重点改进区（'Concentrate here'）的属性",
        expected=lambda: _concentrate("median"),
        kind="choice",
        hint="importance = mean of imp_<attribute>, performance = mean of perf_<attribute> "
             "(the notebook's ipa_table holds them); sat.ipa(ipa_table, importance_cut='median', "
             "performance_cut='median'); 'Concentrate here' is high importance and low "
             "performance; names without the prefix",
        hint_zh="重要性 = imp_<属性> 的均值，绩效 = perf_<属性> 的均值（笔记本中的 ipa_table 已经算好）；"
                "sat.ipa(ipa_table, importance_cut='median', performance_cut='median')；"
                "重点改进区（'Concentrate here'）是重要性高、绩效低的象限；属性名不带前缀",
        mistakes=(
            (lambda: _concentrate("mean"),
             "these are the 'Concentrate here' attributes with the cut-lines at the MEANS "
             "(section 4.7); the question puts them at the medians of the eight attributes",
             "这是分界线取均值时（第 4.7 节）落在重点改进区的属性；题目要求把分界线放在八个属性的"
             "中位数处"),
            (lambda: _concentrate("midpoint"),
             "these are the 'Concentrate here' attributes with the cut-lines at the scale "
             "midpoint 5.5; the question puts them at the medians of the eight attributes",
             "这是分界线取量表中点 5.5 时落在重点改进区的属性；题目要求把分界线放在八个属性的"
             "中位数处"),
        ),
    ),
    Exercise(
        id="03.5",
        title="the mobi IMAGE item whose deletion raises the Image block's Cronbach's alpha "
              "the most",
        title_zh="mobi 数据企业形象（Image）区块中，删除后能使克朗巴哈系数提高最多的题项",
        expected="IMAG3",
        kind="choice",
        hint="pls.item_analysis(mobi[['IMAG1', 'IMAG2', 'IMAG3', 'IMAG4', 'IMAG5']]) lists "
             "alpha_if_deleted for each item; take the item with the largest",
        hint_zh="pls.item_analysis(mobi[['IMAG1', 'IMAG2', 'IMAG3', 'IMAG4', 'IMAG5']]) 列出每个题项"
                "删除后的 α（alpha_if_deleted）；取该值最大的题项",
        mistakes=(
            ("IMAG2",
             "IMAG2 has the lowest corrected item-total correlation, but the question asks "
             "which deletion raises alpha the most: compare alpha_if_deleted",
             "IMAG2 的校正的项目-总分相关最低，但题目问的是删除哪个题项能使 α 提高最多："
             "请比较 alpha_if_deleted"),
            ("CUSL2",
             "CUSL2 is the weak LOYALTY item of section 5; the question asks about the Image "
             "block (IMAG1-IMAG5)",
             "CUSL2 是第 5 节中忠诚区块的薄弱题项；题目问的是企业形象区块（IMAG1-IMAG5）"),
            (["IMAG3"], "right item, but answer one name (a string), not a list",
             "题项找对了，但请回答一个名称（字符串），而不是列表"),
        ),
    ),
    Exercise(
        id="03.6",
        title="the best Cronbach's alpha of mobi's Expectation block after dropping one item",
        title_zh="mobi 数据顾客预期（Expectation）区块删去一个题项后所能达到的最高克朗巴哈系数",
        expected=_best_alpha_without_one,
        tol=0.001,
        hint="pls.item_analysis(mobi[['CUEX1', 'CUEX2', 'CUEX3']]) lists alpha if each item is "
             "deleted (raw answers, as pls.cronbach_alpha computes it); take the largest",
        hint_zh="pls.item_analysis(mobi[['CUEX1', 'CUEX2', 'CUEX3']]) 列出删除每个题项后的 α"
                "（基于原始回答，与 pls.cronbach_alpha 的算法相同）；取其中最大的",
        mistakes=(
            (lambda: _alpha(_expectation()),
             "this is the alpha of all three items; drop the item whose deletion raises alpha "
             "the most and give the alpha of the two that remain",
             "这是三个题项全部保留时的 α；删去能使 α 提高最多的那个题项，给出剩下两个题项的 α"),
            (lambda: _best_alpha_without_one(standardized=True),
             "this is the STANDARDISED alpha (items rescaled to unit variance, as PLS software "
             "reports it); the question asks for alpha on the raw answers, as "
             "pls.cronbach_alpha and pls.item_analysis compute it",
             "这是标准化 α（题项先缩放为单位方差，PLS 软件这样报告）；题目要求基于原始回答的 α，"
             "即 pls.cronbach_alpha 和 pls.item_analysis 的算法"),
            (_alpha_without("CUEX1"),
             "this is alpha without CUEX1, which LOWERS alpha; look for the largest "
             "alpha_if_deleted",
             "这是删去 CUEX1 后的 α，删去它反而会降低 α；请找 alpha_if_deleted 最大的那个"),
            (_alpha_without("CUEX2"),
             "this is alpha without CUEX2, which lowers alpha; look for the largest "
             "alpha_if_deleted",
             "这是删去 CUEX2 后的 α，删去它会降低 α；请找 alpha_if_deleted 最大的那个"),
            (_lowest_item_total,
             "this is the weakest item's corrected item-total correlation, not an alpha",
             "这是最弱题项的校正的项目-总分相关，不是 α 系数"),
            ("CUEX3",
             "right item to drop, but the question asks for the alpha of the two items that "
             "remain (a number)",
             "要删的题项找对了，但题目要的是剩下两个题项的 α（一个数）"),
        ),
    ),
    Exercise(
        id="03.7",
        title="the importance-weighted gap (perception - expectation) of the MATERIAL layer of "
              "satisfaction in the workbook's operator example, in scale points",
        title_zh="本工作簿运营商示例中，物质满意层次按重要性加权的差距（感知 - 期望），"
                 "以量表分为单位",
        expected=_material_gap(),
        tol=0.001,
        hint="sat.satisfaction_gap(sat.GAP_EXAMPLE, weights='importance', layer='layer') gives "
             "each attribute's gap; by_layer() weights the gaps of each layer by their "
             "importance: sum(weight x gap) / sum(weight) over the material attributes",
        hint_zh="sat.satisfaction_gap(sat.GAP_EXAMPLE, weights='importance', layer='layer') 给出每个"
                "属性的差距；by_layer() 在每个层次内按重要性给差距加权：对物质层面（material）的属性"
                "计算 sum(weight x gap) / sum(weight)",
        mistakes=(
            (_overall_gap,
             "this is the overall gap of all six attributes; the question asks for the material "
             "layer only (the attributes tagged 'material')",
             "这是全部六个属性的总体差距；题目只要物质满意层次（标为 'material' 的属性）"),
            (_material_gap(sign=-1.0),
             "the sign is reversed: the gap is perception MINUS expectation, so an attribute "
             "that falls short has a negative gap",
             "符号反了：差距是感知减去期望，未达期望的属性差距为负"),
            (_material_gap(weighted=False),
             "this is the plain mean of the material gaps; weight each gap by the attribute's "
             "importance",
             "这是物质层面各差距的简单平均；请用各属性的重要性给差距加权"),
            (_material_gap(over_100=True),
             "you divided the weighted sum by 100, the total weight of all six attributes; "
             "divide by the material attributes' total weight (70)",
             "你把加权和除以了 100，那是全部六个属性的权重之和；应当除以物质层面属性的权重之和（70）"),
        ),
    ),
    Exercise(
        id="03.8",
        title="the attribute that matters most to the VERY satisfied customers of "
              "service_attributes (overall satisfaction 9-10, cuts=(4, 8)): the largest share "
              "of their R-squared",
        title_zh="service_attributes 中对非常满意的顾客（总体满意度 9-10 分，cuts=(4, 8)）最重要的"
                 "属性：在该组 R² 中所占份额最大",
        expected=_top_driver("satisfied"),
        kind="choice",
        hint="sat.drivers_by_level(attributes, 'overall', performance, cuts=(4, 8), "
             "missing='drop') splits the customers at 4 and 8; keep level == 'satisfied' (now "
             "9-10) and take the driver with the largest importance (answer the column name, "
             "e.g. 'perf_app')",
        hint_zh="sat.drivers_by_level(attributes, 'overall', performance, cuts=(4, 8), "
                "missing='drop') 在 4 分和 8 分处把顾客分组；保留 level == 'satisfied'（现在是 9-10 分），"
                "取 importance 最大的驱动因素（回答列名，例如 'perf_app'）",
        mistakes=(
            (_top_driver("satisfied", cuts=(4, 7)),
             "this is the top driver of the customers rating 8-10 (cuts=(4, 7), section 4.6); "
             "the question moves the upper cut to 8, keeping only those rating 9-10",
             "这是评分 8-10 分的顾客的首要驱动因素（cuts=(4, 7)，第 4.6 节）；题目把上方切点移到 8，"
             "只保留评分 9-10 分的顾客"),
            (_top_driver(None),
             "this is the top driver of ALL customers together; the question asks about the "
             "very satisfied customers only (overall 9-10), whose drivers differ (course "
             "material 002)",
             "这是全部顾客合在一起时的首要驱动因素；题目只问非常满意的顾客（总体 9-10 分），"
             "他们的驱动因素不同（课程资料 002）"),
            (_top_driver("dissatisfied"),
             "this is what matters most to the DISSATISFIED customers (overall 1-4): a basic "
             "attribute; the satisfied care about something else",
             "这是对不满意的顾客（总体 1-4 分）最重要的属性：一个基本属性；满意的顾客关心的是别的东西"),
        ),
    ),
    Exercise(
        id="03.9",
        title="IPMA on the operator survey: points of the 0-100 Satisfaction score gained if "
              "the Quality score rose by 5 points",
        title_zh="运营商调查上的 IPMA：感知质量（Quality）得分提高 5 分时，0-100 分的顾客满意"
                 "（Satisfaction）得分提高多少分",
        expected=_quality_gain("ipma"),
        tol=0.005,
        hint="pls.ipma(model, 'Satisfaction', scale=(1, 10)) on the model of section 4.3 (IMAG4 "
             "reverse-coded): the target is now Satisfaction; a driver's importance is its "
             "UNSTANDARDISED TOTAL effect: points of the target per point of the driver; "
             "multiply Quality's importance by 5",
        hint_zh="在第 4.3 节的模型（IMAG4 已反向计分）上运行 pls.ipma(model, 'Satisfaction', "
                "scale=(1, 10))：目标构念现在是顾客满意；驱动因素的重要性是它的非标准化总效应，"
                "即驱动因素每提高 1 分，目标提高多少分；把 Quality 的重要性乘以 5",
        mistakes=(
            (_quality_gain("direct"),
             "this uses the direct effect only; IPMA's importance is the TOTAL effect, which "
             "adds the path through Value",
             "这只用了直接效应；IPMA 的重要性是总效应，还要加上经由感知价值（Value）的间接路径"),
            (_quality_gain("standardised"),
             "this uses the STANDARDISED total effect (model.effects), which is in standard "
             "deviations, not in points of the 0-100 scores; use the IPMA importance",
             "这用的是标准化总效应（model.effects），单位是标准差，而不是 0-100 分制下的分数；"
             "请用 IPMA 的重要性"),
            (_quality_gain("loyalty"),
             "this is the gain in LOYALTY (the IPMA of section 4.9); the question's target is "
             "Satisfaction: pls.ipma(model, 'Satisfaction', ...)",
             "这是顾客忠诚的提高（第 4.9 节的 IPMA）；题目的目标构念是顾客满意："
             "pls.ipma(model, 'Satisfaction', ...)"),
            (lambda: _quality_gain("ipma")() / 5,
             "this is the gain per ONE point; the question raises Quality by 5 points",
             "这是每提高 1 分的增量；题目是把感知质量提高 5 分"),
        ),
    ),
    Exercise(
        id="03.10",
        title="PLSpredict on mobi (seed=1, 10 folds x 10 repetitions, DIRECT antecedents): "
              "Shmueli et al.'s verdict on the predictive power for the Loyalty items",
        title_zh="mobi 数据上的 PLSpredict（seed=1，10 折 x 10 次重复，直接前因变量）：按 Shmueli 等"
                 "人的标准，顾客忠诚（Loyalty）题项的预测力判断",
        expected=_power("Loyalty", technique="direct"),
        kind="choice",
        hint="pls.plspredict(ecsi, seed=1, technique='direct').predictive_power('Loyalty'): "
             "compare PLS's RMSE with the linear model's item by item; 'high' if PLS wins on "
             "every item, 'medium' on a majority, 'low' on a minority, 'lacking' on none",
        hint_zh="pls.plspredict(ecsi, seed=1, technique='direct').predictive_power('Loyalty')："
                "逐个题项比较 PLS 与线性模型的 RMSE；PLS 在每个题项上都胜出为 'high'，"
                "在多数题项上胜出为 'medium'，在少数题项上胜出为 'low'，一个也没胜出为 'lacking'",
        mistakes=(
            (_power("Loyalty"),
             "this is the verdict with the EARLIEST antecedents (the default, section 5); the "
             "question uses technique='direct', whose LM benchmark regresses each Loyalty item "
             "on the items of Loyalty's direct antecedents",
             "这是用最早前因变量（默认设置，第 5 节）得到的判断；题目使用 technique='direct'，"
             "其线性模型基准把每个忠诚题项对忠诚的直接前因变量的题项做回归"),
            (_power("Satisfaction"),
             "this is the verdict for the Satisfaction items (earliest antecedents); the "
             "question asks about the Loyalty items with direct antecedents",
             "这是顾客满意题项（最早前因变量）的判断；题目问的是用直接前因变量时的顾客忠诚题项"),
        ),
    ),
    Exercise(
        id="03.11",
        title="operator survey, contract vs prepaid customers: the path whose group difference "
              "has the smallest permutation p-value (n_boot=1000, seed=1)",
        title_zh="运营商调查中合约用户与预付费用户的比较：组间差异置换检验 p 值最小的路径"
                 "（n_boot=1000，seed=1）",
        expected=_plan_path(),
        kind="choice",
        hint="reverse-code IMAG4 as in section 4.3, then pls.mga(coded, pls.ECSI_PATHS, "
             "ACSI_SURVEY_BLOCKS, 'plan', n_boot=1000, seed=1, missing='drop').paths; take the "
             "row with the smallest p_value and answer 'source -> target'",
        hint_zh="像第 4.3 节那样对 IMAG4 反向计分，然后运行 pls.mga(coded, pls.ECSI_PATHS, "
                "ACSI_SURVEY_BLOCKS, 'plan', n_boot=1000, seed=1, missing='drop').paths；"
                "取 p_value 最小的一行，回答 'source -> target'",
        mistakes=(
            (["Image -> Loyalty", "Satisfaction -> Loyalty"],
             "these are the bank survey's gender differences (section 5); the question splits "
             "the OPERATOR survey by plan",
             "这是银行调查中的性别差异（第 5 节）；题目要求按套餐类型（plan）拆分运营商调查"),
            ("Image -> Loyalty",
             "this path differs between women and men in the bank survey (section 5); the "
             "question splits the OPERATOR survey by plan",
             "这条路径在银行调查中存在男女差异（第 5 节）；题目要求按套餐类型（plan）拆分运营商调查"),
            ("Satisfaction -> Loyalty",
             "this path differs between women and men in the bank survey (section 5); the "
             "question splits the OPERATOR survey by plan",
             "这条路径在银行调查中存在男女差异（第 5 节）；题目要求按套餐类型（plan）拆分运营商调查"),
        ),
    ),
    Exercise(
        id="03.12",
        title="PLSc on JADE MOBILE's customers of the operator survey: how much larger is the "
              "consistent estimate of Satisfaction -> Loyalty than the PLS estimate (PLSc minus "
              "PLS)?",
        title_zh="只用运营商调查中 Jade Mobile 的顾客做 PLSc：顾客满意 -> 顾客忠诚"
                 "（Satisfaction -> Loyalty）的一致性估计值与 PLS 估计值之差，即 PLSc 减去 PLS",
        expected=_plsc_gain(),
        tol=0.002,
        hint="reverse-code IMAG4 as in section 4.3, keep company == 'Jade Mobile', estimate "
             "pls.estimate(jade, pls.ECSI_PATHS, ACSI_SURVEY_BLOCKS, missing='drop'); "
             "pls.plsc(jade_model).summary() holds both columns: estimate (PLSc) and pls; "
             "subtract",
        hint_zh="像第 4.3 节那样对 IMAG4 反向计分，保留 company == 'Jade Mobile'，估计 "
                "pls.estimate(jade, pls.ECSI_PATHS, ACSI_SURVEY_BLOCKS, missing='drop')；"
                "pls.plsc(jade_model).summary() 同时给出两列：estimate（PLSc）和 pls；两者相减",
        mistakes=(
            (_plsc_gain(company=None),
             "this is the gain on ALL customers of the survey (section 4.3); the question "
             "keeps Jade Mobile's customers only",
             "这是调查全部顾客上的差值（第 4.3 节）；题目只保留 Jade Mobile 的顾客"),
            (_plsc_gain("plsc"), "this is the PLSc estimate itself; subtract the PLS estimate",
             "这是 PLSc 估计值本身；还要减去 PLS 估计值"),
            (_plsc_gain("ratio"), "this is the ratio PLSc / PLS; the question asks for the "
                                  "difference",
             "这是比值 PLSc / PLS；题目要的是差值"),
            (lambda: -_plsc_gain()(), "the sign is reversed: PLSc minus PLS",
             "符号反了：应为 PLSc 减去 PLS"),
        ),
    ),
]

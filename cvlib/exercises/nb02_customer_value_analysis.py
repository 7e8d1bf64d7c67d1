"""Exercises of notebook 02 (Gale's customer value analysis).

Expected answers come from Gale's printed surgery table (02.1) and from the
workbook's synthetic car market computed with cvlib (02.2-02.8).
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
                             missing="available", n_boot=None)
    return p.score


def _borealis_before_cut(undo_equinox: bool = True) -> float:
    """Borealis' relative list price in 2023Q2, from the 2024Q4 list prices of load_cva_car_brands.

    The 2024Q4 prices come after Borealis' 8% cut (2023Q3) and Equinox's 5% rise
    (2024Q4), the two list-price events of load_cva_car_events; undo both.
    """
    from ..cva import relative_price
    from ..datasets import load_cva_car_brands

    prices = load_cva_car_brands().set_index("brand")["list_price"].astype(float)
    before = prices.copy()
    before["Borealis"] = prices["Borealis"] / 0.92
    if undo_equinox:
        before["Equinox"] = prices["Equinox"] / 1.05
    return relative_price(before["Borealis"], before.drop("Borealis").to_numpy())


def _borealis_2024q4() -> float:
    from ..cva import relative_price
    from ..datasets import load_cva_car_brands

    prices = load_cva_car_brands().set_index("brand")["list_price"]
    return relative_price(prices["Borealis"], prices.drop("Borealis").to_numpy())


def _borealis_cut_twice() -> float:
    from ..cva import relative_price
    from ..datasets import load_cva_car_brands

    prices = load_cva_car_brands().set_index("brand")["list_price"]
    return relative_price(0.92 * prices["Borealis"], prices.drop("Borealis").to_numpy())


def _market_map():
    from ..cva import brand_scores, mean_ratings, value_map
    from ..datasets import load_cva_car_survey

    survey = load_cva_car_survey()
    q = brand_scores(mean_ratings(survey, _weights("quality"), missing="available"), kind="quality")
    p = brand_scores(mean_ratings(survey, _weights("price"), missing="available"), kind="price")
    return value_map(q[["brand", "relative_quality"]].merge(p[["brand", "relative_price"]], on="brand"),
                     zone=5)


def _best_value_on_list_prices() -> str:
    from ..cva import brand_scores, mean_ratings, relative_price, value_map
    from ..datasets import load_cva_car_brands, load_cva_car_survey

    q = brand_scores(mean_ratings(load_cva_car_survey(), _weights("quality"), missing="available"),
                     kind="quality").set_index("brand")["relative_quality"]
    prices = load_cva_car_brands().set_index("brand")["list_price"]
    rel = {b: relative_price(prices[b], prices.drop(b).to_numpy()) for b in prices.index}
    m = value_map(pd.DataFrame({"brand": list(q.index), "relative_quality": q.to_numpy(),
                                "relative_price": [rel[b] for b in q.index]}))
    return str(m.table.sort_values("distance", ascending=False)["brand"].iloc[0])


def _draco_price_cut() -> float:
    # on the diagonal a vertical move of v points changes the perpendicular distance by v / sqrt(2)
    d = float(_market_map().table.set_index("brand").loc["Draco", "distance"])
    return (-d - 5.0) * 2 ** 0.5


def _reliability_odds_two_points() -> float:
    import numpy as np

    from ..cva import win_loss
    from ..datasets import load_cva_car_deals

    wl = win_loss(load_cva_car_deals(), _DRIVERS, missing="drop")
    return float(np.exp(2.0 * wl.params["gap_reliability"]))


#: The what/who strengths of notebook 02, section 8 (the workbook's illustrative matrix).
WHAT_WHO_STRENGTHS = {
    "R&D": [9, 9, 3, 9, 3, 0],
    "manufacturing": [9, 3, 3, 3, 1, 0],
    "marketing": [0, 1, 1, 0, 9, 1],
    "dealers": [1, 0, 0, 0, 0, 9],
}


def _aurora_scores():
    from ..cva import scores_over_time
    from ..datasets import load_cva_car_tracking

    tracking = load_cva_car_tracking()
    rq = scores_over_time(tracking, _weights("quality"), "Aurora", _RIVALS, kind="quality")
    rp = scores_over_time(tracking, _weights("price"), "Aurora", _RIVALS, kind="price")
    return pd.DataFrame({"period": rq["period"], "relative_quality": rq["relative"],
                         "relative_price": rp["relative"]})


def _recall_change(lag: int) -> float:
    from ..cva import key_events
    from ..datasets import load_cva_car_events

    events = load_cva_car_events()
    recall = events[events["event"].str.contains("recall", case=False)]
    return float(key_events(_aurora_scores(), recall, lag=lag).events["relative_quality_change"].iloc[0])


def _dealers_qfd_share(method: str = "qfd") -> float:
    from ..cva import what_who

    w = _weights("quality")
    m = pd.DataFrame({"attribute": list(w.index), "weight": w.to_numpy(), **WHAT_WHO_STRENGTHS})
    return float(what_who(m, method=method).shares.set_index("function").loc["dealers", "share"])


EXERCISES = [
    Exercise(
        id="02.1",
        title="Gale's surgery profile with new weights",
        expected=229.0,
        kind="number",
        tol=0.05,
        hint="Keep Gale's ratios 3.0/2.0/1.5/1.4/2.0; the weights become 40/30/10/10/10. "
             "Score = sum of weight x ratio.",
        title_zh="权重改变后盖尔的手术质量水平",
        hint_zh="盖尔的比率 3.0/2.0/1.5/1.4/2.0 不变，权重改为 40/30/10/10/10。"
                "得分 = 各属性的权重 × 比率之和。",
    ),
    Exercise(
        id="02.2",
        title="Aurora's quality score against Equinox from the survey",
        expected=_aurora_vs_equinox,
        kind="number",
        tol=0.01,
        hint="The same call as Aurora's profile in section 4 (profile_from_ratings with the quality "
             "weights and missing='available'), with one competitor instead of four; n_boot=None "
             "skips the bootstrap.",
        title_zh="根据调查数据计算 Aurora 相对于 Equinox 的质量得分",
        hint_zh="与第 4 节 Aurora 质量水平的调用相同（用质量权重和 missing='available' 调用 "
                "profile_from_ratings），只是竞争对手由四个换成一个；n_boot=None 表示不做自助法重抽样。",
    ),
    Exercise(
        id="02.3",
        title="Borealis' relative list price in 2023Q2, before its 8% cut",
        expected=_borealis_before_cut,
        kind="number",
        tol=0.05,
        hint="The table's prices are those of 2024Q4: undo Borealis' cut (2024Q4 price / 0.92) and "
             "Equinox's 5% rise (2024Q4 price / 1.05); the other three prices stay. Then "
             "relative_price(Borealis' price, the other four brands' prices).",
        title_zh="Borealis 在 2023Q2 降价 8% 之前按标价计算的相对价格",
        hint_zh="表中是 2024Q4 的标价：先还原 Borealis 的降价（2024Q4 价格 / 0.92）和 Equinox 的 5% 涨价"
                "（2024Q4 价格 / 1.05），其余三个品牌的价格不变。然后计算 "
                "relative_price(Borealis 的价格, 其余四个品牌的价格)。",
        mistakes=(
            (lambda: _borealis_before_cut(undo_equinox=False),
             "you undid Borealis' cut but not Equinox's 5% rise of 2024Q4 (divide its price by 1.05)",
             "你还原了 Borealis 的降价，却没有还原 Equinox 在 2024Q4 的 5% 涨价（把它的价格除以 1.05）"),
            (_borealis_2024q4, "that is Borealis' relative list price in 2024Q4, after the cut",
             "这是 Borealis 在 2024Q4（降价之后）按标价计算的相对价格"),
            (_borealis_cut_twice, "the 2024Q4 price already includes the cut: divide by 0.92, do "
                                  "not multiply",
             "2024Q4 的价格已经包含了这次降价：应当除以 0.92，而不是乘以 0.92"),
        ),
    ),
    Exercise(
        id="02.4",
        title="The best-value brand when price means list price",
        expected=_best_value_on_list_prices,
        kind="choice",
        hint="Keep each brand's relative quality from the survey (brand_scores of the quality "
             "ratings) but take relative price from list prices: relative_price(price, the other "
             "four brands' prices). Then value_map(...) and the largest positive distance.",
        title_zh="以标价衡量价格时客户价值最高的品牌",
        hint_zh="保留每个品牌来自调查的相对质量（质量评分的 brand_scores），但相对价格改用标价计算："
                "relative_price(该品牌的价格, 其余四个品牌的价格)。然后调用 value_map(...)，"
                "找出正的距离最大的品牌。",
    ),
    Exercise(
        id="02.5",
        title="How far Draco's relative price must fall to reach the fair-value zone",
        expected=_draco_price_cut,
        kind="number",
        tol=0.05,
        hint="The distance is measured perpendicular to the 45-degree line: lowering the price by v "
             "points raises the distance by v / sqrt(2). Draco needs distance -5 (the zone's edge); "
             "give the drop in points (positive), not the new price; check it with "
             "vmap.distance_of(quality, new price).",
        title_zh="Draco 的相对价格要下降多少才能进入公平价值区",
        hint_zh="距离是到 45 度线的垂直距离：价格降低 v 点，距离增加 v / sqrt(2)。Draco 需要达到距离 -5"
                "（公平价值区的边缘）；答案是下降的点数（正数），不是新的价格；可以用 "
                "vmap.distance_of(质量, 新价格) 核对。",
    ),
    Exercise(
        id="02.6",
        title="Odds of winning with two more points of reliability advantage",
        expected=_reliability_odds_two_points,
        kind="number",
        tol=0.01,
        hint="One more point of advantage multiplies the odds by the odds ratio exp(coef); a second "
             "point multiplies them by it again: odds ratios multiply, they do not add.",
        title_zh="可靠性优势再增加两个评分点时的赢单优势",
        hint_zh="优势每多一个评分点，赢单优势就乘以优势比 exp(coef)；第二个评分点再乘一次："
                "优势比是相乘的，不是相加的。",
    ),
    Exercise(
        id="02.7",
        title="Change in Aurora's relative quality around the brake recall, read one quarter later",
        expected=lambda: _recall_change(1),
        kind="number",
        tol=0.01,
        hint="Keep only the recall's row of the events (with lag=1 the last events would need a "
             "quarter after the timeline), then key_events(scores, recall, lag=1): the change is "
             "the score one quarter after the recall's quarter minus the score of the quarter "
             "before it, column relative_quality_change (negative: quality fell).",
        title_zh="刹车召回前后 Aurora 相对质量的变化，推迟一个季度读取",
        hint_zh="在事件表中只保留召回那一行（用 lag=1 时，最后几个事件需要时间线之外的下一个季度），"
                "然后调用 key_events(scores, recall, lag=1)：变化等于召回所在季度的下一个季度的得分"
                "减去召回前一个季度的得分，见 relative_quality_change 列（负数表示质量下降）。",
        mistakes=((lambda: _recall_change(0), "that is the change with lag=0 (the recall's own "
                   "quarter); the question reads the score one quarter later: lag=1",
                   "这是 lag=0（召回所在季度本身）时的变化；题目要求推迟一个季度读取得分：lag=1"),),
    ),
    Exercise(
        id="02.8",
        title="The dealers' share of customer value in the what/who matrix with method='qfd'",
        expected=_dealers_qfd_share,
        kind="number",
        tol=5e-4,
        hint="Same matrix as section 8 (quality weights, the four functions' strengths), but "
             "what_who(matrix, method='qfd'): importance = sum of weight x strength, rescaled to "
             "shares that sum to 1. Give the share as a fraction, not a percentage.",
        title_zh="用 method='qfd' 时经销商在 What/Who 矩阵中的客户价值份额",
        hint_zh="矩阵与第 8 节相同（质量权重和四个职能部门的关联强度），但调用 "
                "what_who(matrix, method='qfd')：重要度 = 各属性权重 × 关联强度之和，再换算成总和为 1 的份额。"
                "份额请给出 0-1 之间的比例，不要写成百分数。",
        mistakes=((lambda: _dealers_qfd_share("distribute"), "that is the share with the default "
                   "method='distribute'; the question asks for method='qfd'",
                   "这是默认方法 method='distribute' 下的份额；题目要求的是 method='qfd'"),
                  (lambda: 100 * _dealers_qfd_share(), "shares are fractions 0-1 in cvlib: give "
                   "0.2, not 20",
                   "cvlib 中的份额是 0-1 之间的比例：应写 0.2，而不是 20")),
    ),
]

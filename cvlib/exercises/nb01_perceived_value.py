"""Exercises of notebooks/01_perceived_value: value pricing, survey value, choice, PERVAL, hierarchy, Holbrook."""

from ..datasets import load
from . import Exercise

BENEFITS = ["product", "service", "personnel", "image"]
COSTS = ["price", "time", "energy", "psychic"]
#: importance weights of the young segment (exercise 01.3; the weights the synthetic survey used)
YOUNG_BENEFIT_WEIGHTS = {"product": 25, "service": 15, "personnel": 10, "image": 50}
YOUNG_COST_WEIGHTS = {"price": 60, "time": 10, "energy": 10, "psychic": 20}
#: Kotler & Keller's Caterpillar premiums (durability, reliability, service, parts warranty)
CATERPILLAR_PREMIUMS = {"durability": 7_000, "reliability": 6_000, "service": 5_000,
                        "warranty": 2_000}


def _ratio_share_of_c() -> float:
    from ..value import perceived_value_scores, value_choice

    scores = perceived_value_scores(load("car_value_survey"), BENEFITS, COSTS, missing="available")
    shares = value_choice(scores, value="value_ratio").shares
    return float(shares.set_index("brand").loc["C", "share"])


def _young_share_of_c() -> float:
    from ..value import perceived_value_scores, value_choice

    survey = load("car_value_survey")
    young = survey[survey["segment"] == "young"]
    scores = perceived_value_scores(young, YOUNG_BENEFIT_WEIGHTS, YOUNG_COST_WEIGHTS,
                                    missing="available")
    return float(value_choice(scores).shares.set_index("brand").loc["C", "share"])


def _holbrook_means():
    from ..datasets import trade_fair_holbrook_example
    from ..value import holbrook_scores

    return holbrook_scores(trade_fair_holbrook_example()).values.set_index("value")


def _intrinsic_share_without_spirituality(drop_from_total: bool = True) -> float:
    v = _holbrook_means()
    kept = v.drop(index="spirituality")
    intrinsic = kept.loc[kept["orientation"] == "intrinsic", "mean"].sum()
    total = (kept if drop_from_total else v)["mean"].sum()
    return float(intrinsic / total)


def _intrinsic_share_all_eight() -> float:
    v = _holbrook_means()
    return float(v.loc[v["orientation"] == "intrinsic", "mean"].sum() / v["mean"].sum())


def _price_alpha_not_reversed() -> float:
    from ..value import perval_scores

    r = perval_scores(load("car_perval"), reverse=["quality_4"], missing="available")
    return float(r.reliability.set_index("dimension").loc["price", "alpha"])


EXERCISES = [
    Exercise(
        id="01.1",
        title="Caterpillar for a quarry that gives superior service no value: the customer's gain "
              "at a price of 97,000",
        # Kotler & Keller's premiums without the service premium: value 90,000 + 7,000 + 6,000
        # + 2,000 = 105,000; gain = 105,000 - 97,000 (the worked example's gain is 10,000)
        expected=8_000,
        kind="number",
        tol=0.5,
        hint="value is what THIS customer perceives: leave out (or set to 0) the premium the quarry "
             "does not value, build its value-based price, then subtract the 97,000 charged; the "
             "premium paid over the competitor is a different number",
        title_zh="不看重卓越服务的采石场购买卡特彼勒拖拉机：以 97,000 的价格成交时顾客的净得",
        hint_zh="价值是这一位顾客感知到的价值：去掉（或设为 0）采石场不看重的那项溢价，算出它的基于价值的"
                "价格，再减去实际收取的 97,000；比竞争对手多付的溢价是另一个数",
        mistakes=(
            (10_000, "10,000 is the customer gain of the worked example (cat.customer_gain), whose "
                     "customer values every premium and pays 100,000; the quarry differs in both",
             "10,000 是 2.2 节示例中顾客的净得（cat.customer_gain）：那位顾客看重每一项溢价，"
             "并支付 100,000；采石场在这两点上都不同"),
            (13_000, "that keeps the 5,000 service premium the quarry does not value: "
                     "110,000 - 97,000",
             "这样算保留了采石场并不看重的 5,000 服务溢价：110,000 - 97,000"),
            (7_000, "that is the premium paid over the competitor-equivalent price (97,000 - 90,000), "
                    "not the value the customer gets net of the price",
             "这是比同等水平的竞争对手产品多付的溢价（97,000 - 90,000），"
             "不是顾客扣除价格之后得到的价值"),
        ),
    ),
    Exercise(
        id="01.2",
        title="share of respondents picking brand C when they maximise the value ratio "
              "(equal weights)",
        expected=_ratio_share_of_c,
        kind="number",
        tol=5e-3,
        hint="value_choice picks, for each respondent, the brand with the largest value in the "
             "column named by its value= argument; the scores table has a value_ratio column. "
             "Give the share as a fraction (0 to 1) of all 450 respondents",
        title_zh="等权重下，受访者追求价值成本比最大时选择品牌 C 的比例",
        hint_zh="value_choice 为每位受访者挑选 value= 参数所指定的那一列数值最大的品牌；计分表中有一列 "
                "value_ratio。份额用占全部 450 位受访者的小数（0 到 1）表示",
    ),
    Exercise(
        id="01.3",
        title="share of the young buyers picking brand C with the young segment's own weights",
        expected=_young_share_of_c,
        kind="number",
        tol=5e-3,
        hint="score only the rows of segment 'young', with the weights as two dicts (benefits, "
             "costs), then read brand C's share from value_choice(...).shares; the equal-weight "
             "share of section 4.2 is not the answer",
        title_zh="年轻购车者用本细分市场自己的权重计分时选择品牌 C 的比例",
        hint_zh="只对 segment 为 'young' 的行计分，权重写成两个字典（利益、成本），再从 "
                "value_choice(...).shares 中读出品牌 C 的份额；4.2 节的等权重份额不是答案",
    ),
    Exercise(
        id="01.4",
        title="Cronbach's alpha of the PERVAL price dimension when price_4 is NOT reverse coded",
        expected=_price_alpha_not_reversed,
        kind="number",
        tol=5e-3,
        hint="perval_scores reverse codes quality_4 and price_4 unless you pass reverse= yourself; "
             "give a list that leaves price_4 as answered, and read the price row of .reliability",
        title_zh="price_4 没有反向计分时 PERVAL 价格维度的克朗巴哈 α 系数",
        hint_zh="除非你自己传入 reverse=，perval_scores 会对 quality_4 和 price_4 做反向计分；"
                "给出一个不包含 price_4 的列表，再读 .reliability 中 price 那一行",
    ),
    Exercise(
        id="01.5",
        title="the value-hierarchy level of the anniversary surprise once every dealer offers it",
        expected="expected",  # the notebook's section 6.1: copied surprises become expected value
        kind="choice",
        hint="answer with one word: basic, expected, desired or unexpected; reread the sentence "
             "that follows the four levels in section 6.1",
        title_zh="每家经销商都提供周年惊喜服务之后，它处在价值层次的哪一层",
        hint_zh="用一个词回答：basic、expected、desired 或 unexpected，也可以写 6.1 节四个层次的中文名称"
                "（基本价值、预期价值、期盼价值、意外价值）；重读 6.1 节列出四个层次之后的那句话",
        mistakes=(
            ("unexpected", "that was its level in the first year, when no dealer offered it; once every "
                           "dealer does and buyers count on it, it has moved down a level",
             "这是第一年、还没有别的经销商提供时它所处的层次；等到每家经销商都这样做、车主也已习以为常，"
             "它就下降了一个层次"),
        ),
    ),
    Exercise(
        id="01.6",
        title="the intrinsic values' share of the trade-fair visitors' summed mean ratings, "
              "spirituality left out (Holbrook's typology)",
        expected=_intrinsic_share_without_spirituality,
        kind="number",
        tol=5e-4,
        hint="holbrook_scores(trade_fair_holbrook_example()).values has one row per value with its "
             "orientation and mean rating; drop the spirituality row, then divide the summed means "
             "of the remaining intrinsic values (play, aesthetics, ethics) by the summed means of "
             "all seven remaining values",
        title_zh="霍尔布鲁克类型学：去掉心灵价值后，内在价值在展会观众七种价值平均评分总和中所占的份额",
        hint_zh="holbrook_scores(trade_fair_holbrook_example()).values 每种价值一行，含其取向（orientation）"
                "和平均评分（mean）；删去 spirituality 那一行，再用其余内在价值（play、aesthetics、ethics）"
                "的平均分之和，除以其余全部七种价值的平均分之和",
        mistakes=(
            (_intrinsic_share_all_eight, "that is the intrinsic share with spirituality included "
                                         "(the .dimensions table); leave spirituality out",
             "这是计入心灵价值时内在价值的份额（.dimensions 表中的数）；要把心灵价值去掉"),
            (lambda: _intrinsic_share_without_spirituality(drop_from_total=False),
             "you left spirituality out of the intrinsic values but kept it in the total: divide "
             "by the seven remaining values' summed means",
             "你把心灵价值从内在价值中去掉了，却仍把它留在总和里：分母应是其余七种价值的平均分之和"),
            (lambda: 1 - _intrinsic_share_without_spirituality(),
             "that is the extrinsic values' share; the question asks for the intrinsic ones",
             "这是外在价值的份额；题目问的是内在价值"),
        ),
    ),
]

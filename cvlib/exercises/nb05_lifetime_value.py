"""Exercises of notebook 05 (customer lifetime value).

Expected answers come from the formulas of the course material (expected
lifetime 1 / (1 - r), file 004) and the workbook's own worked examples
(finite-horizon CLV, IRR, the profit effect of retention), from the published
CDNOW summary (946 of 2,357 customers with a repeat purchase in the
calibration period), and from the models of Fader & Hardie (2007, sBG) and
Fader, Hardie & Lee (2005, BG/NBD and Pareto/NBD) fitted with cvlib to the published data
when first checked; 05.9 is a simulation from those estimates with the
model's own simulator (seeded; the tolerance covers another seed).  Apart from 05.4 (a hand reproduction of one number of
``summarize``), none of the answers is printed in the notebook above the
exercises: each needs a step the notebook shows only on other numbers.
"""

from __future__ import annotations

from . import Exercise

__all__ = ["EXERCISES"]


def _lifetime_gain() -> float:
    from ..lifetime import expected_lifetime

    return expected_lifetime(0.85) - expected_lifetime(0.80)


def _years_to_90_percent() -> int:
    from ..lifetime import finite_horizon_clv, simple_clv

    target = 0.9 * simple_clv(334, 0.85, 0.12, timing="end")
    years = 1
    while finite_horizon_clv(334, 0.85, 0.12, years) < target:
        years += 1
    return years


def _irr() -> float:
    from ..lifetime import irr

    return irr([-51, 30, 42, 44, 49, 55])


def _no_repeat_share() -> float:
    from ..datasets import fetch_cdnow_summary

    return float((fetch_cdnow_summary()["frequency"] == 0).mean())


def _sbg_short_calibration() -> float:
    from ..datasets import fetch_sbg_retention
    from ..lifetime import ShiftedBetaGeometric

    model = ShiftedBetaGeometric().fit(fetch_sbg_retention(), n_periods=4)
    return 1000 * float(model.survival(12))


def _cdnow_bgnbd():
    from ..datasets import fetch_cdnow_summary
    from ..lifetime import BetaGeo

    summary = fetch_cdnow_summary()
    return BetaGeo().fit(summary), summary


def _win_back_count() -> int:
    model, s = _cdnow_bgnbd()
    return int((model.p_alive(s["frequency"], s["recency"], s["T"]) < 0.5).sum())


def _retention_profit_change() -> float:
    from ..lifetime import retention_profit_effect

    return retention_profit_effect(100, 0.75, 0.12, acquisition_cost=150).profit_change


def _retention_clv_change() -> float:
    from ..lifetime import retention_profit_effect

    return retention_profit_effect(100, 0.75, 0.12, acquisition_cost=150).clv_change


def _no_repeat_holdout(model_name: str, only_no_repeat: bool = True) -> float:
    from ..datasets import fetch_cdnow_summary
    from ..lifetime import BetaGeo, ParetoNBD

    s = fetch_cdnow_summary()
    model = (ParetoNBD if model_name == "pareto" else BetaGeo)().fit(s)
    if only_no_repeat:
        s = s[s["frequency"] == 0]
    return float(model.expected_purchases(39, s["frequency"], s["recency"], s["T"]).sum())


def _no_repeat_holdout_pareto() -> float:
    return _no_repeat_holdout("pareto")


def _no_repeat_holdout_bgnbd() -> float:
    return _no_repeat_holdout("bgnbd")


def _all_holdout_pareto() -> float:
    return _no_repeat_holdout("pareto", only_no_repeat=False)


def _share_alive(a_factor: float) -> float:
    from ..lifetime import BetaGeo

    model, _ = _cdnow_bgnbd()
    params = model.params.to_dict()
    params["a"] *= a_factor
    sim = BetaGeo.from_params(**params).simulate(10_000, T=39.0, seed=1)
    return float(sim["alive"].mean())


def _share_alive_double_a() -> float:
    return _share_alive(2.0)


def _share_alive_same_a() -> float:
    return _share_alive(1.0)


EXERCISES = [
    Exercise(
        id="05.1",
        title="expected lifetime gained by raising retention from 80% to 85%",
        expected=_lifetime_gain,
        tol=0.01,
        hint="expected lifetime is 1 / (1 - r) years; the answer is the difference of two "
             "lifetimes (not the new lifetime), with rates as fractions (0.85, not 85)",
        title_zh="客户保持率从 80% 提高到 85% 后预期客户寿命的增加",
        hint_zh="预期客户寿命为 1 / (1 - r) 年；答案是两个寿命之差（而不是新的寿命），"
                "保持率用小数表示（写 0.85，不写 85）",
    ),
    Exercise(
        id="05.2",
        title="horizon at which the finite CLV first reaches 90% of the infinite one",
        expected=_years_to_90_percent,
        tol=0,
        hint="both CLVs with the same `end` timing (the default of simple_clv and finite_horizon_clv); try "
             "T = 1, 2, ... and keep the first T whose finite-horizon CLV is at least 90% of the "
             "infinite one; answer a whole number of years",
        title_zh="有限期客户终身价值首次达到无限期客户终身价值 90% 的期限",
        hint_zh="两个客户终身价值都用同一个 `end` 时点（simple_clv 和 finite_horizon_clv 的默认值）；依次试 "
                "T = 1, 2, ……，取第一个使有限期客户终身价值至少达到无限期 90% 的 T；"
                "答案为整年数",
    ),
    Exercise(
        id="05.3",
        title="IRR of the first acquisition example",
        expected=_irr,
        tol=0.0005,
        hint="the IRR is the rate at which the NPV of all the cash flows, outlay first, is zero "
             "(lt.irr); give it as a fraction (0.25 for 25%)",
        title_zh="第一个客户获取示例的内部收益率",
        hint_zh="内部收益率是使全部现金流（第一笔为支出）的净现值等于零的折现率（lt.irr）；"
                "用小数表示（25% 写作 0.25）",
    ),
    Exercise(
        id="05.4",
        title="share of CDNOW customers with no repeat purchase in the calibration period",
        expected=_no_repeat_share,
        tol=0.0005,
        hint="keep the transactions up to 1997-09-30 and count each customer's distinct purchase "
             "days: no repeat purchase means a single day (counting transactions instead gives "
             "about 0.593); answer a share between 0 and 1",
        title_zh="校准期内没有重复购买的 CDNOW 客户所占比例",
        hint_zh="保留 1997-09-30 及以前的交易，统计每位客户不同的购买日期数：没有重复购买"
                "就是只有一个购买日（若按交易笔数统计，会得到约 0.593）；答案是 0 到 1 之间的比例",
    ),
    Exercise(
        id="05.5",
        title="sBG fitted to years 0-4: expected survivors of 1,000 customers at year 12",
        expected=_sbg_short_calibration,
        tol=0.5,
        hint="n_periods counts the years of renewals the fit uses (section 5 used 7 for years 0-7; "
             "years 0-4 are fewer); then 1,000 times the model's survival at 12",
        title_zh="用第 0~4 年拟合的 sBG 模型：1,000 位客户在第 12 年的预期存活人数",
        hint_zh="n_periods 是拟合所用的续约年数（第 5 节对第 0~7 年用的是 7；第 0~4 年要少一些）；"
                "再用 1,000 乘以模型在第 12 年的生存概率",
    ),
    Exercise(
        id="05.6",
        title="CDNOW customers with BG/NBD P(alive) below 0.5",
        expected=_win_back_count,
        tol=0,
        hint="apply the BG/NBD model of section 7 (bg.p_alive) to every customer's frequency, "
             "recency and T in the calibration summary; answer a count of customers, not a share",
        title_zh="BG/NBD 存活概率低于 0.5 的 CDNOW 客户数",
        hint_zh="把第 7 节的 BG/NBD 模型（bg.p_alive）用于校准期汇总中每位客户的购买频率、"
                "最近购买时点和 T；答案是客户人数，而不是比例",
    ),
    Exercise(
        id="05.7",
        title="Pareto/NBD: expected holdout purchases of the customers without a repeat purchase",
        expected=_no_repeat_holdout_pareto,
        tol=1.0,
        hint="keep the customers of the calibration summary with frequency 0, apply the Pareto/NBD "
             "model of section 7 (pnbd.expected_purchases, t=39 weeks) to each one's own history "
             "and add up",
        title_zh="Pareto/NBD 模型：没有重复购买的客户在验证期的预期购买次数",
        hint_zh="保留校准期汇总中购买频率为 0 的客户，把第 7 节的 Pareto/NBD 模型"
                "（pnbd.expected_purchases，t=39 周）用于每位客户自己的购买历史，再求和",
        mistakes=((_no_repeat_holdout_bgnbd, "that is the BG/NBD (bg) forecast: the exercise asks "
                   "for the Pareto/NBD (pnbd)",
                   "这是 BG/NBD 模型（bg）的预测：本题要求的是 Pareto/NBD 模型（pnbd）"),
                  (_all_holdout_pareto, "that is the total of all 2,357 customers: keep only "
                   "those with frequency 0",
                   "这是全部 2,357 位客户的总数：只保留购买频率为 0 的客户")),
    ),
    Exercise(
        id="05.8",
        title="relative change of the profit per acquired customer when retention rises from 75% to 80%",
        expected=_retention_profit_change,
        tol=0.0005,
        hint="profit per acquired customer = CLV - acquisition cost, with the `end` timing "
             "m / (1 + d - r); compare the two profits (new / old - 1) and answer a fraction "
             "(0.25 for +25%)",
        title_zh="客户保持率从 75% 提高到 80% 时每位获取客户利润的相对变化",
        hint_zh="每位获取客户的利润 = 客户终身价值 - 获取成本，按 `end` 时点 m / (1 + d - r) 计算；"
                "比较前后两个利润（新 / 旧 - 1），答案用小数表示（+25% 写作 0.25）",
        mistakes=((_retention_clv_change, "that is the change of the CLV itself: subtract the "
                   "acquisition cost of 150 from both CLVs first",
                   "这是客户终身价值本身的变化：先从两个客户终身价值中各减去 150 的获取成本"),),
    ),
    Exercise(
        id="05.9",
        title="simulated BG/NBD customers with a doubled a: share still alive after 39 weeks",
        expected=_share_alive_double_a,
        tol=0.02,
        hint="take bg.params, multiply a (not b) by 2, build the model with "
             "lt.BetaGeo.from_params(**params), simulate 10,000 customers for T=39.0 weeks and "
             "take the mean of the column 'alive' (a share between 0 and 1)",
        title_zh="a 加倍后的模拟 BG/NBD 客户：39 周后仍存活的比例",
        hint_zh="取 bg.params，把 a（不是 b）乘以 2，用 lt.BetaGeo.from_params(**params) 构建模型，"
                "模拟 10,000 位客户、T=39.0 周，再求 'alive' 列的均值（0 到 1 之间的比例）",
        mistakes=((_share_alive_same_a, "that is the share with the fitted a: double a first "
                   "(a larger a means a larger mean dropout probability a / (a + b))",
                   "这是用拟合得到的 a 算出的比例：先把 a 加倍"
                   "（a 越大，平均流失概率 a / (a + b) 越大）"),),
    ),
]

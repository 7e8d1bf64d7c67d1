"""Exercises of notebooks/04_customer_classification.

Each expected answer is computed with cvlib from the workbook's data sets
(``retail_transactions``, ``b2b_accounts``, ``b2b_pipeline``) when first
checked; the key-account lines (5 million / 1 million) are the course slides'.
None of the answers is printed in the notebook above the exercises: each needs
a step the notebook shows only on other data or other settings.  The
``mistakes`` are the numbers printed above (or near misses a student plausibly
computes), each with what went wrong.
"""

from __future__ import annotations

import numpy as np

from ..datasets import load
from . import Exercise

__all__ = ["EXERCISES"]


def _top10_share_2024() -> float:
    from ..segments import customer_values, pareto_share

    tx = load("retail_transactions")
    values = customer_values(tx[tx["date"] >= "2024-01-01"])
    return pareto_share(values, "revenue", top=0.1)


def _potential_frame():
    b2b = load("b2b_accounts")
    by_potential = np.where(b2b["potential_value"] >= 5_000_000, "A",
                            np.where(b2b["years_as_customer"] < 1, "C", None))
    return b2b.assign(by_potential=by_potential)


def _a_accounts_upgraded() -> int:
    from ..segments import abc_classes

    res = abc_classes(_potential_frame(), "revenue", customer="account_id",
                      thresholds=(5_000_000, 1_000_000), potential="by_potential")
    return int(res.table.loc["A", "customers"])


def _a_accounts_one_up() -> int:
    from ..segments import abc_classes

    b2b = load("b2b_accounts")
    b2b = b2b.assign(high_potential=b2b["potential_value"] >= 2 * b2b["revenue"])
    res = abc_classes(b2b, "revenue", customer="account_id", thresholds=(5_000_000, 1_000_000),
                      upgrade="high_potential")
    return int(res.table.loc["A", "customers"])


def _lost_with_thresholds() -> int:
    from ..segments import rfm_scores, rfm_segments, rfm_table

    rfm = rfm_table(load("retail_transactions"), at="2024-12-31")
    scores = rfm_scores(rfm, bins=5, thresholds={"recency": [30, 90, 180, 365]})
    return int((rfm_segments(scores)["segment"] == "Lost").sum())


def _vip_profit_share() -> float:
    from ..segments import customer_values, pyramid

    values = customer_values(load("retail_transactions"), margin="gross_margin",
                             cost="cost_to_serve")
    return float(pyramid(values, "profit").table.loc["VIP", "profit_share"])


def _active_to_lapsed() -> float:
    from ..segments import classify_over_time, migration_matrix

    stages = classify_over_time(load("retail_transactions"), ["2023-12-31", "2024-12-31"],
                                by="lifecycle")
    m = migration_matrix(stages["2023-12-31"], stages["2024-12-31"])
    return float(m.loc["active", "lapsed"] / m.loc["active"].sum())


def _best_source() -> str:
    from ..segments import funnel

    pipeline = load("b2b_pipeline")
    rates = {}
    for source, leads in pipeline.groupby("source", observed=True):
        f = funnel(leads, "pipeline_stage", preset="pipeline")
        rates[str(source)] = (f.loc["6 under contract", "reached"]
                              / f.loc["4 intends to choose us", "reached"])
    return max(rates, key=rates.get)


def _small_share_course() -> float:
    from ..segments import customer_values, pyramid

    res = pyramid(customer_values(load("retail_transactions")), "revenue", preset="course")
    return float(res.table.loc["small", "revenue_share"])


def _small_share_curry() -> float:
    from ..segments import customer_values, pyramid

    res = pyramid(customer_values(load("retail_transactions")), "revenue")
    return float(res.table.loc["small", "revenue_share"])


def _by_industry():
    b2b = load("b2b_accounts")
    out = b2b.groupby("industry", observed=True).agg(
        margin=("gross_margin", "sum"), revenue=("revenue", "sum"),
        accounts=("account_id", "size"))
    out["margin_rate"] = out["margin"] / out["revenue"]
    return out


def _level(industry, margin_cuts, customer_cuts) -> str:
    from ..segments import relationship_levels

    lv = relationship_levels(_by_industry(), "margin_rate", "accounts", margin_cuts=margin_cuts,
                             customer_cuts=customer_cuts)
    return str(lv.loc[industry, "level"])


def _platinum(cycle_cuts, spend_cuts=None) -> int:
    from ..segments import cycle_spend_tiers, purchase_cycle

    cycle = purchase_cycle(load("retail_transactions"), at="2024-12-31")
    res = cycle_spend_tiers(cycle, cycle_cuts=cycle_cuts, spend_cuts=spend_cuts)
    return int(res.table.loc["platinum", "customers"])


_CARD = {"revenue": 10, "gross_margin": 10, "cost_to_serve": 10, "potential_value": 40,
         "years_as_customer": 20, "campaign_response": 10}


def _card_top(weights) -> str:
    from ..segments import scorecard

    card = scorecard(load("b2b_accounts"), weights, lower_is_better=["cost_to_serve"],
                     customer="account_id")
    return str(card.scores["rank"].idxmin())


def _top_deciles(measure: str, through: int = 2, cumulative: bool = True) -> float:
    """The retailer's monetary decile table: the share of ``measure`` made by deciles 1 to
    ``through`` (``cumulative``) or by decile ``through`` alone."""
    from ..segments import customer_values, decile_table

    values = customer_values(load("retail_transactions"), margin="gross_margin",
                             cost="cost_to_serve")
    table = decile_table(values, "revenue", profit="profit")
    column = f"cum_{measure}_share" if cumulative else f"{measure}_share"
    return float(table.loc[through, column])


# ---------------------------------------------------------------- known wrong answers


def _top10_share_whole_log() -> float:
    from ..segments import customer_values, pareto_share

    return pareto_share(customer_values(load("retail_transactions")), "revenue", top=0.1)


def _top20_share_2024() -> float:
    from ..segments import customer_values, pareto_share

    tx = load("retail_transactions")
    return pareto_share(customer_values(tx[tx["date"] >= "2024-01-01"]), "revenue", top=0.2)


def _a_accounts_plain() -> int:
    from ..segments import abc_classes

    res = abc_classes(load("b2b_accounts"), "revenue", customer="account_id",
                      thresholds=(5_000_000, 1_000_000))
    return int(res.table.loc["A", "customers"])


def _lost_with_quantiles() -> int:
    from ..segments import rfm_scores, rfm_segments, rfm_table

    rfm = rfm_table(load("retail_transactions"), at="2024-12-31")
    return int((rfm_segments(rfm_scores(rfm, bins=5))["segment"] == "Lost").sum())


def _vip_tiers(rank_by: str):
    from ..segments import customer_values, pyramid

    values = customer_values(load("retail_transactions"), margin="gross_margin",
                             cost="cost_to_serve")
    other = "revenue" if rank_by == "profit" else "profit"
    return pyramid(values, rank_by, profit=other).table.loc["VIP"]


def _migration_2023_2024():
    from ..segments import classify_over_time, migration_matrix

    stages = classify_over_time(load("retail_transactions"), ["2023-12-31", "2024-12-31"],
                                by="lifecycle")
    return migration_matrix(stages["2023-12-31"], stages["2024-12-31"])


EXERCISES = [
    Exercise(
        id="04.1",
        title="share of 2024's revenue brought by the top 10% of 2024's customers",
        expected=_top10_share_2024,
        kind="number",
        tol=0.002,
        hint="keep only the purchases dated in 2024 before summing per customer, then read the "
             "Pareto curve at the top 10%; answer with a fraction",
        title_zh='2024 年客户中前 10% 带来的 2024 年收入份额',
        hint_zh=(
            '先只保留日期在 2024 年的购买记录，再按客户汇总，'
            '然后在帕累托曲线上读取前 10% 的值；用小数作答'
        ),
        mistakes=(
            (_top10_share_whole_log,
             "this is the top 10%'s share over the whole two-year log; keep only 2024's "
             "purchases before summing per customer",
             '这是整个两年流水中前 10% 客户的份额；'
             '先只保留 2024 年的购买记录，再按客户汇总'),
            (_top20_share_2024,
             "this is the share of the top 20% of 2024's customers; the question asks for the "
             "top 10% (top=0.1)",
             '这是 2024 年客户中前 20% 的份额；'
             '题目问的是前 10%（top=0.1）'),
        ),
    ),
    Exercise(
        id="04.2",
        title="A accounts with the slides' lines after reclassifying by potential",
        expected=_a_accounts_upgraded,
        kind="number",
        tol=0,
        hint="build a column holding 'A' for the accounts whose potential_value reaches the A "
             "line (5 million), 'C' for the other accounts under a year old (potential wins: "
             "a young account with 5 million of potential goes to A) and nothing for the "
             "others, and pass it as "
             "abc_classes(..., potential=...) as in the worked example of section 2",
        title_zh='按发展潜力重新分类后，按课件分界线划分的 A 类客户数',
        hint_zh=(
            "建一列：potential_value 达到 A 类分界线（500 万元）的客户填 'A'，"
            "其余成为客户不满一年的客户填 'C'（潜力优先：潜力达到 500 万元的新客户归入 A 类），"
            "其他客户留空；然后像第 2 节的例题那样传给 abc_classes(..., potential=...)"
        ),
        mistakes=(
            (_a_accounts_plain,
             "this is the number of A accounts before the reclassification: pass the column of "
             "classes by potential to abc_classes(..., potential=...)",
             '这是重新分类之前的 A 类客户数：'
             '把按潜力确定类别的那一列传给 abc_classes(..., potential=...)'),
            (_a_accounts_one_up,
             "this is the old one-class-up adjustment of accounts whose potential is twice their "
             "revenue; the question moves accounts by potential both ways (to A and to C)",
             '这是旧的做法：潜力达到收入两倍的客户升一级；'
             '题目要求按潜力双向调整（升到 A 类和降到 C 类）'),
        ),
    ),
    Exercise(
        id="04.3",
        title="customers in the segment 'Lost' with recency scored by fixed day thresholds",
        expected=_lost_with_thresholds,
        kind="number",
        tol=0,
        hint="rfm_scores accepts explicit cut-offs for recency alone (see help(rfm_scores)); "
             "frequency and monetary stay quantile scores and the segment rules the default ones",
        title_zh="最近一次消费按固定天数阈值打分时 'Lost' 细分群的客户数",
        hint_zh=(
            'rfm_scores 可以只为 recency 指定明确的分界点（见 help(rfm_scores)）；'
            '消费频率和消费金额仍用分位数得分，细分规则用默认规则'
        ),
        mistakes=(
            (_lost_with_quantiles,
             "568 is the number of Lost customers with quantile recency scores; score recency "
             "with thresholds={'recency': [30, 90, 180, 365]} instead",
             '568 是最近一次消费按分位数打分时 Lost 客户的人数；'
             "改用 thresholds={'recency': [30, 90, 180, 365]} 给最近一次消费打分"),
        ),
    ),
    Exercise(
        id="04.4",
        title="share of total profit brought by the VIP tier when customers are ranked by profit",
        expected=_vip_profit_share,
        kind="number",
        tol=0.002,
        hint="rank the customers by profit in pyramid(...) and read the VIP tier's share of "
             "profit; answer with a fraction",
        title_zh='按利润给客户排序时 VIP客户层带来的总利润份额',
        hint_zh=(
            '在 pyramid(...) 中按 profit 给客户排序，'
            '读出 VIP 层的利润占比；用小数作答'
        ),
        mistakes=(
            (lambda: float(_vip_tiers("revenue")["profit_share"]),
             "0.252 is the VIP share of profit when the pyramid ranks customers by revenue; rank "
             "them by profit instead",
             '0.252 是客户金字塔按收入排序时 VIP客户的利润份额；请改为按利润排序'),
            (lambda: float(_vip_tiers("profit")["revenue_share"]),
             "this is the VIP tier's share of revenue; the question asks for its share of profit",
             '这是 VIP 层的收入份额；题目问的是它的利润份额'),
        ),
    ),
    Exercise(
        id="04.5",
        title="share of the customers active on 2023-12-31 who were lapsed on 2024-12-31",
        expected=_active_to_lapsed,
        kind="number",
        tol=0.002,
        hint="re-classify the log at the two dates and build the migration matrix, as in section "
             "4.5; the share is taken among the customers active at the end of 2023",
        title_zh='2023-12-31 的活跃客户中在 2024-12-31 已流失的比例',
        hint_zh=(
            '像第 4.5 节那样在两个日期对流水重新分类并建立客户迁移矩阵；'
            '比例的分母是 2023 年底的活跃客户'
        ),
        mistakes=(
            (lambda: int(_migration_2023_2024().loc["active", "lapsed"]),
             "626 is the number of customers who moved from active to lapsed; divide it by the "
             "number active at the end of 2023 to get a share",
             '626 是从活跃变为流失的客户人数；除以 2023 年底的活跃客户数才是比例'),
            (lambda: float(_migration_2023_2024().loc["active", "lapsed"]
                           / _migration_2023_2024()["lapsed"].sum()),
             "you divided by the column total (everyone lapsed at the end of 2024); divide by "
             "the row total, the customers active at the end of 2023",
             '你除以的是列合计（2024 年底所有流失客户）；'
             '应除以行合计，即 2023 年底的活跃客户'),
            (lambda: float(_migration_2023_2024().loc["active", "lapsed"]
                           / _migration_2023_2024().to_numpy().sum()),
             "you divided by all customers in the matrix; divide by the customers active at the "
             "end of 2023 (the row total)",
             '你除以的是矩阵中的全部客户；应除以 2023 年底的活跃客户（行合计）'),
        ),
    ),
    Exercise(
        id="04.6",
        title="lead source whose leads at stage 4 most often end under contract (stage 6)",
        expected=_best_source,
        kind="choice",
        hint="one funnel per source (group the leads by source); compare the number that reached "
             "stage 6 with the number that reached stage 4 (the conversion column only compares "
             "neighbouring stages); answer with the source's name as spelled in the data",
        title_zh='第 4 阶段的线索走到第 6 阶段“合同中”比例最高的线索来源',
        hint_zh=(
            '每个来源做一个漏斗（按 source 对线索分组）；'
            '比较到达第 6 阶段的人数与到达第 4 阶段的人数（转化率列只比较相邻的阶段）；'
            '用数据中的来源名称作答（trade fair、cold call、website 或 referral）'
        ),
        mistakes=(
            ("website",
             "website brings the most leads, but the question compares rates: contracts per "
             "lead at stage 4, source by source",
             'website 带来的线索最多，但题目比较的是比率：'
             '逐个来源计算第 4 阶段线索中签约的比例'),
        ),
    ),
    Exercise(
        id="04.7",
        title="share of revenue brought by the small customers of the slides' pyramid",
        expected=_small_share_course,
        kind="number",
        tol=0.002,
        hint="the slides' version of the pyramid is a preset of pyramid(); small customers are "
             "the bottom 50% there; answer with a fraction",
        title_zh='课件版客户金字塔中小客户带来的收入份额',
        hint_zh=(
            '课件版本的客户金字塔是 pyramid() 的一个预设；'
            '那里的小客户是后 50%；用小数作答'
        ),
        mistakes=(
            (_small_share_curry,
             "this is the small tier of the textbook split 1/4/15/80 (bottom 80%); use the "
             "slides' version, preset='course'",
             '这是教材 1/4/15/80 划分中的小客户层（后 80%）；'
             "请用课件的版本，preset='course'"),
        ),
    ),
    Exercise(
        id="04.8",
        title="Kotler's level for IT services with margin cut-offs 25%/26% and account "
              "cut-offs 50/120",
        expected=lambda: _level("IT services", (0.25, 0.26), (50, 120)),
        kind="choice",
        hint="relationship_levels on the table by industry of section 5.3 with "
             "margin_cuts=(0.25, 0.26) and customer_cuts=(50, 120); answer with the level's name",
        title_zh='毛利率分界点 25%/26%、客户数分界点 50/120 时 IT 服务业的 Kotler 关系水平',
        hint_zh=(
            '对第 5.3 节按行业汇总的表调用 relationship_levels，'
            '设 margin_cuts=(0.25, 0.26)、customer_cuts=(50, 120)；'
            '用关系水平的名称作答，中文或英文均可（basic 基本型、reactive 反应型、'
            'accountable 可靠型、proactive 主动型、partnership 合伙型）'
        ),
        mistakes=(
            (lambda: _level("IT services", (0.26, 0.28), (40, 100)),
             "this is IT services' level with the cut-offs of section 5.3; use 25%/26% and "
             "50/120",
             '这是按第 5.3 节分界点得到的 IT 服务业关系水平；'
             '请用 25%/26% 和 50/120'),
        ),
    ),
    Exercise(
        id="04.9",
        title="platinum customers with cycle cut-offs of 21 and 60 days and tercile spend cuts",
        expected=lambda: _platinum((21, 60)),
        kind="number",
        tol=0,
        hint="purchase_cycle at 2024-12-31, then cycle_spend_tiers with cycle_cuts=(21, 60) and "
             "no spend_cuts (the terciles of the customers' mean spend)",
        title_zh='周期分界点 21 天和 60 天、消费金额按三分位数划分时的铂金客户数',
        hint_zh=(
            '先在 2024-12-31 计算 purchase_cycle，再调用 cycle_spend_tiers，设 cycle_cuts=(21, 60)，'
            '不给 spend_cuts（即采用客户平均每次消费金额的三分位数）'
        ),
        mistakes=(
            (lambda: _platinum((21, 60), (50, 120)),
             "you kept the spend cut-offs 50/120 of section 4.4; leave spend_cuts out so the "
             "terciles are used",
             '你沿用了第 4.4 节的消费金额分界点 50/120；'
             '不给 spend_cuts，才会使用三分位数'),
            (lambda: _platinum((30, 90)),
             "these are the default cycle cut-offs 30/90; use 21 and 60 days",
             '这是默认的周期分界点 30/90；请用 21 天和 60 天'),
        ),
    ),
    Exercise(
        id="04.10",
        title="account ranked first by a scorecard weighing potential 40, years as a customer "
              "20 and the other four indicators 10 each",
        expected=lambda: _card_top(_CARD),
        kind="choice",
        hint="scorecard(b2b, weights, lower_is_better=['cost_to_serve'], customer='account_id'); "
             "the account with rank 1",
        title_zh='潜力权重 40、客户年数权重 20、其余四个指标各 10 的评分卡中排名第一的客户',
        hint_zh=(
            "scorecard(b2b, weights, lower_is_better=['cost_to_serve'], customer='account_id')；"
            '找 rank 为 1 的客户'
        ),
        mistakes=(
            ("K276", "K276 is first with the weights of section 5.2; use the new weights",
             "K276 是第 5.2 节那组权重下的第一名；请用新的权重"),
        ),
    ),
    Exercise(
        id="04.11",
        title="share of total profit made by the retailer's top two revenue deciles",
        expected=lambda: _top_deciles("profit", 2),
        kind="number",
        tol=0.002,
        hint="decile_table(values, 'revenue', profit='profit') also holds the columns profit and "
             "cum_profit_share: add deciles 1 and 2, or read decile 2's cumulative share",
        title_zh='零售商按收入排前两个十分位的客户所创造的总利润份额',
        hint_zh=(
            "decile_table(values, 'revenue', profit='profit') 还包含 profit 和 cum_profit_share 两列："
            '把第 1 和第 2 个十分位加起来，或者读第 2 个十分位的累计份额'
        ),
        mistakes=(
            (lambda: _top_deciles("profit", 1),
             "this is the top decile alone (printed in section 4.2); add the second decile",
             '这只是第一个十分位（第 4.2 节已打印）；还要加上第二个十分位'),
            (lambda: _top_deciles("profit", 2, cumulative=False),
             "this is the second decile alone; the question asks for deciles 1 and 2 together",
             '这只是第二个十分位；题目问的是第 1 和第 2 个十分位合计'),
            (lambda: _top_deciles("revenue", 2),
             "this is the top 20%'s share of revenue; the question asks for their share of profit",
             '这是前 20% 客户的收入份额；题目问的是他们的利润份额'),
        ),
    ),
    Exercise(
        id="04.12",
        title="calls a day for a rep with 1,250 customers, 21 working days and 80% monthly coverage",
        expected=48,
        kind="number",
        tol=0,
        hint="call_list(customers, working_days, coverage): every customer to be reached counts, "
             "and a fraction of a call rounds up",
        title_zh='1,250 位客户、21 个工作日、每月覆盖率 80% 时业务员每天要打的电话数',
        hint_zh=(
            'call_list(customers, working_days, coverage)：'
            '每位需要联系的客户都要算上，不足一个电话的部分向上取整'
        ),
        mistakes=(
            (60, "60 calls a day reach every customer (100%); the target here is 80%",
             "每天 60 个电话是联系到全部客户（100%）；这里的目标是 80%"),
            (47, "47 calls a day fall short: 47 x 21 = 987 < 1,000 customers; round up",
             "每天 47 个电话不够：47 x 21 = 987 < 1,000 位客户；要向上取整"),
        ),
    ),
]

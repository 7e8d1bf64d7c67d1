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

from ..datasets import load
from . import Exercise

__all__ = ["EXERCISES"]


def _top10_share_2024() -> float:
    from ..segments import customer_values, pareto_share

    tx = load("retail_transactions")
    values = customer_values(tx[tx["date"] >= "2024-01-01"])
    return pareto_share(values, "revenue", top=0.1)


def _a_accounts_upgraded() -> int:
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
        rates[str(source)] = f.loc["5 contract signed", "reached"] / f.loc["3 proposal made",
                                                                          "reached"]
    return max(rates, key=rates.get)


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
        mistakes=(
            (_top10_share_whole_log,
             "this is the top 10%'s share over the whole two-year log; keep only 2024's "
             "purchases before summing per customer"),
            (_top20_share_2024,
             "this is the share of the top 20% of 2024's customers; the question asks for the "
             "top 10% (top=0.1)"),
        ),
    ),
    Exercise(
        id="04.2",
        title="A accounts with the slides' lines after moving up high-potential accounts",
        expected=_a_accounts_upgraded,
        kind="number",
        tol=0,
        hint="the worked example of section 2 shows how abc_classes moves flagged accounts up "
             "one class: the flag is a boolean column you build from potential_value and revenue",
        mistakes=(
            (_a_accounts_plain,
             "17 is the number of A accounts before the adjustment: flag the high-potential "
             "accounts and pass the flag to abc_classes(..., upgrade=...)"),
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
        mistakes=(
            (_lost_with_quantiles,
             "568 is the number of Lost customers with quantile recency scores; score recency "
             "with thresholds={'recency': [30, 90, 180, 365]} instead"),
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
        mistakes=(
            (lambda: float(_vip_tiers("revenue")["profit_share"]),
             "0.252 is the VIP share of profit when the pyramid ranks customers by revenue; rank "
             "them by profit instead"),
            (lambda: float(_vip_tiers("profit")["revenue_share"]),
             "this is the VIP tier's share of revenue; the question asks for its share of profit"),
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
        mistakes=(
            (lambda: int(_migration_2023_2024().loc["active", "lapsed"]),
             "626 is the number of customers who moved from active to lapsed; divide it by the "
             "number active at the end of 2023 to get a share"),
            (lambda: float(_migration_2023_2024().loc["active", "lapsed"]
                           / _migration_2023_2024()["lapsed"].sum()),
             "you divided by the column total (everyone lapsed at the end of 2024); divide by "
             "the row total, the customers active at the end of 2023"),
            (lambda: float(_migration_2023_2024().loc["active", "lapsed"]
                           / _migration_2023_2024().to_numpy().sum()),
             "you divided by all customers in the matrix; divide by the customers active at the "
             "end of 2023 (the row total)"),
        ),
    ),
    Exercise(
        id="04.6",
        title="lead source whose proposals (stage 3) most often end in a signed contract (stage 5)",
        expected=_best_source,
        kind="choice",
        hint="one funnel per source (group the leads by source); compare the number that reached "
             "stage 5 with the number that reached stage 3 (the conversion column only compares "
             "neighbouring stages); answer with the source's name as spelled in the data",
        mistakes=(
            ("website",
             "website brings the most leads and the most proposals, but the question compares "
             "rates: signed contracts per proposal, source by source"),
        ),
    ),
]

"""Exercises of notebooks/04_customer_classification.

Each expected answer is computed with cvlib from the workbook's data sets
(``retail_transactions``, ``b2b_accounts``, ``b2b_pipeline``) when first
checked; the key-account lines (5 million / 1 million) are the course slides'.
None of the answers is printed in the notebook above the exercises: each needs
a step the notebook shows only on other data or other settings.
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


EXERCISES = [
    Exercise(
        id="04.1",
        title="share of 2024's revenue brought by the top 10% of 2024's customers",
        expected=_top10_share_2024,
        kind="number",
        tol=0.002,
        hint="filter the log to 2024 before summing per customer (the whole two-year log gives "
             "about 0.55); the top 10% is top=0.1, and the answer is a fraction, not a percentage",
    ),
    Exercise(
        id="04.2",
        title="A accounts with the slides' lines after moving up high-potential accounts",
        expected=_a_accounts_upgraded,
        kind="number",
        tol=0,
        hint="17 is the count before the adjustment. The worked example of section 2 shows how "
             "abc_classes moves flagged accounts up one class: the flag is a boolean column you "
             "build from potential_value and revenue",
    ),
    Exercise(
        id="04.3",
        title="customers in the segment 'Lost' with recency scored by fixed day thresholds",
        expected=_lost_with_thresholds,
        kind="number",
        tol=0,
        hint="568 is the count with quantile recency scores. rfm_scores accepts explicit cut-offs "
             "for recency alone (see help(rfm_scores)); frequency and monetary stay quantile "
             "scores, and the segment rules stay the default ones",
    ),
    Exercise(
        id="04.4",
        title="share of total profit brought by the VIP tier when customers are ranked by profit",
        expected=_vip_profit_share,
        kind="number",
        tol=0.002,
        hint="0.252 is the VIP share of profit when the pyramid ranks customers by revenue; rank "
             "them by profit instead and answer with a fraction",
    ),
    Exercise(
        id="04.5",
        title="share of the customers active on 2023-12-31 who were lapsed on 2024-12-31",
        expected=_active_to_lapsed,
        kind="number",
        tol=0.002,
        hint="re-classify the log at the two dates and build the migration matrix, as in section "
             "4.5; divide by the number of customers active at the end of 2023 (the row total), "
             "not by the column or the whole matrix",
    ),
    Exercise(
        id="04.6",
        title="lead source whose proposals (stage 3) most often end in a signed contract (stage 5)",
        expected=_best_source,
        kind="choice",
        hint="one funnel per source (group the leads by source); compare the number that reached "
             "stage 5 with the number that reached stage 3 (the conversion column only compares "
             "neighbouring stages); answer with the source's name as spelled in the data",
    ),
]

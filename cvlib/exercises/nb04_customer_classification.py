"""Exercises of notebooks/04_customer_classification: Pareto share, ABC thresholds,
RFM segments and pipeline conversion, computed from the workbook's data with cvlib."""

from __future__ import annotations

from ..datasets import load
from . import Exercise


def _top20_share() -> float:
    from ..segments import customer_values, pareto_share

    values = customer_values(load("retail_transactions"))
    return pareto_share(values, "revenue", top=0.2)


def _a_accounts() -> int:
    from ..segments import abc_classes

    res = abc_classes(load("b2b_accounts"), "revenue", customer="account_id",
                      thresholds=(5_000_000, 1_000_000))
    return int(res.table.loc["A", "customers"])


def _largest_segment() -> str:
    from ..segments import rfm_scores, rfm_segments, rfm_table

    rfm = rfm_table(load("retail_transactions"), at="2024-12-31")
    seg = rfm_segments(rfm_scores(rfm, bins=5))
    return str(seg["segment"].value_counts().idxmax())


def _proposal_to_contract() -> float:
    from ..segments import funnel

    f = funnel(load("b2b_pipeline"), "pipeline_stage", preset="pipeline")
    return float(f["reached"].iloc[5] / f["reached"].iloc[3])


EXERCISES = [
    Exercise(
        id="04.1",
        title="share of the retailer's revenue brought by the top 20% of customers",
        expected=_top20_share,
        kind="number",
        tol=0.002,
        hint="sum the log per customer with customer_values(), then pareto_share(values, "
             "'revenue', top=0.2); give a fraction such as 0.73",
    ),
    Exercise(
        id="04.2",
        title="number of A accounts with the slides' thresholds (5 million / 1 million)",
        expected=_a_accounts,
        kind="number",
        tol=0,
        hint="abc_classes(accounts, 'revenue', customer='account_id', thresholds=(5_000_000, "
             "1_000_000)) and read the 'customers' column of the table",
    ),
    Exercise(
        id="04.3",
        title="the RFM segment with the most customers on 2024-12-31 (default rules, 5 scores)",
        expected=_largest_segment,
        kind="choice",
        hint="rfm_table(tx, at='2024-12-31') -> rfm_scores(rfm, bins=5) -> rfm_segments(); "
             "then value_counts() of the segment column",
    ),
    Exercise(
        id="04.4",
        title="share of leads with a proposal (stage 3) that went on to sign a contract (stage 5)",
        expected=_proposal_to_contract,
        kind="number",
        tol=0.001,
        hint="funnel(pipeline, 'pipeline_stage', preset='pipeline'): divide the number that "
             "reached '5 contract signed' by the number that reached '3 proposal made' (not "
             "the stage-to-stage conversion, which is only 4 -> 5)",
    ),
]

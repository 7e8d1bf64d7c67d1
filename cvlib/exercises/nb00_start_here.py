"""Exercises of notebooks/00_start_here: practice the workbook's mechanics."""

from ..datasets import load
from . import Exercise


def _member_revenue_share() -> float:
    shop = load("small_shop")
    return float(shop.loc[shop["segment"] == "member", "amount"].sum() / shop["amount"].sum())


EXERCISES = [
    Exercise(
        id="00.1",
        title="the Chinese term for customer lifetime value",
        expected="客户终身价值",
        kind="choice",
        hint="use cvlib.glossary.lookup('customer lifetime value').chinese",
    ),
    Exercise(
        id="00.2",
        title="number of distinct customers in the small shop data",
        expected=120,
        kind="number",
        tol=0,
        hint="count distinct values of customer_id, not rows: one customer buys many times",
    ),
    Exercise(
        id="00.3",
        title="members' share of the small shop's revenue (a fraction between 0 and 1)",
        expected=_member_revenue_share,
        kind="number",
        tol=5e-4,
        hint="sum amount where segment == 'member', divide by the total amount",
    ),
]

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
        title_zh="customer lifetime value 的中文术语",
        hint_zh="用 cvlib.glossary.lookup('customer lifetime value').chinese 查术语表",
    ),
    Exercise(
        id="00.2",
        title="number of distinct customers in the small shop data",
        expected=120,
        kind="number",
        tol=0,
        hint="count distinct values of customer_id, not rows: one customer buys many times",
        title_zh="小商店数据中不重复的客户人数",
        hint_zh="数 customer_id 有多少个不同的取值，而不是数行数：一位客户会购买多次",
    ),
    Exercise(
        id="00.3",
        title="members' share of the small shop's revenue (a fraction between 0 and 1)",
        expected=_member_revenue_share,
        kind="number",
        tol=5e-4,
        hint="sum amount where segment == 'member', divide by the total amount",
        title_zh="会员在小商店收入中所占的份额，用 0 到 1 之间的小数表示",
        hint_zh="把 segment == 'member' 的那些行的 amount 加总，再除以 amount 的总和",
    ),
]

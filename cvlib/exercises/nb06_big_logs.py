"""Exercises of notebook 06 (working with big transaction logs).

Expected answers are computed on first use with the pandas path of cvlib on
the CDNOW sample (Fader, Hardie & Lee 2005), which the notebook shows equal
to the DuckDB path; none of them is printed in the notebook above the
exercises.
"""

from __future__ import annotations

from . import Exercise

__all__ = ["EXERCISES"]

CALIBRATION_END = "1997-09-30"


def _summary():
    from ..datasets import fetch_cdnow
    from ..lifetime import summarize

    return summarize(fetch_cdnow(), calibration_end=CALIBRATION_END)


def _patterns_with_repeat() -> int:
    from ..lifetime import collapse_patterns

    s = _summary()
    return len(collapse_patterns(s[s["frequency"] > 0]))


def _lapsed() -> int:
    from ..datasets import fetch_cdnow
    from ..segments import rfm_table

    return int((rfm_table(fetch_cdnow(), at="1998-06-30")["recency"] > 365).sum())


def _mean_recency(at: str) -> float:
    from ..datasets import fetch_cdnow
    from ..segments import rfm_table

    return float(rfm_table(fetch_cdnow(), at=at)["recency"].mean())


def _month_first_recency() -> float:
    return _mean_recency("1997-12-31")


def _recency_at_end_of_log() -> float:
    return _mean_recency("1998-06-30")


EXERCISES = [
    Exercise(
        "06.1", "distinct patterns of the repeat buyers",
        _patterns_with_repeat, kind="number", tol=0,
        hint="summarise the Parquet file with calibration_end='1997-09-30', keep the customers "
             "with frequency > 0 (rel.filter('frequency > 0') in DuckDB, or a pandas filter "
             "on the summary) and collapse to (frequency, recency, T) patterns; count the rows "
             "of the result, not the customers",
        title_zh="重复购买客户有多少种不同的模式",
        hint_zh="用 calibration_end='1997-09-30' 汇总 Parquet 文件，只保留 frequency > 0 的客户"
                "（在 DuckDB 中用 rel.filter('frequency > 0')，或者在 pandas 中筛选汇总表），"
                "再合并成 (frequency, recency, T) 模式；数结果有多少行，而不是有多少位客户",
        mistakes=((946, "946 is the number of repeat buyers: count their distinct "
                         "(frequency, recency, T) patterns instead",
                   "946 是重复购买客户的人数：要数的是他们有多少种不同的 "
                   "(frequency, recency, T) 模式"),),
    ),
    Exercise(
        "06.2", "customers without a purchase in the last year",
        _lapsed, kind="number", tol=0,
        hint="rfm_table on the Parquet file at '1998-06-30': recency is in days since the last "
             "purchase; count the customers with recency above 365",
        title_zh="最近一年没有购买的客户人数",
        hint_zh="对 Parquet 文件用 rfm_table，at='1998-06-30'：recency 是距最后一次购买的天数；"
                "数一数 recency 大于 365 的客户有多少位",
    ),
    Exercise(
        "06.3", "mean recency at the end of 1997 from a month-first log",
        _month_first_recency, kind="number", tol=0.005,
        hint="the dates are written month first ('12/31/1997'): pass date_format='%m/%d/%Y' to "
             "rfm_table with at='1997-12-31' and average the recency column (days); without "
             "date_format cvlib refuses the ambiguous dates",
        title_zh="月在前格式的日志：1997 年底客户距最近一次消费的平均天数",
        hint_zh="日期是月在前的写法（'12/31/1997'）：给 rfm_table 传入 date_format='%m/%d/%Y' 和 "
                "at='1997-12-31'，再求 recency 列（天数）的平均值；不给 date_format 时，"
                "cvlib 会拒绝读取有歧义的日期",
        mistakes=((_recency_at_end_of_log, "that is the mean recency at the end of the log "
                   "(1998-06-30): compute the RFM table at='1997-12-31'",
                   "这是日志末尾（1998-06-30）的平均 recency：RFM 表应在 at='1997-12-31' 计算"),),
    ),
]

"""Customer classification by the value customers bring (客户价值分类管理).

- :mod:`cvlib.segments.pareto`: customer totals, Lorenz and Pareto curves,
  Gini, ABC classes (cumulative shares or absolute thresholds, reclassified
  by potential), the whale curve and the 20/80/30 rule, the customer pyramid
  (1/4/15/80, the slides' version, or platinum/gold/iron/lead), monetary and
  purchase decile tables, spend bands, checks of the slides' arithmetic.
- :mod:`cvlib.segments.rfm`: RFM table from a transaction log (vectorised,
  ten million rows in one to two seconds), quantile or threshold scores with
  ties sharing a score, rule tables of named segments, R x F grid, summary.
- :mod:`cvlib.segments.matrix`: one two-axis mechanism for the course's
  2 x 2 matrices (value x potential, value x response, value x loyalty,
  direct x indirect functions, volume x profit, B2B, relationship space,
  social styles), purchase cycle x spend tiers, a weighted scorecard,
  Kotler's relationship levels.
- :mod:`cvlib.segments.lifecycle`: lifecycle stages, re-classification at
  several dates and migration matrices, development and sales-progress funnels.
- :mod:`cvlib.segments.sales`: the ABC table with sales effort, call-list
  arithmetic and the daily call list, activity-based cost to serve.
- :mod:`cvlib.segments.schemes`: lighthouse / follower / rational /
  profit-seeking customers, ABCD classes, purchase-frequency classes, the
  dynamic customer list.
- :mod:`cvlib.segments.relationship`: the B2B loyalty ladder, benefits and
  classification, the relationship-space decision table.

Every function is pure (DataFrame in, new DataFrame or
:class:`Classification` out) and takes column names as arguments.

>>> import pandas as pd
>>> from cvlib.segments import rfm_table, rfm_scores, rfm_segments
>>> transactions = pd.DataFrame({"customer_id": ["a", "a", "b", "c"],
...                              "date": ["2024-11-02", "2024-12-20", "2024-03-01", "2024-12-01"],
...                              "amount": [20.0, 35.0, 12.0, 60.0]})
>>> rfm = rfm_table(transactions, at="2024-12-31")
>>> rfm_segments(rfm_scores(rfm, bins=5))["segment"].tolist()
['Loyal', 'Lost', 'About to sleep']
"""

from ._base import Classification
from .lifecycle import (
    CUSTOMER_STATES,
    CUSTOMER_STATES_ZH,
    DEAL_LIKELIHOOD,
    DEAL_LIKELIHOOD_ZH,
    DEVELOPMENT_STAGES,
    DEVELOPMENT_STAGES_ZH,
    LIFECYCLE_STAGES,
    PIPELINE_STAGES,
    PIPELINE_STAGES_ZH,
    classify_over_time,
    funnel,
    lifecycle_stages,
    migration_matrix,
)
from .matrix import (
    CYCLE_SPEND_GRID,
    KOTLER_LEVELS,
    RELATIONSHIP_LEVELS,
    TWO_AXIS_PRESETS,
    Scorecard,
    cycle_spend_tiers,
    preset_table,
    purchase_cycle,
    relationship_level,
    relationship_levels,
    scorecard,
    two_axis,
)
from .pareto import (
    PYRAMID_PRESETS,
    TELECOM_BANDS,
    TELECOM_SLIDE_SHARES,
    abc_classes,
    customer_values,
    decile_table,
    gini,
    lorenz_curve,
    pareto_curve,
    pareto_share,
    pareto_share_bounds,
    printed_shares_check,
    purchase_decile_table,
    pyramid,
    spend_bands,
    whale_curve,
    whale_summary,
)
from .relationship import (
    B2B_BENEFITS,
    B2B_LOYALTY_LADDER,
    RELATIONSHIP_SPACE_EXAMPLE,
    b2b_benefit,
    b2b_classes,
    relationship_space_plan,
)
from .rfm import (
    default_rfm_rules,
    rfm_grid,
    rfm_scores,
    rfm_segment_summary,
    rfm_segments,
    rfm_table,
)
from .sales import (
    ABC_SLIDE_TABLE,
    activity_based_cost,
    call_list,
    daily_call_list,
    sales_effort,
)
from .schemes import (
    ABCD_CLASSES,
    VALUE_PROVISION_TYPES,
    abcd_classes,
    dynamic_customer_list,
    purchase_frequency_classes,
    value_provision_types,
)

__all__ = [
    "Classification",
    "customer_values",
    "lorenz_curve",
    "pareto_curve",
    "pareto_share",
    "gini",
    "abc_classes",
    "whale_curve",
    "whale_summary",
    "pyramid",
    "PYRAMID_PRESETS",
    "decile_table",
    "purchase_decile_table",
    "spend_bands",
    "TELECOM_BANDS",
    "TELECOM_SLIDE_SHARES",
    "pareto_share_bounds",
    "printed_shares_check",
    "rfm_table",
    "rfm_scores",
    "rfm_segments",
    "default_rfm_rules",
    "rfm_grid",
    "rfm_segment_summary",
    "TWO_AXIS_PRESETS",
    "preset_table",
    "two_axis",
    "purchase_cycle",
    "CYCLE_SPEND_GRID",
    "cycle_spend_tiers",
    "scorecard",
    "Scorecard",
    "KOTLER_LEVELS",
    "RELATIONSHIP_LEVELS",
    "relationship_level",
    "relationship_levels",
    "LIFECYCLE_STAGES",
    "lifecycle_stages",
    "classify_over_time",
    "migration_matrix",
    "DEVELOPMENT_STAGES",
    "DEVELOPMENT_STAGES_ZH",
    "PIPELINE_STAGES",
    "PIPELINE_STAGES_ZH",
    "CUSTOMER_STATES",
    "CUSTOMER_STATES_ZH",
    "DEAL_LIKELIHOOD",
    "DEAL_LIKELIHOOD_ZH",
    "funnel",
    "ABC_SLIDE_TABLE",
    "sales_effort",
    "call_list",
    "daily_call_list",
    "activity_based_cost",
    "VALUE_PROVISION_TYPES",
    "value_provision_types",
    "ABCD_CLASSES",
    "abcd_classes",
    "purchase_frequency_classes",
    "dynamic_customer_list",
    "B2B_LOYALTY_LADDER",
    "B2B_BENEFITS",
    "b2b_benefit",
    "b2b_classes",
    "RELATIONSHIP_SPACE_EXAMPLE",
    "relationship_space_plan",
]

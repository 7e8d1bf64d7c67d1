"""Customer classification by the value customers bring (客户价值分类管理).

- :mod:`cvlib.segments.pareto`: customer totals, Lorenz and Pareto curves,
  Gini, ABC classes (cumulative shares or absolute thresholds), the whale
  curve and the 20/80/30 rule, the customer pyramid (1/4/15/80, or
  platinum/gold/iron/lead), monetary and purchase decile tables, spend bands.
- :mod:`cvlib.segments.rfm`: RFM table from a transaction log (vectorised,
  ten million rows in one to two seconds), quantile or threshold scores with
  ties sharing a score, rule tables of named segments, R x F grid, summary.
- :mod:`cvlib.segments.matrix`: one two-axis mechanism for the course's
  2 x 2 matrices (value x potential, value x loyalty, value x cost to
  serve, social styles ...), purchase cycle x spend tiers, a weighted
  scorecard, Kotler's relationship levels.
- :mod:`cvlib.segments.lifecycle`: lifecycle stages, re-classification at
  several dates and migration matrices, development and pipeline funnels.

Every function is pure (DataFrame in, new DataFrame or
:class:`Classification` out) and takes column names as arguments.

>>> from cvlib.segments import rfm_table, rfm_scores, rfm_segments
>>> rfm = rfm_table(tx, customer="customer_id", date="date", amount="amount",
...                 at="2024-12-31")                      # doctest: +SKIP
>>> segments = rfm_segments(rfm_scores(rfm, bins=5))      # doctest: +SKIP
"""

from ._base import Classification
from .lifecycle import *  # noqa: F403
from .lifecycle import __all__ as _lifecycle_all
from .matrix import *  # noqa: F403
from .matrix import __all__ as _matrix_all
from .pareto import *  # noqa: F403
from .pareto import __all__ as _pareto_all
from .rfm import *  # noqa: F403
from .rfm import __all__ as _rfm_all

__all__ = ["Classification", *_pareto_all, *_rfm_all, *_matrix_all, *_lifecycle_all]

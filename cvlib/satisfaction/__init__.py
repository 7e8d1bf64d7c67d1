"""Satisfaction measurement: scales, the gap, the 0-100 index, drivers, IPA, Kano and NPS.

One file per sub-topic, following the course's path from a questionnaire to
a decision:

* :mod:`~cvlib.satisfaction.scales`: :class:`Scale` (Likert and
  semantic-differential items, their bounds, labels and reverse-coded items),
  :func:`check_ratings`, :func:`reverse_code`, :func:`item_summary`,
  :func:`likert_distribution` and :func:`acsi_rescale`;
* :mod:`~cvlib.satisfaction.gap`: satisfaction as perception minus
  expectation per attribute (:func:`satisfaction_gap`) and the three layers
  of satisfaction (:data:`SATISFACTION_LAYERS`);
* :mod:`~cvlib.satisfaction.index`: the 0-100 satisfaction index
  :func:`satisfaction_index` (equal, user-given or PLS weights summing to
  100, per segment, bootstrap confidence intervals) and
  :func:`pls_item_weights`;
* :mod:`~cvlib.satisfaction.drivers`: from satisfaction to loyalty,
  :func:`loyalty_regression`, :func:`key_drivers` (Shapley and Johnson's
  relative weights as shares 0-1), :func:`drivers_by_level`;
* :mod:`~cvlib.satisfaction.ipa`: importance-performance analysis
  :func:`ipa` (Martilla & James 1977);
* :mod:`~cvlib.satisfaction.kano`: :func:`kano_classify` and
  :func:`kano_table` (Berger et al. 1993);
* :mod:`~cvlib.satisfaction.nps`: the Net Promoter Score :func:`nps`
  (Reichheld 2003).

The reliability measures (Cronbach's alpha, rho_C, rho_A, AVE, HTMT) and the
PLS path models live in :mod:`cvlib.pls`.  Every function is pure: it reads a
DataFrame and returns a new DataFrame or a result object; nothing is
modified and nothing is plotted.

>>> import pandas as pd
>>> from cvlib import satisfaction as sat
>>> sat.nps(pd.Series([10, 9, 7, 3]))["nps"].tolist()
[25.0]
"""

from .drivers import (
    KeyDrivers,
    LoyaltyModel,
    drivers_by_level,
    key_drivers,
    loyalty_regression,
    relative_weights,
    shapley_r2,
)
from .gap import GAP_EXAMPLE, SATISFACTION_LAYERS, GapResult, satisfaction_gap
from .index import IndexResult, pls_item_weights, satisfaction_index
from .ipa import IPA_QUADRANTS, IPAResult, ipa
from .kano import KANO_ANSWERS, KANO_CATEGORIES, KANO_NAMES, KANO_TABLE, kano_classify, kano_table
from .nps import nps
from .scales import (
    ACSI_SCALE,
    Scale,
    acsi_rescale,
    check_ratings,
    item_summary,
    likert,
    likert_distribution,
    reverse_code,
    semantic_differential,
)

__all__ = [
    # scales
    "Scale",
    "ACSI_SCALE",
    "likert",
    "semantic_differential",
    "check_ratings",
    "reverse_code",
    "item_summary",
    "likert_distribution",
    "acsi_rescale",
    # satisfaction as a gap, and its layers
    "SATISFACTION_LAYERS",
    "GAP_EXAMPLE",
    "satisfaction_gap",
    "GapResult",
    # the index
    "satisfaction_index",
    "IndexResult",
    "pls_item_weights",
    # loyalty and drivers
    "loyalty_regression",
    "LoyaltyModel",
    "shapley_r2",
    "relative_weights",
    "key_drivers",
    "KeyDrivers",
    "drivers_by_level",
    # importance-performance analysis
    "IPA_QUADRANTS",
    "ipa",
    "IPAResult",
    # Kano
    "KANO_ANSWERS",
    "KANO_TABLE",
    "KANO_CATEGORIES",
    "KANO_NAMES",
    "kano_classify",
    "kano_table",
    # NPS
    "nps",
]

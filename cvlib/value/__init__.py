"""Perceived customer value: what a customer gets from an offer, net of what it costs.

Notebook ``01_perceived_value``.  One file per topic:

* :mod:`~cvlib.value.delivered`: customer delivered value (Kotler), Meehan's
  :math:`V_c = F_c - C_c`, offers compared, perceived-value pricing;
* :mod:`~cvlib.value.scores`: perceived value from survey data (weighted
  benefit and sacrifice scores, group means with intervals, value choice);
* :mod:`~cvlib.value.hierarchy`: value levels, Woodruff's means-end ladder,
  use vs possession value, what drives value and how it is managed;
* :mod:`~cvlib.value.consumption`: Sheth's five consumption values,
  Holbrook's eight consumer values and the PERVAL scale.

The worked-example builders (``caterpillar_example``, ``car_value_hierarchy``,
``car_ladder_example``) live in :mod:`cvlib.datasets`.  All functions are pure:
they never modify their input and never plot (see :mod:`cvlib.plots.value`
and :mod:`cvlib.widgets.value`).
"""

from .consumption import (
    HOLBROOK_VALUES,
    PERVAL_DIMENSIONS,
    PERVAL_REVERSED,
    HolbrookScores,
    PervalScores,
    consumption_values,
    holbrook_scores,
    holbrook_values,
    perval_scores,
)
from .delivered import (
    COURSE_COST_COMPONENTS,
    KOTLER_COST_COMPONENTS,
    KOTLER_VALUE_COMPONENTS,
    DeliveredValue,
    OfferComparison,
    ValuePrice,
    compare_offers,
    delivered_value,
    delivered_value_components,
    meehan_value,
    value_based_price,
)
from .hierarchy import (
    VALUE_LEVELS,
    Ladder,
    means_end_ladder,
    use_possession_value,
    value_drivers,
    value_hierarchy,
    value_management_process,
)
from .scores import ValueChoice, perceived_value_scores, value_by_group, value_choice

__all__ = [
    "KOTLER_VALUE_COMPONENTS",
    "KOTLER_COST_COMPONENTS",
    "COURSE_COST_COMPONENTS",
    "VALUE_LEVELS",
    "PERVAL_DIMENSIONS",
    "PERVAL_REVERSED",
    "HOLBROOK_VALUES",
    "DeliveredValue",
    "OfferComparison",
    "ValuePrice",
    "ValueChoice",
    "PervalScores",
    "HolbrookScores",
    "Ladder",
    "delivered_value",
    "delivered_value_components",
    "meehan_value",
    "compare_offers",
    "value_based_price",
    "perceived_value_scores",
    "value_by_group",
    "value_choice",
    "consumption_values",
    "holbrook_values",
    "holbrook_scores",
    "perval_scores",
    "value_hierarchy",
    "means_end_ladder",
    "use_possession_value",
    "value_drivers",
    "value_management_process",
]

_MOVED = {"caterpillar_example", "car_value_hierarchy", "car_ladder_example"}


def __getattr__(name: str):
    """The example builders moved to :mod:`cvlib.datasets`; the old path works for one release."""
    if name in _MOVED:
        import warnings

        from .. import datasets

        warnings.warn(f"cvlib.value.{name} moved to cvlib.datasets.{name}; the old path will be "
                      f"removed in the next release", FutureWarning, stacklevel=2)
        return getattr(datasets, name)
    raise AttributeError(f"module 'cvlib.value' has no attribute {name!r}")

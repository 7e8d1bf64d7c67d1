"""Customer lifetime value: retention arithmetic, CLV formulas, acquisition economics,
and the probability models of Fader & Hardie (sBG, BG/NBD, Pareto/NBD, Gamma-Gamma, BG/BB).

- :mod:`cvlib.lifetime.retention`: expected lifetime, survival, simple and
  finite-horizon CLV, NPV/IRR/payback, annual sales arithmetic, and what a CLV
  model says about the retention claims of the course material.
- :mod:`cvlib.lifetime.summary`: from a transaction log to per-customer
  frequency, recency (t_x) and T, and mean repeat spend.
- one file per model, each a fitter built on :class:`~cvlib.lifetime._base.FittedModel`:
  :mod:`~cvlib.lifetime.bgnbd` (BG/NBD), :mod:`~cvlib.lifetime.paretonbd`
  (Pareto/NBD), :mod:`~cvlib.lifetime.gammagamma` (Gamma-Gamma spend and CLV),
  :mod:`~cvlib.lifetime.sbg` (shifted-beta-geometric retention),
  :mod:`~cvlib.lifetime.bgbb` (BG/BB, discrete opportunities);
- :mod:`cvlib.lifetime.diagnostics`: the fit tables of Fader, Hardie & Lee (2005a), holdout
  errors and :func:`compare_models`;
- every purchase model has ``simulate`` (:mod:`cvlib.lifetime.simulate`) and
  ``predict_interval``; Pareto/NBD and BG/NBD take time-invariant ``covariates``.
"""

from ._base import FittedModel, ModelFitError, predict_interval
from .bgbb import BetaGeoBeta
from .bgnbd import BetaGeo
from .diagnostics import (
    ModelComparison,
    calibration_holdout_table,
    compare_models,
    discretize,
    frequency_histogram_table,
    frequency_recency_grid,
    holdout_errors,
    purchase_tracking,
)
from .gammagamma import GammaGamma
from .paretonbd import ParetoNBD
from .retention import (
    DEFAULT_TIMING,
    TIMINGS,
    AcquisitionEconomics,
    CustomerValue,
    RetentionEffect,
    RetentionScenario,
    acquisition_cost,
    acquisition_economics,
    annual_sales,
    clv_by_retention,
    clv_conventions,
    customer_share,
    customer_value_from_interval,
    expected_lifetime,
    finite_horizon_clv,
    irr,
    margin_multiple,
    margin_multiple_table,
    npv,
    payback_period,
    retention_profit_effect,
    retention_scenario,
    sales_projection,
    simple_clv,
    survival_curve,
)
from .sbg import ShiftedBetaGeometric
from .summary import TIME_UNITS, collapse_patterns, summarize

__all__ = [
    # models
    "ModelFitError",
    "FittedModel",
    "BetaGeo",
    "ParetoNBD",
    "GammaGamma",
    "ShiftedBetaGeometric",
    "BetaGeoBeta",
    # diagnostics
    "calibration_holdout_table",
    "frequency_histogram_table",
    "frequency_recency_grid",
    "purchase_tracking",
    "holdout_errors",
    "discretize",
    "ModelComparison",
    "compare_models",
    "predict_interval",
    # summaries of a transaction log
    "summarize",
    "collapse_patterns",
    "TIME_UNITS",
    # retention arithmetic and simple CLV
    "TIMINGS",
    "DEFAULT_TIMING",
    "expected_lifetime",
    "survival_curve",
    "customer_share",
    "annual_sales",
    "sales_projection",
    "margin_multiple",
    "margin_multiple_table",
    "simple_clv",
    "clv_conventions",
    "finite_horizon_clv",
    "clv_by_retention",
    "RetentionScenario",
    "retention_scenario",
    "RetentionEffect",
    "retention_profit_effect",
    "acquisition_cost",
    "CustomerValue",
    "customer_value_from_interval",
    "npv",
    "irr",
    "payback_period",
    "AcquisitionEconomics",
    "acquisition_economics",
]

"""PLS path modelling (PLS-PM) for customer satisfaction indices, and scale reliability.

Written in cvlib because the PyPI ``plspm`` package breaks on pandas 3 and
the working Python ports are alpha or GPL.

- :func:`estimate` fits a PLS path model (Wold's algorithm; modes A and B;
  path, centroid and factorial inner weighting) and returns a
  :class:`PLSResult` with path coefficients, R^2, outer weights and loadings,
  effects, latent scores, GoF, reliability/validity and a vectorised
  :meth:`PLSResult.bootstrap`.  Path coefficients are standardised in
  every case (as in plspm, SmartPLS and seminr); the ACSI-style
  unstandardised effects are :attr:`PLSResult.index_effects`.
- Presets: :data:`ECSI_PATHS`, :data:`ACSI_PATHS`, :data:`BANK_PATHS`;
  :data:`MOBI_BLOCKS`, :data:`MOBI_ACSI_BLOCKS`, :data:`BANK_BLOCKS`.
- After the model (issue 15): :func:`ipma` (importance-performance map,
  Ringle & Sarstedt 2016), :func:`plspredict` (PLSpredict, Shmueli et al.
  2016, 2019), :func:`mga` (permutation multi-group analysis with MICOM step 2,
  Henseler, Ringle & Sarstedt 2016) and :func:`plsc` (consistent PLS,
  Dijkstra & Henseler 2015); all re-estimate on stacks of covariance matrices
  with the batched engine, so thousands of fits take a fraction of a second.
- Reliability of a scale from its items: :func:`cronbach_alpha` (Feldt or
  bootstrap CI), :func:`item_analysis`, :func:`composite_reliability`,
  :func:`average_variance_extracted`, :func:`rho_a`, :func:`htmt`.

>>> from cvlib import datasets
>>> from cvlib.pls import estimate, ECSI_PATHS
>>> from cvlib.synthetic.satisfaction import ACSI_SURVEY_BLOCKS
>>> res = estimate(datasets.load("acsi_survey"), ECSI_PATHS, ACSI_SURVEY_BLOCKS, missing="drop")
>>> boot = res.bootstrap(n_boot=200, seed=1)
>>> round(float(res.params["Satisfaction -> Loyalty"]), 3)
0.39

The published ECSI model on the mobile-phone data is
``estimate(fetch_mobi(), ECSI_PATHS, MOBI_BLOCKS)`` (see notebook 03).
"""

from .core import PLSBootstrap, PLSConvergenceError, PLSResult, estimate
from .ipma import IPMAResult, ipma
from .mga import MGAResult, mga
from .plsc import PLScResult, plsc
from .predict import PREDICTIVE_POWER, PLSPredictResult, plspredict
from .presets import (
    ACSI_PATHS,
    BANK_BLOCKS,
    BANK_PATHS,
    ECSI_PATHS,
    MOBI_ACSI_BLOCKS,
    MOBI_BLOCKS,
    PRESETS,
)
from .reliability import (
    THRESHOLDS,
    CronbachAlpha,
    average_variance_extracted,
    composite_reliability,
    cronbach_alpha,
    htmt,
    item_analysis,
    rho_a,
)

__all__ = [
    "estimate",
    "PLSResult",
    "PLSBootstrap",
    "PLSConvergenceError",
    "ipma",
    "IPMAResult",
    "plspredict",
    "PLSPredictResult",
    "PREDICTIVE_POWER",
    "mga",
    "MGAResult",
    "plsc",
    "PLScResult",
    "ECSI_PATHS",
    "ACSI_PATHS",
    "BANK_PATHS",
    "MOBI_BLOCKS",
    "MOBI_ACSI_BLOCKS",
    "BANK_BLOCKS",
    "PRESETS",
    "THRESHOLDS",
    "CronbachAlpha",
    "cronbach_alpha",
    "item_analysis",
    "composite_reliability",
    "average_variance_extracted",
    "rho_a",
    "htmt",
]

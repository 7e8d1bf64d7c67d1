"""PLS path modelling (PLS-PM) for customer satisfaction indices, and scale reliability.

Written in cvlib because the PyPI ``plspm`` package breaks on pandas 3 and
the working Python ports are alpha or GPL.

- :func:`estimate` fits a PLS path model (Wold's algorithm; modes A and B;
  path, centroid and factorial inner weighting) and returns a
  :class:`PLSResult` with path coefficients, R^2, outer weights and loadings,
  effects, latent scores, GoF, reliability/validity and a vectorised
  :meth:`PLSResult.bootstrap`.
- Presets: :data:`ECSI_PATHS`, :data:`ACSI_PATHS`, :data:`BANK_PATHS`;
  :data:`MOBI_BLOCKS`, :data:`MOBI_ACSI_BLOCKS`, :data:`BANK_BLOCKS`.
- Reliability of a scale from its items: :func:`cronbach_alpha` (Feldt or
  bootstrap CI), :func:`item_analysis`, :func:`composite_reliability`,
  :func:`average_variance_extracted`, :func:`rho_a`, :func:`htmt`.

>>> from cvlib.datasets import fetch_mobi                              # doctest: +SKIP
>>> from cvlib.pls import estimate, ECSI_PATHS, MOBI_BLOCKS            # doctest: +SKIP
>>> res = estimate(fetch_mobi(), paths=ECSI_PATHS, blocks=MOBI_BLOCKS)  # doctest: +SKIP
>>> boot = res.bootstrap(n=1000, seed=1)                               # doctest: +SKIP
"""

from .core import PLSBootstrap, PLSConvergenceError, PLSResult, estimate
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

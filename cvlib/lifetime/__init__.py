"""Customer lifetime value: retention arithmetic, CLV formulas, acquisition economics,
and the probability models of Fader & Hardie (sBG, BG/NBD, Pareto/NBD, Gamma-Gamma).

- :mod:`cvlib.lifetime.retention`: expected lifetime, survival, simple and
  finite-horizon CLV, NPV/IRR/payback, annual sales arithmetic.
- :mod:`cvlib.lifetime.summary`: from a transaction log to per-customer
  frequency, recency, T and mean repeat spend.
- :mod:`cvlib.lifetime.models`: sBG, BG/NBD, Pareto/NBD and Gamma-Gamma
  estimators with standard errors and predictions.
"""

from .models import *  # noqa: F403
from .retention import *  # noqa: F403
from .summary import *  # noqa: F403

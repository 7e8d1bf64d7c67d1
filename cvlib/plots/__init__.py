"""Plot functions, one per figure: each takes a result or tidy DataFrame and an optional ``ax`` and returns the Axes. seaborn is imported inside the functions so ``import cvlib`` stays fast.

One submodule per topic (value, cva, satisfaction, pls,
segments, lifetime); everything they export is available here.
"""

from .cva import *  # noqa: F403
from .lifetime import *  # noqa: F403
from .pls import *  # noqa: F403
from .retention import *  # noqa: F403
from .satisfaction import *  # noqa: F403
from .segments import *  # noqa: F403
from .value import *  # noqa: F403

"""Plot functions, one per figure: each takes a result or tidy DataFrame and an optional ``ax`` and returns the Axes. seaborn is imported inside the functions so ``import cvlib`` stays fast.

One submodule per topic (value, cva, satisfaction, pls,
segments, lifetime); everything they export is available here.

Every text the plots draw follows :func:`cvlib.set_language` (``"en"``,
``"zh"`` or ``"en+zh"``).  Each plot function makes an installed Chinese font
available to matplotlib (:func:`use_cjk_font`); a notebook that has already
imported ``matplotlib.pyplot`` gets it when it imports ``cvlib.plots``, so its
own Chinese titles render too.  ``use_cjk_font()`` does it explicitly.
"""

import sys as _sys

from . import _fonts  # noqa: F401  (CVLIB_STRICT_GLYPHS=1: a missing glyph is an error)
from ._fonts import use_cjk_font
from .cva import *  # noqa: F403
from .lifetime import *  # noqa: F403
from .pls import *  # noqa: F403
from .retention import *  # noqa: F403
from .satisfaction import *  # noqa: F403
from .segments import *  # noqa: F403
from .value import *  # noqa: F403

if "matplotlib.pyplot" in _sys.modules:  # a session that draws: Chinese text renders from now on
    use_cjk_font()

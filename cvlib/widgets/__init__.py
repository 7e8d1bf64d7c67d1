"""Interactive explorers, one per demo: each is a function returning an ipywidgets widget whose controls are exposed (``.controls``) so a test can set ``.value`` and read what changed. Every number shown comes from the pure functions the tests call.

One submodule per topic (value, cva, satisfaction, pls,
segments, lifetime); everything they export is available here.
"""

from .cva import *  # noqa: F403
from .glossary import *  # noqa: F403
from .lifetime import *  # noqa: F403
from .pls import *  # noqa: F403
from .satisfaction import *  # noqa: F403
from .segments import *  # noqa: F403
from .value import *  # noqa: F403

"""Interactive explorers, one per demo: each is a function returning an ipywidgets widget whose controls are exposed (``.controls``) so a test can set ``.value`` and read what changed. Every number shown comes from the pure functions the tests call.

One submodule per topic (value, cva, satisfaction, pls,
segments, lifetime); everything they export is available here.

Language: an explorer speaks the language current when it is built
(``cvlib.set_language("zh")`` before building it gives Chinese labels,
option labels, titles, verdicts, table headers and error messages) and keeps
it (``.language``).  Control names, option values and ``.result`` stay the
same in every language, so code that drives an explorer does not change.
For new explorers: write every label with ``say(en, zh)``
(:mod:`cvlib.language`), give dropdowns ``(label, value)`` options with an
English value, show tables through :func:`cvlib.widgets._base.localise`, and
add a case to ``tests/test_widgets_zh.py`` (a public explorer without one
fails the tests).
"""

from .cva import *  # noqa: F403
from .glossary import *  # noqa: F403
from .lifetime import *  # noqa: F403
from .pls import *  # noqa: F403
from .satisfaction import *  # noqa: F403
from .segments import *  # noqa: F403
from .value import *  # noqa: F403

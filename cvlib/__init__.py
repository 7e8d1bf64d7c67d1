"""cvlib: the helper library of the customer value workbook (客户价值分类管理).

``cvlib.set_language("zh")`` switches plots, widgets, exercise feedback and
the glossary to Chinese (see :mod:`cvlib.language`).
"""

from .language import get_language, set_language

__all__ = ["get_language", "set_language"]
__version__ = "0.1.0"

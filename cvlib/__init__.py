"""cvlib: the helper library of the customer value workbook (客户价值分类管理)."""

__version__ = "0.1.0"

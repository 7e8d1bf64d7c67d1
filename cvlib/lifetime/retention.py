"""Part of cvlib.lifetime (see the package docstring)."""

__all__: list[str] = []

"""Figures for the cva topic."""

__all__: list[str] = []

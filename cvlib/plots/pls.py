"""Figures for the pls topic."""

__all__: list[str] = []

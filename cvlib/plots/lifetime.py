"""Figures for the lifetime topic."""

__all__: list[str] = []

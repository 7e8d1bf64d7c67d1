"""Figures for the value topic."""

__all__: list[str] = []

"""Widgets for the pls topic."""

__all__: list[str] = []

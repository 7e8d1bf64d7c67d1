"""Widgets for the segments topic."""

__all__: list[str] = []

"""Widgets for the satisfaction topic."""

__all__: list[str] = []

"""Figures for retention arithmetic and simple CLV (notebook 05)."""

__all__: list[str] = []

"""Helpers shared by the plot modules."""

from __future__ import annotations


def axes_or_new(ax=None, figsize: tuple[float, float] = (7, 4)):
    """Return ``ax``, or the Axes of a new figure ``figsize`` inches wide and high.

    Every plot function starts here, so this is also where a Chinese font is
    made available for the labels (:func:`cvlib.plots._fonts.use_cjk_font`).
    """
    from ._fonts import use_cjk_font

    use_cjk_font()
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=figsize)
    return ax

"""The one mechanism behind every explorer: named controls, a pure compute function, an output.

An :class:`Explorer` is an ``ipywidgets.VBox`` holding its controls and an
``Output``.  Whenever a control's value changes it calls
``compute(**values)`` (a pure cvlib function, or a thin wrapper around one),
keeps the return value in ``.result`` and calls ``show(result)`` inside the
output area.  An error raised by ``compute`` (say weights that no longer sum
to 100) is shown to the user as its message and kept in ``.error``; the last
good result is cleared so nothing stale is displayed.

Tests drive an explorer without a browser::

    w = value_explorer()
    w.controls["price"].value = 90_000
    assert w.result.delivered_value == ...
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["Explorer", "start_value"]


def _widgets():
    import ipywidgets

    return ipywidgets


def start_value(name: str, value, low: float, high: float, control: str, hint: str = ""):
    """Return the starting ``value`` of a control, or refuse one outside ``[low, high]``.

    ipywidgets clamps a slider's value to its range without a word, so
    ``retention_explorer(retention=85)`` would silently compute with 0.99.
    Every explorer passes its starting values through here instead: a value
    outside the control's range raises a ValueError naming the argument, the
    control the user sees and its range.

    >>> start_value("retention", 0.85, 0.05, 0.99, "retention rate")
    0.85
    >>> start_value("retention", 85, 0.05, 0.99, "retention rate", "give 0.85, not 85")
    Traceback (most recent call last):
    ...
    ValueError: retention=85 is outside the range of the 'retention rate' control, 0.05 to 0.99; give 0.85, not 85
    """
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a number for the {control!r} control, got {value!r}") from None
    if not low <= v <= high:
        raise ValueError(
            f"{name}={value!r} is outside the range of the {control!r} control, {low:g} to {high:g}"
            + (f"; {hint}" if hint else "")
        )
    return value


class Explorer(_widgets().VBox):
    """Controls + output whose numbers all come from ``compute``.

    Parameters
    ----------
    controls : dict
        name -> ipywidgets control; the name is the keyword passed to ``compute``.
    compute : callable
        ``compute(**{name: control.value})`` -> any result object.
    show : callable
        ``show(result)`` displays the result (print, ``display``, a plot) inside the output.
    title : str, optional
        A line of HTML shown above the controls.
    """

    def __init__(self, controls: dict[str, Any], compute: Callable[..., Any],
                 show: Callable[[Any], None], title: str | None = None, layout_rows=None):
        w = _widgets()
        self.controls = dict(controls)
        self.output = w.Output()
        self._compute = compute
        self._show = show
        self.result = None
        self.error: str | None = None
        header = [w.HTML(f"<b>{title}</b>")] if title else []
        rows = layout_rows if layout_rows is not None else list(self.controls.values())
        super().__init__(header + list(rows) + [self.output])
        for control in self.controls.values():
            control.observe(self._update, names="value")
        self._update()

    def values(self) -> dict[str, Any]:
        """The current value of every control, by name."""
        return {name: c.value for name, c in self.controls.items()}

    def _update(self, change=None) -> None:
        try:
            self.result = self._compute(**self.values())
            self.error = None
        except (ValueError, TypeError, KeyError) as exc:
            self.result, self.error = None, str(exc)
        self.output.outputs = tuple(self._render())

    def _render(self) -> list[dict]:
        """What ``show`` prints and displays, as the Output widget's list of outputs.

        The outputs are captured and assigned to the widget rather than written
        inside ``with self.output:``: that context routes the running cell's
        messages to the widget, which makes notebook runners (nbclient, behind
        nbconvert and the tests) wait forever now and then.
        """
        from IPython.utils.capture import capture_output

        with capture_output() as captured:
            if self.error is not None:
                print(f"\u26a0 {self.error}")
            else:
                self._show(self.result)
        outputs = [{"output_type": "stream", "name": name, "text": text}
                   for name, text in (("stdout", captured.stdout), ("stderr", captured.stderr))
                   if text]
        outputs += [{"output_type": "display_data", "data": out.data, "metadata": out.metadata or {}}
                    for out in captured.outputs]
        return outputs

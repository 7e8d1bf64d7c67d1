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

import re
import sys
from collections.abc import Callable
from typing import Any

from ..language import WORDS_ZH, get_language, say, use

__all__ = ["Explorer", "labelled", "start_value", "control_wording", "capture_in_order",
           "localise", "COLUMNS_ZH", "error_in_language"]

#: Chinese headers of the columns the explorers display (glossary names where the
#: glossary has the term), used by :func:`localise`.  Column names stay English in
#: the data; only the table a reader sees changes.
COLUMNS_ZH = {
    # value (notebook 01)
    "offer": "方案", "total_value": "顾客整体价值", "total_cost": "顾客整体成本",
    "delivered_value": "顾客让渡价值", "value_ratio": "价值成本比", "chosen": "被选中",
    "brand": "品牌", "benefit": "感知利得", "cost": "感知利失", "value": "感知价值",
    "measure": "指标", "choice share": "选择份额",
    # customer value analysis (02)
    "attribute": "属性", "weight": "权重", "performance_ratio": "业绩比率",
    "weighted": "加权值", "relative_quality": "相对质量", "relative_price": "相对价格",
    "distance": "距平价价值线", "position": "位置",
    # satisfaction (03)
    "importance": "重要性", "performance": "绩效", "quadrant": "象限",
    "expectation": "期望", "perception": "感知", "gap": "差距", "outcome": "结果",
    "weighted_gap": "加权差距", "layer": "满意层次", "segment": "细分群体",
    "estimate": "估计值", "se": "标准误", "ci_low": "置信下限", "ci_high": "置信上限",
    "n": "样本量", "mean": "均值", "sd": "标准差", "p_value": "p 值",
    # classification (04)
    "tier": "层级", "customers": "客户数", "customer_share": "客户占比",
    "revenue": "收入", "revenue_share": "收入占比", "profit": "利润", "profit_share": "利润占比",
    "share": "占比", "rank": "排名", "index": "客户", "score": "得分", "group": "组别",
    "indicator": "指标", "cell": "单元格", "label": "名称",
    "monetary": "消费金额", "monetary_share": "消费金额占比", "recency": "最近一次消费",
    "frequency": "消费频率", "r_score": "R 得分", "f_score": "F 得分", "m_score": "M 得分",
    "direction": "方向", "mean_index": "平均得分", "decile": "十分位组", "customer_id": "客户编号",
    "account_id": "客户编号",
    # lifetime (05)
    "P(alive)": "存活概率 P(alive)",
}



# Messages of the shared argument checks (cvlib._validate, which speaks English) that the
# explorers' controls can trigger, in Chinese: (pattern, template).  "pass normalize=True" is
# kept so that control_wording turns it into the checkbox the reader sees.
_ERRORS_ZH = (
    (re.compile(r"(?P<name>\w[\w ]*?) must sum to (?P<total>\S+), got (?P<got>\S+) for (?P<labels>\[.*?\]); "
                r"pass normalize=True to rescale"),
     "{name}之和必须为 {total}，{labels} 现在合计 {got}；pass normalize=True，即可按比例调整"),
    (re.compile(r"(?P<name>\w[\w ]*?) must sum to (?P<total>\S+), got (?P<got>\S+) for (?P<labels>\[.*?\]);\s*"
                r"(?P<rest>.*)"),
     "{name}之和必须为 {total}，{labels} 现在合计 {got}；{rest}"),
    (re.compile(r"(?P<name>\w[\w ]*?) sum to (?P<got>\S+); at least one weight must be positive"),
     "{name}之和为 {got}；至少要有一个权重大于 0"),
    (re.compile(r"(?P<name>\w[\w ]*?) must be non-negative, got (?P<got>\[.*?\]) for (?P<labels>\[.*?\])"),
     "{name}不能为负数：{labels} 现在是 {got}"),
)
_NAMES_ZH = {"weights": "权重", "costs weights": "成本权重", "benefits weights": "利得权重",
             "cost weights": "成本权重", "benefit weights": "利得权重"}


def error_in_language(message: str) -> str:
    """An English argument-check message of :mod:`cvlib._validate` in the current language.

    Explorers show these messages when a control makes the inputs invalid
    (weights that no longer sum to 100, all weights at zero).  In English the
    message is returned unchanged; in Chinese the known messages are
    translated and any other text is left as it is.

    >>> from cvlib import language
    >>> with language.use("zh"):
    ...     error_in_language("weights sum to 0.0; at least one weight must be positive")
    '权重之和为 0.0；至少要有一个权重大于 0'
    """
    if get_language() == "en":
        return message
    for pattern, template in _ERRORS_ZH:
        m = pattern.fullmatch(message.strip())
        if m:
            parts = m.groupdict()
            parts["name"] = _NAMES_ZH.get(parts["name"], parts["name"])
            return say(message, template.format(**parts))
    return message


def _new_axes(figsize):
    """A new figure's Axes, made after the Chinese font is registered.

    An Axes' title and axis labels are Text objects created with the Axes,
    in the font family current at that moment: a figure made before the CJK
    font is registered draws Chinese titles as empty boxes, so explorers
    make their figures here (:func:`cvlib.plots._common.axes_or_new`).
    """
    from ..plots._common import axes_or_new

    return axes_or_new(figsize=figsize)


def localise(table, columns: dict | None = None, values: dict | None = None):
    """The ``table`` a reader sees: its headers (and a few verdict words) in the current language.

    In English the table is returned unchanged.  In Chinese a copy is returned
    whose column names, index name and column-axis name are replaced by
    :data:`COLUMNS_ZH` (updated with ``columns``); in text columns, the
    verdict words of ``values`` (default: value-map positions and gap
    outcomes) are translated too.  In "en+zh" headers read ``english / 中文``.
    Column names of the data itself never change: only the displayed copy.

    >>> import pandas as pd
    >>> from cvlib import language
    >>> t = pd.DataFrame({"brand": ["A"], "position": ["fair value"]})
    >>> with language.use("zh"):
    ...     localise(t).columns.tolist(), localise(t).iloc[0, 1]
    (['品牌', '位置'], '平价')
    >>> localise(t) is t
    True
    """
    import pandas as pd

    if get_language() == "en":
        return table
    names = {**COLUMNS_ZH, **dict(columns or {})}
    words = WORDS_ZH if values is None else dict(values)

    def word(label):
        if not isinstance(label, str):
            return label
        if label in names:
            return say(label, names[label])
        m = re.fullmatch(r"(cum_)?(.+)_share", label)
        if m and m.group(2) in names:
            zh = ("累计" if m.group(1) else "") + names[m.group(2)].split("（")[0] + "占比"
            return say(label, zh)
        return label

    def cell(v):
        if isinstance(v, str | bool) and v in words:
            return say(str(v), words[v])
        return v

    def text_like(values) -> bool:
        return not (pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values))

    out = table.copy()
    if isinstance(out, pd.DataFrame):
        for col in out.columns:
            if text_like(out[col]):
                out[col] = out[col].astype(object).map(cell)
        out.columns = [word(c) for c in out.columns]
        out.columns.name = word(table.columns.name)
    else:
        out.name = word(out.name)
    if out.index.nlevels == 1:
        name = word(out.index.name)
        if text_like(out.index):
            out.index = pd.Index([cell(v) for v in out.index.astype(object)])
        out.index = out.index.rename(name)
    return out


def _widgets():
    import ipywidgets

    return ipywidgets


def labelled(description_width: str = "13em", width: str = "34em") -> dict:
    """Keyword arguments that keep a slider's track wide whatever its description.

    With ``description_width="initial"`` a long description fills ipywidgets'
    fixed 300 px box and leaves the track a few pixels wide, so the slider
    cannot be dragged (the browser test checks every track).  A fixed
    description width inside a wider row keeps room for the track:
    ``FloatSlider(..., **labelled())``.
    """
    return {"style": {"description_width": description_width},
            "layout": _widgets().Layout(width=width)}


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


def _describe(control, name: str) -> str:
    """The label a user sees next to ``control`` (its description), else the argument name."""
    text = str(getattr(control, "description", "") or "").strip().rstrip(":").strip()
    return re.sub(r"<[^>]+>", "", text) or name


def control_wording(message: str, controls: dict[str, Any]) -> str:
    """Reword an error ``message`` written for the Python call in terms of the controls shown.

    Library errors speak to someone calling the function (``pass
    normalize=True``); in an explorer the user sees a checkbox or a slider
    with a label instead.  For every argument name in ``controls`` (name ->
    ipywidgets control, or a plain label string):

    - ``pass name=True`` / ``name=True`` of a checkbox becomes
      ``tick the 'label' box`` (``False``: ``untick``);
    - ``pass name=value`` becomes ``set 'label' to value``;
    - any other ``name=value`` becomes ``'label' = value``.

    Other text is left alone.

    >>> control_wording("weights sum to 90; pass normalize=True to rescale",
    ...                 {"normalize": "normalize weights"})
    "weights sum to 90; tick the 'normalize weights' box to rescale"
    >>> control_wording("retention=1.5 is not a rate", {"retention": "retention rate"})
    "'retention rate' = 1.5 is not a rate"
    """
    for name, control in controls.items():
        label = control if isinstance(control, str) else _describe(control, name)
        is_box = isinstance(control, str) or type(control).__name__ in ("Checkbox", "ToggleButton")
        word = re.escape(name)
        if is_box:
            message = re.sub(rf"(?:\bpass )?(?<![\w.'\"]){word}=(True|False)\b",
                             lambda m, lab=label: say(
                                 f"{'tick' if m.group(1) == 'True' else 'untick'} the {lab!r} box",
                                 f"{'勾选' if m.group(1) == 'True' else '取消勾选'}“{lab}”"),
                             message)
        message = re.sub(rf"\bpass (?<![\w.'\"]){word}=([^\s,;)]+)",
                         lambda m, lab=label: say(f"set {lab!r} to {m.group(1)}",
                                                  f"把“{lab}”设为 {m.group(1)}"),
                         message)
        message = re.sub(rf"(?<![\w.'\"]){word}=([^\s,;)]+)",
                         lambda m, lab=label: say(f"{lab!r} = {m.group(1)}", f"“{lab}” = {m.group(1)}"),
                         message)
    return message


class _Stream:
    """A text stream that appends what is written to an ordered list of outputs."""

    def __init__(self, outputs: list, name: str):
        self._outputs, self.name = outputs, name
        self.encoding = "utf-8"

    def write(self, text: str) -> int:
        if text:
            last = self._outputs[-1] if self._outputs else None
            if last is not None and last["output_type"] == "stream" and last["name"] == self.name:
                last["text"] += text
            else:
                self._outputs.append({"output_type": "stream", "name": self.name, "text": text})
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


class capture_in_order:
    r"""Collect what a block prints and displays, in the order it happens.

    ``outputs`` is a list of Jupyter output dicts (``stream`` and
    ``display_data``) ready for an ``ipywidgets.Output``'s ``outputs``.
    IPython's ``capture_output`` keeps text and displayed objects apart (all
    the text first), which would put a verdict printed after its table above
    the table.

    >>> with capture_in_order() as cap:
    ...     print("table")
    ...     print("verdict")
    >>> [o["text"] for o in cap.outputs]
    ['table\nverdict\n']
    """

    def __enter__(self):
        self.outputs: list[dict] = []
        self._saved = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = _Stream(self.outputs, "stdout"), _Stream(self.outputs, "stderr")
        self._shell = None
        try:
            from IPython.core.interactiveshell import InteractiveShell

            if InteractiveShell.initialized():
                self._shell = InteractiveShell.instance()
        except ImportError:  # pragma: no cover - IPython comes with ipywidgets
            pass
        if self._shell is not None:
            self._saved_pub = self._shell.display_pub
            self._shell.display_pub = _OrderedPublisher(self.outputs, self._shell)
        return self

    def __exit__(self, *exc) -> None:
        sys.stdout, sys.stderr = self._saved
        if self._shell is not None:
            self._shell.display_pub = self._saved_pub


def _OrderedPublisher(outputs: list, shell):
    from IPython.core.displaypub import DisplayPublisher

    class OrderedPublisher(DisplayPublisher):
        def publish(self, data, metadata=None, source=None, *, transient=None, update=False, **kwargs):
            outputs.append({"output_type": "display_data", "data": dict(data),
                            "metadata": dict(metadata or {})})

        def clear_output(self, wait=False):
            outputs.clear()

    return OrderedPublisher(shell=shell)


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
    layout_rows : list, optional
        The widgets to show between the title and the output (default: the controls).
    wording : dict, optional
        Argument names of the underlying function that error messages may use
        -> the control (or its label) the user sees, for names that are not
        already keys of ``controls`` (see :func:`control_wording`).

    Notes
    -----
    The explorer speaks the language that was current when it was built
    (:func:`cvlib.set_language`), kept in ``.language``: its labels are
    made then, and every later output (verdicts, tables, errors) is written
    in the same language even if the setting changes afterwards.
    """

    def __init__(self, controls: dict[str, Any], compute: Callable[..., Any],
                 show: Callable[[Any], None], title: str | None = None, layout_rows=None,
                 wording: dict[str, Any] | None = None):
        w = _widgets()
        self.controls = dict(controls)
        self._wording = {**self.controls, **dict(wording or {})}
        self.output = w.Output()
        self._compute = compute
        self._show = show
        self.result = None
        self.error: str | None = None
        #: The language the explorer was built in: its output keeps speaking it.
        self.language = get_language()
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
        with use(self.language):
            self._recompute()

    def _recompute(self) -> None:
        try:
            self.result = self._compute(**self.values())
            self.error = None
        except (ValueError, TypeError, KeyError) as exc:
            message = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
            self.result, self.error = None, control_wording(error_in_language(str(message)),
                                                            self._wording)
        self.output.outputs = tuple(self._render())

    def _render(self) -> list[dict]:
        """What ``show`` prints and displays, in order, as the Output widget's list of outputs.

        The outputs are captured and assigned to the widget rather than written
        inside ``with self.output:``: that context routes the running cell's
        messages to the widget, which makes notebook runners (nbclient, behind
        nbconvert and the tests) wait forever now and then.
        """
        with capture_in_order() as captured:
            if self.error is not None:
                print("\u26a0 " + ("" if get_language() == "en" else "输入有误：") + self.error)
            else:
                self._show(self.result)
        return captured.outputs

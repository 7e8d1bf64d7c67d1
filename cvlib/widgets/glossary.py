"""Glossary search box for the start-here notebook (术语表检索).

:func:`glossary_explorer` shows the terms whose names or definitions contain
what the reader types (:func:`cvlib.glossary.search`); when nothing
contains it, the close matches of :func:`cvlib.glossary.close_matches`
instead of an empty table.  In Chinese (``cvlib.set_language("zh")``) the
table shows the Chinese name, the English name and the Chinese definition.
"""

from __future__ import annotations

import pandas as pd

from ..language import get_language, say
from ._base import Explorer

__all__ = ["glossary_explorer", "glossary_matches"]


def glossary_matches(text: str, n: int = 5) -> pd.DataFrame:
    """The glossary rows the explorer shows for ``text``.

    The rows of :func:`cvlib.glossary.search`; when it finds nothing, the
    rows of the (at most ``n``) :func:`cvlib.glossary.close_matches`, with
    ``attrs["no_match"]`` set to ``text``.

    Examples
    --------
    >>> glossary_matches("保持率")["english"].tolist()   # its name first, then definitions
    ['retention rate', 'churn rate', 'expected lifetime']
    >>> rows = glossary_matches("顾客价值")
    >>> rows.attrs["no_match"], rows["chinese"].tolist()[:2]
    ('顾客价值', ['顾客让渡价值', '顾客整体价值'])
    """
    from ..glossary import _table, close_matches, search

    found = search(text)
    if len(found):
        return found
    close = _table(close_matches(text, n=n))
    close.attrs["no_match"] = str(text)
    return close


def _shown(rows: pd.DataFrame) -> pd.DataFrame:
    """The columns a reader sees, in the current language."""
    lang = get_language()
    if lang == "zh":
        return rows[["chinese", "english", "definition_zh"]].set_axis(
            ["中文名", "英文名", "释义"], axis=1)
    if lang == "en+zh":
        return rows[["english", "chinese", "definition", "definition_zh"]].set_axis(
            ["English", "中文", "definition", "释义"], axis=1)
    return rows[["english", "chinese", "definition", "notebook"]]


def glossary_explorer(text: str = "value") -> Explorer:
    """A text box: type English or Chinese and see the matching glossary terms.

    Control ``text`` (the search box); ``.result`` is the table of
    :func:`glossary_matches` (columns of :func:`cvlib.glossary.terms`).  When
    no term contains the text, the widget says so and lists the close
    matches (e.g. 顾客价值 -> 顾客让渡价值, 客户价值) with their rows.

    Examples
    --------
    >>> w = glossary_explorer("pyramid")
    >>> w.result["english"].tolist()
    ['customer pyramid', 'VIP customer']
    >>> w.controls["text"].value = "retension"
    >>> w.result.attrs["no_match"], w.result["english"].tolist()[0]
    ('retension', 'retention rate')
    """
    import ipywidgets as w
    from IPython.display import display

    box = w.Text(value=text, description=say("search", "检索"),
                 placeholder=say("e.g. 价值 or retention", "例如 价值 或 retention"))

    def show(rows):
        query = rows.attrs.get("no_match")
        if query is not None:
            if len(rows):
                names = say(", ", "、").join(say(f"{e} ({c})", f"{c}（{e}）")
                                             for e, c in zip(rows["english"], rows["chinese"],
                                                             strict=True))
                print(say(f"no term contains {query!r}; close matches: {names}",
                          f"没有术语包含“{query}”；相近的术语：{names}"))
            else:
                print(say(f"no term contains {query!r} and none is close; try a shorter word",
                          f"没有术语包含“{query}”，也没有相近的术语；请换一个更短的词"))
                return
        with pd.option_context("display.max_colwidth", None):  # definitions in full
            display(_shown(rows))

    return Explorer({"text": box}, compute=glossary_matches, show=show,
                    title=say("Glossary / 术语表: English or 中文",
                              "术语表（Glossary）：输入中文或英文"))

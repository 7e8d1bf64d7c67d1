"""Glossary search box for the start-here notebook."""

from __future__ import annotations

from ._base import Explorer

__all__ = ["glossary_explorer"]


def glossary_explorer(text: str = "value") -> Explorer:
    """A text box: type English or Chinese and see the matching glossary terms."""
    import ipywidgets as w
    from IPython.display import display

    from ..glossary import search

    box = w.Text(value=text, description="search", placeholder="e.g. 价值 or retention")
    return Explorer({"text": box}, compute=search, show=display,
                    title="Glossary / 术语表: English or 中文")

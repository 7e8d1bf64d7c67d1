"""The workbook's two editions, English (``notebooks/``) and Chinese (``notebooks/zh/``), kept in step.

Both editions run the same code.  Two notebooks of the same name are *in
step* when they have the same cells in the same order (same types, same
tags) and every pair of code cells is the same program:

- comments may differ (they are prose, and the Chinese edition translates
  them);
- a string literal may differ when the Chinese one contains Chinese and keeps
  the English one's ``{...}`` placeholders (a translated ``print`` label or
  plot title), so the code computes and formats the same values;
- the line that selects the edition's language (``cvlib.set_language(...)``)
  may differ;
- everything else, token for token, is identical.

The Chinese edition's prose is measured by :func:`chinese_share`: the share
of Chinese characters among the prose letters of its Markdown cells, code,
formulas, links and proper names (words with a capital letter, such as Gale,
BG/NBD or SmartPLS) aside.

``python -m cvlib.editions`` (``make editions``) prints, for every notebook,
whether the editions are in step and the Chinese share, and exits non-zero
when they are not.

>>> same_program('print(f"{x:.1f} years")  # the mean', 'print(f"{x:.1f} 年")  # 平均')
True
>>> same_program('print(f"{x:.1f} years")', 'print(f"{x:.2f} 年")')
False
>>> round(chinese_share("顾客让渡价值 (Kotler) 是 `delivered` 价值 $V - C$"), 2)
1.0
"""

from __future__ import annotations

import io
import re
import sys
import tokenize
from pathlib import Path

__all__ = ["EDITIONS", "LANGUAGE_LINE", "same_program", "code_difference", "chinese_share",
           "compare", "pairs", "report", "language_of", "sync_tags"]

#: Where each edition lives, relative to the project root.
EDITIONS = {"en": Path("notebooks"), "zh": Path("notebooks/zh")}
#: A line that selects the edition's language; the one code line allowed to differ.
LANGUAGE_LINE = re.compile(r"^\s*cvlib\.set_language\(.*\)\s*(#.*)?$")

from .language import _CHINESE as _CJK  # noqa: E402  (one definition of a Chinese character)

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_SKIP = {tokenize.COMMENT, tokenize.NL, tokenize.ENCODING}


def _tokens(source: str) -> list[tuple[int, str]]:
    """The program's tokens: comments, blank lines and the language line dropped, magics kept as text."""
    lines = []
    for line in source.splitlines():
        if LANGUAGE_LINE.match(line):
            continue
        stripped = line.lstrip()
        # IPython magics and shell escapes are not Python: compare them as whole lines
        lines.append(repr(stripped) if stripped.startswith(("%", "!")) else line)
    text = "\n".join(lines) + "\n"
    try:
        toks = tokenize.generate_tokens(io.StringIO(text).readline)
        return [(t.type, t.string) for t in toks if t.type not in _SKIP]
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return [(tokenize.ERRORTOKEN, text)]


def _same_string(en: str, zh: str) -> bool:
    """Equal literals, or a translated one: Chinese text, same prefix, same placeholders."""
    if en == zh:
        return True
    prefix = re.match(r"^[A-Za-z]*", en).group(0).lower()
    if prefix != re.match(r"^[A-Za-z]*", zh).group(0).lower() or not _CJK.search(zh):
        return False
    return _PLACEHOLDER.findall(en) == _PLACEHOLDER.findall(zh) if "f" in prefix else True


def code_difference(en: str, zh: str) -> str | None:
    """Where two code cells stop being the same program (None when they are the same)."""
    a, b = _tokens(en), _tokens(zh)
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x == y or (x[0] == y[0] == tokenize.STRING and _same_string(x[1], y[1])):
            continue
        return f"token {i}: {x[1]!r} in English, {y[1]!r} in Chinese"
    if len(a) != len(b):
        longer, extra = ("English", a[len(b)]) if len(a) > len(b) else ("Chinese", b[len(a)])
        return f"the {longer} cell goes on with {extra[1]!r}"
    return None


def same_program(en: str, zh: str) -> bool:
    """Whether two code cells are the same program (see the module's rules)."""
    return code_difference(en, zh) is None


def chinese_share(markdown: str) -> float:
    """Share of Chinese characters among the prose letters of ``markdown`` (1.0 when there is no prose).

    Code (fenced and inline), formulas (``$...$``), HTML tags, URLs and link
    targets are removed first; Latin words with a capital letter or a digit
    (names, acronyms, model names) count as proper names and are left out.
    The share is Chinese characters / (Chinese characters + letters of the
    remaining Latin words).
    """
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    text = re.sub(r"\$\$.*?\$\$", " ", text, flags=re.S)
    text = re.sub(r"\$[^$\n]+\$", " ", text)
    text = re.sub(r"`[^`\n]*`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"<[^>\n]+>", " ", text)
    cjk = len(_CJK.findall(text))
    words = re.findall(r"[A-Za-z0-9][A-Za-z0-9'’\-]*", text)
    latin = sum(len(w) for w in words if w.islower() and not any(ch.isdigit() for ch in w))
    return 1.0 if cjk + latin == 0 else cjk / (cjk + latin)


def language_of(nb) -> str:
    """The language a notebook selects in its language line (``"en"`` when it has none).

    >>> import nbformat
    >>> language_of(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('cvlib.set_language("zh")')]))
    'zh'
    """
    from .language import normalise

    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for line in cell.source.splitlines():
            found = LANGUAGE_LINE.match(line) and re.search(r"set_language\(\s*['\"]([^'\"]+)['\"]", line)
            if found:
                return normalise(found.group(1))
    return "en"


def _tags(cell) -> list[str]:
    return sorted(cell.get("metadata", {}).get("tags", []))


def compare(en_path: str | Path, zh_path: str | Path) -> list[str]:
    """The problems that keep two notebooks out of step (empty when they are in step)."""
    import nbformat

    en, zh = (nbformat.read(str(p), as_version=4) for p in (en_path, zh_path))
    problems = []
    if len(en.cells) != len(zh.cells):
        problems.append(f"{len(en.cells)} cells in English, {len(zh.cells)} in Chinese")
    for i, (a, b) in enumerate(zip(en.cells, zh.cells, strict=False)):
        where = f"cell {i}"
        if a.cell_type != b.cell_type:
            problems.append(f"{where}: {a.cell_type} in English, {b.cell_type} in Chinese")
            break
        if _tags(a) != _tags(b):
            problems.append(f"{where}: tags {_tags(a)} in English, {_tags(b)} in Chinese")
        if a.cell_type == "code":
            diff = code_difference(a.source, b.source)
            if diff:
                problems.append(f"{where} (code): {diff}")
    return problems


def pairs(root: str | Path = ".") -> list[tuple[Path, Path]]:
    """Every English notebook with its Chinese counterpart's path (which may not exist yet)."""
    root = Path(root)
    english = sorted((root / EDITIONS["en"]).glob("*.ipynb"))
    return [(p, root / EDITIONS["zh"] / p.name) for p in english]


def prose(path: str | Path) -> str:
    """All Markdown of a notebook, one cell after another."""
    import nbformat

    nb = nbformat.read(str(path), as_version=4)
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def report(root: str | Path = ".") -> tuple[bool, str]:
    """Whether every notebook's editions are in step, and a line per notebook saying so."""
    ok, lines = True, []
    for en, zh in pairs(root):
        if not zh.exists():
            ok = False
            lines.append(f"{en.name}: no Chinese edition at {zh}")
            continue
        problems = compare(en, zh)
        share = chinese_share(prose(zh))
        ok &= not problems
        state = "in step" if not problems else f"{len(problems)} problem(s)"
        lines.append(f"{en.name}: {state}; Chinese prose {share:.1%}")
        lines += [f"    {p}" for p in problems[:20]]
    return ok, "\n".join(lines)


def sync_tags(root: str | Path = ".") -> list[Path]:
    """Give every Chinese notebook its English counterpart's cell tags; return the notebooks changed.

    Tags (course tags such as ``demo`` and ``optional``, exercise tags) are
    applied to the English edition (``make course-tags``); this carries them
    over cell by cell.  Notebooks whose cells do not line up are left alone
    (:func:`report` names them).
    """
    import nbformat

    changed = []
    for en_path, zh_path in pairs(root):
        if not zh_path.exists():
            continue
        en, zh = (nbformat.read(str(p), as_version=4) for p in (en_path, zh_path))
        if [c.cell_type for c in en.cells] != [c.cell_type for c in zh.cells]:
            continue
        dirty = False
        for a, b in zip(en.cells, zh.cells, strict=True):
            if _tags(a) != _tags(b):
                tags = a.get("metadata", {}).get("tags", [])
                if tags:
                    b.metadata["tags"] = list(tags)
                else:
                    b.metadata.pop("tags", None)
                dirty = True
        if dirty:
            nbformat.write(zh, str(zh_path))
            changed.append(zh_path)
    return changed


if __name__ == "__main__":  # pragma: no cover - exercised by `make editions` and `make course-tags`
    args = sys.argv[1:]
    if "--sync-tags" in args:
        args.remove("--sync-tags")
        for path in sync_tags(args[0] if args else "."):
            print(f"tags of {path} set from the English edition")
    good, text = report(args[0] if args else ".")
    print(text)
    sys.exit(0 if good else 1)

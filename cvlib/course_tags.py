"""Read the course guide and mark its demo cells and optional sections in the notebooks (cell tags).

``docs/course_guide.md`` names, session by session, the notebook sections to walk
through, the explorer to project (``demo``) and the parts a short course skips
(``optional``), in lines of this form::

    - **Sections:** `03_satisfaction` › "4.1 Items: reverse coding and summaries", "4.2 Reliability of the blocks"
    - **Demo (tag `demo`):** `03_satisfaction` › "3. Try it" › `ipa_explorer`: what to show
    - **Optional (tag `optional`):** `03_satisfaction` › "5. Reproduce the published result: ..."
    - **Optional (tag `optional`):** `05_lifetime_value` › "7. BG/NBD, Gamma-Gamma and CLV" › cells mentioning `Pareto`
    - **Homework:** 03.3, 03.4

``make course-tags`` (``python -m cvlib.course_tags``) puts the tag ``demo`` on the
code cell of each section that calls the named explorer, and ``optional`` on every
cell of each optional section (or only on the cells that mention the given text);
tags the guide no longer names are removed.  ``--check`` only reports, and exits 1
when a notebook's tags differ from the guide's.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

__all__ = ["Session", "Mark", "parse_guide", "sections", "find_section", "plan", "apply", "main"]

GUIDE_TAGS = ("demo", "optional")
_SESSION = re.compile(r"^## Session (\d+):\s*(.+)$")
_LINE = re.compile(r"^- \*\*(Sections|Demo \(tag `demo`\)|Optional \(tag `optional`\)|Homework|Course material):\*\*\s*(.*)$")
_REF = re.compile(r"^`(\d\d_\w+)`\s*›\s*(.+)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*$", flags=re.M)


@dataclass
class Mark:
    """One demo or optional mark: a notebook section, and the explorer or text that picks cells."""

    tag: str
    notebook: str
    heading: str
    match: str | None = None  # demo: the explorer function; optional: text the cells mention


@dataclass
class Session:
    number: int
    title: str
    sections: list[tuple[str, str]] = field(default_factory=list)  # (notebook, heading)
    marks: list[Mark] = field(default_factory=list)
    homework: list[str] = field(default_factory=list)
    material: str = ""


def _quoted(text: str) -> list[str]:
    return re.findall(r'"([^"]+)"', text)


def parse_guide(path: str | Path) -> list[Session]:
    """The sessions of the course guide with their sections, marks and homework."""
    sessions: list[Session] = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        m = _SESSION.match(line)
        if m:
            sessions.append(Session(int(m.group(1)), m.group(2).strip()))
            continue
        m = _LINE.match(line)
        if not m:
            continue
        if not sessions:
            raise ValueError(f"{path}:{n}: a '{m.group(1)}' line before the first '## Session' heading")
        s, kind, rest = sessions[-1], m.group(1), m.group(2)
        if kind == "Homework":
            s.homework += re.findall(r"\b\d\d\.\d+\b", rest)
            continue
        if kind == "Course material":
            s.material = rest
            continue
        ref = _REF.match(rest)
        if ref is None:
            raise ValueError(f"{path}:{n}: expected `notebook` › \"heading\" ..., got {rest!r}")
        notebook, tail = ref.group(1), ref.group(2)
        if kind == "Sections":
            s.sections += [(notebook, h) for h in _quoted(tail)]
            continue
        parts = [p.strip() for p in tail.split("›")]
        headings = _quoted(parts[0])
        if len(headings) != 1:
            raise ValueError(f"{path}:{n}: a {kind} line names one section in double quotes, got {parts[0]!r}")
        if kind.startswith("Demo"):
            found = re.match(r"`(\w+)`", parts[1]) if len(parts) > 1 else None
            if found is None:
                raise ValueError(f"{path}:{n}: a demo names its explorer in backticks after the section")
            s.marks.append(Mark("demo", notebook, headings[0], found.group(1)))
        else:
            found = re.match(r"cells mentioning `([^`]+)`", parts[1]) if len(parts) > 1 else None
            s.marks.append(Mark("optional", notebook, headings[0], found.group(1) if found else None))
    return sessions


def sections(nb) -> list[tuple[int, int, str]]:
    """Every heading of a notebook as (cell index, level, text)."""
    out = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            for hashes, text in _HEADING.findall(cell.source):
                out.append((i, len(hashes), text.strip()))
    return out


def find_section(nb, heading: str) -> range:
    """The cells of the section under ``heading``: up to the next heading of the same or a higher level."""
    heads = sections(nb)
    for k, (i, level, text) in enumerate(heads):
        if text == heading:
            end = next((j for j, lev, _ in heads[k + 1:] if lev <= level and j > i), len(nb.cells))
            return range(i, end)
    raise KeyError(f"no section {heading!r}; headings: {[t for _, _, t in heads]}")


def _cells_for(nb, mark: Mark) -> list[int]:
    cells = find_section(nb, mark.heading)
    if mark.tag == "demo":
        call = re.compile(rf"\b{re.escape(mark.match)}\(")
        picked = [i for i in cells if nb.cells[i].cell_type == "code" and call.search(nb.cells[i].source)]
        if not picked:
            raise KeyError(f"no code cell in section {mark.heading!r} calls {mark.match}()")
        return picked
    if mark.match:
        picked = [i for i in cells if mark.match in nb.cells[i].source]
        if not picked:
            raise KeyError(f"no cell in section {mark.heading!r} mentions {mark.match!r}")
        return picked
    return list(cells)


def plan(guide: str | Path, notebooks: str | Path) -> dict[str, dict[int, set[str]]]:
    """notebook stem -> cell index -> the guide tags that cell should carry."""
    notebooks = Path(notebooks)
    out: dict[str, dict[int, set[str]]] = {p.stem: {} for p in sorted(notebooks.glob("*.ipynb"))}
    for session in parse_guide(guide):
        for mark in session.marks:
            path = notebooks / f"{mark.notebook}.ipynb"
            if not path.is_file():
                raise FileNotFoundError(f"session {session.number}: no notebook {path}")
            nb = nbformat.read(path, as_version=4)
            for i in _cells_for(nb, mark):
                out[mark.notebook].setdefault(i, set()).add(mark.tag)
    return out


def _current(nb) -> dict[int, set[str]]:
    return {i: set(c.metadata.get("tags", [])) & set(GUIDE_TAGS) for i, c in enumerate(nb.cells)
            if set(c.metadata.get("tags", [])) & set(GUIDE_TAGS)}


def apply(guide: str | Path, notebooks: str | Path, *, check: bool = False) -> dict[str, list[str]]:
    """Tag the notebooks as the guide says (or, with ``check``, only report); return the differences."""
    wanted = plan(guide, notebooks)
    differences: dict[str, list[str]] = {}
    for stem, cells in wanted.items():
        path = Path(notebooks) / f"{stem}.ipynb"
        nb = nbformat.read(path, as_version=4)
        have = _current(nb)
        diff = [f"cell {i + 1}: has {sorted(have.get(i, ()))}, the guide wants {sorted(cells.get(i, ()))}"
                for i in sorted(set(have) | set(cells)) if have.get(i, set()) != cells.get(i, set())]
        if not diff:
            continue
        differences[stem] = diff
        if check:
            continue
        for i, cell in enumerate(nb.cells):
            tags = [t for t in cell.metadata.get("tags", []) if t not in GUIDE_TAGS]
            tags += sorted(cells.get(i, ()))
            if tags:
                cell.metadata["tags"] = tags
            else:
                cell.metadata.pop("tags", None)
        nbformat.write(nb, path)
    return differences


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cvlib.course_tags", description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="?", default="notebooks")
    parser.add_argument("--guide", default="docs/course_guide.md")
    parser.add_argument("--check", action="store_true", help="report differences, change nothing")
    args = parser.parse_args(argv)
    differences = apply(args.guide, args.notebooks, check=args.check)
    for stem, diff in differences.items():
        print(f"{stem}: " + ("differs from the guide" if args.check else "tagged") + f" ({len(diff)} cell(s))")
        for line in diff[:20]:
            print(f"  {line}")
    if not differences:
        print("the notebooks' demo and optional tags match the course guide")
    return 1 if args.check and differences else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The course map (docs/course_map.md) stays true: every function, notebook heading, widget and
exercise it names exists, and every row points somewhere."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
MAP = ROOT / "docs" / "course_map.md"
COLUMNS = ["#", "topic", "file", "cvlib", "notebook", "widget", "exercise", "note"]
NONE = {"", "—", "-"}


def rows() -> list[dict[str, str]]:
    out = []
    for line in MAP.read_text(encoding="utf-8").splitlines():
        if not re.match(r"^\|\s*\d+\s*\|", line):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        assert len(cells) == len(COLUMNS), f"row has {len(cells)} cells, expected 8: {line[:80]}"
        out.append(dict(zip(COLUMNS, cells, strict=True)))
    return out


def names(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


def resolve(dotted: str):
    parts = dotted.split(".")
    for k in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:k]))
        except ImportError:
            continue
        for attr in parts[k:]:
            obj = getattr(obj, attr)
        return obj
    raise ImportError(dotted)


def headings(prefix: str) -> set[str]:
    paths = sorted((ROOT / "notebooks").glob(f"{prefix}_*.ipynb"))
    assert paths, f"no notebook {prefix}_*.ipynb"
    nb = nbformat.read(paths[0], as_version=4)
    return {line.lstrip("#").strip() for c in nb.cells if c.cell_type == "markdown"
            for line in c.source.splitlines() if line.startswith("#")}


ROWS = rows()


def test_the_map_has_a_row_per_topic_numbered_in_order():
    assert len(ROWS) >= 70
    assert [int(r["#"]) for r in ROWS] == list(range(1, len(ROWS) + 1))
    for r in ROWS:
        assert re.search(r"[\u4e00-\u9fff]", r["topic"]) and "/" in r["topic"], r["topic"]
        assert re.match(r"^00[0-4]:", r["file"]), f"row {r['#']}: file must start with 000-004"


def check_row(row: dict[str, str]) -> None:
    """Fail (AssertionError, ImportError, AttributeError) when a name in the row does not exist."""
    assert "missing" not in (row["cvlib"] + row["notebook"]).lower(), row["#"]
    assert row["notebook"] not in NONE, f"row {row['#']} points to no notebook section"
    for dotted in names(row["cvlib"]):
        assert dotted.startswith("cvlib."), dotted
        resolve(dotted)
    if row["cvlib"] not in NONE:
        assert names(row["cvlib"]), f"row {row['#']}: write functions as `cvlib.module.name`"
    for section in row["notebook"].split(";"):
        m = re.match(r"^\s*(\d\d) § (.+?)\s*$", section)
        assert m, f"row {row['#']}: notebook section must read 'NN § heading', got {section!r}"
        assert m.group(2) in headings(m.group(1)), (
            f"row {row['#']}: notebook {m.group(1)} has no heading {m.group(2)!r}")
    for widget in names(row["widget"]):
        assert widget.startswith("cvlib.widgets."), widget
        assert callable(resolve(widget))
    from cvlib.exercises import registry

    known = registry()
    for ex in names(row["exercise"]):
        assert ex in known, f"row {row['#']}: no exercise {ex}"


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["#"])
def test_every_name_in_the_map_exists(row):
    check_row(row)


@pytest.mark.parametrize("field, bad", [
    ("cvlib", "`cvlib.segments.no_such_function`"),
    ("notebook", "04 § 2.99 No such section"),
    ("notebook", "04 2.1 ABC classes and reclassification by potential"),
    ("widget", "`cvlib.widgets.no_such_explorer`"),
    ("exercise", "`04.99`"),
    ("notebook", "—"),
])
def test_a_wrong_name_fails(field, bad):
    row = {**ROWS[0], field: bad}
    with pytest.raises((AssertionError, ImportError, AttributeError)):
        check_row(row)


def test_the_readme_links_the_map():
    assert "docs/course_map.md" in (ROOT / "README.md").read_text(encoding="utf-8")

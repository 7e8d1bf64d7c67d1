"""docs/course_guide.md and the notebooks cannot drift apart: every section, explorer, exercise and
tag the guide names exists, and the notebooks carry the guide's demo and optional tags."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from cvlib import course_tags as ct
from cvlib.exercises import registry

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "course_guide.md"
NOTEBOOKS = ROOT / "notebooks"
SESSIONS = ct.parse_guide(GUIDE)


def _nb(stem: str):
    path = NOTEBOOKS / f"{stem}.ipynb"
    assert path.is_file(), f"the guide names a notebook that does not exist: {stem}"
    return nbformat.read(path, as_version=4)


def test_a_course_of_8_to_12_sessions_each_complete():
    assert 8 <= len(SESSIONS) <= 12
    assert [s.number for s in SESSIONS] == list(range(1, len(SESSIONS) + 1))
    for s in SESSIONS:
        assert s.sections, f"session {s.number} names no sections"
        assert any(m.tag == "demo" for m in s.marks), f"session {s.number} has no demo"
        assert s.homework, f"session {s.number} sets no homework"
        assert re.search(r"\b00[0-4]\b", s.material), f"session {s.number} names no course-material file"


@pytest.mark.parametrize("session", SESSIONS, ids=lambda s: f"session{s.number}")
def test_every_section_the_guide_names_exists(session):
    for stem, heading in session.sections + [(m.notebook, m.heading) for m in session.marks]:
        headings = [t for _, _, t in ct.sections(_nb(stem))]
        assert heading in headings, f"session {session.number}: {stem} has no section {heading!r}"


@pytest.mark.parametrize("session", SESSIONS, ids=lambda s: f"session{s.number}")
def test_every_demo_explorer_and_optional_part_is_there(session):
    for mark in session.marks:
        cells = ct._cells_for(_nb(mark.notebook), mark)
        assert cells, f"session {session.number}: nothing to tag for {mark}"
        if mark.tag == "demo":
            nb = _nb(mark.notebook)
            assert all("nbval-ignore-output" in nb.cells[i].metadata.get("tags", []) for i in cells), (
                f"{mark.match} is not in a widget cell")


def test_homework_covers_every_exercise_once():
    named = [x for s in SESSIONS for x in s.homework]
    assert len(named) == len(set(named)), "an exercise is set as homework twice"
    assert set(named) == set(registry()), (
        f"not set as homework: {sorted(set(registry()) - set(named))}; "
        f"unknown ids: {sorted(set(named) - set(registry()))}")
    for s in SESSIONS:
        stems = {stem for stem, _ in s.sections}
        for x in s.homework:
            assert any(stem.startswith(x[:2]) for stem in stems), (
                f"session {s.number} sets {x}, whose notebook it does not cover")


def test_optional_parts_include_pls_estimation_and_pareto_nbd():
    optional = [m for s in SESSIONS for m in s.marks if m.tag == "optional"]
    assert any(m.notebook.startswith("03") and "ECSI" in m.heading for m in optional)
    assert any(m.notebook.startswith("05") and m.match == "Pareto" for m in optional)


def test_guide_parser_refuses_malformed_lines(tmp_path):
    bad = tmp_path / "guide.md"
    bad.write_text("## Session 1: x\n- **Demo (tag `demo`):** 01_perceived_value > \"3. Try it\"\n")
    with pytest.raises(ValueError, match="expected `notebook`"):
        ct.parse_guide(bad)
    bad.write_text("- **Homework:** 01.1\n")
    with pytest.raises(ValueError, match="before the first"):
        ct.parse_guide(bad)


def test_tagging_script_is_idempotent_on_a_copy(tmp_path):
    import shutil

    copy = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, copy)
    ct.apply(GUIDE, copy)
    assert ct.apply(GUIDE, copy, check=True) == {}
    wanted = ct.plan(GUIDE, copy)
    for stem, cells in wanted.items():
        nb = nbformat.read(copy / f"{stem}.ipynb", as_version=4)
        for i, cell in enumerate(nb.cells):
            assert set(cell.metadata.get("tags", [])) & set(ct.GUIDE_TAGS) == cells.get(i, set())
    # other tags (solution, check, nbval-ignore-output) are kept
    before = nbformat.read(NOTEBOOKS / "05_lifetime_value.ipynb", as_version=4)
    after = nbformat.read(copy / "05_lifetime_value.ipynb", as_version=4)
    for a, b in zip(before.cells, after.cells, strict=True):
        assert set(a.metadata.get("tags", [])) - set(ct.GUIDE_TAGS) == set(b.metadata.get("tags", [])) - set(ct.GUIDE_TAGS)
        assert a.source == b.source


def test_notebooks_carry_the_guides_tags():
    """`make course-tags` has been run: the committed notebooks are tagged as the guide says."""
    differences = ct.apply(GUIDE, NOTEBOOKS, check=True)
    assert not differences, (
        "the notebooks' demo/optional tags differ from docs/course_guide.md; run `make course-tags` "
        "and commit the notebooks:\n" + "\n".join(f"{k}: {v[:3]}" for k, v in differences.items()))

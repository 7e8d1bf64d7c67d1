"""The Chinese edition (notebooks/zh/) is complete and in step with the English one (notebooks/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cvlib import editions
from cvlib.exercises import registry

ROOT = Path(__file__).resolve().parents[1]
PAIRS = editions.pairs(ROOT)
CJK = editions._CJK


def test_every_notebook_has_both_editions():
    assert len(PAIRS) >= 7
    missing = [zh.name for _, zh in PAIRS if not zh.exists()]
    assert not missing, f"no Chinese edition of {missing} in notebooks/zh/"
    extra = sorted({p.name for p in (ROOT / "notebooks/zh").glob("*.ipynb")} - {en.name for en, _ in PAIRS})
    assert not extra, f"Chinese notebooks without an English edition: {extra}"


@pytest.mark.parametrize("en, zh", PAIRS, ids=lambda p: p.stem if isinstance(p, Path) else str(p))
def test_editions_run_the_same_code(en, zh):
    problems = editions.compare(en, zh)
    assert not problems, f"{zh.name} is out of step with {en.name}:\n" + "\n".join(problems[:20])


@pytest.mark.parametrize("en, zh", PAIRS, ids=lambda p: p.stem if isinstance(p, Path) else str(p))
def test_chinese_edition_prose_is_chinese(en, zh):
    share = editions.chinese_share(editions.prose(zh))
    assert share >= 0.90, f"{zh.name}: only {share:.1%} of the prose is Chinese (90% expected)"


@pytest.mark.parametrize("path", [en for en, _ in PAIRS] + [zh for _, zh in PAIRS],
                         ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_each_edition_selects_its_language(path):
    import nbformat

    nb = nbformat.read(path, as_version=4)
    lines = [line for c in nb.cells if c.cell_type == "code" for line in c.source.splitlines()
             if editions.LANGUAGE_LINE.match(line)]
    want = "zh" if path.parent.name == "zh" else "en"
    assert len(lines) == 1 and f'"{want}"' in lines[0], (
        f"{path.name}: expected one line cvlib.set_language(\"{want}\") in the first code cell, found {lines}")


def test_language_line_rules():
    assert editions.same_program('cvlib.set_language("en")\nx = 1', 'cvlib.set_language("zh")\nx = 1')
    # a translated literal must be Chinese, and an untranslated change is a different program
    assert not editions.same_program('print("mean")', 'print("average")')
    assert not editions.same_program('df["frequency"]', 'df["freq"]')
    assert not editions.same_program("x = 1", "x = 2")
    assert editions.same_program("x = 1  # one", "x = 1  # 一")


@pytest.mark.parametrize("ex", list(registry().values()), ids=lambda e: e.id)
def test_every_exercise_speaks_chinese(ex):
    assert CJK.search(ex.title_zh), f"exercise {ex.id}: title_zh missing"
    if ex.hint:
        assert CJK.search(ex.hint_zh), f"exercise {ex.id}: hint_zh missing"
    for m in ex.mistakes:
        assert len(m) == 3 and CJK.search(m[2]), f"exercise {ex.id}: a mistake without its Chinese explanation"


@pytest.mark.parametrize("path", [zh for _, zh in PAIRS], ids=lambda p: p.stem)
def test_chinese_edition_outputs_have_no_missing_glyphs(path):
    """A stored warning such as "Glyph 23458 missing from font(s) DejaVu Sans" means empty boxes."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    bad = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"
           for o in c.outputs if "missing from font" in str(o.get("text", ""))]
    assert not bad, f"{path.name}: cells {bad} drew Chinese text without a Chinese font"


def test_sync_tags_carries_the_english_tags_over(tmp_path):
    import shutil

    import nbformat

    en, zh = PAIRS[1]
    (tmp_path / "notebooks" / "zh").mkdir(parents=True)
    shutil.copy(en, tmp_path / "notebooks" / en.name)
    shutil.copy(zh, tmp_path / "notebooks" / "zh" / zh.name)
    copy = tmp_path / "notebooks" / "zh" / zh.name
    nb = nbformat.read(copy, as_version=4)
    tagged = next(i for i, c in enumerate(nb.cells) if c.metadata.get("tags"))
    nb.cells[tagged].metadata.pop("tags")
    nbformat.write(nb, copy)
    assert editions.compare(tmp_path / "notebooks" / en.name, copy), "the removed tag is a difference"
    assert editions.sync_tags(tmp_path) == [copy]
    assert not editions.compare(tmp_path / "notebooks" / en.name, copy)

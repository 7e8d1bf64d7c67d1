"""The bilingual glossary covers the course's concepts and looks terms up both ways."""

import re

import pytest

from cvlib import glossary, language
from cvlib.glossary import TERMS, label, lookup, name, search, terms

# The course material's own pairs (客户价值分类管理 slides), which must be present verbatim.
COURSE_TERMS = {
    "customer delivered value": "顾客让渡价值",
    "total customer value": "顾客整体价值",
    "total customer cost": "顾客整体成本",
    "perceived value": "感知价值",
    "consumption value": "消费价值",
    "market-perceived quality": "市场感知质量",
    "customer value map": "客户价值图",
    "customer satisfaction index": "顾客满意度指数",
    "customer lifetime value": "客户终身价值",
    "retention rate": "客户保持率",
    "customer pyramid": "客户金字塔",
    "basic value": "基本价值",
    "expected value": "预期价值",
    "desired value": "期盼价值",
    "unexpected value": "意外价值",
}


def test_at_least_sixty_terms():
    assert len(TERMS) >= 60


@pytest.mark.parametrize(("english", "chinese"), sorted(COURSE_TERMS.items()))
def test_lookup_both_ways(english, chinese):
    assert lookup(english).chinese == chinese
    assert lookup(chinese).english == english
    assert lookup(english.upper()) is lookup(chinese)


def test_rfm_and_abc_present():
    assert lookup("RFM").notebook == "04_customer_classification"
    assert lookup("abc classification").chinese == "ABC分类法"


def test_names_are_unique_and_entries_complete():
    keys = [k.lower() for t in TERMS for k in (t.english, t.chinese, *t.aliases)]
    assert len(keys) == len(set(keys)), "a name or alias is used by two terms"
    notebooks = {"00_start_here", "01_perceived_value", "02_customer_value_analysis",
                 "03_satisfaction", "04_customer_classification", "05_lifetime_value"}
    for t in TERMS:
        assert t.english and t.chinese and t.definition.endswith(".")
        assert t.notebook in notebooks


def test_unknown_term_gives_close_matches():
    with pytest.raises(KeyError, match="close matches: .*delivered value"):
        lookup("delivred value")
    with language.use("zh"), pytest.raises(KeyError, match="术语表中没有“顾客价值”；相近的术语：.*客户价值"):
        lookup("顾客价值")
    with pytest.raises(KeyError, match="not in the glossary"):
        lookup("zzzzzz")


def test_label_and_search_and_table():
    assert label("clv") == "customer lifetime value / 客户终身价值"
    assert "customer pyramid" in search("金字塔")["english"].tolist()
    table = terms()
    # notebooks select terms(...)[["english", "chinese"]]: the first four columns stay
    assert list(table.columns) == ["english", "chinese", "definition", "notebook", "definition_zh"]
    assert len(terms("05")) == sum(t.notebook == "05_lifetime_value" for t in TERMS)
    with pytest.raises(ValueError, match="no notebook '09'"):
        terms("09")


def test_glossary_widget_searches():
    from cvlib.widgets import glossary_explorer

    w = glossary_explorer("pyramid")
    assert w.result["english"].tolist() == ["customer pyramid", "VIP customer"]
    w.controls["text"].value = "保持率"
    # the term named so comes first, then the terms whose definitions mention it
    assert w.result["english"].tolist() == ["retention rate", "churn rate", "expected lifetime"]
    assert glossary.lookup(w.result["chinese"].iloc[0]).english == "retention rate"


@pytest.mark.parametrize("synonym, english", [
    ("体力成本", "energy cost"),
    ("顾客总价值", "total customer value"),
    ("顾客份额", "share of wallet"),
    ("钱包份额", "share of wallet"),
    ("客户生命周期价值", "customer lifetime value"),
    ("顾客终身价值", "customer lifetime value"),
    ("一维质量", "one-dimensional quality"),
])
def test_chinese_textbook_synonyms_resolve(synonym, english):
    # the words of mainland CRM and marketing textbooks (issue 13) find the same entry
    assert lookup(synonym).english == english


@pytest.mark.parametrize("course_label, english", [
    ("市场感知质量水平", "quality profile"),
    ("市场感知价格水平", "price profile"),
    ("得失分析", "win/loss analysis"),
    ("客户分析对照图", "head-to-head area chart"),
    ("关键事件表", "key events"),
    ("平价价值线", "fair-value line"),
    ("感观负担", "sensory burden"),
    ("功能性价值", "functional value"),
])
def test_course_material_labels_are_the_glossary_labels(course_label, english):
    # file 001 and 004 name Gale's tools, Sheth's values and the fourth cost this way
    assert lookup(course_label).english == english
    assert lookup(english).chinese == course_label


# ---------------------------------------------------------------- Chinese definitions and names (issue 13)

_HAN = re.compile(r"[\u4e00-\u9fff]")


def test_every_term_has_a_chinese_definition():
    for t in TERMS:
        zh = t.definition_zh
        assert zh, f"{t.english!r} has no definition_zh"
        # a Chinese sentence: mostly Chinese characters, ending with a full stop
        han = len(_HAN.findall(zh))
        latin = len(re.findall(r"[A-Za-z]", zh))
        assert han >= 8 and han > latin, f"{t.english!r}: {zh!r} is not a Chinese definition"
        assert zh.endswith("。"), f"{t.english!r}: {zh!r} does not end with 。"
        assert zh != t.definition


def test_chinese_definitions_are_not_copies_of_each_other():
    zh = [t.definition_zh for t in TERMS]
    assert len(set(zh)) == len(zh)


def test_terms_table_has_the_chinese_definitions():
    table = terms("05")
    row = table.set_index("english").loc["customer lifetime value"]
    assert row["definition_zh"] == lookup("clv").definition_zh
    assert "现值" in row["definition_zh"]            # CLV is a present value
    # the notebooks' selection keeps working
    assert list(terms("01")[["english", "chinese"]].columns) == ["english", "chinese"]


@pytest.mark.parametrize("lang, expected", [
    ("en", "customer pyramid"),
    ("zh", "客户金字塔"),
    ("en+zh", "customer pyramid / 客户金字塔"),
])
def test_name_follows_the_language(lang, expected):
    with language.use(lang):
        assert name("customer pyramid") == expected
        assert name("客户金字塔") == expected          # any name or alias finds the term
    with language.use(lang), pytest.raises(KeyError, match="close matches|相近的术语") as err:
        name("customer pyramd")
    assert "customer pyramid" in str(err.value)


def test_term_str_follows_the_language():
    t = lookup("retention rate")
    with language.use("en"):
        assert str(t).startswith("retention rate / 客户保持率: The share of customers")
        assert not _HAN.search(str(t).split(": ", 1)[1])
    with language.use("zh"):
        assert str(t) == f"客户保持率（retention rate）：{t.definition_zh}（见笔记本 05_lifetime_value）"
    with language.use("en+zh"):
        assert t.definition in str(t) and t.definition_zh in str(t)


def test_search_finds_chinese_definitions_and_aliases():
    # 现值 (present value) is in no name, only in Chinese definitions
    found = search("现值")["english"].tolist()
    assert {"customer lifetime value", "net present value"} <= set(found)
    assert search("顾客份额")["english"].tolist()[0] == "share of wallet"      # an alias
    assert search("Retention Rate")["english"].iloc[0] == "retention rate"   # case-insensitive


def test_close_matches_for_chinese_and_english():
    from cvlib.glossary import close_matches

    # 顾客价值 is no term: the course's 顾客让渡价值 and the glossary's 客户价值 share its characters
    suggested = [t.chinese for t in close_matches("顾客价值")]
    assert "顾客让渡价值" in suggested and "客户价值" in suggested
    assert search("顾客价值").empty
    assert close_matches("retension rate", n=1)[0].english == "retention rate"
    assert close_matches("zzzzzzzz") == [] and close_matches("   ") == []


@pytest.mark.parametrize("chinese, english", [
    ("基本型", "basic relationship"), ("反应型", "reactive relationship"), ("被动型", "reactive relationship"),
    ("可靠型", "accountable relationship"), ("主动型", "proactive relationship"),
    ("合伙型", "partnership relationship"), ("伙伴型", "partnership relationship"),
    ("客户期望价值", "expected value"), ("语义差异量表", "semantic differential scale")])
def test_course_names_resolve(chinese, english):
    """The course's names (002's relationship levels, 000's 客户期望价值 and 语义差别量表) and the textbook's."""
    assert lookup(chinese).english == english


def test_kotler_levels_answer_in_chinese():
    from cvlib.exercises import passes

    assert passes("04.8", "主动型") and passes("04.8", "proactive") and not passes("04.8", "合伙型")

"""The DSL: both keyword sets, names, comments, citations, and errors that
point at the right place with what was expected."""

import pytest

from zhifa_logic.errors import InputError
from zhifa_logic.model.loader import load_document
from zhifa_logic.model.rules import RuleSet
from zhifa_logic.syntax import nodes as n
from zhifa_logic.syntax.parse import parse

ZH_CASE = """# 注释
案件 罚款案 「城管局罚款案」
机关 城管局 「市城管局」
人员 张三 属于 城管局
人员 李四 属于 城管局
行为 { 决定机关 城管局；种类 行政处罚；无须审核批准；过错 第六条第（三）项 }
经过 {
  张三：拟办 意见一，错误；
  李四 审核 意见一 同意
  张三 实施 意见一
}
"""
EN_CASE = """// comment
case fine "City fine"
agency cg "City Bureau"
person zhang "Zhang San" in cg
person li "Li Si" in cg
act { agencies cg kind penalty no-approval-required faults Art. 6(3) }
chain {
  zhang drafts o1 wrong
  li reviews o1 passes
  zhang executes o1
}
"""


def test_chinese_and_english_cases_load_to_the_same_model():
    zh = load_document("zh.zl", ZH_CASE)
    en = load_document("en.zl", EN_CASE)
    assert [s.kind for s in zh.chain] == [s.kind for s in en.chain] == ["draft", "review", "execute"]
    assert zh.act.faults == en.act.faults == ("6.3",)
    assert zh.persons[0].id == "张三" and zh.persons[0].name == "张三"
    assert en.persons[0].name == "Zhang San"


def test_spans_point_at_the_names():
    zh = load_document("zh.zl", ZH_CASE)
    span = zh.spans[("chain", 0, "by")]
    assert (span.line, span.col, span.end_col) == (8, 3, 5)


def test_mixed_keywords_in_one_file():
    text = EN_CASE.replace("zhang drafts o1 wrong", "zhang 拟办 o1 错误")
    assert load_document("mixed.zl", text).chain[0].correct is False


@pytest.mark.parametrize("spelling", ["第六条第（三）项", "第六条第(三)项", "Art. 6(3)", "Art.6(3)"])
def test_citation_spellings(spelling):
    text = EN_CASE.replace("Art. 6(3)", spelling)
    assert load_document("c.zl", text).act.faults == ("6.3",)


def test_a_name_glued_to_a_keyword_gets_the_split_suggested():
    text = ZH_CASE.replace("李四 审核 意见一 同意", "李四审核 意见一 同意")
    with pytest.raises(InputError) as exc:
        load_document("g.zl", text)
    d = exc.value.diagnostics[0]
    assert d.span.line == 9 and "李四 审核" in d.suggestion


def test_the_spaced_spelling_of_the_same_line_parses():
    assert len(load_document("s.zl", ZH_CASE).chain) == 3


def test_backticked_names_may_hold_anything_but_backticks():
    text = EN_CASE.replace("person zhang", "person `zhang san`").replace("zhang drafts", "`zhang san` drafts")
    text = text.replace("zhang executes", "`zhang san` executes")
    assert load_document("b.zl", text).persons[0].id == "zhang san"


def test_truncated_file_says_what_was_expected():
    with pytest.raises(InputError) as exc:
        load_document("t.zl", EN_CASE[:120])
    d = exc.value.diagnostics[0]
    assert "ends too early" in d.message and d.expected


def test_unknown_keyword_lists_the_expected_ones():
    with pytest.raises(InputError) as exc:
        load_document("k.zl", EN_CASE.replace("li reviews o1 passes", "li revews o1 passes"))
    d = exc.value.diagnostics[0]
    assert (d.span.line, d.span.col) == (9, 6) and "`reviews`" in d.expected



def test_a_misspelt_keyword_gets_the_keyword_suggested():
    with pytest.raises(InputError) as exc:
        load_document("k.zl", EN_CASE.replace("li reviews o1 passes", "li revews o1 passes"))
    assert exc.value.diagnostics[0].suggestion == "did you mean `reviews`?"
    with pytest.raises(InputError) as exc:
        load_document("k.zl", ZH_CASE.replace("行为 {", "行伪 {"))
    assert exc.value.diagnostics[0].suggestion == "did you mean `行为`?"


def test_a_chinese_file_sees_the_chinese_keywords_first():
    # the expected list is cut after twelve words; a Chinese drafter must not
    # find only English ones before the cut
    with pytest.raises(InputError) as exc:
        load_document("k.zl", ZH_CASE.replace("无须审核批准", "无须审合批准"))
    expected = exc.value.diagnostics[0].expected
    assert expected.index("`免责`") < expected.index("`faults`") if "`faults`" in expected else "`免责`" in expected
    with pytest.raises(InputError) as exc:
        load_document("k.zl", EN_CASE.replace("no-approval-required", "no-aproval-required"))
    expected = exc.value.diagnostics[0].expected
    assert "`faults`" in expected and expected.index("`faults`") < expected.index("`免责`")


RULES = """规则集 local 「某区实施细则」
依据 changzhou-2008
条文 第三条 原文 「承办人拟办意见错误的，由承办人承担主要责任。」 译文 "A wrong draft: the handler bears the main liability."
规则 第三条 如果 存在 承办人 满足 拟办意见错误 那么 承办人 满足 拟办意见错误 承担 主要 直接责任
优先 第三条 优先于 《办法》第十一条第（四）项
"""


def test_a_local_rule_set_extends_the_measures():
    rs = load_document("local.zl", RULES)
    assert isinstance(rs, RuleSet) and rs.base.name == "changzhou-2008"
    assert "local:Art. 3" in rs.clauses and "changzhou-2008:Art. 11(4)" in rs.clauses
    assert rs.clauses["local:Art. 3"].ref == "local:3"
    assert rs.priorities[-1].low == "changzhou-2008:Art. 11(4)"


@pytest.mark.parametrize("typo, message, suggestion", [
    ("拟办意见错吴", "unknown word `拟办意见错吴`", "拟办意见错误"),
    ("《办发》第十一条第（四）项", "unknown source `办发`", "办法"),
])
def test_rule_set_typos_are_named_with_a_suggestion(typo, message, suggestion):
    text = RULES.replace("满足 拟办意见错误 那么", f"满足 {typo} 那么") if "拟办" in typo \
        else RULES.replace("《办法》第十一条第（四）项", typo)
    with pytest.raises(InputError) as exc:
        load_document("typo.zl", text)
    d = exc.value.diagnostics[0]
    assert message in d.message and suggestion in (d.suggestion or "")


def test_a_person_fact_at_case_level_is_explained():
    text = RULES.replace("如果 存在 承办人 满足 拟办意见错误", "如果 拟办意见错误")
    with pytest.raises(InputError) as exc:
        load_document("scope.zl", text)
    assert "some <role> where" in exc.value.diagnostics[0].suggestion


def test_every_problem_is_reported_at_once():
    text = RULES.replace("拟办意见错误 那么 承办人 满足 拟办意见错误", "拟办意见错 那么 承办人 满足 拟办意见措误")
    with pytest.raises(InputError) as exc:
        load_document("many.zl", text)
    assert len(exc.value.diagnostics) == 2


def test_builder_keeps_reading_options():
    node = parse("规则集 x 读法 r 「说明」 { 选项 a 默认 选项 b 「另一种」 }", "r.zl")
    reading = node.decls[0]
    assert isinstance(reading, n.ReadingNode)
    assert [(o.name.text, o.default) for o in reading.options] == [("a", True), ("b", False)]

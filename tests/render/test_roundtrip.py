"""Round trips: JSON → case → DSL (zh and en) → case, and case → JSON → case."""

from hypothesis import given, strategies as st

from zhifa_logic.model.case_json import case_to_json
from zhifa_logic.model.loader import load_document
from zhifa_logic.render.case_dsl import case_to_dsl
from zhifa_logic.render.verdict_json import dumps
from tests.helpers import load, verdict
from tests.strategies import case_docs


def same(a, b):
    return case_to_json(a) == case_to_json(b)


@given(case_docs(), st.sampled_from(["zh", "en"]))
def test_dsl_round_trip_keeps_the_case(doc, lang):
    case = load(doc)
    text = case_to_dsl(case, lang)
    again = load_document("roundtrip.zl", text)
    assert same(case, again), text


@given(case_docs())
def test_json_round_trip_keeps_the_case(doc):
    case = load(doc)
    assert same(case, load(case_to_json(case)))


@given(case_docs(), st.sampled_from(["zh", "en"]))
def test_the_dsl_form_gets_the_same_verdict(doc, lang):
    text = case_to_dsl(load(doc), lang)
    again = case_to_json(load_document("roundtrip.zl", text))
    assert dumps(verdict(again)) == dumps(verdict(doc))


def test_ids_that_are_keywords_are_quoted():
    doc = {"format": "zhifa-case/1", "id": "case", "agencies": [{"id": "机关", "name": "x"}],
           "persons": [{"id": "collective", "name": "a b", "agency": "机关"}],
           "act": {"agencies": ["机关"], "lead": None, "kind": "other", "approval_required": False,
                   "faults": ["6.1"]},
           "chain": [{"step": "draft", "by": "collective", "opinion": "拟办", "correct": False}]}
    case = load(doc)
    for lang in ("zh", "en"):
        text = case_to_dsl(case, lang)
        assert "`collective`" in text and "`拟办`" in text
        assert same(case, load_document("q.zl", text))

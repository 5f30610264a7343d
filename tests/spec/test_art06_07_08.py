"""Arts 6–8: what is in scope, and when nobody bears fault liability."""

import pytest

from tests.helpers import DRAFT_WRONG, EXEC, approve, case_doc, liable, review, verdict

CHAIN_11_4 = [DRAFT_WRONG, review(should_have_detected=True), approve(), EXEC]


def test_no_item_of_art6_means_no_fault():
    # 第六条「有下列情形之一的，应当追究」: with no item nothing is pursued.
    v = verdict(case_doc(CHAIN_11_4, faults=()))
    assert v["outcome"] == "no_fault"
    assert liable(v) == {}


@pytest.mark.parametrize("item", ["6.1", "6.9", "6.16", "6.17", "7.1", "7.5"])
def test_every_item_of_art6_and_art7_brings_a_case_in_scope(item):
    # 第七条 defines 第六条第（十六）项; its items are in scope like Art. 6's.
    assert verdict(case_doc(CHAIN_11_4, faults=(item,)))["outcome"] == "liable"


@pytest.mark.parametrize("ground", ["8.1", "8.2", "8.3", "8.4"])
def test_an_art8_ground_exempts_agency_and_officers(ground):
    # 第八条「行政执法机关及其执法人员有下列情形之一的，不承担行政执法过错责任」
    v = verdict(case_doc(CHAIN_11_4, exemptions=(ground,)))
    assert v["outcome"] == "exempt"
    assert liable(v) == {}
    assert all(p["basis"] == [ground] for p in v["parties"])


def test_exempt_lists_every_ground_that_holds():
    v = verdict(case_doc(CHAIN_11_4, exemptions=("8.1", "8.3")))
    assert {tuple(p["basis"]) for p in v["parties"]} == {("8.1", "8.3")}


def test_no_fault_comes_before_exemption():
    v = verdict(case_doc(CHAIN_11_4, faults=(), exemptions=("8.2",)))
    assert v["outcome"] == "no_fault"

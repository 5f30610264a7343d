"""Art. 13: collective decisions (¶1) and decisions around them (¶2)."""

from hypothesis import given, strategies as st

from tests.helpers import case_doc, liable, line, verdict


def collective(dissent=(), members=("m",), correct=False):
    parts = [{"person": "boss", "position": "principal"}, {"person": "dep", "position": "deputy"}]
    parts += [{"person": m, "position": "member"} for m in members]
    for p in parts:
        if p["person"] in dissent:
            p["dissent"] = True
    return [{"step": "collective", "participants": parts, "opinion": "c1", "correct": correct},
            {"step": "execute", "by": "h", "of": "c1"}]


def test_principal_and_deputy_bear_jointly_as_leaders():
    # 「主要领导视为批准人、分管领导视为审核人，按领导责任人员共同承担责任」
    v = verdict(case_doc(collective()))
    assert liable(v)["boss"] == ("leading", "joint", ("13.1",))
    assert liable(v)["dep"] == ("leading", "joint", ("13.1",))
    assert "m" not in liable(v)          # default reading: only the two named positions


def test_other_participants_under_the_all_participants_reading():
    v = verdict(case_doc(collective()), readings=["art13-members=all-participants"])
    assert liable(v)["m"] == ("leading", "joint", ("13.1",))


def test_dissenter_is_excluded():
    # 「但明确表示不同意作出该行政执法行为的人员除外」
    v = verdict(case_doc(collective(dissent=("dep",))))
    assert line(v, "dep") == {"id": "dep", "kind": "person", "liable": False, "category": None,
                              "mode": None, "basis": ["13.1"]}
    assert "boss" in liable(v)


def test_everyone_dissenting_leaves_nobody_liable():
    v = verdict(case_doc(collective(dissent=("boss", "dep"), members=())))
    assert v["outcome"] == "none"


@given(st.sets(st.sampled_from(["boss", "dep", "m1", "m2"])),
       st.sampled_from(["principal-and-deputy", "all-participants"]))
def test_dissenter_is_never_liable_under_art13(dissent, reading):
    v = verdict(case_doc(collective(dissent=dissent, members=("m1", "m2"))),
                readings=[f"art13-members={reading}"])
    for pid in dissent:
        assert not line(v, pid)["liable"]


def test_a_correct_collective_decision_allocates_nothing_under_art13():
    v = verdict(case_doc(collective(correct=True)))
    assert "boss" not in liable(v)


def test_13_2_deciding_alone_what_needed_collective_study():
    # 「不经集体研究决定作出的行政执法行为……作出决定的人为过错责任人」; the paragraph
    # names no category, so by default Art. 9 decides by the decider's role.
    chain = [{"step": "decide", "by": "boss", "opinion": "o1", "correct": False,
              "skipped": ["collective"]}]
    v = verdict(case_doc(chain))            # needs approval: he decided as approver
    assert liable(v)["boss"] == ("leading", "all", ("13.2",))
    v = verdict(case_doc(chain, approval=False))   # no approval stage: a handler
    assert liable(v)["boss"] == ("direct", "all", ("10", "13.2"))
    v = verdict(case_doc(chain), readings=["art13-2-category=direct"])
    assert liable(v)["boss"] == ("direct", "all", ("13.2",))


def test_13_2_direct_reading_clashes_with_11_10_for_a_head_deciding_alone():
    # 11(10) 「由批准人承担」 (a leader, Art. 9) vs 13 ¶2 read as direct liability.
    chain = [{"step": "decide", "by": "boss", "opinion": "o1", "correct": False,
              "skipped": ["draft", "review", "collective"]}]
    assert verdict(case_doc(chain))["outcome"] == "liable"
    v = verdict(case_doc(chain), readings=["art13-2-category=direct"])
    assert v["outcome"] == "conflict" and v["conflicts"][0]["clauses"] == ["11.10", "13.2"]

"""Hypothesis strategies: valid zhifa-case/1 documents whose chains respect
the chain semantics (opinions used after they are made, persons acting for
their agencies, collectives with a principal, superiors above the act)."""

from __future__ import annotations

from hypothesis import strategies as st

FAULTS = ["6.1", "6.3", "6.9", "6.16", "7.1", "7.2"]
CIRC = ["19.1", "19.2", "19.4", "19.2-no-loss", "20.1", "20.3"]
NAMES = ["张三", "李四", "王五", "赵六", "钱七", "孙八", "周九", "吴十"]


@st.composite
def case_docs(draw, *, with_exemptions=True, max_steps=6):
    two = draw(st.booleans())
    agencies = [{"id": "CG", "name": "市城管局", "superior": "GOV"},
                {"id": "GOV", "name": "市人民政府"}]
    act_agencies = ["CG"]
    lead = None
    if two:
        agencies.append({"id": "SC", "name": "市市场监管局", "superior": "GOV"})
        act_agencies = draw(st.permutations(["CG", "SC"]))
        lead = draw(st.sampled_from([None, "CG", "SC"]))
    n_local = draw(st.integers(2, 5))
    persons = [{"id": f"p{i}", "name": NAMES[i], "agency": act_agencies[i % len(act_agencies)]}
               for i in range(n_local)]
    persons += [{"id": f"g{i}", "name": NAMES[5 + i], "agency": "GOV"} for i in range(2)]
    local = [p["id"] for p in persons if p["agency"] != "GOV"]
    staff = ["g0", "g1"]
    approval = draw(st.booleans())

    chain: list[dict] = []
    opinions: list[str] = []

    def new_opinion() -> str:
        oid = f"o{len(opinions) + 1}"
        opinions.append(oid)
        return oid

    # Art. 9: a person takes one of handler / reviewer / approver (validation
    # refuses more), so actors come from disjoint pools.
    pools = {"handler": local[0::3], "reviewer": local[1::3], "approver": local[2::3]}

    def who(role="handler"):
        return draw(st.sampled_from(pools[role] or pools["handler"]))

    def decider(skipped):
        if not approval:
            return who("handler")
        for stage, role in (("approve", "approver"), ("review", "reviewer"), ("draft", "handler")):
            if stage not in skipped:
                return who(role) if pools[role] else None
        return who("approver") if pools["approver"] else None

    kinds = draw(st.lists(st.sampled_from(
        ["draft", "review", "approve", "decide", "execute", "fail_to_act", "collective",
         "superior_change", "superior_order"]), min_size=0, max_size=max_steps))
    around: dict[str, set[str]] = {}      # opinion -> stages its decision went around
    for kind in kinds:
        if kind in ("review", "approve", "execute", "superior_change") and not opinions:
            kind = "draft"
        step: dict = {"step": kind}
        if kind == "draft":
            step.update(by=who(), opinion=new_opinion(), correct=draw(st.booleans()))
            if draw(st.booleans()):
                step["falsified"] = True
        elif kind in ("review", "approve"):
            role = "reviewer" if kind == "review" else "approver"
            # not an opinion decided around this very stage (validation refuses it)
            open_ = [o for o in opinions if kind not in around.get(o, ())]
            if not pools[role] or not open_:
                continue
            action = draw(st.sampled_from(["pass", "pass", "change", "reject"]))
            step.update(by=who(role), of=draw(st.sampled_from(open_)), action=action)
            if action != "pass":
                step.update(opinion=new_opinion(), correct=draw(st.booleans()))
            for flag in ("should_have_detected", "detected_not_corrected", "falsified"):
                if draw(st.integers(0, 3)) == 0:
                    step[flag] = True
        elif kind == "decide":
            skipped = draw(st.lists(st.sampled_from(["draft", "review", "approve", "collective"]),
                                    unique=True))
            by = decider(skipped)
            if by is None:
                continue
            step.update(by=by, opinion=new_opinion(), correct=draw(st.booleans()))
            if skipped:
                step["skipped"] = skipped
                around[step["opinion"]] = set(skipped)
        elif kind == "execute":
            step.update(by=who(), of=draw(st.sampled_from(opinions)))
            if draw(st.booleans()):
                step["deviates"] = True
        elif kind == "fail_to_act":
            role = draw(st.sampled_from(["handler", "reviewer", "approver"]))
            if not pools[role]:
                continue
            step.update(by=who(role), role=role)
            if draw(st.booleans()):
                step["delayed"] = True
        elif kind == "collective":
            people = draw(st.lists(st.sampled_from(local), min_size=1, max_size=3, unique=True))
            parts = [{"person": people[0], "position": "principal"}]
            parts += [{"person": p, "position": draw(st.sampled_from(["deputy", "member"]))}
                      for p in people[1:]]
            for p in parts:
                if draw(st.integers(0, 2)) == 0:
                    p["dissent"] = True
            step.update(participants=parts, opinion=new_opinion(), correct=draw(st.booleans()))
        elif kind == "superior_change":
            roles = draw(st.lists(st.sampled_from(["handler", "reviewer", "approver"]),
                                  min_size=1, max_size=3, unique=True))
            step.update(agency="GOV", of=draw(st.sampled_from(opinions)), opinion=new_opinion(),
                        correct=draw(st.booleans()),
                        staff={r: [draw(st.sampled_from(staff))] for r in sorted(roles)})
        elif kind == "superior_order":
            by = who("handler")
            boss = draw(st.sampled_from([p for p in local + staff if p != by]))
            step.update(by=by, superior=boss, opinion=new_opinion(), correct=draw(st.booleans()))
            for flag in ("objection_raised", "superior_insisted", "clearly_illegal"):
                if draw(st.booleans()):
                    step[flag] = True
        chain.append(step)

    faults = draw(st.lists(st.sampled_from(FAULTS), min_size=0 if draw(st.integers(0, 6)) == 0 else 1,
                           max_size=2, unique=True))
    exemptions = draw(st.lists(st.sampled_from(["8.1", "8.2", "8.3", "8.4"]), max_size=1,
                               unique=True)) if with_exemptions and draw(st.integers(0, 4)) == 0 else []
    circumstances = {}
    for pid in draw(st.lists(st.sampled_from(local + act_agencies), max_size=2, unique=True)):
        circumstances[pid] = draw(st.lists(st.sampled_from(CIRC), min_size=1, max_size=3, unique=True))
    doc = {"format": "zhifa-case/1", "id": "gen", "title": "生成的案件", "agencies": agencies,
           "persons": persons,
           "act": {"agencies": list(act_agencies), "lead": lead,
                   "kind": draw(st.sampled_from(["penalty", "licensing", "inspection"])),
                   "approval_required": approval, "faults": faults, "exemptions": exemptions},
           "chain": chain}
    if circumstances:
        doc["circumstances"] = circumstances
    return doc


READING_CHOICES = {
    "art10-scope": ["literal", "no-approval-only"],
    "art11-3-vs-4": ["both", "fraud-prevails"],
    "art11-7-vs-8": ["both", "fraud-prevails"],
    "art11-4-bearers": ["all-three", "only-at-fault"],
    "art13-members": ["principal-and-deputy", "all-participants"],
    "art13-2-category": ["direct", "leading"],
    "art15-no-objection": ["literal", "executor-bears", "superior-bears"],
}


@st.composite
def reading_choices(draw):
    return [f"{k}={draw(st.sampled_from(v))}" for k, v in sorted(READING_CHOICES.items())
            if draw(st.booleans())]

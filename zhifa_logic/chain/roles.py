"""Which of Art. 9's roles — handler 承办人, reviewer 审核人, approver 批准人 —
a step's actor takes. One definition, used by validation and by the facts."""

from __future__ import annotations

from ..model.case import Case, Step

STAGE_ROLE = {"draft": "handler", "review": "reviewer", "approve": "approver"}


def decider_role(step: Step, approval_required: bool) -> str:
    """The decider acts at the latest stage the decision did not go around;
    an act needing no approval has no review and approval stage at all."""
    if not approval_required:
        return "handler"
    for stage in ("approve", "review", "draft"):
        if stage not in step.skipped:
            return STAGE_ROLE[stage]
    return "approver"


def own_role(case: Case, person: str) -> str | None:
    """The one role ``person`` holds through their other steps, if exactly one."""
    roles = set()
    for s in case.chain:
        if s.by != person:
            continue
        if s.kind in ("draft", "execute"):
            roles.add("handler")
        elif s.kind in ("review", "approve"):
            roles.add(STAGE_ROLE[s.kind])
        elif s.kind == "decide":
            roles.add(decider_role(s, case.act.approval_required))
    return roles.pop() if len(roles) == 1 else None


def pending_role(case: Case, upto: int) -> str:
    """Whose turn it was before step ``upto``: the stage after the last one done."""
    done = "none"
    for s in case.chain[:upto]:
        if s.kind in ("draft", "review", "approve"):
            done = s.kind
        elif s.kind in ("decide", "collective", "superior_change", "superior_order"):
            done = "approve"
    if done == "none":
        return "handler"
    if done == "draft":
        return "reviewer" if case.act.approval_required else "handler"
    if done == "review":
        return "approver"
    return "handler"


def step_role(case: Case, step: Step) -> str | None:
    """The role the actor of ``step`` takes, if the step has one."""
    if step.kind in ("draft", "execute", "review", "approve"):
        return {"draft": "handler", "execute": "handler"}.get(step.kind) or STAGE_ROLE[step.kind]
    if step.kind == "decide":
        return decider_role(step, case.act.approval_required)
    if step.kind == "fail_to_act":
        return step.role or own_role(case, step.by) or pending_role(case, step.index)
    return None


def act_opinion(case: Case) -> str | None:
    """The opinion that became the act: the one current when the chain ends.
    A step that makes an opinion makes it current; a pass or an execution
    makes the opinion it acts on current; a failure to act changes nothing."""
    current = None
    for s in case.chain:
        if s.kind in ("review", "approve") and s.action == "pass" or s.kind == "execute":
            current = s.of
        elif s.opinion is not None:
            current = s.opinion
    return current

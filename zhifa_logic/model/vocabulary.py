"""The words rules may use: roles, party facts, case facts (中文 and English).

This is the interface between the chain semantics (``chain.facts`` derives
these facts from a case) and the rules in ``spec/`` (which combine them).
It holds no article's logic: each entry says what happened in the chain.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Word:
    name: str          # canonical, snake_case
    zh: str
    domain: str        # "person" | "agency" | "party" | "case"
    kind: str          # "role" | "fact"
    gloss: str


_WORDS = [
    # roles of persons (Art. 9, 13, 14, 15)
    Word("handler", "承办人", "person", "role", "drafted, executed, decided as handler or failed to act as handler"),
    Word("reviewer", "审核人", "person", "role", "reviewed, decided as reviewer or failed to act as reviewer"),
    Word("approver", "批准人", "person", "role", "approved, decided as approver or failed to act as approver"),
    Word("decider", "决定人", "person", "role", "took a decide step"),
    Word("principal", "主要领导", "person", "role", "collective participant in the position of principal leader"),
    Word("deputy", "分管领导", "person", "role", "collective participant in the position of leader in charge"),
    Word("member", "其他参与人员", "person", "role", "other collective participant"),
    Word("superior_handler", "上级承办人", "person", "role", "handler of the superior agency that changed the act"),
    Word("superior_reviewer", "上级审核人", "person", "role", "reviewer of the superior agency that changed the act"),
    Word("superior_approver", "上级批准人", "person", "role", "approver of the superior agency that changed the act"),
    Word("order_superior", "发令上级", "person", "role", "the superior whose decision or order was executed"),
    Word("order_executor", "执行命令人员", "person", "role", "the official who executed a superior's decision or order"),
    Word("person", "人员", "person", "role", "every person of the case"),
    # roles of agencies (Art. 12)
    Word("deciding_agency", "参与决定机关", "agency", "role", "an agency in act.agencies"),
    Word("lead_agency", "主办的机关", "agency", "role", "the lead agency of the act"),
    Word("other_agency", "其他机关", "agency", "role", "an agency in act.agencies that is not the lead"),
    Word("agency", "机关", "agency", "role", "every agency of the case"),
    # facts about persons
    Word("drafted_wrong", "拟办意见错误", "person", "fact", "drafted an opinion that is wrong"),
    Word("falsified", "弄虚作假", "person", "fact", "falsified or bent the law in a draft, review or approval"),
    Word("passed_wrong", "同意错误意见", "person", "fact", "passed (agreed to) a wrong opinion in review or approval"),
    Word("passed_wrong_draft", "同意错误拟办意见", "person", "fact", "passed (agreed to) a handler's wrong draft in review or approval"),
    Word("should_have_detected", "应当发现而没有发现", "person", "fact", "should have detected the error but did not"),
    Word("detected_not_corrected", "发现后未予纠正", "person", "fact", "detected the error and did not correct it"),
    Word("overrode_correct", "不采纳或者改变正确意见", "person", "fact", "rejected or changed a correct opinion into a wrong one"),
    Word("changed_to_wrong", "作出错误指令", "person", "fact", "changed an opinion into a wrong one (a wrong instruction)"),
    Word("decided", "直接作出决定", "person", "fact", "took a decide step"),
    Word("skipped_draft", "未经拟办", "person", "fact", "decided without the draft stage"),
    Word("skipped_review", "未经审核", "person", "fact", "decided without the review stage"),
    Word("skipped_approval", "未经批准", "person", "fact", "decided without the approval stage"),
    Word("skipped_collective", "未经集体研究", "person", "fact", "decided what needed collective study alone"),
    Word("acted_alone", "直接作出", "person", "fact", "made the act with nobody reviewing or approving it"),
    Word("executed", "实施", "person", "fact", "executed an opinion"),
    Word("changed_unapproved", "改变意见未报批", "person", "fact", "as reviewer, made the act's opinion by changing or rejecting, and no approval passed it"),
    Word("executed_unapproved", "未经批准实施", "person", "fact", "executed a draft that no approval passed"),
    Word("executed_deviating", "未依照审核批准内容实施", "person", "fact", "executed, not following it, an opinion that had been reviewed and approved"),
    Word("failed_to_act", "不履行", "person", "fact", "failed to act or delayed"),
    Word("delayed", "拖延履行", "person", "fact", "delayed rather than not acting at all"),
    Word("dissented", "明确表示不同意", "person", "fact", "expressly disagreed in the collective decision"),
    Word("objected", "提出异议", "person", "fact", "raised an objection to the superior's decision or order"),
    Word("superior_insisted", "上级坚持", "person", "fact", "the superior did not change the order, or required immediate execution"),
    Word("clearly_illegal", "明显违法", "person", "fact", "the executed decision or order was clearly illegal"),
    Word("no_loss", "确实没有造成损失和不良影响", "party", "fact", "caused truly no loss and no adverse effect (Art. 19 ¶2)"),
    # facts about the case
    Word("approval_required", "应当经过审核审批", "case", "fact", "the act must pass review and approval"),
    Word("single_agency", "单独决定", "case", "fact", "one agency decided the act"),
    Word("joint_agencies", "共同决定", "case", "fact", "two or more agencies decided the act"),
    Word("has_lead", "有主办机关", "case", "fact", "the act has a lead agency"),
    Word("collective_wrong", "集体决定错误", "case", "fact", "a collective decision produced a wrong opinion"),
    Word("superior_changed_wrong", "上级改变错误", "case", "fact", "a superior agency's change produced a wrong act"),
    Word("order_wrong", "上级决定命令错误", "case", "fact", "an executed decision or order of a superior was wrong"),
]

WORDS: dict[str, Word] = {w.name: w for w in _WORDS}
_BY_SPELLING: dict[str, Word] = {}
for _w in _WORDS:
    _BY_SPELLING[_w.name] = _w
    _BY_SPELLING[_w.name.replace("_", "-")] = _w
    _BY_SPELLING[_w.zh] = _w


def lookup(spelling: str) -> Word | None:
    return _BY_SPELLING.get(spelling)


def spellings() -> list[str]:
    return sorted(_BY_SPELLING)

"""zhifa-case/1 JSON ↔ ``Case``. Refuses what breaks the contract, naming
the field, the step index and what was expected; guesses nothing."""

from __future__ import annotations

import re

from ..errors import Collector
from ..source import Span
from .case import (ACT_KINDS, ACTIONS, POSITIONS, ROLES, STAGES, STEP_FLAGS, STEP_KINDS, Act,
                   Agency, Case, Participant, Person, Step)
from .names import did_you_mean

FORMAT = "zhifa-case/1"
# A local rule set's own item is named by the rule set: ``shijianguan:4.1``
# (an added field meaning, not a changed one: old files read the same).
_LOCAL = r"[^\s:]+:[1-9][0-9]*(\.[1-9][0-9]*)?"
_FAULT = re.compile(rf"^(6\.(1[0-7]|[1-9])|7\.[1-5]|{_LOCAL})$")
_EXEMPTION = re.compile(rf"^(8\.[1-4]|{_LOCAL})$")
_CIRC = re.compile(rf"^(19\.[1-5]|20\.[1-8]|19\.2-no-loss|{_LOCAL})$")

_STEP_FIELDS = {
    "draft": ({"step", "by", "opinion", "correct"}, {"falsified"}),
    "review": ({"step", "by", "of", "action"}, {"opinion", "correct", "should_have_detected",
                                              "detected_not_corrected", "falsified"}),
    "approve": ({"step", "by", "of", "action"}, {"opinion", "correct", "should_have_detected",
                                               "detected_not_corrected", "falsified"}),
    "decide": ({"step", "by", "opinion", "correct"}, {"skipped"}),
    "execute": ({"step", "by", "of"}, {"deviates"}),
    "fail_to_act": ({"step", "by"}, {"delayed", "role"}),
    "collective": ({"step", "participants", "opinion", "correct"}, {"by"}),
    "superior_change": ({"step", "agency", "of", "opinion", "correct", "staff"}, {"by"}),
    "superior_order": ({"step", "by", "superior", "opinion", "correct"},
                       {"objection_raised", "superior_insisted", "clearly_illegal"}),
}


class _Reader:
    def __init__(self, file: str, spans: dict):
        self.file = file
        self.spans = spans
        self.errors = Collector()

    def span(self, path: tuple) -> Span:
        while path and path not in self.spans:
            path = path[:-1]
        return self.spans.get(path, Span(self.file, 1, 1, 1, 1))

    def where(self, path: tuple) -> str:
        out = ""
        for p in path:
            out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else p)
        return out or "the document"

    def fail(self, path: tuple, message: str, expected: str | None = None,
             suggestion: str | None = None) -> None:
        step = ""
        if len(path) >= 2 and path[0] == "chain" and isinstance(path[1], int):
            step = f" (step {path[1]})"
        self.errors.error(f"{self.where(path)}{step}: {message}", self.span(path),
                          expected=expected, suggestion=suggestion)

    def obj(self, value, path, required: set[str], optional: set[str]) -> dict | None:
        if not isinstance(value, dict):
            self.fail(path, f"expected an object, found {_kind(value)}")
            return None
        for key in sorted(set(value) - required - optional):
            self.fail(path + (key, "<key>"), f"unknown field `{key}`",
                      expected=", ".join(sorted(required | optional)),
                      suggestion=did_you_mean(key, required | optional))
        for key in sorted(required - set(value)):
            self.fail(path, f"missing field `{key}`")
        return value

    def typed(self, value, path, kind: type | tuple, what: str):
        if isinstance(value, bool) and kind is not bool and kind != (str, type(None)):
            self.fail(path, f"expected {what}, found a boolean")
            return None
        if not isinstance(value, kind):
            self.fail(path, f"expected {what}, found {_kind(value)}")
            return None
        return value

    def string(self, d: dict, key: str, path, optional=False) -> str | None:
        if key not in d:
            return None
        if optional and d[key] is None:
            return None
        v = self.typed(d[key], path + (key,), str, "a string")
        if v is not None and v == "":
            self.fail(path + (key,), "must not be empty")
        return v

    def flag(self, d: dict, key: str, path) -> bool:
        if key not in d:
            return False
        v = self.typed(d[key], path + (key,), bool, "true or false")
        return bool(v)

    def enum(self, d: dict, key: str, path, allowed) -> str | None:
        v = self.string(d, key, path)
        if v is not None and v not in allowed:
            self.fail(path + (key,), f"`{v}` is not allowed", expected=", ".join(allowed),
                      suggestion=did_you_mean(v, allowed))
            return None
        return v

    def refs(self, d: dict, key: str, path, pattern: re.Pattern, what: str) -> tuple[str, ...]:
        if key not in d:
            return ()
        items = self.typed(d[key], path + (key,), list, "a list")
        out = []
        for i, item in enumerate(items or []):
            if not isinstance(item, str) or not pattern.match(item):
                self.fail(path + (key, i), f"`{item}` is not {what}")
            elif item in out:
                self.fail(path + (key, i), f"`{item}` is listed twice")
            else:
                out.append(item)
        return tuple(out)

    # ── the document ──
    def case(self, doc) -> Case | None:
        d = self.obj(doc, (), {"format", "id", "agencies", "persons", "act", "chain"},
                     {"title", "circumstances"})
        if d is None:
            self.errors.raise_if_any()
        if d.get("format") != FORMAT and "format" in d:
            self.fail(("format",), f"unsupported format `{d.get('format')}`", expected=FORMAT)
        cid = self.string(d, "id", ())
        title = self.string(d, "title", (), optional=True)
        agencies = [self.agency(a, ("agencies", i)) for i, a in
                    enumerate(self.typed(d.get("agencies", []), ("agencies",), list, "a list") or [])]
        persons = [self.person(p, ("persons", i)) for i, p in
                   enumerate(self.typed(d.get("persons", []), ("persons",), list, "a list") or [])]
        act = self.act(d.get("act"), ("act",)) if "act" in d else None
        chain = [self.step(s, ("chain", i), i) for i, s in
                 enumerate(self.typed(d.get("chain", []), ("chain",), list, "a list") or [])]
        circ = self.circumstances(d.get("circumstances", {}), ("circumstances",))
        self.errors.raise_if_any()
        return Case(cid, title, tuple(agencies), tuple(persons), act, tuple(chain), circ,
                    file=self.file, spans=self.spans)

    def agency(self, v, path) -> Agency | None:
        d = self.obj(v, path, {"id", "name"}, {"superior"})
        if d is None:
            return None
        return Agency(self.string(d, "id", path), self.string(d, "name", path),
                      self.string(d, "superior", path, optional=True), self.span(path))

    def person(self, v, path) -> Person | None:
        d = self.obj(v, path, {"id", "name", "agency"}, set())
        if d is None:
            return None
        return Person(self.string(d, "id", path), self.string(d, "name", path),
                      self.string(d, "agency", path), self.span(path))

    def act(self, v, path) -> Act | None:
        d = self.obj(v, path, {"agencies", "kind", "approval_required", "faults"},
                     {"lead", "exemptions"})
        if d is None:
            return None
        ags = self.typed(d.get("agencies", []), path + ("agencies",), list, "a list of agency ids") or []
        for i, a in enumerate(ags):
            self.typed(a, path + ("agencies", i), str, "an agency id")
        approval = d.get("approval_required")
        if "approval_required" in d:
            approval = self.typed(approval, path + ("approval_required",), bool, "true or false")
        return Act(tuple(a for a in ags if isinstance(a, str)),
                   self.string(d, "lead", path, optional=True),
                   self.enum(d, "kind", path, tuple(ACT_KINDS)) or "other",
                   bool(approval),
                   self.refs(d, "faults", path, _FAULT, "an item of Art. 6 (6.1–6.17) or Art. 7 (7.1–7.5), "
                             "or a local rule set's own, such as `wujin:3.1`"),
                   self.refs(d, "exemptions", path, _EXEMPTION, "an item of Art. 8 (8.1–8.4), or a local "
                             "rule set's own ground, such as `shijianguan:4.1`"),
                   self.span(path))

    def step(self, v, path, index) -> Step | None:
        if not isinstance(v, dict):
            self.fail(path, f"expected a step object, found {_kind(v)}")
            return None
        kind = v.get("step")
        if kind not in STEP_KINDS:
            self.fail(path + ("step",), f"`{kind}` is not a step kind" if "step" in v
                      else "missing field `step`", expected=", ".join(STEP_KINDS),
                      suggestion=did_you_mean(str(kind), STEP_KINDS))
            return None
        required, optional = _STEP_FIELDS[kind]
        d = self.obj(v, path, required, optional)
        flags = frozenset(f for f in STEP_FLAGS[kind] if self.flag(d, f, path))
        common = dict(index=index, kind=kind, by=self.string(d, "by", path), flags=flags,
                      span=self.span(path))
        match kind:
            case "draft" | "decide":
                skipped = ()
                if kind == "decide" and "skipped" in d:
                    lst = self.typed(d["skipped"], path + ("skipped",), list, "a list of stages") or []
                    for i, s in enumerate(lst):
                        if s not in STAGES:
                            self.fail(path + ("skipped", i), f"`{s}` is not a stage",
                                      expected=", ".join(STAGES), suggestion=did_you_mean(str(s), STAGES))
                    skipped = tuple(s for s in lst if s in STAGES)
                return Step(**common, opinion=self.string(d, "opinion", path),
                            correct=self.flag(d, "correct", path), skipped=skipped)
            case "review" | "approve":
                action = self.enum(d, "action", path, ACTIONS)
                if action in ("change", "reject"):
                    for key in ("opinion", "correct"):
                        if key not in d:
                            self.fail(path, f"action `{action}` needs `{key}` (the new opinion)")
                elif action == "pass":
                    for key in ("opinion", "correct"):
                        if key in d:
                            self.fail(path + (key, "<key>"), f"action `pass` creates no opinion: "
                                      f"drop `{key}`")
                return Step(**common, of=self.string(d, "of", path), action=action,
                            opinion=self.string(d, "opinion", path),
                            correct=self.flag(d, "correct", path) if "correct" in d else None)
            case "execute":
                return Step(**common, of=self.string(d, "of", path))
            case "fail_to_act":
                return Step(**common, role=self.enum(d, "role", path, ROLES) if "role" in d else None)
            case "collective":
                parts = []
                lst = self.typed(d.get("participants", []), path + ("participants",), list,
                                 "a list of participants") or []
                for i, p in enumerate(lst):
                    pp = path + ("participants", i)
                    pd = self.obj(p, pp, {"person", "position"}, {"dissent"})
                    if pd is not None:
                        parts.append(Participant(self.string(pd, "person", pp),
                                                 self.enum(pd, "position", pp, POSITIONS),
                                                 self.flag(pd, "dissent", pp)))
                return Step(**common, opinion=self.string(d, "opinion", path),
                            correct=self.flag(d, "correct", path), participants=tuple(parts))
            case "superior_change":
                sd = self.obj(d.get("staff", {}), path + ("staff",), set(), set(ROLES)) or {}
                staff = []
                for role in ROLES:
                    ids = self.typed(sd.get(role, []), path + ("staff", role), list,
                                     "a list of person ids") or []
                    staff.append((role, tuple(i for i in ids if isinstance(i, str))))
                return Step(**common, agency=self.string(d, "agency", path),
                            of=self.string(d, "of", path), opinion=self.string(d, "opinion", path),
                            correct=self.flag(d, "correct", path), staff=tuple(staff))
            case "superior_order":
                return Step(**common, superior=self.string(d, "superior", path),
                            opinion=self.string(d, "opinion", path),
                            correct=self.flag(d, "correct", path))
        raise AssertionError(kind)

    def circumstances(self, v, path) -> tuple:
        d = self.typed(v, path, dict, "an object: party id → list of Art. 19/20 items")
        out = []
        for party in sorted(d or {}):
            out.append((party, self.refs(d, party, path, _CIRC,
                                         "an item of Art. 19 (19.1–19.5), Art. 20 (20.1–20.8) "
                                         "or 19.2-no-loss")))
        return tuple(out)


def _kind(v) -> str:
    if v is None:
        return "null"
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string",
            list: "a list", dict: "an object"}.get(type(v), type(v).__name__)


def case_from_json(doc, spans: dict, file: str) -> Case:
    return _Reader(file, spans).case(doc)


def case_to_json(case: Case) -> dict:
    """The zhifa-case/1 document for ``case`` (fields in ORACLE.md's order)."""
    out: dict = {"format": FORMAT, "id": case.id}
    if case.title is not None:
        out["title"] = case.title
    out["agencies"] = [{"id": a.id, "name": a.name, **({"superior": a.superior} if a.superior else {})}
                       for a in case.agencies]
    out["persons"] = [{"id": p.id, "name": p.name, "agency": p.agency} for p in case.persons]
    act = case.act
    out["act"] = {"agencies": list(act.agencies), "lead": act.lead, "kind": act.kind,
                  "approval_required": act.approval_required, "faults": list(act.faults),
                  "exemptions": list(act.exemptions)}
    out["chain"] = [_step_json(s) for s in case.chain]
    if case.circumstances:
        out["circumstances"] = {p: list(items) for p, items in case.circumstances}
    return out


def _step_json(s: Step) -> dict:
    d: dict = {"step": s.kind}
    if s.by is not None:
        d["by"] = s.by
    match s.kind:
        case "draft" | "decide":
            d["opinion"], d["correct"] = s.opinion, s.correct
            if s.skipped:
                d["skipped"] = list(s.skipped)
        case "review" | "approve":
            d["of"], d["action"] = s.of, s.action
            if s.action != "pass":
                d["opinion"], d["correct"] = s.opinion, s.correct
        case "execute":
            d["of"] = s.of
        case "fail_to_act":
            if s.role:
                d["role"] = s.role
        case "collective":
            d["participants"] = [{"person": p.person, "position": p.position,
                                  **({"dissent": True} if p.dissent else {})} for p in s.participants]
            d["opinion"], d["correct"] = s.opinion, s.correct
        case "superior_change":
            d["agency"], d["of"] = s.agency, s.of
            d["opinion"], d["correct"] = s.opinion, s.correct
            d["staff"] = {role: list(ids) for role, ids in s.staff if ids}
        case "superior_order":
            d["superior"], d["opinion"], d["correct"] = s.superior, s.opinion, s.correct
    for f in STEP_FLAGS[s.kind]:
        if f in s.flags:
            d[f] = True
    return d

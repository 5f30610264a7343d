"""The spec against its source: every provision of Arts 6–21 and 27–33 is
formalised or listed with a reason; every quoted text is verbatim; every rule
sits beside the text it formalises; the committed traceability table is current."""

import re
from pathlib import Path

import pytest

from zhifa_logic.model.citation import Citation, cn_to_int
from zhifa_logic.model.loader import load_ruleset
from zhifa_logic.render.trace import trace_table

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "spec" / "source" / "changzhou-measures-2008.zh.md"
SHARED = ROOT.parent / "shared" / "seed"
RS = load_ruleset()
OWN = RS.name


def source_articles() -> dict[int, dict]:
    body = SOURCE.read_text(encoding="utf-8").split("# 常州市行政执法过错责任追究办法", 1)[1]
    arts: dict[int, dict] = {}
    current = None
    for line in body.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        m = re.match(r"^第([一二三四五六七八九十]+)条 (.*)$", line)
        if m:
            current = cn_to_int(m[1])
            arts[current] = {"paras": [m[2]], "items": {}, "pieces": [m[2]]}
            continue
        m = re.match(r"^- （([一二三四五六七八九十]+)）(.*)$", line)
        if m:
            arts[current]["items"][cn_to_int(m[1])] = m[2]
        else:
            arts[current]["paras"].append(line)
        arts[current]["pieces"].append(m[2] if m else line)
    return arts


ARTS = source_articles()
IN_SCOPE = list(range(6, 22)) + list(range(27, 34))


def provisions():
    for a in IN_SCOPE:
        yield Citation(a, source=OWN)
        for i in ARTS[a]["items"]:
            yield Citation(a, item=i, source=OWN)
        for p in range(2, len(ARTS[a]["paras"]) + 1):
            yield Citation(a, paragraph=p, source=OWN)


def covered(c: Citation) -> bool:
    rule = any(c.contains(cl.citation) or (cl.via and c.contains(cl.via)) or
               cl.citation.contains(c) for cl in RS.clauses.values())
    listed = any(u.citation.contains(c) for u in RS.unformalised)
    return rule or listed


@pytest.mark.parametrize("citation", list(provisions()), ids=lambda c: c.en())
def test_every_provision_is_formalised_or_listed_with_a_reason(citation):
    assert covered(citation), f"{citation.zh()} is neither formalised nor listed"


def test_reasons_are_given():
    assert all(len(u.reason) > 20 for u in RS.unformalised)


def expected_texts(c: Citation) -> list[str]:
    art = ARTS[c.article]
    if c.item is not None:
        return [art["items"][c.item]]
    if c.paragraph is not None:
        return [art["paras"][c.paragraph - 1]]
    return [art["paras"][0], "".join(art["pieces"])]


@pytest.mark.parametrize("citation", [c for c in RS.texts if c.source == OWN], ids=lambda c: c.en())
def test_quoted_text_is_verbatim(citation):
    assert RS.texts[citation].zh in expected_texts(citation)
    assert RS.texts[citation].en, "every provision carries our English rendering"


def test_civil_servant_law_text_is_verbatim():
    csl = [t for c, t in RS.texts.items() if c.source == "csl"]
    source = (ROOT / "spec" / "source" / "civil-servant-law-art54.zh.md").read_text(encoding="utf-8")
    assert len(csl) == 1 and csl[0].zh in source


@pytest.mark.parametrize("key", sorted(RS.clauses))
def test_every_rule_sits_beside_its_text(key):
    cl = RS.clauses[key]
    c = cl.citation
    assert any(t.contains(c) for t in RS.texts), f"{key} has no text"


def test_the_committed_traceability_table_is_current():
    committed = (ROOT / "spec" / "TRACEABILITY.md").read_text(encoding="utf-8")
    assert committed == trace_table(RS, "zh"), "run `make trace`"
    assert "未处理" not in committed


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared seed folder is not beside this checkout")
def test_the_vendored_sources_equal_the_seed():
    for name in ("changzhou-measures-2008.zh.md", "civil-servant-law-art54.zh.md"):
        assert (ROOT / "spec" / "source" / name).read_bytes() == (SHARED / name).read_bytes()

"""Every example case gets exactly its expected verdict, in JSON and DSL form,
and both files validate against the committed JSON Schemas."""

import json
from pathlib import Path

import jsonschema
import pytest

from zhifa_logic.model.case_json import case_to_json
from zhifa_logic.model.loader import load_document
from zhifa_logic.render.case_dsl import case_to_dsl
from tests.helpers import verdict

ROOT = Path(__file__).resolve().parents[1]
CASES = sorted(p for p in (ROOT / "examples" / "cases").glob("*.json")
               if not p.name.endswith(".verdict.json"))
SCHEMA = ROOT / "spec" / "schema"


def schema(name):
    return json.loads((SCHEMA / name).read_text(encoding="utf-8"))


def test_there_are_enough_examples():
    assert len(CASES) >= 20


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_example_gets_its_expected_verdict(path):
    expected = json.loads(path.with_name(path.stem + ".verdict.json").read_text(encoding="utf-8"))
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert verdict(doc) == expected


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_example_in_dsl_gets_the_same_verdict(path):
    case = load_document(str(path))
    for lang in ("zh", "en"):
        again = load_document(f"{path.stem}.zl", case_to_dsl(case, lang))
        assert verdict(case_to_json(again)) == verdict(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_example_files_match_the_schemas(path):
    jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema("case.schema.json"))
    jsonschema.validate(json.loads(path.with_name(path.stem + ".verdict.json").read_text(encoding="utf-8")),
                        schema("verdict.schema.json"))

"""The command line: exit statuses, stdin, languages, and no tracebacks on
bad input — typos, unknown names, wrong types, truncated files, junk."""

import io
import json
import subprocess
import sys

import pytest
from hypothesis import given, strategies as st

from zhifa_logic.cli import main
from tests.helpers import DRAFT_WRONG, EXEC, approve, case_doc, review

DOC = case_doc([DRAFT_WRONG, review(should_have_detected=True), approve(), EXEC])


def run(argv, capsys, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def case_file(tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(DOC, ensure_ascii=False), encoding="utf-8")
    return path


def test_decide_json_is_the_verdict_document(case_file, capsys):
    status, out, _ = run(["decide", "--json", str(case_file)], capsys)
    assert status == 0
    v = json.loads(out)
    assert v["format"] == "zhifa-verdict/1" and v["outcome"] == "liable"


def test_decide_is_byte_for_byte_repeatable(case_file, capsys):
    first = run(["decide", "--json", str(case_file)], capsys)[1]
    second = run(["decide", "--json", str(case_file)], capsys)[1]
    assert first == second


def test_decide_reads_stdin(capsys, monkeypatch):
    data = json.dumps(DOC).encode()
    status, out, _ = run(["decide", "--json", "-"], capsys, data, monkeypatch)
    assert status == 0 and json.loads(out)["case"] == "t"


def test_text_output_in_both_languages(case_file, capsys):
    zh = run(["decide", str(case_file)], capsys)[1]
    en = run(["decide", "--lang", "en", str(case_file)], capsys)[1]
    assert "第十一条第（四）项" in zh and "按责任大小" in zh
    assert "Art. 11(4)" in en and "by degree" in en


def test_english_keyword_case_defaults_to_english(tmp_path, capsys):
    path = tmp_path / "c.zl"
    path.write_text("case c\nagency CG \"City\"\nperson h \"H\" in CG\n"
                    "act { agencies CG kind penalty no-approval-required faults Art. 6(3) }\n"
                    "chain { h drafts o1 wrong  h executes o1 }\n", encoding="utf-8")
    status, out, _ = run(["decide", str(path)], capsys)
    assert status == 0 and "Art. 10" in out and "outcome: liable" in out


def test_unknown_reading_is_bad_input_with_a_suggestion(case_file, capsys):
    status, _, err = run(["decide", "--reading", "art11-4-bearer=all-three", str(case_file)], capsys)
    assert status == 2 and "did you mean `art11-4-bearers`" in err


def test_unknown_person_names_the_step_and_suggests(tmp_path, capsys):
    doc = json.loads(json.dumps(DOC))
    doc["chain"][1]["by"] = "rr"
    doc["persons"].append({"id": "张三", "name": "张三", "agency": "CG"})
    doc["chain"][2]["by"] = "张叁"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    status, _, err = run(["decide", str(path)], capsys)
    assert status == 2
    assert "step 1 (review): unknown person `rr`" in err
    assert "unknown person `张叁`" in err and "did you mean `张三`" in err
    assert f"{path}:" in err and "^" in err


def test_opinion_used_before_it_is_made(tmp_path, capsys):
    doc = case_doc([{"step": "review", "by": "r", "of": "o1", "action": "pass"},
                    {"step": "draft", "by": "h", "opinion": "o1", "correct": False}])
    path = tmp_path / "order.json"
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    status, _, err = run(["decide", str(path)], capsys)
    assert status == 2 and "opinion `o1` is used before it is made (step 1 makes it)" in err


def test_wrong_type_is_named_with_its_field(tmp_path, capsys):
    doc = json.loads(json.dumps(DOC))
    doc["act"]["approval_required"] = "yes"
    path = tmp_path / "type.json"
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    status, _, err = run(["decide", str(path)], capsys)
    assert status == 2 and "act.approval_required" in err and "true or false" in err
    line = next(i for i, t in enumerate(path.read_text().splitlines(), 1) if '"yes"' in t)
    assert f"{path}:{line}:" in err


def test_truncated_json(tmp_path, capsys):
    path = tmp_path / "cut.json"
    path.write_text(json.dumps(DOC, ensure_ascii=False, indent=2)[:200], encoding="utf-8")
    status, _, err = run(["decide", str(path)], capsys)
    assert status == 2 and "ends too early" in err


def test_binary_junk(tmp_path, capsys):
    path = tmp_path / "junk.json"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    status, _, err = run(["decide", str(path)], capsys)
    assert status == 2 and "not UTF-8" in err


def test_missing_file(capsys):
    status, _, err = run(["decide", "/nonexistent/case.json"], capsys)
    assert status == 2 and "no such file" in err


def test_usage_error_is_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["decide"])
    assert exc.value.code == 2


def test_convert_round_trip_through_files(case_file, tmp_path, capsys):
    zl = tmp_path / "case.zl"
    assert run(["convert", str(case_file), "-o", str(zl)], capsys)[0] == 0
    assert zl.read_text(encoding="utf-8").startswith("案件 t")
    status, out, _ = run(["convert", str(zl)], capsys)
    assert status == 0 and json.loads(out) == json.loads(json.dumps(DOC)) | {
        "act": DOC["act"]}


def test_rules_summary_lists_articles_and_readings(capsys):
    status, out, _ = run(["rules", "--lang", "en"], capsys)
    assert status == 0 and "Art. 11(11)" in out and "art11-3-vs-4: both | fraud-prevails" in out


def test_console_script_prints_no_traceback_on_junk(tmp_path):
    path = tmp_path / "junk.zl"
    path.write_text("规则集 x\n规则 第十条 如果 存在 承办人 满足 直接作出 那么 承办人 承担 全部\n",
                    encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "zhifa_logic.cli", "rules", str(path)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and f"{path}:2:" in proc.stderr


@given(st.binary(max_size=300))
def test_arbitrary_bytes_are_refused_cleanly(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "x.json"
    path.write_bytes(data)
    assert main(["decide", str(path)]) in (0, 2)


@given(st.data())
def test_mutated_case_files_are_refused_cleanly(tmp_path_factory, data):
    text = json.dumps(DOC, ensure_ascii=False, indent=1)
    i = data.draw(st.integers(0, len(text) - 1))
    j = data.draw(st.integers(i, min(len(text), i + 12)))
    junk = data.draw(st.text(max_size=6))
    path = tmp_path_factory.mktemp("mut") / "m.json"
    path.write_text(text[:i] + junk + text[j:], encoding="utf-8")
    for suffix in (".json", ".zl"):
        target = path.with_suffix(suffix)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        assert main(["decide", str(target)]) in (0, 1, 2)

"""``zhifa check`` from the command line: exit status, JSON shape, witness
files that ``zhifa decide`` reproduces."""

import json

from zhifa_logic.cli import main

SMALL = ["--persons", "3", "--steps", "3", "--agencies", "1", "--max-gaps", "3"]


def test_check_reports_findings_with_exit_1_and_writes_witnesses(tmp_path, capsys):
    status = main(["check", *SMALL, "--json", "--witness-dir", str(tmp_path)])
    out = json.loads(capsys.readouterr().out)
    assert status == 1
    assert out["format"] == "zhifa-check/1" and out["bound"].startswith("persons ≤ 3")
    kinds = {f["kind"] for f in out["findings"]}
    assert {"conflict", "gap"} <= kinds
    # --max-gaps 3 stops the gap search: the report says the list may go on
    assert sum(f["kind"] == "gap" for f in out["findings"]) == 3 and out["gaps_complete"] is False
    c = next(f for f in out["findings"] if f["kind"] == "conflict"
             and [x["ref"] for x in f["clauses"]] == ["11.3", "11.4"])
    assert c["clauses"][0]["zh"] == "第十一条第（三）项" and c["clauses"][0]["line"] > 0
    name = c["witness_name"]
    assert (tmp_path / f"{name}.zl").read_text(encoding="utf-8").startswith("案件 ")
    assert main(["decide", "--json", str(tmp_path / f"{name}.json")]) == 0
    v = json.loads(capsys.readouterr().out)
    assert any({"11.3", "11.4"} <= set(x["clauses"]) for x in v["conflicts"])
    assert main(["decide", "--json", str(tmp_path / f"{name}.zl")]) == 0
    assert json.loads(capsys.readouterr().out)["conflicts"] == v["conflicts"]


def test_check_text_in_english_names_the_bound(capsys):
    main(["check", *SMALL, "--lang", "en"])
    out = capsys.readouterr().out
    assert "bound: persons ≤ 3, steps ≤ 3, deciding agencies ≤ 1" in out
    assert "conflicting overlap" in out and "Art. 11(3) ⟂ Art. 11(4)" in out
    assert "The gap list stopped at 3; there may be more: --max-gaps raises the limit." in out


def test_check_refuses_a_silly_bound(capsys):
    assert main(["check", "--persons", "0"]) == 2
    assert "--persons must be between 1 and 12" in capsys.readouterr().err
    assert main(["check", "--max-differences", "0"]) == 2
    assert "--max-differences must be at least 1" in capsys.readouterr().err
    assert main(["check", "--max-gaps", "-1"]) == 2
    assert "--max-gaps must be at least 1" in capsys.readouterr().err


def test_sarif_points_at_the_rule_lines(capsys):
    from pathlib import Path
    main(["check", *SMALL, "--sarif"])
    doc = json.loads(capsys.readouterr().out)
    assert doc["version"] == "2.1.0"
    run = doc["runs"][0]
    assert run["tool"]["driver"]["name"] == "zhifa-logic"
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    result = next(r for r in run["results"] if r["properties"]["clauses"] == ["11.3", "11.4"])
    assert result["ruleId"] == "conflict" and result["level"] == "error"
    assert ids[result["ruleIndex"]] == "conflict"
    loc = result["locations"][0]["physicalLocation"]
    uri = loc["artifactLocation"]["uri"]
    if uri.startswith("file:"):
        from urllib.parse import unquote, urlparse
        uri = unquote(urlparse(uri).path)
    text = Path(uri).read_text(encoding="utf-8").splitlines()
    assert text[loc["region"]["startLine"] - 1].startswith("规则 第十一条第（三）项")
    related = result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"]
    assert text[related - 1].startswith("规则 第十一条第（四）项")


def test_max_differences_cuts_a_class_and_the_report_says_so(capsys):
    from pathlib import Path
    local = str(Path(__file__).resolve().parents[2] / "examples" / "local" / "wujin-shishi-xize.zl")
    args = ["check", local, "--against", "changzhou-2008", *SMALL, "--max-differences", "1"]
    assert main([*args, "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    per = {k: sum(f["kind"] == k for f in out["findings"]) for k in ("contradicts", "narrows", "widens")}
    assert max(per.values()) == 1
    assert out["differences_cut"] and all(per[k] == 1 for k in out["differences_cut"] if k in per)
    main([*args, "--lang", "en"])
    assert "The list of differences stopped at its limit for: " in capsys.readouterr().out
    # without the cut, no class is reported cut, and the field is absent
    assert main(["check", local, "--against", "changzhou-2008", *SMALL, "--json"]) == 1
    full = json.loads(capsys.readouterr().out)
    assert "differences_cut" not in full
    assert sum(f["kind"] in per for f in full["findings"]) > sum(per.values())

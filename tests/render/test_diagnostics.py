"""Diagnostics: file:line:col, the line, a caret under the offending text —
measured in display columns, so it stays under 张叁 — then expected/suggestion."""

from zhifa_logic.errors import Diagnostic
from zhifa_logic.render.diagnostics import render_diagnostic
from zhifa_logic.source import SourceFile, Span, display_width


def test_display_width_counts_wide_characters_twice():
    assert display_width("张三") == 4 and display_width("ab") == 2 and display_width("（一）") == 6


def test_caret_sits_under_a_chinese_name():
    src = SourceFile("c.zl", "人员 甲 属于 局\n  张叁 拟办 意见一 错误\n")
    d = Diagnostic("unknown person `张叁`", Span("c.zl", 2, 3, 2, 5), suggestion="did you mean `张三`?")
    out = render_diagnostic(d, {"c.zl": src}).splitlines()
    assert out[0] == "c.zl:2:3: error: unknown person `张叁`"
    line, caret = out[1], out[2]
    assert caret.index("^") == display_width(line[: line.index("张叁")])
    assert caret.count("^") == 4
    assert out[3] == "  suggestion: did you mean `张三`?"


def test_caret_after_mixed_text():
    src = SourceFile("m.zl", "  李四 审核 o1 同意 should\n")
    d = Diagnostic("x", Span("m.zl", 1, 12, 1, 14))
    line, caret = render_diagnostic(d, {"m.zl": src}).splitlines()[1:3]
    assert caret.index("^") == display_width(line[: line.index("同意")])


def test_chinese_labels():
    d = Diagnostic("缺少", None, expected="`拟办`")
    assert render_diagnostic(d, {}, "zh").splitlines() == ["错误: 缺少", "  应为: `拟办`"]

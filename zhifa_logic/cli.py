"""The command line — the only place that prints. Exit statuses:
0 ok · 1 findings · 2 bad input · 3 solver unknown · 70 internal error."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .errors import Diagnostic, InputError, ZhifaError
from .model.case_json import case_to_json
from .model.loader import load_case, load_ruleset, load_ruleset_ref, read_text
from .model import vocabulary as voc
from .encode.chain import Bound
from .reason.report import check
from .reason.decide import decide
from .reason.prepare import prepare, select_readings
from .render.case_dsl import case_to_dsl
from .render.check_report import json_report, numbered, text_report, witness_name
from .render.diagnostics import render_diagnostic
from .render.findings_doc import Comments, findings_doc
from .render.sarif import sarif_report
from .render.summary import ruleset_summary
from .render.trace import trace_table
from .render.verdict_json import dumps, verdict_to_json
from .render.verdict_text import verdict_text
from .source import SourceFile

EXIT_INTERNAL = 70


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors are bad input: exit 2, no traceback
        self.print_usage(sys.stderr)
        print(f"zhifa: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="zhifa", description="常州市行政执法过错责任追究办法 — formal model and oracle")
    p.add_argument("--version", action="version", version=f"zhifa-logic {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    d = sub.add_parser("decide", help="who bears liability in a case (zhifa-case/1 JSON or .zl)")
    d.add_argument("case", help="a .json or .zl case file, or - for standard input")
    d.add_argument("--rules", help="a rule set (.zl); default: the embedded Measures")
    d.add_argument("--reading", action="append", default=[], metavar="NAME=OPTION",
                   help="switch a named reading (repeatable)")
    d.add_argument("--json", action="store_true", help="print zhifa-verdict/1")
    d.add_argument("--lang", choices=("zh", "en"), help="language of the table (default: zh "
                   "for Chinese-keyword input and JSON, en for English-keyword input)")
    d.add_argument("--rlimit", type=int, default=None, help="Z3 resource limit (deterministic)")

    c = sub.add_parser("convert", help="a case from JSON to DSL or back")
    c.add_argument("case", help="a .json or .zl case file, or - for standard input")
    c.add_argument("--to", choices=("json", "zl"), help="target form (default: the other one)")
    c.add_argument("--lang", choices=("zh", "en"), default="zh", help="keywords of DSL output")
    c.add_argument("-o", "--output", help="write here instead of standard output")

    r = sub.add_parser("rules", help="summary of a rule set (default: the embedded Measures)")
    r.add_argument("ruleset", nargs="?")
    r.add_argument("--lang", choices=("zh", "en"), default="zh")
    r.add_argument("--trace", action="store_true",
                   help="print the traceability table (Markdown) instead of the summary")

    k = sub.add_parser("check", help="overlaps, gaps, dead and redundant clauses of a rule set, "
                       "each with a witness case")
    k.add_argument("ruleset", nargs="?", help="a rule set (.zl); default: the embedded Measures")
    k.add_argument("--reading", action="append", default=[], metavar="NAME=OPTION")
    k.add_argument("--against", metavar="BASE", help="also report every difference from BASE "
                   "(a .zl file or a built-in name such as changzhou-2008)")
    k.add_argument("--persons", type=int, default=Bound.persons, help="persons in a case (bound)")
    k.add_argument("--steps", type=int, default=Bound.steps, help="steps in a chain (bound)")
    k.add_argument("--agencies", type=int, default=Bound.agencies, help="deciding agencies (bound)")
    k.add_argument("--max-gaps", type=int, default=100, help="gaps to report at most")
    k.add_argument("--max-differences", type=int, default=100,
                   help="with --against: differences of each class to report at most")
    k.add_argument("--json", action="store_true", help="print the zhifa-check/1 document")
    k.add_argument("--sarif", action="store_true", help="print SARIF 2.1.0 (for editors and CI)")
    k.add_argument("--markdown", action="store_true",
                   help="print a Markdown findings document (with --comments)")
    k.add_argument("--comments", help="a JSON file of legal comments matched to the findings")
    k.add_argument("--lang", choices=("zh", "en"), default="zh")
    k.add_argument("--witness-dir", help="write every witness there as .json and .zl")
    k.add_argument("--rlimit", type=int, default=None, help="Z3 resource limit per query")

    v = sub.add_parser("vocabulary", help="the roles and facts rules may use")
    v.add_argument("--lang", choices=("zh", "en"), default="zh")
    return p


def _stdin_or(path: str) -> str | None:
    return read_text("<stdin>", sys.stdin.buffer.read()) if path == "-" else None


def _lang_of(text: str | None, path: str) -> str:
    if path.endswith(".json"):
        return "zh"
    if text is None:
        text = read_text(path)
    head = text.lstrip().split(None, 1)[:1]
    return "en" if head and head[0].isascii() else "zh"


def cmd_decide(args) -> int:
    text = _stdin_or(args.case)
    case = load_case(args.case, text)
    rs = load_ruleset(args.rules)
    readings = select_readings(rs, args.reading)
    facts, findings = prepare(case, rs)
    kw = {"rlimit": args.rlimit} if args.rlimit else {}
    verdict = decide(case.id, rs, facts, findings, readings, **kw)
    if args.json:
        sys.stdout.write(dumps(verdict_to_json(verdict)))
    else:
        lang = args.lang or ("zh" if args.case == "-" and text and text.lstrip().startswith("{")
                             else _lang_of(text, args.case))
        sys.stdout.write(verdict_text(verdict, case, rs, lang))
    return 0


def cmd_convert(args) -> int:
    text = _stdin_or(args.case)
    case = load_case(args.case, text)
    is_json = args.case.endswith(".json") or (args.case == "-" and text.lstrip().startswith("{"))
    target = args.to or ("zl" if is_json else "json")
    try:
        out = dumps(case_to_json(case)) if target == "json" else case_to_dsl(case, args.lang)
    except ValueError as exc:
        raise InputError(Diagnostic(str(exc))) from None
    if args.output:
        Path(args.output).write_text(out, encoding="utf-8")
    else:
        sys.stdout.write(out)
    return 0


def cmd_rules(args) -> int:
    rs = load_ruleset(args.ruleset)
    sys.stdout.write(trace_table(rs, args.lang) if args.trace else ruleset_summary(rs, args.lang))
    return 0


def cmd_check(args) -> int:
    rs = load_ruleset(args.ruleset)
    readings = select_readings(rs, args.reading)
    for name in ("persons", "steps", "agencies"):
        if not 1 <= getattr(args, name) <= 12:
            raise InputError(Diagnostic(f"--{name} must be between 1 and 12"))
    for name in ("max_gaps", "max_differences"):
        if getattr(args, name) < 1:
            flag = "--" + name.replace("_", "-")
            raise InputError(Diagnostic(f"{flag} must be at least 1",
                                        suggestion=f"leave {flag} out for its default"))
    bound = Bound(args.persons, args.steps, args.agencies)
    kw = {"rlimit": args.rlimit} if args.rlimit else {}
    against = load_ruleset_ref(args.against, ".") if args.against else None
    report = check(rs, readings, bound, max_gaps=args.max_gaps, against=against,
                   max_differences=args.max_differences, **kw)
    if args.witness_dir:
        folder = Path(args.witness_dir)
        folder.mkdir(parents=True, exist_ok=True)
        for n, f in numbered(report):
            if f.witness is not None:
                name = witness_name(rs, f, n)
                doc = dict(f.witness, id=name)
                (folder / f"{name}.json").write_text(dumps(doc), encoding="utf-8")
                case = load_case(f"{name}.json", dumps(doc))
                (folder / f"{name}.zl").write_text(case_to_dsl(case, args.lang), encoding="utf-8")
    if args.markdown:
        command = "zhifa check" + (f" {args.ruleset}" if args.ruleset else "") + \
            (f" --comments {args.comments}" if args.comments else "") + " --markdown"
        sys.stdout.write(findings_doc(report, rs, Comments(args.comments), command))
    elif args.sarif:
        sys.stdout.write(dumps(sarif_report(report, rs)))
    elif args.json:
        sys.stdout.write(dumps(json_report(report, rs)))
    else:
        sys.stdout.write(text_report(report, rs, args.lang))
    serious = any(f.kind not in ("overlap", "shadowed") for f in report.findings)
    return 1 if serious else 0


def cmd_vocabulary(args) -> int:
    for w in voc.WORDS.values():
        spelled = w.zh if args.lang == "zh" else w.name.replace("_", "-")
        other = w.name.replace("_", "-") if args.lang == "zh" else w.zh
        sys.stdout.write(f"{spelled}\t{other}\t{w.domain} {w.kind}\t{w.gloss}\n")
    return 0


def _sources(diags: list[Diagnostic], stdin_text: str | None) -> dict[str, SourceFile]:
    out = {}
    for d in diags:
        if d.span and d.span.file not in out:
            if d.span.file in ("-", "<stdin>") and stdin_text is not None:
                out[d.span.file] = SourceFile(d.span.file, stdin_text)
            else:
                try:
                    out[d.span.file] = SourceFile(d.span.file, Path(d.span.file).read_text("utf-8"))
                except (OSError, UnicodeDecodeError):
                    pass
    return out


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handler = {"decide": cmd_decide, "convert": cmd_convert, "rules": cmd_rules,
               "check": cmd_check, "vocabulary": cmd_vocabulary}[args.command]
    stdin_cache: list[str] = []
    if getattr(args, "case", None) == "-":
        data = sys.stdin.buffer.read()
        try:
            stdin_cache.append(read_text("-", data))
        except ZhifaError as exc:
            return _report(exc, None, getattr(args, "lang", None))
        sys.stdin = _Replay(stdin_cache[0])  # type: ignore[assignment]
    try:
        return handler(args)
    except ZhifaError as exc:
        return _report(exc, stdin_cache[0] if stdin_cache else None, getattr(args, "lang", None))
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: say so plainly, never a traceback
        if os.environ.get("ZHIFA_DEBUG"):
            raise
        print(f"zhifa: internal error ({type(exc).__name__}: {exc}); please report it with the "
              "input that caused it", file=sys.stderr)
        return EXIT_INTERNAL


def _report(exc: ZhifaError, stdin_text: str | None, lang: str | None) -> int:
    sources = _sources(exc.diagnostics, stdin_text)
    for d in exc.diagnostics:
        print(render_diagnostic(d, sources, lang or "en"), file=sys.stderr)
    return exc.exit_status


class _Replay:
    """Standard input already read (so that diagnostics can quote it)."""

    def __init__(self, text: str):
        self.buffer = _Bytes(text.encode("utf-8"))


class _Bytes:
    def __init__(self, data: bytes):
        self.data = data

    def read(self) -> bytes:
        return self.data


if __name__ == "__main__":
    raise SystemExit(main())

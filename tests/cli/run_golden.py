#!/usr/bin/env python3
"""Runs the real careerplan binary for every case in cases.json and compares its stdout, stderr
and exit status with the golden files in golden/. A missing golden file is a failure.

    run_golden.py BINARY            check every case
    run_golden.py BINARY --update   rewrite the golden files (review their diff like code)
    run_golden.py BINARY -k NAME    only the cases whose name contains NAME

Each case says which data it runs on ("data"):

- "fixture": the made-up catalog of tests/fixtures/catalog (three roles, their skills and
  sources, labelled as test fixtures), alone: the case runs as
  `careerplan --no-bundled --data-dir fixture ARGS`, with a copy of the catalog in the case's
  directory. Every rendering case is one (every command and format, wrapping, colour, CSV,
  Markdown, errors), so an edit of the real data changes none of them.
- "bundled": the catalog built into the program. Only the contract cases, which show the real
  data as it is: show-mle (the real ML-engineer profile), salary-national (its pay beside
  BLS's), sources-role-json (its real sources), gap-example (the real example assessment
  against it), assess-example-stdout (the bundled example itself), validate and
  validate-example-assessment (the bundled catalog and example are valid).
- "given": the case's own arguments choose the data (the cases of --no-bundled itself).

Measured on 2026-12-02: with one ML-engineer skill weight changed (python 0.95 -> 0.9, in a
scratch build, not committed), 39 of the 454 golden files changed when every case ran on the
bundled data (issue 21 counted 73 for its edit); with the cases split as above, 2 of 452 do
(show-mle.stdout and gap-example.stdout, both contract cases).
"""
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(HERE)
ROOT = os.path.dirname(TESTS)
FIXTURE = os.path.join(TESTS, "fixtures", "catalog")
DATA = ("fixture", "bundled", "given")


def run_case(binary, case, tmp):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": tmp,
        "XDG_CONFIG_HOME": os.path.join(tmp, "config"),
        "XDG_DATA_HOME": os.path.join(tmp, "data"),
        "COLUMNS": "100",
        "NO_COLOR": "1",
        "LC_ALL": "C.UTF-8",
    }
    for k, v in case.get("env", {}).items():
        env[k] = v.replace("@ROOT@", ROOT).replace("@TMP@", tmp)
    for name, text in case.get("files", {}).items():
        path = os.path.join(tmp, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    args = [a.replace("@ROOT@", ROOT).replace("@TMP@", tmp) for a in shlex.split(case["args"])]
    if case["data"] == "fixture":
        # A copy under the case's own directory, named by a relative path: a path in the output
        # (show's file:, validate's list) is then the same, and wraps the same, in every checkout.
        shutil.copytree(FIXTURE, os.path.join(tmp, "fixture"))
        args = ["--no-bundled", "--data-dir", "fixture"] + args
    proc = subprocess.run([binary] + args, env=env, cwd=tmp, input=case.get("stdin", "").encode(),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)

    def clean(b):
        # Markdown output escapes '_' (and other marks) in a path with a backslash: undo both forms.
        def md(path):
            return "".join("\\" + c if c in "\\`*_[]<>|~!&" else c for c in path)
        text = b.decode("utf-8", "replace")
        for path, name in ((tmp, "@TMP@"), (ROOT, "@ROOT@")):
            text = text.replace(path, name).replace(md(path), name)
        return text

    return clean(proc.stdout), clean(proc.stderr), proc.returncode


def main():
    binary = os.path.abspath(sys.argv[1])
    update = "--update" in sys.argv
    only = sys.argv[sys.argv.index("-k") + 1] if "-k" in sys.argv else None
    with open(os.path.join(HERE, "cases.json"), encoding="utf-8") as f:
        cases = json.load(f)
    names = [c["name"] for c in cases]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        print("duplicate case names:", ", ".join(sorted(dupes)))
        return 1
    unsaid = [c["name"] for c in cases if c.get("data") not in DATA]
    if unsaid:
        print("cases that do not say which data they run on (\"data\": \"fixture\", \"bundled\" or \"given\"):",
              ", ".join(unsaid))
        return 1
    passed = failed = 0
    for case in cases:
        if only and only not in case["name"]:
            continue
        with tempfile.TemporaryDirectory(prefix="careerplan-test-") as tmp:
            tmp = os.path.realpath(tmp)
            out, err, status = run_case(binary, case, tmp)
        want_status = case.get("status", 0)
        base = os.path.join(HERE, "golden", case["name"])
        if update:
            with open(base + ".stdout", "w", encoding="utf-8", newline="") as f:
                f.write(out)
            with open(base + ".stderr", "w", encoding="utf-8", newline="") as f:
                f.write(err)
        problems = []
        if status != want_status:
            problems.append(f"exit status {status}, expected {want_status}")
        for suffix, got in ((".stdout", out), (".stderr", err)):
            try:
                with open(base + suffix, encoding="utf-8", newline="") as f:
                    want = f.read()
            except FileNotFoundError:
                problems.append(f"missing golden file {case['name']}{suffix} (run with --update)")
                continue
            if got != want:
                import difflib
                diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                                    "expected" + suffix, "actual" + suffix))
                problems.append(f"{suffix[1:]} differs:\n{diff}")
        if want_status != 0 and err.count("\n") > 1 and not case.get("multiline_stderr"):
            problems.append("an error must be one line on stderr")
        if problems:
            failed += 1
            print(f"FAIL {case['name']}: careerplan {case['args']}")
            for p in problems:
                print("  " + p.replace("\n", "\n  "))
        else:
            passed += 1
    print(f"golden: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

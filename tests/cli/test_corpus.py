#!/usr/bin/env python3
"""The bad-input corpus, run against the real binary: role profiles, the skill catalog and
assessments that are broken in every way we know, bad role ids, bad option values, odd files
(a 100 MB file, a directory, a FIFO, an unreadable file). Each case asserts the exit status
(1 I/O, 2 usage, 3 invalid data), exactly one line on stderr naming the file and JSON path where
there is one, nothing on stdout, and that the run ends well within its time limit.

usage: test_corpus.py BINARY"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = json.load(open(os.path.join(ROOT, "data", "examples", "backend-engineer.json"), encoding="utf-8"))
MLE = json.load(open(os.path.join(ROOT, "data", "roles", "machine-learning-engineer.json"), encoding="utf-8"))
SKILLS = json.load(open(os.path.join(ROOT, "data", "skills.json"), encoding="utf-8"))


def dump(doc):
    return json.dumps(doc, ensure_ascii=False).encode()


def with_(doc, mutate):
    d = json.loads(json.dumps(doc))
    mutate(d)
    return d


def setitem(path, value):
    def f(d):
        node = d
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return f


def delitem(path):
    def f(d):
        node = d
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]
    return f


# (name, content in bytes, status, text the message must contain)
BROKEN_JSON = [
    ("empty", b"", 3, "empty"),
    ("whitespace", b"  \n\t ", 3, "empty"),
    ("truncated", dump(EXAMPLE)[:40], 3, "line 1"),
    ("trailing-garbage", dump(EXAMPLE) + b" xyz", 3, "malformed JSON"),
    ("array", b"[1, 2, 3]", 3, ""),
    ("string", b"\"mle\"", 3, ""),
    ("number", b"42", 3, ""),
    ("null", b"null", 3, ""),
    ("bom", b"\xef\xbb\xbf" + dump(EXAMPLE), 3, "byte-order mark"),
    ("invalid-utf8", dump(EXAMPLE).replace(b"fictional", b"fict\xffional"), 3, "UTF-8"),
    ("duplicate-key", b'{"schema": "careerplan/assessment/v1", "schema": "careerplan/assessment/v1"}', 3, "duplicate key"),
    ("nan", dump(EXAMPLE).replace(b'"years_experience": 6', b'"years_experience": NaN'), 3, "malformed JSON"),
    ("infinity", dump(EXAMPLE).replace(b'"years_experience": 6', b'"years_experience": Infinity'), 3, "malformed JSON"),
    ("huge-number", dump(EXAMPLE).replace(b'"years_experience": 6', b'"years_experience": 1e99999'), 3, "too large"),
    ("comment", b"// note\n" + dump(EXAMPLE), 3, "malformed JSON"),
    ("deep-nesting", b"[" * 100000 + b"]" * 100000, 3, "nested more than 64 levels"),
    ("deep-nesting-in-field", dump(EXAMPLE).replace(b'"note":', b'"deep": ' + b"[" * 65 + b"]" * 65 + b', "note":'), 3,
     "nested more than 64 levels"),
]

ASSESSMENTS = [
    ("rating-negative", setitem(["ratings", "python"], -1), "/ratings/python"),
    ("rating-six", setitem(["ratings", "python"], 6), "/ratings/python"),
    ("rating-fraction", setitem(["ratings", "python"], 2.5), "/ratings/python"),
    ("rating-string", setitem(["ratings", "python"], "4"), "/ratings/python"),
    ("rating-null", setitem(["ratings", "python"], None), "/ratings/python"),
    ("rating-huge", setitem(["ratings", "python"], 1e308), "/ratings/python"),
    ("unknown-skill", setitem(["ratings", "pyhton"], 3), "/ratings/pyhton"),
    ("unknown-role", setitem(["target_role"], "ml-enginer"), "/target_role"),
    ("unknown-state", setitem(["location", "state"], "TZ"), "/location/state"),
    ("unknown-country", setitem(["location"], {"country": "XY"}), "/location/country"),
    ("negative-years", setitem(["years_experience"], -2), "/years_experience"),
    ("years-string", setitem(["years_experience"], "six"), "/years_experience"),
    ("negative-pay", setitem(["current_pay", "amount"], -1), "/current_pay/amount"),
    ("pay-basis", setitem(["current_pay", "basis"], "net"), "/current_pay/basis"),
    ("ratings-array", setitem(["ratings"], [4, 3]), "/ratings"),
    ("wrong-schema", setitem(["schema"], "careerplan/assessment/v9"), "/schema"),
    ("missing-schema", delitem(["schema"]), "/schema"),
    ("unknown-field", setitem(["ratingz"], {}), "/ratingz"),
    # A rating too large for a 64-bit integer is reported as written, not as a negative number.
    ("rating-huge-integer", setitem(["ratings", "python"], 18446744073709551615), "18446744073709551615"),
    ("rating-huge-negative", setitem(["ratings", "python"], -9223372036854775808), "-9223372036854775808"),
    # A NUL in a key does not cut the message short.
    ("key-with-nul", setitem(["ratings", "py\u0000thon-tail"], 3), "thon-tail"),
]

ROLES = [
    ("title-number", setitem(["title"], 5), "/title"),
    ("missing-title", delitem(["title"]), "/title"),
    ("skills-object", setitem(["skills"], {}), "/skills"),
    ("weight-too-big", setitem(["skills", 0, "weight"], 1.5), "/skills/0/weight"),
    ("weight-string", setitem(["skills", 0, "weight"], "high"), "/skills/0/weight"),
    ("unknown-skill", setitem(["skills", 5, "skill"], "comunication"), "/skills/5/skill"),
    ("duplicate-skill", lambda d: d["skills"].append(d["skills"][0]), "/skills/10/skill"),
    ("unknown-level", setitem(["skills", 0, "required", "wizard"], 3), "/skills/0/required/wizard"),
    ("level-out-of-scale", setitem(["skills", 0, "required", "mid"], 9), "/skills/0/required/mid"),
    ("figure-without-source", delitem(["salary", 0, "source"]), "/salary/0/source"),
    ("unknown-source", setitem(["salary", 0, "source"], "levels-fyi"), "/salary/0/source"),
    ("negative-salary", setitem(["salary", 0, "low"], -5), "/salary/0/low"),
    ("huge-salary", setitem(["salary", 0, "high"], 1e300), "/salary/0/high"),
    ("bad-state", setitem(["salary", 9, "state"], "ZZ"), "/salary/9/state"),
    ("bad-member", setitem(["adjustments", 0, "members", 0], "XX"), "/adjustments/0/members/0"),
    ("id-path", setitem(["id"], "../etc/passwd"), "/id"),
    ("duplicate-route", lambda d: d["routes"].append(d["routes"][0]), "/routes/6"),
    # Ids of every kind are plain ids: completion offers them to a shell, and messages print them.
    ("level-shell-command", setitem(["levels", 0], "$(touch /tmp/careerplan-pwned)"), "/levels/0"),
    ("level-backticks", setitem(["levels", 4], "`id`"), "/levels/4"),
    ("region-shell-command", setitem(["adjustments", 0, "region"], "$(id)"), "/adjustments/0/region"),
    ("region-of-figure", lambda d: d["salary"][0].update({"scope": "region", "region": "a;b"}), "/salary/0/region"),
    ("required-level-key", setitem(["skills", 0, "required", "x$(id)"], 3), "/skills/0/required/x$(id)"),
    ("ladder-level", setitem(["ladders", 0, "levels", 0, "level"], "entry level"), "/ladders/0/levels/0/level"),
    ("skill-ref-escape", setitem(["skills", 0, "skill"], "py\u001b[2J"), "/skills/0/skill"),
    ("alias-space", setitem(["aliases", 0], "ml engineer"), "/aliases/0"),
    ("source-ref-glob", setitem(["salary", 0, "source"], "*"), "/salary/0/source"),
    ("primary-ladder", setitem(["primary_ladder"], "../x"), "/primary_ladder"),
    ("scale-id", setitem(["scale"], "Proficiency"), "/scale"),
]

SKILL_CATALOGS = [
    ("skills-not-array", setitem(["skills"], "python"), "/skills"),
    ("skill-missing-name", delitem(["skills", 0, "name"]), "/skills/0/name"),
    ("duplicate-skill-id", lambda d: d["skills"].append(d["skills"][0]), "/skills/"),
    ("scale-backwards", setitem(["scales", 0, "max"], -1), "/scales/0"),
    ("skill-alias-shell", setitem(["skills", 0, "aliases"], ["$(id)"]), "/skills/0/aliases/0"),
    ("skill-alias-is-another-id", setitem(["skills", 1, "aliases"], ["python"]), "/skills/1/aliases/0"),
    # A user's skills.json beside the bundled one: a new skill may not take a bundled skill's names.
    ("user-alias-is-bundled-id", setitem(["skills"], [{"id": "snake-charming", "name": "Snake charming",
                                                        "category": "programming", "description": "x",
                                                        "aliases": ["python"]}]), "/skills/0/aliases/0"),
    ("user-alias-is-bundled-alias", setitem(["skills"], [{"id": "snake-charming", "name": "Snake charming",
                                                           "category": "programming", "description": "x",
                                                           "aliases": ["py"]}]), "/skills/0/aliases/0"),
    ("user-id-is-bundled-alias", setitem(["skills"], [{"id": "py", "name": "Py", "category": "programming",
                                                        "description": "x"}]), "/skills/0/id"),
]

BAD_ARGS = [
    ("role-path-traversal", ["show", "../etc/passwd"], 2, "unknown role"),
    ("role-absolute", ["show", "/etc/passwd"], 2, "unknown role"),
    ("role-control-char", ["show", "mle\x01x"], 2, "unknown role"),
    ("role-empty", ["show", ""], 2, ""),
    ("role-long", ["show", "x" * 10000], 2, "unknown role"),
    ("level-missing-value", ["gap", "mle", "--level"], 2, "--level"),
    ("level-unknown", ["salary", "mle", "--level", "wizard"], 2, "unknown level"),
    ("format-unknown", ["roles", "--format", "xml"], 2, "--format"),
    ("color-unknown", ["roles", "--color", "purple"], 2, "--color"),
    ("data-dir-missing-value", ["roles", "--data-dir"], 2, "--data-dir"),
    ("current-not-number", ["salary", "mle", "--current", "lots"], 2, "--current"),
    ("current-negative", ["salary", "mle", "--current", "-1"], 2, "--current"),
    ("state-unknown", ["salary", "mle", "--state", "ZZ"], 2, "unknown US state"),
    ("country-unknown", ["salary", "mle", "--country", "Atlantis"], 2, "unknown country"),
    ("state-and-country", ["salary", "mle", "--state", "CA", "--country", "DE"], 2, "cannot be used together"),
    ("set-without-equals", ["assess", "mle", "--set", "python", "--output", "-"], 2, "SKILL=N"),
    ("set-out-of-range", ["assess", "mle", "--set", "python=9", "--output", "-"], 2, "0 to 5"),
    ("set-unknown-skill", ["assess", "mle", "--set", "pyhton=3", "--output", "-"], 2, "pyhton"),
    ("years-negative", ["assess", "mle", "--years", "-3", "--output", "-"], 2, "--years"),
    # Numbers are plain decimals: never NaN, infinity, hexadecimal or an exponent (usage errors, exit 2).
    ("years-nan", ["assess", "mle", "--years", "nan", "--output", "-"], 2, "--years"),
    ("years-minus-nan", ["assess", "mle", "--years", "-nan", "--output", "-"], 2, "--years"),
    ("years-inf", ["assess", "mle", "--years", "inf", "--output", "-"], 2, "--years"),
    ("years-hex", ["assess", "mle", "--years", "0x10", "--output", "-"], 2, "--years"),
    ("years-hex-float", ["assess", "mle", "--years", "0x1p3", "--output", "-"], 2, "--years"),
    ("years-exponent", ["assess", "mle", "--years", "1e1", "--output", "-"], 2, "--years"),
    ("years-trailing-space", ["assess", "mle", "--years", "5 ", "--output", "-"], 2, "--years"),
    ("pay-nan", ["assess", "mle", "--pay", "NaN", "--output", "-"], 2, "--pay"),
    ("pay-infinity", ["assess", "mle", "--pay", "Infinity", "--output", "-"], 2, "--pay"),
    ("pay-overflow", ["assess", "mle", "--pay", "9" * 400, "--output", "-"], 2, "--pay"),
    ("current-nan", ["salary", "mle", "--current", "nan"], 2, "--current"),
    ("current-hex", ["salary", "mle", "--current", "0x10"], 2, "--current"),
    ("compare-one", ["compare", "mle"], 2, "two roles"),
    ("routes-from-unknown", ["routes", "mle", "--from", "astronaut"], 2, "unknown role"),
    ("unknown-command", ["frobnicate"], 2, "unknown command"),
]


OEWS_HEAD = b"AREA,AREA_TITLE,OCC_CODE,TOT_EMP,A_MEAN,A_MEDIAN\n"
# (name, content, text the message must contain)
OEWS_FILES = [
    ("empty", b"", "an empty file"),
    ("header-only", OEWS_HEAD, "a header but no rows"),
    ("other-layout", b"Area Type, Area, Area Name, Standard Occupational Code, Mean Wage\n1,36,New York,00-0000,5\n",
     "no OCC_CODE column"),
    ("bad-separators", OEWS_HEAD + b'99,U.S.,15-2051,"1,55",1,1\n', "row 2: TOT_EMP: '1,55'"),
    ("space-separated", OEWS_HEAD + b'99,U.S.,15-2051,12 000,1,1\n', "row 2: TOT_EMP"),
    ("symbol-in-code", OEWS_HEAD + b"99,U.S.,#,5,1,1\n", "row 2: OCC_CODE: '#'"),
    ("symbol-in-area", OEWS_HEAD + b"**,*,15-2051,5,1,1\n", "row 2: cannot tell which area"),
    ("text-in-number", OEWS_HEAD + b"99,U.S.,15-2051,5,n/a,1\n", "row 2: A_MEAN: 'n/a'"),
    ("negative", OEWS_HEAD + b"99,U.S.,15-2051,5,-1,1\n", "row 2: A_MEAN"),
    ("nan", OEWS_HEAD + b"99,U.S.,15-2051,5,nan,1\n", "row 2: A_MEAN"),
    ("open-quote", OEWS_HEAD + b'99,U.S.,15-2051,5,"1\n', "row 2: a quoted field that never ends"),
    ("invalid-utf8", OEWS_HEAD + b"99,U.S.,15-2051,5,1,\xff\n", "row 2: not UTF-8"),
    ("nul", OEWS_HEAD + b"99,U.S.,15-2051,5,1\x00,1\n", "NUL byte"),
    ("duplicate-column", b"AREA,OCC_CODE,A_MEAN,A_MEAN\n99,15-2051,1,1\n", "A_MEAN appears twice"),
    ("duplicate-row", OEWS_HEAD + b"99,U.S.,15-2051,5,1,1\n99,U.S.,15-2051,5,1,1\n", "row 3: 15-2051 in US"),
    ("unknown-state", b"AREA_TITLE,PRIM_STATE,AREA_TYPE,OCC_CODE,A_MEAN\nNowhere,ZZ,2,15-2051,1\n", "'ZZ' is not a US state"),
    ("titles-only-alone", b"AREA_TITLE,PRIM_STATE,OCC_TITLE,A_MEDIAN\nCalifornia,CA,Data Scientists,1\n",
     "no OCC_CODE column, and no file of May 2024 with codes"),
    ("bad-hourly-flag", b"AREA,OCC_CODE,A_MEAN,HOURLY\n99,15-2051,1,maybe\n", "HOURLY: 'MAYBE'"),
]


class Runner:
    def __init__(self, binary, tmp):
        self.binary = binary
        self.tmp = tmp
        self.passed = 0
        self.failed = 0

    def run(self, name, args, status, contains=(), timeout=20):
        env = {"PATH": "/usr/bin:/bin", "HOME": self.tmp, "XDG_CONFIG_HOME": os.path.join(self.tmp, "cfg"),
               "XDG_DATA_HOME": os.path.join(self.tmp, "share"), "LC_ALL": "C.UTF-8", "NO_COLOR": "1"}
        try:
            p = subprocess.run([self.binary] + args, env=env, cwd=self.tmp, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        except subprocess.TimeoutExpired:
            return self.fail(name, f"did not finish within {timeout} s")
        err = p.stderr.decode("utf-8", "replace")
        problems = []
        if p.returncode != status:
            problems.append(f"exit status {p.returncode}, expected {status}")
        if p.stdout:
            problems.append(f"wrote to stdout: {p.stdout[:80]!r}")
        if err.count("\n") != 1 or not err.startswith("careerplan: error: "):
            problems.append(f"stderr is not one 'careerplan: error:' line: {err[:200]!r}")
        for text in contains:
            if text not in err:
                problems.append(f"message lacks {text!r}: {err.strip()[:200]!r}")
        if problems:
            return self.fail(name, "; ".join(problems))
        self.passed += 1

    def fail(self, name, why):
        self.failed += 1
        print(f"FAIL {name}: {why}")


def write(path, content):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(content)
    return path


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        r = Runner(binary, tmp)
        n = 0

        def case_dir():
            nonlocal n
            n += 1
            return os.path.join(tmp, f"c{n}")

        # Broken JSON, as an assessment, as a role profile and as a skill catalog.
        for name, content, status, text in BROKEN_JSON:
            d = case_dir()
            a = write(os.path.join(d, "assessment.json"), content)
            r.run(f"assessment-{name}", ["gap", "--assessment", a], status, [a, text])
            role = write(os.path.join(d, "data", "roles", "x.json"), content)
            r.run(f"role-{name}", ["roles", "--data-dir", os.path.join(d, "data")], status, [role, text])
            skills = write(os.path.join(d, "sk", "skills.json"), content)
            r.run(f"skills-{name}", ["roles", "--data-dir", os.path.join(d, "sk")], status, [skills, text])

        for name, mutate, path in ASSESSMENTS:
            a = write(os.path.join(case_dir(), "a.json"), dump(with_(EXAMPLE, mutate)))
            r.run(f"assessment-{name}", ["gap", "mle", "--assessment", a], 3, [a, path])

        for name, mutate, path in ROLES:
            doc = with_(MLE, mutate)
            d = case_dir()
            role = write(os.path.join(d, "roles", f"{MLE['id']}.json"), dump(doc))
            r.run(f"role-{name}", ["roles", "--data-dir", d], 3, [role, path])

        # A user role whose id is a bundled role's alias: the error names the user's file and its
        # /id, never the bundled file (which would make every command fail with no way out).
        alias = json.load(open(os.path.join(ROOT, "data", "roles", "data-scientist.json"), encoding="utf-8"))["aliases"][0]
        d = case_dir()
        role = write(os.path.join(d, "roles", f"{alias}.json"), dump(with_(MLE, lambda x: x.update(id=alias, aliases=[]))))
        r.run("role-id-is-bundled-alias", ["roles", "--data-dir", d], 3, [role, "/id", "alias"])

        for name, mutate, path in SKILL_CATALOGS:
            d = case_dir()
            skills = write(os.path.join(d, "skills.json"), dump(with_(SKILLS, mutate)))
            r.run(f"skills-{name}", ["roles", "--data-dir", d], 3, [skills, path])

        for name, args, status, text in BAD_ARGS:
            r.run(f"args-{name}", args, status, [text])

        # Odd files.
        d = case_dir()
        big = os.path.join(d, "big.json")
        os.makedirs(d)
        with open(big, "wb") as f:
            f.truncate(100 * 1024 * 1024)  # sparse: refused by its size, never read
        r.run("file-100-mb", ["gap", "--assessment", big], 1, [big, "limit"], timeout=5)
        r.run("file-directory", ["gap", "--assessment", d], 1, [d, "directory"])
        r.run("file-missing", ["gap", "--assessment", os.path.join(d, "nope.json")], 1, ["nope.json"])
        fifo = os.path.join(d, "fifo.json")
        os.mkfifo(fifo)
        r.run("file-fifo", ["gap", "--assessment", fifo], 1, [fifo, "not a regular file"], timeout=5)
        r.run("role-dir-fifo", ["validate", fifo], 1, [fifo], timeout=5)
        if os.geteuid() != 0:  # root reads anything
            locked = write(os.path.join(d, "locked.json"), dump(EXAMPLE))
            os.chmod(locked, 0)
            r.run("file-unreadable", ["gap", "--assessment", locked], 1, [locked])
        r.run("data-dir-missing", ["roles", "--data-dir", os.path.join(d, "nope")], 1, ["nope"])
        r.run("data-dir-is-file", ["roles", "--data-dir", big], 1, [big])

        # BLS OEWS files that are not what 'import oews' reads: exit 3, the file and row named.
        d = case_dir()
        fixtures = os.path.join(ROOT, "tests", "fixtures", "oews")
        head = b"AREA,AREA_TITLE,OCC_CODE,TOT_EMP,A_MEAN\n"
        for name, content, text in OEWS_FILES:
            f = write(os.path.join(d, f"{name}_M2024_dl.csv"), content)
            r.run(f"oews-{name}", ["import", "oews", f], 3, [f, text])
        for name, text in (("no_occ_code.xlsx", "no sheet has an OCC_CODE column"), ("truncated.xlsx", "not a readable workbook"),
                           ("claims_2gib.xlsx", "zip bomb"), ("bad_number.xlsx", "sheet 'data' row 2: TOT_EMP")):
            f = os.path.join(fixtures, name)
            r.run(f"oews-{name}", ["import", "oews", f, "--period", "2024"], 3, [f, text])
        f = write(os.path.join(d, "zip_M2024_dl.xlsx"), b"PK\x03\x04" + os.urandom(200))
        r.run("oews-random-zip", ["import", "oews", f], 3, [f, "not a readable workbook"])
        f = write(os.path.join(d, "noperiod.csv"), head + b"99,U.S.,15-2051,5,1\n")
        r.run("oews-no-period", ["import", "oews", f], 3, [f, "reference period"])
        r.run("oews-bad-period", ["import", "oews", f, "--period", "June"], 2, ["--period"])
        r.run("oews-missing-file", ["import", "oews", os.path.join(d, "nope.xlsx")], 1, ["nope.xlsx"])
        r.run("oews-no-file", ["import", "oews"], 2, ["file"])

        total = r.passed + r.failed
        print(f"corpus: {r.passed} passed, {r.failed} failed ({total} cases)")
        return 1 if r.failed or total < 40 else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The JSON contract, checked by an independent validator (Debian's python3-jsonschema): the
bundled data and the example assessment against the input schemas, and the real JSON output of
every command (with its main options, for every role) and of errors against the output schemas
in schemas/. A key the program adds, drops or retypes without its schema fails here.

usage: test_schemas.py BINARY"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

import jsonschema

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMAS = os.path.join(ROOT, "schemas")
EXAMPLE = os.path.join(ROOT, "data", "examples", "backend-engineer.json")
BINARY = None


def load_schemas():
    out = {}
    for name in sorted(os.listdir(SCHEMAS)):
        with open(os.path.join(SCHEMAS, name), encoding="utf-8") as f:
            out[name] = json.load(f)
    return out


ALL = load_schemas()


def validator(name):
    schema = ALL[name]
    try:  # jsonschema >= 4.18
        from referencing import Registry, Resource
        registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in ALL.values())
        return jsonschema.Draft202012Validator(schema, registry=registry)
    except ImportError:  # Debian 12's 4.10
        resolver = jsonschema.RefResolver.from_schema(schema, store={s["$id"]: s for s in ALL.values()})
        return jsonschema.Draft202012Validator(schema, resolver=resolver)


def env(**extra):
    e = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "LC_ALL": "C.UTF-8"}
    e.update(extra)
    return e


def run(*args):
    return subprocess.run([BINARY, *args], capture_output=True, text=True, env=env())


def role_ids():
    return [r["role"]["id"] for r in json.loads(run("roles", "--json").stdout)["roles"]]


class Schemas(unittest.TestCase):
    def test_every_schema_is_a_valid_schema_with_its_own_id(self):
        for name, schema in ALL.items():
            with self.subTest(name):
                jsonschema.Draft202012Validator.check_schema(schema)
                self.assertEqual(schema["$id"].rsplit("/", 1)[1], name)

    def test_bundled_data(self):
        pairs = [("skills-v1.json", os.path.join(ROOT, "data", "skills.json")),
                 ("sources-v1.json", os.path.join(ROOT, "data", "sources.json")),
                 ("assessment-v1.json", EXAMPLE)]
        roles = os.path.join(ROOT, "data", "roles")
        pairs += [("role-v1.json", os.path.join(roles, f)) for f in sorted(os.listdir(roles))]
        for schema_name, path in pairs:
            with self.subTest(path):
                with open(path, encoding="utf-8") as f:
                    validator(schema_name).validate(json.load(f))

    def test_fixture_catalog(self):
        """The made-up catalog the rendering goldens run on is valid input too."""
        fixture = os.path.join(ROOT, "tests", "fixtures", "catalog")
        pairs = [("skills-v1.json", os.path.join(fixture, "skills.json")),
                 ("sources-v1.json", os.path.join(fixture, "sources.json")),
                 ("assessment-v1.json", os.path.join(fixture, "assessment.json"))]
        roles = os.path.join(fixture, "roles")
        pairs += [("role-v1.json", os.path.join(roles, f)) for f in sorted(os.listdir(roles))]
        for schema_name, path in pairs:
            with self.subTest(path):
                with open(path, encoding="utf-8") as f:
                    validator(schema_name).validate(json.load(f))

    def test_golden_json(self):
        """Every JSON document in the golden files (mostly rendered from the fixture catalog, whose
        profiles have parts the real data lacks) validates against the schema it names."""
        golden = os.path.join(ROOT, "tests", "cli", "golden")
        checked = 0
        for name in sorted(os.listdir(golden)):
            with open(os.path.join(golden, name), encoding="utf-8") as f:
                text = f.read()
            if not text.startswith("{"):
                continue
            try:
                doc = json.loads(text)
            except ValueError:
                continue  # JSON Lines, or JSON-looking text that a case checks as text
            if not isinstance(doc, dict) or not str(doc.get("schema", "")).startswith("careerplan/"):
                continue
            _, kind, version = doc["schema"].split("/")
            with self.subTest(name):
                errors = list(validator(f"{kind}-{version}.json").iter_errors(doc))
                self.assertEqual([], [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5]])
            checked += 1
        self.assertGreater(checked, 20)

    def test_schemas_catch_drift(self):
        """The validator is not a formality: a wrong type or an unknown key fails."""
        doc = json.loads(run("gap", "--assessment", EXAMPLE, "--json").stdout)
        doc["readiness"] = "78%"
        self.assertFalse(validator("gap-v2.json").is_valid(doc))
        doc = json.loads(run("gap", "--assessment", EXAMPLE, "--json").stdout)
        doc["skills"][0]["extra"] = 1
        self.assertFalse(validator("gap-v2.json").is_valid(doc))
        doc = json.loads(run("gap", "--assessment", EXAMPLE, "--json").stdout)
        doc["role"] = doc["role"]["id"]  # v1's bare id is not v2's role reference
        self.assertFalse(validator("gap-v2.json").is_valid(doc))


class Output(unittest.TestCase):
    """The real output of every command validates against the schema its 'schema' member names."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.flat = os.path.join(cls.tmp.name, "flat.json")
        with open(cls.flat, "w") as f:
            json.dump({"schema": "careerplan/assessment/v1", "target_role": "mle",
                       "ratings": {"python": 3, "sql": 3, "statistics": 3}}, f)
        cls.empty = os.path.join(cls.tmp.name, "empty.json")
        with open(cls.empty, "w") as f:
            json.dump({"schema": "careerplan/assessment/v1"}, f)
        cls.bad_role = os.path.join(cls.tmp.name, "bad.json")
        with open(cls.bad_role, "w") as f:
            json.dump({"schema": "careerplan/role/v1", "id": 3}, f)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def check(self, *args, status=0):
        p = run(*args, "--json")
        self.assertEqual(p.returncode, status, (args, p.stderr))
        doc = json.loads(p.stdout)
        # one document, never a bare array: its schema member names the schema and version
        self.assertIsInstance(doc, dict, args)
        _, kind, version = doc["schema"].split("/")
        name = f"{kind}-{version}.json"
        self.assertIn(name, ALL, args)
        errors = sorted(validator(name).iter_errors(doc), key=lambda e: list(e.absolute_path))
        self.assertEqual([], [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5]], args)
        return doc

    def test_roles_show_sources(self):
        self.check("roles")
        self.check("sources")
        self.assertTrue(self.check("skills")["skills"])
        for role in role_ids():
            with self.subTest(role):
                self.assertEqual(self.check("show", role)["schema"], "careerplan/show/v2")
                self.check("sources", role)
        for section in ("about", "skills", "salary", "sources", "occupations", "routes"):
            self.assertEqual(self.check("show", "mle", "--section", section)["section"], section)

    def test_validate(self):
        self.check("validate")
        self.check("validate", os.path.join(ROOT, "data", "roles", "data-scientist.json"), EXAMPLE)
        self.assertFalse(self.check("validate", self.bad_role, status=3)["valid"])

    def test_gap_match_plan(self):
        for role in role_ids():
            with self.subTest(role):
                self.check("gap", role, "--assessment", EXAMPLE)
                self.check("plan", role, "--assessment", EXAMPLE)
        for extra in (["--level", "entry"], ["--level", "staff"]):
            self.check("gap", "mle", "--assessment", EXAMPLE, *extra)
            self.check("plan", "mle", "--assessment", EXAMPLE, *extra)
        self.check("gap", "mle", "--assessment", self.empty)
        self.check("plan", "mle", "--assessment", self.empty)
        self.check("match", "--assessment", EXAMPLE)
        self.assertTrue(self.check("match", "--assessment", self.flat)["warnings"])
        self.check("match", "--assessment", self.empty)
        self.check("next", "--assessment", EXAMPLE)
        self.check("next", "--assessment", EXAMPLE, "--target", "data-scientist", "--top", "1")
        self.assertIsNone(self.check("next", "--assessment", self.empty)["curated"])
        self.assertTrue(self.check("next", "--assessment", self.flat)["curated"]["unrated"])

    def test_salary(self):
        for role in role_ids():
            with self.subTest(role):
                self.check("salary", role)
                self.check("salary", role, "--state", "TX", "--current", "150000")
        for extra in (["--state", "CA"], ["--state", "TX"], ["--country", "GB"], ["--country", "US"],
                      ["--region", "europe"], ["--level", "entry"], ["--level", "director"],
                      ["--current", "160000"], ["--current", "160000", "--basis", "base"],
                      ["--assessment", EXAMPLE]):
            self.check("salary", "mle", *extra)
        self.assertEqual(len(self.check("salary", "--state", "CA")["results"]), len(role_ids()))
        self.check("salary", "--all", "--assessment", EXAMPLE)
        self.check("salary", "mle", "--level", "senior", "--current", "42000", "--currency", "GBP",
                   "--rate", "GBP/USD=1.27")

    def test_import_oews_and_salary_by_soc_code(self):
        store = os.path.join(self.tmp.name, "store")
        tiny = os.path.join(ROOT, "tests", "fixtures", "oews", "tiny_M2030_dl.xlsx")
        self.assertEqual(self.check("import", "oews", tiny, "--data-dir", store)["rows"], 5)
        self.assertEqual(self.check("salary", "15-2051", "--data-dir", store)["bands"][0]["top_coded"], ["p90"])
        self.check("salary", "data-analyst", "--data-dir", store, "--level", "entry")
        self.assertEqual(len(self.check("salary", "--occupations", "--data-dir", store)["occupations"]), 5)

    def test_routes_compare(self):
        ids = role_ids()
        for role in ids:
            with self.subTest(role):
                self.check("routes", role)
                self.check("routes", role, "--assessment", EXAMPLE)
        for origin in ids:
            self.check("routes", "mle", "--from", origin)
        self.check("compare", "mle", "ds")
        self.check("compare", *ids, "--assessment", EXAMPLE)
        self.check("compare", "mle", "ds", "--level", "entry", "--assessment", EXAMPLE)

    def test_assess_prints_a_valid_assessment(self):
        p = run("assess", "mle", "--example", "--set", "python=5", "--state", "WA", "--pay", "150000",
                "--output", "-", "--no-input")
        self.assertEqual(p.returncode, 0, p.stderr)
        validator("assessment-v1.json").validate(json.loads(p.stdout))

    def test_history_progress_report(self):
        """Three saves a month apart: the log's lines, history, progress and report validate."""
        path = os.path.join(self.tmp.name, "hist", "assessment.json")
        steps = [("2026-01-05T10:00:00Z", ["--example", "--output", path]),
                 ("2026-02-05T10:00:00Z", ["--set", "python=5", "--set", "applied-ml=3"]),
                 ("2026-03-05T10:00:00Z", ["--set", "eval-design=3", "--years", "8"])]
        for when, args in steps:
            p = subprocess.run([BINARY, "assess", "--assessment", path, "--no-input", *args], capture_output=True,
                               text=True, env=env(CAREERPLAN_NOW=when))
            self.assertEqual(p.returncode, 0, p.stderr)
        with open(os.path.join(self.tmp.name, "hist", "assessment.history.jsonl"), encoding="utf-8") as f:
            lines = f.read().splitlines()
        self.assertEqual(len(lines), 3)
        for line in lines:
            validator("history-v1.json").validate(json.loads(line))
        self.assertEqual(len(self.check("history", "--assessment", path)["snapshots"]), 3)
        self.assertEqual(len(self.check("progress", "--assessment", path)["roles"][0]["points"]), 3)
        self.check("progress", "mle", "ds", "--since", "2026-02-01", "--assessment", path)
        self.check("report", "--assessment", path)
        self.check("report", "ds", "--assessment", path)
        self.check("report", "mle", "--assessment", EXAMPLE)  # no history
        self.assertEqual(len(self.check("history", "--assessment", EXAMPLE)["snapshots"]), 3)  # the bundled example's
        self.assertFalse(self.check("history", "--assessment", self.flat)["exists"])
        self.check("report", "mle", "--assessment", self.flat)

    def test_errors(self):
        for args, status in ((["show", "nosuch"], 2), (["nosuch"], 2), (["salary", "--state", "ZZ"], 2),
                             (["gap", "--assessment", "/nonexistent/a.json"], 1),
                             (["validate", self.bad_role], 3), (["gap", "--assessment", self.bad_role], 3),
                             (["show", "mle", "--bogus"], 2)):
            with self.subTest(args):
                p = run(*args, "--json")
                self.assertEqual(p.returncode, status, p.stderr)
                lines = p.stderr.splitlines()
                self.assertEqual(len(lines), 1, p.stderr)
                doc = json.loads(lines[0])
                validator("error-v1.json").validate(doc)
                self.assertEqual(doc["error"]["status"], status)


class ImportedOutput(unittest.TestCase):
    """The output of the commands that show imported O*NET data (the fixture release, imported into a --data-dir)."""

    check = Output.check

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.data = os.path.join(cls.tmp.name, "data")
        fixture = os.path.join(ROOT, "tests", "fixtures", "onet")
        cls.imported = cls.check_cls("--data-dir", cls.data, "import", "onet", fixture)

    @classmethod
    def check_cls(cls, *args):
        p = run(*args, "--json")
        assert p.returncode == 0, p.stderr
        doc = json.loads(p.stdout)
        errors = list(validator("-".join(doc["schema"].split("/")[1:3]) + ".json").iter_errors(doc))
        assert not errors, [e.message for e in errors[:5]]
        return doc

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_import_occupations_roles_sources(self):
        self.assertEqual(self.imported["schema"], "careerplan/import/v1")
        d = ("--data-dir", self.data)
        self.assertEqual(self.check(*d, "import", "--list")["onet"]["version"], "29.3")
        for code in ("15-2041.00", "15-2051.00", "statisticians"):
            self.assertEqual(self.check(*d, "show", code)["schema"], "careerplan/occupation/v2")
        self.assertTrue(self.check(*d, "roles", "--search", "data")["occupations"])
        self.assertTrue(self.check(*d, "roles", "--onet")["occupations"])
        self.assertTrue(self.check(*d, "show", "mle")["onet_occupations"])
        self.assertTrue(self.check(*d, "show", "mle", "--section", "occupations")["onet_occupations"])
        self.assertTrue(self.check(*d, "skills")["onet_skills"])
        self.assertEqual(self.check(*d, "sources")["imported"][0]["id"], "onet-29.3")
        self.assertEqual(self.check(*d, "compare", "15-2041.00", "15-2051.00")["schema"],
                         "careerplan/compare-occupations/v1")
        self.assertIsNone(self.check("import", "--list")["onet"])
        a = os.path.join(self.tmp.name, "onet.json")
        with open(a, "w") as f:
            json.dump({"schema": "careerplan/assessment/v1", "ratings": {"python": 3},
                       "onet_ratings": {"2.A.1.e": 5, "2.A.2.a": 3, "2.C.4.a": 2}}, f)
        with open(a) as f:
            validator("assessment-v1.json").validate(json.load(f))
        self.assertTrue(self.check(*d, "match", "-a", a)["occupations"])
        self.assertEqual(self.check(*d, "gap", "15-2041.00", "-a", a)["schema"], "careerplan/onet-gap/v1")
        self.assertEqual(self.check(*d, "plan", "15-2041.00", "-a", a)["schema"], "careerplan/onet-plan/v1")
        self.assertEqual(self.check(*d, "routes", "15-2041.00", "-a", a, "--from", "data-scientist")["schema"],
                         "careerplan/onet-routes/v1")
        self.assertEqual(self.check(*d, "routes", "15-2041.00")["schema"], "careerplan/onet-routes/v1")
        onet = os.path.join(self.tmp.name, "onet-ratings.json")
        with open(onet, "w") as f:
            json.dump({"schema": "careerplan/assessment/v1", "target_role": "data-scientist", "current_role": "statisticians",
                       "current_pay": {"amount": 90000, "currency": "USD"},
                       "ratings": {"python": 3}, "onet_ratings": {"2.A.1.e": 3, "2.A.1.a": 2}}, f)
        self.assertIsNotNone(self.check(*d, "next", "--assessment", onet)["onet"])


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)

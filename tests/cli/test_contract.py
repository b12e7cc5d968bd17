#!/usr/bin/env python3
"""End-to-end checks of the JSON contract and of data validation, field by field, against the
real binary: numbers are numbers, every source id resolves, every seed figure is present, and
every kind of broken role profile is rejected with its file and JSON path (exit 3)."""
import copy
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import unittest

BINARY = None
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MLE_FILE = os.path.join(ROOT, "data", "roles", "machine-learning-engineer.json")


def run(*args, env=None, stdin=""):
    e = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": "/nonexistent", "LC_ALL": "C.UTF-8",
         "NO_COLOR": "1", "COLUMNS": "100"}
    if env:
        e.update(env)
    p = subprocess.run([BINARY] + list(args), env=e, input=stdin.encode(), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=60)
    return p.stdout.decode(), p.stderr.decode(), p.returncode


def run_json(*args, **kw):
    out, err, status = run(*args, "--json", **kw)
    assert status == 0, (args, err)
    return json.loads(out)


def walk(node, path=""):
    """Yields (json_path, key, value) for every member of every object."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield path, k, v
            yield from walk(v, f"{path}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, f"{path}/{i}")


class JsonContract(unittest.TestCase):
    def test_show_has_schema_and_every_source_resolves(self):
        show = run_json("show", "mle")
        self.assertEqual(show["schema"], "careerplan/show/v2")
        sources = {s["id"] for s in run_json("sources")["sources"]}
        cited = [(p, v) for p, k, v in walk(show["role"]) if k in ("source", "cost_source")]
        cited += [(p, s) for p, k, v in walk(show["role"]) if k == "named_by" for s in v]
        self.assertGreater(len(cited), 100)
        for path, source in cited:
            self.assertIn(source, sources, f"{path}: source {source!r} does not resolve")

    def test_every_bundled_role_shows_in_every_format(self):
        # The rendering goldens run on the fixture catalog (tests/cli/run_golden.py); this keeps
        # every real role shown, in every format, without an error or a warning.
        for role in run_json("roles")["roles"]:
            for fmt in ("table", "markdown", "csv"):
                with self.subTest(role=role["role"]["id"], format=fmt):
                    out, err, status = run("show", role["role"]["id"], "--format", fmt)
                    self.assertEqual((status, err), (0, ""))
                    if fmt == "csv":
                        self.assertTrue(out.startswith("skill,"), out[:80])  # the skills, one row each
                    else:
                        self.assertIn(role["role"]["title"], out)

    def test_every_seed_figure_is_a_number_with_a_source(self):
        role = run_json("show", "mle")["role"]
        numbers = {}
        for f in role["salary"]:
            self.assertIn("source", f)
            for key in ("low", "p10", "p25", "median", "mean", "p75", "p90", "high", "value"):
                if key in f:
                    self.assertIsInstance(f[key], (int, float), f"{f['id']}.{key}")
                    numbers.setdefault(f[key], []).append(f["source"])
        expected_pay = {
            "aieh-mle-2026": [130000, 200000, 380000, 600000],
            "careerpath-mle": [120000, 112590, 205000],
            "hakia-mle-2026": [150000, 120000, 300000, 185000, 175000, 170000, 165000],
            "blog-mle-2026": [150000, 350000, 500000, 120000, 180000],
            "bls-oews-2024": [63650, 82630, 112590, 124590, 155810, 194410],
        }
        for source, values in expected_pay.items():
            for v in values:
                self.assertIn(source, numbers.get(v, []), f"{v} from {source}")
        outlook = {(o.get("value"), o["source"]) for o in role["outlook"]}
        for item in [(34, "careerpath-mle"), (36, "hakia-mle-2026"), (20800, "hakia-mle-2026")]:
            self.assertIn(item, outlook)
        weights = {(w["family"], w["relevance"]) for w in role["assessment_weights"]}
        self.assertEqual(weights, {("Python Fundamentals", 0.95), ("AI-Augmented SQL", 0.85),
                                   ("Communication", 0.70), ("Big Five Personality", 0.50)})
        costs = {c["id"]: c.get("cost") for c in role["certifications"]}
        self.assertEqual(costs["aws-ml-specialty"], 300)
        self.assertEqual(costs["google-pmle"], 200)
        self.assertEqual(costs["tensorflow-developer"], 100)
        self.assertEqual(costs["databricks-ml-associate"], 200)
        self.assertIsNone(costs["azure-ai-engineer"])
        ladders = {l["id"]: [(x["level"], x.get("years_min"), x.get("years_max")) for x in l["levels"]]
                   for l in role["ladders"]}
        self.assertEqual(ladders["careerpath-ladder"][1], ("mid", 2, 4))
        self.assertEqual(ladders["blog-ladder"][1], ("mid", 2, 5))
        path = [(s["duration"]["min"], s["duration"]["max"], s["duration"]["unit"]) for s in role["path"]]
        self.assertEqual(path, [(4, 4, "years"), (2, 5, "years"), (6, 12, "months"), (2, 3, "years")])

    def test_soc_conflict_is_flagged_not_repeated(self):
        soc = {m["code"]: m for m in run_json("show", "mle")["role"]["soc"]}
        self.assertEqual(soc["15-2051"]["status"], "assumption")
        self.assertEqual(soc["15-2031"]["status"], "conflict")
        self.assertIn("Operations Research Analysts", soc["15-2031"]["note"])

    def test_roles_json_numbers(self):
        roles = run_json("roles")
        self.assertEqual(roles["schema"], "careerplan/roles/v2")
        mle = [r for r in roles["roles"] if r["role"]["id"] == "machine-learning-engineer"][0]
        medians = sorted(m["median"]["value"] for m in mle["national_medians"])
        self.assertEqual(medians, [112590, 150000, 200000])
        self.assertTrue(all(isinstance(m["median"]["value"], (int, float)) for m in mle["national_medians"]))

    def test_sources_name_where_they_are_used(self):
        sources = {s["id"]: s for s in run_json("sources", "mle")["sources"]}
        self.assertEqual(sources["hakia-mle-2026"]["seed"], "002_1a65ac7b564fc218.txt")
        used = {u["path"] for u in sources["hakia-mle-2026"]["used_by"]}
        self.assertTrue(any(p.startswith("/salary/") for p in used))

    def test_csv_is_rfc4180(self):
        out, _, status = run("show", "mle", "--format", "csv")
        self.assertEqual(status, 0)
        self.assertIn("\r\n", out)
        rows = list(csv.reader(io.StringIO(out, newline="")))
        self.assertEqual(rows[0][:4], ["skill", "name", "rank", "weight"])
        self.assertEqual(rows[1][0], "python")
        self.assertEqual(float(rows[1][3]), 0.95)

    def test_error_is_json_on_stderr_with_json_format(self):
        out, err, status = run("show", "nope", "--json")
        self.assertEqual(status, 2)
        self.assertEqual(out, "")
        e = json.loads(err)
        self.assertEqual(e["schema"], "careerplan/error/v1")
        self.assertEqual(e["error"]["status"], 2)


EXAMPLE = os.path.join(ROOT, "data", "examples", "backend-engineer.json")


class GapContract(unittest.TestCase):
    def test_gap_json_recomputes_from_the_documented_formula(self):
        for level in ("entry", "mid", "senior", "staff", "director"):
            g = run_json("gap", "--assessment", EXAMPLE, "--level", level)
            self.assertEqual(g["schema"], "careerplan/gap/v2")
            met = req = 0.0
            prev = None
            for s in g["skills"]:
                self.assertEqual(s["gap"], max(0, s["required"] - s["rating"]))
                self.assertAlmostEqual(s["priority"], s["weight"] * s["gap"])
                met += s["weight"] * min(s["rating"], s["required"])
                req += s["weight"] * s["required"]
                if prev is not None:  # ordered by priority, ties to the heavier weight
                    self.assertGreaterEqual((prev["priority"], prev["weight"]), (s["priority"], s["weight"]))
                prev = s
            self.assertAlmostEqual(met, g["met_weight"])
            self.assertAlmostEqual(req, g["required_weight"])
            self.assertEqual(g["readiness"], round(100 * g["met_weight"] / g["required_weight"], 1))  # one decimal

    def test_match_and_plan_json(self):
        m = run_json("match", "--assessment", EXAMPLE)
        self.assertEqual(m["schema"], "careerplan/match/v2")
        self.assertEqual([r["rank"] for r in m["roles"]], list(range(1, len(m["roles"]) + 1)))
        self.assertEqual(m["roles"][0]["role"]["id"], m["roles"][0]["role"]["id"].lower())
        self.assertEqual(m["roles"][0]["readiness"], round(m["roles"][0]["readiness"], 1))
        with open(EXAMPLE) as f:
            rated = set(json.load(f)["ratings"])
        for r in m["roles"]:  # the skills not rated are named, never counted as 0 without a word
            required = {s["skill"] for s in run_json("gap", r["role"]["id"], "--assessment", EXAMPLE)["skills"]} \
                if r["rank"] == 1 else None
            if required is not None:
                self.assertEqual(set(r["unrated"]), required - rated)
            if r["unrated"]:
                self.assertTrue(any(", ".join(sorted(r["unrated"]))[:10] in w or r["unrated"][0] in w for w in m["warnings"]))
        import tempfile
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump({"schema": "careerplan/assessment/v1", "ratings": {"python": 4, "sql": 3}}, f)
        try:
            few = run_json("match", "--assessment", f.name)
        finally:
            os.unlink(f.name)
        for r in few["roles"]:
            self.assertNotIn("python", r["unrated"])
            self.assertTrue(r["unrated"], r["role"]["id"])
        self.assertTrue(any("not rated in the assessment and count as 0" in w and "distributed-systems" in w
                            for w in few["warnings"]), few["warnings"])
        p = run_json("plan", "--assessment", EXAMPLE, "--level", "mid")
        self.assertEqual(p["schema"], "careerplan/plan/v2")
        self.assertEqual(p["role"], {"id": "machine-learning-engineer", "title": run_json("show", "mle")["role"]["title"]})
        self.assertEqual(p["readiness"], round(p["readiness"], 1))
        self.assertEqual(p["steps"][0]["skill"], "eval-design")
        self.assertTrue(all(s["gap"] > 0 for s in p["steps"]))


class SalaryContract(unittest.TestCase):
    NUMBERS = ("low", "p10", "p25", "median", "mean", "p75", "p90", "high", "value")

    def check_amount(self, amount, band):
        """Money is one amount object in the band's currency and period (salary/v2), or null."""
        if amount is not None:
            self.assertEqual(set(amount), {"value", "currency", "period"})
            self.assertIsInstance(amount["value"], (int, float))
            self.assertEqual((amount["currency"], amount["period"]), (band["currency"], band["period"]))

    def check_document(self, doc, sources):
        self.assertEqual(doc["schema"], "careerplan/salary/v2")
        for band in doc["bands"]:
            self.assertIn(band["kind"], ("published", "estimate", "anchor"))
            self.assertIn(band["basis"], ("base", "total", "unspecified"))
            self.assertIn(band["source"], sources)
            for key in self.NUMBERS + ("top_code",):
                self.check_amount(band[key], band)
            if band["kind"] == "estimate":
                d = band["derivation"]
                self.assertIn(d["adjustment_source"], sources)
                for ref in d["reference"]:
                    self.assertIn(ref["source"], sources)
                    self.check_amount(ref["value"], band)
                    self.assertIsInstance(ref["value"]["value"], (int, float))

    def test_state_published_with_its_national_difference(self):
        sources = {s["id"] for s in run_json("sources")["sources"]}
        doc = run_json("salary", "mle", "--state", "ca")
        self.check_document(doc, sources)
        self.assertEqual(doc["place"], {"kind": "state", "code": "CA", "name": "California"})
        band, anchor = doc["bands"]
        self.assertEqual((band["kind"], band["value"], band["source"]),
                         ("published", {"value": 185000, "currency": "USD", "period": "year"}, "hakia-mle-2026"))
        vs = band["vs_national"]
        self.assertEqual((vs["national"]["value"], vs["difference"]["value"], vs["published_pct"]), (150000, 35000, 23))
        self.check_amount(vs["national"], band)
        self.check_amount(vs["difference"], band)
        # BLS beside it: the anchor occupation's California median, and the difference recomputed.
        self.assertEqual((anchor["kind"], anchor["figure"], anchor["median"]["value"]),
                         ("anchor", "bls-oews-2023-15-2051-ca", 133690))
        bls = band["vs_bls"]
        self.assertEqual((bls["figure"], bls["bls"]), (anchor["figure"], anchor["median"]))
        self.assertEqual(bls["difference"]["value"], band["value"]["value"] - anchor["median"]["value"])
        self.assertAlmostEqual(bls["difference_pct"],
                               round(100 * bls["difference"]["value"] / anchor["median"]["value"], 1))
        self.assertFalse(anchor["level_specific"])

    def test_estimate_recomputes_from_its_derivation(self):
        sources = {s["id"] for s in run_json("sources")["sources"]}
        for args in (("--state", "CO"), ("--country", "DE"), ("--region", "apac"), ("--state", "Ohio")):
            doc = run_json("salary", "mle", *args)
            self.check_document(doc, sources)
            self.assertTrue(doc["bands"], args)
            for band in doc["bands"]:
                self.assertIn(band["kind"], ("estimate", "anchor"), args)
                if band["kind"] == "anchor":  # BLS's figure for the anchor occupation, where there is one
                    self.assertEqual((band["source"][:8], band["derivation"]), ("bls-oews", None))
                    continue
                d = band["derivation"]
                values = [r["value"]["value"] for r in d["reference"]]
                low, high = min(values) * (1 + d["change_low"]), max(values) * (1 + d["change_high"])
                # An amount of a year is in whole units: unrounded means before rounding to 1,000.
                self.assertAlmostEqual(d["unrounded_low"]["value"], low, delta=0.5)
                self.assertAlmostEqual(d["unrounded_high"]["value"], high, delta=0.5)
                self.assertEqual(band["low"]["value"], (low // 1000) * 1000)
                self.assertEqual(band["high"]["value"], -((-high) // 1000) * 1000)
                self.assertLess(band["low"]["value"], band["high"]["value"])

    def test_current_pay_placed_in_each_band(self):
        doc = run_json("salary", "mle", "--level", "entry", "--current", "150000", "--basis", "base")
        self.assertEqual(doc["current_pay"], {"value": {"value": 150000, "currency": "USD", "period": "year"},
                                              "basis": "base", "from": "--current"})
        band, anchor = doc["bands"]
        self.assertEqual((band["low"]["value"], band["high"]["value"], band["level_specific"]), (120000, 180000, True))
        self.assertEqual((anchor["kind"], anchor["level_specific"], anchor["scope"]), ("anchor", False, "national"))
        self.assertEqual(band["fit"]["position"], "within")
        self.assertEqual(band["fit"]["band_pct"], 50)
        self.assertEqual(doc["level"], "entry")
        self.assertEqual([w["ladder"] for w in doc["level_words"]], ["careerpath-ladder"])

    def test_catalog_is_an_array_of_role_documents(self):
        sources = {s["id"] for s in run_json("sources")["sources"]}
        listing = run_json("salary", "--state", "CA")
        self.assertEqual(listing["schema"], "careerplan/salary-list/v2")
        docs = listing["results"]
        roles = [r["role"]["id"] for r in run_json("roles")["roles"]]
        self.assertEqual([d["role"]["id"] for d in docs], roles)
        for doc in docs:
            self.check_document(doc, sources)

    def test_csv_has_one_row_per_band(self):
        out, _, status = run("salary", "mle", "--format", "csv")
        self.assertEqual(status, 0)
        rows = list(csv.DictReader(io.StringIO(out)))
        self.assertEqual(len(rows), len(run_json("salary", "mle")["bands"]))
        self.assertEqual(rows[0]["figure"], "aieh-us-total-2026")
        self.assertEqual(rows[0]["median"], "200000")


class RoutesAndCompare(unittest.TestCase):
    def test_routes_rank_the_current_role_first_with_sources(self):
        sources = {s["id"] for s in run_json("sources")["sources"]}
        for origin, route, warning in (("software-engineer", "from-software-engineering", "unit tests"),
                                       ("data-scientist", "from-data-science", "offline metrics")):
            doc = run_json("routes", "mle", "--from", origin)
            self.assertEqual(doc["schema"], "careerplan/routes/v2")
            self.assertEqual(doc["from"], {"id": origin, "title": run_json("show", origin)["role"]["title"]})
            top = doc["routes"][0]
            self.assertEqual((top["id"], top["why"], top["rank"]), (route, "current_role", 1))
            self.assertTrue(any(warning in p["text"] for p in top["pitfalls"]), top["pitfalls"])
            for r in doc["routes"]:
                self.assertIn(r["source"], sources)
                for c in r["advice"] + r["pitfalls"]:
                    self.assertIn(c["source"], sources)
            self.assertTrue(any(p["in_catalog"] and p["role"] == {"id": "data-scientist", "title": "Data Scientist"}
                                for p in doc["pivots"]))
            for r in doc["routes"]:  # every role the document names is {id, title}, as everywhere
                self.assertTrue(all(set(f) == {"id", "title"} for f in r["from"]), r["from"])
                self.assertTrue(r["origin"] is None or set(r["origin"]) == {"id", "title"}, r["origin"])

    def test_routes_by_readiness_with_an_assessment(self):
        example = os.path.join(ROOT, "data", "examples", "backend-engineer.json")
        doc = run_json("routes", "mle", "--assessment", example)
        ranked = [r for r in doc["routes"] if r["why"] == "readiness"]
        self.assertTrue(ranked)
        values = [r["origin_readiness"] for r in ranked]
        self.assertEqual(values, sorted(values, reverse=True))
        for gap in doc["routes"][0]["addressed_gaps"]:
            self.assertIn(gap["skill"], doc["routes"][0]["develops"])
            self.assertGreater(gap["gap"], 0)

    def test_compare_is_one_document_with_one_entry_per_role(self):
        example = os.path.join(ROOT, "data", "examples", "backend-engineer.json")
        doc = run_json("compare", "mle", "data-scientist", "swe", "--assessment", example)
        self.assertEqual(doc["schema"], "careerplan/compare/v2")
        self.assertEqual([r["role"]["id"] for r in doc["roles"]], ["machine-learning-engineer", "data-scientist", "software-engineer"])
        match = {r["role"]["id"]: r["readiness"] for r in run_json("match", "--assessment", example)["roles"]}
        for role in doc["roles"]:
            self.assertEqual(role["readiness"], round(match[role["role"]["id"]], 1))  # one decimal, as the table
            for sk in role["skills"]:
                self.assertIsInstance(sk["required"], (int, float))
                self.assertEqual(sk["gap"], max(0, sk["required"] - (sk["rating"] or 0)))
            for fig in role["salary"]:
                self.assertIn(fig["basis"], ("base", "total", "unspecified"))
                for key in ("low", "p10", "median", "p90", "high", "value"):  # money: one amount object
                    if fig[key] is not None:
                        self.assertEqual(set(fig[key]), {"value", "currency", "period"}, (key, fig))
                        self.assertIsInstance(fig[key]["value"], (int, float))
        self.assertEqual(set(doc["skills"]), {sk["skill"] for r in doc["roles"] for sk in r["skills"]})


REALDATA = os.path.join(os.path.dirname(ROOT), "shared", "realdata", "oews")


def oews_number(text):
    text = text.replace(",", "").strip()
    return None if text in ("", "#", "*", "**") else float(text)


class FiguresMatchTheRealData(unittest.TestCase):
    """Every BLS OEWS figure in the bundled catalog equals the number in BLS's own file."""
    COLUMNS = {"p10": "A_PCT10", "p25": "A_PCT25", "median": "A_MEDIAN", "mean": "A_MEAN", "p75": "A_PCT75",
               "p90": "A_PCT90", "employment": "TOT_EMP"}

    def national(self, year):
        with open(os.path.join(REALDATA, f"national_M{year}_dl.15-xxxx_extract.tsv"), encoding="utf-8") as f:
            return {r["OCC_CODE"]: r for r in csv.DictReader(f, delimiter="\t")}

    def test_every_oews_figure(self):
        national = {"bls-oews-2024": self.national(2024), "bls-oews-2023": self.national(2023)}
        with open(os.path.join(REALDATA, "state_M2023_dl.csv"), encoding="utf-8-sig") as f:
            states = {(r["OCC_TITLE"], r["PRIM_STATE"]): r for r in csv.DictReader(f)}
        checked = 0
        for role in run_json("roles")["roles"]:
            for fig in run_json("show", role["role"]["id"])["role"].get("salary", []):
                if fig["source"] not in national:
                    continue
                code = fig["occupation"].split("SOC ")[1].rstrip(")")
                title = fig["occupation"].split(" (SOC")[0]
                row = national[fig["source"]][code] if fig["scope"] == "national" else states[(title, fig["state"])]
                for key, column in self.COLUMNS.items():
                    want = oews_number(row[column])
                    self.assertEqual(fig.get(key), want, f"{role['role']['id']} {fig['id']} {key}")
                checked += 1
        self.assertGreater(checked, 60)


class Assess(unittest.TestCase):
    def test_creates_then_updates_safely(self):
        with tempfile.TemporaryDirectory() as tmp:
            env = {"XDG_CONFIG_HOME": tmp}
            path = os.path.join(tmp, "careerplan", "assessment.json")
            _, err, status = run("assess", "mle", "--set", "python=4", env=env)
            self.assertEqual(status, 0, err)
            with open(path, encoding="utf-8") as f:
                first = json.load(f)
            self.assertEqual(first["ratings"], {"python": 4})
            self.assertEqual(first["target_role"], "machine-learning-engineer")
            _, err, status = run("assess", "--set", "sql=2", "--set", "py=5", env=env)
            self.assertEqual(status, 0, err)
            with open(path, encoding="utf-8") as f:
                second = json.load(f)
            self.assertEqual(second["ratings"], {"python": 5, "sql": 2})
            self.assertEqual(second["target_role"], "machine-learning-engineer")
            # no temporary left; the history log beside the file has one snapshot per save
            self.assertEqual(sorted(os.listdir(os.path.dirname(path))), ["assessment.history.jsonl", "assessment.json"])
            with open(os.path.join(os.path.dirname(path), "assessment.history.jsonl"), encoding="utf-8") as f:
                snapshots = [json.loads(line) for line in f]
            self.assertEqual([s["assessment"]["ratings"] for s in snapshots], [first["ratings"], second["ratings"]])

    def test_corrupt_file_is_left_byte_for_byte(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "a.json")
            for text in [b'{"schema": "careerplan/assessment/v1", "ratings": {', b'{"ratings": {"python": 9}}', b"\xff\xfe"]:
                with open(path, "wb") as f:
                    f.write(text)
                out, err, status = run("assess", "--assessment", path, "--set", "python=3")
                self.assertEqual(status, 3, err)
                self.assertEqual(out, "")
                with open(path, "rb") as f:
                    self.assertEqual(f.read(), text)



def mutated(mutate):
    with open(MLE_FILE, encoding="utf-8") as f:
        role = json.load(f)
    mutate(role)
    return role


BAD_ROLES = [
    # (name, mutation, expected JSON path, expected words)
    ("weight over 1", lambda r: r["skills"][0].__setitem__("weight", 1.5), "/skills/0/weight", "out of range"),
    ("weight zero", lambda r: r["skills"][1].__setitem__("weight", 0), "/skills/1/weight", "greater than 0"),
    ("weight string", lambda r: r["skills"][0].__setitem__("weight", "0.9"), "/skills/0/weight", "expected a number"),
    ("level over scale", lambda r: r["skills"][2]["required"].__setitem__("mid", 6), "/skills/2/required/mid", "outside the scale"),
    ("unknown level", lambda r: r["skills"][2]["required"].__setitem__("principal", 3), "/skills/2/required/principal", "not one of the role's levels"),
    ("unknown skill", lambda r: r["skills"][0].__setitem__("skill", "pyton"), "/skills/0/skill", "did you mean 'python'"),
    ("duplicate skill", lambda r: r["skills"][1].__setitem__("skill", "python"), "/skills/1/skill", "duplicate skill"),
    ("source does not resolve", lambda r: r["salary"][0].__setitem__("source", "levels-fyi"), "/salary/0/source", "does not resolve"),
    ("figure without source", lambda r: r["salary"][3].pop("source"), "/salary/3/source", "required field is missing"),
    ("missing title", lambda r: r.pop("title"), "/title", "required field is missing"),
    ("id is a path", lambda r: r.__setitem__("id", "../etc/passwd"), "/id", "not a plain id"),
    ("duplicate figure id", lambda r: r["salary"][1].__setitem__("id", r["salary"][0]["id"]), "/salary/1", "duplicate salary figure id"),
    ("duplicate route id", lambda r: r["routes"][1].__setitem__("id", r["routes"][0]["id"]), "/routes/1", "duplicate route id"),
    ("band out of order", lambda r: r["salary"][0].__setitem__("low", 999999), "/salary/0/median", "below low"),
    ("unknown basis", lambda r: r["salary"][0].__setitem__("basis", "gross"), "/salary/0/basis", "not one of"),
    ("bad state", lambda r: r["salary"][9].__setitem__("state", "XX"), "/salary/9/state", "not a US state"),
    ("unknown field", lambda r: r.__setitem__("salaries", []), "/salaries", "unknown field"),
    ("misspelt field", lambda r: r["salary"][0].__setitem__("medain", 1), "/salary/0/medain", "did you mean 'median'"),
    ("modelling choice without quote", lambda r: r["skills"][6]["weight_basis"].pop("quote"), "/skills/6/weight_basis/quote", "modelling choice must quote"),
    ("derived without derivation", lambda r: r["skills"][2]["weight_basis"].pop("derivation"), "/skills/2/weight_basis/derivation", "must say how"),
    ("rule at_least too big", lambda r: r["rules"][0].__setitem__("at_least", 9), "/rules/0/at_least", "more than the rule"),
    ("rule skill not in role", lambda r: r["rules"][0]["skills"].append("cloud"), "/rules/0/skills", "not one of the role's skills"),
    ("wrong schema", lambda r: r.__setitem__("schema", "careerplan/role/v9"), "/schema", "unsupported schema"),
    ("skills not an array", lambda r: r.__setitem__("skills", {}), "/skills", "expected an array"),
    ("years reversed", lambda r: r["ladders"][0]["levels"][0].__setitem__("years_max", -1), "/ladders/0/levels/0/years_max", "out of range"),
    ("alias not plain", lambda r: r["aliases"].append("ML Eng"), "/aliases/3", "not a plain id"),
    ("adjustment reversed", lambda r: r["adjustments"][0].__setitem__("change_high", -0.9), "/adjustments/0/change_high", "below change_low"),
    ("cert cost without source", lambda r: r["certifications"][0].pop("cost_source"), "/certifications/0/cost_source", "required field is missing"),
    ("primary ladder unknown", lambda r: r.__setitem__("primary_ladder", "nope"), "/primary_ladder", "no ladder"),
    # Issue 17: a figure labelled 'published' is stated by its quote; a guide's figure carries its quote.
    ("published weight not in its quote", lambda r: r["skills"][0]["weight_basis"].update(
        kind="published", quote="Python Fundamentals (relevance 0.90)."), "/skills/0/weight_basis/quote", "does not state it"),
    ("published weight without quote", lambda r: r["skills"][0].__setitem__("weight_basis", {
        "kind": "published", "source": "aieh-mle-2026"}), "/skills/0/weight_basis/quote", "needs the quote"),
    ("guide figure not in its quote", lambda r: r["salary"][0].__setitem__("median", 210000), "/salary/0/quote",
     "does not state the figure 210000"),
    ("guide figure without quote", lambda r: r["salary"][0].pop("quote"), "/salary/0", "needs the quote"),
]


class BadRoleProfiles(unittest.TestCase):
    def check(self, role, path, words, filename="machine-learning-engineer.json"):
        with tempfile.TemporaryDirectory() as tmp:
            os.makedirs(os.path.join(tmp, "roles"))
            f = os.path.join(tmp, "roles", filename)
            with open(f, "w", encoding="utf-8") as fh:
                json.dump(role, fh)
            out, err, status = run("validate", "--data-dir", tmp, "--json")
            self.assertEqual(status, 3, err)
            report = json.loads(out)
            self.assertFalse(report["valid"])
            found = [p for p in report["problems"] if p["file"] == f and p["path"] == path and words in p["message"]]
            self.assertTrue(found, f"expected {path}: {words!r}; got {report['problems']}")
            # Every other command refuses the broken catalog too, with one line naming file and path.
            out, err, status = run("roles", "--data-dir", tmp)
            self.assertEqual(status, 3)
            self.assertEqual(out, "")
            self.assertEqual(err.count("\n"), 1, err)
            self.assertTrue(err.startswith(f"careerplan: error: {f}: "), err)

    def test_each_rejection(self):
        for name, mutate, path, words in BAD_ROLES:
            with self.subTest(name):
                self.check(mutated(mutate), path, words)

    def test_file_name_must_match_id(self):
        self.check(mutated(lambda r: None), "/id", "does not match the file name", filename="other.json")


if __name__ == "__main__":
    # `test_contract.py BINARY` runs the contract on the bundled data; `test_contract.py BINARY
    # --realdata` runs only FiguresMatchTheRealData (its own CTest entry), exit 77 (a visible CTest
    # skip, not a pass) when ../shared/realdata is absent.
    BINARY = os.path.abspath(sys.argv.pop(1))
    loader = unittest.defaultTestLoader
    if "--realdata" in sys.argv[1:]:
        if not os.path.isdir(REALDATA):
            print(f"skipped: {REALDATA} is absent (BLS's files are not committed)")
            sys.exit(77)
        suite = loader.loadTestsFromTestCase(FiguresMatchTheRealData)
    else:
        cases = [obj for obj in list(globals().values()) if isinstance(obj, type) and
                 issubclass(obj, unittest.TestCase) and obj not in (unittest.TestCase, FiguresMatchTheRealData)]
        suite = unittest.TestSuite(loader.loadTestsFromTestCase(case) for case in cases)
    result = unittest.TextTestRunner(verbosity=1).run(suite)
    total = result.testsRun
    bad = len(result.failures) + len(result.errors)
    print(f"contract: {total - bad} passed, {bad} failed")
    sys.exit(1 if bad else 0)

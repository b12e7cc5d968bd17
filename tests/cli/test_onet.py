#!/usr/bin/env python3
"""O*NET import end to end, on the fixture release in tests/fixtures/onet (O*NET 29.3's own rows
for five occupations): every figure `show` prints is checked against the fixture's files, and
every kind of bad input is refused with one line naming file and line, the previous import
left as it was.

    test_onet.py BINARY
"""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import ptyio

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIXTURE = os.path.join(ROOT, "tests", "fixtures", "onet")
BINARY = None


def tsv(name, base=FIXTURE):
    with open(os.path.join(base, name), encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


class Env:
    def __init__(self, tmp):
        self.tmp = tmp
        self.env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": tmp,
                    "XDG_CONFIG_HOME": os.path.join(tmp, "config"), "XDG_DATA_HOME": os.path.join(tmp, "data"),
                    "COLUMNS": "100", "NO_COLOR": "1", "LC_ALL": "C.UTF-8", "SOURCE_DATE_EPOCH": "1764547200"}

    def run(self, *args, status=0, env=None):
        e = dict(self.env)
        e.update(env or {})
        p = subprocess.run([BINARY] + list(args), env=e, cwd=self.tmp, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, timeout=120)
        if p.returncode != status:
            raise AssertionError(f"careerplan {' '.join(args)}: exit {p.returncode}, expected {status}\n"
                                 f"stdout: {p.stdout[:2000]}\nstderr: {p.stderr[:2000]}")
        return p

    def json(self, *args):
        return json.loads(self.run(*args, "--json").stdout)


class Imported(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmpdir = tempfile.TemporaryDirectory(prefix="careerplan-onet-")
        cls.e = Env(os.path.realpath(cls.tmpdir.name))
        cls.imported = cls.e.json("import", "onet", FIXTURE)

    @classmethod
    def tearDownClass(cls):
        cls.tmpdir.cleanup()

    def test_import_reports_the_release_and_every_file(self):
        j = self.imported
        self.assertEqual(j["schema"], "careerplan/import/v1")
        self.assertEqual(j["source"]["id"], "onet-29.3")
        self.assertEqual(j["source"]["title"], "O*NET 29.3 Database, May 2025 Release")
        self.assertEqual(j["source"]["license"], "CC BY 4.0")
        self.assertEqual(j["source"]["imported_at"], "2025-12-01T00:00:00Z")
        self.assertEqual(j["occupations"], len(tsv("Occupation Data.txt")))
        self.assertEqual(j["rated_occupations"], len({r["O*NET-SOC Code"] for r in tsv("Skills.txt")}))
        self.assertEqual(j["missing"], [])
        rows = {f["file"]: f["rows"] for f in j["files"]}
        for name in ["Skills.txt", "Knowledge.txt", "Technology Skills.txt", "Alternate Titles.txt"]:
            self.assertEqual(rows[name], len(tsv(name)), name)
        self.assertTrue(os.path.isfile(os.path.join(self.e.tmp, "data", "careerplan", "careerplan.sqlite3")))

    def test_import_list_and_sources_name_the_release_in_use(self):
        j = self.e.json("import", "--list")
        self.assertEqual(j["schema"], "careerplan/import-list/v1")
        self.assertEqual(j["onet"]["version"], "29.3")
        self.assertEqual(j["onet"]["directory"], FIXTURE)
        s = self.e.json("sources")
        self.assertEqual(s["imported"][0]["id"], "onet-29.3")
        self.assertIn("CC BY 4.0", self.e.run("sources").stdout)

    def test_every_rating_shown_is_onets(self):
        for code in sorted({r["O*NET-SOC Code"] for r in tsv("Skills.txt")}):
            occ = self.e.json("show", code)["occupation"]
            for domain, name in (("skills", "Skills.txt"), ("knowledge", "Knowledge.txt")):
                want = {}
                for r in tsv(name):
                    if r["O*NET-SOC Code"] == code:
                        want.setdefault(r["Element ID"], {})[r["Scale ID"]] = r
                got = {x["element"]: x for x in occ[domain]}
                self.assertEqual(set(got), set(want), f"{code} {domain}")
                for el, scales in want.items():
                    for scale, key in (("IM", "importance"), ("LV", "level")):
                        r, g = scales[scale], got[el][key]
                        self.assertEqual(g["value"], float(r["Data Value"]), f"{code} {el} {scale}")
                        self.assertEqual(g["n"], int(r["N"]) if r["N"] != "n/a" else None)
                        self.assertEqual(g["standard_error"], float(r["Standard Error"]) if r["Standard Error"] != "n/a" else None)
                        self.assertEqual(g["recommend_suppress"], r["Recommend Suppress"] == "Y")
                    lv = scales["LV"]
                    self.assertEqual(got[el]["not_relevant"], {"Y": True, "N": False}.get(lv["Not Relevant"]))
            # sorted by importance, highest first
            ims = [x["importance"]["value"] for x in occ["skills"]]
            self.assertEqual(ims, sorted(ims, reverse=True))

    def test_anchor_is_the_nearest_to_the_level(self):
        occ = self.e.json("show", "15-2041.00")["occupation"]
        anchors = tsv("Level Scale Anchors.txt")
        for s in occ["skills"]:
            mine = [a for a in anchors if a["Element ID"] == s["element"] and a["Scale ID"] == "LV"]
            if not mine:
                self.assertIsNone(s["anchor"])
                continue
            best = min(mine, key=lambda a: abs(float(a["Anchor Value"]) - s["level"]["value"]))
            if s["not_relevant"] or abs(float(best["Anchor Value"]) - s["level"]["value"]) > 1:
                self.assertIsNone(s["anchor"])
            else:
                self.assertEqual(s["anchor"]["text"], best["Anchor Description"])

    def test_profile_figures_are_onets(self):
        code = "15-2041.00"
        occ = self.e.json("show", code)["occupation"]
        data = {r["O*NET-SOC Code"]: r for r in tsv("Occupation Data.txt")}[code]
        self.assertEqual(occ["title"], data["Title"])
        self.assertEqual(occ["description"], data["Description"])
        self.assertEqual(occ["alias"], "statisticians")
        zone = {r["O*NET-SOC Code"]: r for r in tsv("Job Zones.txt")}[code]["Job Zone"]
        self.assertEqual(occ["job_zone"]["zone"], int(zone))
        edu = {int(r["Category"]): float(r["Data Value"]) for r in tsv("Education, Training, and Experience.txt")
               if r["O*NET-SOC Code"] == code and r["Scale ID"] == "RL"}
        self.assertEqual({s["category"]: s["percent"] for s in occ["education"]["shares"]}, edu)
        rel = [(r["Related O*NET-SOC Code"], r["Relatedness Tier"], int(r["Index"])) for r in tsv("Related Occupations.txt")
               if r["O*NET-SOC Code"] == code]
        self.assertEqual(sorted((r["code"], r["tier"], r["index"]) for r in occ["related"]), sorted(rel))
        tech = {r["Example"]: r for r in tsv("Technology Skills.txt") if r["O*NET-SOC Code"] == code}
        self.assertEqual({t["example"] for t in occ["technology"]}, set(tech))
        for t in occ["technology"]:
            self.assertEqual(t["hot"], tech[t["example"]]["Hot Technology"] == "Y")
            self.assertEqual(t["in_demand"], tech[t["example"]]["In Demand"] == "Y")
        interests = {r["Element ID"]: float(r["Data Value"]) for r in tsv("Interests.txt")
                     if r["O*NET-SOC Code"] == code and r["Scale ID"] == "OI"}
        self.assertEqual({i["element"]: i["value"] for i in occ["interests"]}, interests)
        alt = sorted(r["Alternate Title"] for r in tsv("Alternate Titles.txt") if r["O*NET-SOC Code"] == code)
        self.assertEqual(occ["alternate_titles"], alt)

    def test_names_resolve_like_roles(self):
        for name in ["15-2041.00", "statisticians", "STATISTICIANS", "15-2041"]:
            self.assertEqual(self.e.json("show", name)["occupation"]["code"], "15-2041.00", name)
        p = self.e.run("show", "statistican", status=2)
        self.assertIn("unknown role 'statistican'", p.stderr)
        self.assertIn("statisticians", p.stderr)
        self.assertEqual(p.stderr.count("\n"), 1)

    def test_an_unrated_occupation_says_so_and_points_to_the_curated_role(self):
        j = self.e.json("show", "15-2051.00")["occupation"]
        self.assertFalse(j["rated"])
        self.assertEqual(j["skills"], [])
        self.assertIn("data-scientist", [r["id"] for r in j["curated_roles"]])
        out = self.e.run("show", "15-2051.00").stdout
        self.assertIn("has no skill or knowledge ratings for this occupation", out)
        self.assertIn("A curated role covers this occupation: 'careerplan show data-scientist'", out)
        self.assertIn("CC BY 4.0", out)

    def test_a_curated_role_points_to_its_occupation(self):
        j = self.e.json("show", "mle")
        self.assertIn({"occupation": {"code": "15-2051.00", "title": "Data Scientists"}, "soc": "15-2051", "rated": False},
                      j["onet_occupations"])
        self.assertIn("O*NET occupations under these codes", self.e.run("show", "mle").stdout)

    def test_roles_search_finds_titles_and_alternate_titles(self):
        j = self.e.json("roles", "--search", "statistic")
        self.assertEqual([o["code"] for o in j["occupations"]], ["15-2041.00"])
        alt = [r for r in tsv("Alternate Titles.txt") if r["O*NET-SOC Code"] == "29-1141.00"][0]["Alternate Title"]
        j = self.e.json("roles", "--search", alt.upper())
        self.assertIn("29-1141.00", [o["code"] for o in j["occupations"]])
        j = self.e.json("roles", "--search", "data")
        self.assertIn("data-scientist", [r["role"]["id"] for r in j["roles"]])
        self.assertIn("15-2051.00", [o["code"] for o in j["occupations"]])
        self.assertEqual(len(self.e.json("roles", "--onet")["occupations"]), len(tsv("Occupation Data.txt")))
        self.assertEqual(self.e.json("roles", "--search", "100%_")["occupations"], [])
        self.assertIn("occupations of O*NET 29.3", self.e.run("roles").stdout)

    def test_compare_occupations_side_by_side(self):
        j = self.e.json("compare", "statisticians", "15-2031.00")
        self.assertEqual(j["schema"], "careerplan/compare-occupations/v1")
        self.assertEqual([o["code"] for o in j["occupations"]], ["15-2041.00", "15-2031.00"])
        skills = tsv("Skills.txt")
        for o in j["occupations"]:
            for s in o["skills"]:
                r = [x for x in skills if x["O*NET-SOC Code"] == o["code"] and x["Element ID"] == s["element"]
                     and x["Scale ID"] == "IM"][0]
                self.assertEqual(s["importance"]["value"], float(r["Data Value"]))
        out = self.e.run("compare", "15-2041.00", "15-2031.00").stdout
        im = [x for x in skills if x["O*NET-SOC Code"] == "15-2041.00" and x["Element ID"] == "2.A.1.e"]
        self.assertIn(" / ".join(f"{float(x['Data Value']):.2f}" for x in im), out)
        self.assertIn("CC BY 4.0", out)
        p = self.e.run("compare", "mle", "15-2041.00", status=2)
        self.assertIn("'mle' is a curated role and the others are O*NET occupations", p.stderr)
        self.assertIn("given twice", self.e.run("compare", "15-2041.00", "statisticians", status=2).stderr)
        self.assertIn("unknown role 'nosuch'", self.e.run("compare", "15-2041.00", "nosuch", status=2).stderr)

    def expected_readiness(self, code, ratings):
        """careerplan's formula (man careerplan, FORMULAS), recomputed from the fixture's files."""
        rows = {}
        for name in ("Skills.txt", "Knowledge.txt"):
            for r in tsv(name):
                if r["O*NET-SOC Code"] == code:
                    rows.setdefault(r["Element ID"], {})[r["Scale ID"]] = r
        num = den = var_terms = 0.0
        terms = []
        for el, sc in rows.items():
            im, lv = sc.get("IM"), sc.get("LV")
            if not im or not lv or "Y" in (im["Recommend Suppress"], lv["Recommend Suppress"]) or lv["Not Relevant"] == "Y":
                continue
            IM, LV = float(im["Data Value"]), float(lv["Data Value"])
            if LV <= 0 or IM <= 1 or el not in ratings:
                continue
            w, r = IM - 1, ratings[el]
            num += w * min(r, LV) / LV
            den += w
            se = float(lv["Standard Error"]) if lv["Standard Error"] != "n/a" else 0.0
            terms.append((w, r, LV, se))
        if den == 0:
            return None, 0.0
        import math
        var = sum(((w / den) * (r / LV ** 2) * se) ** 2 for w, r, LV, se in terms if r < LV)
        return 100 * num / den, 100 * math.sqrt(var)

    def test_rating_onet_skills_and_matching_every_occupation(self):
        a = os.path.join(self.e.tmp, "onet-a.json")
        p = self.e.run("assess", "--set", "2.A.1.e=5", "--set", "onet:critical-thinking=4", "--set", "programming=2",
                       "--set", "Reading-Comprehension=4", "--set", "2.C.4.a=3", "-o", a)
        self.assertIn("5 O*NET rating(s)", p.stderr)
        with open(a) as f:
            saved = json.load(f)
        self.assertEqual(saved["onet_release"], "29.3")
        self.assertEqual(saved["onet_ratings"], {"2.A.1.e": 5, "2.A.2.a": 4, "2.B.3.e": 2, "2.A.1.a": 4, "2.C.4.a": 3})
        self.assertEqual(saved["ratings"], {})
        # 'mathematics' is both a skill and a knowledge area: ambiguous; a level past 7 is refused.
        self.assertIn("names more than one O*NET element", self.e.run("assess", "--set", "mathematics=3", "-o", a, status=2).stderr)
        self.assertIn("not a level from 0 to 7", self.e.run("assess", "--set", "2.A.1.e=8", "-o", a, status=2).stderr)
        self.assertIn("unknown skill 'nosuchthing'", self.e.run("assess", "--set", "nosuchthing=3", "-o", a, status=2).stderr)

        j = self.e.json("match", "-a", a)
        self.assertEqual(j["roles"], [])
        self.assertTrue(any("curated roles are left out" in w for w in j["warnings"]))
        occ = j["occupations"]
        rated = sorted({r["O*NET-SOC Code"] for r in tsv("Skills.txt")})
        self.assertEqual(j["schema"], "careerplan/match/v2")
        self.assertEqual(sorted(o["occupation"]["code"] for o in occ), rated)
        exact = {}
        for o in occ:
            code = o["occupation"]["code"]
            want, se = self.expected_readiness(code, saved["onet_ratings"])
            exact[code] = (want, se)
            self.assertEqual(o["readiness"], round(want, 1), msg=code)  # one decimal, as the table shows
            self.assertAlmostEqual(o["readiness_se"], se, delta=0.051, msg=code)
        self.assertEqual([o["readiness"] for o in occ], sorted((o["readiness"] for o in occ), reverse=True))
        for prev, cur in zip(occ, occ[1:]):
            import math
            (p_r, p_se), (c_r, c_se) = exact[prev["occupation"]["code"]], exact[cur["occupation"]["code"]]
            self.assertEqual(cur["too_close_to_previous"], abs(p_r - c_r) < 1.96 * math.hypot(p_se, c_se))
        self.assertEqual([o["occupation"]["code"] for o in self.e.json("match", "-a", a, "--zone", "5")["occupations"]],
                         [o["occupation"]["code"] for o in occ if o["job_zone"] == 5])
        fam = self.e.json("match", "-a", a, "--family", "29")["occupations"]
        self.assertEqual([o["occupation"]["code"] for o in fam], ["29-1141.00"])
        self.assertFalse(fam[0]["too_close_to_previous"])  # the first shown has no neighbour above it
        self.assertEqual(len(self.e.json("match", "-a", a, "--top", "1")["occupations"]), 1)
        self.assertIn("careerplan's formula, not O*NET's", self.e.run("match", "-a", a).stdout)

        g = self.e.json("gap", "15-2041.00", "-a", a)
        self.assertEqual(g["schema"], "careerplan/onet-gap/v1")
        want, _ = self.expected_readiness("15-2041.00", saved["onet_ratings"])
        self.assertAlmostEqual(g["occupation"]["readiness"], want, places=9)
        for e in g["occupation"]["elements"]:
            if e["counted"] and e["rating"] is not None:
                self.assertAlmostEqual(e["gap"], max(0, e["required"] - e["rating"]))
                self.assertAlmostEqual(e["priority"], (e["importance"] - 1) * e["gap"])
            if e["rating"] is None:
                self.assertEqual(e["gap"], 0)
        out = self.e.run("gap", "15-2041.00", "-a", a).stdout
        self.assertIn("unrated", out)
        self.assertIn("--level is for curated roles", self.e.run("gap", "15-2041.00", "-a", a, "--level", "mid", status=2).stderr)

    def test_flat_and_unknown_onet_ratings_are_warned_about(self):
        a = os.path.join(self.e.tmp, "flat.json")
        with open(a, "w") as f:
            json.dump({"schema": "careerplan/assessment/v1", "onet_release": "27.0",
                       "onet_ratings": {"2.A.1.e": 4, "2.A.2.a": 4, "2.B.3.e": 4, "9.Z.9": 2}}, f)
        w = self.e.json("match", "-a", a)["warnings"]
        self.assertTrue(any("every O*NET rating is the same" in x for x in w), w)
        self.assertTrue(any("9.Z.9" in x for x in w), w)
        self.assertTrue(any("made against O*NET 27.0" in x for x in w), w)
        with open(a, "w") as f:
            json.dump({"schema": "careerplan/assessment/v1", "onet_ratings": {"2.A.1.e": 9}}, f)
        self.assertIn("out of range (0 to 7)", self.e.run("match", "-a", a, status=3).stderr)

    def test_match_at_80_columns_is_a_table_not_a_block_per_row(self):
        a = os.path.join(self.e.tmp, "narrow-a.json")
        with open(a, "w") as f:
            json.dump({"schema": "careerplan/assessment/v1", "onet_ratings": {"2.A.1.e": 2, "2.A.2.a": 3, "2.B.3.e": 1}}, f)
        import re
        for columns in ("80", "100"):
            out = self.e.run("match", "-a", a, env={"COLUMNS": columns}).stdout
            lines = out.splitlines()
            self.assertTrue(any(re.match(r"^\s+#\s+CODE\s+TITLE\b", l) for l in lines), out)
            self.assertFalse(any(re.match(r"^\s+CODE\s+\d\d-\d{4}\.\d\d", l) for l in lines), out)
            self.assertLessEqual(max(len(l) for l in lines), int(columns), out)
            codes = {r["O*NET-SOC Code"] for r in tsv("Skills.txt")}
            self.assertEqual({m for l in lines for m in re.findall(r"\b\d\d-\d{4}\.\d\d\b", l)} & codes, codes)

    def test_a_store_imported_before_onet_profile_matches_the_same_and_says_to_reimport(self):
        a = os.path.join(self.e.tmp, "older-a.json")
        with open(a, "w") as f:
            json.dump({"schema": "careerplan/assessment/v1", "years_experience": 3, "education": "bachelor",
                       "onet_ratings": {"2.A.1.e": 5, "2.A.2.a": 3, "2.B.3.e": 2, "2.C.4.a": 4}}, f)
        new = self.e.json("match", "-a", a)
        self.assertFalse(any("older careerplan" in w for w in new["warnings"]), new["warnings"])
        with tempfile.TemporaryDirectory(prefix="careerplan-onet-old-") as tmp:
            old = Env(os.path.realpath(tmp))
            shutil.copytree(os.path.join(self.e.tmp, "data"), os.path.join(old.tmp, "data"))
            store = os.path.join(old.tmp, "data", "careerplan", "careerplan.sqlite3")
            import sqlite3
            with sqlite3.connect(store) as db:
                db.execute("DROP TABLE onet_profile")
                db.execute("DROP TABLE onet_profile_element")
            got = old.json("match", "-a", a)
            self.assertEqual(got["occupations"], new["occupations"])
            self.assertTrue(any("re-run 'careerplan import onet " in w for w in got["warnings"]), got["warnings"])
            # A damaged packed row: one line naming the store and the occupation, exit 1.
            old.run("import", "onet", FIXTURE)
            with sqlite3.connect(store) as db:
                db.execute("UPDATE onet_profile SET ratings = x'00' WHERE code = '15-2041.00'")
            err = old.run("match", "-a", a, status=1).stderr
            self.assertEqual(len(err.splitlines()), 1, err)
            self.assertIn("O*NET profile of 15-2041.00 is damaged; re-run 'careerplan import onet DIR'", err)

    def test_plan_on_an_occupation(self):
        a = os.path.join(self.e.tmp, "plan-a.json")
        with open(a, "w") as f:
            json.dump({"schema": "careerplan/assessment/v1", "onet_ratings": {"2.A.1.e": 3, "2.B.3.e": 1}}, f)
        j = self.e.json("plan", "15-2041.00", "-a", a)["occupation"]
        self.assertEqual([e["element"] for e in j["steps"]], ["2.A.1.e", "2.B.3.e"])  # by priority
        self.assertTrue(all(e["rating"] is None for e in j["unrated"]))
        self.assertIn("2.A.2.a", [e["element"] for e in j["unrated"]])
        tech = {r["Example"]: r for r in tsv("Technology Skills.txt") if r["O*NET-SOC Code"] == "15-2041.00"}
        want = sorted(x for x, r in tech.items() if "Y" in (r["Hot Technology"], r["In Demand"]))
        self.assertEqual(sorted(t["example"] for t in j["technologies"]), want)
        out = self.e.run("plan", "statisticians", "-a", a).stdout
        self.assertIn("1. Mathematics: from 3 to 5.38", out)
        self.assertIn("careerplan assess --set 2.A.2.a=N", out)

    def test_routes_on_an_occupation_ranks_onets_related_occupations(self):
        rel = [r for r in tsv("Related Occupations.txt") if r["O*NET-SOC Code"] == "15-2041.00"]
        tiers = {"Primary-Short": 0, "Primary-Long": 1, "Supplemental": 2}
        onet_order = [r["Related O*NET-SOC Code"] for r in sorted(rel, key=lambda r: (tiers[r["Relatedness Tier"]], int(r["Index"])))]
        zones = {r["O*NET-SOC Code"]: int(r["Job Zone"]) for r in tsv("Job Zones.txt")}
        # no assessment rates O*NET: O*NET's order; --from an occupation comes first
        j = self.e.json("routes", "15-2041.00")
        self.assertEqual(j["schema"], "careerplan/onet-routes/v1")
        self.assertEqual(j["occupation"], {"code": "15-2041.00", "title": "Statisticians"})
        self.assertEqual([r["occupation"]["code"] for r in j["routes"]], onet_order)
        for r in j["routes"]:
            src = next(x for x in rel if x["Related O*NET-SOC Code"] == r["occupation"]["code"])
            self.assertEqual((r["tier"], r["index"]), (src["Relatedness Tier"], int(src["Index"])))
            self.assertEqual(r["job_zone"], zones.get(r["occupation"]["code"]))
        last = onet_order[-1]
        j = self.e.json("routes", "statisticians", "--from", last)
        self.assertEqual(j["routes"][0]["occupation"]["code"], last)
        self.assertTrue(j["routes"][0]["is_from"])
        self.assertEqual(j["zone_step"], zones["15-2041.00"] - zones[last])
        # the education typically required is O*NET's RL distribution
        ete = [r for r in tsv("Education, Training, and Experience.txt")
               if r["O*NET-SOC Code"] == "15-2041.00" and r["Scale ID"] == "RL"]
        self.assertEqual(sorted(e["percent"] for e in j["education"]), sorted(round(float(r["Data Value"]), 1) for r in ete))
        # a curated role stands for its anchor occupation; an assessment's O*NET ratings rank by readiness
        a = os.path.join(self.e.tmp, "routes-a.json")
        with open(a, "w") as f:
            json.dump({"schema": "careerplan/assessment/v1", "years_experience": 3,
                       "onet_ratings": {"2.A.1.e": 5, "2.A.2.a": 4, "2.B.3.e": 2}}, f)
        j = self.e.json("routes", "15-2041.00", "-a", a, "--from", "data-scientist")
        self.assertEqual(j["from"]["role"]["id"], "data-scientist")
        self.assertEqual(j["from"]["occupation"]["code"][:7], "15-2051")
        ranked = [r for r in j["routes"] if not r["is_from"] and r["readiness"] is not None]
        self.assertEqual([r["readiness"] for r in ranked], sorted((r["readiness"] for r in ranked), reverse=True))
        self.assertEqual(j["experience"]["years"], 3)
        out = self.e.run("routes", "15-2041.00", "-a", a).stdout
        self.assertIn("Related occupations as ways in", out)
        self.assertIn("Education typically required", out)
        csv_out = self.e.run("routes", "15-2041.00", "--format", "csv").stdout
        self.assertTrue(csv_out.startswith("rank,code,title,tier,index"))
        self.assertIn("unknown role", self.e.run("routes", "15-2041.00", "--from", "nosuchthing", status=2).stderr)
        # a curated role whose anchor occupation is not imported: no occupation to start from, and the table says so
        j = self.e.json("routes", "15-2041.00", "--from", "head-of-ai")
        self.assertIsNone(j["from"])
        out = self.e.run("routes", "15-2041.00", "--from", "head-of-ai").stdout
        self.assertIn("Warnings", out)
        self.assertIn("head-of-ai has no anchor O*NET occupation that is imported", " ".join(out.split()))

    def test_assess_onet_prompts_from_a_pipe(self):
        a = os.path.join(self.e.tmp, "prompted.json")
        with open(a, "w") as f:
            json.dump({"schema": "careerplan/assessment/v1", "years_experience": 7, "onet_ratings": {"2.A.1.b": 2}}, f)
        skills = sorted({(r["Element ID"], r["Element Name"]) for r in tsv("Skills.txt")})
        e = dict(self.e.env)
        e["COLUMNS"] = "60"
        # item 1 = 5; item 2 (2.A.1.b, rated 2) kept by Enter; '?' explains; '-' back to item 2, = 3; item 3 = 4; end
        p = subprocess.run([BINARY, "assess", "--onet", "-o", a], input="5\n\n?\n-\n3\n4\n", env=e, cwd=self.e.tmp,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr)
        with open(a) as f:
            saved = json.load(f)
        ids = sorted({r["Element ID"] for r in tsv("Skills.txt")})
        self.assertEqual(saved["years_experience"], 7)  # -o FILE kept what FILE held
        self.assertEqual(saved["onet_release"], "29.3")
        self.assertEqual(saved["onet_ratings"], {ids[0]: 5, ids[1]: 3, ids[2]: 4})
        desc = {r["Element ID"]: r["Description"] for r in tsv("Content Model Reference.txt")}
        self.assertIn(desc[ids[0]].split()[0], p.stderr)
        self.assertIn("'-' goes back to the previous item", p.stderr)  # '?' explains
        anchors = [r for r in tsv("Level Scale Anchors.txt") if r["Element ID"] == ids[0] and r["Scale ID"] == "LV"]
        for r in anchors:
            self.assertIn(r["Anchor Description"].split()[0], p.stderr)
        self.assertTrue(all(len(line) <= 60 for line in p.stderr.splitlines()
                            if "level 0-7" not in line and not line.startswith("careerplan: saved")), p.stderr)
        self.assertIn("--knowledge", self.e.run("assess", "--help").stdout)

    def test_assess_onet_on_a_terminal(self):
        """On a real pseudo-terminal of 60 columns (no $COLUMNS): O*NET's description and anchors
        wrapped to it, a bad level asked again, '?' explains, '-' goes back, Enter keeps, Ctrl-D saves."""
        import fcntl
        import pty
        import struct
        import termios
        a = os.path.join(self.e.tmp, "on-a-terminal.json")
        if os.path.exists(a):
            os.remove(a)
        ids = sorted({r["Element ID"] for r in tsv("Skills.txt")})
        e = dict(self.e.env)
        e.pop("COLUMNS")
        e["TERM"] = "xterm"
        fd, tty = pty.openpty()
        fcntl.ioctl(tty, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 60, 0, 0))  # before it starts: no race
        proc = subprocess.Popen([BINARY, "assess", "--onet", "-o", a], stdin=tty, stdout=tty, stderr=tty, env=e,
                                cwd=self.e.tmp, start_new_session=True)
        os.close(tty)
        terminal = ptyio.Transcript(fd)

        def until(marker):
            return terminal.until(marker).replace("\r\n", "\n")

        prompt = b"level 0-7 [-] (Enter keeps, - back, ? help): "
        first = until(prompt)
        desc = {r["Element ID"]: r["Description"] for r in tsv("Content Model Reference.txt")}
        self.assertIn(f"[1/{len(ids)}]", first)
        self.assertIn(" ".join(desc[ids[0]].split()[:3]), " ".join(first.split()))  # O*NET's description
        for r in tsv("Level Scale Anchors.txt"):
            if r["Element ID"] == ids[0] and r["Scale ID"] == "LV":
                self.assertIn(r["Anchor Description"].split()[0], first)  # and its anchors
        self.assertTrue(all(len(line) <= 60 for line in first.splitlines()), first)  # wrapped to the terminal
        os.write(fd, b"5\n")
        until(prompt)  # item 2
        os.write(fd, b"8\n")
        self.assertIn("0 to 7", until(prompt))  # asked again
        os.write(fd, b"?\n")
        self.assertIn("goes back to the previous item", until(prompt))
        os.write(fd, b"-\n")
        self.assertIn(f"[1/{len(ids)}]", until(b"level 0-7 [5]"))  # back to item 1, its value in brackets
        until(b": ")
        os.write(fd, b"\n")  # Enter keeps 5
        until(prompt)
        os.write(fd, b"3\n")
        until(prompt)
        os.write(fd, b"\x04")  # end of input: save what was entered
        out = ptyio.read_rest(fd)
        status = proc.wait(timeout=30)
        os.close(fd)
        self.assertEqual(status, 0, out)
        self.assertIn(b"saved", out)
        with open(a) as f:
            saved = json.load(f)
        self.assertEqual(saved["onet_ratings"], {ids[0]: 5, ids[1]: 3})
        self.assertEqual(saved["onet_release"], "29.3")

    def test_match_min_wage_and_experience(self):
        with tempfile.TemporaryDirectory(prefix="careerplan-onet-wage-") as tmp:
            e = Env(os.path.realpath(tmp))
            self.assertIn("--onet rates O*NET's skills, and no O*NET data is imported",
                          e.run("assess", "--onet", "-o", os.path.join(e.tmp, "x.json"), status=2).stderr)
            self.assertFalse(os.path.exists(os.path.join(e.tmp, "x.json")))
            e.run("import", "onet", FIXTURE)
            a = os.path.join(e.tmp, "a.json")
            with open(a, "w") as f:
                json.dump({"schema": "careerplan/assessment/v1", "years_experience": 3,
                           "onet_ratings": {"2.A.1.e": 5, "2.A.2.a": 4, "2.B.3.e": 2}}, f)
            self.assertIn("no OEWS data is imported", e.run("match", "-a", a, "--min-wage", "100000", status=2).stderr)
            oews = os.path.join(e.tmp, "nat_M2024_dl.csv")
            with open(oews, "w") as f:
                f.write("AREA,AREA_TITLE,AREA_TYPE,OCC_CODE,OCC_TITLE,A_MEDIAN\n"
                        "99,U.S.,1,15-2041,Statisticians,104350\n"
                        "99,U.S.,1,15-2051,Data Scientists,112590\n"
                        "99,U.S.,1,15-2031,Operations Research Analysts,91290\n")
            e.run("import", "oews", oews)
            j = e.json("match", "-a", a, "--min-wage", "100000")
            # rated in the fixture: 15-2031 (below the minimum), 15-2041, 29-1141 (no wage imported)
            self.assertEqual([o["occupation"]["code"] for o in j["occupations"]], ["15-2041.00"])
            self.assertTrue(any("1 occupation(s) left out with a national median below it, and 1 left out for having no "
                                "national median wage" in w for w in j["warnings"]), j["warnings"])
            stat = next(o for o in j["occupations"] if o["occupation"]["code"] == "15-2041.00")
            self.assertEqual(stat["wage"]["median"], {"value": 104350, "currency": "USD", "period": "year"})
            self.assertEqual(stat["wage"]["period"], "May 2024")
            # the typical experience is O*NET's RW category with the largest share
            rw = [r for r in tsv("Education, Training, and Experience.txt")
                  if r["O*NET-SOC Code"] == "15-2041.00" and r["Scale ID"] == "RW"]
            top = max(rw, key=lambda r: float(r["Data Value"]))
            self.assertEqual(stat["experience"]["category"], int(top["Category"]))
            lo, hi = stat["experience"]["min_years"], stat["experience"]["max_years"]
            want = "below" if 3 < lo else "above" if hi is not None and 3 > hi else "within"
            self.assertEqual(stat["experience"]["fit"], want)
            # education: the assessment's against O*NET's most frequent Required Level of Education
            e.run("assess", "--education", "bachelor", "-o", a, "-q")
            with open(a) as f:
                self.assertEqual(json.load(f)["years_experience"], 3)  # -o FILE kept what it held
            self.assertIn("phd not in {less-than-high-school", e.run("assess", "--education", "phd", "-o", a, status=2).stderr)
            rl = [r for r in tsv("Education, Training, and Experience.txt")
                  if r["O*NET-SOC Code"] == "15-2041.00" and r["Scale ID"] == "RL"]
            top = max(rl, key=lambda r: float(r["Data Value"]))
            stat = next(o for o in e.json("match", "-a", a)["occupations"] if o["occupation"]["code"] == "15-2041.00")
            self.assertEqual(stat["education"]["category"], int(top["Category"]))
            want = "below" if 6 < int(top["Category"]) else "at" if 6 == int(top["Category"]) else "above"
            self.assertEqual((stat["education"]["yours"], stat["education"]["fit"]), ("bachelor", want))
            out = e.run("match", "-a", a).stdout
            self.assertIn("Your education (bachelor) is below the typical level", out)
            self.assertIn("You have 3 y of experience", out)
            self.assertIn("$104,350", out)
    def test_next_ranks_onet_steps_apart_with_standard_errors_and_the_job_zone_rule(self):
        a = os.path.join(self.e.tmp, "next-onet.json")
        with open(a, "w") as f:
            json.dump({"schema": "careerplan/assessment/v1", "current_role": "statisticians",
                       "onet_ratings": {"2.A.1.e": 3, "2.A.1.a": 2}}, f)
        d = self.e.json("next", "-a", a, "--target", "15-2041.00", "--target", "registered-nurses")
        self.assertIsNone(d["curated"])  # no 0-5 ratings: the vocabularies are never mixed
        self.assertEqual(d["current_job_zone"], 5)  # Statisticians, from current_role
        onet = d["onet"]
        self.assertEqual(d["schema"], "careerplan/next/v2")
        self.assertEqual([t["occupation"]["code"] for t in onet["targets"]], ["15-2041.00", "29-1141.00"])
        self.assertTrue(all(t["readiness"] == round(t["readiness"], 1) for t in onet["targets"]))
        steps = onet["steps"]
        self.assertEqual([s["skill"] for s in steps], ["2.A.1.a", "2.A.1.e"])
        self.assertGreater(steps[0]["gain"], steps[1]["gain"])
        self.assertTrue(all(s["se"] > 0 for s in steps))
        # unrated elements the targets count are named, never raised from 0
        self.assertIn("2.C.4.a", [u["skill"] for u in onet["unrated"]])
        self.assertNotIn("2.C.4.a", [s["skill"] for s in steps])
        reached = steps[0]["newly_within_reach"]
        self.assertEqual([(r["occupation"]["code"], r["zone_step"], r["counts"]) for r in reached], [("29-1141.00", -1, True)])
        self.assertTrue(all(r["median_wage"] is None or set(r["median_wage"]) == {"value", "currency", "period"} for r in reached))
        d = self.e.json("next", "-a", a, "--max-zone-step", "0")
        self.assertFalse(d["onet"]["steps"][0]["newly_within_reach"][0]["counts"])
        self.assertIn("more than 0", d["onet"]["steps"][0]["newly_within_reach"][0]["why_not"])


BAD = [
    # (name, mutation, expected text in the one-line error)
    ("wrong-header", lambda d: replace(d, "Skills.txt", "Data Value", "Value"), "Skills.txt:1: no 'Data Value' column"),
    ("truncated-row", lambda d: truncate_last(d, "Knowledge.txt"), "Knowledge.txt:19: "),
    ("not-utf8", lambda d: append_bytes(d, "Occupation Data.txt", b"99-9999.00\tCaf\xe9\tx\n"), "not valid UTF-8"),
    ("duplicate-row", lambda d: duplicate_last(d, "Skills.txt"), "a second row for"),
    ("out-of-range", lambda d: set_field(d, "Skills.txt", 2, "Data Value", "7.50"), "outside the LV scale's range 0–7"),
    ("unknown-scale", lambda d: set_field(d, "Knowledge.txt", 1, "Scale ID", "QQ"), "unknown scale id 'QQ'"),
    ("bad-code", lambda d: set_field(d, "Occupation Data.txt", 1, "O*NET-SOC Code", "15-2041"), "'15-2041' is not an O*NET-SOC code"),
    ("unknown-code", lambda d: set_field(d, "Skills.txt", 1, "O*NET-SOC Code", "99-9999.00"), "occupation '99-9999.00' is not in Occupation Data.txt"),
    ("not-a-number", lambda d: set_field(d, "Skills.txt", 1, "Data Value", "high"), "Data Value: 'high' is not a number"),
    ("empty-file", lambda d: write(d, "Skills.txt", b""), "Skills.txt:1: the file is empty"),
    ("no-occupation-data", lambda d: os.remove(os.path.join(d, "Occupation Data.txt")), "no 'Occupation Data.txt'"),
]


def replace(d, name, old, new):
    p = os.path.join(d, name)
    with open(p, encoding="utf-8") as f:
        text = f.read()
    with open(p, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))


def lines_of(d, name):
    with open(os.path.join(d, name), encoding="utf-8") as f:
        return f.read().split("\n")


def write(d, name, data):
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def truncate_last(d, name):
    lines = [l for l in lines_of(d, name) if l]
    lines[-1] = "\t".join(lines[-1].split("\t")[:5])
    write(d, name, ("\n".join(lines) + "\n").encode())


def duplicate_last(d, name):
    lines = [l for l in lines_of(d, name) if l]
    write(d, name, ("\n".join(lines + [lines[-1]]) + "\n").encode())


def append_bytes(d, name, data):
    with open(os.path.join(d, name), "ab") as f:
        f.write(data)


def set_field(d, name, row, column, value):
    lines = [l for l in lines_of(d, name) if l]
    header = lines[0].split("\t")
    fields = lines[row].split("\t")
    if name == "Skills.txt" and column == "Data Value" and row == 2:
        assert fields[header.index("Scale ID")] == "LV"
    fields[header.index(column)] = value
    lines[row] = "\t".join(fields)
    write(d, name, ("\n".join(lines) + "\n").encode())


class BadInput(unittest.TestCase):
    def test_each_bad_release_is_refused_and_the_previous_import_kept(self):
        with tempfile.TemporaryDirectory(prefix="careerplan-onet-") as tmp:
            e = Env(os.path.realpath(tmp))
            self.assertIn("--onet rates O*NET's skills, and no O*NET data is imported",
                          e.run("assess", "--onet", "-o", os.path.join(e.tmp, "x.json"), status=2).stderr)
            self.assertFalse(os.path.exists(os.path.join(e.tmp, "x.json")))
            e.run("import", "onet", FIXTURE)
            before = e.json("import", "--list")
            for name, mutate, expected in BAD:
                with self.subTest(name):
                    d = os.path.join(e.tmp, name)
                    shutil.copytree(FIXTURE, d)
                    mutate(d)
                    p = e.run("import", "onet", d, status=3, env={"SOURCE_DATE_EPOCH": "1800000000"})
                    self.assertEqual(p.stdout, "")
                    self.assertEqual(p.stderr.count("\n"), 1, p.stderr)
                    self.assertTrue(p.stderr.startswith("careerplan: error: "), p.stderr)
                    self.assertIn(expected, p.stderr)
                    self.assertEqual(e.json("import", "--list"), before)
                    self.assertEqual(e.json("show", "15-2041.00")["occupation"]["code"], "15-2041.00")
            p = e.run("import", "onet", os.path.join(e.tmp, "nowhere"), status=1)
            self.assertIn("not a directory", p.stderr)
            empty = os.path.join(e.tmp, "empty")
            os.mkdir(empty)
            self.assertIn("not an unzipped O*NET text release", e.run("import", "onet", empty, status=3).stderr)
            p = e.run("import", "onet", empty, "--json", status=3)
            self.assertEqual(json.loads(p.stderr)["error"]["status"], 3)

    def test_a_missing_optional_file_is_reported_once_and_that_part_is_absent(self):
        with tempfile.TemporaryDirectory(prefix="careerplan-onet-") as tmp:
            e = Env(os.path.realpath(tmp))
            d = os.path.join(e.tmp, "rel")
            shutil.copytree(FIXTURE, d)
            os.remove(os.path.join(d, "Interests.txt"))
            p = e.run("import", "onet", d, "--json")
            self.assertEqual(p.stderr.count("Interests.txt"), 1)
            self.assertIn("warning", p.stderr)
            self.assertEqual(json.loads(p.stdout)["missing"], ["Interests.txt"])
            self.assertEqual(e.json("show", "15-2041.00")["occupation"]["interests"], [])

    def test_nothing_imported(self):
        with tempfile.TemporaryDirectory(prefix="careerplan-onet-") as tmp:
            e = Env(os.path.realpath(tmp))
            self.assertIsNone(e.json("import", "--list")["onet"])
            self.assertEqual(e.json("import", "--list")["oews"], [])
            self.assertIn("careerplan import onet DIR", e.run("import", "--list").stdout)
            self.assertIn("no O*NET data is imported", e.run("roles", "--onet", status=2).stderr)
            self.assertNotIn("occupations", e.json("roles"))
            self.assertIn("unknown role", e.run("show", "15-2041.00", status=2).stderr)
            self.assertIn("import what?", e.run("import", status=2).stderr)
            a = os.path.join(e.tmp, "a.json")
            with open(a, "w") as f:
                json.dump({"schema": "careerplan/assessment/v1", "ratings": {"python": 3},
                           "onet_ratings": {"2.A.1.e": 4}}, f)
            j = e.json("match", "-a", a)
            self.assertTrue(j["roles"])
            self.assertTrue(any("careerplan import onet DIR" in w for w in j["warnings"]), j["warnings"])
            self.assertIn("import onet", e.run("assess", "--set", "2.A.1.e=3", "-o", a, status=2).stderr)


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)

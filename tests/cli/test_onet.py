#!/usr/bin/env python3
"""O*NET import end to end, on the fixture release in tests/fixtures/onet (O*NET 29.3's own rows
for five occupations): every figure `show`, `roles --search` and `compare` print is checked
against the fixture's files, and every kind of bad input is refused with one line naming file
and line, the previous import left as it was. The commands that rank occupations by an
assessment's O*NET ratings are in test_onet_commands.py.

    test_onet.py BINARY
"""
import json
import os
import shutil
import sys
import tempfile
import unittest

import onet_env
from onet_env import FIXTURE, Env, ImportedCase, tsv


class Imported(ImportedCase):
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
    onet_env.BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)

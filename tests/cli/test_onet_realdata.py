#!/usr/bin/env python3
"""O*NET import against the real releases in ../shared/realdata (see its SOURCES.txt): the
complete 29.3 release and the genuine, partial 27.0 one. Exits 77, a visible CTest skip, when
they are not beside the clone.

    test_onet_realdata.py BINARY
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import onet_env  # noqa: E402

ROOT = onet_env.ROOT
REAL = os.path.join(os.path.dirname(ROOT), "shared", "realdata")
R29 = os.path.join(REAL, "onet_29_3")
R27 = os.path.join(REAL, "onet_27_0")


class RealData(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmpdir = tempfile.TemporaryDirectory(prefix="careerplan-onet-real-")
        cls.e = onet_env.Env(os.path.realpath(cls.tmpdir.name))
        cls.imported = cls.e.json("import", "onet", R29)

    @classmethod
    def tearDownClass(cls):
        cls.tmpdir.cleanup()

    def test_the_whole_release(self):
        j = self.imported
        self.assertEqual(j["source"]["title"], "O*NET 29.3 Database, May 2025 Release")
        self.assertEqual(j["occupations"], len(onet_env.tsv("Occupation Data.txt", R29)))
        skills = onet_env.tsv("Skills.txt", R29)
        self.assertEqual(j["rated_occupations"], len({r["O*NET-SOC Code"] for r in skills}))
        self.assertEqual(j["missing"], [])

    def test_match_from_the_packed_profiles_equals_match_from_every_rating_row(self):
        """Every rated occupation has its packed row; matching from them gives the same ranking,
        figure for figure, as from the rating rows (what a store imported before them does)."""
        a = os.path.join(self.e.tmp, "profiles-a.json")
        with open(a, "w") as f:
            json.dump({"schema": "careerplan/assessment/v1", "years_experience": 4, "education": "bachelor",
                       "onet_ratings": {"2.A.1.e": 5, "2.A.2.a": 4, "2.B.3.e": 3, "2.A.1.a": 4, "2.C.4.a": 2,
                                        "2.A.1.b": 3, "2.B.1.a": 2}}, f)
        packed = self.e.json("match", "-a", a)
        store = os.path.join(self.e.tmp, "data", "careerplan", "careerplan.sqlite3")
        import sqlite3
        with sqlite3.connect(store) as db:
            rows = db.execute("SELECT count(*) FROM onet_profile").fetchone()[0]
        self.assertEqual(rows, self.imported["rated_occupations"])
        with tempfile.TemporaryDirectory(prefix="careerplan-onet-real-old-") as tmp:
            old = onet_env.Env(os.path.realpath(tmp))
            os.makedirs(os.path.join(old.tmp, "data", "careerplan"))
            copy = os.path.join(old.tmp, "data", "careerplan", "careerplan.sqlite3")
            shutil.copyfile(store, copy)
            with sqlite3.connect(copy) as db:
                db.execute("DROP TABLE onet_profile")
                db.execute("DROP TABLE onet_profile_element")
            rated = old.json("match", "-a", a)
        self.assertEqual(len(packed["occupations"]), self.imported["rated_occupations"])
        self.assertEqual(packed["occupations"], rated["occupations"])
        self.assertTrue(any("re-run 'careerplan import onet" in w for w in rated["warnings"]))

    def test_sampled_occupations_match_the_files_figure_for_figure(self):
        skills = onet_env.tsv("Skills.txt", R29)
        knowledge = onet_env.tsv("Knowledge.txt", R29)
        codes = sorted({r["O*NET-SOC Code"] for r in skills})[::40] + ["15-2041.00"]
        for code in codes:
            occ = self.e.json("show", code)["occupation"]
            for domain, rows in (("skills", skills), ("knowledge", knowledge)):
                got = {x["element"]: x for x in occ[domain]}
                n = 0
                for r in rows:
                    if r["O*NET-SOC Code"] != code:
                        continue
                    n += 1
                    key = "importance" if r["Scale ID"] == "IM" else "level"
                    g = got[r["Element ID"]][key]
                    self.assertEqual(g["value"], float(r["Data Value"]), f"{code} {r['Element ID']}")
                    self.assertEqual(g["recommend_suppress"], r["Recommend Suppress"] == "Y")
                self.assertEqual(n, 2 * len(got), f"{code} {domain}")

    def test_wages_of_an_occupation_are_bls_figures_for_its_soc_code(self):
        oews = os.path.join(REAL, "oews")
        self.e.run("import", "oews", os.path.join(oews, "national_M2024_dl.xlsx"))
        with open(os.path.join(oews, "national_M2024_dl.15-xxxx_extract.tsv"), encoding="utf-8") as f:
            import csv
            rows = {r["OCC_CODE"]: r for r in csv.DictReader(f, delimiter="\t")}
        bls = rows["15-2041"]
        band = self.e.json("show", "15-2041.00")["wages"]["bands"][0]
        for key, col in (("p10", "A_PCT10"), ("median", "A_MEDIAN"), ("p90", "A_PCT90")):
            self.assertEqual(band[key]["value"], float(bls[col].replace(",", "")), key)
        s = self.e.json("salary", "statisticians")
        self.assertEqual(s["bands"][0]["median"]["value"], float(bls["A_MEDIAN"].replace(",", "")))
        finer = self.e.json("salary", "15-1299.08")
        self.assertIn("finer than SOC", finer["notes"][0])
        self.assertEqual(finer["bands"][0]["median"], self.e.json("salary", "15-1299")["bands"][0]["median"])

    def test_unrated_occupations_say_so(self):
        for code in ["15-2051.00", "15-1252.00"]:
            self.assertFalse(self.e.json("show", code)["occupation"]["rated"], code)

    def test_search_finds_alternate_titles(self):
        j = self.e.json("roles", "--search", "actuar")
        self.assertIn("15-2011.00", [o["code"] for o in j["occupations"]])

    def test_the_older_release_27_0_imports_by_header_name(self):
        d = os.path.join(self.e.tmp, "db_27_0_text")
        shutil.copytree(R27, d)
        os.rename(os.path.join(d, "Technology Skills.15-xxxx_extract.txt"), os.path.join(d, "Technology Skills.txt"))
        os.rename(os.path.join(d, "Education, Training, and Experience.15-xxxx_extract.txt"),
                  os.path.join(d, "Education, Training, and Experience.txt"))
        e = onet_env.Env(os.path.join(self.e.tmp, "other"))
        os.makedirs(e.tmp)
        p = e.run("import", "onet", d, "--json")
        j = json.loads(p.stdout)
        self.assertEqual(j["source"]["id"], "onet-27.0")
        self.assertIn("Skills.txt", j["missing"])
        self.assertEqual(p.stderr.count("Skills.txt"), 1)
        occ = e.json("show", "15-2041.00")["occupation"]
        self.assertFalse(occ["rated"])
        self.assertTrue(occ["technology"])
        self.assertTrue(all(t["in_demand"] is None for t in occ["technology"]))

    def test_a_killed_import_leaves_the_previous_one(self):
        """A kill at any moment leaves a whole import: the one before, or (when the kill comes after
        the commit, as the process exits) the new one complete; never a mix."""
        before = self.e.json("import", "--list")
        env = dict(self.e.env, SOURCE_DATE_EPOCH="1800000000")
        seen = []
        for delay in (0.15, 0.4, 0.7):
            p = subprocess.Popen([onet_env.BINARY, "import", "onet", R29], env=env, cwd=self.e.tmp,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            p.send_signal(signal.SIGKILL)
            p.wait()
            seen.append((delay, self.e.json("import", "--list")))
            self.assertEqual(self.e.json("show", "statisticians")["occupation"]["code"], "15-2041.00")
        self.assertEqual(self.e.run("import", "onet", R29, env=env).returncode, 0)
        complete = self.e.json("import", "--list")
        self.assertNotEqual(complete, before)  # the two states can be told apart
        for delay, listed in seen:
            self.assertIn(listed, (before, complete), f"killed after {delay} s")
        self.assertEqual(seen[0][1], before, "killed after 0.15 s, long before an import of the whole release commits")


if __name__ == "__main__":
    onet_env.BINARY = os.path.abspath(sys.argv.pop(1))
    if not os.path.isdir(R29) or not os.path.isdir(R27):
        print("skipped: ../shared/realdata/onet_29_3 and onet_27_0 are not beside the clone")
        sys.exit(77)
    unittest.main(verbosity=1)

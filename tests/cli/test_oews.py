#!/usr/bin/env python3
"""BLS OEWS end to end, on files of careerplan's own making (tests/fixtures/oews; invented
figures): 'import oews' into the store, 'salary SOC-CODE', a bad or killed import leaving the
previous one as it was, the anchor occupation's wages and BLS beside other sources' figures
(from the bundled catalog's BLS figures), --level all and --no-assessment.

usage: test_oews.py BINARY"""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "oews")
EXAMPLE = os.path.join(ROOT, "data", "examples", "backend-engineer.json")
BINARY = None

STATE_CSV = ("\ufeffAREA_TITLE,PRIM_STATE,OCC_CODE,OCC_TITLE,TOT_EMP,A_MEAN,A_PCT10,A_PCT25,A_MEDIAN,A_PCT75,A_PCT90\r\n"
             'California,CA,15-2051,Data Scientists,"30,000","150,000","70,000","90,000","130,000","170,000",#\r\n'
             "Texas,TX,15-2051,Data Scientists,**,*,*,*,*,*,*\r\n")


class Oews(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.env = {"PATH": "/usr/bin:/bin", "HOME": self.tmp.name, "XDG_DATA_HOME": os.path.join(self.tmp.name, "share"),
                    "XDG_CONFIG_HOME": os.path.join(self.tmp.name, "cfg"), "LC_ALL": "C.UTF-8", "NO_COLOR": "1",
                    "COLUMNS": "400"}
        self.store = os.path.join(self.tmp.name, "share", "careerplan", "careerplan.sqlite3")

    def tearDown(self):
        self.tmp.cleanup()

    def run_cp(self, *args, status=0):
        p = subprocess.run([BINARY, *args], capture_output=True, text=True, env=self.env, cwd=self.tmp.name)
        self.assertEqual(p.returncode, status, p.stderr)
        return p

    def json_of(self, *args):
        return json.loads(self.run_cp(*args, "--json").stdout)

    def write(self, name, text):
        path = os.path.join(self.tmp.name, name)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        return path

    def rows(self):
        with sqlite3.connect(self.store) as db:
            return db.execute("SELECT occ_code, area, period, a_median FROM oews_wage ORDER BY 1, 2").fetchall()

    def import_fixtures(self):
        state = self.write("state_M2030_dl.csv", STATE_CSV)
        return self.json_of("import", "oews", os.path.join(FIXTURES, "tiny_M2030_dl.xlsx"), state)

    def test_import_then_salary_by_soc_code(self):
        doc = self.import_fixtures()
        self.assertEqual(doc["schema"], "careerplan/import-oews/v1")
        self.assertEqual([(f["sheet"], f["period"], f["rows"]) for f in doc["files"]],
                         [("tiny_dl", "May 2030", 5), ("", "May 2030", 2)])
        self.assertEqual(doc["rows"], 7)
        self.assertEqual(doc["store"], self.store)

        nat = self.json_of("salary", "15-2051")
        band = nat["bands"][0]
        usd = {"currency": "USD", "period": "year"}
        self.assertEqual((band["median"], band["p90"], band["top_coded"], band["top_code"]),
                         ({"value": 115440, **usd}, None, ["p90"], {"value": 239200, **usd}))
        self.assertEqual((nat["role"], nat["occupation"]), (None, {"code": "15-2051", "title": "Data Scientists"}))
        self.assertEqual(band["year"], 2030)
        table = self.run_cp("salary", "15-2051").stdout
        self.assertIn("p90: ≥ $239,200 (BLS's top code)", table)

        ca = self.json_of("salary", "15-2051", "--state", "CA")["bands"][0]
        self.assertEqual(ca["vs_national"]["difference"]["value"], 130000 - 115440)
        actors = self.json_of("salary", "27-2011")["bands"][0]  # hourly only: annual = hourly x 2,080
        self.assertEqual((actors["median"]["value"], actors["derived_from_hourly"]), (25 * 2080, True))
        err = self.run_cp("salary", "11-1011", status=2).stderr
        self.assertIn("no imported BLS OEWS figure for SOC 11-1011", err)

    def test_every_imported_occupation_for_a_place(self):
        self.import_fixtures()
        doc = self.json_of("salary", "--occupations")
        self.assertEqual([o["soc"] for o in doc["occupations"]], ["00-0000", "15-2041", "15-2051", "25-2021", "27-2011"])
        actors = doc["occupations"][-1]
        self.assertEqual(doc["schema"], "careerplan/occupation-list/v2")
        self.assertEqual(actors["median"], {"value": 52000, "currency": "USD", "period": "year"})  # an amount
        self.assertEqual((actors["derived_from_hourly"], actors["employment"]), (True, None))
        table = self.run_cp("salary", "--occupations").stdout
        self.assertIn("≥ $239,200", table)  # Data Scientists' p90, '#' in the file
        ca = self.json_of("salary", "--occupations", "--state", "CA")["occupations"]
        self.assertEqual([(o["soc"], o["median"]["value"], o["period"]) for o in ca], [("15-2051", 130000, "May 2030")])
        err = self.run_cp("salary", "--occupations", "--state", "WY", status=2).stderr
        self.assertIn("no imported BLS OEWS figures for WY", err)

    def test_imported_figures_are_the_anchor_wages_when_newer(self):
        self.import_fixtures()
        da = self.json_of("salary", "data-analyst", "--state", "CA")
        anchor = [b for b in da["bands"] if b["kind"] == "anchor"]
        self.assertEqual(len(anchor), 1)
        self.assertEqual((anchor[0]["median"]["value"], anchor[0]["year"]), (130000, 2030))  # May 2030 beats the catalog's May 2023
        self.assertIn("the anchor occupation: an assumption", anchor[0]["label"])
        self.assertTrue(anchor[0]["origin"].endswith("state_M2030_dl.csv row 2"))

    def test_a_bad_file_leaves_the_previous_import(self):
        self.import_fixtures()
        before = self.rows()
        bad = self.write("bad_M2031_dl.csv", "AREA,AREA_TITLE,OCC_CODE,A_MEAN\n99,U.S.,15-2051,\"1,5\"\n")
        err = self.run_cp("import", "oews", os.path.join(FIXTURES, "tiny_M2030_dl.xlsx"), bad, status=3).stderr
        self.assertEqual(err, f"careerplan: error: {bad}: row 2: A_MEAN: '1,5' is not a number or one of BLS's symbols "
                              "(*, **, #, ~)\n")
        dup = self.write("dup_M2031_dl.csv", "AREA,AREA_TITLE,OCC_CODE,A_MEAN\n99,U.S.,15-2051,1\n99,U.S.,15-2051,2\n")
        err = self.run_cp("import", "oews", dup, status=3).stderr
        self.assertIn("row 3: 15-2051 in US for May 2031 again (first in", err)
        self.assertEqual(self.rows(), before)

    def test_a_killed_import_leaves_the_previous_one(self):
        self.import_fixtures()
        before = self.rows()
        lines = ["AREA,AREA_TITLE,AREA_TYPE,OCC_CODE,A_MEDIAN"]
        lines += [f"{10000 + i},Area {i},4,15-2051,{50000 + i}" for i in range(300000)]
        big = self.write("big_M2031_dl.csv", "\n".join(lines) + "\n")
        for delay in (0.05, 0.3, 0.6):
            p = subprocess.Popen([BINARY, "import", "oews", big], env=self.env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            time.sleep(delay)
            p.send_signal(signal.SIGKILL)
            p.wait()
            after = self.rows()
            self.assertIn(len(after), (len(before), 300000))
            if len(after) != 300000:
                self.assertEqual(after, before)

    def test_bls_beside_other_sources_and_the_anchor_from_the_catalog(self):
        mle = self.json_of("salary", "mle", "--state", "CA")
        hakia = [b for b in mle["bands"] if b["figure"] == "hakia-ca-2026"][0]
        self.assertEqual(hakia["vs_bls"], {"figure": "bls-oews-2023-15-2051-ca", "occupation": "Data Scientists (15-2051)",
                                           "period": "May 2023", "place": "California", "statistic": "median",
                                           "bls": {"value": 133690, "currency": "USD", "period": "year"},
                                           "difference": {"value": 51310, "currency": "USD", "period": "year"},
                                           "difference_pct": 38.4})
        table = self.run_cp("salary", "mle", "--state", "CA").stdout
        self.assertIn("Beside BLS's $133,690 (May 2023, Data Scientists (15-2051), California median): +$51,310", table)
        da = self.json_of("salary", "data-analyst", "--state", "CA")
        anchor = [b for b in da["bands"] if b["kind"] == "anchor"][0]
        self.assertEqual((anchor["median"]["value"], anchor["origin"], anchor["level_specific"]), (133690, "catalog", False))
        self.assertFalse(any(n.startswith("No source gives a figure for California") for n in da["notes"]))

    def test_level_all_and_no_assessment(self):
        doc = self.json_of("salary", "mle", "--level", "senior")
        self.assertTrue(any(not b["level_specific"] for b in doc["bands"]))
        self.assertIn("Not specific to the senior level", self.run_cp("salary", "mle", "--level", "senior").stdout)
        doc = self.json_of("salary", "mle", "--level", "all", "--assessment", EXAMPLE)
        self.assertIsNone(doc["level"])
        listing = self.json_of("--no-assessment", "salary")
        self.assertEqual(listing["schema"], "careerplan/salary-list/v2")
        self.assertIsNone(listing["current_pay"])
        csv = self.run_cp("salary", "--state", "WY", "--format", "csv").stdout
        self.assertIn("no source gives a figure for", csv)


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)

#!/usr/bin/env python3
"""The commands that rank O*NET occupations by an assessment's ratings on O*NET's own scale, end to
end on the fixture release (tests/fixtures/onet): match, plan, routes, next, and assess --onet
from a pipe and on a terminal. Every figure is checked against the fixture's files.

    test_onet_commands.py BINARY
"""
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import onet_env
import ptyio
from onet_env import FIXTURE, Env, ImportedCase, tsv


class Commands(ImportedCase):
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
        p = subprocess.run([onet_env.BINARY, "assess", "--onet", "-o", a], input="5\n\n?\n-\n3\n4\n", env=e, cwd=self.e.tmp,
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
        proc = subprocess.Popen([onet_env.BINARY, "assess", "--onet", "-o", a], stdin=tty, stdout=tty, stderr=tty, env=e,
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

if __name__ == "__main__":
    onet_env.BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)

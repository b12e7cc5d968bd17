#!/usr/bin/env python3
"""The history log end to end with the real binary: every save appends, nothing is ever lost (a
line cut short by a killed process stays, and the next save starts after it), the log follows a
symbolic link, a large log stays fast, and text from the data is escaped in the report page.

usage: test_history.py BINARY"""
import json
import os
import stat
import subprocess
import sys
import tempfile
import time
import unittest

BINARY = None


def run(*args, now="2026-03-06T08:00:00Z"):
    env = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "LC_ALL": "C.UTF-8", "CAREERPLAN_NOW": now}
    return subprocess.run([BINARY, *args], capture_output=True, text=True, env=env, timeout=60)


class History(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.path = os.path.join(self.tmp.name, "assessment.json")
        self.log = os.path.join(self.tmp.name, "assessment.history.jsonl")

    def tearDown(self):
        self.tmp.cleanup()

    def save(self, now, *args):
        p = run("assess", "-a", self.path, "--no-input", "-q", *args, now=now)
        self.assertEqual(p.returncode, 0, p.stderr)

    def three_saves(self):
        self.save("2026-01-05T10:00:00Z", "--example", "--output", self.path)
        self.save("2026-02-05T10:00:00Z", "--set", "python=5")
        self.save("2026-03-05T10:00:00Z", "--set", "eval-design=3")

    def test_each_save_appends_privately_and_stdout_does_not(self):
        self.three_saves()
        self.assertEqual(stat.S_IMODE(os.stat(self.log).st_mode), 0o600)
        p = run("assess", "-a", self.path, "--set", "sql=5", "--output", "-")
        self.assertEqual(p.returncode, 0, p.stderr)
        with open(self.log, encoding="utf-8") as f:
            lines = [json.loads(l) for l in f]
        self.assertEqual([l["at"] for l in lines], ["2026-01-05T10:00:00Z", "2026-02-05T10:00:00Z", "2026-03-05T10:00:00Z"])
        with open(self.path, encoding="utf-8") as f:
            self.assertEqual(lines[-1]["assessment"], json.load(f))
        doc = json.loads(run("progress", "-a", self.path, "--json").stdout)
        self.assertEqual([m["skill"] for m in doc["roles"][0]["moved"]], ["eval-design", "python"])
        role = doc["roles"][0]
        self.assertEqual((doc["schema"], role["role"]["id"]), ("careerplan/progress/v2", "machine-learning-engineer"))
        for x in [role["readiness_first"], role["readiness_last"], role["readiness_change"]] + [p["readiness"] for p in role["points"]]:
            self.assertEqual(x, round(x, 1))  # one decimal, as the table shows

    def test_the_state_before_the_log_is_kept(self):
        with open(self.path, "w", encoding="utf-8") as f:
            json.dump({"schema": "careerplan/assessment/v1", "target_role": "mle", "ratings": {"python": 1}}, f)
        os.utime(self.path, (1767225600, 1767225600))  # 2026-01-01
        self.save("2026-02-01T00:00:00Z", "--set", "python=3")
        doc = json.loads(run("history", "-a", self.path, "--json").stdout)
        self.assertEqual([(s["event"], s["at"], s["ratings"]["python"]) for s in doc["snapshots"]],
                         [("before-history", "2026-01-01T00:00:00Z", 1), ("save", "2026-02-01T00:00:00Z", 3)])

    def test_a_line_cut_short_is_never_lost(self):
        self.three_saves()
        with open(self.log, "a", encoding="utf-8") as f:
            f.write('{"schema":"careerplan/history/v1","at":"2026-03-0')  # the process was killed here
        with open(self.log, encoding="utf-8") as f:
            before = f.read()
        p = run("progress", "-a", self.path)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("assessment.history.jsonl:4: the last line is cut short", p.stderr)
        self.assertIn("3 snapshot(s)", p.stdout)
        self.save("2026-04-01T00:00:00Z", "--set", "sql=4")
        with open(self.log, encoding="utf-8") as f:
            after = f.read()
        self.assertTrue(after.startswith(before + "\n"), "the cut line stays, the new one starts after it")
        doc = json.loads(run("history", "-a", self.path, "--json").stdout)
        self.assertEqual(len(doc["snapshots"]), 4)
        self.assertEqual([p["line"] for p in doc["problems"]], [4])

    def test_follows_a_symbolic_link(self):
        real = os.path.join(self.tmp.name, "notes", "me.json")
        os.makedirs(os.path.dirname(real))
        self.save("2026-01-05T10:00:00Z", "--example", "--output", real)
        os.symlink(real, self.path)
        self.save("2026-02-05T10:00:00Z", "--set", "python=5")
        self.assertFalse(os.path.exists(self.log))
        with open(os.path.join(self.tmp.name, "notes", "me.history.jsonl"), encoding="utf-8") as f:
            self.assertEqual(len(f.readlines()), 2)

    def test_ten_thousand_snapshots_are_all_read(self):
        # How fast is a benchmark's question (the man page: well under a second), not a test's.
        self.three_saves()
        with open(self.log, encoding="utf-8") as f:
            line = json.loads(f.readline())
        with open(self.log, "w", encoding="utf-8") as f:
            for i in range(10000):
                line["at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(1767225600 + i * 3600))
                line["assessment"]["ratings"]["python"] = i % 6
                f.write(json.dumps(line) + "\n")
        for args in (("history", "--json"), ("progress",), ("report", "--html", os.path.join(self.tmp.name, "r.html"))):
            p = run(*args, "-a", self.path)
            self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(len(json.loads(run("history", "--json", "-a", self.path).stdout)["snapshots"]), 10000)
        self.assertIn("10000 snapshot(s)", run("progress", "-a", self.path).stdout)

    def test_report_escapes_text_from_the_data(self):
        self.save("2026-01-05T10:00:00Z", "--example", "--output", self.path,
                  "--current-role", "<script>alert('x')</script> & co")
        p = run("report", "-a", self.path, "--html", "-")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertNotIn("<script", p.stdout)
        self.assertIn("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co", p.stdout)


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)

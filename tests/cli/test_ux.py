#!/usr/bin/env python3
"""What a new user trips over (issue 20), end to end: `show --section` and the pager (on a
terminal only), a job title as a role name everywhere, one amount parser, validate's quiet mode
and a role file's own data directory, writing your own role (`new-role`, the own_judgement
basis), and O*NET's skills in `careerplan skills`.

usage: test_ux.py BINARY"""
import json
import os
import pty
import subprocess
import sys
import tempfile
import unittest

import ptyio

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(ROOT, "data", "examples", "backend-engineer.json")
FIXTURE = os.path.join(ROOT, "tests", "fixtures", "onet")
BINARY = None


class Case(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        self.env = {"PATH": "/usr/bin:/bin", "HOME": self.dir, "XDG_CONFIG_HOME": os.path.join(self.dir, "config"),
                    "XDG_DATA_HOME": os.path.join(self.dir, "data"), "COLUMNS": "100", "NO_COLOR": "1",
                    "LC_ALL": "C.UTF-8", "SOURCE_DATE_EPOCH": "1764633600"}

    def tearDown(self):
        self.tmp.cleanup()

    def run_cli(self, *args, status=0, **extra):
        env = dict(self.env)
        env.update(extra)
        p = subprocess.run([BINARY, *args], env=env, cwd=self.dir, capture_output=True, text=True, timeout=120)
        self.assertEqual(p.returncode, status, (args, p.stdout[-500:], p.stderr))
        return p

    def on_a_terminal(self, *args, **extra):
        env = dict(self.env)
        env.update(extra)
        pid, fd = pty.fork()
        if pid == 0:
            os.chdir(self.dir)
            os.execve(BINARY, [BINARY, *args], env)
        out = ptyio.read_rest(fd, timeout=60)
        _, status = os.waitpid(pid, 0)
        os.close(fd)
        return out.decode().replace("\r\n", "\n"), os.waitstatus_to_exitcode(status)


class Show(Case):
    def test_one_section(self):
        out = self.run_cli("show", "mle", "--section", "salary").stdout
        self.assertIn("Salary figures", out)
        self.assertNotIn("Skills (required level", out)
        self.assertNotIn("Entry route", out)
        self.assertLess(len(out.splitlines()), len(self.run_cli("show", "mle").stdout.splitlines()) / 2)
        self.assertIn("Ladder", self.run_cli("show", "mle", "-s", "LADDERS").stdout.title())

    def test_every_listed_section_works(self):
        help_text = self.run_cli("show", "--help").stdout
        for name in ("about", "occupations", "skills", "ladders", "salary", "outlook", "routes", "certifications",
                     "tools", "progressions", "projects", "education", "sources"):
            with self.subTest(name):
                self.assertIn(name, help_text)
                j = json.loads(self.run_cli("show", "mle", "--section", name, "--json").stdout)
                self.assertEqual((j["schema"], j["section"], j["role"]["id"]),
                                 ("careerplan/show/v2", name, "machine-learning-engineer"))
                self.run_cli("show", "mle", "--section", name, "--format", "csv")

    def test_unknown_section_is_a_usage_error_naming_the_valid_ones(self):
        err = self.run_cli("show", "mle", "--section", "pay", status=2).stderr
        self.assertEqual(len(err.splitlines()), 1)
        self.assertIn("unknown section 'pay'", err)
        self.assertIn("skills, ladders, salary", err)

    def test_section_json_keeps_only_that_part(self):
        j = json.loads(self.run_cli("show", "mle", "--section", "salary", "--json").stdout)
        self.assertEqual(j["role"]["title"], "Machine Learning Engineer")
        self.assertIn("salary", j["role"])
        self.assertNotIn("skills", j["role"])
        whole = json.loads(self.run_cli("show", "mle", "--json").stdout)
        self.assertIsNone(whole["section"])
        self.assertIn("skills", whole["role"])

    def test_pager_on_a_terminal_only(self):
        pager = "sed 's/^/PAGED /'"
        out, status = self.on_a_terminal("show", "mle", "--section", "outlook", PAGER=pager)
        self.assertEqual(status, 0)
        self.assertIn("PAGED Outlook", out)
        out, status = self.on_a_terminal("show", "mle", "--section", "outlook", "--no-pager", PAGER=pager)
        self.assertNotIn("PAGED", out)
        self.assertIn("Outlook", out)
        self.assertNotIn("PAGED", self.run_cli("show", "mle", PAGER=pager).stdout)  # never in a pipe
        out, _ = self.on_a_terminal("show", "mle", "--section", "outlook", "--json", PAGER=pager)
        self.assertNotIn("PAGED", out)  # JSON is for programs
        out, _ = self.on_a_terminal("show", "mle", "--section", "outlook", PAGER="")
        self.assertIn("Outlook", out)  # PAGER empty: none
        self.assertNotIn("PAGED", out)

    def test_a_pager_that_cannot_run_leaves_the_text_on_the_terminal(self):
        out, status = self.on_a_terminal("show", "mle", "--section", "outlook", PAGER="no-such-pager-here")
        self.assertEqual(status, 0)
        self.assertIn("Outlook", out)

    def test_a_pager_quit_early_ends_quietly(self):
        out, status = self.on_a_terminal("show", "mle", PAGER="head -1")
        self.assertEqual(status, 0)
        self.assertNotIn("error", out)


class RoleNames(Case):
    def test_a_title_names_a_role_everywhere(self):
        a = os.path.join(self.dir, "a.json")
        self.run_cli("assess", "--example", "-o", a, "-q")
        self.run_cli("assess", "-a", a, "--current-role", "Backend Engineer", "-q")
        with open(a) as f:
            self.assertEqual(json.load(f)["current_role"], "software-engineer")
        routes = json.loads(self.run_cli("routes", "mle", "-a", a, "--json").stdout)
        self.assertEqual(json.loads(self.run_cli("routes", "mle", "--from", "backend engineer", "--json",
                                                 "--no-assessment").stdout)["from"],
                         routes["from"])
        self.assertEqual(routes["from"], {"id": "software-engineer", "title": "Software Engineer"})
        gap = self.run_cli("gap", "Machine Learning Engineer", "-a", a).stdout
        self.assertEqual(gap, self.run_cli("gap", "mle", "-a", a).stdout)
        self.run_cli("show", "Data Scientist", "--section", "about")
        self.run_cli("salary", "Machine Learning Engineer")
        # An assessment file that names a title is read the same way.
        with open(a) as f:
            doc = json.load(f)
        doc["current_role"] = "Backend Engineer"
        doc["target_role"] = "Machine Learning Engineer"
        with open(a, "w") as f:
            json.dump(doc, f)
        self.assertEqual(json.loads(self.run_cli("routes", "-a", a, "--json").stdout)["from"], routes["from"])
        self.run_cli("next", "-a", a)


class Amounts(Case):
    def test_one_amount_parser(self):
        a = os.path.join(self.dir, "a.json")
        self.run_cli("assess", "--example", "-o", a, "-q")
        for text, value in (("42k", 42000), ("$150,000", 150000), ("1.2m", 1200000), ("150000", 150000)):
            with self.subTest(text):
                self.run_cli("assess", "-a", a, "--pay", text, "-q")
                with open(a) as f:
                    self.assertEqual(json.load(f)["current_pay"]["amount"], value)
                self.run_cli("salary", "mle", "--current", text, "--no-assessment")
        for text in ("42x", "nan", "-5", "1,50,000", "1e3"):
            with self.subTest(text):
                e1 = self.run_cli("assess", "-a", a, "--pay", text, status=2).stderr
                e2 = self.run_cli("salary", "mle", "--current", text, status=2).stderr
                for err in (e1, e2):
                    self.assertEqual(len(err.splitlines()), 1)
                    self.assertIn(f"'{text}' is not an annual amount of money (e.g. 150000, 150k", err)
                    self.assertNotIn("0.000000", err)


class Validate(Case):
    def write(self, rel, doc):
        path = os.path.join(self.dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(doc if isinstance(doc, str) else json.dumps(doc))
        return path

    def test_quiet_prints_nothing_whatever_the_problem(self):
        for args, status in ((["nonexistent.json"], 1), ([self.write("bad.json", "{")], 3), ([EXAMPLE], 0)):
            with self.subTest(args):
                p = self.run_cli("validate", "--quiet", *args, status=status)
                self.assertEqual((p.stdout, p.stderr), ("", ""))

    def test_gap_names_the_exact_validate_command(self):
        bad = self.write("bad.json", {"schema": "careerplan/assessment/v1", "target_role": "mle",
                                      "years_experience": -1, "ratings": {"python": 9}})
        err = self.run_cli("gap", "-a", bad, status=3).stderr
        self.assertIn(f"run 'careerplan validate {bad}'", err)

    def test_a_role_file_uses_its_own_data_directory(self):
        self.write("mydata/skills.json", {"schema": "careerplan/skills/v1", "scales": [], "skills": [
            {"id": "kubernetes-ops", "name": "Kubernetes operations", "category": "platform",
             "description": "Running clusters."}]})
        role = json.loads(self.run_cli("new-role", "platform-lead", "-o", "-").stdout)
        role["skills"][0]["skill"] = "kubernetes-ops"
        path = self.write("mydata/roles/platform-lead.json", role)
        p = self.run_cli("validate", "mydata/roles/platform-lead.json")
        self.assertIn("No problems", p.stdout)
        self.assertIn("with the skills and sources of its data directory", p.stdout)
        # Without the directory's skills.json beside it, the unknown skill is a problem.
        os.rename(os.path.join(self.dir, "mydata", "skills.json"), os.path.join(self.dir, "skills.off"))
        self.assertIn("kubernetes-ops", self.run_cli("validate", path, status=3).stdout)


class NewRole(Case):
    def test_writes_a_valid_file_and_never_overwrites(self):
        p = self.run_cli("new-role", "data-platform-lead", "--skill", "sql", "--skill", "data-pipelines",
                         "--title", "Data Platform Lead")
        path = os.path.join(self.dir, "data", "careerplan", "roles", "data-platform-lead.json")
        self.assertIn(path, p.stderr)
        with open(path) as f:
            role = json.load(f)
        self.assertEqual([s["skill"] for s in role["skills"]], ["sql", "data-pipelines"])
        self.assertEqual(role["skills"][0]["weight_basis"], {"kind": "own_judgement"})
        self.run_cli("validate", path)
        self.run_cli("validate")  # the data directory in use, with the new role in it
        shown = self.run_cli("show", "data platform lead", "--section", "skills").stdout
        self.assertIn("own judgement", shown)
        self.assertIn("levels (own judgement)", shown)
        self.assertNotIn("[]", shown)  # no empty citation, no empty quote
        self.assertNotIn('""', shown)
        before = os.stat(path).st_mtime_ns
        err = self.run_cli("new-role", "data-platform-lead", status=2).stderr
        self.assertIn("exists", err)
        self.assertEqual(os.stat(path).st_mtime_ns, before)
        gap = self.run_cli("gap", "data-platform-lead", "-a", EXAMPLE).stdout
        self.assertIn("Data Platform Lead", gap)

    def test_bad_id_and_skill(self):
        self.assertIn("is not a role id", self.run_cli("new-role", "Bad Id", status=2).stderr)
        self.assertIn("unknown skill 'pyton'", self.run_cli("new-role", "x", "--skill", "pyton", status=2).stderr)


class Skills(Case):
    def test_onet_skills_once_imported(self):
        self.assertNotIn("O*NET", self.run_cli("skills").stdout)
        self.run_cli("import", "onet", FIXTURE)
        out = self.run_cli("skills").stdout
        self.assertIn("O*NET skills and knowledge", out)
        self.assertIn("onet:mathematics", out)
        j = json.loads(self.run_cli("skills", "--json").stdout)
        self.assertIn("2.A.1.e", [e["id"] for e in j["onet_skills"]])
        self.assertNotIn("O*NET", self.run_cli("skills", "--category", "data").stdout)

    def test_completion_lists_skill_ids_only(self):
        listed = self.run_cli("completion", "--list", "skills").stdout.split()
        with open(os.path.join(ROOT, "data", "skills.json")) as f:
            ids = [s["id"] for s in json.load(f)["skills"]]
        self.assertEqual(sorted(listed), sorted(ids))


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)

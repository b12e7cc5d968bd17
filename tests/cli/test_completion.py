#!/usr/bin/env python3
"""`careerplan completion bash|zsh|fish`: each script loads in its shell without a word on stderr
and completes commands, options, role ids and aliases, levels, state codes, formats and skills,
from the command tree and catalog the program itself uses.

usage: test_completion.py BINARY"""
import os
import re
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import shells  # noqa: E402

BINARY = None
TMP = None


def careerplan(*args, env=None):
    return subprocess.run([BINARY, *args], capture_output=True, text=True, env=env or shells.base_env(TMP.name))


def commands_in_help():
    out = careerplan("--help").stdout
    block = out.split("Subcommands:")[1].split("\n\n")[0]
    return sorted(re.findall(r"^  ([\w-]+)", block, re.M))


class CompletionCommand(unittest.TestCase):
    def test_list_kinds(self):
        roles = careerplan("completion", "--list", "roles").stdout.split()
        self.assertIn("machine-learning-engineer", roles)
        self.assertIn("mle", roles)  # aliases too
        self.assertEqual(len(set(roles)), len(roles))
        self.assertIn("TX", careerplan("completion", "--list", "states").stdout.split())
        self.assertIn("GB", careerplan("completion", "--list", "countries").stdout.split())
        self.assertIn("entry", careerplan("completion", "--list", "levels").stdout.split())
        self.assertIn("python", careerplan("completion", "--list", "skills").stdout.split())
        self.assertIn("us-tier1", careerplan("completion", "--list", "regions").stdout.split())

    def test_user_roles_complete(self):
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, "roles"))
            with open(os.path.join(os.path.dirname(__file__), "..", "..", "data", "roles", "data-analyst.json")) as f:
                text = f.read().replace('"id": "data-analyst"', '"id": "survey-analyst"', 1)
                text = re.sub(r'"aliases": \[[^\]]*\]', '"aliases": []', text, count=1)
            with open(os.path.join(d, "roles", "survey-analyst.json"), "w") as f:
                f.write(text)
            p = careerplan("completion", "--list", "roles", env=shells.base_env(TMP.name, CAREERPLAN_DATA=d))
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn("survey-analyst", p.stdout.split())

    def test_errors(self):
        p = careerplan("completion")
        self.assertEqual((p.returncode, p.stdout), (2, ""))
        self.assertIn("needs a shell", p.stderr)
        p = careerplan("completion", "tcsh")
        self.assertEqual((p.returncode, p.stdout), (2, ""))
        p = careerplan("completion", "--list", "planets")
        self.assertEqual((p.returncode, p.stdout), (2, ""))
        p = careerplan("completion", "bash", "--list", "roles")
        self.assertEqual((p.returncode, p.stdout), (2, ""))
        self.assertIn("cannot be used together", p.stderr)


class Scripts(unittest.TestCase):
    """Each shell loads its script and completes from it."""

    @classmethod
    def setUpClass(cls):
        cls.env = shells.base_env(TMP.name)
        cls.scripts = {}
        for shell, name in (("bash", "careerplan.bash"), ("zsh", "_careerplan"), ("fish", "careerplan.fish")):
            p = careerplan("completion", shell)
            assert p.returncode == 0, p.stderr
            path = os.path.join(TMP.name, name)
            with open(path, "w") as f:
                f.write(p.stdout)
            cls.scripts[shell] = path

    def bash(self, line):
        rc, words, err = shells.bash_complete(f"source {self.scripts['bash']}", line, self.env)
        self.assertEqual((rc, err), (0, ""), line)
        return words

    def fish(self, line):
        rc, words, err = shells.fish_complete(f"source {self.scripts['fish']}", line, self.env)
        self.assertEqual((rc, err), (0, ""), line)
        return words

    def zsh(self, line, expect):
        setup = f"fpath=({TMP.name} $fpath); autoload -U compinit; compinit -u -D"
        return shells.zsh_complete(setup, line, self.env, expect=expect)

    def test_scripts_load_without_a_word(self):
        for shell, cmd in (("bash", ["bash", "--norc", "-c", f"source {self.scripts['bash']}"]),
                           ("zsh", ["zsh", "-f", "-c", f"autoload -U compinit; compinit -u -D; source {self.scripts['zsh']}"]),
                           ("fish", ["fish", "--no-config", "-c", f"source {self.scripts['fish']}"])):
            p = subprocess.run(cmd, env=self.env, capture_output=True, text=True, timeout=60)
            self.assertEqual((p.returncode, p.stdout, p.stderr), (0, "", ""), shell)

    def test_bash(self):
        self.assertEqual(sorted(self.bash("careerplan ")), commands_in_help())
        self.assertEqual(self.bash("careerplan show machine-l"), ["machine-learning-engineer"])
        self.assertIn("mle", self.bash("careerplan gap m"))
        self.assertEqual(self.bash("careerplan salary mle --state T"), ["TN", "TX"])
        self.assertEqual(self.bash("careerplan salary --country G"), sorted(self.bash("careerplan salary --country G")))
        self.assertIn("GB", self.bash("careerplan salary --country G"))
        self.assertEqual(self.bash("careerplan gap --level s"), ["senior", "staff"])
        self.assertEqual(self.bash("careerplan show mle --format m"), ["markdown"])
        self.assertEqual(self.bash("careerplan show mle --format=c"), ["csv"])
        self.assertEqual(self.bash("careerplan assess --set pyth"), ["python="])  # ids, not aliases
        self.assertIn("--explain", self.bash("careerplan gap --e"))
        self.assertIn("--state", self.bash("careerplan salary --s"))
        self.assertEqual(self.bash("careerplan show mle "), [])  # one role only
        self.assertIn("data-scientist", self.bash("careerplan compare mle data-s"))  # two or more
        self.assertEqual(self.bash("careerplan routes --from software-e"), ["software-engineer"])
        self.assertEqual(self.bash("careerplan --json salary --region us-t"), ["us-tier1"])
        self.assertEqual(self.bash("careerplan completion z"), ["zsh"])

    def test_fish(self):
        self.assertEqual(sorted(self.fish("careerplan ")), commands_in_help())
        self.assertEqual(self.fish("careerplan show machine-l"), ["machine-learning-engineer"])
        self.assertEqual(self.fish("careerplan salary mle --state T"), ["TN", "TX"])
        self.assertEqual(sorted(self.fish("careerplan gap --level s")), ["senior", "staff"])
        self.assertEqual(self.fish("careerplan show mle --format m"), ["markdown"])
        self.assertEqual(sorted(self.fish("careerplan assess --set pyth")), ["python="])
        self.assertIn("--explain", self.fish("careerplan gap --e"))

    def test_zsh(self):
        for line, shown in (("careerplan show machine-l", "careerplan show machine-learning-engineer "),
                            ("careerplan show mle --format m", "careerplan show mle --format markdown "),
                            ("careerplan gap --exp", "careerplan gap --explain "),
                            ("careerplan completi", "careerplan completion ")):
            self.assertIn(shown, self.zsh(line, re.escape(shown)), line)
        self.assertRegex(self.zsh("careerplan salary mle --state T", r"TN\s+TX"), r"TN\s+TX")

    def test_zsh_when_sourced(self):
        setup = f"autoload -U compinit; compinit -u -D; source {self.scripts['zsh']}"
        shown = "careerplan show machine-learning-engineer "
        self.assertIn(shown, shells.zsh_complete(setup, "careerplan show machine-l", self.env, expect=re.escape(shown)))


class HostileCandidates(unittest.TestCase):
    """No shell evaluates a candidate's text. The loader already refuses ids that are not plain
    (tests/cli/test_corpus.py), so a stand-in 'careerplan' prints hostile candidates here, to prove
    the scripts themselves treat candidates as plain text."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        d = cls.dir.name
        cls.marks = os.path.join(d, "marks")
        os.makedirs(cls.marks)
        cls.hostile = ["senior", f"s$(touch {cls.marks}/a)", f"s`touch {cls.marks}/b`", f"s;touch {cls.marks}/c",
                       f"s$(IFS=_;x=touch_{cls.marks}/d;$x)", "s*", f"s\\$(touch {cls.marks}/e)"]
        fake = os.path.join(d, "bin", "careerplan")
        os.makedirs(os.path.dirname(fake))
        listing = os.path.join(d, "candidates.txt")
        with open(listing, "w") as f:
            f.write("".join(h + "\n" for h in cls.hostile))
        with open(fake, "w") as f:
            f.write(f"#!/bin/sh\nif [ \"$1\" = completion ] && [ \"$2\" = --list ]; then exec cat '{listing}'; fi\n"
                    f"exec '{BINARY}' \"$@\"\n")
        os.chmod(fake, 0o755)
        cls.env = shells.base_env(os.path.dirname(fake), home=d)
        cls.scripts = {}
        for shell, name in (("bash", "careerplan.bash"), ("zsh", "_careerplan"), ("fish", "careerplan.fish")):
            p = careerplan("completion", shell)
            path = os.path.join(d, name)
            with open(path, "w") as f:
                f.write(p.stdout)
            cls.scripts[shell] = path

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def assertNothingRan(self, shell):
        self.assertEqual(os.listdir(self.marks), [], f"{shell} ran a candidate's text")

    def test_the_stand_in_prints_them(self):
        p = subprocess.run(["careerplan", "completion", "--list", "levels"], env=self.env, capture_output=True, text=True)
        self.assertEqual(p.stdout.splitlines(), self.hostile)

    def test_bash(self):
        for line in ("careerplan gap --level s", "careerplan salary --region s", "careerplan show ",
                     "careerplan assess --set s"):
            rc, words, err = shells.bash_complete(f"source {self.scripts['bash']}", line, self.env)
            self.assertEqual((rc, err), (0, ""), line)
            self.assertNothingRan("bash")
        rc, words, err = shells.bash_complete(f"source {self.scripts['bash']}", "careerplan gap --level s$", self.env)
        self.assertIn(f"s$(touch {self.marks}/a)", " ".join(words))  # offered as it is, never run
        self.assertNothingRan("bash")

    def test_fish(self):
        for line in ("careerplan gap --level s", "careerplan show "):
            shells.fish_complete(f"source {self.scripts['fish']}", line, self.env)
            self.assertNothingRan("fish")

    def test_zsh(self):
        setup = f"autoload -U compinit; compinit -u -D; source {self.scripts['zsh']}"
        for line in ("careerplan gap --level s", "careerplan show s"):
            shells.zsh_complete(setup, line, self.env)
            self.assertNothingRan("zsh")


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    missing = shells.missing_shells()
    if missing:
        sys.exit(f"test_completion: needs {', '.join(missing)} (sh tools/bootstrap.sh test installs them)")
    TMP = tempfile.TemporaryDirectory()
    # The scripts call 'careerplan' by name, as a user's shell would.
    os.symlink(BINARY, os.path.join(TMP.name, "careerplan"))
    unittest.main(verbosity=1)

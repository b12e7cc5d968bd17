#!/usr/bin/env python3
"""`cmake --install BUILD --prefix P` into a temporary prefix, then the installed careerplan used
from another directory, as a user would: the binary on PATH, its man page, its data and JSON
Schemas, and its completions found by bash-completion, zsh and fish where they look.

usage: test_install.py CMAKE BUILD_DIR"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import shells  # noqa: E402

CMAKE = BUILD = PREFIX = None
ELSEWHERE = None


def env(**extra):
    return shells.base_env(os.path.join(PREFIX, "bin"), home=ELSEWHERE, XDG_DATA_DIRS=f"{PREFIX}/share:/usr/share",
                           **extra)


def run(*args, **kw):
    return subprocess.run(list(args), capture_output=True, text=True, cwd=ELSEWHERE, env=env(), timeout=60, **kw)


class Installed(unittest.TestCase):
    def test_layout(self):
        for path in ("bin/careerplan", "share/man/man1/careerplan.1",
                     "share/bash-completion/completions/careerplan", "share/zsh/site-functions/_careerplan",
                     "share/fish/vendor_completions.d/careerplan.fish",
                     "share/careerplan/data/skills.json", "share/careerplan/data/sources.json",
                     "share/careerplan/data/roles/machine-learning-engineer.json",
                     "share/careerplan/data/examples/backend-engineer.json",
                     "share/careerplan/schemas/role-v1.json", "share/careerplan/schemas/gap-v2.json"):
            self.assertTrue(os.path.isfile(os.path.join(PREFIX, path)), path)
        self.assertTrue(os.access(os.path.join(PREFIX, "bin/careerplan"), os.X_OK))

    def test_runs_from_another_directory(self):
        p = run("careerplan", "roles", "--json")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(len(json.loads(p.stdout)["roles"]), 10)
        example = os.path.join(PREFIX, "share/careerplan/data/examples/backend-engineer.json")
        p = run("careerplan", "gap", "--assessment", example, "--json")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(json.loads(p.stdout)["role"]["id"], "machine-learning-engineer")

    def test_installed_data_validates(self):
        p = run("careerplan", "validate", os.path.join(PREFIX, "share/careerplan/data/roles/data-scientist.json"))
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)

    def test_man_page(self):
        p = run("mandoc", "-T", "utf8", os.path.join(PREFIX, "share/man/man1/careerplan.1"))
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("careerplan", p.stdout)

    def test_bash_finds_the_completion(self):
        setup = "source /usr/share/bash-completion/bash_completion; _completion_loader careerplan"
        rc, words, err = shells.bash_complete(setup, "careerplan show machine-l", env())
        self.assertEqual((rc, err, words), (0, "", ["machine-learning-engineer"]))

    def test_fish_finds_the_completion(self):
        rc, words, err = shells.fish_complete("true", "careerplan show machine-l", env(), config=True)
        self.assertEqual((rc, err, words), (0, "", ["machine-learning-engineer"]))

    def test_zsh_finds_the_completion(self):
        setup = f"fpath=({PREFIX}/share/zsh/site-functions $fpath); autoload -U compinit; compinit -u -D"
        shown = "careerplan show machine-learning-engineer "
        self.assertIn(shown, shells.zsh_complete(setup, "careerplan show machine-l", env(), expect=re.escape(shown)))


if __name__ == "__main__":
    CMAKE, BUILD = sys.argv[1], os.path.abspath(sys.argv[2])
    del sys.argv[1:3]
    missing = shells.missing_shells()
    if missing:
        sys.exit(f"test_install: needs {', '.join(missing)} (sh tools/bootstrap.sh test installs them)")
    with tempfile.TemporaryDirectory() as tmp:
        PREFIX = os.path.join(tmp, "prefix")
        ELSEWHERE = os.path.join(tmp, "elsewhere")
        os.makedirs(ELSEWHERE)
        p = subprocess.run([CMAKE, "--install", BUILD, "--prefix", PREFIX], capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit("cmake --install failed: " + p.stdout + p.stderr)
        result = unittest.main(verbosity=1, exit=False).result
    sys.exit(0 if result.wasSuccessful() else 1)

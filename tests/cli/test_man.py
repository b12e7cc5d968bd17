#!/usr/bin/env python3
"""The man page lints clean (mandoc -T lint -W warning), documents every command and every option
that --help lists, and documents no option the program does not have.

usage: test_man.py BINARY"""
import os
import re
import shutil
import subprocess
import sys
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MAN = os.path.join(ROOT, "man", "careerplan.1")
BINARY = None


def help_text(*command):
    p = subprocess.run([BINARY, *command, "--help"], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    return p.stdout


def subcommands(*command):
    text = help_text(*command)
    if "Subcommands:" not in text:
        return []
    block = text.split("Subcommands:")[1].split("\n\n")[0]
    return re.findall(r"^  ([\w-]+)", block, re.M)


def commands():
    """Every command as a tuple of words: ('salary',), ('import',), ('import', 'oews'), ..."""
    out = []
    for top in subcommands():
        out.append((top,))
        out.extend((top, sub) for sub in subcommands(top))
    return out


def options(text):
    """The option names an --help lists: '-l', '--level', ..."""
    block = text.split("Options:")[1].split("\n\n")[0] if "Options:" in text else ""
    names = set()
    for line in block.splitlines():
        m = re.match(r"^  (-[^ ]+(?:,-[^ ]+)*)", line)
        if m:
            names.update(m.group(1).split(","))
    return names


def man_source():
    with open(MAN, encoding="utf-8") as f:
        return f.read()


class ManPage(unittest.TestCase):
    def test_lints_clean(self):
        self.assertIsNotNone(shutil.which("mandoc"), "mandoc is needed (sh tools/bootstrap.sh test installs it)")
        p = subprocess.run(["mandoc", "-T", "lint", "-W", "warning", MAN], capture_output=True, text=True)
        self.assertEqual((p.returncode, p.stdout + p.stderr), (0, ""))

    def test_every_command_is_documented(self):
        source = man_source()
        for command in commands():
            with self.subTest(" ".join(command)):
                self.assertRegex(source, rf"(?m)^\.It Cm {' '.join(command)}\b")
                self.assertRegex(source, rf"(?m)^\.Cm {command[-1]}$")  # in the SYNOPSIS

    def test_every_option_in_help_is_documented(self):
        source = man_source()
        listed = {("", name) for name in options(help_text())}
        for command in commands():
            listed |= {(" ".join(command), name) for name in options(help_text(*command))}
        self.assertGreater(len(listed), 30)
        for command, name in sorted(listed):
            with self.subTest(command=command, option=name):
                flag = name[1:]  # mdoc writes --level as 'Fl -level' and -l as 'Fl l'
                self.assertRegex(source, rf"Fl {re.escape(flag)}(?![\w-])")

    def test_no_option_is_documented_that_the_program_lacks(self):
        known = options(help_text())
        for command in commands():
            known |= options(help_text(*command))
        documented = set(re.findall(r"Fl (-?[a-z][\w-]*)", man_source()))
        for flag in sorted(documented):
            with self.subTest(flag):
                self.assertIn("-" + flag, known)


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)

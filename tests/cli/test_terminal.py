#!/usr/bin/env python3
"""Terminal manners, on a real pseudo-terminal as well as pipes: colour only on a terminal, unless
NO_COLOR is set or TERM is dumb, and --color always|never|auto; tables as wide as the terminal
(its size read from the terminal, or $COLUMNS), degrading cleanly at 60 columns.

usage: test_terminal.py BINARY"""
import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import unittest

import ptyio

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(ROOT, "data", "examples", "backend-engineer.json")
BINARY = None
ESC = "\x1b["


def env(**extra):
    e = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color"}
    e.update(extra)
    return {k: v for k, v in e.items() if v is not None}


def on_a_terminal(args, columns=100, **extra):
    """Runs careerplan with its stdout on a pseudo-terminal of `columns` columns; returns what it
    wrote (the terminal turns \\n into \\r\\n; that is undone) and its exit status."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(BINARY, [BINARY, *args], env(**extra))
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    out, status = finish(pid, fd)
    return out.decode().replace("\r\n", "\n"), status


def finish(pid, fd):
    """Everything the child still writes to its terminal, and its exit status."""
    out = ptyio.read_rest(fd)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return out, os.waitstatus_to_exitcode(status)


def piped(args, **extra):
    p = subprocess.run([BINARY, *args], capture_output=True, text=True, env=env(**extra))
    return p.stdout, p.returncode


def widest(text):
    import re
    return max(len(re.sub(r"\x1b\[[0-9;]*m", "", line)) for line in text.splitlines())


class Colour(unittest.TestCase):
    ARGS = ["gap", "--assessment", EXAMPLE]

    def test_colour_on_a_terminal(self):
        out, status = on_a_terminal(self.ARGS)
        self.assertEqual(status, 0)
        self.assertIn(ESC, out)

    def test_no_colour_in_a_pipe(self):
        out, status = piped(self.ARGS)
        self.assertEqual(status, 0)
        self.assertNotIn("\x1b", out)

    def test_no_color_and_dumb_terminals(self):
        for extra in ({"NO_COLOR": "1"}, {"NO_COLOR": ""}, {"TERM": "dumb"}):
            with self.subTest(extra):
                out, _ = on_a_terminal(self.ARGS, **extra)
                if extra.get("NO_COLOR") == "":
                    self.assertIn(ESC, out)  # no-color.org: set and not empty
                else:
                    self.assertNotIn("\x1b", out)

    def test_color_option(self):
        self.assertNotIn("\x1b", on_a_terminal(self.ARGS + ["--color", "never"])[0])
        self.assertIn(ESC, piped(self.ARGS + ["--color", "always"])[0])
        self.assertIn(ESC, piped(self.ARGS + ["--color=always"], NO_COLOR="1")[0])  # asked for it
        self.assertNotIn("\x1b", piped(self.ARGS + ["--color", "auto"])[0])

    def test_machine_formats_never_have_colour(self):
        for fmt in ("json", "csv", "markdown"):
            out, _ = on_a_terminal(self.ARGS + ["--format", fmt, "--color", "always"])
            self.assertNotIn("\x1b", out, fmt)


class Width(unittest.TestCase):
    def test_tables_follow_the_terminal(self):
        for columns in (60, 80, 132):
            for args in (["roles"], ["gap", "--assessment", EXAMPLE], ["match", "--assessment", EXAMPLE],
                         ["salary", "mle"], ["compare", "mle", "ds"]):
                with self.subTest(columns=columns, args=args):
                    out, status = on_a_terminal(args, columns=columns, COLUMNS=None)
                    self.assertEqual(status, 0)
                    self.assertLessEqual(widest(out), columns)

    def test_long_paths_wrap_too(self):
        import shutil
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            deep = os.path.join(d, "a-directory-with-a-long-name", "and-another-one-below-it")
            os.makedirs(deep)
            path = shutil.copy(EXAMPLE, os.path.join(deep, "my-self-assessment.json"))
            out, status = on_a_terminal(["gap", "--assessment", path], columns=60, COLUMNS=None)
            self.assertEqual(status, 0)
            self.assertLessEqual(widest(out), 60)

    def test_wide_terminal_uses_the_room(self):
        narrow, _ = on_a_terminal(["roles"], columns=80, COLUMNS=None)
        wide, _ = on_a_terminal(["roles"], columns=132, COLUMNS=None)
        self.assertNotIn("FAMILY", narrow)
        self.assertIn("FAMILY", wide)

    def test_columns_overrides_the_terminal(self):
        out, _ = on_a_terminal(["roles"], columns=132, COLUMNS="60")
        self.assertLessEqual(widest(out), 60)

    def test_pipes_get_80_columns(self):
        out, _ = piped(["gap", "--assessment", EXAMPLE, "--explain"], COLUMNS=None)
        self.assertLessEqual(widest(out), 80)
        self.assertGreater(widest(out), 70)
        wide, _ = piped(["gap", "--assessment", EXAMPLE, "--explain"], COLUMNS="100")
        self.assertGreater(widest(wide), 80)


def commands():
    """Every command as its words: ['roles'], ['import'], ['import', 'oews'], ..."""
    import re

    def subcommands(*words):
        text = piped([*words, "--help"], COLUMNS=None)[0]
        block = text.split("Subcommands:")[1].split("\n\n")[0] if "Subcommands:" in text else ""
        return re.findall(r"^  (\w[\w-]*)", block, re.M)
    out = []
    for top in subcommands():
        out.append([top])
        out.extend([top, sub] for sub in subcommands(top))
    return out


class Help(unittest.TestCase):
    """--help of every command fits the terminal, and 80 columns in a pipe."""

    def test_every_help_fits_80_columns_in_a_pipe(self):
        every = [[]] + commands()
        self.assertGreater(len(every), 15)
        for words in every:
            with self.subTest(words):
                out, status = piped([*words, "--help"], COLUMNS=None)
                self.assertEqual(status, 0)
                self.assertLessEqual(widest(out), 80, "\n" + out)

    def test_help_follows_the_terminal(self):
        for columns in (60, 132):
            with self.subTest(columns):
                out, status = on_a_terminal(["gap", "--help"], columns=columns, COLUMNS=None)
                self.assertEqual(status, 0)
                self.assertLessEqual(widest(out), min(columns, 100))
                self.assertIn("--level", out)

    def test_nonsense_columns_is_ignored(self):
        for value in ("abc", "0", "-5", "10", "99999"):
            out, status = piped(["roles"], COLUMNS=value)
            self.assertEqual(status, 0, value)
            self.assertEqual(out, piped(["roles"], COLUMNS=None)[0], value)


class InteractiveAssess(unittest.TestCase):
    """On a terminal, 'assess' asks for each skill with the scale's descriptors; Enter keeps the
    value in brackets, a bad answer is asked again, end of input keeps what was entered."""

    def test_prompts_on_a_terminal(self):
        import json
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "assessment.json")
            with open(path, "w") as f:
                json.dump({"schema": "careerplan/assessment/v1", "target_role": "mle", "ratings": {"python": 2}}, f)
            pid, fd = pty.fork()
            if pid == 0:
                os.execve(BINARY, [BINARY, "assess", "--assessment", path], env())
            until = ptyio.Transcript(fd).until

            # current role (a title, resolved to the role id), years, location, pay, the roles to rate
            self.assertIn("Current role", until(b"]: "))
            os.write(fd, b"Backend Engineer\n")
            self.assertIn("saved as the role software-engineer", until(b"Years of professional experience [-]: "))
            os.write(fd, b"six\n")
            self.assertIn("please type a number of years", until(b"]: "))
            os.write(fd, b"6\n")
            self.assertIn("Highest completed education", until(b"]: "))
            os.write(fd, b"?\n")
            self.assertIn("post-doctoral", until(b"]: "))
            os.write(fd, b"master\n")
            until(b"]: ")
            os.write(fd, b"CA\n")
            until(b"]: ")
            os.write(fd, b"\n")
            until(b"Rate the skills of which roles?")
            os.write(fd, b"mle, data-scientist\n")
            first = until(b"rating 0-5 [2] (Enter keeps, - back, ? help): ")  # python, rated 2
            self.assertIn("0 none", first)  # the scale's anchored descriptors
            self.assertIn("5 expert", first)
            os.write(fd, b"\n")  # Enter keeps 2
            until(b"rating 0-5 [-]")  # sql, not rated
            os.write(fd, b"4\n")
            until(b"rating 0-5 [-]")  # distributed-systems
            os.write(fd, b"9\n")
            self.assertIn("please type a whole number from 0 to 5", until(b"rating 0-5 [-]"))
            os.write(fd, b"?\n")
            self.assertIn("goes back to the previous item", until(b"rating 0-5 [-]"))
            os.write(fd, b"-\n")  # back to sql
            until(b"rating 0-5 [4]")
            os.write(fd, b"3\n")
            until(b"rating 0-5 [-]")
            os.write(fd, b"3\n")
            until(b"rating 0-5 [-]")
            os.write(fd, b"\x04")  # end of input: keep the rest as they are
            rest, status = finish(pid, fd)
            self.assertEqual(status, 0, rest)
            self.assertIn(b"saved", rest)
            with open(path) as f:
                saved = json.load(f)
            self.assertEqual(saved["ratings"], {"python": 2, "sql": 3, "distributed-systems": 3})
            self.assertEqual((saved["current_role"], saved["years_experience"], saved["location"]["state"],
                              saved["education"]), ("software-engineer", 6, "CA", "master"))  # a title, resolved through the alias


    def test_prompt_neutralises_escapes_from_the_data(self):
        import json
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(ROOT, "data", "skills.json"), encoding="utf-8") as f:
                skills = json.load(f)
            evil = "\x1b]0;pwned\x07\x1b[2J\u009b1m\u202e\u0000\rgone"
            skills["scales"][0]["levels"][0]["descriptor"] += evil
            for s in skills["skills"]:
                if s["id"] == "python":
                    s["name"] += evil
                    s["description"] += evil
            data = os.path.join(d, "data")
            os.makedirs(data)
            with open(os.path.join(data, "skills.json"), "w", encoding="utf-8") as f:
                json.dump(skills, f)
            path = os.path.join(d, "assessment.json")
            with open(path, "w") as f:
                json.dump({"schema": "careerplan/assessment/v1", "target_role": "mle", "ratings": {}}, f)
            pid, fd = pty.fork()
            if pid == 0:
                os.execve(BINARY, [BINARY, "assess", "--data-dir", data, "--assessment", path], env())
            transcript = b""
            os.write(fd, b"\n\n\n\n\n\n")  # keep the current role, years, education, location, pay, roles to rate
            while b"rating 0-5 [-]" not in transcript:
                ready, _, _ = select.select([fd], [], [], 30)
                self.assertTrue(ready, transcript.decode(errors="replace"))
                transcript += os.read(fd, 65536)
            os.write(fd, b"\x04")
            rest, status = finish(pid, fd)
            self.assertEqual(status, 0, rest)
            shown = transcript + rest
            self.assertIn(b"gone", shown)
            for raw in (b"\x1b", b"\x07", b"\x00", b"\xc2\x9b", b"\xe2\x80\xae"):
                self.assertNotIn(raw, shown)


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)

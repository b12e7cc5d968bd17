#!/usr/bin/env python3
"""The process as a Unix citizen: quiet when the reader of a pipe goes away, complete output to a
file, and an assessment file that survives a full disk's worth of bad luck: a read-only
directory, and a process killed in the middle of saving (with a test build that can pause
before its rename: pass --fault-injection).

usage: test_process.py BINARY [--fault-injection]"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(ROOT, "data", "examples", "backend-engineer.json")
BINARY = None
FAULT_INJECTION = False


def read(path):
    with open(path, "rb") as f:
        return f.read()


def env(**extra):
    e = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "LC_ALL": "C.UTF-8", "NO_COLOR": "1", "COLUMNS": "100"}
    e.update(extra)
    return e


class Pipes(unittest.TestCase):
    def test_reader_going_away_is_quiet(self):
        # show --json is larger than a pipe's buffer, so the write really meets a closed pipe.
        for args in (["show", "mle", "--json"], ["show", "mle"], ["salary", "--format", "csv"]):
            p = subprocess.Popen([BINARY] + args, env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            p.stdout.readline()
            p.stdout.close()
            err = p.stderr.read()
            status = p.wait(timeout=30)
            self.assertIn(status, (0, -signal.SIGPIPE), args)
            self.assertEqual(err, b"", args)

    def test_head_in_a_shell_pipeline(self):
        p = subprocess.run(["sh", "-c", f"'{BINARY}' show mle --json | head -1"], env=env(),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=30)
        self.assertEqual(p.stdout, b"{\n")
        self.assertEqual(p.stderr, b"")

    def test_output_to_a_file_is_complete(self):
        piped = subprocess.run([BINARY, "show", "mle", "--json"], env=env(), stdout=subprocess.PIPE, check=True).stdout
        with tempfile.TemporaryFile() as f:
            subprocess.run([BINARY, "show", "mle", "--json"], env=env(), stdout=f, check=True)
            f.seek(0)
            self.assertEqual(f.read(), piped)


def as_other_user():
    """The command prefix that drops root, so that a read-only directory is read-only."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] if setpriv else None


class SavingTheAssessment(unittest.TestCase):
    def test_read_only_directory_leaves_the_old_file(self):
        prefix = as_other_user()
        if prefix is None:
            self.skipTest("running as root without setpriv")
        with tempfile.TemporaryDirectory() as tmp:
            os.chmod(tmp, 0o755)
            path = os.path.join(tmp, "assessment.json")
            shutil.copy(EXAMPLE, path)
            os.chmod(path, 0o644)
            before = read(path)
            os.chmod(tmp, 0o555)
            try:
                p = subprocess.run(prefix + [BINARY, "assess", "mle", "--set", "python=1", "--assessment", path,
                                             "--no-input"], env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   timeout=30)
            finally:
                os.chmod(tmp, 0o755)
            self.assertEqual(p.returncode, 1, p.stderr)
            self.assertEqual(p.stdout, b"")
            self.assertEqual(p.stderr.count(b"\n"), 1)
            self.assertIn(path.encode(), p.stderr)
            self.assertEqual(read(path), before)
            self.assertEqual(sorted(os.listdir(tmp)), ["assessment.json"])

    def test_killed_while_saving_leaves_the_old_file(self):
        if not FAULT_INJECTION:
            self.skipTest("needs a build with CAREERPLAN_FAULT_INJECTION (the sanitizer build of the suite)")
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "assessment.json")
            shutil.copy(EXAMPLE, path)
            before = read(path)
            p = subprocess.Popen([BINARY, "assess", "mle", "--set", "python=1", "--assessment", path, "--no-input"],
                                 env=env(CAREERPLAN_FAULT_PAUSE_BEFORE_RENAME="30"), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            # Wait until the new content sits complete in its temporary file, then kill.
            deadline = time.time() + 20
            temp = []
            while time.time() < deadline and not temp:
                temp = [n for n in os.listdir(tmp) if n.startswith(".assessment.json.")]
                time.sleep(0.05)
            self.assertTrue(temp, "the temporary file never appeared")
            time.sleep(0.2)
            p.send_signal(signal.SIGKILL)
            p.wait(timeout=10)
            self.assertEqual(read(path), before)
            # The next save works and replaces the file whole.
            subprocess.run([BINARY, "assess", "mle", "--set", "python=1", "--assessment", path, "--no-input"],
                           env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, timeout=30)
            self.assertIn(b'"python": 1', read(path))

    def test_permissions_are_kept(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "assessment.json")
            shutil.copy(EXAMPLE, path)
            os.chmod(path, 0o640)
            subprocess.run([BINARY, "assess", "mle", "--set", "python=2", "--assessment", path, "--no-input"],
                           env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, timeout=30)
            self.assertEqual(os.stat(path).st_mode & 0o777, 0o640)


def assess(path, *args, **kw):
    return subprocess.run([BINARY, "assess", "mle", *args, "--assessment", path, "--no-input"], env=env(),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=kw.get("timeout", 60))


class WhatASaveReplaces(unittest.TestCase):
    """A save replaces a regular file only: through a symbolic link it writes the link's target,
    and a FIFO, a device, a directory or a link to nothing is refused (exit 1) and left alone."""

    def test_a_symlink_is_written_through(self):
        with tempfile.TemporaryDirectory() as tmp:
            os.makedirs(os.path.join(tmp, "dotfiles"))
            target = os.path.join(tmp, "dotfiles", "assessment.json")
            shutil.copy(EXAMPLE, target)
            link = os.path.join(tmp, "assessment.json")
            os.symlink(os.path.join("dotfiles", "assessment.json"), link)
            p = assess(link, "--set", "python=1")
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertTrue(os.path.islink(link))
            self.assertIn(b'"python": 1', read(target))
            self.assertEqual(sorted(os.listdir(tmp)), ["assessment.json", "dotfiles"])
            # The history log goes beside the file the link points to.
            self.assertEqual(sorted(os.listdir(os.path.join(tmp, "dotfiles"))),
                             ["assessment.history.jsonl", "assessment.json"])
            # --output through a link to a link.
            link2 = os.path.join(tmp, "again.json")
            os.symlink(link, link2)
            p = subprocess.run([BINARY, "assess", "mle", "--set", "python=3", "--output", link2], env=env(),
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertTrue(os.path.islink(link2))
            self.assertIn(b'"python": 3', read(target))

    def test_what_is_not_a_regular_file_is_refused(self):
        with tempfile.TemporaryDirectory() as tmp:
            cases = {}
            fifo = os.path.join(tmp, "fifo.json")
            os.mkfifo(fifo)
            cases["fifo"] = fifo
            cases["directory"] = os.path.join(tmp, "dir.json")
            os.mkdir(cases["directory"])
            cases["dangling link"] = os.path.join(tmp, "dangling.json")
            os.symlink(os.path.join(tmp, "nowhere", "x.json"), cases["dangling link"])
            cases["link to a fifo"] = os.path.join(tmp, "to-fifo.json")
            os.symlink(fifo, cases["link to a fifo"])
            sock = os.path.join(tmp, "sock.json")
            import socket
            server = socket.socket(socket.AF_UNIX)
            server.bind(sock)
            cases["socket"] = sock
            if os.geteuid() == 0:
                cases["device"] = os.path.join(tmp, "null.json")
                os.mknod(cases["device"], 0o666 | __import__("stat").S_IFCHR, os.makedev(1, 3))
            for what, path in cases.items():
                before = os.lstat(path)
                p = subprocess.run([BINARY, "assess", "mle", "--set", "python=1", "--output", path], env=env(),
                                   stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=10)
                self.assertEqual(p.returncode, 1, (what, p.stderr))
                self.assertEqual(p.stderr.count(b"\n"), 1, what)
                self.assertIn(path.encode(), p.stderr, what)
                after = os.lstat(path)
                self.assertEqual((before.st_mode, before.st_ino, before.st_rdev), (after.st_mode, after.st_ino, after.st_rdev), what)
            server.close()
            self.assertFalse([n for n in os.listdir(tmp) if n.endswith(".lock") or n.startswith(".")])
            # '-' prints.
            p = subprocess.run([BINARY, "assess", "mle", "--set", "python=1", "--output", "-"], env=env(),
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=10)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn(b'"python": 1', p.stdout)


class ConcurrentSaves(unittest.TestCase):
    """Saves take a lock beside the file and re-read it under the lock: none is lost."""

    def test_seventeen_at_once_all_survive(self):
        import json
        skills = [s["id"] for s in json.load(open(os.path.join(ROOT, "data", "skills.json")))["skills"]][:17]
        self.assertEqual(len(skills), 17)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "assessment.json")
            with open(path, "w") as f:
                json.dump({"schema": "careerplan/assessment/v1", "target_role": "mle", "ratings": {}}, f)
            procs = [subprocess.Popen([BINARY, "assess", "--set", f"{s}={i % 6}", "--assessment", path, "--no-input"],
                                      env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE) for i, s in enumerate(skills)]
            for p in procs:
                out, err = p.communicate(timeout=120)
                self.assertEqual(p.returncode, 0, err)
                self.assertIn(b"saved", err)
            ratings = json.load(open(path))["ratings"]
            self.assertEqual(ratings, {s: i % 6 for i, s in enumerate(skills)})
            self.assertEqual(sorted(os.listdir(tmp)), ["assessment.history.jsonl", "assessment.json"])
            # Every save is in the history, each line whole (the first records the state before them).
            with open(os.path.join(tmp, "assessment.history.jsonl")) as f:
                lines = [json.loads(line) for line in f]
            self.assertEqual(len(lines), len(skills) + 1)

    def test_a_held_lock_makes_the_second_writer_fail_loudly(self):
        import fcntl
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "assessment.json")
            shutil.copy(EXAMPLE, path)
            before = read(path)
            with open(path + ".lock", "w") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)
                started = time.time()
                p = assess(path, "--set", "python=1")
                waited = time.time() - started
            self.assertEqual(p.returncode, 1, p.stderr)
            self.assertEqual(p.stderr.count(b"\n"), 1)
            self.assertIn(b"another process", p.stderr)
            self.assertIn((path + ".lock").encode(), p.stderr)
            self.assertGreater(waited, 2)
            self.assertEqual(read(path), before)

    def test_a_lock_file_left_by_a_killed_process_is_no_obstacle(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "assessment.json")
            shutil.copy(EXAMPLE, path)
            open(path + ".lock", "w").close()  # nobody holds it
            p = assess(path, "--set", "python=1", timeout=10)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn(b'"python": 1', read(path))
            self.assertEqual(sorted(os.listdir(tmp)), ["assessment.history.jsonl", "assessment.json"])


class Ownership(unittest.TestCase):
    def test_root_saving_a_users_file_keeps_its_owner_and_mode(self):
        if os.geteuid() != 0:
            self.skipTest("needs root to own a file as another user")
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "assessment.json")
            shutil.copy(EXAMPLE, path)
            os.chown(path, 65534, 65533)
            os.chmod(path, 0o640)
            p = assess(path, "--set", "python=2")
            self.assertEqual(p.returncode, 0, p.stderr)
            st = os.stat(path)
            self.assertEqual((st.st_uid, st.st_gid, st.st_mode & 0o7777), (65534, 65533, 0o640))
            self.assertIn(b'"python": 2', read(path))


class HostileText(unittest.TestCase):
    """Text from a data file never reaches a terminal raw: ESC/CSI/OSC sequences, C1 controls, bidi
    overrides, NUL and CR are neutralised in tables, Markdown, CSV and validate's report; CSV cells
    that would run as a formula are guarded; JSON keeps the text, escaped."""

    EVIL = "=HYPERLINK(\"http://x\") \x1b[2J\x1b]8;;http://evil\x07link\x1b]8;;\x07 \u009b31m \u202eevil \u0000nul \rcr"
    RAW = [b"\x1b", b"\x00", b"\x07", b"\xc2\x9b", b"\xe2\x80\xae"]

    def test_every_human_format(self):
        import json
        mle = json.load(open(os.path.join(ROOT, "data", "roles", "machine-learning-engineer.json"), encoding="utf-8"))
        mle.update(id="evil-role", aliases=[], title=self.EVIL)
        mle["summary"]["text"] = self.EVIL
        mle["salary"][0]["label"] = self.EVIL
        with tempfile.TemporaryDirectory() as tmp:
            os.makedirs(os.path.join(tmp, "roles"))
            with open(os.path.join(tmp, "roles", "evil-role.json"), "w") as f:
                json.dump(mle, f)
            broken = os.path.join(tmp, "broken.json")
            with open(broken, "w") as f:
                json.dump({"schema": "careerplan/assessment/v1", "ratings": {}, "\x1b]0;pwned\x07": 1,
                           "target_role": self.EVIL}, f)
            runs = [["roles"], ["show", "evil-role"], ["salary", "evil-role"], ["roles", "--format", "markdown"],
                    ["show", "evil-role", "--format", "markdown"], ["roles", "--format", "csv"],
                    ["salary", "evil-role", "--format", "csv"], ["validate", broken],
                    ["validate", broken, "--format", "markdown"], ["validate", broken, "--format", "csv"],
                    ["gap", "evil-role", "--assessment", broken]]
            for args in runs:
                p = subprocess.run([BINARY, "--data-dir", tmp, *args], env=env(), stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, timeout=60)
                self.assertIn(p.returncode, (0, 3), (args, p.stderr))
                for raw in self.RAW:
                    self.assertNotIn(raw, p.stdout, args)
                    self.assertNotIn(raw, p.stderr, args)
                self.assertNotIn(b"\r", p.stdout.replace(b"\r\n", b""), args)
            csv = subprocess.run([BINARY, "--data-dir", tmp, "roles", "--format", "csv"], env=env(),
                                 stdout=subprocess.PIPE, check=True).stdout.decode()
            self.assertIn(",\"'=HYPERLINK(", csv)
            self.assertNotIn(",=HYPERLINK", csv)
            md = subprocess.run([BINARY, "--data-dir", tmp, "show", "evil-role", "--format", "markdown"], env=env(),
                                stdout=subprocess.PIPE, check=True).stdout.decode()
            self.assertIn("# =HYPERLINK(\"http://x\")", md)
            self.assertNotIn("](", md.replace("\\](", ""))
            js = subprocess.run([BINARY, "--data-dir", tmp, "show", "evil-role", "--json"], env=env(),
                                stdout=subprocess.PIPE, check=True).stdout.decode()
            self.assertEqual(json.loads(js)["role"]["title"], self.EVIL)  # JSON carries the text as it is, escaped


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    if "--fault-injection" in sys.argv:
        sys.argv.remove("--fault-injection")
        FAULT_INJECTION = True
    result = unittest.main(exit=False, verbosity=1).result
    print(f"process: {result.testsRun - len(result.failures) - len(result.errors) - len(result.skipped)} passed, "
          f"{len(result.failures) + len(result.errors)} failed, {len(result.skipped)} skipped")
    sys.exit(0 if result.wasSuccessful() else 1)

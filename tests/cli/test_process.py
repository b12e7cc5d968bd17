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


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    if "--fault-injection" in sys.argv:
        sys.argv.remove("--fault-injection")
        FAULT_INJECTION = True
    result = unittest.main(exit=False, verbosity=1).result
    print(f"process: {result.testsRun - len(result.failures) - len(result.errors) - len(result.skipped)} passed, "
          f"{len(result.failures) + len(result.errors)} failed, {len(result.skipped)} skipped")
    sys.exit(0 if result.wasSuccessful() else 1)

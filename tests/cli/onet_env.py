"""What the O*NET tests share: the fixture release (tests/fixtures/onet: O*NET 29.3's own rows for
five occupations), its files read as O*NET's tab-separated text, and a careerplan run in its own
home with the fixture imported once per test class. The test script sets BINARY."""
import csv
import json
import os
import subprocess
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIXTURE = os.path.join(ROOT, "tests", "fixtures", "onet")
BINARY = None


def tsv(name, base=FIXTURE):
    with open(os.path.join(base, name), encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


class Env:
    def __init__(self, tmp):
        self.tmp = tmp
        self.env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": tmp,
                    "XDG_CONFIG_HOME": os.path.join(tmp, "config"), "XDG_DATA_HOME": os.path.join(tmp, "data"),
                    "COLUMNS": "100", "NO_COLOR": "1", "LC_ALL": "C.UTF-8", "SOURCE_DATE_EPOCH": "1764547200"}

    def run(self, *args, status=0, env=None):
        e = dict(self.env)
        e.update(env or {})
        p = subprocess.run([BINARY] + list(args), env=e, cwd=self.tmp, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, timeout=120)
        if p.returncode != status:
            raise AssertionError(f"careerplan {' '.join(args)}: exit {p.returncode}, expected {status}\n"
                                 f"stdout: {p.stdout[:2000]}\nstderr: {p.stderr[:2000]}")
        return p

    def json(self, *args):
        return json.loads(self.run(*args, "--json").stdout)


class ImportedCase(unittest.TestCase):
    """The fixture imported once, in a home of its own."""

    @classmethod
    def setUpClass(cls):
        cls.tmpdir = tempfile.TemporaryDirectory(prefix="careerplan-onet-")
        cls.e = Env(os.path.realpath(cls.tmpdir.name))
        cls.imported = cls.e.json("import", "onet", FIXTURE)

    @classmethod
    def tearDownClass(cls):
        cls.tmpdir.cleanup()

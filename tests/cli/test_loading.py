#!/usr/bin/env python3
"""Loading the catalog: a file that cannot be read is reported once and left out (issue 18.6);
large files load in near-linear time with messages of bounded length (issue 18.5); the index of
checked role files never serves stale data (issue 19).

usage: test_loading.py BINARY"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ROLES = os.path.join(ROOT, "data", "roles")
BINARY = None
# Each of these took 10 to 120 seconds before the loaders were made linear.
TIMEOUT = 120  # a guard against a hang, not a timing: sanitizer builds on a busy machine are slow


class Case(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="careerplan-loading-")
        self.data = os.path.join(self.tmp, "d")
        os.makedirs(os.path.join(self.data, "roles"))
        self.cache = os.path.join(self.tmp, "cache")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def run_cli(self, *args, cache=None):
        env = {"PATH": "/usr/bin:/bin", "HOME": self.tmp, "LC_ALL": "C.UTF-8", "NO_COLOR": "1", "COLUMNS": "100",
               "XDG_CACHE_HOME": cache or self.cache, "XDG_DATA_HOME": os.path.join(self.tmp, "xdg")}
        p = subprocess.run([BINARY, "--data-dir", self.data, *args], env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=TIMEOUT)
        return p.returncode, p.stdout.decode(), p.stderr.decode()

    def role(self, template="data-analyst"):
        with open(os.path.join(ROLES, template + ".json")) as f:
            return json.load(f)

    def write_role(self, role, name=None):
        path = os.path.join(self.data, "roles", (name or role["id"]) + ".json")
        with open(path, "w") as f:
            json.dump(role, f, separators=(",", ":"))
        return path

    def copy_of(self, new_id, alias=None, template="data-analyst"):
        r = self.role(template)
        r["id"] = new_id
        r["title"] = "Copy " + new_id
        r["aliases"] = [alias or new_id + "-alias"]
        return r


class BadFiles(Case):
    """A directory, a FIFO or a dangling link named x.json, and macOS's ._x.json."""

    def make_bad_files(self):
        roles = os.path.join(self.data, "roles")
        os.mkdir(os.path.join(roles, "a-directory.json"))
        os.mkfifo(os.path.join(roles, "a-fifo.json"))
        os.symlink("/nonexistent/role.json", os.path.join(roles, "a-dangling-link.json"))
        with open(os.path.join(roles, "._data-analyst.json"), "wb") as f:
            f.write(b"\x00\x05\x16\x07 AppleDouble, not JSON")

    def test_other_commands_go_on_and_say_which_files_were_left_out(self):
        self.make_bad_files()
        self.write_role(self.copy_of("extra-role"))
        for args in (["show", "data-analyst"], ["show", "extra-role-alias"], ["roles"]):
            status, out, err = self.run_cli(*args)
            self.assertEqual(status, 0, (args, err))
            for name in ("a-directory.json", "a-fifo.json", "a-dangling-link.json"):
                self.assertEqual(err.count(name), 1, (args, err))
            self.assertNotIn("._data-analyst", err)
            self.assertTrue(all(line.startswith("careerplan: warning: ") for line in err.splitlines()), err)
        status, out, err = self.run_cli("roles", "--json")
        ids = [r["role"]["id"] for r in json.loads(out)["roles"]]
        self.assertIn("extra-role", ids)
        self.assertNotIn("a-directory", ids)

    def test_asking_for_the_unreadable_role_is_an_error(self):
        self.make_bad_files()
        status, out, err = self.run_cli("show", "a-directory")
        self.assertEqual(status, 1, err)
        self.assertIn("a-directory.json", err.splitlines()[-1])
        self.assertEqual(out, "")

    def test_validate_lists_every_bad_file(self):
        self.make_bad_files()
        broken = self.copy_of("broken-role")
        broken["skills"][0]["weight"] = "heavy"
        self.write_role(broken)
        status, out, err = self.run_cli("validate", "--json")
        self.assertEqual(status, 3, err)
        files = {os.path.basename(p["file"]) for p in json.loads(out)["problems"]}
        self.assertEqual(files, {"a-directory.json", "a-fifo.json", "a-dangling-link.json", "broken-role.json"})


class Fresh(Case):
    """What the index of checked files remembers never hides a change. A one-role command (show,
    gap, plan, routes, salary ROLE) whose name is a role id lists no directory when the roles/
    directories have the stamps the index recorded: it checks the files it reads, so a file
    broken in place that it does not read does not stop it; every other command, a name that is
    not an id, and any added, removed or renamed file (a new directory stamp) check every file."""

    def settle(self):
        """Lets the clock tick past the last change (a stamp taken in the tick of a change proves
        nothing, so the index does not trust it), then writes the index."""
        time.sleep(0.05)
        self.assertEqual(self.run_cli("roles")[0], 0)

    def uncached(self, *args):
        unwritable = os.path.join(self.tmp, "a-file")
        with open(unwritable, "w") as f:
            f.write("not a directory")
        return self.run_cli(*args, cache=unwritable)

    def test_a_changed_added_or_removed_file_is_seen_at_once(self):
        path = self.write_role(self.copy_of("extra-role"))
        self.assertEqual(self.run_cli("show", "extra-role")[0], 0)
        self.settle()
        self.assertEqual(self.run_cli("show", "extra-role")[0], 0)  # from the index
        r = self.copy_of("extra-role")
        r["title"] = "Renamed"
        self.write_role(r)  # in place: the directory keeps its stamp
        self.assertIn("Renamed", self.run_cli("show", "extra-role")[1])
        self.settle()
        r["skills"][0]["weight"] = "heavy"
        self.write_role(r)
        # Every command that reads the broken file, and every whole-catalog command, stops.
        for args in (["roles"], ["show", "extra-role"], ["--assessment", Digests.ASSESSMENT, "gap", "extra-role"],
                     ["show", "extra-role-alias"],
                     ["validate"], ["--assessment", Digests.ASSESSMENT, "match"]):
            status, out, err = self.run_cli(*args)
            self.assertEqual(status, 3, (args, err))
            self.assertIn("/skills/0/weight", out if args == ["validate"] else err)
        # A role id whose file is as indexed does not read the broken file: it is not stopped.
        status, out, err = self.run_cli("show", "data-analyst")
        self.assertEqual((status, err), (0, ""))
        self.assertIn("Data Analyst", out)
        os.remove(path)
        self.assertEqual(self.run_cli("show", "extra-role")[0], 2)
        self.assertEqual(self.run_cli("roles")[0], 0)
        self.write_role(self.copy_of("added-role"))
        self.assertIn("added-role", self.run_cli("roles")[1])
        self.assertEqual(self.run_cli("show", "added-role-alias")[0], 0)

    def test_added_removed_and_renamed_files_are_seen_by_one_role_commands(self):
        self.write_role(self.copy_of("extra-role"))
        self.settle()
        added = self.copy_of("added-role")
        added["title"] = "Added Role Title"
        added_path = self.write_role(added)
        status, out, _ = self.run_cli("show", "added-role")
        self.assertEqual(status, 0)
        self.assertIn("Added Role Title", out)
        self.settle()
        # An added file whose alias is another role's id: a new directory stamp, so even a command
        # that reads only data-analyst checks every file.
        self.write_role(self.copy_of("clashing-role", alias="data-analyst"))
        status, _, err = self.run_cli("show", "data-analyst")
        self.assertEqual(status, 3, err)
        self.assertIn("alias 'data-analyst' is also a name of role 'data-analyst'", err)
        os.remove(os.path.join(self.data, "roles", "clashing-role.json"))
        self.settle()
        os.remove(added_path)
        for args in (["show", "added-role"], ["--assessment", Digests.ASSESSMENT, "gap", "added-role"],
                     ["routes", "added-role"]):
            status, out, err = self.run_cli(*args)
            self.assertEqual(status, 2, (args, err))
            self.assertIn("unknown role 'added-role'", err)
        self.settle()
        # Renamed: the old id is gone at once, and the file under its new name is checked.
        os.rename(os.path.join(self.data, "roles", "extra-role.json"), os.path.join(self.data, "roles", "moved.json"))
        status, _, err = self.run_cli("show", "extra-role")
        self.assertEqual(status, 3, err)
        self.assertIn("role id 'extra-role' does not match the file name 'moved.json'", err)
        r = self.copy_of("moved")
        r["title"] = "Moved Role"
        self.write_role(r)
        status, out, err = self.run_cli("show", "moved")
        self.assertEqual((status, err), (0, ""))
        self.assertIn("Moved Role", out)
        self.assertEqual(self.run_cli("show", "extra-role")[0], 2)

    def test_one_role_commands_never_serve_a_stale_file(self):
        """Each one-role command after an in-place edit (same directory stamp) of the role it
        reads, of a role it names (a route's origin, a progression), and of a reference role's BLS
        figure for its occupation (a bundled role's, overridden), prints what a run without an index
        prints; a role's own BLS figure is its own, not a reference for other roles."""
        a = Digests.ASSESSMENT
        commands = (["show", "data-scientist", "--json"], ["--assessment", a, "gap", "data-scientist", "--json"],
                    ["--assessment", a, "plan", "data-scientist", "--json"],
                    ["--assessment", a, "routes", "machine-learning-engineer", "--json"],
                    ["routes", "data-scientist", "--json"], ["show", "machine-learning-engineer"],
                    ["--assessment", a, "salary", "machine-learning-engineer", "--json"],
                    ["salary", "machine-learning-engineer", "--state", "CA", "--json"],
                    ["salary", "data-scientist", "--json"], ["salary", "bls-twin", "--json"])
        # Overrides of bundled roles, edited in place below, and a role that shares data-scientist's
        # occupation (SOC 15-2051) and quotes the same BLS figures.
        ds = self.role("data-scientist")
        self.write_role(ds)
        se = self.role("software-engineer")
        self.write_role(se)
        twin = self.copy_of("bls-twin", template="data-scientist")
        self.write_role(twin)
        self.settle()

        def same_as_uncached(what):
            for args in commands:
                got = self.run_cli(*args)
                self.assertEqual(got, self.uncached(*args), (what, args))
                self.assertEqual(got[0], 0, (what, args, got[2]))
            return got

        same_as_uncached("indexed")
        ds["title"] = "Data Scientist Edited In Place"
        ds["skills"][0]["required"] = {level: 0 for level in ds["skills"][0]["required"]}
        self.write_role(ds)
        self.assertIn("Data Scientist Edited In Place", self.run_cli("show", "data-scientist")[1])
        same_as_uncached("the role itself")
        self.settle()
        se["title"] = "Software Engineer Edited In Place"
        self.write_role(se)
        self.assertIn("Software Engineer Edited In Place",
                      self.run_cli("routes", "machine-learning-engineer", "--json")[1])
        same_as_uncached("a role it names")
        self.settle()
        bls = next(f for f in ds["salary"] if f["id"] == "bls-oews-2023-15-2051-ca")
        bls["median"] = 123457
        self.write_role(ds)
        self.assertIn("123457", self.run_cli("salary", "machine-learning-engineer", "--state", "CA", "--json")[1])
        same_as_uncached("a reference role's BLS figure")
        self.settle()
        bls = next(f for f in twin["salary"] if f["id"] == "bls-oews-2024-15-2051")
        bls["median"] = 123458
        self.write_role(twin)
        self.assertIn("123458", self.run_cli("salary", "bls-twin", "--json")[1])
        self.assertNotIn("123458", self.run_cli("salary", "machine-learning-engineer", "--json")[1])
        same_as_uncached("another role's own BLS figure")

    def test_an_alias_that_names_another_role_is_found_when_its_file_changes(self):
        self.write_role(self.copy_of("extra-role"))
        self.settle()
        self.write_role(self.copy_of("extra-role", alias="mle"))  # in place
        for args in (["show", "mle"], ["show", "extra-role"], ["roles"]):
            status, _, err = self.run_cli(*args)
            self.assertEqual(status, 3, (args, err))
            self.assertIn("alias 'mle' is also a name of role 'machine-learning-engineer'", err)
        # A role id whose file is as indexed reads neither file.
        self.assertEqual(self.run_cli("show", "data-analyst")[0], 0)

    def test_a_changed_skill_catalog_checks_every_role_again(self):
        self.write_role(self.copy_of("extra-role"))
        self.assertEqual(self.run_cli("roles")[0], 0)
        with open(os.path.join(ROOT, "data", "skills.json")) as f:
            skills = json.load(f)
        scale = next(s for s in skills["scales"] if s["id"] == "proficiency-0-5")
        scale["max"] = 2  # the roles require more than that
        scale["levels"] = [lv for lv in scale.get("levels", []) if lv["value"] <= 2]
        with open(os.path.join(self.data, "skills.json"), "w") as f:
            json.dump({"schema": skills["schema"], "scales": [scale], "skills": skills["skills"][:1]}, f)
        status, _, err = self.run_cli("show", "data-analyst")
        self.assertEqual(status, 3, err)
        self.assertIn("is outside the scale", err)

    def test_an_index_that_cannot_be_written_only_costs_time(self):
        self.write_role(self.copy_of("extra-role"))
        unwritable = os.path.join(self.tmp, "a-file")
        with open(unwritable, "w") as f:
            f.write("not a directory")
        for _ in range(2):
            status, out, err = self.run_cli("show", "extra-role-alias", cache=unwritable)
            self.assertEqual((status, err), (0, ""))
            self.assertIn("Copy extra-role", out)


class BlsReferences(Case):
    """salary, report and next take the catalog's BLS figures from the role itself and from the
    reference roles (the bundled ones, as a data directory overrides them): a role a data
    directory adds uses its own figures and lends them to no other role; an unreadable override of
    a bundled role is left out with a warning, as by every command that reads the whole catalog."""

    ASSESSMENT = os.path.join(ROOT, "data", "examples", "backend-engineer.json")

    def quant(self):
        r = self.copy_of("zz-quant", template="data-scientist")
        r["soc"] = [{"code": "13-2099", "title": "Financial Specialists, All Other", "status": "assumption",
                     "source": "bls-oews-2024"}]
        figure = next(f for f in r["salary"] if f["id"] == "bls-oews-2024-15-2051")
        figure.update(id="zz-bls", occupation="Financial Specialists, All Other (SOC 13-2099)", median=88888)
        r["salary"] = [figure]
        return r

    def test_a_role_of_a_data_directory_uses_its_own_figures(self):
        self.write_role(self.quant())
        status, out, err = self.run_cli("salary", "zz-quant", "--json")
        self.assertEqual((status, err), (0, ""))
        self.assertEqual([b["median"]["value"] for b in json.loads(out)["bands"]], [88888])
        # next weighs a step by the role's median: its own BLS figure, there being no other.
        status, out, err = self.run_cli("--assessment", self.ASSESSMENT, "next", "--target", "zz-quant",
                                        "--threshold", "60", "--json")
        self.assertEqual((status, err), (0, ""))
        reached = [e for step in json.loads(out)["curated"]["steps"] for e in step["newly_within_reach"]
                   if e["role"]["id"] == "zz-quant"]
        self.assertTrue(reached, out)
        for e in reached:
            self.assertEqual(((e["median_wage"] or {}).get("value"), e["median_source"]),
                             (88888, "BLS OEWS May 2024, SOC 13-2099"))

    def test_an_unreadable_override_of_a_bundled_role_is_left_out(self):
        os.mkdir(os.path.join(self.data, "roles", "head-of-ai.json"))
        for _ in range(2):  # without an index, then with one
            for args in (["salary", "data-scientist"], ["salary"], ["salary", "--state", "CA", "--json"],
                         ["--assessment", self.ASSESSMENT, "next"],
                         ["--assessment", self.ASSESSMENT, "report", "--format", "json"]):
                status, out, err = self.run_cli(*args)
                self.assertEqual(status, 0, (args, err))
                self.assertEqual(err.splitlines(), ["careerplan: warning: cannot read '%s': it is a directory; role "
                                                    "'head-of-ai' is left out"
                                                    % os.path.join(self.data, "roles", "head-of-ai.json")], args)


class Digests(Case):
    """What roles, match and salary without a role read from the index's digests is what the files say."""

    ASSESSMENT = os.path.join(ROOT, "data", "examples", "backend-engineer.json")
    COMMANDS = (["roles", "--json"], ["roles", "--format", "csv"], ["--assessment", ASSESSMENT, "match", "--json"],
                ["--assessment", ASSESSMENT, "match"], ["salary", "--json"], ["salary", "--state", "CA", "--json"],
                ["--assessment", ASSESSMENT, "salary", "--json"])

    def outputs(self, cache=None):
        out = []
        for args in self.COMMANDS:
            status, stdout, err = self.run_cli(*args, cache=cache)
            self.assertEqual(status, 0, (args, err))
            out.append(stdout)
        return out

    def uncached(self):
        unwritable = os.path.join(self.tmp, "a-file")
        with open(unwritable, "w") as f:
            f.write("not a directory")
        return self.outputs(cache=unwritable)

    def test_digests_give_what_reading_every_file_gives(self):
        for i, template in enumerate(("data-analyst", "machine-learning-engineer", "data-scientist")):
            self.write_role(self.copy_of(f"extra-{i}", template=template))
        first = self.outputs()  # writes the index
        self.assertEqual(self.outputs(), first)  # from the digests
        self.assertEqual(self.uncached(), first)

    def test_a_changed_file_is_seen_at_once(self):
        r = self.copy_of("extra-role")
        self.write_role(r)
        self.outputs()
        r["title"] = "Renamed role"
        r["skills"][0]["required"] = {level: 0 for level in r["skills"][0]["required"]}
        national = next(f for f in r["salary"] if f.get("median") is not None and f.get("scope") == "national")
        national["median"] = 123457
        self.write_role(r)
        now = self.outputs()
        self.assertIn("Renamed role", now[0])
        self.assertIn("123457", now[0])
        self.assertEqual(now, self.uncached())
        os.remove(os.path.join(self.data, "roles", "extra-role.json"))
        self.assertNotIn("extra-role", self.outputs()[0])

    def test_a_damaged_index_only_costs_time(self):
        self.write_role(self.copy_of("extra-role"))
        first = self.outputs()
        index_dir = os.path.join(self.cache, "careerplan")
        names = [n for n in os.listdir(index_dir) if n.endswith(".index")]
        self.assertTrue(names, os.listdir(index_dir))
        for name in names:
            path = os.path.join(index_dir, name)
            with open(path, "rb") as f:
                data = f.read()
            for damaged in (data[:-7], data[: len(data) // 2], data[:-40] + b"\xff" * 40, data + b"junk"):
                with open(path, "wb") as f:
                    f.write(damaged)
                self.assertEqual(self.outputs(), first)


class Large(Case):
    """Files under the size limit with tens of thousands of items load in near-linear time."""

    def test_tens_of_thousands_of_items(self):
        n = 30000
        r = self.copy_of("huge-role", template="machine-learning-engineer")
        levels = [f"level-{i}" for i in range(n)]
        r["levels"] = r["levels"] + levels
        r["skills"][0]["required"].update({level: 1 for level in levels})  # each names a level
        r["aliases"] = [f"alias-{i}" for i in range(n)]
        source = {"title": "t", "publisher": "p", "date": "2024", "kind": "reference"}
        r["sources"] = r.get("sources", []) + [dict(source, id=f"src-{i}") for i in range(n // 3)]
        r["skills"][0]["named_by"] = [f"src-{i}" for i in range(n // 3)]  # each names a source
        r["routes"][0]["from"] = [f"origin-{i}" for i in range(n // 3)]  # each is looked up as a role
        self.write_role(r)
        for args in (["validate"], ["show", "alias-29999"], ["routes", "huge-role"], ["roles"]):
            status, out, err = self.run_cli(*args)
            self.assertEqual(status, 0, (args, err[:500]))

    def test_many_bad_references_and_a_huge_key_give_bounded_messages(self):
        n = 12000
        r = self.copy_of("bad-role")
        basis = {"kind": "published", "source": r["summary"]["source"]}
        r["skills"] = [{"skill": f"no-such-skill-{i}", "weight": 0.5, "weight_basis": basis, "required": {},
                        "required_basis": basis} for i in range(n)]
        r["x" * (1536 * 1024)] = 1
        self.write_role(r)
        status, out, err = self.run_cli("validate", "--format", "csv")
        self.assertEqual(status, 3, err)
        self.assertGreater(len(out.splitlines()), n, out[:1000])
        self.assertLess(max(len(line) for line in out.splitlines()), 1000)
        status, out, err = self.run_cli("show", "bad-role")
        self.assertEqual(status, 3)
        self.assertLess(max(len(line) for line in err.splitlines()), 1000)


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)

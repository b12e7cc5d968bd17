#!/usr/bin/env python3
"""The README's examples are real: each ```console block starts with `$ COMMAND` and shows that
command's output. This runs every command (from the repository root, with the binary under test
first on PATH) and compares. `--update` rewrites the blocks with the real output.

`--columns N` runs every example at that width instead of the README's 100 and reports, without
comparing, each line of output wider than N (what an N-column terminal would wrap).

usage: test_readme.py BINARY [--update | --columns N]"""
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
README = os.path.join(ROOT, "README.md")
BLOCK = re.compile(r"```console\n\$ (?P<cmd>[^\n]*)\n(?P<out>.*?)```", re.S)


def run(binary, command, home, columns=100):
    bindir = tempfile.mkdtemp(dir=home)
    os.symlink(os.path.abspath(binary), os.path.join(bindir, "careerplan"))
    env = {"PATH": bindir + ":/usr/bin:/bin", "HOME": home, "XDG_CONFIG_HOME": os.path.join(home, "config"),
           "XDG_DATA_HOME": os.path.join(home, "data"), "COLUMNS": str(columns), "NO_COLOR": "1", "LC_ALL": "C.UTF-8"}
    p = subprocess.run(["sh", "-c", command], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       timeout=60)
    return p.stdout.decode()


def too_wide(binary, columns):
    """Runs the examples in order at `columns` and prints each line wider than that."""
    text = open(README, encoding="utf-8").read()
    wide = 0
    with tempfile.TemporaryDirectory() as home:
        for m in BLOCK.finditer(text):
            for line in run(binary, m.group("cmd"), home, columns).splitlines():
                if len(line) > columns:
                    wide += 1
                    print(f"$ {m.group('cmd')}: {len(line)} columns: {line}")
    print(f"readme at {columns} columns: {wide} lines wider than that")
    return 1 if wide else 0


def main():
    binary = sys.argv[1]
    if "--columns" in sys.argv[2:]:
        return too_wide(binary, int(sys.argv[sys.argv.index("--columns") + 1]))
    update = "--update" in sys.argv[2:]
    text = open(README, encoding="utf-8").read()
    failures = 0
    count = 0
    with tempfile.TemporaryDirectory() as home:
        def check(m):
            nonlocal failures, count
            count += 1
            got = run(binary, m.group("cmd"), home)
            if got != m.group("out"):
                failures += 1
                if not update:
                    print(f"FAIL: README example '$ {m.group('cmd')}' does not match the real output")
            return f"```console\n$ {m.group('cmd')}\n{got}```"

        new = BLOCK.sub(check, text)
    if update and new != text:
        open(README, "w", encoding="utf-8").write(new)
        print(f"readme: rewrote {failures} of {count} examples")
        return 0
    print(f"readme: {count - failures} passed, {failures} failed")
    return 1 if failures or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Every quote of the bundled catalog is found in its source: 'careerplan validate --seeds' with the
seed documents (../shared/seeds beside the checkout, or $CAREERPLAN_SEEDS) passes, and checks all
four. Exits 77 (a CTest skip, not a pass) when the seeds are absent (they are not committed).

usage: test_truth_seeds.py BINARY"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEEDS = os.environ.get("CAREERPLAN_SEEDS") or os.path.join(os.path.dirname(ROOT), "shared", "seeds")
SKIP = 77


def words(text):
    """Letters and digits only, lower case, single spaces: how validate compares a quote with its source."""
    return " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "


def main():
    with open(os.path.join(ROOT, "data", "sources.json"), encoding="utf-8") as f:
        seeded = sorted(s["id"] for s in json.load(f)["sources"] if s.get("seed"))
    if not os.path.isdir(SEEDS):
        print(f"skipped: {SEEDS} is absent (the seed documents are not committed)")
        return SKIP
    env = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "LC_ALL": "C.UTF-8"}
    p = subprocess.run([sys.argv[1], "validate", "--seeds", SEEDS, "--json"], env=env, capture_output=True, text=True,
                       timeout=120)
    doc = json.loads(p.stdout)
    for problem in doc["problems"]:
        print(f"FAIL: {problem['file']}: {problem['path']}: {problem['message']}")
    if p.returncode != 0 or not doc["valid"]:
        return 1
    if sorted(doc["seeds"]["sources"]) != seeded:
        print(f"FAIL: checked {doc['seeds']['sources']}, expected {seeded}")
        return 1
    # A role's skills[].expects quote its sources too (the binary keeps them only as data).
    texts = {}
    with open(os.path.join(ROOT, "data", "sources.json"), encoding="utf-8") as f:
        for s in json.load(f)["sources"]:
            if s.get("seed"):
                with open(os.path.join(SEEDS, s["seed"]), encoding="utf-8") as t:
                    texts[s["id"]] = words(t.read())
    roles = os.path.join(ROOT, "data", "roles")
    for name in sorted(os.listdir(roles)):
        with open(os.path.join(roles, name), encoding="utf-8") as f:
            role = json.load(f)
        for i, skill in enumerate(role["skills"]):
            for k, e in enumerate(skill.get("expects", [])):
                if e["source"] in texts and words(e["text"]) not in texts[e["source"]]:
                    print(f"FAIL: {name}: /skills/{i}/expects/{k}/text is not in its source '{e['source']}'")
                    return 1
    print(f"truth_seeds: every quote of {doc['roles']} roles found in its source ({', '.join(seeded)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""careerplan's benchmark: how long each command takes, and how much memory, as the catalog grows.

    python3 bench/run.py                      # build/careerplan, catalogs of 10, 1,000 and 10,000 roles

Generates catalogs of valid roles (the ten bundled roles plus copies of them in a data directory,
each with its own id, title and alias), then runs every command several times and prints, for
each catalog size, the median wall time and the peak memory (maximum resident set size) of each
command beside `careerplan --version` (the floor: starting the program) and beside jq doing the
same work over the same files. The goals of issue 19 are checked and printed under each table.

This is a benchmark, not a test: timings depend on the machine. tests/cli/test_bench.py only
checks that it runs.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_ROLES = ROOT / "data" / "roles"
ASSESSMENT = ROOT / "data" / "examples" / "backend-engineer.json"
BUNDLED_ROLE = "data-analyst"

# The gap arithmetic of `careerplan gap`, in jq: for each skill of the role, the required level at
# the senior level against the self-rating, weighted.
JQ_GAP = r"""
($a[0].ratings) as $r
| [.skills[] | {skill, need: (.required.senior // 0), have: ($r[.skill] // 0), weight}
   | .gap = ([.need - .have, 0] | max) | .weighted = .gap * .weight]
| {readiness: (((map(.need * .weight) | add) // 0) as $d
               | if $d == 0 then 1 else 1 - ((map(.weighted) | add) / $d) end), skills: .}
"""


def generate(size, into):
    """A data directory that, with the ten bundled roles, makes a catalog of `size` roles."""
    roles = into / "roles"
    roles.mkdir(parents=True)
    templates = [json.loads(p.read_text()) for p in sorted(BUNDLED_ROLES.glob("*.json"))]
    for i in range(max(0, size - len(templates))):
        role = json.loads(json.dumps(templates[i % len(templates)]))
        role_id = f"gen-{i:05d}-{role['id']}"[:64]
        role["id"] = role_id
        role["title"] = f"{role['title']} (copy {i})"
        role["aliases"] = [f"gen-{i:05d}"]
        (roles / f"{role_id}.json").write_text(json.dumps(role, indent=1))
    return into


def run_once(argv, env):
    """(wall seconds, peak resident set in MiB, exit status) of one run."""
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a full pipe would stall the command
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=errors, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        returncode = os.waitstatus_to_exitcode(status)
        proc.returncode = returncode
        errors.seek(0)
        err = errors.read(2000).decode(errors="replace")
    if returncode != 0:
        raise SystemExit(f"bench: '{' '.join(map(str, argv))[:300]}' exited {returncode}: {err.strip()[:500]}")
    return wall, usage.ru_maxrss / 1024.0


def measure(argv, env, runs, budget):
    """Median wall time (ms) and peak memory (MiB) over `runs` runs, fewer when a run is slow."""
    times, peaks = [], []
    spent = 0.0
    run_once(argv, env)  # warm the page cache (and any cache of careerplan's)
    for _ in range(runs):
        wall, peak = run_once(argv, env)
        times.append(wall)
        peaks.append(peak)
        spent += wall
        if spent > budget:
            break
    return statistics.median(times) * 1000, max(peaks), len(times)


def commands(binary, data_dir, role, role_file, all_files):
    """(name, kind, careerplan argv, jq argv or None) for every command measured."""
    a = ["--assessment", str(ASSESSMENT)]
    d = ["--data-dir", str(data_dir)]
    jq = shutil.which("jq")
    jq_gap = [jq, "--slurpfile", "a", str(ASSESSMENT), JQ_GAP, str(role_file)] if jq else None
    jq_show = [jq, ".", str(role_file)] if jq else None
    jq_roles = [jq, "-r", '[.id, .title, .family] | @tsv'] + all_files if jq else None
    jq_match = [jq, "-c", "--slurpfile", "a", str(ASSESSMENT), JQ_GAP] + all_files if jq else None
    return [
        ("--version", "floor", [binary, "--version"], None),
        (f"show {role}", "one", [binary, *d, "show", role], jq_show),
        (f"gap {role}", "one", [binary, *d, *a, "gap", role], jq_gap),
        (f"plan {role}", "one", [binary, *d, *a, "plan", role], None),
        (f"salary {role}", "one", [binary, *d, *a, "salary", role], None),
        (f"routes {role}", "one", [binary, *d, *a, "routes", role], None),
        ("roles", "all", [binary, *d, "roles"], jq_roles),
        ("match", "all", [binary, *d, *a, "match"], jq_match),
        ("salary --all", "all", [binary, *d, *a, "salary", "--all"], None),
        ("validate", "validate", [binary, *d, "validate"], None),
    ]


def bench_size(binary, size, work, env, args):
    data_dir = generate(size, work / f"catalog-{size}")
    generated = sorted((data_dir / "roles").glob("*.json"))
    if generated:
        role_file = generated[len(generated) // 2]
        role = role_file.stem
    else:
        role_file = BUNDLED_ROLES / f"{BUNDLED_ROLE}.json"
        role = BUNDLED_ROLE
    all_files = [str(p) for p in sorted(BUNDLED_ROLES.glob("*.json"))] + [str(p) for p in generated]
    rows = []
    for name, kind, argv, jq_argv in commands(binary, data_dir, role, role_file, all_files):
        ms, mb, n = measure(argv, env, args.runs, args.budget)
        jq_ms = measure(jq_argv, env, args.runs, args.budget)[0] if jq_argv else None
        rows.append({"command": name, "kind": kind, "ms": ms, "mb": mb, "runs": n, "jq_ms": jq_ms})
        print(f"  {size:>6} roles  {name:<40} {ms:9.1f} ms {mb:7.1f} MiB", file=sys.stderr, flush=True)
    return {"size": size, "role": role, "rows": rows}


def goals(result, sizes):
    """The goals of issue 19 for one catalog size, each as (text, met)."""
    size = result["size"]
    floor = next(r for r in result["rows"] if r["kind"] == "floor")["ms"]
    out = []
    for r in result["rows"]:
        if r["kind"] == "one":
            if size <= 10:
                out.append((f"{r['command']}: within 2x of --version ({r['ms']:.1f} <= {2 * floor:.1f} ms)",
                            r["ms"] <= 2 * floor))
            if size >= 10000:
                out.append((f"{r['command']}: under 20 ms and 30 MiB", r["ms"] < 20 and r["mb"] < 30))
        elif r["kind"] == "all":
            limit = 100 if size <= 1000 else 1000 * size / 10000
            if size >= 1000:
                out.append((f"{r['command']}: under {limit:.0f} ms and 100 MiB", r["ms"] < limit and r["mb"] < 100))
    return out


def render(results, binary, args):
    lines = [f"careerplan benchmark: {binary}, median of up to {args.runs} runs after one warm-up, "
             f"peak = maximum resident set size", ""]
    for res in results:
        lines.append(f"### {res['size']:,} roles (one-role commands use '{res['role']}')")
        lines.append("")
        lines.append("| command | median | × --version | peak memory | jq equivalent | runs |")
        lines.append("| --- | ---: | ---: | ---: | ---: | ---: |")
        floor = next(r for r in res["rows"] if r["kind"] == "floor")["ms"]
        for r in res["rows"]:
            jq_ms = f"{r['jq_ms']:.1f} ms" if r["jq_ms"] is not None else ""
            lines.append(f"| `{r['command']}` | {r['ms']:.1f} ms | {r['ms'] / floor:.1f} | {r['mb']:.1f} MiB | "
                         f"{jq_ms} | {r['runs']} |")
        per_role = next(r for r in res["rows"] if r["kind"] == "validate")["ms"] / res["size"]
        lines.append("")
        lines.append(f"validate: {per_role:.3f} ms per role")
        checked = goals(res, [x["size"] for x in results])
        if checked:
            lines.append("")
            for text, met in checked:
                lines.append(f"- {'met' if met else 'NOT MET'}: {text}")
        lines.append("")
    return "\n".join(lines)


def bench_onet_match(binary, work, env, args):
    """`match` over every imported O*NET occupation beside `--version` (issue 15: under 50 ms and
    50 MiB). The real O*NET 29.3 release when ../shared/realdata is there, else the fixture; the
    assessment rates all of the release's skills (levels 1-6, varied)."""
    real = ROOT.parent / "shared" / "realdata" / "onet_29_3"
    release = real if (real / "Skills.txt").is_file() else ROOT / "tests" / "fixtures" / "onet"
    home = work / "onet-home"
    home.mkdir()
    e = dict(env, HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"))
    subprocess.run([binary, "import", "onet", str(release)], env=e, check=True, stdout=subprocess.DEVNULL)
    with open(release / "Skills.txt", encoding="utf-8-sig") as f:
        head = f.readline().rstrip("\n").split("\t")
        col = head.index("Element ID")
        ids = sorted({line.split("\t")[col] for line in f if line.strip()})
    assessment = work / "onet-assessment.json"
    assessment.write_text(json.dumps({"schema": "careerplan/assessment/v1", "years_experience": 4,
                                      "onet_ratings": {x: 1 + i % 6 for i, x in enumerate(ids)}}))
    rows = []
    for name, argv in (("--version", [binary, "--version"]),
                       ("match (O*NET)", [binary, "--assessment", str(assessment), "match"])):
        ms, mb, n = measure(argv, e, args.runs, args.budget)
        rows.append({"command": name, "ms": ms, "mb": mb, "runs": n})
        print(f"  O*NET ({release.name})  {name:<40} {ms:9.1f} ms {mb:7.1f} MiB", file=sys.stderr, flush=True)
    m = rows[1]
    lines = [f"### match over every imported O*NET occupation ({release.name}, {len(ids)} skills rated)", "",
             "| command | median | peak memory | runs |", "| --- | ---: | ---: | ---: |"]
    lines += [f"| `{r['command']}` | {r['ms']:.1f} ms | {r['mb']:.1f} MiB | {r['runs']} |" for r in rows]
    met = m["ms"] < 50 and m["mb"] < 50
    lines += ["", f"- {'met' if met else 'NOT MET'}: match (O*NET): under 50 ms and 50 MiB", ""]
    return "\n".join(lines)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--binary", default=str(ROOT / "build" / "careerplan"), help="careerplan to measure")
    p.add_argument("--sizes", default="10,1000,10000", help="catalog sizes, comma-separated (default: %(default)s)")
    p.add_argument("--runs", type=int, default=7, help="runs per command (default: %(default)s)")
    p.add_argument("--budget", type=float, default=10.0,
                   help="stop repeating a command once its runs took this many seconds (default: %(default)s)")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.add_argument("--no-onet", action="store_true", help="skip match over every imported O*NET occupation")
    args = p.parse_args()
    binary = str(Path(args.binary).resolve())
    if not os.access(binary, os.X_OK):
        raise SystemExit(f"bench: {binary} is not an executable; build first (see README) or pass --binary")
    sizes = [int(s) for s in args.sizes.split(",")]
    results = []
    with tempfile.TemporaryDirectory(prefix="careerplan-bench-") as tmp:
        work = Path(tmp)
        home = work / "home"
        home.mkdir()
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "LC_ALL": "C.UTF-8",
               "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
               "XDG_CACHE_HOME": str(home / "cache")}
        for size in sizes:
            results.append(bench_size(binary, size, work, env, args))
        onet = bench_onet_match(binary, work, env, args) if not args.no_onet else ""
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        print(render(results, binary, args))
        print(onet)


if __name__ == "__main__":
    main()

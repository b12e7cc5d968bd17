#!/usr/bin/env python3
"""careerplan's benchmark: how long each command takes, and how much memory, as the catalog grows.

    python3 bench/run.py                      # build/careerplan, catalogs of 10, 1,000 and 10,000 roles

and, when ../shared/realdata is beside the clone (or --realdata DIR), O*NET 29.3 and BLS's OEWS
workbooks imported into a data directory, with the O*NET and OEWS commands measured over them.

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
VALIDATE_MS_PER_ROLE = 0.19  # issue 19: validate at least 5x faster per role than its 0.94 ms

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


# Peak memory is measured through /usr/bin/time: ru_maxrss from wait4 on a child of this script
# would include this script's own memory (Linux keeps the largest resident set across fork and
# exec, and the forked copy of Python is as large as the bench).
TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
PEAK_NOTE = ("peak = maximum resident set size, measured by /usr/bin/time" if TIME else
             "peak = maximum resident set size from wait4, which INCLUDES the bench's own Python "
             "(no /usr/bin/time here)")


def run_once(argv, env, peak=False):
    """(wall seconds, peak resident set in MiB or None) of one run; the peak only when asked for
    (that run goes through /usr/bin/time, whose start is not timed apart from the command's)."""
    with tempfile.TemporaryFile() as errors, tempfile.NamedTemporaryFile(mode="r") as peak_file:
        if peak and TIME:
            argv = [TIME, "-f", "%M", "-o", peak_file.name, *argv]
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
        mib = None
        if peak:
            kib = peak_file.read().strip().splitlines()[-1:] if TIME else None
            mib = int(kib[0]) / 1024.0 if kib else usage.ru_maxrss / 1024.0
    return wall, mib


def measure(argv, env, runs, budget):
    """Median wall time (ms) over `runs` runs (fewer when a run is slow), and peak memory (MiB)
    of one more run."""
    times = []
    spent = 0.0
    run_once(argv, env)  # warm the page cache (and any cache of careerplan's)
    for _ in range(runs):
        wall, _ = run_once(argv, env)
        times.append(wall)
        spent += wall
        if spent > budget:
            break
    _, peak = run_once(argv, env, peak=True)
    return statistics.median(times) * 1000, peak, len(times)


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
        # Without an assessment every level's bands are computed for every role.
        ("salary (no assessment)", "all", [binary, *d, "salary"], None),
        ("salary --json (no assessment)", "all", [binary, *d, "salary", "--json"], None),
        ("salary --all --json", "all", [binary, *d, *a, "salary", "--all", "--json"], None),
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


def bench_realdata(binary, realdata, work, env, args):
    """O*NET's and BLS's real files imported into a data directory: the commands over them."""
    onet = realdata / "onet_29_3"
    # As tests/cli/test_oews_real.py: the May 2023 state file's titles matched to that year's codes.
    oews = [realdata / "oews" / n for n in ("national_M2023_dl.xlsx", "state_M2023_dl.csv", "national_M2024_dl.xlsx")]
    if not onet.is_dir() or not all(p.is_file() for p in oews):
        return None
    data = work / "realdata"
    data.mkdir()
    d = ["--data-dir", str(data)]
    for argv in ([binary, *d, "import", "onet", str(onet)], [binary, *d, "import", "oews", *map(str, oews)]):
        run_once(argv, env)
    assessment = work / "onet-assessment.json"
    run_once([binary, *d, "assess", "--set", "2.A.1.e=5", "--set", "critical-thinking=4", "--set", "programming=3",
              "--set", "reading-comprehension=4", "-o", str(assessment), "-q"], env)
    a = ["--assessment", str(assessment)]
    commands = [
        ("--version", "floor", [binary, "--version"], None),
        ("match (every O*NET occupation)", "onet-match", [binary, *d, *a, "match"], None),
        ("show 15-2041.00", "occupation", [binary, *d, "show", "15-2041.00"], None),
        ("salary 15-2051", "occupation", [binary, *d, "salary", "15-2051"], None),
        ("salary 15-2051 --state CA", "occupation", [binary, *d, "salary", "15-2051", "--state", "CA"], None),
        ("salary --state CA", "oews-all", [binary, *d, "salary", "--state", "CA"], None),
        ("roles --search data", "occupation", [binary, *d, "roles", "--search", "data"], None),
    ]
    rows = []
    for name, kind, argv, _ in commands:
        try:
            ms, mb, n = measure(argv, env, args.runs, args.budget)
        except SystemExit as e:  # a release without what the command needs: say so, measure the rest
            print(e, file=sys.stderr)
            continue
        rows.append({"command": name, "kind": kind, "ms": ms, "mb": mb, "runs": n, "jq_ms": None})
        print(f"  real data  {name:<40} {ms:9.1f} ms {mb:7.1f} MiB", file=sys.stderr, flush=True)
    return {"size": None, "realdata": str(realdata), "rows": rows}


def goals(result, sizes):
    """The goals of issue 19 for one catalog size, each as (text, met)."""
    size = result["size"]
    floor = next(r for r in result["rows"] if r["kind"] == "floor")["ms"]
    out = []
    if size is None:  # the real O*NET and OEWS data: the budgets of issues 15 and 16
        for r in result["rows"]:
            if r["kind"] in ("onet-match", "oews-all"):
                out.append((f"{r['command']}: under 50 ms and 50 MiB", r["ms"] < 50 and r["mb"] < 50))
        return out
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
        elif r["kind"] == "validate" and size >= 1000:
            # 5x faster per role than when issue 19 was filed (941-974 ms at 1,000 roles: 0.94 ms a
            # role); below 1,000 roles the start of the program is most of the time.
            per_role = r["ms"] / size
            out.append((f"validate: at most {VALIDATE_MS_PER_ROLE} ms per role, 5x the issue's 0.94 "
                        f"({per_role:.3f} ms)", per_role <= VALIDATE_MS_PER_ROLE))
            out.append((f"validate: under 100 MiB ({r['mb']:.1f} MiB)", r["mb"] < 100))
    return out


def render(results, binary, args):
    lines = [f"careerplan benchmark: {binary}, median of up to {args.runs} runs after one warm-up, "
             f"{PEAK_NOTE}", ""]
    for res in results:
        if res["size"] is None:
            lines.append(f"### O*NET 29.3 and BLS OEWS May 2023 (national, states) and May 2024 (national), "
                         f"imported from {res['realdata']}")
            lines.append("")
            lines.append("| command | median | × --version | peak memory | runs |")
            lines.append("| --- | ---: | ---: | ---: | ---: |")
            floor = next(r for r in res["rows"] if r["kind"] == "floor")["ms"]
            for r in res["rows"]:
                lines.append(f"| `{r['command']}` | {r['ms']:.1f} ms | {r['ms'] / floor:.1f} | {r['mb']:.1f} MiB | {r['runs']} |")
            lines.append("")
            for text, met in goals(res, []):
                lines.append(f"- {'met' if met else 'NOT MET'}: {text}")
            lines.append("")
            continue
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


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--binary", default=str(ROOT / "build" / "careerplan"), help="careerplan to measure")
    p.add_argument("--sizes", default="10,1000,10000", help="catalog sizes, comma-separated (default: %(default)s)")
    p.add_argument("--runs", type=int, default=7, help="runs per command (default: %(default)s)")
    p.add_argument("--budget", type=float, default=10.0,
                   help="stop repeating a command once its runs took this many seconds (default: %(default)s)")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.add_argument("--realdata", default=str(ROOT.parent / "shared" / "realdata"),
                   help="O*NET and BLS OEWS files to import and measure when present (default: %(default)s; "
                        "'' for none)")
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
        if args.realdata:
            real = bench_realdata(binary, Path(args.realdata), work, env, args)
            if real is None:
                print(f"bench: no O*NET 29.3 and OEWS files under {args.realdata}: the real-data table is left out",
                      file=sys.stderr)
            else:
                results.append(real)
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        print(render(results, binary, args))


if __name__ == "__main__":
    main()

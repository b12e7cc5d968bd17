#!/usr/bin/env python3
"""The report page in a real headless browser (Debian's chromium): it renders, logs nothing to
the console, loads nothing from the network, fits a phone's width and a desktop's (screenshots
of both are kept), and every figure it shows equals the one 'careerplan report --json' gives.

usage: test_report_browser.py BINARY [SCREENSHOT_DIR]
Exit status 77 (a CTest skip) when no chromium is installed."""
import html.parser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest

BINARY = None
OUT_DIR = None
BROWSER = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
NOW = "2026-03-06T08:00:00Z"


def env(**extra):
    e = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "LC_ALL": "C.UTF-8", "CAREERPLAN_NOW": NOW}
    e.update(extra)
    return e


def browser(*args, url):
    home = tempfile.mkdtemp(prefix="careerplan-chromium-")
    try:
        p = subprocess.run([BROWSER, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                            "--user-data-dir=" + home, "--enable-logging=stderr", "--v=0",
                            "--host-resolver-rules=MAP * ~NOTFOUND", *args, url],
                           capture_output=True, text=True, timeout=120, env=dict(os.environ, HOME=home))
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return p


def console_lines(stderr):
    return [l for l in stderr.splitlines() if ":CONSOLE" in l]


def plain(v):
    s = f"{v:.4f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def money(v):
    return f"${v:,.0f}"


class Dom(html.parser.HTMLParser):
    """Every element with data-key, with the data-* of its nearest ancestors, and its text."""

    EMPTY = ("br", "img", "meta", "input", "hr", "rect", "line", "circle", "polyline", "path")

    def __init__(self):
        super().__init__()
        self.stack = []
        self.found = []  # (key, text, context dict)
        self.links = {}  # source id -> href
        self.resources = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for attr in ("src", "srcset", "data", "poster"):
            if attr in a:
                self.resources.append(a[attr])
        if tag == "link":
            self.resources.append(a.get("href", ""))
        if tag in self.EMPTY:
            return
        ctx = dict(self.stack[-1][1]) if self.stack else {}
        for k, v in a.items():
            if k.startswith("data-") and k != "data-key":
                ctx[k] = v
            if k == "id":
                ctx["id"] = v
        self.stack.append([tag, ctx, a.get("data-key"), ""])
        if tag == "a" and ctx.get("id", "").startswith("source-"):
            self.links.setdefault(ctx["id"][7:], a.get("href"))

    def handle_endtag(self, tag):
        if tag in self.EMPTY:
            return
        while self.stack:
            t, ctx, key, text = self.stack.pop()
            if key:
                self.found.append((key, text.strip(), ctx))
            if self.stack:
                self.stack[-1][3] += text
            if t == tag:
                break

    def handle_data(self, data):
        if self.stack:
            self.stack[-1][3] += data


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", head[16:24])


@unittest.skipIf(BROWSER is None, "chromium is not installed")
class ReportInBrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        path = os.path.join(cls.tmp.name, "assessment.json")
        cls.path = path
        for when, args in (("2026-01-05T10:00:00Z", ["--example", "--output", path]),
                           ("2026-02-05T10:00:00Z", ["--set", "python=5", "--set", "applied-ml=3"]),
                           ("2026-03-05T10:00:00Z", ["--set", "eval-design=3", "--years", "8"])):
            p = subprocess.run([BINARY, "assess", "-a", path, "--no-input", *args], capture_output=True, text=True,
                               env=env(CAREERPLAN_NOW=when))
            assert p.returncode == 0, p.stderr
        cls.page = os.path.join(cls.tmp.name, "report.html")
        p = subprocess.run([BINARY, "report", "-a", path, "--html", cls.page], capture_output=True, text=True, env=env())
        assert p.returncode == 0, p.stderr
        p = subprocess.run([BINARY, "report", "-a", path, "--json"], capture_output=True, text=True, env=env())
        assert p.returncode == 0, p.stderr
        cls.json = json.loads(p.stdout)
        cls.render = browser("--dump-dom", url="file://" + cls.page)
        cls.dom = Dom()
        cls.dom.feed(cls.render.stdout)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_renders_without_console_messages(self):
        self.assertEqual(self.render.returncode, 0, self.render.stderr[-2000:])
        self.assertIn("Career plan: Machine Learning Engineer", self.render.stdout)
        self.assertEqual([], console_lines(self.render.stderr))

    def test_the_console_check_is_not_a_formality(self):
        bad = os.path.join(self.tmp.name, "bad.html")
        with open(self.page, encoding="utf-8") as f:
            text = f.read()
        with open(bad, "w", encoding="utf-8") as f:  # the page's own policy refuses the script: a console error
            f.write(text.replace("</main>", "<script>document.title='x'</script></main>"))
        self.assertTrue(console_lines(browser("--dump-dom", url="file://" + bad).stderr))

    def test_self_contained(self):
        self.assertEqual([], self.dom.resources)
        with open(self.page, encoding="utf-8") as f:
            text = f.read()
        self.assertNotIn("<script", text)
        self.assertNotIn("url(", text)
        self.assertIn("<svg", text)

    def test_fits_phone_and_desktop(self):
        with open(self.page, encoding="utf-8") as f:
            text = f.read()
        # A copy that measures itself (the page itself has no script, and its policy forbids one).
        probe = os.path.join(self.tmp.name, "probe.html")
        text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)
        text = text.replace("</body>", "<script>document.body.setAttribute('data-overflow', "
                                      "String(document.documentElement.scrollWidth - window.innerWidth));"
                                      "document.body.setAttribute('data-font', getComputedStyle(document.querySelector('td')).fontSize);"
                                      "</script></body>")
        with open(probe, "w", encoding="utf-8") as f:
            f.write(text)
        for width in (390, 1280):
            with self.subTest(width=width):
                p = browser(f"--window-size={width},900", "--dump-dom", url="file://" + probe)
                overflow = int(re.search(r'data-overflow="(-?\d+)"', p.stdout).group(1))
                font = float(re.search(r'data-font="([\d.]+)px"', p.stdout).group(1))
                self.assertLessEqual(overflow, 0, f"the page scrolls sideways at {width} px")
                self.assertGreaterEqual(font, 12)
                shot = os.path.join(OUT_DIR, f"report-{width}.png")
                p = browser(f"--window-size={width},3000", "--hide-scrollbars", "--screenshot=" + shot,
                            url="file://" + self.page)
                self.assertEqual(p.returncode, 0, p.stderr[-2000:])
                self.assertEqual(png_size(shot)[0], width)

    def values(self, key, **ctx):
        return [text for k, text, c in self.dom.found if k == key and all(c.get(a) == v for a, v in ctx.items())]

    def test_numbers_equal_the_json(self):
        j = self.json
        gap = j["gap"]
        self.assertEqual(self.values("readiness", id=None), [f"{gap['readiness']:.1f}%"])
        self.assertEqual(self.values("generated_at"), [j["generated_at"]])
        self.assertEqual(self.values("level"), [gap["level"]])
        for s in gap["skills"]:
            row = {"id": "gap-table", "data-skill": s["skill"]}
            self.assertEqual(self.values("required", **row), [plain(s["required"])], s["skill"])
            self.assertEqual(self.values("rating", **row), [str(s["rating"])])
            self.assertEqual(self.values("gap", **row), [plain(s["gap"])])
            self.assertEqual(self.values("weight", **row), [plain(s["weight"])])
            self.assertEqual(self.values("priority", **row), [f"{s['priority']:.3f}"])
        checked = 0
        for scope in ("national", "local"):
            for band in j["salary"][scope]["bands"]:
                # The page shows low (else p10), median (else the single value) and high (else p90).
                want = {}
                for first, second in (("low", "p10"), ("median", "value"), ("high", "p90")):
                    key = first if band[first] is not None else second
                    if band[key] is not None:
                        want[key] = [money(band[key]["value"])]  # an amount object (salary/v2)
                for key in ("low", "p10", "median", "value", "high", "p90"):
                    shown = self.values(key, **{"data-scope": scope, "data-figure": band["figure"]})
                    self.assertEqual(shown, want.get(key, []), (scope, band["figure"], key))
                    checked += len(shown)
        self.assertGreater(checked, 10)
        prog = j["progress"]
        self.assertEqual(len(prog["points"]), 3)
        self.assertEqual(self.values("readiness_first"), [f"{prog['readiness_first']:.1f}%"])
        self.assertEqual(self.values("readiness_last"), [f"{prog['readiness_last']:.1f}%"])
        self.assertEqual(self.values("readiness_change"), [f"{prog['readiness_change']:+.1f} points"])
        for i, pt in enumerate(prog["points"]):
            self.assertEqual(self.values("readiness", **{"data-index": str(i)}), [f"{pt['readiness']:.1f}%"])
            self.assertEqual(self.values("gaps", **{"data-index": str(i)}), [str(pt["gaps"])])
        for s in j["sources"]:
            if s.get("url"):
                self.assertEqual(self.dom.links.get(s["id"]), s["url"], s["id"])
        self.assertEqual(len(j["sources"]), len(re.findall(r'<li id="source-', self.render.stdout)))


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    OUT_DIR = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="careerplan-shots-")
    os.makedirs(OUT_DIR, exist_ok=True)
    if BROWSER is None:
        print("SKIP: chromium is not installed (apt-get install chromium); the report page was not tested in a browser")
        sys.exit(77)
    result = unittest.main(verbosity=1, exit=False).result
    print("screenshots:", OUT_DIR)
    sys.exit(0 if result.wasSuccessful() else 1)

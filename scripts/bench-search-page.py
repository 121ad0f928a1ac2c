#!/usr/bin/env python3
"""How light is the search page at each size? (issue 17, goal 2)

    scripts/bench-search-page.py [--runs 5] [--reuse] [SIZES...]      (default: 10000 100000)

For each size: a generated corpus (../shared/bench/gen_corpus.py, kept in $BENCH_DIR, default /tmp,
as corpus-N) built by the release binary into $BENCH_DIR/site-N; then headless Chromium opens
site-N/search.html from disk (file://), as a reader would, and for each query on a fresh page types
it and waits for its results. Printed per size:

- the script the page loads before the first keystroke (raw bytes: file:// has no compression),
  against its goal (150 kB) and against the whole of search/, which is what an index that is not
  sharded by term would load;
- per query, the files and bytes of search/ it loaded, and the time from the input event to its
  first results and to the whole page of 50 (medians of --runs fresh pages), against the goals
  (400 kB, first results in 200 ms at 10,000 articles).

Needs chromium, chromium-driver and selenium (`make test-deps` puts selenium in .build-tools/venv,
which this script uses when the running Python lacks it).
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV_PYTHON = os.path.join(ROOT, ".build-tools", "venv", "bin", "python")

try:
    from selenium import webdriver
except ImportError:
    if os.path.exists(VENV_PYTHON) and os.path.realpath(sys.prefix) != os.path.realpath(os.path.dirname(os.path.dirname(VENV_PYTHON))):
        os.execv(VENV_PYTHON, [VENV_PYTHON] + sys.argv)
    sys.exit("needs selenium (make test-deps)")

# Words of the generated corpus (gen_corpus.py): a code, a common word, title words, a typo, a
# prefix as typed, a long query, a log line its patterns match, and a miss.
QUERIES = ["SIGABRT", "registry", "idle keystore denied", "registy", "keyst",
           "the kernel watchdog refuses the registry after a failover",
           "SIGHUP: the kernel closed the socket", "zzqxvbw"]
INITIAL_GOAL, QUERY_GOAL, TIME_GOAL = 150_000, 400_000, 200


def browser():
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver:
        sys.exit("needs chromium and chromium-driver (make test-deps)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"):
        options.add_argument(flag)
    return webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=driver))


def build(n, bench_dir, reuse):
    corpus, site = os.path.join(bench_dir, f"corpus-{n}"), os.path.join(bench_dir, f"site-{n}")
    if not os.path.isdir(corpus):
        subprocess.run([sys.executable, os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py"), "--n", str(n), "--out", corpus],
                       check=True, stdout=subprocess.DEVNULL)
    if reuse and os.path.exists(os.path.join(site, "search", "index.js")):
        return site
    shutil.rmtree(site, ignore_errors=True)
    subprocess.run([os.path.join(ROOT, ".build", "release", "errwiki"), "build", "--quiet", "--content", corpus,
                    "--templates", os.path.join(ROOT, "Templates"), "--out", site], check=True)
    return site


def folder_bytes(folder):
    return sum(os.path.getsize(os.path.join(folder, name)) for name in os.listdir(folder))


def initial_scripts(site):
    html = open(os.path.join(site, "search.html"), encoding="utf-8").read()
    sources = re.findall(r'<script src="([^"]+)"', html)
    return sources, sum(os.path.getsize(os.path.join(site, source)) for source in sources)


# Types the query into a freshly loaded page and waits until the list shows it; returns the
# milliseconds from the input event and the search/ files loaded meanwhile.
TYPE_AND_WAIT = """
var query = arguments[0], done = arguments[arguments.length - 1];
var input = document.getElementById("search"), list = document.getElementById("search-results");
var before = document.querySelectorAll("script[src]").length;
var start = performance.now(), first = null;
var observer = new MutationObserver(function () {
  if (list.getAttribute("data-query") === query && first === null) first = performance.now() - start;
  if (list.getAttribute("data-complete") !== query) return;
  observer.disconnect();
  var elapsed = performance.now() - start;
  var names = Array.prototype.slice.call(document.querySelectorAll("script[src]"), before).map(function (e) { return e.src; });
  done({ first: first, ms: elapsed, files: names });
});
observer.observe(list, { attributes: true });
input.value = query;
input.dispatchEvent(new Event("input"));
"""


def measure(driver, site, query, runs):
    times, firsts, loaded = [], [], None
    for _ in range(runs):
        driver.get("file://" + os.path.join(site, "search.html"))
        outcome = driver.execute_async_script(TYPE_AND_WAIT, query)
        times.append(outcome["ms"])
        firsts.append(outcome["first"])
        loaded = [name for name in outcome["files"] if "/search/" in name]
    data = sum(os.path.getsize(os.path.join(site, "search", name.rsplit("/", 1)[1])) for name in loaded)
    return statistics.median(firsts), statistics.median(times), len(loaded), data


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[10000, 100000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reuse", action="store_true", help="keep an existing site-N")
    args = parser.parse_args()
    bench_dir = os.environ.get("BENCH_DIR", "/tmp")
    subprocess.run(["make", "-s", "-C", ROOT, "release"], check=True, stdout=subprocess.DEVNULL)
    driver = browser()
    driver.set_script_timeout(60)
    try:
        for n in args.sizes:
            started = time.time()
            site = build(n, bench_dir, args.reuse)
            sources, initial = initial_scripts(site)
            whole = folder_bytes(os.path.join(site, "search"))
            print(f"\n== {n} articles (site built in {time.time() - started:.1f} s; search/ holds {len(os.listdir(os.path.join(site, 'search')))} files)")
            print(f"before the first keystroke: {initial / 1000:.1f} kB of script ({', '.join(sources)}); goal <= {INITIAL_GOAL / 1000:.0f} kB")
            print(f"reference, all of search/ (an index not sharded by term loads it all): {whole / 1e6:.1f} MB ({whole / initial:.0f}x)")
            print(f"{'query':58} {'files':>5} {'kB':>8} {'first ms':>9} {'all ms':>8}")
            for query in QUERIES:
                first, ms, files, data = measure(driver, site, query, args.runs)
                print(f"{query[:58]:58} {files:5d} {data / 1000:8.1f} {first:9.1f} {ms:8.1f}")
            print(f"goals: <= {QUERY_GOAL / 1000:.0f} kB per query; first results <= {TIME_GOAL} ms at 10,000 articles")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()

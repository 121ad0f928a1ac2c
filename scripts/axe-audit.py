#!/usr/bin/env python3
"""Audit a built errwiki site with axe-core in headless Chromium: light and dark colour schemes at a
desktop width, and light at a phone width (where code blocks and tables overflow and scroll).

    scripts/axe-audit.py SITE_FOLDER [--all]

Opens one page of every kind (home, A-Z, 404, tag index, a category, a tag, a severity, search
empty / with results / with no match, and articles that show every severity and every kind of
section) from file://, or every page with --all, injects axe-core and runs every rule it has,
experimental ones and WCAG AAA included. Prints one line per violating element,
`page [scheme width]: rule-id (impact): target — help`, and exits 1 when there is any.
Exit 2: the tools are missing (`make test-deps` installs them).

Needs selenium and axe-playwright-python (only for its bundled axe.min.js) in the Python that runs
this, and Debian's chromium + chromium-driver on PATH.
"""
import argparse
import importlib.resources
import os
import shutil
import sys
import time

# Colour scheme, window width and height. The phone width once: the layout is the same in both schemes.
PASSES = (("light", 1280, 900), ("dark", 1280, 900), ("light", 360, 780))
ROOT_PAGES = ("index.html", "a-z.html", "search.html", "404.html")
# Search pages: empty, with results (RESULTS_QUERY must find some), with none.
RESULTS_QUERY = "search.html?q=oom"
# A bare number: code catalog results (loaded on demand) above the articles.
SEARCHES = ("search.html", RESULTS_QUERY, "search.html?q=zzqxqzz", "search.html?q=5")
SEVERITIES = ("critical", "high", "medium", "low", "info")
# What an article page may hold: the first article showing each one is audited.
ARTICLE_FEATURES = [
    # The article's own badge (a link to its severity page), in each severity's colours.
    *[lambda html, severity=severity: f'class="badge severity-{severity}" href=' in html for severity in SEVERITIES],
    lambda html: 'class="command"' in html,
    lambda html: "<pre" in html.partition('id="details"')[2],  # a code block in the Markdown body
    lambda html: 'class="table-wrap"' in html,
    lambda html: 'id="faq"' in html,
]
# Shown per rule and page; the rest are counted.
MAX_TARGETS = 5


def fail_setup(message):
    print(f"axe-audit: {message} (make test-deps installs it)", file=sys.stderr)
    sys.exit(2)


def pages_to_audit(site, everything):
    """Relative URLs: every page, or one of each kind and the articles that show every feature.
    Listings of one kind share a template, so their first one stands for them."""
    html = sorted(os.path.relpath(os.path.join(folder, name), site)
                  for folder, _, names in os.walk(site) for name in names if name.endswith(".html"))
    if everything:
        return [page for page in html if page != "search.html"] + list(SEARCHES)
    articles = [page for page in html if "/" not in page and page not in ROOT_PAGES]
    texts = {page: read(site, page) for page in articles}
    chosen = articles[:1]
    for feature in ARTICLE_FEATURES:
        match = next((page for page in articles if feature(texts[page])), None)
        if match and match not in chosen:
            chosen.append(match)
    listings = [next((page for page in html if page.startswith(folder) and page != "tag/index.html"), None)
                for folder in ("category/", "tag/", "severity/")]
    # The code catalogs: their index and the smallest family page (the tables are all alike).
    families = sorted((page for page in html if page.startswith("codes/") and page != "codes/index.html"),
                      key=lambda page: os.path.getsize(os.path.join(site, page)))
    codes = (["codes/index.html"] if "codes/index.html" in html else []) + families[:1]
    return ["index.html", "a-z.html", "404.html", "tag/index.html"] + chosen + [p for p in listings if p] + codes + list(SEARCHES)


def read(site, page):
    with open(os.path.join(site, page), encoding="utf-8") as handle:
        return handle.read()


def browser():
    try:
        from selenium import webdriver
    except ImportError:
        fail_setup("selenium is not installed")
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver:
        fail_setup("chromium and chromium-driver are needed")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"):
        options.add_argument(flag)
    # An explicit driver path: Selenium Manager would otherwise try to download one.
    return webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=driver))


def axe_source():
    try:
        return (importlib.resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
    except ModuleNotFoundError:
        fail_setup("axe-playwright-python (axe-core) is not installed")


# Every rule axe knows, experimental ones included; only violations come back.
RUN_AXE = """
const done = arguments[arguments.length - 1];
const rules = axe.getRules().map(rule => rule.ruleId);
axe.run(document, {runOnly: {type: "rule", values: rules}, resultTypes: ["violations"]})
  .then(result => done({violations: result.violations, incomplete: result.incomplete.length, rules: rules.length}))
  .catch(error => done({error: String(error)}));
"""


def wait_until_searched(driver, page):
    """search.js fills the status line once it has read the query; wait for it before auditing."""
    if "?q=" not in page:
        return
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if driver.execute_script("return document.getElementById('search-status').textContent.trim() !== ''"):
            break
        time.sleep(0.05)
    else:
        raise RuntimeError(f"{page}: search showed nothing within 10 s")
    # Otherwise the audit would never see a list of results.
    if page == RESULTS_QUERY and not driver.execute_script("return document.querySelector('#search-results li') !== null"):
        raise RuntimeError(f"{page}: the search found nothing")


def audit(driver, site, page, scheme, width, source):
    driver.get("file://" + os.path.join(os.path.abspath(site), page))
    wait_until_searched(driver, page)
    # Guard against an emulation that silently did nothing: the page itself must see the scheme and width.
    seen = driver.execute_script("return [matchMedia('(prefers-color-scheme: dark)').matches, innerWidth]")
    if seen != [scheme == "dark", width]:
        raise RuntimeError(f"{page}: the page sees dark={seen[0]}, width {seen[1]}, not {scheme} at {width}px")
    label = f"{scheme} {width}px"
    driver.execute_script(source)
    result = driver.execute_async_script(RUN_AXE)
    if "error" in result:
        raise RuntimeError(f"{page}: axe failed: {result['error']}")
    lines = []
    for violation in result["violations"]:
        nodes = violation["nodes"]
        for node in nodes[:MAX_TARGETS]:
            target = " ".join(" >> ".join(part) if isinstance(part, list) else part for part in node["target"])
            lines.append(f"{page} [{label}]: {violation['id']} ({violation['impact']}): {target} — {violation['help']}")
        if len(nodes) > MAX_TARGETS:
            lines.append(f"{page} [{label}]: {violation['id']} ({violation['impact']}): … {len(nodes) - MAX_TARGETS} more")
    return lines, result["incomplete"], result["rules"]


def main():
    parser = argparse.ArgumentParser(description="Run axe-core on a built errwiki site.")
    parser.add_argument("site", help="the output folder of errwiki build")
    parser.add_argument("--all", action="store_true", help="every page, not one of each kind")
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.site, "index.html")):
        print(f"axe-audit: {args.site} holds no built site", file=sys.stderr)
        return 2
    source = axe_source()
    pages = pages_to_audit(args.site, args.all)
    started = time.monotonic()
    driver = browser()
    problems, review, rules = [], 0, 0
    try:
        driver.set_script_timeout(60)
        for scheme, width, height in PASSES:
            # Emulation stays on for every later navigation of this tab.
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                   {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
            driver.set_window_size(width, height)
            for page in pages:
                lines, incomplete, rules = audit(driver, args.site, page, scheme, width, source)
                problems += lines
                review += incomplete
    finally:
        driver.quit()
    for line in problems:
        print(line)
    print(f"axe-audit: {len(pages)} pages × {len(PASSES)} passes (scheme, width), {rules} rules, {len(problems)} violations, "
          f"{review} results needing review, {time.monotonic() - started:.1f} s", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Imports the Node.js error codes (err.code) into Content/catalogs/node-error.tsv.

Source on Debian 12:
  S1 /usr/share/doc/nodejs/api/errors.md (package nodejs from NodeSource, or Debian's nodejs-doc; MIT): every `### \\`CODE\\`` heading of the
     sections "Node.js error codes" and "Legacy Node.js error codes" (group legacy), the first sentence
     of its description (Markdown links and code spans turned into plain text) and the added/deprecated/
     removed versions of its YAML comment.
Not imported: "Common system errors" (errno names: the errno catalog) and "OpenSSL Error Codes" (the
X509_V_ERR_ names without prefix: aliases in the x509 catalog).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import catalog_tsv  # noqa: E402
from catalog_tsv import Catalog, Entry, Source  # noqa: E402

ERRORS_MD = "/usr/share/doc/nodejs/api/errors.md"
SECTIONS = {"## Node.js error codes": "", "## Legacy Node.js error codes": "legacy"}
YAML_KEYS = ("added", "deprecated", "removed")
# Abbreviations whose period does not end a sentence.
ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.")


def sections(lines: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    current = None
    for line in lines:
        if line.startswith("## "):
            current = line if line in SECTIONS else None
            if current:
                found[current] = []
            continue
        if current:
            found[current].append(line)
    missing = set(SECTIONS) - set(found)
    if missing:
        raise ValueError(f"{ERRORS_MD}: no section {sorted(missing)}")
    return found


def yaml_versions(block: list[str]) -> list[tuple[str, str]]:
    """added/deprecated/removed of a <!-- YAML --> comment; list values joined with a comma."""
    out = []
    key = None
    values: list[str] = []
    for line in block + ["end:"]:
        match = re.fullmatch(r"(\w+):\s*(.*)", line)
        if match:
            if key in YAML_KEYS and values:
                out.append((key, ",".join(values)))
            key, values = match.group(1), ([match.group(2).strip()] if match.group(2).strip() else [])
        elif key and re.fullmatch(r"\s+- (\S+)", line):
            values.append(line.strip()[2:])
    return out


def _masked(markdown: str) -> tuple[str, list[str]]:
    """Markdown inline text as plain text with each code span replaced by a placeholder \\0N\\0:
    links keep their text; emphasis marks, inline HTML tags and backslash escapes go; runs of white
    space become one space."""
    codes: list[str] = []

    def keep(match: re.Match) -> str:
        codes.append(match.group(1))
        return f"\x00{len(codes) - 1}\x00"

    text = re.sub(r"`([^`]*)`", keep, markdown)
    text = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", text)      # [text][ref] and [text][]
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)       # [text](url)
    text = re.sub(r"(?<![\w\\])(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?!\w)", r"\2", text)
    text = re.sub(r"</?(kbd|b|i|em|strong|sup|sub)>", "", text)           # inline HTML: <kbd>Ctrl</kbd>
    text = text.replace("\\", "")
    return " ".join(text.split()), codes


def first_sentence(markdown: str) -> str:
    """The first sentence of a Markdown paragraph, as plain text (code spans keep their text). A period
    ends it when it is followed by white space or the end, is outside a code span and does not close
    an abbreviation."""
    masked, codes = _masked(markdown)
    end = len(masked)
    for match in re.finditer(r"\.(?=\s|$)", masked):
        if masked[: match.end()].endswith(ABBREVIATIONS) and match.end() < len(masked):
            continue
        end = match.end()
        break
    return re.sub(r"\x00(\d+)\x00", lambda m: codes[int(m.group(1))], masked[:end]).strip()


def entries_of(body: list[str], group: str) -> list[Entry]:
    entries = []
    heading = None
    chunk: list[str] = []
    blocks: list[tuple[str, list[str]]] = []
    for line in body + ["### END"]:
        if line.startswith("### "):
            if heading is not None:
                blocks.append((heading, chunk))
            heading, chunk = line, []
        elif heading is not None:
            chunk.append(line)
    for heading, chunk in blocks:
        match = re.fullmatch(r"### `([A-Z][A-Z0-9_]*)`", heading)
        if not match:
            raise ValueError(f"{ERRORS_MD}: unexpected heading {heading!r}")
        name = match.group(1)
        details: list[tuple[str, str]] = []
        paragraph: list[str] = []
        i = 0
        while i < len(chunk):
            line = chunk[i]
            if line.startswith("<!-- YAML"):
                end = chunk.index("-->", i)
                details = yaml_versions(chunk[i + 1:end])
                i = end + 1
                continue
            if not line.strip() or line.startswith("<a id=") or re.fullmatch(r"<!--.*-->", line):
                if paragraph:
                    break
                i += 1
                continue
            stability = re.fullmatch(r"> Stability: (.+)", line)
            if not paragraph and stability:
                details.append(("stability", stability.group(1).strip()))
                i += 1
                continue
            if not paragraph and line.startswith((">", "```", "|", "#", "<")):
                raise ValueError(f"{ERRORS_MD}: {name}: description starts with {line!r}")
            paragraph.append(line.strip())
            i += 1
        if not paragraph:
            raise ValueError(f"{ERRORS_MD}: {name} has no description")
        message = first_sentence(" ".join(paragraph))
        entries.append(Entry(name=name, message=message, group=group, details=details, sources=["S1"]))
    return entries


def owner_package(path: str) -> str:
    """The Debian package that installed path (nodejs from NodeSource, nodejs-doc from Debian)."""
    try:
        out = subprocess.run(["dpkg-query", "-S", path], check=True, capture_output=True, text=True).stdout
    except (FileNotFoundError, subprocess.CalledProcessError):
        raise catalog_tsv.MissingSource(f"{path} belongs to no installed Debian package")
    return out.split(":", 1)[0].strip()


def build() -> Catalog:
    if not os.path.isfile(ERRORS_MD):
        raise catalog_tsv.MissingSource(
            f"{ERRORS_MD} is missing: install the package nodejs (NodeSource's build ships the API docs) "
            "or, with Debian's own nodejs, the Debian package nodejs-doc (apt-get install nodejs-doc)")
    package = owner_package(ERRORS_MD)
    sources = [Source("S1", package, catalog_tsv.package_version(package), ERRORS_MD,
                      "names, messages (first sentence) and added/deprecated/removed versions")]
    with open(ERRORS_MD, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    found = sections(lines)
    entries: list[Entry] = []
    for title, group in SECTIONS.items():
        entries += entries_of(found[title], group)
    names = [e.name for e in entries]
    if len(set(names)) != len(names):
        raise ValueError(f"{ERRORS_MD}: a code is listed twice")
    entries.sort(key=lambda e: e.name)
    legacy = sum(1 for e in entries if e.group == "legacy")
    return Catalog(
        catalog="node-error",
        family="nodejs",
        family_title="Node.js error codes",
        title="Node.js error codes (err.code, doc/api/errors.md)",
        category="nodejs",
        words=["node", "nodejs"],
        importer="python3 scripts/catalogs/node_error.py",
        licence=("Node.js and its documentation are under the MIT licence (Copyright Node.js contributors; "
                 "/usr/share/doc/nodejs/copyright), which permits copying with the notice; only the code names, "
                 "the first sentence of each description and version numbers are carried, with this "
                 "attribution."),
        sources=sources,
        entries=entries,
        notes=[
            "number: none; Node.js error codes are strings (err.code).",
            "message: the first sentence of the description in errors.md, Markdown links and code spans as "
            "plain text; it is documentation, not the text of err.message.",
            f"group legacy: the {legacy} codes of the section Legacy Node.js error codes, which says they "
            "are either inconsistent, or have been removed; the others are current.",
            "details: added, deprecated and removed versions from the entry's YAML comment and its "
            "Stability line, when given.",
            "not imported: Common system errors (errno names such as ECONNREFUSED, and ENOTFOUND) and "
            "OpenSSL Error Codes (X509_V_ERR_ names without prefix, aliases in the x509 catalog).",
        ],
    )


if __name__ == "__main__":
    sys.exit(catalog_tsv.main(build))

#!/usr/bin/env python3
"""Imports Python's built-in exception classes into Content/catalogs/python-exception.tsv.

Source on Debian 12:
  S1 the system interpreter /usr/bin/python3.11 (package python3.11-minimal), run isolated (-I) in a
     subprocess whatever interpreter runs this script: every class in its builtins module that is a
     subclass of BaseException, its __bases__ (group: the first) and the first paragraph of its
     __doc__ (the message). Names bound to a class under another name (IOError, EnvironmentError ->
     OSError) are aliases.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import catalog_tsv  # noqa: E402
from catalog_tsv import Catalog, Entry, Source  # noqa: E402

PYTHON = "/usr/bin/python3.11"
PACKAGE = "python3.11-minimal"

WALK = r"""
import builtins, json, sys
found = []
for name in sorted(dir(builtins)):
    value = getattr(builtins, name)
    if isinstance(value, type) and issubclass(value, BaseException):
        found.append({"binding": name, "name": value.__name__, "module": value.__module__,
                      "bases": [b.__name__ for b in value.__bases__], "doc": value.__doc__})
json.dump({"version": sys.version.split()[0], "classes": found}, sys.stdout)
"""


def first_paragraph(doc: str | None) -> str:
    """The docstring up to its first blank line, its line breaks as spaces."""
    if not doc:
        return ""
    lines = []
    for line in doc.strip().splitlines():
        if not line.strip():
            break
        lines.append(line.strip())
    return " ".join(lines)


def build() -> Catalog:
    catalog_tsv.require_file(PYTHON, PACKAGE)
    version = catalog_tsv.package_version(PACKAGE)
    out = subprocess.run([PYTHON, "-I", "-c", WALK], check=True, capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin", "LC_ALL": "C"}).stdout
    data = json.loads(out)
    sources = [Source("S1", PACKAGE, version,
                      f"{PYTHON} -I: builtins, subclasses of BaseException (__name__, __bases__, __doc__)",
                      "names, parents, messages (first paragraph of __doc__)")]

    classes: dict[str, dict] = {}
    aliases: dict[str, list[str]] = {}
    for item in data["classes"]:
        if item["module"] != "builtins":
            raise ValueError(f"{item['binding']} is {item['module']}.{item['name']}, not a builtins class")
        if item["binding"] == item["name"]:
            classes[item["name"]] = item
        else:
            aliases.setdefault(item["name"], []).append(item["binding"])
    missing = sorted(set(aliases) - set(classes))
    if missing:
        raise ValueError(f"aliases of classes not bound under their own name: {missing}")

    def chain(name: str) -> list[str]:
        path = [name]
        while path[0] != "BaseException":
            parent = classes[path[0]]["bases"][0]
            if parent not in classes:
                raise ValueError(f"{path[0]} derives from {parent}, not a built-in exception")
            path.insert(0, parent)
        return path

    entries = []
    no_doc = []
    for name in sorted(classes):
        item = classes[name]
        entry = Entry(name=name, aliases=sorted(aliases.get(name, [])), message=first_paragraph(item["doc"]),
                      group=item["bases"][0], sources=["S1"])
        entry.details.append(("hierarchy", " > ".join(chain(name))))
        if len(item["bases"]) > 1:
            entry.details.append(("bases", ", ".join(item["bases"])))
        if not entry.message:
            no_doc.append(name)
        entries.append(entry)

    notes = [
        f"Python {data['version']} ({PYTHON}). group: the first base class (__bases__[0]); hierarchy= follows "
        "first bases from BaseException; bases= lists all when there are several.",
        "message: the first paragraph of the class's __doc__, its line breaks joined with spaces.",
        "aliases: other names builtins binds to the same class.",
    ]
    if no_doc:
        notes.append("no __doc__, so no message: " + ", ".join(no_doc) + ".")

    return Catalog(
        catalog="python-exception",
        family="python",
        family_title="Python built-in exceptions",
        title=f"Python {'.'.join(data['version'].split('.')[:2])} built-in exception classes (builtins)",
        category="python",
        words=["python"],
        importer="python3 scripts/catalogs/python_exception.py",
        licence=("Class names, base classes and docstrings of CPython (Python Software Foundation License "
                 "Version 2, PSF-2.0, a permissive licence; Copyright Python Software Foundation): copied with "
                 "this attribution; each docstring's first paragraph is one or two short sentences."),
        sources=sources,
        entries=entries,
        notes=notes,
    )


if __name__ == "__main__":
    sys.exit(catalog_tsv.main(build))

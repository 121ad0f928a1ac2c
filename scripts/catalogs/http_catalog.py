#!/usr/bin/env python3
"""Imports the HTTP status codes of Python's http.HTTPStatus into Content/catalogs/http.tsv.

Sources on this machine:
  S1 Python 3.13 (pyenv build 3.13.0 at /root/.pyenv/versions/3.13.0; not a Debian package), run
     isolated (-I) in a subprocess: http.HTTPStatus, every member's value, name, phrase (the message),
     description and class (is_informational ... is_server_error, the group); alias members (the
     names of older Pythons kept for compatibility) are aliases. Python >= 3.13 is needed: its names
     and phrases follow RFC 9110 (CONTENT_TOO_LARGE, "Content Too Large").
  S2 the system Python 3.11 (/usr/bin/python3.11, package libpython3.11-stdlib): its http.HTTPStatus,
     only to note the names and phrases 3.13 changed (older_name=, older_phrase=).

"""
from __future__ import annotations

import os
import sys


import json
import subprocess

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import catalog_tsv

PYTHON313 = ["/root/.pyenv/versions/3.13.0/bin/python3.13", "/usr/local/bin/python3.13", "/usr/bin/python3.13"]
PYTHON311 = "/usr/bin/python3.11"
PYTHON311_PACKAGE = "libpython3.11-stdlib"
GROUPS = [("is_informational", "1xx Informational"), ("is_success", "2xx Success"),
          ("is_redirection", "3xx Redirection"), ("is_client_error", "4xx Client Error"),
          ("is_server_error", "5xx Server Error")]

DUMP = r"""
import http, json, sys
flags = %r
members = []
for status in http.HTTPStatus:
    members.append({"value": int(status), "name": status.name, "phrase": status.phrase,
                    "description": status.description,
                    "flags": [f for f in flags if getattr(status, f, False)]})
aliases = [[name, int(member)] for name, member in http.HTTPStatus.__members__.items() if member.name != name]
json.dump({"version": sys.version.split()[0], "members": members, "aliases": aliases}, sys.stdout)
""" % ([flag for flag, _ in GROUPS],)


def dump(python: str) -> dict:
    out = subprocess.run([python, "-I", "-c", DUMP], check=True, capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin", "LC_ALL": "C"}).stdout
    return json.loads(out)


def python313() -> str:
    """An interpreter of Python 3.13 or later: this one if it is, else a known 3.13."""
    candidates = ([sys.executable] if sys.version_info >= (3, 13) else []) + PYTHON313
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            probe = subprocess.run([candidate, "-I", "-c", "import sys; print(sys.version_info >= (3, 13))"],
                                   capture_output=True, text=True)
            if probe.returncode == 0 and probe.stdout.strip() == "True":
                return candidate
    raise catalog_tsv.MissingSource("Python >= 3.13 is needed for http.HTTPStatus with the RFC 9110 names "
                                    f"(looked for {', '.join(PYTHON313)}; e.g. pyenv install 3.13.0)")


def build():
    Source, Entry = catalog_tsv.Source, catalog_tsv.Entry
    new = dump(python313())
    catalog_tsv.require_file(PYTHON311, "python3.11-minimal")
    old_version = catalog_tsv.package_version(PYTHON311_PACKAGE)
    old = dump(PYTHON311)
    sources = [
        Source("S1", "python3.13", new["version"], "http.HTTPStatus (python3.13 -I, Lib/http/__init__.py)",
               "numbers, names, messages (phrase), descriptions, classes"),
        Source("S2", PYTHON311_PACKAGE, old_version, f"http.HTTPStatus ({PYTHON311} -I, Python {old['version']})",
               "older names and phrases"),
    ]
    aliases: dict[int, list[str]] = {}
    for name, value in new["aliases"]:
        aliases.setdefault(value, []).append(name)
    old_by_value = {m["value"]: m for m in old["members"]}

    entries = []
    notes = [
        f"Python {new['version']}'s http.HTTPStatus: name is the member name, message its phrase, description= "
        "its description (left out where empty), group its class (is_informational ... is_server_error).",
        "aliases: the alias members Python keeps for names it replaced.",
    ]
    changed = []
    for member in sorted(new["members"], key=lambda m: m["value"]):
        value = member["value"]
        groups = [label for flag, label in GROUPS if flag in member["flags"]]
        if len(groups) != 1 or not groups[0].startswith(str(value // 100)):
            raise ValueError(f"{value}: classes {member['flags']}")
        entry = Entry(number=str(value), name=member["name"], aliases=sorted(aliases.get(value, [])),
                      message=member["phrase"], group=groups[0], sources=["S1"])
        if member["description"]:
            entry.details.append(("description", member["description"]))
        before = old_by_value.get(value)
        if before is None:
            changed.append(f"{value} {member['name']} is not in Python {old['version']}")
        elif (before["name"], before["phrase"]) != (member["name"], member["phrase"]):
            if before["name"] != member["name"]:
                entry.details.append(("older_name", before["name"]))
            if before["phrase"] != member["phrase"]:
                entry.details.append(("older_phrase", before["phrase"]))
            entry.sources.append("S2")
            changed.append(f"{value} is {before['name']} \"{before['phrase']}\" in Python {old['version']}")
        entries.append(entry)
    missing = sorted(set(old_by_value) - {m["value"] for m in new["members"]})
    changed += [f"{v} {old_by_value[v]['name']} is in Python {old['version']} only" for v in missing]
    if changed:
        notes.append("older names (older_name=, older_phrase=): " + "; ".join(changed) + ".")

    return catalog_tsv.Catalog(
        catalog="http",
        family="http",
        family_title="HTTP status codes",
        title=f"HTTP status codes (Python {'.'.join(new['version'].split('.')[:2])} http.HTTPStatus)",
        category="http",
        words=["http", "http status", "status code"],
        importer="python3 scripts/catalogs/http_catalog.py",
        licence=("Member names, phrases and descriptions of CPython's http.HTTPStatus (Python Software "
                 "Foundation License Version 2, PSF-2.0, a permissive licence; Copyright Python Software "
                 "Foundation): copied with this attribution; each phrase and description is a few words. The "
                 "codes and reason phrases themselves are those of the IETF HTTP RFCs."),
        sources=sources,
        entries=entries,
        notes=notes,
    )


if __name__ == "__main__":
    sys.exit(catalog_tsv.main(build))

#!/usr/bin/env python3
"""Imports PostgreSQL's SQLSTATE codes into Content/catalogs/sqlstate.tsv.

Source on Debian 12:
  S1 /usr/share/postgresql/15/errcodes.txt (package postgresql-15): the list every PostgreSQL
     errcode table is generated from. One line per code, `sqlstate E/W/S errcode_macro_name
     [spec_name]`, and `Section: Class XX - Name` lines that open each class.

One entry per SQLSTATE. A SQLSTATE can appear on more than one line (a second ERRCODE_ macro for
the same code, without a spec_name); its entry has the spec_name of its named line as name and
every ERRCODE_ macro of the code as aliases (the named line's macro first, then file order).
group is the Section line of the code's class (its first two characters), as the file writes it
without "Class " and " - ". The file has no message text.
"""
from __future__ import annotations

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import catalog_tsv  # noqa: E402
from catalog_tsv import Catalog, Entry, Source  # noqa: E402

ERRCODES = "/usr/share/postgresql/15/errcodes.txt"
PACKAGE = "postgresql-15"
SEVERITY = {"E": "error", "W": "warning", "S": "success"}


def parse(path: str):
    """(classes: class code -> description, lines: [(sqlstate, E/W/S, macro, spec_name or "", class of section)])."""
    classes: dict[str, str] = {}
    lines = []
    section = None
    with open(path, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("Section:"):
                match = re.fullmatch(r"Section: Class ([0-9A-Z]{2}) - (.+)", line)
                if not match:
                    raise ValueError(f"{path}:{number}: unexpected Section line {line!r}")
                section = match.group(1)
                if section in classes:
                    raise ValueError(f"{path}:{number}: class {section} opened twice")
                classes[section] = match.group(2)
                continue
            fields = line.split()
            if len(fields) not in (3, 4) or not re.fullmatch(r"[0-9A-Z]{5}", fields[0]) \
                    or fields[1] not in SEVERITY or not fields[2].startswith("ERRCODE_") \
                    or (len(fields) == 4 and not re.fullmatch(r"[a-z0-9_]+", fields[3])):
                raise ValueError(f"{path}:{number}: unexpected line {line!r}")
            if section is None:
                raise ValueError(f"{path}:{number}: code before the first Section line")
            lines.append((fields[0], fields[1], fields[2], fields[3] if len(fields) == 4 else "", section))
    return classes, lines


def build() -> Catalog:
    catalog_tsv.require_file(ERRCODES, PACKAGE)
    sources = [Source("S1", PACKAGE, catalog_tsv.package_version(PACKAGE), ERRCODES,
                      "SQLSTATEs, condition names (spec_name), ERRCODE_ macro names, E/W/S, classes (Section lines)")]
    classes, lines = parse(ERRCODES)

    codes: dict[str, dict] = {}
    for sqlstate, severity, macro, spec_name, section in lines:
        code = codes.setdefault(sqlstate, {"severity": severity, "named": [], "macros": []})
        if code["severity"] != severity:
            raise ValueError(f"{sqlstate}: E/W/S differs between its lines")
        if spec_name:
            code["named"].append((macro, spec_name, section))
        code["macros"].append(macro)

    entries = []
    for sqlstate in sorted(codes):
        code = codes[sqlstate]
        if len(code["named"]) > 1:
            raise ValueError(f"{sqlstate}: more than one line with a spec_name")
        klass = sqlstate[:2]
        if klass not in classes:
            raise ValueError(f"{sqlstate}: no Section line for class {klass}")
        name = ""
        macros = list(code["macros"])
        if code["named"]:
            macro, name, section = code["named"][0]
            if section != klass:
                raise ValueError(f"{sqlstate}: listed under class {section}")
            macros.remove(macro)
            macros.insert(0, macro)
        entries.append(Entry(
            number=sqlstate,
            name=name,
            aliases=macros,
            group=f"{klass} {classes[klass]}",
            details=[("severity", SEVERITY[code["severity"]])],
            sources=["S1"],
        ))

    names: dict[str, list[str]] = {}
    for entry in entries:
        if entry.name:
            names.setdefault(entry.name, []).append(entry.number)
    shared = sorted((name, numbers) for name, numbers in names.items() if len(numbers) > 1)
    notes = [
        "name: the spec_name of errcodes.txt, which (the file says) is used as the PL/pgSQL condition name "
        "(EXCEPTION WHEN unique_violation); aliases: the C macro names (ERRCODE_*) of the code, the first "
        "from the line that has the spec_name.",
        "group: the class (the first two characters of the SQLSTATE) and its Section line in errcodes.txt; "
        "details severity: the E/W/S field (error, warning, success).",
    ]
    if shared:
        notes.append("condition names shared by two or more SQLSTATEs: " + "; ".join(
            f"{name} ({', '.join(numbers)})" for name, numbers in shared) + ".")
    extra = sorted(sqlstate for sqlstate, code in codes.items() if len(code["macros"]) > 1)
    if extra:
        notes.append("SQLSTATEs with more than one ERRCODE_ macro (the extra lines have no spec_name): "
                     + ", ".join(extra) + ".")
    unnamed = sorted(sqlstate for sqlstate, code in codes.items() if not code["named"])
    if unnamed:
        notes.append("SQLSTATEs without a condition name (no spec_name on any line): " + ", ".join(unnamed) + ".")

    return Catalog(
        catalog="sqlstate",
        family="sqlstate",
        family_title="PostgreSQL SQLSTATE codes",
        title="PostgreSQL SQLSTATE codes and condition names (errcodes.txt, PostgreSQL 15)",
        category="postgresql",
        words=["sqlstate", "postgres", "postgresql", "pg"],
        importer="python3 scripts/catalogs/sqlstate.py",
        licence=("PostgreSQL Licence (a permissive BSD/MIT-style licence; errcodes.txt: Copyright (c) 2003-2022, "
                 "PostgreSQL Global Development Group): it allows copying with the copyright notice. The "
                 "SQLSTATEs, condition names, macro names, E/W/S field and class titles are carried, with this "
                 "attribution."),
        sources=sources,
        entries=entries,
        notes=notes,
        no_messages=("errcodes.txt has no message text: PostgreSQL writes a message per error site "
                     "(errmsg), not per SQLSTATE, so entries have none."),
    )


if __name__ == "__main__":
    sys.exit(catalog_tsv.main(build))

#!/usr/bin/env python3
"""Imports the process exit codes systemd knows into Content/catalogs/systemd-exit.tsv.

Sources on Debian 12:
  S1 `systemd-analyze exit-status` (package systemd): NAME STATUS CLASS, the table compiled into
     systemd (what it prints as status=226/NAMESPACE).
  S2 systemd.exec(5) PROCESS EXIT CODES, Tables 7-10 (package systemd, LGPL-2.1+): the symbolic C name
     (EXIT_NAMESPACE, EX_USAGE; aliases) and the first sentence of the description (message).
"""
from __future__ import annotations

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import catalog_tsv  # noqa: E402
import manpage  # noqa: E402
from catalog_tsv import Catalog, Entry, Source  # noqa: E402

MAN = "/usr/share/man/man5/systemd.exec.5.gz"
COMMAND = ["systemd-analyze", "--no-pager", "exit-status"]

def first_sentence(text: str) -> str:
    match = re.search(r"\.(?=\s|$)", text)
    return text[: match.end()] if match else text


def tool_table() -> list[tuple[int, str, str]]:
    out = catalog_tsv.require_command(COMMAND, "systemd")
    lines = out.splitlines()
    if not lines or lines[0].split() != ["NAME", "STATUS", "CLASS"]:
        raise ValueError(f"{' '.join(COMMAND)}: unexpected header {lines[:1]}")
    rows = []
    for line in lines[1:]:
        if not line.strip():
            continue
        fields = line.split()
        if len(fields) != 3 or not fields[1].isdigit():
            raise ValueError(f"{' '.join(COMMAND)}: unexpected line {line!r}")
        rows.append((int(fields[1]), fields[0], fields[2]))
    return rows


def man_tables(path: str) -> list[tuple[str, str, str, str]]:
    """(table title, exit code, symbolic name, description) of every row of the tbl tables in the
    PROCESS EXIT CODES section."""
    lines = manpage.read(path).splitlines()
    rows = []
    inside = False
    title = ""
    cells: list[str] | None = None
    cell: list[str] | None = None
    for line in lines:
        if line.startswith(".SH"):
            if inside:
                break
            inside = line.strip() == '.SH "PROCESS EXIT CODES"'
            continue
        if not inside:
            continue
        if line.startswith(".B Table"):
            title = " ".join(manpage.text(line[len(".B "):]).split())
        elif line == ".TS":
            cells = []
        elif line == ".TE":
            if cells is None or len(cells) % 3:
                raise ValueError(f"{path}: table {title!r} does not have 3 columns")
            table = [cells[i:i + 3] for i in range(0, len(cells), 3)]
            if table[0] != ["Exit Code", "Symbolic Name", "Description"]:
                raise ValueError(f"{path}: table {title!r} has header {table[0]}")
            rows += [(title, *row) for row in table[1:]]
            cells = None
        elif cells is not None:
            if line.startswith("T{"):
                cell = []
            elif line.startswith("T}"):
                cells.append(" ".join(" ".join(cell).split()))
                cell = None
                if line.startswith("T}:T{"):
                    cell = []
            elif cell is not None:
                cell.append(manpage.text(line))
    if not rows:
        raise ValueError(f"{path}: no PROCESS EXIT CODES tables")
    return rows


def stripped(symbol: str) -> str:
    return re.sub(r"^(EXIT_|EX_)", "", symbol)


def build() -> Catalog:
    catalog_tsv.require_file(MAN, "systemd")
    version = catalog_tsv.package_version("systemd")
    sources = [
        Source("S1", "systemd", version, " ".join(COMMAND), "names, numbers and classes"),
        Source("S2", "systemd", version, MAN + " (PROCESS EXIT CODES, Tables 7-10)",
               "C symbolic names (aliases) and messages (first sentence of the description)"),
    ]
    tool = tool_table()
    man = man_tables(MAN)
    man_by_number: dict[int, tuple[str, str, str]] = {}
    for title, code, symbol, description in man:
        if not code.isdigit():
            raise ValueError(f"{MAN}: exit code {code!r} in {title!r}")
        if int(code) in man_by_number:
            raise ValueError(f"{MAN}: exit code {code} listed twice")
        man_by_number[int(code)] = (title, symbol, description)
    man_by_name = {stripped(symbol): number for number, (_, symbol, _) in man_by_number.items()}

    used: set[int] = set()
    entries = []
    notes = [
        "name: as systemd prints it (status=226/NAMESPACE); group: its class (libc, LSB, systemd, BSD).",
        "aliases: the symbolic name of systemd.exec(5) (the C constant, EXIT_ for libc, LSB and systemd "
        "codes, EX_ from sysexits.h for BSD codes).",
        "message: the first sentence of the systemd.exec(5) description; the rest (mostly See Setting= "
        "above) is left out.",
    ]
    for number, name, klass in sorted(tool):
        entry = Entry(number=str(number), name=name, group=klass, sources=["S1"])
        match = None
        if number in man_by_number and stripped(man_by_number[number][1]) == name:
            match = number
        elif name in man_by_name:
            match = man_by_name[name]
            entry.details.append(("manpage_number", str(match)))
            notes.append(f"systemd-analyze gives {name} as {number}; systemd.exec(5) lists "
                         f"{man_by_number[match][1]} as {match}. The number is systemd-analyze's (the compiled "
                         f"table); the man page's name and description are attached to it.")
        elif number in man_by_number:
            match = number
        if match is not None:
            if match in used:
                raise ValueError(f"{MAN}: row {match} matched twice")
            used.add(match)
            _, symbol, description = man_by_number[match]
            entry.aliases = [symbol]
            entry.message = first_sentence(description)
            entry.sources.append("S2")
        entries.append(entry)
    unused = sorted(set(man_by_number) - used)
    if unused:
        notes.append("systemd.exec(5) rows without a systemd-analyze code: "
                     + ", ".join(f"{n} {man_by_number[n][1]}" for n in unused) + ".")
    missing = [f"{e.number} {e.name}" for e in entries if "S2" not in e.sources]
    if missing:
        notes.append("not in systemd.exec(5), so no message: " + ", ".join(missing) + ".")

    return Catalog(
        catalog="systemd-exit",
        family="systemd",
        family_title="systemd exit codes",
        title="Process exit codes systemd knows (systemd-analyze exit-status, systemd.exec(5))",
        category="systemd",
        words=["systemd"],
        importer="python3 scripts/catalogs/systemd_exit.py",
        licence=("systemd and its man pages are LGPL-2.1-or-later (debian/copyright, Files: *; Copyright "
                 "Lennart Poettering and others), a copyleft licence: only the names, numbers and classes "
                 "systemd-analyze prints, the symbolic names of systemd.exec(5) and the first, one-line "
                 "sentence of each description in its exit code tables are carried, with this attribution; "
                 "no further prose of the man page is copied."),
        sources=sources,
        entries=entries,
        notes=notes,
    )


if __name__ == "__main__":
    sys.exit(catalog_tsv.main(build))

#!/usr/bin/env python3
"""Imports the MariaDB server error codes (ER_*, WARN_*) into Content/catalogs/mysql.tsv.

Sources on Debian 12:
  S1 /usr/include/mariadb/mysqld_error.h (package libmariadb-dev): `#define ER_NAME number` for
     every server error, in sections ("/* New section */") bounded by ER_ERROR_FIRST,
     ER_ERROR_FIRST_SECTION_n, ER_ERROR_LAST_SECTION_n and ER_ERROR_LAST, which are range markers,
     not errors.
  S2 perror (package mariadb-client): `perror N ...` prints, per code,
        MariaDB error code 1062 (ER_DUP_ENTRY): Duplicate entry '%-.192T' for key %d
        Learn more: https://err.mariadb.com/1062
     The message is the text after "): " up to the "Learn more:" line (one message, ER_STARTUP,
     has a line break inside). perror is called with many numbers per run.
No source on this machine gives the SQLSTATE of a server error (libmariadb-dev ships no
sql_state.h), so entries carry none.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import catalog_tsv  # noqa: E402
from catalog_tsv import Catalog, Entry, Source  # noqa: E402

HEADER = "/usr/include/mariadb/mysqld_error.h"
HEADER_PACKAGE = "libmariadb-dev"
PERROR = "perror"
PERROR_PACKAGE = "mariadb-client"
BATCH = 400
MARKER = re.compile(r"ER_ERROR_(FIRST|LAST)(_SECTION_\d+)?")


def header_codes(path: str):
    """(codes: [(number, name, section)], markers: {name: number}) from mysqld_error.h."""
    codes = []
    markers: dict[str, int] = {}
    section = 1
    with open(path, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            line = raw.strip()
            if line == "/* New section */":
                section += 1
                continue
            if not line or line.startswith("/*") or line in ("#ifndef ER_ERROR_FIRST", "#endif /* ER_ERROR_FIRST */"):
                continue
            match = re.fullmatch(r"#define ((?:ER|WARN)_\w+) (\d+)", line)
            if not match:
                raise ValueError(f"{path}:{number}: unexpected line {line!r}")
            name, value = match.group(1), int(match.group(2))
            if MARKER.fullmatch(name):
                markers[name] = value
            else:
                codes.append((value, name, section))
    return codes, markers


def perror_messages(numbers: list[int]) -> dict[int, tuple[str, str]]:
    """number -> (name, message) as perror prints them."""
    found: dict[int, tuple[str, str]] = {}
    env = dict(os.environ, LC_ALL="C.UTF-8")
    for start in range(0, len(numbers), BATCH):
        batch = [str(n) for n in numbers[start:start + BATCH]]
        try:
            result = subprocess.run([PERROR] + batch, capture_output=True, env=env)
        except FileNotFoundError:
            raise catalog_tsv.MissingSource(
                f"{PERROR} is missing: install the Debian package {PERROR_PACKAGE} (apt-get install {PERROR_PACKAGE})")
        if result.returncode != 0 or result.stderr:
            raise ValueError(f"perror failed ({result.returncode}): {result.stderr.decode('utf-8', 'replace')}")
        out = result.stdout.decode("utf-8")
        blocks = re.findall(r"^MariaDB error code (\d+) \((\w+)\): (.*?)\nLearn more: https://err\.mariadb\.com/(\d+)\n",
                            out, flags=re.M | re.S)
        rebuilt = "".join(f"MariaDB error code {n} ({name}): {text}\nLearn more: https://err.mariadb.com/{again}\n"
                          for n, name, text, again in blocks)
        if rebuilt != out:
            raise ValueError("perror printed something this importer does not understand")
        for n, name, text, again in blocks:
            if n != again or int(n) in found:
                raise ValueError(f"perror: unexpected block for {n}")
            found[int(n)] = (name, text)
        if [str(n) for n in sorted(int(b[0]) for b in blocks)] != sorted(batch, key=int):
            raise ValueError("perror did not print exactly the codes asked for")
    return found


def build() -> Catalog:
    catalog_tsv.require_file(HEADER, HEADER_PACKAGE)
    sources = [
        Source("S1", HEADER_PACKAGE, catalog_tsv.package_version(HEADER_PACKAGE), HEADER,
               "ER_ and WARN_ names and numbers; sections"),
        Source("S2", PERROR_PACKAGE, catalog_tsv.package_version(PERROR_PACKAGE), "perror NUMBER ...",
               "messages (and the names again, cross-checked)"),
    ]
    codes, markers = header_codes(HEADER)
    by_number: dict[int, tuple[str, int]] = {}
    for number, name, section in codes:
        if number in by_number:
            raise ValueError(f"{HEADER}: {number} defined twice ({by_number[number][0]}, {name})")
        by_number[number] = (name, section)

    # The markers must bound the sections as the header's "New section" comments split them.
    sections: dict[int, list[int]] = {}
    for number, (_, section) in by_number.items():
        sections.setdefault(section, []).append(number)
    for section, numbers in sections.items():
        first = markers.get(f"ER_ERROR_FIRST_SECTION_{section}", markers["ER_ERROR_FIRST"] if section == 1 else None)
        last = markers.get(f"ER_ERROR_LAST_SECTION_{section}", markers["ER_ERROR_LAST"])
        if (first, last) != (min(numbers), max(numbers)):
            raise ValueError(f"{HEADER}: section {section} spans {min(numbers)}-{max(numbers)}, markers say {first}-{last}")

    messages = perror_messages(sorted(by_number))
    entries = []
    for number in sorted(by_number):
        name, section = by_number[number]
        perror_name, message = messages[number]
        if perror_name != name:
            raise ValueError(f"{number}: mysqld_error.h names it {name}, perror {perror_name}")
        entries.append(Entry(number=str(number), name=name, message=message, group="server error",
                             details=[("section", str(section))], sources=["S1", "S2"]))

    ranges = []
    for section in range(1, max(sections) + 2):
        if section in sections:
            ranges.append(f"{section}: {min(sections[section])}-{max(sections[section])}")
        elif f"ER_ERROR_FIRST_SECTION_{section}" in markers:
            ranges.append(f"{section}: none (ER_ERROR_FIRST_SECTION_{section} = ER_ERROR_LAST_SECTION_{section} = "
                          f"{markers[f'ER_ERROR_FIRST_SECTION_{section}']})")
    unused = sorted(number for number, (name, _) in by_number.items() if name.startswith("ER_UNUSED_"))
    last_mysql = next(number for number, (name, _) in by_number.items() if name == "ER_LAST_MYSQL_ERROR_MESSAGE")

    return Catalog(
        catalog="mysql",
        family="mysql",
        family_title="MariaDB and MySQL errors",
        title="MariaDB server error codes (mysqld_error.h and perror, MariaDB 10.11)",
        category="mysql",
        # The client's ERROR 1045 (28000): ... is CatalogSpec.clientErrorWord, not a word here.
        words=["mysql", "mariadb", "er"],
        importer="python3 scripts/catalogs/mysql.py",
        licence=("MariaDB Server, GPL-2 (Debian copyright of the mariadb source package, Files: *): "
                 "mysqld_error.h (an autogenerated header, shipped in libmariadb-dev next to MariaDB "
                 "Connector/C, which is LGPL-2+) and perror (mariadb-client). Only the error names, "
                 "numbers and the one-line message each code has (the text the server sends to clients) "
                 "are carried, with this attribution (Copyright Oracle and/or its affiliates, Monty Program "
                 "AB, SkySQL Ab, MariaDB Corporation, MariaDB Foundation); no descriptive prose."),
        sources=sources,
        entries=entries,
        notes=[
            "message: perror's text for the code, a printf-style template (%s, %d, %-.192T ...) that the "
            "server fills in; perror also prints a link per code, Learn more: https://err.mariadb.com/NUMBER.",
            "mysqld_error.h splits the codes into sections (details section=): " + "; ".join(ranges) + ". "
            f"Section 1 ends with ER_LAST_MYSQL_ERROR_MESSAGE ({last_mysql}), a name that marks the last MySQL "
            "error message; the header does not say which later codes match MySQL's "
            "numbering (5.7, 8.0), so a code above 1880 from a MySQL server need not mean the MariaDB error "
            "of that number. The client codes (2000-2999, CR_) are the catalog mysql-client.",
            f"{len(unused)} codes are ER_UNUSED_n placeholders, kept as the header and perror give them: "
            + ", ".join(str(n) for n in unused) + ".",
            f"ER_LAST_MYSQL_ERROR_MESSAGE ({last_mysql}) is an entry because perror reports it as an error "
            "code; its message is a single double quote, exactly as perror prints it.",
            "The range markers ER_ERROR_FIRST, ER_ERROR_LAST and ER_ERROR_FIRST_SECTION_n / "
            "ER_ERROR_LAST_SECTION_n are not entries. No source on this machine gives the SQLSTATE of a "
            "server error, so entries carry none.",
        ],
    )


if __name__ == "__main__":
    sys.exit(catalog_tsv.main(build))

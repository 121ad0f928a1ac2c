#!/usr/bin/env python3
"""Imports the Linux errno values (x86_64) into Content/catalogs/errno.tsv.

Sources on Debian 12:
  S1 asm-generic/errno-base.h (package linux-libc-dev): names and numbers 1-34. The x86_64
     header asm/errno.h only includes asm-generic/errno.h (checked below).
  S2 asm-generic/errno.h (package linux-libc-dev): names and numbers 35-133 and the aliases
     EWOULDBLOCK (EAGAIN) and EDEADLOCK (EDEADLK).
  S3 bits/errno.h (package libc6-dev): glibc's own alias ENOTSUP (EOPNOTSUPP).
  S4 strerror(3) of glibc (package libc6) through Python's os.strerror(n) in the C locale: the
     message. The comments in the kernel headers are not used: they differ from what programs
     print for a number of codes.
  S5 errno(3) (package manpages-dev): the standard each name is defined by, as the page marks it
     ("(POSIX.1-2001)", "(POSIX.1, C99)", ...). Only that mark is carried, never the description.
"""
from __future__ import annotations

import locale
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import catalog_tsv  # noqa: E402
import manpage  # noqa: E402
from catalog_tsv import Catalog, Entry, Source  # noqa: E402

ERRNO_BASE_H = "/usr/include/asm-generic/errno-base.h"
ERRNO_H = "/usr/include/asm-generic/errno.h"
ARCH_ERRNO_H = "/usr/include/x86_64-linux-gnu/asm/errno.h"
GLIBC_ERRNO_H = "/usr/include/x86_64-linux-gnu/bits/errno.h"
ERRNO_MAN = "/usr/share/man/man3/errno.3.gz"
MAN_LICENCE = "GPL-2.0-or-later"

_DEFINE = re.compile(r"^#define\s+(E[A-Z0-9]+)\s+([A-Z0-9]+)\b")


def header_defines(path: str) -> list[tuple[str, str]]:
    """(NAME, value) of every `#define ENAME value` line, value a number or another name."""
    with open(path, encoding="utf-8") as handle:
        return [(m.group(1), m.group(2)) for m in map(_DEFINE.match, handle) if m]


def glibc_aliases(path: str) -> list[tuple[str, str]]:
    """The `# define NAME OTHERNAME` aliases glibc adds in bits/errno.h (ENOTSUP)."""
    found = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            m = re.match(r"^#\s*define\s+(E[A-Z0-9]+)\s+(E[A-Z0-9]+)\s*$", line)
            if m:
                found.append((m.group(1), m.group(2)))
    return found


def man_standards(path: str) -> dict[str, str]:
    """NAME -> the standard mark of its errno(3) entry ("" when it has none)."""
    text = manpage.read(path, MAN_LICENCE)
    lines = text.splitlines()
    try:
        start = lines.index(".SS List of error names")
    except ValueError:
        raise ValueError(f"{path}: no 'List of error names' section")
    standards: dict[str, str] = {}
    name = None
    paragraph: list[str] = []
    in_first = False

    def finish():
        if name is None:
            return
        joined = " ".join(paragraph)
        marks = re.findall(r"\((POSIX\.1(?:[^()]|\([^()]*\))*|C99)\)", joined)
        if len(set(marks)) > 1:
            raise ValueError(f"{path}: {name} has several standard marks {marks}")
        if name in standards:
            raise ValueError(f"{path}: {name} listed twice")
        standards[name] = marks[0] if marks else ""

    for index in range(start + 1, len(lines)):
        line = lines[index]
        if line.startswith(".SH"):
            break
        if line.startswith(".TP"):
            finish()
            name, paragraph, in_first = None, [], False
            head = lines[index + 1]
            m = re.fullmatch(r"\.B (E[A-Z0-9]+)", head)
            if m:
                name, in_first = m.group(1), True
            continue
        if name is None or line == f".B {name}" or line.startswith('.\\"'):
            continue
        if line.startswith((".IP", ".PP")):
            in_first = False
            continue
        if in_first:
            paragraph.append(re.sub(r"^\.[A-Z]+ ", "", line))
    finish()
    if len(standards) < 100:
        raise ValueError(f"{path}: only {len(standards)} names in List of error names")
    return standards


def build() -> Catalog:
    for path in (ERRNO_BASE_H, ERRNO_H, ARCH_ERRNO_H):
        catalog_tsv.require_file(path, "linux-libc-dev")
    catalog_tsv.require_file(GLIBC_ERRNO_H, "libc6-dev")
    catalog_tsv.require_file(ERRNO_MAN, "manpages-dev")
    with open(ARCH_ERRNO_H, encoding="utf-8") as handle:
        arch = [line.strip() for line in handle if line.strip()]
    if arch != ["#include <asm-generic/errno.h>"]:
        raise ValueError(f"{ARCH_ERRNO_H} is not just '#include <asm-generic/errno.h>': x86_64 values may differ")

    kernel = catalog_tsv.package_version("linux-libc-dev")
    sources = [
        Source("S1", "linux-libc-dev", kernel, ERRNO_BASE_H, "names and numbers (1-34)"),
        Source("S2", "linux-libc-dev", kernel, ERRNO_H,
               "names and numbers (35 and up), aliases EWOULDBLOCK and EDEADLOCK"),
        Source("S3", "libc6-dev", catalog_tsv.package_version("libc6-dev"), GLIBC_ERRNO_H, "alias ENOTSUP"),
        Source("S4", "libc6", catalog_tsv.package_version("libc6"),
               "os.strerror(n) (glibc strerror(3), C locale)", "messages"),
        Source("S5", "manpages-dev", catalog_tsv.package_version("manpages-dev"),
               ERRNO_MAN + " (List of error names)", "standards"),
    ]

    by_number: dict[int, Entry] = {}
    by_name: dict[str, Entry] = {}
    pending_aliases: list[tuple[str, str, str]] = []
    for source_id, path in (("S1", ERRNO_BASE_H), ("S2", ERRNO_H)):
        for name, value in header_defines(path):
            if value.isdigit():
                number = int(value)
                if number in by_number:
                    raise ValueError(f"{path}: {number} defined as {by_number[number].name} and {name}")
                entry = Entry(number=str(number), name=name, sources=[source_id],
                              details=[("header", path.replace("/usr/include/", ""))])
                by_number[number] = entry
                by_name[name] = entry
            else:
                pending_aliases.append((name, value, source_id))
    for name, value, source_id in pending_aliases + [(n, v, "S3") for n, v in glibc_aliases(GLIBC_ERRNO_H)]:
        if value not in by_name:
            raise ValueError(f"alias {name} of unknown {value}")
        entry = by_name[value]
        if name in entry.aliases:
            continue
        entry.aliases.append(name)
        if source_id not in entry.sources:
            entry.sources.append(source_id)

    locale.setlocale(locale.LC_MESSAGES, "C")
    for number, entry in by_number.items():
        message = os.strerror(number)
        if message.startswith("Unknown error"):
            raise ValueError(f"glibc has no text for {entry.name} ({number}): {message!r}")
        entry.message = message
        entry.sources.append("S4")

    standards = man_standards(ERRNO_MAN)
    all_names = {n for e in by_number.values() for n in [e.name] + e.aliases}
    unknown = sorted(set(standards) - all_names)
    if unknown:
        raise ValueError(f"{ERRNO_MAN} lists names the headers do not define: {unknown}")
    not_in_man = []
    for entry in by_number.values():
        if entry.name in standards:
            entry.standard = standards[entry.name]
            entry.sources.append("S5")
        else:
            not_in_man.append(entry.name)
    entries = [by_number[n] for n in sorted(by_number)]
    gaps = [n for n in range(1, max(by_number) + 1) if n not in by_number]

    notes = [
        "number: the x86_64 value; x86_64's asm/errno.h only includes asm-generic/errno.h.",
        "message: glibc's strerror text (what perror and strerror print), not the header comment.",
        "standard: the mark errno(3) gives the name (POSIX.1-2001, POSIX.1-2008, POSIX.1, C99, POSIX.1 (XSI "
        "STREAMS option)); empty when the page marks none.",
        "aliases: EWOULDBLOCK and EDEADLOCK are #defines of the kernel header, ENOTSUP of glibc's bits/errno.h.",
        "numbers " + ", ".join(map(str, gaps)) + " are not defined on Linux x86_64.",
    ]
    if not_in_man:
        notes.append("not in errno(3), so no standard: " + ", ".join(not_in_man) + ".")

    return Catalog(
        catalog="errno",
        family="errno",
        family_title="Linux errno",
        title="Linux errno values on x86_64 (asm-generic/errno.h, glibc strerror, errno(3))",
        category="errno",
        words=["errno"],
        importer="python3 scripts/catalogs/errno.py",
        licence=("Names and numbers from the Linux UAPI headers (GPL-2.0 WITH Linux-syscall-note: the syscall "
                 "interface they describe may be used by any program); messages are glibc's strerror strings "
                 "(LGPL-2.1-or-later, Free Software Foundation), each a few words, as every program prints them; "
                 "the standard marks come from errno(3) of the Linux man-pages project (GPL-2.0-or-later, "
                 "Copyright Andries Brouwer, Michael Kerrisk and others), a copyleft page: only those marks are "
                 "carried, none of its descriptions."),
        sources=sources,
        entries=entries,
        notes=notes,
    )


if __name__ == "__main__":
    sys.exit(catalog_tsv.main(build))

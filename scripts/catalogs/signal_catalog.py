#!/usr/bin/env python3
"""Imports the Linux signals (x86_64) into Content/catalogs/signal.tsv.

Sources on Debian 12:
  S1 signal(7) (package manpages): the "Standard signals" table (name, standard, default action,
     comment), the "Signal numbering for standard signals" table (the number on x86/ARM, Alpha/SPARC,
     MIPS and PARISC; the x86/ARM one is the entry's number) and the "Real-time signals" section
     (the kernel range 32-64, the default action Term). Only table cells are carried.
  S2 glibc (package libc6) through Python's signal module: strsignal(3) (the message, C locale) and
     SIGRTMIN/SIGRTMAX as a glibc program sees them (34 and 64: NPTL keeps 32 and 33).
  S3 bits/signum-generic.h and bits/signum-arch.h (package libc6-dev): the names and numbers glibc
     defines on x86_64 (cross-check of S1; the alias SIGCLD, which signal(7) gives for MIPS only).
  S4 asm/signal.h (package linux-libc-dev): SIGUNUSED (31), which glibc no longer defines.

"""
from __future__ import annotations

import os
import sys


import locale
import re
import shlex

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import catalog_tsv
import manpage

SIGNAL_MAN = "/usr/share/man/man7/signal.7.gz"
MAN_LICENCE = "Linux-man-pages-copyleft"
SIGNUM_H = ["/usr/include/x86_64-linux-gnu/bits/signum-generic.h",
            "/usr/include/x86_64-linux-gnu/bits/signum-arch.h"]
KERNEL_SIGNAL_H = "/usr/include/x86_64-linux-gnu/asm/signal.h"
ARCHES = ["x86/ARM", "Alpha/SPARC", "MIPS", "PARISC"]
# Real-time signals named SIGRTMIN+n up to this n, SIGRTMAX-n above (as bash's kill -l does).
RTMIN_PLUS_MAX = 15


def stdlib_signal():
    """The standard library's signal module (never this file)."""
    import signal as module
    if not hasattr(module, "strsignal"):
        raise RuntimeError("import signal did not give the standard library's module")
    return module


def roff(text: str) -> str:
    return manpage.text(text).strip()


def man_tables(path: str) -> tuple[list[list[str]], list[list[str]], str]:
    """The rows of the Standard signals table (continuation lines joined into the comment), of the
    numbering table, and the text of the Real-time signals section."""
    text = manpage.read(path, MAN_LICENCE)
    lines = text.splitlines()

    def section(title: str) -> list[str]:
        start = lines.index(f".SS {title}")
        end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith((".SS", ".SH")))
        return lines[start + 1:end]

    def table(body: list[str]) -> list[list[str]]:
        start = body.index(".TS")
        end = body.index(".TE")
        rows = body[start + 1:end]
        # the format lines end with the one that ends in "."
        last_format = next(i for i, line in enumerate(rows) if line.rstrip().endswith("."))
        return [[roff(cell) for cell in line.split("\t")] for line in rows[last_format + 1:]]

    standard = table(section("Standard signals"))
    if standard[0] != ["Signal", "Standard", "Action", "Comment"]:
        raise ValueError(f"{path}: Standard signals header {standard[0]}")
    joined: list[list[str]] = []
    for row in standard[1:]:
        if row[0] == "":
            if not joined or any(row[:3]) or len(row) != 4:
                raise ValueError(f"{path}: stray continuation row {row}")
            joined[-1][3] += " " + row[3]
        else:
            if len(row) != 4:
                raise ValueError(f"{path}: row {row} does not have 4 cells")
            joined.append(row)

    numbering = table(section("Signal numbering for standard signals"))
    if numbering[0] != ["Signal", "x86/ARM", "Alpha/", "MIPS", "PARISC", "Notes"] or \
            numbering[1] != ["", "most others", "SPARC"]:
        raise ValueError(f"{path}: numbering header {numbering[:2]}")
    numbers = [row + [""] * (6 - len(row)) for row in numbering[2:]]

    words = []
    for line in section("Real-time signals"):
        m = re.match(r"^\.(B|I|BR|IR|RB|RI)\s+(.*)$", line)
        if m:
            args = shlex.split(m.group(2))
            words.append((" " if m.group(1) in ("B", "I") else "").join(roff(arg) for arg in args))
        elif not line.startswith("."):
            words.append(roff(line))
    realtime = " ".join(" ".join(words).split())
    return joined, numbers, realtime


def glibc_signals(paths: list[str]) -> dict[str, int]:
    """NAME -> number of every SIG* macro glibc's x86_64 headers define (aliases resolved)."""
    raw: dict[str, str] = {}
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                m = re.match(r"^#\s*define\s+(SIG[A-Z0-9]+)\s+(\w+)", line)
                if m:
                    raw[m.group(1)] = m.group(2)
    resolved: dict[str, int] = {}
    for name, value in raw.items():
        seen = set()
        while not value.isdigit():
            if value in seen or value not in raw:
                raise ValueError(f"glibc headers: cannot resolve {name}={value}")
            seen.add(value)
            value = raw[value]
        resolved[name] = int(value)
    return resolved


def kernel_defines(path: str) -> dict[str, str]:
    found = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            m = re.match(r"^#define\s+(SIG[A-Z0-9]+)\s+(\w+)", line)
            if m:
                found[m.group(1)] = m.group(2)
    return found


def rt_name(number: int, rtmin: int, rtmax: int) -> tuple[str, str]:
    """(name, alias) of a real-time signal as people write them: SIGRTMIN+n for n up to 15,
    SIGRTMAX-n above; the alias is the other spelling."""
    up, down = number - rtmin, rtmax - number
    plus = "SIGRTMIN" if up == 0 else f"SIGRTMIN+{up}"
    minus = "SIGRTMAX" if down == 0 else f"SIGRTMAX-{down}"
    return (plus, minus) if up <= RTMIN_PLUS_MAX else (minus, plus)


def build():
    catalog_tsv.require_file(SIGNAL_MAN, "manpages")
    for path in SIGNUM_H:
        catalog_tsv.require_file(path, "libc6-dev")
    catalog_tsv.require_file(KERNEL_SIGNAL_H, "linux-libc-dev")
    sig = stdlib_signal()
    Source, Entry = catalog_tsv.Source, catalog_tsv.Entry
    sources = [
        Source("S1", "manpages", catalog_tsv.package_version("manpages"),
               SIGNAL_MAN + " (Standard signals; Signal numbering for standard signals; Real-time signals)",
               "names, standards, default actions, comments, numbers per architecture"),
        Source("S2", "libc6", catalog_tsv.package_version("libc6"),
               "signal.strsignal(n), signal.SIGRTMIN, signal.SIGRTMAX (glibc strsignal(3), C locale)",
               "messages; real-time range"),
        Source("S3", "libc6-dev", catalog_tsv.package_version("libc6-dev"), " ".join(SIGNUM_H),
               "x86_64 names and numbers (cross-check), alias SIGCLD"),
        Source("S4", "linux-libc-dev", catalog_tsv.package_version("linux-libc-dev"), KERNEL_SIGNAL_H,
               "alias SIGUNUSED"),
    ]
    standard_rows, number_rows, realtime = man_tables(SIGNAL_MAN)
    glibc = glibc_signals(SIGNUM_H)
    kernel = kernel_defines(KERNEL_SIGNAL_H)
    locale.setlocale(locale.LC_MESSAGES, "C")

    numbers: dict[str, list[str]] = {}
    same_as: dict[str, str] = {}
    for name, *cells, note in number_rows:
        if name in numbers:
            raise ValueError(f"{SIGNAL_MAN}: {name} numbered twice")
        numbers[name] = cells
        m = re.fullmatch(r"Same as (SIG[A-Z0-9]+)", note)
        if m:
            same_as[name] = m.group(1)
        elif note:
            raise ValueError(f"{SIGNAL_MAN}: unknown note {note!r} for {name}")

    synonym_of: dict[str, str] = {}
    rows: dict[str, tuple[str, str, str]] = {}
    for name, standard, action, comment in standard_rows:
        rows[name] = (standard, action, comment)
        m = re.search(r"[Ss]ynonym(?:ous with| for) (SIG[A-Z0-9]+)", comment)
        if m:
            synonym_of[name] = m.group(1)
    for name, target in same_as.items():
        if synonym_of.get(name) != target:
            raise ValueError(f"{SIGNAL_MAN}: the tables disagree about {name}")
    if set(rows) != set(numbers):
        raise ValueError(f"{SIGNAL_MAN}: the tables list different signals: {sorted(set(rows) ^ set(numbers))}")

    entries = []
    by_name = {}
    unnumbered = []
    for name in sorted(rows, key=lambda n: (numbers[n][0] == "-" or not numbers[n][0], numbers[n][0].zfill(3), n)):
        if name in synonym_of:
            continue
        standard, action, comment = rows[name]
        cells = numbers[name]
        x86 = cells[0]
        if x86 not in ("", "-") and not x86.isdigit():
            raise ValueError(f"{SIGNAL_MAN}: x86 number {x86!r} of {name}")
        entry = Entry(number=x86 if x86.isdigit() else "", name=name, group="standard",
                      standard="" if standard == "-" else standard, sources=["S1"])
        if action not in ("Term", "Core", "Ign", "Stop", "Cont"):
            raise ValueError(f"{SIGNAL_MAN}: action {action!r} of {name}")
        entry.details.append(("action", action))
        entry.details.append(("numbers", "; ".join(f"{arch} {cell}" for arch, cell in zip(ARCHES, cells))))
        if comment:
            entry.details.append(("comment", comment))
        if entry.number:
            number = int(entry.number)
            if glibc.get(name) != number or getattr(sig, name, None) != number:
                raise ValueError(f"{name}: signal(7) gives {number}, glibc {glibc.get(name)}, "
                                 f"Python {getattr(sig, name, None)}")
            message = sig.strsignal(number)
            if not message:
                raise ValueError(f"strsignal({number}) gives no text")
            entry.message = message
            entry.sources += ["S2", "S3"]
        else:
            if name in glibc or hasattr(sig, name):
                raise ValueError(f"{name} has no x86 number in signal(7) but glibc defines it")
            unnumbered.append(name)
        entries.append(entry)
        by_name[name] = entry

    notes = [
        "number: the x86/ARM number of signal(7), the one x86_64 uses (checked against glibc's headers and "
        "Python's signal module); numbers= gives it for every architecture the page lists.",
        "standard: as signal(7) marks it: P1990 is the original POSIX.1-1990, P2001 added in SUSv2 and "
        "POSIX.1-2001; empty where the page has -.",
        "action: the default action (Term, Core, Ign, Stop, Cont); comment: the Comment cell of signal(7)'s "
        "table.",
        "message: glibc's strsignal text, what shells and strsignal print.",
    ]
    if unnumbered:
        notes.append("no x86_64 number (signal(7) gives - for x86/ARM), listed by name: "
                     + ", ".join(unnumbered) + ".")

    left_out = []
    for alias in sorted(synonym_of):
        target = synonym_of[alias]
        entry = by_name[target]
        alias_standard = rows[alias][0]
        if alias_standard != "-" and alias_standard != entry.standard:
            entry.details.append(("alias_standard", f"{alias} {alias_standard}"))
        if alias in glibc:
            if glibc[alias] != int(entry.number):
                raise ValueError(f"glibc gives {alias}={glibc[alias]}, signal(7) says it is {target}")
            entry.aliases.append(alias)
            if numbers[alias][0] in ("-", "") and "S3" not in entry.sources:
                entry.sources.append("S3")
        elif alias in kernel and numbers[alias][0].isdigit():
            if kernel[alias] != entry.number or numbers[alias][0] != entry.number:
                raise ValueError(f"{alias}: kernel {kernel[alias]}, signal(7) {numbers[alias][0]}, {target} {entry.number}")
            entry.aliases.append(alias)
            entry.sources.append("S4")
            notes.append(f"{alias} ({target}): defined by the kernel's asm/signal.h but no longer by glibc "
                         f"(signal(7): since glibc 2.26).")
        else:
            left_out.append(f"{alias} ({target})")
    for entry in entries:
        entry.aliases.sort()
    if left_out:
        notes.append("synonyms signal(7) lists that x86_64 does not define: " + ", ".join(left_out) + ".")

    # Real-time signals.
    needed = ["numbered 32 to 64", "SIGRTMIN", "SIGRTMAX",
              "The default action for an unhandled real-time signal is to terminate the receiving process.",
              "POSIX.1b", "POSIX.1-2001"]
    missing = [phrase for phrase in needed if phrase not in realtime]
    if missing:
        raise ValueError(f"{SIGNAL_MAN}: Real-time signals section no longer says {missing}")
    rtmin, rtmax = int(sig.SIGRTMIN), int(sig.SIGRTMAX)
    if not (32 <= rtmin < rtmax <= 64):
        raise ValueError(f"SIGRTMIN {rtmin} SIGRTMAX {rtmax} outside the kernel range 32-64")
    for number in range(rtmin, rtmax + 1):
        name, alias = rt_name(number, rtmin, rtmax)
        message = sig.strsignal(number)
        if not message:
            raise ValueError(f"strsignal({number}) gives no text")
        entries.append(Entry(number=str(number), name=name, aliases=[alias], message=message, group="real-time",
                             standard="POSIX.1-2001", details=[("action", "Term")], sources=["S1", "S2"]))
    notes += [
        f"real-time signals: the kernel has 32-64 (signal(7)); glibc keeps the first {rtmin - 32} for its threads, "
        f"so programs see SIGRTMIN={rtmin} and SIGRTMAX={rtmax}. Named SIGRTMIN+n up to n={RTMIN_PLUS_MAX} and "
        "SIGRTMAX-n above (as bash's kill -l), the other spelling as alias; default action Term; standard: "
        "POSIX.1b real-time extensions, in POSIX.1-2001 (signal(7)).",
    ]

    entries.sort(key=lambda e: (not e.number, int(e.number) if e.number else 0, e.name))
    return catalog_tsv.Catalog(
        catalog="signal",
        family="signal",
        family_title="Signals",
        title="Linux signals on x86_64 (signal(7), glibc strsignal)",
        category="signal",
        words=["signal", "sig"],
        importer="python3 scripts/catalogs/signal_catalog.py",
        licence=("Names, standards, default actions, the short comment and numbers are cells of the tables of "
                 "signal(7) from the Linux man-pages project (Linux-man-pages-copyleft; Copyright Thomas Koenig, "
                 "Michael Kerrisk, Linux Foundation), a copyleft page: only those factual table cells are "
                 "carried, none of its prose. Messages are glibc's strsignal strings (LGPL-2.1-or-later, Free "
                 "Software Foundation), a few words each, as programs print them; SIGCLD and SIGUNUSED are "
                 "names from glibc's and the kernel's headers."),
        sources=sources,
        entries=entries,
        notes=notes,
    )


if __name__ == "__main__":
    sys.exit(catalog_tsv.main(build))

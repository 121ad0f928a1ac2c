#!/usr/bin/env python3
"""Imports the MariaDB Connector/C client error codes (CR_*) into Content/catalogs/mysql-client.tsv.

Sources on Debian 12:
  S1 /usr/include/mariadb/errmsg.h (package libmariadb-dev): `#define CR_NAME number` for the
     MySQL-compatible client codes (2000-2999) and the MariaDB Connector/C codes (5000-5999), with a
     few trailing comments.
  S2 the message tables client_errors[] (code - 2000) and mariadb_client_errors[] (code - 5000) that
     errmsg.h declares and its ER() macro indexes, read from the object ma_errmsg.c.o inside
     /usr/lib/x86_64-linux-gnu/libmariadb.a (package libmariadb-dev): each table is an array of
     pointers whose relocations point at the strings; the importer reads the archive and the ELF
     object itself (no compiler, no running code). perror (mariadb-client) does not know these
     codes (`perror 2002`: Illegal error code: 2002).
A table slot with a message but no CR_ name in errmsg.h becomes an entry without a name; empty
slots (gaps in the numbering) are left out.
"""
from __future__ import annotations

import os
import re
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import catalog_tsv  # noqa: E402
from catalog_tsv import Catalog, Entry, Source  # noqa: E402

HEADER = "/usr/include/mariadb/errmsg.h"
ARCHIVE = "/usr/lib/x86_64-linux-gnu/libmariadb.a"
MEMBER = "ma_errmsg.c.o"
PACKAGE = "libmariadb-dev"
# table symbol, first code, the #define of its first and last codes, group
TABLES = [
    ("client_errors", "CR_MIN_ERROR", "CR_MAX_ERROR", "client error"),
    ("mariadb_client_errors", "CER_MIN_ERROR", "CER_MAX_ERROR", "Connector/C error"),
]
# #defines of errmsg.h that are not error codes.
NOT_CODES = {"CR_MIN_ERROR", "CR_MAX_ERROR", "CER_MIN_ERROR", "CER_MAX_ERROR", "CLIENT_ERRMAP",
             "ER_UNKNOWN_ERROR_CODE", "CR_MYSQL_LAST_ERROR", "CR_MARIADB_LAST_ERROR"}


def header_defines(path: str):
    """(codes: [(number, name, trailing comment)], bounds: {name: number}, last: {name: target})."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    codes = []
    bounds: dict[str, int] = {}
    last: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#define"):
            continue
        match = re.fullmatch(r"#define\s+(\w+)\s+(\d+)\s*(?:/\*\s*(.*?)\s*\*/)?\s*", line)
        if match and match.group(1).startswith("CR_") and match.group(1) not in NOT_CODES:
            codes.append((int(match.group(2)), match.group(1), match.group(3) or ""))
            continue
        if match and match.group(1) in NOT_CODES:
            bounds[match.group(1)] = int(match.group(2))
            continue
        alias = re.fullmatch(r"#define\s+(CR_\w+_LAST_ERROR)\s+(CR_\w+)\s*", line)
        if alias:
            last[alias.group(1)] = alias.group(2)
            continue
        if re.match(r"#define\s+(_errmsg_h_|ER_UNKNOWN_ERROR_CODE|IS_MYSQL_ERROR|IS_MARIADB_ERROR|ER|CER)\b", line):
            continue
        raise ValueError(f"{path}:{number}: unexpected #define {line!r}")
    return codes, bounds, last


def ar_member(path: str, member: str) -> bytes:
    """One member of a System V / GNU ar archive."""
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:8] != b"!<arch>\n":
        raise ValueError(f"{path}: not an ar archive")
    position, long_names = 8, b""
    while position < len(data):
        header = data[position:position + 60]
        if len(header) < 60 or header[58:60] != b"`\n":
            raise ValueError(f"{path}: bad member header at {position}")
        name = header[:16].decode("ascii").rstrip()
        size = int(header[48:58].decode("ascii"))
        body = data[position + 60:position + 60 + size]
        position += 60 + size + (size & 1)
        if name == "//":
            long_names = body
            continue
        if name in ("/", "/SYM64/"):
            continue
        if name.startswith("/") and name[1:].isdigit():
            offset = int(name[1:])
            name = long_names[offset:long_names.index(b"/\n", offset)].decode("utf-8")
        else:
            name = name.rstrip("/")
        if name == member:
            return body
    raise ValueError(f"{path}: no member {member}")


def pointer_table(obj: bytes, symbol: str) -> list[str | None]:
    """The strings a `const char *symbol[]` array of an x86-64 ELF relocatable object points at."""
    if obj[:4] != b"\x7fELF" or obj[4] != 2 or obj[5] != 1 or struct.unpack_from("<HH", obj, 0x10) != (1, 62):
        raise ValueError("not a little-endian x86-64 ELF64 relocatable object")
    shoff, = struct.unpack_from("<Q", obj, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", obj, 0x3A)
    # (name, type, flags, addr, offset, size, link, info, addralign, entsize)
    sections = [struct.unpack_from("<IIQQQQIIQQ", obj, shoff + i * shentsize) for i in range(shnum)]

    def content(index: int) -> bytes:
        return obj[sections[index][4]:sections[index][4] + sections[index][5]]

    def c_string(buffer: bytes, offset: int) -> bytes:
        return buffer[offset:buffer.index(b"\0", offset)]

    symtabs = [i for i, s in enumerate(sections) if s[1] == 2]          # SHT_SYMTAB
    if len(symtabs) != 1:
        raise ValueError("expected one symbol table")
    names = content(sections[symtabs[0]][6])
    table = content(symtabs[0])
    # (name, info, other, shndx, value, size)
    symbols = [struct.unpack_from("<IBBHQQ", table, o) for o in range(0, len(table), 24)]
    found = [s for s in symbols if c_string(names, s[0]) == symbol.encode()]
    if len(found) != 1:
        raise ValueError(f"symbol {symbol} found {len(found)} times")
    _, _, _, shndx, value, size = found[0]
    relocations: dict[int, tuple[int, int, int]] = {}
    for i, s in enumerate(sections):
        if s[1] == 4 and s[7] == shndx:                                   # SHT_RELA for that section
            rela = content(i)
            for o in range(0, len(rela), 24):
                r_offset, r_info, addend = struct.unpack_from("<QQq", rela, o)
                relocations[r_offset] = (r_info >> 32, r_info & 0xFFFFFFFF, addend)
    strings: list[str | None] = []
    for slot in range(value, value + size, 8):
        if slot not in relocations:
            if struct.unpack_from("<Q", content(shndx), slot)[0] != 0:
                raise ValueError(f"{symbol}: unrelocated non-null pointer at {slot}")
            strings.append(None)
            continue
        target, kind, addend = relocations[slot]
        if kind != 1:                                                     # R_X86_64_64
            raise ValueError(f"{symbol}: relocation type {kind} at {slot}")
        _, _, _, target_section, target_value, _ = symbols[target]
        strings.append(c_string(content(target_section), target_value + addend).decode("utf-8"))
    return strings


def build() -> Catalog:
    catalog_tsv.require_file(HEADER, PACKAGE)
    catalog_tsv.require_file(ARCHIVE, PACKAGE)
    version = catalog_tsv.package_version(PACKAGE)
    sources = [
        Source("S1", PACKAGE, version, HEADER, "CR_ names and numbers"),
        Source("S2", PACKAGE, version, f"{ARCHIVE} ({MEMBER}: client_errors[], mariadb_client_errors[])",
               "messages"),
    ]
    codes, bounds, last = header_defines(HEADER)
    obj = ar_member(ARCHIVE, MEMBER)

    named: dict[int, tuple[str, str]] = {}
    for number, name, comment in codes:
        if number in named:
            raise ValueError(f"{HEADER}: {number} defined twice")
        named[number] = (name, comment)
    for marker, target in last.items():
        if target not in {name for name, _ in named.values()}:
            raise ValueError(f"{HEADER}: {marker} names {target}, which is not a code")

    entries = []
    table_sizes = []
    for symbol, low_name, high_name, group in TABLES:
        low, high = bounds[low_name], bounds[high_name]
        texts = pointer_table(obj, symbol)
        table_sizes.append(f"{symbol}[] {len(texts)} slots ({low}-{low + len(texts) - 1})")
        numbers = {n for n in named if low <= n <= high}
        numbers |= {low + i for i, text in enumerate(texts) if text}
        for number in sorted(numbers):
            index = number - low
            text = texts[index] if index < len(texts) else None
            name, comment = named.get(number, ("", ""))
            entry = Entry(number=str(number), name=name, message=text or "", group=group)
            if comment:
                entry.details.append(("comment", comment))
            if name:
                entry.sources.append("S1")
            if text:
                entry.sources.append("S2")
            entries.append(entry)

    no_name = [e.number for e in entries if not e.name]
    no_text = [e.number for e in entries if not e.message]
    notes = [
        "message: the client library's text for the code, a printf-style template (%s, %d ...) filled in "
        "when the error is raised; the mariadb client prints it as ERROR 2002 (HY000): ... .",
        "group client error: the MySQL-compatible range CR_MIN_ERROR-CR_MAX_ERROR (2000-2999); Connector/C "
        "error: the range errmsg.h calls MariaDB Connector/C errors (CER_MIN_ERROR-CER_MAX_ERROR, 5000-5999). "
        "details comment: the comment errmsg.h writes after the #define.",
        "Message tables read from libmariadb.a: " + "; ".join(table_sizes) + ". CR_MYSQL_LAST_ERROR and "
        "CR_MARIADB_LAST_ERROR are markers that name the last code of each range, not entries.",
        "perror (mariadb-client) does not know the client codes (perror 2002: Illegal error code: 2002).",
    ]
    if no_name:
        notes.append("codes with a message in the table but no CR_ name in errmsg.h (entries without a name): "
                     + ", ".join(no_name) + ".")
    if no_text:
        notes.append("codes errmsg.h names whose table slot is empty: " + ", ".join(no_text) + ".")

    return Catalog(
        catalog="mysql-client",
        family="mysql",
        family_title="MariaDB and MySQL errors",
        title="MariaDB Connector/C client error codes (errmsg.h and libmariadb's message tables, CR_)",
        category="mysql",
        # The client's ERROR 1045 (28000): ... is CatalogSpec.clientErrorWord, not a word here.
        words=["mysql", "mariadb", "cr"],
        importer="python3 scripts/catalogs/mysql_client.py",
        licence=("MariaDB Connector/C, LGPL-2+ (errmsg.h: Copyright (C) 2000 MySQL AB & MySQL Finland AB & TCX "
                 "DataKonsult AB, 2012-2016 SkySQL AB, MariaDB Corporation AB; Debian copyright, Files: "
                 "libmariadb/*). Only the CR_ names, numbers, the one-line client messages and the short "
                 "header comments are carried, with this attribution."),
        sources=sources,
        entries=entries,
        notes=notes,
    )


if __name__ == "__main__":
    sys.exit(catalog_tsv.main(build))

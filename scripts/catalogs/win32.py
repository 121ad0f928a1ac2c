"""Win32 error codes (ERROR_*, WSA*, RPC_S_*, DNS_*, ...) from mingw-w64's winerror.h: every
object-like #define whose value is a plain decimal Win32 code (__MSABI_LONG(5), (WSABASEERR + 4)),
or a simple reference to one; names sharing a number become aliases of the first defined."""
from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import catalog_tsv  # noqa: E402
import winerror_header as wh  # noqa: E402

WIN32_KINDS = (wh.LONG_DEC, wh.OFFSET)


def win32_defines(header: wh.Header) -> list:
    """The defines that are Win32 codes, in file order (the marker DNS_ERROR_RCODE_LAST is not one;
    the bases WSABASEERR and DNS_ERROR_*_BASE are bare numbers, not __MSABI_LONG, so not taken)."""
    return [d for d in header.defines if d.kind in WIN32_KINDS and not wh.is_range_marker(d.name)]


def build() -> catalog_tsv.Catalog:
    header = wh.read(wh.WINERROR_H)
    sources = [wh.source("S1", wh.WINERROR_H)]
    entries = []
    for value, defines in wh.group_by_value(win32_defines(header)):
        details = [("hresult", wh.hex8(wh.hresult_from_win32(value)))] if value > 0 else []
        entries.append(catalog_tsv.Entry(
            number=str(value), name=defines[0].name, aliases=[d.name for d in defines[1:]],
            details=details, sources=["S1"]))
    return catalog_tsv.Catalog(
        catalog="win32", family=wh.FAMILY, family_title=wh.FAMILY_TITLE,
        title="Win32 error codes (winerror.h)", category=wh.CATEGORY,
        words=["win32", "winerror", "windows error", "system error"],
        importer="python3 scripts/catalogs/win32.py",
        licence=wh.licence("winerror.h"), sources=sources, entries=entries,
        no_messages=wh.NO_MESSAGES,
        notes=["Taken: each #define of winerror.h whose value is a decimal Win32 code, written __MSABI_LONG(n) "
               "or (WSABASEERR + n), and names defined as another such name (DNS_ERROR_NO_MEMORY is "
               "ERROR_OUTOFMEMORY); names sharing a number are aliases of the one defined first. Not taken: "
               "range bases and markers (WSABASEERR, DNS_ERROR_*_BASE, DNS_ERROR_RCODE_LAST) and HRESULT values.",
               "hresult: the HRESULT that winerror.h's HRESULT_FROM_WIN32 makes of the code "
               "((code & 0xFFFF) | FACILITY_WIN32 << 16 | 0x80000000)."])


if __name__ == "__main__":
    sys.exit(catalog_tsv.main(build))

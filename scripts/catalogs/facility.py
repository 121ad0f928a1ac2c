"""HRESULT facility numbers from mingw-w64's winerror.h: the FACILITY_* defines with a decimal
number, the middle field of an HRESULT (0x80070005: severity 1, facility 7 = FACILITY_WIN32,
code 5); names sharing a number become aliases of the first defined."""
from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import catalog_tsv  # noqa: E402
import hresult  # noqa: E402
import winerror_header as wh  # noqa: E402


def build() -> catalog_tsv.Catalog:
    header = wh.read(wh.WINERROR_H)
    counts: dict[int, int] = {}
    for value, _ in wh.group_by_value(hresult.hresult_defines(header)):
        facility = (value >> 16) & 0x1FFF
        counts[facility] = counts.get(facility, 0) + 1
    entries = []
    for value, defines in wh.group_by_value(wh.winerror_facilities(header)):
        entries.append(catalog_tsv.Entry(
            number=str(value), name=defines[0].name, aliases=[d.name for d in defines[1:]],
            details=[("failure_prefix", f"0x{(0x8000 | value):04x}"), ("hresults", str(counts.get(value, 0)))],
            sources=["S1"]))
    return catalog_tsv.Catalog(
        catalog="facility", family=wh.FAMILY, family_title=wh.FAMILY_TITLE,
        title="HRESULT facility codes (winerror.h)", category=wh.CATEGORY,
        words=["facility"],
        importer="python3 scripts/catalogs/facility.py",
        licence=wh.licence("winerror.h"), sources=[wh.source("S1", wh.WINERROR_H)], entries=entries,
        no_messages=wh.NO_MESSAGES,
        notes=["Taken: the FACILITY_* defines of winerror.h with a decimal number; FACILITY_NT_BIT (0x10000000, the "
               "bit HRESULT_FROM_NT sets) is not a facility number. NTSTATUS facilities (ntstatus.h) are numbered "
               "separately and are named in the ntstatus catalog's details.",
               "An HRESULT's facility is HRESULT_FACILITY(hr) = (hr >> 16) & 0x1fff: 0x80070005 is severity 1 "
               "(failure), facility 7 (FACILITY_WIN32), code 5 (Win32 ERROR_ACCESS_DENIED). failure_prefix: the "
               "top 16 bits of a failure HRESULT of this facility; hresults: how many values of the hresult "
               "catalog have it."])


if __name__ == "__main__":
    sys.exit(catalog_tsv.main(build))

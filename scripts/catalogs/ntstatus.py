"""NTSTATUS values from mingw-w64's ntstatus.h: every #define written ((NTSTATUS)0x...) (STATUS_*,
and the DBG_*, RPC_NT_* and EPT_NT_* values the header lists with them); names sharing a value
become aliases of the first defined. group is the severity, from the top two bits."""
from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import catalog_tsv  # noqa: E402
import winerror_header as wh  # noqa: E402


def severities(header: wh.Header) -> dict:
    """STATUS_SEVERITY_SUCCESS 0x0 ... STATUS_SEVERITY_ERROR 0x3 -> {0: "success", ...}."""
    found = {d.value: d.name[len("STATUS_SEVERITY_"):].lower()
             for d in header.defines if d.name.startswith("STATUS_SEVERITY_") and d.kind == wh.PLAIN_HEX}
    if sorted(found) != [0, 1, 2, 3]:
        raise ValueError(f"{header.path}: expected STATUS_SEVERITY_* for 0..3, found {found}")
    return found


def facilities(header: wh.Header) -> dict:
    """ntstatus.h's own FACILITY_* numbers (NTSTATUS facilities, not winerror.h's HRESULT ones)."""
    names: dict[int, list] = {}
    for define in header.defines:
        if define.name.startswith("FACILITY_") and define.kind == wh.PLAIN_HEX:
            names.setdefault(define.value, []).append(define.name)
    return names


def build() -> catalog_tsv.Catalog:
    header = wh.read(wh.NTSTATUS_H)
    severity_names = severities(header)
    facility_names = facilities(header)
    defines = [d for d in header.defines if d.kind == wh.NTSTATUS]
    entries = []
    for value, group in wh.group_by_value(defines):
        facility = (value >> 16) & 0x0FFF
        details = [("facility", str(facility))]
        if facility in facility_names:
            details.append(("facility_name", " ".join(facility_names[facility])))
        details.append(("code", str(value & 0xFFFF)))
        entries.append(catalog_tsv.Entry(
            number=wh.hex8(value), name=group[0].name, aliases=[d.name for d in group[1:]],
            group=severity_names[value >> 30], details=details, sources=["S1"]))
    return catalog_tsv.Catalog(
        catalog="ntstatus", family=wh.FAMILY, family_title=wh.FAMILY_TITLE,
        title="NTSTATUS values (ntstatus.h)", category=wh.CATEGORY,
        words=["ntstatus"],
        importer="python3 scripts/catalogs/ntstatus.py",
        licence=wh.licence("ntstatus.h"), sources=[wh.source("S1", wh.NTSTATUS_H)], entries=entries,
        no_messages=wh.NO_MESSAGES,
        notes=["Taken: each #define of ntstatus.h written ((NTSTATUS)0x...): STATUS_* and also DBG_*, RPC_NT_* and "
               "EPT_NT_*. Names sharing a value are aliases of the one defined first.",
               "Decoded by the NTSTATUS layout: group is the severity in bits 31-30, named by ntstatus.h's "
               "STATUS_SEVERITY_* (0 success, 1 informational, 2 warning, 3 error); facility = bits 27-16, "
               "facility_name its FACILITY_* name in ntstatus.h (NTSTATUS facilities, not the HRESULT ones of "
               "the facility catalog); code = bits 15-0."])


if __name__ == "__main__":
    sys.exit(catalog_tsv.main(build))

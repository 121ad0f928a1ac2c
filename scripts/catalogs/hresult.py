"""HRESULT values from mingw-w64's winerror.h: every #define written _HRESULT_TYPEDEF_(0x...) or
((HRESULT)0x...), or as a simple reference to one (SEC_E_NO_SPM is SEC_E_INTERNAL_ERROR) or
HRESULT_FROM_WIN32 of a Win32 code; names sharing a value become aliases of the first defined."""
from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import catalog_tsv  # noqa: E402
import win32  # noqa: E402
import winerror_header as wh  # noqa: E402

# The one value whose first definition is not its usual name: winerror.h defines SEC_E_OK
# (line 45, next to ERROR_SUCCESS) before S_OK.
PREFERRED = {0x00000000: "S_OK"}


def hresult_defines(header: wh.Header) -> list:
    """HRESULT-typed defines in file order; the range markers OLE_E_FIRST ... OLE_S_LAST are not codes."""
    return [d for d in header.defines if d.kind == wh.HRESULT and not wh.is_range_marker(d.name)]


def decode(value: int, facilities: dict, win32_names: dict) -> list:
    """winerror.h's HRESULT_SEVERITY, HRESULT_FACILITY ((hr >> 16) & 0x1fff) and HRESULT_CODE (hr & 0xFFFF)."""
    severity = (value >> 31) & 0x1
    facility = (value >> 16) & 0x1FFF
    code = value & 0xFFFF
    details = [("severity", "failure" if severity else "success"), ("facility", str(facility))]
    if facility in facilities:
        details.append(("facility_name", " ".join(facilities[facility])))
    details.append(("code", str(code)))
    if severity and facility == 7 and code in win32_names:
        details.append(("win32", f"{code} {win32_names[code]}"))
    return details


def build() -> catalog_tsv.Catalog:
    header = wh.read(wh.WINERROR_H)
    facilities = wh.facility_names(header)
    win32_names = {d.value: d.name for d in reversed(win32.win32_defines(header))}  # first defined wins
    entries = []
    for value, defines in wh.group_by_value(hresult_defines(header)):
        names = [d.name for d in defines]
        preferred = PREFERRED.get(value)
        if preferred in names:
            names.remove(preferred)
            names.insert(0, preferred)
        details = decode(value, facilities, win32_names)
        entries.append(catalog_tsv.Entry(
            number=wh.hex8(value), name=names[0], aliases=names[1:],
            group=" ".join(facilities.get((value >> 16) & 0x1FFF, [])[:1]),
            details=details, sources=["S1"]))
    return catalog_tsv.Catalog(
        catalog="hresult", family=wh.FAMILY, family_title=wh.FAMILY_TITLE,
        title="HRESULT values (winerror.h)", category=wh.CATEGORY,
        words=["hresult", "hr"],
        importer="python3 scripts/catalogs/hresult.py",
        licence=wh.licence("winerror.h"), sources=[wh.source("S1", wh.WINERROR_H)], entries=entries,
        no_messages=wh.NO_MESSAGES,
        notes=["Taken: each #define of winerror.h written _HRESULT_TYPEDEF_(0x...) or ((HRESULT)0x...), and those "
               "defined as another HRESULT name or as HRESULT_FROM_WIN32(ERROR_...) (E_NOT_SUFFICIENT_BUFFER). "
               "Not taken: the range markers OLE_E_FIRST, OLE_E_LAST, OLE_S_FIRST, OLE_S_LAST and the *_FIRST/*_LAST "
               "markers written as plain numbers; NOERROR, NTE_OP_OK and TBS_SUCCESS, written as a bare 0; "
               "ERROR_FLT_* of fltwinerror.h, which winerror.h includes. Names sharing a value are aliases of the "
               "one defined first, except that S_OK is the name of 0x00000000 (SEC_E_OK is defined earlier).",
               "Decoded with winerror.h's macros: severity = HRESULT_SEVERITY (bit 31), facility = HRESULT_FACILITY "
               "((hr >> 16) & 0x1fff), code = HRESULT_CODE (hr & 0xFFFF); facility_name and group are the "
               "winerror.h FACILITY_* names of that number (the facility catalog); win32 is the Win32 code of a "
               "failure in FACILITY_WIN32 (7), as HRESULT_FROM_WIN32 builds it."])


if __name__ == "__main__":
    sys.exit(catalog_tsv.main(build))

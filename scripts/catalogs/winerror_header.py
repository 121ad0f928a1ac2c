"""Shared reader for the mingw-w64 Windows error headers (winerror.h, ntstatus.h) of the Debian
package mingw-w64-common: the object-like #define lines, with their values resolved where the
value is a number in one of the header's forms or a simple reference to another such define.
Used by win32.py, hresult.py, ntstatus.py and facility.py; it writes nothing itself."""
from __future__ import annotations

import re
from dataclasses import dataclass

import catalog_tsv

PACKAGE = "mingw-w64-common"
INCLUDE = "/usr/share/mingw-w64/include"
WINERROR_H = INCLUDE + "/winerror.h"
NTSTATUS_H = INCLUDE + "/ntstatus.h"
COPYRIGHT = "/usr/share/doc/mingw-w64-common/copyright"

FAMILY = "windows"
FAMILY_TITLE = "Windows error codes"
CATEGORY = "windows"

NO_MESSAGES = ("winerror.h and ntstatus.h give names and numbers only; Microsoft's message texts "
               "are not available offline, so no message is shown.")

# Kinds of value, by how the header writes it.
LONG_DEC = "long-dec"      # __MSABI_LONG(5): the Win32 error codes
LONG_HEX = "long-hex"      # __MSABI_LONG(0x80040100): range markers of the OLE HRESULT section
OFFSET = "offset"          # (WSABASEERR + 4): the Windows Sockets codes
HRESULT = "hresult"        # _HRESULT_TYPEDEF_(0x80070005), ((HRESULT)0x00000000), HRESULT_FROM_WIN32(...)
NTSTATUS = "ntstatus"      # ((NTSTATUS)0xC0000005)
PLAIN_DEC = "plain-dec"    # 36: facility numbers, bases, severities
PLAIN_HEX = "plain-hex"    # 0x10: ntstatus.h facility numbers, masks, markers


@dataclass
class Define:
    name: str
    text: str                 # the replacement text, comments removed, whitespace collapsed
    line: int                 # 1-based line of the #define
    conditions: tuple         # the enclosing #if/#ifdef/#ifndef lines, outermost first
    value: int | None = None  # resolved value (unsigned 32-bit), None when not resolvable
    kind: str | None = None   # one of the kinds above, None when not resolvable
    ref: str | None = None    # the define this one refers to, when it is a reference


@dataclass
class Header:
    path: str
    defines: list             # object-like defines in file order (one per distinct name)
    by_name: dict             # name -> Define
    function_like: list       # names of function-like macros (never values)
    unresolved: list          # object-like defines whose value could not be resolved


_NAME = r"[A-Za-z_]\w*"
_DEFINE = re.compile(r"#\s*define\s+(" + _NAME + r")(\()?")
_INT = r"(0[xX][0-9A-Fa-f]+|\d+)[uUlL]*"


def _int(text: str) -> int:
    return int(text, 16) if text[:2].lower() == "0x" else int(text)


def _logical_lines(text: str):
    """(line number, text) of each logical line: block and line comments blanked (keeping the
    line count), backslash continuations joined."""
    text = re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        start = index
        line = lines[index]
        while line.endswith("\\") and index + 1 < len(lines):
            index += 1
            line = line[:-1] + " " + lines[index]
        yield start + 1, line
        index += 1


def read(path: str) -> Header:
    catalog_tsv.require_file(path, PACKAGE)
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    defines: list[Define] = []
    by_name: dict[str, Define] = {}
    function_like: list[str] = []
    stack: list[str] = []
    for number, line in _logical_lines(text):
        stripped = line.strip()
        if not stripped.startswith("#"):
            continue
        directive = re.match(r"#\s*(\w+)", stripped)
        word = directive.group(1) if directive else ""
        if word in ("if", "ifdef", "ifndef"):
            stack.append(" ".join(stripped.split()))
            continue
        if word == "endif":
            if stack:
                stack.pop()
            continue
        if word in ("else", "elif") and stack:
            stack[-1] = stack[-1] + " / " + " ".join(stripped.split())
            continue
        if word != "define":
            continue
        match = _DEFINE.match(stripped)
        if not match:
            continue
        name = match.group(1)
        if match.group(2):
            if name not in function_like:
                function_like.append(name)
            continue
        body = " ".join(stripped[match.end():].split())
        define = Define(name, body, number, tuple(stack))
        if name in by_name:
            earlier = by_name[name]
            if earlier.text != body:
                raise ValueError(f"{path}:{number}: {name} is defined twice with different values "
                                 f"({earlier.text!r} at line {earlier.line}, {body!r})")
            continue  # the same definition again, under another condition: one entry
        by_name[name] = define
        defines.append(define)
    header = Header(path, defines, by_name, function_like, [])
    for define in defines:
        _resolve(define, by_name, set())
        if define.kind is None and define.text:
            header.unresolved.append(define)
    return header


def _resolve(define: Define, by_name: dict, visiting: set) -> None:
    if define.kind is not None or define.name in visiting:
        return
    visiting.add(define.name)
    text = define.text
    patterns = [
        (r"__MSABI_LONG\((\d+)\)", LONG_DEC),
        (r"__MSABI_LONG\((0[xX][0-9A-Fa-f]+)\)", LONG_HEX),
        (r"_HRESULT_TYPEDEF_\(" + _INT + r"\)", HRESULT),
        (r"\(\(HRESULT\) ?" + _INT + r"\)", HRESULT),
        (r"\(\(NTSTATUS\) ?" + _INT + r"\)", NTSTATUS),
    ]
    for pattern, kind in patterns:
        match = re.fullmatch(pattern, text)
        if match:
            define.value, define.kind = _int(match.group(1)) & 0xFFFFFFFF, kind
            return
    match = re.fullmatch(_INT, text)
    if match:
        define.value = _int(match.group(1))
        define.kind = PLAIN_HEX if match.group(1)[:2].lower() == "0x" else PLAIN_DEC
        return
    match = re.fullmatch(r"\( ?(" + _NAME + r") ?\+ ?(\d+) ?\)", text)
    if match and match.group(1) in by_name:
        base = by_name[match.group(1)]
        _resolve(base, by_name, visiting)
        if base.kind in (PLAIN_DEC, LONG_DEC):
            define.value, define.kind = base.value + int(match.group(2)), OFFSET
        return
    match = re.fullmatch(_NAME, text)
    if match and text in by_name:
        target = by_name[text]
        _resolve(target, by_name, visiting)
        if target.kind is not None:
            define.value, define.kind, define.ref = target.value, target.kind, target.name
        return
    match = re.fullmatch(r"HRESULT_FROM_WIN32\((" + _NAME + r")\)", text)
    if match and match.group(1) in by_name:
        target = by_name[match.group(1)]
        _resolve(target, by_name, visiting)
        if target.kind in (LONG_DEC, OFFSET):
            define.value, define.kind, define.ref = hresult_from_win32(target.value), HRESULT, target.name
        return


def hresult_from_win32(code: int) -> int:
    """winerror.h's __HRESULT_FROM_WIN32: x <= 0 stays, else (x & 0xFFFF) | (FACILITY_WIN32 << 16) | 0x80000000."""
    return code if code <= 0 else ((code & 0x0000FFFF) | (7 << 16) | 0x80000000)


def hex8(value: int) -> str:
    return f"0x{value:08x}"


def is_range_marker(name: str) -> bool:
    """Names that bound a range of codes rather than name one: OLE_E_FIRST, DNS_ERROR_RCODE_LAST. (The
    bases WSABASEERR and DNS_ERROR_*_BASE are written as bare numbers, so no catalog takes them anyway.)"""
    return bool(re.search(r"_(FIRST|LAST)$", name))


def group_by_value(defines: list) -> list:
    """[(value, [defines in file order])], sorted by value; the first define is the entry's name."""
    groups: dict[int, list] = {}
    for define in defines:
        groups.setdefault(define.value, []).append(define)
    return sorted(groups.items())


def source(source_id: str, path: str) -> catalog_tsv.Source:
    return catalog_tsv.Source(source_id, PACKAGE, catalog_tsv.package_version(PACKAGE), path, "names and numbers")


def licence(files: str) -> str:
    catalog_tsv.require_file(COPYRIGHT, PACKAGE)
    return (f"Public domain: {files} of the mingw-w64 project (Debian package {PACKAGE}) carries the notice \"This file "
            "has no copyright assigned and is placed in the Public Domain\", and the package's copyright file "
            f"({COPYRIGHT}) lists mingw-w64-headers/include/* as public-domain. Only the symbolic names and "
            "numbers are carried (no prose); attribution: the mingw-w64 project's headers.")


def winerror_facilities(header: Header) -> list:
    """The FACILITY_* defines of winerror.h with a plain decimal number, in file order."""
    return [d for d in header.defines if d.name.startswith("FACILITY_") and d.kind == PLAIN_DEC]


def facility_names(header: Header) -> dict:
    """facility number -> its FACILITY_* names, first defined first."""
    names: dict[int, list] = {}
    for define in winerror_facilities(header):
        names.setdefault(define.value, []).append(define.name)
    return names

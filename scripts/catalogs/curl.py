#!/usr/bin/env python3
"""Imports curl's exit codes (CURLcode) into Content/catalogs/curl.tsv.

Sources on Debian 12:
  S1 curl(1) EXIT CODES (package curl): number and the text; the message is its first sentence.
  S2 libcurl-errors(3) CURLcode (package libcurl4-doc): the CURLE_ name of each number; the first
     sentence of its text is the message for codes curl(1) does not list, and `libcurl=` otherwise
     when it differs and is short.
  S3 curl/curl.h (package libcurl4-openssl-dev): the CURLcode enum (cross-check of the names, the
     names of the CURLE_OBSOLETE* placeholders) and the compatibility #defines (aliases).
  S4 curl_easy_strerror() of libcurl.so.4 (package libcurl4): the text libcurl-based programs print
     (`strerror=`).
"""
from __future__ import annotations

import ctypes
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import catalog_tsv  # noqa: E402
import manpage  # noqa: E402
from catalog_tsv import Catalog, Entry, Source  # noqa: E402

CURL_MAN = "/usr/share/man/man1/curl.1.gz"
LIBCURL_ERRORS_MAN = "/usr/share/man/man3/libcurl-errors.3.gz"
CURL_H = "/usr/include/x86_64-linux-gnu/curl/curl.h"
LIBCURL_SO = "libcurl.so.4"
LIBCURL_SO_PATH = "/usr/lib/x86_64-linux-gnu/libcurl.so.4"

# libcurl's text goes into details only when it is at most this long.
SHORT = 100

def unquote(arg: str) -> str:
    arg = arg.strip()
    if len(arg) >= 2 and arg[0] == '"' and arg[-1] == '"':
        return arg[1:-1]
    return arg


def man_items(path: str, section: str) -> list[tuple[str, str]]:
    """The .IP items (tag, plain text) of one .SH section of a man page."""
    lines = manpage.read(path).splitlines()
    items: list[tuple[str, list[str]]] = []
    inside = False
    for line in lines:
        if line.startswith(".SH"):
            if inside:
                break
            inside = unquote(line[3:]) == section
            continue
        if not inside or line.startswith('.\\"'):
            continue
        if line.startswith(".IP"):
            items.append((manpage.text(unquote(line[3:])), []))
        elif line.startswith("."):
            if items:
                raise ValueError(f"{path}: unexpected macro {line!r} in section {section}")
        elif items:
            items[-1][1].append(manpage.text(line))
    if not items:
        raise ValueError(f"{path}: no items in section {section!r}")
    return [(tag, " ".join(" ".join(text).split())) for tag, text in items]


def first_sentence(text: str) -> str:
    match = re.search(r"\.(?=\s|$)", text)
    return text[: match.end()] if match else text


def curlcode_enum(path: str) -> tuple[dict[int, str], dict[str, str]]:
    """The CURLcode enum (value -> name) and the CURLE_ compatibility #defines (alias -> target)."""
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    code = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
    end = code.index("} CURLcode;")
    start = code.rindex("typedef enum {", 0, end) + len("typedef enum {")
    values: dict[int, str] = {}
    value = -1
    for item in code[start:end].split(","):
        item = item.strip()
        if not item:
            continue
        match = re.fullmatch(r"(\w+)(?:\s*=\s*(\d+))?", item)
        if not match:
            raise ValueError(f"{path}: unexpected CURLcode member {item!r}")
        value = int(match.group(2)) if match.group(2) else value + 1
        if match.group(1) == "CURL_LAST":
            continue
        values[value] = match.group(1)
    defines = dict(re.findall(r"^#define\s+(CURLE_\w+)\s+(CURLE_\w+)\s*$", code, flags=re.M))
    return values, defines


def strerror_texts(numbers: list[int]) -> dict[int, str]:
    library = ctypes.CDLL(LIBCURL_SO)
    function = library.curl_easy_strerror
    function.restype = ctypes.c_char_p
    function.argtypes = [ctypes.c_int]
    return {n: function(n).decode("utf-8") for n in numbers}


def build() -> Catalog:
    catalog_tsv.require_file(CURL_MAN, "curl")
    catalog_tsv.require_file(LIBCURL_ERRORS_MAN, "libcurl4-doc")
    catalog_tsv.require_file(CURL_H, "libcurl4-openssl-dev")
    catalog_tsv.require_file(LIBCURL_SO_PATH, "libcurl4")
    sources = [
        Source("S1", "curl", catalog_tsv.package_version("curl"), CURL_MAN + " (EXIT CODES)",
               "numbers and messages (first sentence)"),
        Source("S2", "libcurl4-doc", catalog_tsv.package_version("libcurl4-doc"),
               LIBCURL_ERRORS_MAN + " (CURLcode)",
               "CURLE_ names and numbers; messages of codes curl(1) lacks; libcurl= texts"),
        Source("S3", "libcurl4-openssl-dev", catalog_tsv.package_version("libcurl4-openssl-dev"), CURL_H,
               "CURLcode enum (names of CURLE_OBSOLETE* placeholders) and compatibility #defines (aliases)"),
        Source("S4", "libcurl4", catalog_tsv.package_version("libcurl4"),
               "curl_easy_strerror() in " + LIBCURL_SO_PATH, "strerror texts"),
    ]

    # S1: curl(1) exit codes.
    exit_texts: dict[int, str] = {}
    for tag, text in man_items(CURL_MAN, "EXIT CODES"):
        if tag == "XX":          # "More error codes will appear here in future releases."
            continue
        if not tag.isdigit():
            raise ValueError(f"curl(1): unexpected exit code tag {tag!r}")
        exit_texts[int(tag)] = text

    # S2: libcurl-errors(3) CURLcode.
    lib_names: dict[int, str] = {}
    lib_texts: dict[int, str] = {}
    obsolete: set[int] = set()
    for tag, text in man_items(LIBCURL_ERRORS_MAN, "CURLcode"):
        if tag == "CURLE_OBSOLETE*":     # the general note on the placeholders
            continue
        match = re.fullmatch(r"(CURLE_\w+) \((\d+)\)", tag)
        if match:
            lib_names[int(match.group(2))] = match.group(1)
            lib_texts[int(match.group(2))] = text
            continue
        match = re.fullmatch(r"Obsolete errors? \((\d+)(?:-(\d+))?\)", tag)
        if not match:
            raise ValueError(f"libcurl-errors(3): unexpected tag {tag!r}")
        low = int(match.group(1))
        high = int(match.group(2) or low)
        for n in range(low, high + 1):
            obsolete.add(n)
            lib_texts[n] = text

    # S3: curl.h.
    enum, defines = curlcode_enum(CURL_H)
    for n, name in lib_names.items():
        if enum.get(n) != name:
            raise ValueError(f"libcurl-errors(3) names {n} {name} but curl.h has {enum.get(n)}")
    for n in obsolete:
        if not enum.get(n, "").startswith("CURLE_OBSOLETE"):
            raise ValueError(f"libcurl-errors(3) calls {n} obsolete but curl.h has {enum.get(n)}")
    unknown = set(exit_texts) - set(enum)
    if unknown:
        raise ValueError(f"curl(1) exit codes without a CURLcode: {sorted(unknown)}")
    by_name = {name: n for n, name in enum.items()}

    def resolve(name: str) -> int | None:
        seen = set()
        while name not in by_name:
            if name in seen or name not in defines:
                return None
            seen.add(name)
            name = defines[name]
        return by_name[name]

    aliases: dict[int, list[str]] = {}
    for alias in defines:
        n = resolve(alias)
        if n is not None:
            aliases.setdefault(n, []).append(alias)

    strerror = strerror_texts(sorted(enum))

    entries = []
    for n in sorted(enum):
        entry = Entry(number=str(n), name=enum[n], aliases=sorted(aliases.get(n, [])))
        lib_text = first_sentence(lib_texts[n]) if n in lib_texts else ""
        if n in exit_texts:
            entry.message = first_sentence(exit_texts[n])
            entry.sources.append("S1")
            if lib_text and lib_text != entry.message and len(lib_text) <= SHORT:
                entry.details.append(("libcurl", lib_text))
        elif lib_text:
            entry.message = lib_text
        if n in lib_texts:
            entry.sources.append("S2")
        entry.sources.append("S3")
        if n in obsolete:
            entry.group = "obsolete"
        entry.details.append(("strerror", strerror[n]))
        entry.sources.append("S4")
        entries.append(entry)

    return Catalog(
        catalog="curl",
        family="curl",
        family_title="curl exit codes",
        title="curl exit codes and libcurl CURLcode values (curl(1), libcurl-errors(3), curl.h)",
        category="curl",
        words=["curl", "curle"],
        importer="python3 scripts/catalogs/curl.py",
        licence=("curl licence (SPDX: curl, an MIT/X-style permissive licence; Copyright (C) Daniel Stenberg, "
                 "et al.) for curl(1), libcurl-errors(3), curl.h and libcurl: it allows copying with the notice. "
                 "Only names, numbers and the first sentence of each text (and libcurl's short strerror "
                 "strings) are carried, with this attribution."),
        sources=sources,
        entries=entries,
        notes=[
            "message: the first sentence of the curl(1) EXIT CODES text; for codes curl(1) does not list "
            "(CURLE_AGAIN, codes added after its list, obsolete placeholders) the first sentence of "
            "libcurl-errors(3).",
            "details: libcurl= is the first sentence of libcurl-errors(3) when it differs from the message "
            f"and is at most {SHORT} characters; strerror= is curl_easy_strerror(), the text libcurl "
            "programs print when they have no error buffer; the curl tool prints its error buffer instead "
            "(curl: (6) Could not resolve host: nonexistent.invalid).",
            "aliases: the compatibility #defines of curl.h that resolve to the code (old names).",
            "group obsolete: a CURLE_OBSOLETE* placeholder that libcurl no longer returns.",
        ],
    )


if __name__ == "__main__":
    sys.exit(catalog_tsv.main(build))

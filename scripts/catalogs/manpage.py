"""Debian's man pages for the importers: the gzip'd roff source (its licence line checked, so a
relicensed page is reviewed before its cells are carried) and roff text as plain text. An escape
not listed here is refused, never guessed."""
from __future__ import annotations

import gzip
import re

_ESCAPES = [
    (re.compile(r"\\f[BIRP]"), ""),
    (re.compile(r"\\f\(\w\w"), ""),
    (re.compile(r"\\m\[[^\]]*\]"), ""),
    (re.compile(r"\\-"), "-"),
    (re.compile(r"\\\(aq"), "'"),
    (re.compile(r"\\\(dq"), '"'),
    (re.compile(r"\\\*\(Aq"), "'"),
    (re.compile(r"\\&"), ""),
    (re.compile(r"\\\|"), ""),
    (re.compile(r"\\0"), ""),
    (re.compile(r"\\ "), " "),
    (re.compile(r"\\e"), "\\\\"),
]


def read(path: str, licence: str | None = None) -> str:
    """The roff source of a man page; with `licence`, its SPDX line must name it."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        text = handle.read()
    if licence is not None:
        spdx = re.search(r"SPDX-License-Identifier:\s*(\S+)", text)
        if not spdx or spdx.group(1) != licence:
            raise ValueError(f"{path}: licence is {spdx and spdx.group(1)}, not {licence}: review the @licence text")
    return text


def text(line: str) -> str:
    """Plain text of a roff text line; refuses escapes it does not know."""
    for pattern, replacement in _ESCAPES:
        line = pattern.sub(replacement, line)
    if "\\" in re.sub(r"\\\\", "", line):
        raise ValueError(f"unhandled roff escape in {line!r}")
    return line.replace("\\\\", "\\")

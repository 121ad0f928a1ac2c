"""Writes one errwiki code catalog file (Content/catalogs/<catalog>.tsv), the format that
Content/catalogs/README.md describes and errwiki's CatalogParser reads. Every importer builds a
Catalog and calls write(); nothing else writes these files."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field

FORMAT_LINE = "# errwiki code catalog 1"
COLUMNS = ["number", "name", "aliases", "message", "group", "standard", "details", "sources"]
CATALOG_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Content", "catalogs")


class MissingSource(Exception):
    """The source of a catalog is not on this machine: the message says what to install."""


def require_file(path: str, package: str) -> str:
    if not os.path.isfile(path):
        raise MissingSource(f"{path} is missing: install the Debian package {package} (apt-get install {package})")
    return path


def require_command(argv: list[str], package: str) -> str:
    """Runs a command and returns its standard output; MissingSource when it is not installed."""
    try:
        return subprocess.run(argv, check=True, capture_output=True, text=True).stdout
    except FileNotFoundError:
        raise MissingSource(f"{argv[0]} is missing: install the Debian package {package} (apt-get install {package})")


def package_version(package: str) -> str:
    """The installed version of a Debian package (dpkg-query), for provenance."""
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], check=True, capture_output=True, text=True)
    except (FileNotFoundError, subprocess.CalledProcessError):
        raise MissingSource(f"the Debian package {package} is not installed (apt-get install {package})")
    return out.stdout.strip()


@dataclass
class Source:
    id: str          # S1, S2, ... referenced by entries
    package: str     # Debian package, or "python3.13" / "nodejs" ...
    version: str
    file: str        # file or command the data comes from
    gives: str       # what it contributes: "names and numbers", "messages", ...


@dataclass
class Entry:
    number: str = ""          # the code as people write it: 28, 404, 42P07, 0x80070005 (hex lowercase)
    name: str = ""            # symbolic name: ENOSPC, SIGKILL, NOT_FOUND, unique_violation, ERR_INVALID_ARG_TYPE
    aliases: list[str] = field(default_factory=list)   # other names of the same code: EWOULDBLOCK
    message: str = ""         # the official short message, exactly as the source gives it; "" when it has none
    group: str = ""           # class / parent / kind: "23 Integrity Constraint Violation", "OSError", "LSB"
    standard: str = ""        # POSIX.1-2001, C99, ...
    details: list[tuple[str, str]] = field(default_factory=list)  # family-specific facts, (key, value)
    sources: list[str] = field(default_factory=list)   # ids of the Sources this entry comes from


@dataclass
class Catalog:
    catalog: str              # file name without .tsv: errno, win32, mysql-client ...
    family: str               # family id shared by its catalogs: errno, windows, openssl ...
    family_title: str         # "Linux errno", "Windows error codes"
    title: str                # this catalog: "Win32 error codes (winerror.h)"
    category: str             # article category for `errwiki new` and for bare-number claims: errno, windows
    words: list[str]          # query words that narrow a number to this catalog: errno / signal sig
    importer: str             # the command that regenerates it
    licence: str              # why it may be carried and how it is attributed
    sources: list[Source]
    entries: list[Entry]
    notes: list[str] = field(default_factory=list)
    no_messages: str = ""     # when the source has no message text: says so (shown with every entry)


_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def escape(text: str) -> str:
    return "".join(_ESCAPES.get(ch, ch) for ch in text)


def _check(catalog: Catalog) -> None:
    ids = {s.id for s in catalog.sources}
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", catalog.catalog):
        raise ValueError(f"bad catalog id {catalog.catalog!r}")
    seen: dict[tuple[str, str], int] = {}
    for index, entry in enumerate(catalog.entries):
        if not entry.number and not entry.name:
            raise ValueError(f"{catalog.catalog}: entry {index} has neither number nor name")
        if not entry.sources or any(s not in ids for s in entry.sources):
            raise ValueError(f"{catalog.catalog}: entry {entry.number} {entry.name} names undeclared sources {entry.sources}")
        for key, value in entry.details:
            if "|" in key or "=" in key or "|" in value:
                raise ValueError(f"{catalog.catalog}: detail {key}={value} may not contain | (or = in the key)")
        for alias in entry.aliases:
            if " " in alias:
                raise ValueError(f"{catalog.catalog}: alias {alias!r} has a space")
        key = (entry.number, entry.name)
        if key in seen:
            raise ValueError(f"{catalog.catalog}: duplicate entry {key}")
        seen[key] = index


def render(catalog: Catalog) -> str:
    _check(catalog)
    lines = [FORMAT_LINE,
             "\t".join(["@catalog", catalog.catalog]),
             "\t".join(["@family", catalog.family, catalog.family_title]),
             "\t".join(["@title", catalog.title]),
             "\t".join(["@category", catalog.category]),
             "\t".join(["@words"] + catalog.words),
             "\t".join(["@importer", catalog.importer]),
             "\t".join(["@licence", escape(catalog.licence)])]
    for source in catalog.sources:
        lines.append("\t".join(["@source", source.id, source.package, source.version, source.file, source.gives]))
    if catalog.no_messages:
        lines.append("\t".join(["@no-messages", escape(catalog.no_messages)]))
    for note in catalog.notes:
        lines.append("\t".join(["@note", escape(note)]))
    lines.append("\t".join(["@columns"] + COLUMNS))
    for e in catalog.entries:
        lines.append("\t".join([
            escape(e.number), escape(e.name), " ".join(e.aliases), escape(e.message), escape(e.group),
            escape(e.standard), "|".join(f"{k}={escape(v)}" for k, v in e.details), " ".join(e.sources)]))
    return "\n".join(lines) + "\n"


def write(catalog: Catalog, out_dir: str | None = None) -> str:
    """Writes the catalog atomically; returns the path. Writes nothing if rendering fails."""
    out_dir = os.path.abspath(out_dir or CATALOG_DIR)
    os.makedirs(out_dir, exist_ok=True)
    text = render(catalog)
    path = os.path.join(out_dir, catalog.catalog + ".tsv")
    fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=".tmp-")
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    os.chmod(tmp, 0o644)  # mkstemp makes it private; the data is shipped
    os.replace(tmp, path)
    return path


def main(build, argv: list[str] | None = None) -> int:
    """Entry point of an importer module: `build()` returns one Catalog or a list of them.
    --out DIR writes elsewhere (the regeneration test compares that with the committed data)."""
    import argparse
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=None)
    args = parser.parse_args(argv)
    try:
        catalogs = build()
    except MissingSource as missing:
        print(f"error: {missing}; nothing written", file=sys.stderr)
        return 2
    if isinstance(catalogs, Catalog):
        catalogs = [catalogs]
    for catalog in catalogs:
        path = write(catalog, args.out)
        print(f"{path}: {len(catalog.entries)} entries", file=sys.stderr)
    return 0

#!/usr/bin/env python3
"""Regenerates every code catalog (Content/catalogs/*.tsv) from its source on this machine.

    python3 scripts/catalogs/refresh.py            # all catalogs, into Content/catalogs/
    python3 scripts/catalogs/refresh.py errno curl # some
    python3 scripts/catalogs/refresh.py --out DIR  # elsewhere (to compare)

Each catalog's importer is scripts/catalogs/<catalog>.py (hyphens as underscores) and its exact
command is the file's @importer line. An importer whose source package is missing says which one to
install and writes nothing; this script then goes on with the others and exits 2.
"""
import argparse
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPOSITORY = os.path.abspath(os.path.join(HERE, "..", ".."))
CATALOGS = os.path.join(REPOSITORY, "Content", "catalogs")


def importers():
    """catalog id -> the @importer command of its committed file."""
    found = {}
    for name in sorted(os.listdir(CATALOGS)):
        if not name.endswith(".tsv"):
            continue
        with open(os.path.join(CATALOGS, name), encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("@importer\t"):
                    found[name[:-4]] = line.rstrip("\n").split("\t", 1)[1]
                    break
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("catalogs", nargs="*")
    parser.add_argument("--out")
    args = parser.parse_args()
    commands = importers()
    wanted = args.catalogs or sorted(commands)
    # One importer can write several catalogs: run each command once.
    runs = []
    for catalog in wanted:
        if catalog not in commands:
            print(f"error: no catalog {catalog} in {CATALOGS}", file=sys.stderr)
            return 64
        if commands[catalog] not in runs:
            runs.append(commands[catalog])
    status = 0
    for command in runs:
        argv = shlex.split(command) + (["--out", args.out] if args.out else [])
        result = subprocess.run(argv, cwd=REPOSITORY)
        if result.returncode != 0:
            status = 2 if result.returncode == 2 and status in (0, 2) else 1
    return status


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Imports the exit statuses POSIX shells give special meaning into Content/catalogs/exit-status.tsv.

Sources on Debian 12:
  S1 bash(1) EXIT STATUS (package bash): the conventions 126 (found but not executable), 127 (not
     found) and 128+N (terminated by signal N). Only the numbers are carried, not its prose.
  S2 bash, run: `bash -c './not-executable; echo $?'`, `bash -c 'nosuchcmd; echo $?'` and, for every
     signal whose default action terminates, a dash that kills itself with it (`dash -c 'kill -N $$'`)
     run by a bash that prints $?.
  S3 dash, run the same way (dash(1) does not document these numbers).
  S4... the sources of the signal catalog (scripts/catalogs/signal_catalog.py, loaded by path): signal names,
     numbers, default actions and glibc's strsignal text (the message of 128+N).

Status 2 (bash(1): builtins return 2 for incorrect usage) is not listed: `bash -c 'cd a b'` returns 1.
"""
from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import catalog_tsv
import manpage  # noqa: E402
from catalog_tsv import Catalog, Entry, Source  # noqa: E402

BASH_MAN = "/usr/share/man/man1/bash.1.gz"
SHELLS = [("bash", "/bin/bash"), ("dash", "/bin/dash")]
NOT_EXECUTABLE = "./not-executable"
NOT_FOUND = "nosuchcmd"
# The process that kills itself with each signal: dash (bash ignores SIGQUIT even when not interactive).
VICTIM = "/bin/dash"


def signal_catalog():
    """The signal catalog module, loaded from signal_catalog.py by path: `import signal` is the standard
    library's module."""
    spec = importlib.util.spec_from_file_location("signal_catalog", os.path.join(HERE, "signal_catalog.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def man_says(path: str) -> None:
    text = manpage.read(path)
    start = text.index('.SH "EXIT STATUS"')
    section = re.sub(r"\\f[BIRP]", "", text[start:text.index(".SH", start + 4)])
    section = " ".join(section.split())
    for phrase in ["uses the value of 128+N as the exit status", "returns a status of 127",
                   "is not executable, the return status is 126"]:
        if phrase not in section:
            raise ValueError(f"{path}: EXIT STATUS no longer says {phrase!r}")


def default_signals() -> None:
    """In the child, before the shell starts: every signal back to its default action. A parent that
    ignores one (a test runner ignoring SIGHUP, nohup) passes that on, and a shell cannot undo it."""
    import signal as stdlib_signal
    for number in range(1, stdlib_signal.NSIG):
        try:
            stdlib_signal.signal(number, stdlib_signal.SIG_DFL)
        except (OSError, ValueError):
            pass  # SIGKILL, SIGSTOP and numbers the kernel does not have
    stdlib_signal.pthread_sigmask(stdlib_signal.SIG_SETMASK, [])


def run(shell: str, script: str, cwd: str) -> tuple[int, str]:
    """Runs `shell -c script` and returns the status it reports (the script ends with echo $?) and
    its standard error."""
    try:
        done = subprocess.run([shell, "-c", script], cwd=cwd, capture_output=True, text=True, timeout=30,
                              env={"PATH": "/usr/bin:/bin", "LC_ALL": "C"}, preexec_fn=default_signals)
    except FileNotFoundError:
        raise catalog_tsv.MissingSource(f"{shell} is missing: install the Debian package "
                                        f"{os.path.basename(shell)}")
    lines = done.stdout.split()
    if done.returncode != 0 or not lines or not lines[-1].isdigit():
        raise ValueError(f"{shell} -c {script!r}: exit {done.returncode}, output {done.stdout!r} {done.stderr!r}")
    return int(lines[-1]), done.stderr.strip()


def upstream(version: str) -> str:
    return version.split(":")[-1].split("-")[0]


def build() -> Catalog:
    catalog_tsv.require_file(BASH_MAN, "bash")
    for name, path in SHELLS:
        catalog_tsv.require_file(path, name)
    man_says(BASH_MAN)
    versions = {name: catalog_tsv.package_version(name) for name, _ in SHELLS}
    verified = " and ".join(f"{name} {upstream(versions[name])}" for name, _ in SHELLS)

    signal_module = signal_catalog()
    signals = signal_module.build()
    # The signal catalog's sources, renumbered after this catalog's own.
    renumber = {s.id: f"S{index}" for index, s in enumerate(signals.sources, start=4)}
    sources = [
        Source("S1", "bash", versions["bash"], BASH_MAN + " (EXIT STATUS)", "the conventions 126, 127 and 128+N"),
        Source("S2", "bash", versions["bash"],
               f"bash -c '{NOT_EXECUTABLE}; echo $?'; bash -c '{NOT_FOUND}; echo $?'; bash -c \"dash -c 'kill -N \\$\\$'; echo \\$?\"",
               "statuses verified"),
        Source("S3", "dash", versions["dash"],
               f"dash -c '{NOT_EXECUTABLE}; echo $?'; dash -c '{NOT_FOUND}; echo $?'; dash -c \"dash -c 'kill -N \\$\\$'; echo \\$?\"",
               "statuses verified"),
    ] + [Source(renumber[s.id], s.package, s.version, s.file, s.gives + " (signal catalog)") for s in signals.sources]

    entries = []
    with tempfile.TemporaryDirectory(prefix="exit-status-") as work:
        path = os.path.join(work, NOT_EXECUTABLE)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("#!/bin/sh\nexit 0\n")
        os.chmod(path, 0o644)
        for number, meaning, command in [(126, "command found but not executable", NOT_EXECUTABLE),
                                         (127, "command not found", NOT_FOUND)]:
            entry = Entry(number=str(number), group="shell", details=[("meaning", meaning)], sources=["S1"])
            for name, shell in SHELLS:
                status, stderr = run(shell, f"{command}; echo $?", work)
                if status != number:
                    raise ValueError(f"{shell} -c {command} gives {status}, not {number}")
                said = re.fullmatch(rf"(?:/bin/)?{name}: (?:line )?1: (.+)", stderr)
                if not said:
                    raise ValueError(f"{shell} -c {command}: unexpected standard error {stderr!r}")
                entry.details.append((f"{name}_says", said.group(1)))
                entry.sources.append("S2" if name == "bash" else "S3")
            entry.details.append(("verified", verified))
            entries.append(entry)

        usage, _ = run("/bin/bash", "cd a b; echo $?", work)
        skipped_two = usage != 2

        for signal in signals.entries:
            if not signal.number:
                continue
            number = int(signal.number)
            action = dict(signal.details).get("action", "")
            entry = Entry(number=str(128 + number), name=f"128+{signal.name}",
                          aliases=[f"128+{alias}" for alias in signal.aliases], message=signal.message,
                          group="killed by a signal", details=[("signal", signal.name), ("action", action)],
                          sources=["S1"] + [renumber[s] for s in signal.sources])
            if action in ("Term", "Core"):
                for name, shell in SHELLS:
                    status, _ = run(shell, f"ulimit -c 0; {VICTIM} -c 'kill -{number} $$'; echo $?", work)
                    if status != 128 + number:
                        raise ValueError(f"{shell}: a shell killed by signal {number} gives {status}")
                    entry.sources.insert(1 if name == "bash" else 2, "S2" if name == "bash" else "S3")
                entry.details.append(("verified", verified))
            entries.append(entry)
    if not skipped_two:
        raise ValueError("bash -c 'cd a b' now returns 2: decide whether to list status 2")

    notes = [
        "126 and 127: bash(1) EXIT STATUS. bash_says and dash_says are what bash and dash print, after their "
        "own prefix (bash: line 1:), for a file without execute permission (./not-executable) and for a "
        "command that does not exist (nosuchcmd).",
        "128+N: bash(1) EXIT STATUS (a command that terminates on fatal signal N); the message is glibc's "
        "strsignal text of the signal (bash prints it too, e.g. Killed). verified= marks the statuses seen by "
        "running bash and dash around a dash that kills itself with the signal; signals whose default action "
        "stops, continues or is ignored (action=Stop, Cont, Ign) were not run.",
        "status 2 (bash(1): builtins return 2 for incorrect usage) is not listed: bash -c 'cd a b' returns 1.",
    ]
    return Catalog(
        catalog="exit-status",
        family="exit-status",
        family_title="Shell exit statuses",
        title="Exit statuses with a meaning in POSIX shells (bash(1), bash and dash run, signal(7))",
        category="signal",
        words=["exit", "exited", "exit code", "exit status"],
        importer="python3 scripts/catalogs/exit_status.py",
        licence=("The numbers 126, 127 and 128+N are bash(1)'s EXIT STATUS conventions (bash is GPL-3.0-or-later, "
                 "Free Software Foundation): only the numbers are carried, no prose of the page; the bash_says "
                 "and dash_says texts are what bash and dash (BSD-3-Clause, Files: * of its copyright) print, a few words each. Signal names, "
                 "numbers and actions come from signal(7) of the Linux man-pages project (Linux-man-pages-"
                 "copyleft: table cells only), messages from glibc's strsignal (LGPL-2.1-or-later)."),
        sources=sources,
        entries=entries,
        notes=notes,
    )


if __name__ == "__main__":
    sys.exit(catalog_tsv.main(build))

#!/usr/bin/env python3
"""Imports OpenSSL's libssl reason codes (SSL_R_*) into Content/catalogs/ssl-reason.tsv.

Sources on Debian 12:
  S1 /usr/include/openssl/sslerr.h (libssl-dev): `#define SSL_R_xxx N`.
  S2 /usr/include/openssl/err.h (libssl-dev): ERR_LIB_SSL, ERR_LIB_OFFSET, ERR_LIB_MASK, to pack the
     error code as OpenSSL 3 prints it (ERR_PACK(ERR_LIB_SSL, 0, reason): 0A000086).
  S3 `openssl errstr CODE...` (openssl): the reason text, as in
     "error:0A000086:SSL routines::certificate verify failed".
  S4 /usr/include/openssl/ssl.h (libssl-dev): SSL_AD_REASON_OFFSET, for the alert number of the
     reasons that stand for a received TLS alert (`alert=`).
"""
from __future__ import annotations

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import catalog_tsv  # noqa: E402
from catalog_tsv import Catalog, Entry, Source  # noqa: E402

INCLUDE = "/usr/include/openssl"
SSLERR_H = f"{INCLUDE}/sslerr.h"
ERR_H = f"{INCLUDE}/err.h"
SSL_H = f"{INCLUDE}/ssl.h"
PREFIX = "SSL_R_"
# codes per openssl errstr invocation
BATCH = 100


def read(path: str) -> str:
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def define_value(path: str, name: str) -> int:
    match = re.search(rf"^#\s*define\s+{name}\s+(0[xX][0-9a-fA-F]+|\d+)L?\b", read(path), flags=re.M)
    if not match:
        raise ValueError(f"{path}: no {name}")
    return int(match.group(1), 0)


def reason_codes() -> list[tuple[int, str]]:
    pairs = re.findall(r"^#\s*define\s+(SSL_R_\w+)\s+(\S+)", read(SSLERR_H), flags=re.M)
    codes = []
    for name, value in pairs:
        if not value.isdigit():
            raise ValueError(f"{SSLERR_H}: {name} is {value}, not a number")
        codes.append((int(value), name))
    numbers = [n for n, _ in codes]
    if len(set(numbers)) != len(numbers):
        raise ValueError(f"{SSLERR_H}: a reason number is defined twice")
    return sorted(codes)


def errstr(codes: list[str]) -> dict[str, str]:
    """openssl errstr's reason text per packed code; "" when it only knows reason(N)."""
    texts: dict[str, str] = {}
    for start in range(0, len(codes), BATCH):
        batch = codes[start:start + BATCH]
        out = catalog_tsv.require_command(["openssl", "errstr", *batch], "openssl")
        for line in out.splitlines():
            match = re.fullmatch(r"error:([0-9A-F]{8}):SSL routines:[^:]*:(.*)", line)
            if not match:
                raise ValueError(f"openssl errstr: unexpected line {line!r}")
            text = match.group(2)
            texts[match.group(1)] = "" if re.fullmatch(r"reason\(\d+\)", text) else text
    missing = set(codes) - set(texts)
    if missing:
        raise ValueError(f"openssl errstr did not answer for {sorted(missing)}")
    return texts


def build() -> Catalog:
    for path in (SSLERR_H, ERR_H, SSL_H):
        catalog_tsv.require_file(path, "libssl-dev")
    dev = catalog_tsv.package_version("libssl-dev")
    sources = [
        Source("S1", "libssl-dev", dev, SSLERR_H, "names and numbers"),
        Source("S2", "libssl-dev", dev, ERR_H, "ERR_LIB_SSL and ERR_LIB_OFFSET (packed=)"),
        Source("S3", "openssl", catalog_tsv.package_version("openssl"), "openssl errstr", "messages"),
        Source("S4", "libssl-dev", dev, SSL_H, "SSL_AD_REASON_OFFSET (alert=)"),
    ]
    lib = define_value(ERR_H, "ERR_LIB_SSL") & define_value(ERR_H, "ERR_LIB_MASK")
    shift = define_value(ERR_H, "ERR_LIB_OFFSET")
    reason_mask = define_value(ERR_H, "ERR_REASON_MASK")
    alert_offset = define_value(SSL_H, "SSL_AD_REASON_OFFSET")

    codes = reason_codes()
    packed = {}
    for number, name in codes:
        if number & ~reason_mask:
            raise ValueError(f"{name} {number} does not fit ERR_REASON_MASK")
        packed[number] = f"{(lib << shift) | number:08X}"
    texts = errstr(sorted(packed.values()))

    entries = []
    without_text = []
    for number, name in codes:
        # The packed code too: `error:0A000086:SSL routines::...` is what OpenSSL 3 prints.
        entry = Entry(number=str(number), name=name, aliases=[name[len(PREFIX):], packed[number]],
                      details=[("packed", packed[number])], sources=["S1", "S2"])
        text = texts[packed[number]]
        if text:
            entry.message = text
            entry.sources.append("S3")
        else:
            without_text.append(name)
        if alert_offset <= number < alert_offset + 256:
            entry.group = "alert"
            entry.details.append(("alert", str(number - alert_offset)))
            entry.sources.append("S4")
        entries.append(entry)

    notes = [
        "number: the reason code (ERR_GET_REASON); packed: the error code OpenSSL 3 prints, "
        "ERR_PACK(ERR_LIB_SSL, 0, reason), as in error:0A000086:SSL routines::certificate verify failed.",
        "aliases: the name without the SSL_R_ prefix, which Python's ssl module shows as "
        "[SSL: CERTIFICATE_VERIFY_FAILED], and the packed code.",
        f"group alert: the reason stands for a TLS alert received from the peer (reason - "
        f"SSL_AD_REASON_OFFSET {alert_offset} = alert=, see the tls-alert catalog); OpenSSL appends "
        "SSL alert number N to such errors.",
    ]
    if without_text:
        notes.append("openssl errstr knows no text for " + ", ".join(without_text) + ": no message.")

    return Catalog(
        catalog="ssl-reason",
        family="openssl",
        family_title="OpenSSL and TLS errors",
        title="OpenSSL libssl error reasons (SSL_R_*, sslerr.h)",
        category="tls",
        words=["ssl reason"],
        importer="python3 scripts/catalogs/ssl_reason.py",
        licence=("OpenSSL 3 is under the Apache License 2.0 (Copyright The OpenSSL Project Authors), which "
                 "permits copying with attribution; only constant names, reason numbers and the short reason "
                 "strings of openssl errstr are carried."),
        sources=sources,
        entries=entries,
        notes=notes,
    )


if __name__ == "__main__":
    sys.exit(catalog_tsv.main(build))

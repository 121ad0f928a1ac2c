#!/usr/bin/env python3
"""Imports the TLS alert descriptions OpenSSL knows (SSL_AD_*) into Content/catalogs/tls-alert.tsv.

Sources on Debian 12:
  S1 /usr/include/openssl/ssl.h (libssl-dev): `#define SSL_AD_xxx SSL3_AD_xxx|TLS1_AD_xxx|TLS13_AD_xxx`
     and SSL_AD_REASON_OFFSET.
  S2 /usr/include/openssl/ssl3.h (libssl-dev): SSL3_AD_xxx numbers.
  S3 /usr/include/openssl/tls1.h (libssl-dev): TLS1_AD_xxx and TLS13_AD_xxx numbers.
  S4 SSL_alert_desc_string_long() of libssl.so.3 (libssl3): the message.
  S5 /usr/include/openssl/sslerr.h (libssl-dev): the SSL_R_ reason that OpenSSL raises when it receives
     the alert (SSL_AD_REASON_OFFSET + alert number).
  S6 `openssl errstr` (openssl): the text of that reason, as in
     "error:0A000410:SSL routines::sslv3 alert handshake failure ... SSL alert number 40".
"""
from __future__ import annotations

import ctypes
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import catalog_tsv  # noqa: E402
from catalog_tsv import Catalog, Entry, Source  # noqa: E402

INCLUDE = "/usr/include/openssl"
SSL_H = f"{INCLUDE}/ssl.h"
SSL3_H = f"{INCLUDE}/ssl3.h"
TLS1_H = f"{INCLUDE}/tls1.h"
SSLERR_H = f"{INCLUDE}/sslerr.h"
ERR_H = f"{INCLUDE}/err.h"
LIBSSL = "libssl.so.3"
LIBSSL_PATH = "/usr/lib/x86_64-linux-gnu/libssl.so.3"


def read(path: str) -> str:
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def defines(path: str, pattern: str) -> list[tuple[str, str]]:
    """(name, value) of each `#define NAME VALUE` whose name matches pattern, in file order."""
    return re.findall(rf"^#\s*define\s+({pattern})\s+(\w+)", read(path), flags=re.M)


def numeric(pairs: list[tuple[str, str]], path: str) -> dict[str, int]:
    out = {}
    for name, value in pairs:
        if not value.isdigit():
            raise ValueError(f"{path}: {name} is {value}, not a number")
        out[name] = int(value)
    return out


def err_define(name: str) -> int:
    match = re.search(rf"^#\s*define\s+{name}\s+(0[xX][0-9a-fA-F]+|\d+)L?\b", read(ERR_H), flags=re.M)
    if not match:
        raise ValueError(f"{ERR_H}: no {name}")
    return int(match.group(1), 0)


def packed_ssl_code(reason: int) -> str:
    """ERR_PACK(ERR_LIB_SSL, 0, reason) of OpenSSL 3, as openssl errstr prints it (0A000086)."""
    code = ((err_define("ERR_LIB_SSL") & err_define("ERR_LIB_MASK")) << err_define("ERR_LIB_OFFSET")) | reason
    return f"{code:08X}"


def errstr(codes: list[str]) -> dict[str, str]:
    """The reason text openssl errstr gives for each packed code; "" when it only knows reason(N)."""
    out = catalog_tsv.require_command(["openssl", "errstr", *codes], "openssl")
    texts = {}
    for line in out.splitlines():
        match = re.fullmatch(r"error:([0-9A-F]{8}):SSL routines:[^:]*:(.*)", line)
        if not match:
            raise ValueError(f"openssl errstr: unexpected line {line!r}")
        texts[match.group(1)] = "" if re.fullmatch(r"reason\(\d+\)", match.group(2)) else match.group(2)
    missing = set(codes) - set(texts)
    if missing:
        raise ValueError(f"openssl errstr did not answer for {sorted(missing)}")
    return texts


def build() -> Catalog:
    for path in (SSL_H, SSL3_H, TLS1_H, SSLERR_H, ERR_H):
        catalog_tsv.require_file(path, "libssl-dev")
    catalog_tsv.require_file(LIBSSL_PATH, "libssl3")
    dev = catalog_tsv.package_version("libssl-dev")
    sources = [
        Source("S1", "libssl-dev", dev, SSL_H, "SSL_AD_ names and their SSL3_AD_/TLS1_AD_/TLS13_AD_ targets"),
        Source("S2", "libssl-dev", dev, SSL3_H, "numbers of SSL3_AD_ alerts (aliases)"),
        Source("S3", "libssl-dev", dev, TLS1_H, "numbers of TLS1_AD_ and TLS13_AD_ alerts (aliases)"),
        Source("S4", "libssl3", catalog_tsv.package_version("libssl3"),
               "SSL_alert_desc_string_long() in " + LIBSSL_PATH, "messages"),
        Source("S5", "libssl-dev", dev, SSLERR_H, "SSL_R_ reason raised on receiving the alert (ssl_reason=)"),
        Source("S6", "openssl", catalog_tsv.package_version("openssl"), "openssl errstr",
               "text of that reason (reason_text=)"),
    ]

    ssl_ad = defines(SSL_H, r"SSL_AD_\w+")
    offset = None
    targets: dict[str, str] = {}
    for name, value in ssl_ad:
        if name == "SSL_AD_REASON_OFFSET":
            offset = int(value)
        else:
            targets[name] = value
    if offset is None:
        raise ValueError(f"{SSL_H}: no SSL_AD_REASON_OFFSET")
    ssl3 = numeric(defines(SSL3_H, r"SSL3_AD_\w+"), SSL3_H)
    tls1 = numeric(defines(TLS1_H, r"TLS1_AD_\w+|TLS13_AD_\w+"), TLS1_H)
    protocol = {**ssl3, **tls1}
    defined_in = {**{n: "S2" for n in ssl3}, **{n: "S3" for n in tls1}}
    by_number: dict[int, list[str]] = {}
    for name, number in protocol.items():
        by_number.setdefault(number, []).append(name)

    reasons = {number: name for name, number in numeric(defines(SSLERR_H, r"SSL_R_\w+"), SSLERR_H).items()}

    library = ctypes.CDLL(LIBSSL)
    describe = library.SSL_alert_desc_string_long
    describe.restype = ctypes.c_char_p
    describe.argtypes = [ctypes.c_int]
    fallback = describe(-1).decode("utf-8")       # the text for an alert it does not know: "unknown"

    rows = []
    for name, target in targets.items():
        if target not in protocol:
            raise ValueError(f"{SSL_H}: {name} refers to {target}, which ssl3.h/tls1.h do not define")
        rows.append((protocol[target], name))
    referenced = {protocol[t] for t in targets.values()}
    unreferenced = sorted(set(by_number) - referenced)
    if unreferenced:
        raise ValueError(f"alert numbers without an SSL_AD_ name: {unreferenced}")
    numbers = [number for number, _ in rows]
    if len(set(numbers)) != len(numbers):
        raise ValueError("two SSL_AD_ names share an alert number")

    reason_codes = {number: packed_ssl_code(offset + number) for number in numbers if offset + number in reasons}
    reason_texts = errstr(sorted(reason_codes.values()))

    entries = []
    without_text = []
    for number, name in sorted(rows):
        entry = Entry(number=str(number), name=name, aliases=sorted(by_number[number]), sources=["S1"])
        entry.sources += sorted({defined_in[a] for a in by_number[number]})
        text = describe(number).decode("utf-8")
        if text == fallback:
            without_text.append(f"{number} {name}")
        else:
            entry.message = text
            entry.sources.append("S4")
        if number in reason_codes:
            entry.details.append(("ssl_reason", reasons[offset + number]))
            entry.sources.append("S5")
            if reason_texts[reason_codes[number]]:
                entry.details.append(("reason_text", reason_texts[reason_codes[number]]))
                entry.details.append(("packed", reason_codes[number]))
                entry.sources.append("S6")
        entries.append(entry)

    notes = [
        "number: the alert description byte of the TLS alert record, the N of SSL alert number N in "
        "OpenSSL's error lines.",
        "message: SSL_alert_desc_string_long(number), as openssl s_client prints it "
        "(SSL3 alert read:fatal:handshake failure).",
        f"details: ssl_reason is the SSL_R_ reason (SSL_AD_REASON_OFFSET {offset} + number, from ssl.h) "
        "that OpenSSL raises when it receives the alert, reason_text its text from openssl errstr and "
        "packed its packed error code (see the ssl-reason catalog).",
    ]
    if without_text:
        notes.append(f"SSL_alert_desc_string_long() returns its fallback text {fallback!r} for "
                     + ", ".join(without_text) + ": those entries have no message.")

    return Catalog(
        catalog="tls-alert",
        family="openssl",
        family_title="OpenSSL and TLS errors",
        title="TLS alert descriptions as OpenSSL names them (SSL_AD_*, ssl.h)",
        category="tls",
        words=["tls alert", "ssl alert number", "alert"],
        importer="python3 scripts/catalogs/tls_alert.py",
        licence=("OpenSSL 3 is under the Apache License 2.0 (Copyright The OpenSSL Project Authors), which "
                 "permits copying with attribution; only constant names, alert numbers and the short strings "
                 "of SSL_alert_desc_string_long() and openssl errstr are carried."),
        sources=sources,
        entries=entries,
        notes=notes,
    )


if __name__ == "__main__":
    sys.exit(catalog_tsv.main(build))

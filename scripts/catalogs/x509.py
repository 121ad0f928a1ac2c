#!/usr/bin/env python3
"""Imports OpenSSL's certificate verification codes (X509_V_*) into Content/catalogs/x509.tsv.

Sources on Debian 12:
  S1 /usr/include/openssl/x509_vfy.h (package libssl-dev): `#define X509_V_ERR_xxx N` and X509_V_OK.
  S2 X509_verify_cert_error_string(N) of libcrypto.so.3 (package libssl3): the message, the text of
     "verify error:num=20:unable to get local issuer certificate".
"""
from __future__ import annotations

import ctypes
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import catalog_tsv  # noqa: E402
from catalog_tsv import Catalog, Entry, Source  # noqa: E402

HEADER = "/usr/include/openssl/x509_vfy.h"
LIBCRYPTO = "libcrypto.so.3"
LIBCRYPTO_PATH = "/usr/lib/x86_64-linux-gnu/libcrypto.so.3"
PREFIX = "X509_V_ERR_"


def header_codes(path: str) -> list[tuple[int, str]]:
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    codes = [(int(number), name) for name, number in
             re.findall(r"^#\s*define\s+(X509_V_OK|X509_V_ERR_\w+)\s+(\d+)\b", text, flags=re.M)]
    numbers = [n for n, _ in codes]
    if len(set(numbers)) != len(numbers):
        raise ValueError(f"{path}: a number is defined twice")
    return sorted(codes)


def verify_strings(numbers: list[int]) -> dict[int, str]:
    library = ctypes.CDLL(LIBCRYPTO)
    function = library.X509_verify_cert_error_string
    function.restype = ctypes.c_char_p
    function.argtypes = [ctypes.c_long]
    return {n: function(n).decode("utf-8") for n in numbers}


def build() -> Catalog:
    catalog_tsv.require_file(HEADER, "libssl-dev")
    catalog_tsv.require_file(LIBCRYPTO_PATH, "libssl3")
    sources = [
        Source("S1", "libssl-dev", catalog_tsv.package_version("libssl-dev"), HEADER, "names and numbers"),
        Source("S2", "libssl3", catalog_tsv.package_version("libssl3"),
               "X509_verify_cert_error_string() in " + LIBCRYPTO_PATH, "messages"),
    ]
    codes = header_codes(HEADER)
    messages = verify_strings([n for n, _ in codes])
    # The text libcrypto returns for a number it has no string for: never a message of its own.
    fallback = verify_strings([-1])[-1]
    entries = []
    for number, name in codes:
        message = messages[number]
        if message == fallback:
            raise ValueError(f"{name} ({number}) has no string in libcrypto: {message!r}")
        aliases = [name[len(PREFIX):]] if name.startswith(PREFIX) else []
        entries.append(Entry(number=str(number), name=name, aliases=aliases, message=message,
                             sources=["S1", "S2"]))
    return Catalog(
        catalog="x509",
        family="openssl",
        family_title="OpenSSL and TLS errors",
        title="OpenSSL certificate verification results (X509_V_ERR_*, x509_vfy.h)",
        category="tls",
        words=["x509", "verify error num", "verify return code"],
        importer="python3 scripts/catalogs/x509.py",
        licence=("OpenSSL 3 is under the Apache License 2.0 (Copyright The OpenSSL Project Authors), which "
                 "permits copying with attribution; only the constant names, their numbers and the short "
                 "strings of X509_verify_cert_error_string() are carried."),
        sources=sources,
        entries=entries,
        notes=[
            "message: X509_verify_cert_error_string(number); openssl s_client prints it as "
            "verify error:num=N:message and Verify return code: N (message), openssl verify as "
            "error N at D depth lookup: message.",
            "aliases: the name without the X509_V_ERR_ prefix, which is what Node.js reports as err.code "
            "(CERT_HAS_EXPIRED; see the OpenSSL Error Codes section of Node.js' errors.md).",
        ],
    )


if __name__ == "__main__":
    sys.exit(catalog_tsv.main(build))

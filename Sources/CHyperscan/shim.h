// Hyperscan's C API (Intel Hyperscan or Vectorscan, the same header), for its types and constants
// only: errwiki loads libhs.so.5 with dlopen when `diagnose` needs it (HyperscanLibrary.swift), so no
// other command pays for loading it, and a machine without it still diagnoses with the Swift matcher.
#include <hs/hs.h>

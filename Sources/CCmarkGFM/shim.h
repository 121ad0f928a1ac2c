#ifndef ERRWIKI_CCMARKGFM_SHIM_H
#define ERRWIKI_CCMARKGFM_SHIM_H

#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

// Node types registered by the extensions. Debian's headers do not declare them; they read 0 until
// cmark_gfm_core_extensions_ensure_registered() has run. Swift 6 rejects reading mutable C globals,
// so they are read through these functions.
extern cmark_node_type CMARK_NODE_TABLE;
extern cmark_node_type CMARK_NODE_TABLE_ROW;
extern cmark_node_type CMARK_NODE_TABLE_CELL;
extern cmark_node_type CMARK_NODE_STRIKETHROUGH;

static inline cmark_node_type errwiki_node_table(void) { return CMARK_NODE_TABLE; }
static inline cmark_node_type errwiki_node_table_row(void) { return CMARK_NODE_TABLE_ROW; }
static inline cmark_node_type errwiki_node_table_cell(void) { return CMARK_NODE_TABLE_CELL; }
static inline cmark_node_type errwiki_node_strikethrough(void) { return CMARK_NODE_STRIKETHROUGH; }

#endif

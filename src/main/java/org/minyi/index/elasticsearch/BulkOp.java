package org.minyi.index.elasticsearch;

/** One document to index: where, under which id, and its JSON. */
record BulkOp(String index, String id, byte[] document) {
}

package org.minyi.collect.crawl;

/** HTTP cache validators remembered from the last fetch, sent back as a conditional GET. Either may be null. */
record Validators(String etag, String lastModified) {

    static final Validators NONE = new Validators(null, null);

    boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}

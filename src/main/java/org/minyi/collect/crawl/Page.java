package org.minyi.collect.crawl;

import java.net.URI;
import java.nio.charset.Charset;

/**
 * One fetched answer. {@code uri} is where the content really came from (after redirects), so relative links
 * resolve correctly. A 304 answer has no body.
 */
record Page(URI uri, int status, byte[] body, Charset charset, Validators validators) {

    boolean notModified() {
        return status == 304;
    }

    String html() {
        return new String(body, charset);
    }
}

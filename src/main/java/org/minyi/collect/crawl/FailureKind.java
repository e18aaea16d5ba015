package org.minyi.collect.crawl;

/** Why a page could not be used; counted per source in {@link CrawlStatus#errorsByKind()}. */
public enum FailureKind {
    /** robots.txt forbids the URL for our user agent. */
    ROBOTS_DISALLOWED,
    /** Not http/https, or a loopback/private address the source does not allow. */
    BLOCKED_ADDRESS,
    /** 4xx answer (404, 410, 403, ...). */
    HTTP_CLIENT_ERROR,
    /** 5xx answer after every retry. */
    HTTP_SERVER_ERROR,
    /** No complete answer within the source's timeout. */
    TIMEOUT,
    /** Body larger than the source's max-page-kb. */
    OVERSIZED,
    /** More redirects than max-redirects, or a redirect loop. */
    TOO_MANY_REDIRECTS,
    /** Connection refused, reset, unknown host. */
    NETWORK,
    /** The page was fetched but held no usable item (no body text). */
    NO_CONTENT,
    /** The message sink threw; the item is fetched again next run. */
    SINK_REJECTED,
    /** A bug or an unforeseen page shape; the log has the stack trace. */
    UNEXPECTED
}

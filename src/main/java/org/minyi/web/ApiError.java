package org.minyi.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every error answer: a stable {@code code} for programs and a {@code message} a person can act on, in
 * Chinese unless the caller asked for English ({@link Language}); never a Java class name. A query syntax error
 * adds the {@code position} (from 0) of the problem in the query.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String code, String message, Integer position) {

    public ApiError(String code, String message) {
        this(code, message, null);
    }

    /** An error of the generic kind of an HTTP status ("bad_request", "not_found"…). */
    public ApiError(int status, String message) {
        this(codeOf(status), message, null);
    }

    static String codeOf(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_requests";
            case 503 -> "unavailable";
            case 507 -> "insufficient_storage";
            default -> status >= 500 ? "internal" : "bad_request";
        };
    }
}

package org.minyi.web;

/** The body of every error answer: what was wrong, in words a caller can act on. */
public record ApiError(int status, String error) {
}

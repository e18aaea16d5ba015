package org.minyi.web;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What a controller adds to the audit event of the request it handles (see {@link AuditFilter}): the row count of
 * an export, the roles given to a user. Kept as request attributes; outside a request it does nothing.
 */
public final class Audited {

    static final String DETAIL = Audited.class.getName() + ".detail";
    static final String ROWS = Audited.class.getName() + ".rows";

    private Audited() {
    }

    public static void detail(String text) {
        set(DETAIL, text);
    }

    public static void rows(long count) {
        set(ROWS, count);
    }

    private static void set(String name, Object value) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(name, value, RequestAttributes.SCOPE_REQUEST);
        }
    }
}

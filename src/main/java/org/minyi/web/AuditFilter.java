package org.minyi.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.minyi.audit.AuditEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records who read which message, who exported what and who changed what, with the answer's status — refused
 * attempts included: it sits in the security chain after login and before access is decided.
 */
public final class AuditFilter extends OncePerRequestFilter {

    private final AuditTrail trail;
    private final Clock clock;

    public AuditFilter(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return action(request.getMethod(), path(request)) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            if (user != null && user.isAuthenticated() && !"anonymousUser".equals(user.getName())) {
                String path = path(request);
                Object rows = request.getAttribute(Audited.ROWS);
                Object detail = request.getAttribute(Audited.DETAIL);
                trail.record(new AuditEvent(clock.instant(), user.getName(), action(request.getMethod(), path),
                        target(path), detail != null ? detail.toString() : query(request), response.getStatus(),
                        rows instanceof Long count ? count : null));
            }
        }
    }

    /** The audited action of a request, or null for requests that are not audited (searches, pages, charts). */
    static String action(String method, String path) {
        if (!path.startsWith("/api/")) {
            return null;
        }
        String[] parts = path.substring(5).split("/");
        String resource = parts[0];
        boolean one = parts.length > 1;
        if (method.equals("GET")) {
            return switch (resource) {
                case "messages" -> one ? "message.view" : null;
                case "export" -> "export";
                case "reports" -> "report";   // a briefing quotes messages, like an export
                case "audit" -> one && parts[1].equals("export") ? "audit.export" : "audit.view";
                default -> null;
            };
        }
        if (resource.equals("analyze")) {
            return null; // analyses a text, changes nothing
        }
        String verb = switch (method) {
            case "DELETE" -> "remove";
            case "POST" -> "create";
            default -> "save";
        };
        return switch (resource) {
            case "users" -> "user." + verb;
            case "subscriptions" -> "rule." + verb;
            case "dictionary" -> "dictionary." + verb;
            case "saved-searches" -> "saved_search." + verb;
            case "imports" -> "import." + verb;
            case "crawls" -> "crawl." + verb;
            default -> "change." + resource;
        };
    }

    /** The last part of the path: the message id, user name or rule id acted on. */
    private static String target(String path) {
        String[] parts = path.substring(5).split("/");
        return parts.length > 1 ? URLDecoder.decode(parts[parts.length - 1], StandardCharsets.UTF_8) : null;
    }

    /** The filters of an export or other read, as given. */
    private static String query(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? null : URLDecoder.decode(query, StandardCharsets.UTF_8);
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length())
                : uri;
    }
}

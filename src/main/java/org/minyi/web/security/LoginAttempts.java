package org.minyi.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every login attempt, by form or HTTP Basic, passes here first: attempts for a user name or from an address that
 * {@link LoginThrottle} refuses are answered 429 (for a form login, a page saying why and for how long) before
 * any password is checked. {@link LoginOutcomes} feeds the throttle. Not a bean: a filter bean would also be
 * registered with the servlet container, outside the security chain.
 */
public final class LoginAttempts extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(LoginAttempts.class);

    private final LoginThrottle throttle;

    public LoginAttempts(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = attemptedUser(request);
        if (user != null) {
            Optional<Duration> refused = throttle.refusedFor(user, request.getRemoteAddr());
            if (refused.isPresent()) {
                refuse(request, response, user, refused.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The user name a request tries to log in as, or null when it carries no credentials. */
    static String attemptedUser(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return null; // not Base64: Spring refuses it without checking any password
            }
        }
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            String user = request.getParameter("username");
            return user == null ? "" : user;
        }
        return null;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String user, Duration wait)
            throws IOException {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
        String reason = "too many failed logins for this user or from this address; try again in " + seconds
                + " seconds (登录失败次数过多，请 " + seconds + " 秒后再试)";
        LOG.warn("login refused for user '{}' from {}: locked for {} s after repeated failures", printable(user),
                request.getRemoteAddr(), seconds);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setCharacterEncoding("UTF-8");
        if (request.getHeader("Authorization") == null) {
            // a browser at the login form: a page saying why and when, with the way back (the login page itself
            // only ever says "invalid credentials")
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                    + "<title>MinYi 登录</title></head><body style=\"font-family:sans-serif;max-width:32em;margin:3em auto\">"
                    + "<h1>登录暂不可用 Login paused</h1><p>" + reason + "</p><p><a href=\"" + request.getContextPath()
                    + "/login\">返回登录 Back to the login</a></p></body></html>");
            return;
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"status\":429,\"error\":\"" + reason + "\"}");
    }

    /** A name as typed by anybody, fit for one log line: no control characters, at most 64 characters. */
    static String printable(String name) {
        if (name == null) {
            return "";
        }
        String clean = name.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() <= 64 ? clean : clean.substring(0, 64) + "…";
    }
}

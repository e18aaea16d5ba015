package org.minyi.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.session.SessionInformationExpiredEvent;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;

/**
 * Ends the browser sessions of a user whose password, roles or existence changed: a session keeps the rights it
 * was opened with, so a demoted, re-keyed or removed user's old cookie would go on searching and exporting. The
 * next request on such a session is answered 401 (scripts) or sent to the login page (pages). HTTP Basic clients
 * have no session: their password and roles are checked against the store on every request.
 */
final class UserSessions implements SessionInformationExpiredStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(UserSessions.class);
    static final String ENDED = "your session ended because your user was changed or removed; log in again"
            + " (用户已变更，请重新登录)";

    private final SessionRegistry registry;

    UserSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Marks every session of {@code user} as ended. */
    void end(String user) {
        int ended = 0;
        for (Object principal : registry.getAllPrincipals()) {
            String name = principal instanceof UserDetails details ? details.getUsername() : String.valueOf(principal);
            if (name.equals(user)) {
                for (SessionInformation session : registry.getAllSessions(principal, false)) {
                    session.expireNow();
                    ended++;
                }
            }
        }
        if (ended > 0) {
            LOG.info("user {} changed: ended {} session(s)", user, ended);
        }
    }

    @Override
    public void onExpiredSessionDetected(SessionInformationExpiredEvent event) throws IOException {
        HttpServletRequest request = event.getRequest();
        HttpServletResponse response = event.getResponse();
        String path = request.getServletPath();
        if (path.startsWith("/api/") || "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"status\":401,\"error\":\"" + ENDED + "\"}");
        } else {
            response.sendRedirect(request.getContextPath() + "/login?expired");
        }
    }
}

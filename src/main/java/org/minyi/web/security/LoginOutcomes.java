package org.minyi.web.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Hears how every checked login ended (Spring Security publishes it, form and HTTP Basic alike): a failure counts
 * against the name and the address in the {@link LoginThrottle} and is logged with both, a success clears the name.
 */
final class LoginOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(LoginOutcomes.class);

    private final LoginThrottle throttle;

    LoginOutcomes(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        String user = event.getAuthentication().getName();
        String address = address(event.getAuthentication());
        throttle.failed(user, address);
        LOG.warn("login failed for user '{}' from {}: {} ({} failures within the window)",
                LoginAttempts.printable(user), address, event.getException().getClass().getSimpleName(),
                throttle.failuresOf(user));
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        throttle.succeeded(event.getAuthentication().getName());
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
                : "unknown";
    }
}

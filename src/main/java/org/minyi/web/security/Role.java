package org.minyi.web.security;

import java.util.Locale;

/**
 * What a user may do. Admins run sources, dictionaries and users; managers search and read messages; leaders see
 * the dashboard; subscribers keep their own alert subscriptions. Every role may keep subscriptions.
 */
public enum Role {
    ADMIN, MANAGER, LEADER, SUBSCRIBER;

    /** The Spring Security authority name, {@code ROLE_ADMIN} etc. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Role parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown role '" + value + "'; expected admin, manager, leader or subscriber");
        }
    }
}

package org.minyi.web.security;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A user as stored: the name, a BCrypt hash of the password (never the password) and the roles.
 */
public record UserAccount(String name, String passwordHash, Set<Role> roles) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    public UserAccount {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("user name must be 1-64 letters, digits, '.', '_', '@' or '-', was '"
                    + name + "'");
        }
        if (passwordHash == null || passwordHash.isBlank()) {
            throw new IllegalArgumentException("user " + name + " has no password hash");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("user " + name + " has no role");
        }
        roles = Set.copyOf(roles);
    }
}

package org.minyi.web.security;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A user as stored: the name, a BCrypt hash of the password (never the password), the roles and the regions the user
 * is bound to (a district office sees only its district; empty: every region).
 */
public record UserAccount(String name, String passwordHash, Set<Role> roles, Set<String> regions) {

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
        regions = regions == null ? Set.of() : Set.copyOf(regions.stream().map(String::strip)
                .filter(r -> !r.isEmpty()).toList());
    }

    /** A user who sees every region. */
    public UserAccount(String name, String passwordHash, Set<Role> roles) {
        this(name, passwordHash, roles, Set.of());
    }
}

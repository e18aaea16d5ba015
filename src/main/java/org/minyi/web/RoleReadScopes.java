package org.minyi.web;

import java.util.Set;
import org.minyi.alert.ReadScope;
import org.minyi.alert.ReadScopes;
import org.minyi.alert.Rule;
import org.minyi.web.security.Role;
import org.minyi.web.security.UserStore;

/**
 * What a user may read, from their roles as they are now (a demoted user's rules shrink with them): admins and
 * managers search every message, leaders see the dashboard's hotspots, subscribers read nothing of their own.
 * Jurisdictions plug in here: a user bound to regions gets {@link ReadScope#regions} of them.
 */
final class RoleReadScopes implements ReadScopes {

    private final UserStore users;

    RoleReadScopes(UserStore users) {
        this.users = users;
    }

    @Override
    public ReadScope of(String user) {
        return user == null ? ReadScope.NOTHING
                : users.find(user).map(account -> of(account.roles())).orElse(ReadScope.NOTHING);
    }

    /**
     * A rule saved before owners were kept: by its subscriber when that is a user (who could only save their own),
     * else it was made by an admin or manager for a name that is not a user, and reads what they read.
     */
    @Override
    public ReadScope ofOwner(Rule rule) {
        if (rule.owner() != null) {
            return of(rule.owner());
        }
        return users.find(rule.subscriber()).map(account -> of(account.roles())).orElse(ReadScope.EVERYTHING);
    }

    static ReadScope of(Set<Role> roles) {
        if (roles.contains(Role.ADMIN) || roles.contains(Role.MANAGER)) {
            return ReadScope.EVERYTHING;
        }
        return roles.contains(Role.LEADER) ? ReadScope.HOTSPOTS : ReadScope.NOTHING;
    }
}

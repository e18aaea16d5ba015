package org.minyi.web;

import java.util.Set;
import org.minyi.alert.ReadScope;
import org.minyi.alert.ReadScopes;
import org.minyi.alert.Rule;
import org.minyi.web.security.Role;
import org.minyi.web.security.UserStore;

/**
 * What a user may read, from their roles and jurisdiction as they are now (a demoted or re-bound user's rules shrink
 * with them): admins and managers every message, leaders the dashboard's hotspots, each within the regions they are
 * bound to; a subscriber reads nothing of their own unless an admin binds them to regions, and then the messages and
 * hotspots of those regions.
 */
final class RoleReadScopes implements ReadScopes {

    private final UserStore users;

    RoleReadScopes(UserStore users) {
        this.users = users;
    }

    @Override
    public ReadScope of(String user) {
        return user == null ? ReadScope.NOTHING
                : users.find(user).map(RoleReadScopes::of).orElse(ReadScope.NOTHING);
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
        return users.find(rule.subscriber()).map(RoleReadScopes::of).orElse(ReadScope.EVERYTHING);
    }

    static ReadScope of(org.minyi.web.security.UserAccount account) {
        Set<String> regions = account.regions();
        ReadScope byRole = of(account.roles());
        if (byRole == ReadScope.NOTHING && regions != null && !regions.isEmpty()) {
            return ReadScope.regions(regions);
        }
        return byRole.within(regions);
    }

    static ReadScope of(Set<Role> roles) {
        if (roles.contains(Role.ADMIN) || roles.contains(Role.MANAGER)) {
            return ReadScope.EVERYTHING;
        }
        return roles.contains(Role.LEADER) ? ReadScope.HOTSPOTS : ReadScope.NOTHING;
    }
}

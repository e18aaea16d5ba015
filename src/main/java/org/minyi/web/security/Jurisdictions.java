package org.minyi.web.security;

import java.util.Set;
import org.minyi.access.Jurisdiction;
import org.minyi.index.MessageIndex;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Which regions the caller may read, from their user account; every read endpoint asks here. */
@Component
public final class Jurisdictions {

    private final UserStore users;

    Jurisdictions(UserStore users) {
        this.users = users;
    }

    /** The caller's jurisdiction; a caller without an account (removed meanwhile) sees nothing. */
    public Jurisdiction of(Authentication caller) {
        if (caller == null) {
            return new Jurisdiction(Set.of());
        }
        return users.find(caller.getName()).map(account -> Jurisdiction.of(account.regions()))
                .orElseGet(() -> new Jurisdiction(Set.of()));
    }

    /** The index as the caller may read it. */
    public MessageIndex index(MessageIndex index, Authentication caller) {
        return of(caller).view(index);
    }
}

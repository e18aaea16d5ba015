package org.minyi.web;

import java.util.Optional;
import java.util.Set;
import org.minyi.access.Jurisdiction;
import org.minyi.alert.Rule;
import org.minyi.delivery.ReportReaders;
import org.minyi.web.security.Role;
import org.minyi.web.security.UserAccount;
import org.minyi.web.security.UserStore;

/**
 * Who may read briefings, as the report page allows: admins, managers and leaders, each within the regions they are
 * bound to. A rule saved before owners were kept reads as its subscriber when that is a user, else (an admin's or
 * manager's rule for a name that is not a user) everywhere, as {@link RoleReadScopes#ofOwner} has it.
 */
final class RoleReportReaders implements ReportReaders {

    /** The roles /api/reports and /report.html admit (SecurityConfiguration). */
    static final Set<Role> READERS = Set.of(Role.ADMIN, Role.MANAGER, Role.LEADER);

    private final UserStore users;

    RoleReportReaders(UserStore users) {
        this.users = users;
    }

    @Override
    public Optional<Jurisdiction> of(Rule rule) {
        if (rule.owner() != null) {
            return users.find(rule.owner()).flatMap(RoleReportReaders::of);
        }
        return users.find(rule.subscriber()).map(RoleReportReaders::of)
                .orElse(Optional.of(Jurisdiction.EVERYWHERE));
    }

    /** Whether {@code user} may read briefings at all (the subscription page offers the weekly report then). */
    boolean mayRead(String user) {
        return users.find(user).flatMap(RoleReportReaders::of).isPresent();
    }

    private static Optional<Jurisdiction> of(UserAccount account) {
        return account.roles().stream().anyMatch(READERS::contains)
                ? Optional.of(Jurisdiction.of(account.regions())) : Optional.empty();
    }
}

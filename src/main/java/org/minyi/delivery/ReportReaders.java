package org.minyi.delivery;

import java.util.Optional;
import org.minyi.access.Jurisdiction;
import org.minyi.alert.Rule;

/**
 * Who may read briefings, and where: a rule's weekly report is made over what its owner could download from the
 * report page themselves, as that owner's rights are now (a demoted or re-bound user's reports shrink with them).
 */
@FunctionalInterface
public interface ReportReaders {

    /** Everyone reads every region: the command line and tests. */
    ReportReaders EVERYONE = rule -> Optional.of(Jurisdiction.EVERYWHERE);

    /** The regions the rule's owner may read briefings of; empty when they may read none. */
    Optional<Jurisdiction> of(Rule rule);
}

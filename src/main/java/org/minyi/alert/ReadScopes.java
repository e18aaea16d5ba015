package org.minyi.alert;

/**
 * Who may read what: the service answers from users' roles (and, later, their jurisdictions); the command line and
 * tests read everything.
 */
@FunctionalInterface
public interface ReadScopes {

    ReadScopes UNRESTRICTED = user -> ReadScope.EVERYTHING;

    /** The scope of a user by name; an unknown user reads nothing. */
    ReadScope of(String user);

    /** The scope a rule matches within: its owner's. */
    default ReadScope ofOwner(Rule rule) {
        return of(rule.owner() != null ? rule.owner() : rule.subscriber());
    }
}

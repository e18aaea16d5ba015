package org.minyi.alert;

import org.minyi.index.IndexedMessage;

/**
 * What the saved searches (专题) that rules watch ask of a message. The service backs it with its saved searches;
 * the alert package knows them only by id.
 */
@FunctionalInterface
public interface WatchedSearches {

    /** No saved searches: a rule that names one matches nothing. */
    WatchedSearches NONE = (id, message) -> false;

    /** Whether {@code message} meets saved search {@code id}; false when there is no such saved search. */
    boolean holds(String id, IndexedMessage message);
}

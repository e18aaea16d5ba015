package org.minyi.savedsearch;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.minyi.access.AccessRefused;
import org.minyi.index.MessageFilter;

/**
 * Saved searches as people use them: each sees their own and those shared with one of their roles; only the owner
 * and admins change or remove one. Alert rules use {@link #condition} to watch one.
 */
public final class SavedSearches {

    /** Who asks: the user name and their roles in lower case (admin, manager, leader, subscriber). */
    public record Viewer(String name, Set<String> roles) {
        public Viewer {
            roles = Set.copyOf(roles);
        }

        boolean admin() {
            return roles.contains("admin");
        }
    }

    /** What a person fills in; lists may be null. */
    public record Draft(String name, String query, List<String> topics, List<String> sentiments,
                        List<String> regions, List<String> channels, List<String> sources, List<String> sharedWith) {
    }

    private static final SecureRandom IDS = new SecureRandom();

    private final SavedSearchStore store;
    private final Clock clock;

    public SavedSearches(SavedSearchStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<SavedSearch> visibleTo(Viewer viewer) {
        return store.list().stream().filter(s -> sees(viewer, s)).toList();
    }

    /** @throws NoSuchElementException when there is none the viewer may see under that id */
    public SavedSearch get(String id, Viewer viewer) {
        return store.find(id).filter(s -> sees(viewer, s))
                .orElseThrow(() -> new NoSuchElementException("no saved search " + id));
    }

    public SavedSearch create(Draft draft, Viewer viewer) {
        Instant now = clock.instant();
        SavedSearch search = from(draft, "s-" + HexFormat.of().toHexDigits(IDS.nextInt()), viewer.name(), now, now);
        store.put(search);
        return search;
    }

    public SavedSearch update(String id, Draft draft, Viewer viewer) {
        SavedSearch old = mayChange(id, viewer);
        SavedSearch search = from(draft, id, old.owner(), old.created(), clock.instant());
        store.put(search);
        return search;
    }

    public void remove(String id, Viewer viewer) {
        mayChange(id, viewer);
        store.remove(id);
    }

    /** The messages a saved search follows, for an alert rule that watches it; empty when it was removed. */
    public Optional<MessageFilter> condition(String id) {
        return store.find(id).map(SavedSearch::filter);
    }

    private SavedSearch mayChange(String id, Viewer viewer) {
        SavedSearch search = get(id, viewer);
        if (!viewer.admin() && !search.owner().equals(viewer.name())) {
            throw new AccessRefused("专题“" + search.name() + "”由 " + search.owner() + " 创建，只有创建者和管理员可以修改",
                    "the saved search '" + search.name() + "' belongs to " + search.owner()
                            + "; only they and admins may change it");
        }
        return search;
    }

    private static boolean sees(Viewer viewer, SavedSearch search) {
        return viewer.admin() || search.owner().equals(viewer.name())
                || search.sharedWith().stream().anyMatch(viewer.roles()::contains);
    }

    private static SavedSearch from(Draft d, String id, String owner, Instant created, Instant updated) {
        return new SavedSearch(id, d.name(), d.query(), set(d.topics()), set(d.sentiments()), set(d.regions()),
                set(d.channels()), set(d.sources()), owner, set(d.sharedWith()), created, updated);
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values.stream().filter(v -> v != null).toList());
    }
}

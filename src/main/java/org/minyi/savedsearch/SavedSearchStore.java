package org.minyi.savedsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.minyi.JsonFile;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saved searches in one JSON file ({@code saved-searches.json} in the data folder). Every change rewrites the file
 * through a temporary file and an atomic move, so a crash leaves the old or the new list, never half.
 */
public final class SavedSearchStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final Map<String, SavedSearch> searches = new ConcurrentHashMap<>();

    private SavedSearchStore(Path file) {
        this.file = file;
    }

    /** Opens the store at {@code file}; a missing file is an empty store. */
    public static SavedSearchStore open(Path file) {
        SavedSearchStore store = new SavedSearchStore(file);
        if (Files.isRegularFile(file)) {
            try {
                List<SavedSearch> kept = JSON.readValue(file.toFile(), new TypeReference<List<SavedSearch>>() { });
                kept.forEach(s -> store.searches.put(s.id(), s));
            } catch (JacksonException e) {
                throw new IllegalStateException("cannot read the saved searches in " + file + ": "
                        + e.getOriginalMessage(), e);
            }
        }
        return store;
    }

    /** All, by name. */
    public List<SavedSearch> list() {
        return searches.values().stream().sorted(Comparator.comparing(SavedSearch::name)
                .thenComparing(SavedSearch::id)).toList();
    }

    public Optional<SavedSearch> find(String id) {
        return Optional.ofNullable(searches.get(id));
    }

    public synchronized void put(SavedSearch search) {
        searches.put(search.id(), search);
        save();
    }

    public synchronized boolean remove(String id) {
        boolean removed = searches.remove(id) != null;
        if (removed) {
            save();
        }
        return removed;
    }

    private void save() {
        try {
            JsonFile.replace(file, new ArrayList<>(list()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the saved searches to " + file, e);
        }
    }
}

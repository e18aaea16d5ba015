package org.minyi.analysis;

import com.hankcs.hanlp.dictionary.CustomDictionary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/**
 * The project's own words (government terms, departments, places) layered over HanLP's default dictionaries.
 *
 * <p>Files in the dictionaries folder are read at start-up: {@code *.txt} with one entry a line in HanLP's format
 * {@code word [nature frequency]...}; lines starting with {@code #} are comments. A file named {@code stopwords.txt}
 * holds extra stop words (one a line) instead. Words are inserted with {@link CustomDictionary#insert} so HanLP's
 * 71,546 default custom words stay (its .bin cache would otherwise ignore or overwrite our files).
 *
 * <p>HanLP's dictionary is global to the JVM and its insert has no locking; segmentation takes the read lock and
 * changes take the write lock, so a word added at run time never races a segmentation.
 */
public final class DomainDictionary {

    static final String STOP_WORDS_FILE = "stopwords.txt";

    private static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock();

    private final Set<String> stopWords = ConcurrentHashMap.newKeySet();
    private final Set<String> departments = ConcurrentHashMap.newKeySet();
    private final Set<String> places = ConcurrentHashMap.newKeySet();

    private DomainDictionary() {
    }

    /** Loads every dictionary file in {@code folder}; a missing folder gives HanLP's defaults only. */
    public static DomainDictionary load(Path folder) {
        return loadAll(Arrays.asList(folder)); // a null folder is allowed: HanLP defaults only
    }

    /**
     * Loads the dictionary files of several folders in order (the project's, then e.g. words admins added at run
     * time under the data folder); missing folders are skipped.
     */
    public static DomainDictionary loadAll(List<Path> folders) {
        DomainDictionary dictionary = new DomainDictionary();
        for (Path folder : folders) {
            if (folder == null || !Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    dictionary.loadFile(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read dictionaries in " + folder, e);
            }
        }
        return dictionary;
    }

    private void loadFile(Path file) throws IOException {
        boolean stopWordFile = file.getFileName().toString().equals(STOP_WORDS_FILE);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (stopWordFile) {
                stopWords.add(line);
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length % 2 == 0) {
                throw new IllegalArgumentException(file + ":" + (i + 1)
                        + ": expected 'word [nature frequency]...', got '" + line + "'");
            }
            String attributes = parts.length == 1 ? null : line.substring(parts[0].length()).strip();
            addWord(parts[0], attributes);
        }
    }

    /**
     * Adds a word for all later segmentation in this JVM.
     *
     * @param attributes HanLP attributes such as {@code "nt 1000"} (nt = organisation/department, ns = place),
     *                   or null for a plain noun
     */
    public void addWord(String word, String attributes) {
        if (word == null || word.isBlank() || word.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a dictionary word must be non-empty and without spaces: '" + word + "'");
        }
        String nature = attributes == null ? "n" : attributes.split("\\s+")[0].toLowerCase(Locale.ROOT);
        LOCK.writeLock().lock();
        try {
            CustomDictionary.insert(word, attributes == null ? "n 1000" : attributes);
        } finally {
            LOCK.writeLock().unlock();
        }
        if (nature.startsWith("nt")) {
            departments.add(word);
        } else if (nature.startsWith("ns")) {
            places.add(word);
        }
    }

    public boolean isStopWord(String word) {
        return stopWords.contains(word);
    }

    public boolean isDepartment(String word) {
        return departments.contains(word);
    }

    public boolean isPlace(String word) {
        return places.contains(word);
    }

    /** Runs {@code segmentation} so that no dictionary change happens meanwhile. */
    static <T> T reading(java.util.function.Supplier<T> segmentation) {
        LOCK.readLock().lock();
        try {
            return segmentation.get();
        } finally {
            LOCK.readLock().unlock();
        }
    }
}

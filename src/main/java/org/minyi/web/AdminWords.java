package org.minyi.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.minyi.analysis.DomainDictionary;

/**
 * Words admins add at run time (departments, places, hot terms). Each is given to the live {@link DomainDictionary}
 * at once, so the pipeline uses it without a restart, and appended to a file in the dictionary format under the
 * data folder ({@code dictionaries/admin-words.txt}), read again at the next start.
 */
final class AdminWords {

    /** What a word is; decides the HanLP nature it is added with. */
    enum Kind {
        DEPARTMENT("nt 1000"), PLACE("ns 1000"), TERM("n 1000");

        final String attributes;

        Kind(String attributes) {
            this.attributes = attributes;
        }

        static Kind parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("unknown word kind '" + value + "'; expected department, place or term");
            }
        }

        static Kind ofAttributes(String attributes) {
            for (Kind kind : values()) {
                if (kind.attributes.equals(attributes)) {
                    return kind;
                }
            }
            return TERM;
        }
    }

    public record Word(String word, Kind kind) {
    }

    private final Path file;
    private final DomainDictionary dictionary;
    private final List<Word> words = new ArrayList<>();

    private AdminWords(Path file, DomainDictionary dictionary) {
        this.file = file;
        this.dictionary = dictionary;
    }

    /** Reads the file (if any) and adds its words to {@code dictionary}. */
    static AdminWords load(Path file, DomainDictionary dictionary) {
        AdminWords admin = new AdminWords(file, dictionary);
        if (Files.isRegularFile(file)) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    String[] parts = line.split("\\s+", 2);
                    if (parts.length != 2) {
                        throw new IllegalStateException(file + ":" + (i + 1) + ": expected 'word nature frequency', got '"
                                + line + "'");
                    }
                    Word word = new Word(parts[0], Kind.ofAttributes(parts[1]));
                    dictionary.addWord(word.word(), parts[1]);
                    admin.words.add(word);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read admin dictionary words from " + file, e);
            }
        }
        return admin;
    }

    synchronized List<Word> list() {
        return List.copyOf(words);
    }

    synchronized Word add(String word, Kind kind) {
        String w = word == null ? null : word.strip();
        dictionary.addWord(w, kind.attributes);
        Word added = new Word(w, kind);
        words.add(added);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, w + " " + kind.attributes + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("added '" + w + "' for now, but cannot keep it in " + file, e);
        }
        return added;
    }
}

package org.minyi.analysis.classify;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.minyi.collect.importer.FileImporter;
import org.minyi.collect.importer.ImportOptions;
import org.minyi.collect.importer.ImportProgress;
import org.minyi.message.Message;

/**
 * Messages labelled by careful reading ({@code models/labels/labels.csv}: ids, labels and reasons, never text),
 * joined with their text from the data files they came from, read through the product's own importer so the ids
 * match ({@code teddy2020-votes:188006}).
 *
 * @param id       the message id as imported
 * @param title    raw title, or null
 * @param text     raw text
 * @param topic    one of the 7 topics or 其他
 * @param attitude negative, neutral or positive
 * @param domains  service domains, most important first
 * @param groups   groups the text gives evidence for
 * @param stages   life stages the text gives evidence for
 * @param reader   who read it (a batch of one reader)
 */
public record LabelledMessages(String id, String title, String text, String topic, String attitude,
                               List<String> domains, List<String> groups, List<String> stages, String reader) {

    /** The topic for a message whose subject is none of the seven. */
    public static final String OTHER = "其他";

    /**
     * @param labels   the labels CSV (header id,topic,attitude,domains,groups,stages,reason,…)
     * @param messages the data files holding the labelled messages (any the importer reads)
     * @throws IllegalArgumentException when a labelled id is in none of the files
     */
    public static List<LabelledMessages> read(Path labels, List<Path> messages) {
        return read(labels, messagesById(messages, id -> true), messages);
    }

    /**
     * The same, from messages already read by id ({@link #messagesById}) out of {@code messages}, for a caller that
     * needs them itself and should not import the files twice.
     */
    public static List<LabelledMessages> read(Path labels, Map<String, Message> byId, List<Path> messages) {
        List<LabelledMessages> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(labels)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                Message m = byId.get(r.get("id"));
                if (m == null) {
                    missing.add(r.get("id"));
                    continue;
                }
                out.add(new LabelledMessages(m.id(), m.title(), m.text(), r.get("topic"), r.get("attitude"),
                        list(r.get("domains")), list(r.get("groups")), list(r.get("stages")),
                        r.isMapped("reader") ? r.get("reader") : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read labels " + labels, e);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(missing.size() + " labelled ids are in none of " + messages
                    + ", e.g. " + missing.subList(0, Math.min(3, missing.size())));
        }
        return out;
    }

    /**
     * The messages of the data files whose id {@code wanted} accepts, by id (the first of repeated ids), in id order
     * so that whatever draws from them depends on its seed only.
     */
    public static SortedMap<String, Message> messagesById(List<Path> files, Predicate<String> wanted) {
        SortedMap<String, Message> byId = new TreeMap<>();
        for (Path file : files) {
            new FileImporter().run(file, ImportOptions.defaults(), m -> {
                if (wanted.test(m.id())) {
                    byId.putIfAbsent(m.id(), m);
                }
            }, ImportProgress.NONE);
        }
        return byId;
    }

    private static List<String> list(String cell) {
        return cell == null || cell.isBlank() ? List.of()
                : Arrays.stream(cell.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

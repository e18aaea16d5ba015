package org.minyi.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.minyi.analysis.Sentiment;

/**
 * Hand-checked sentiment labels for messages of a CSV with {@code 留言编号}, {@code 留言详情} (and optionally
 * {@code 留言主题}) columns. The hand-check file holds {@code id,label,reason} only, never message text.
 */
final class Handcheck {

    record Message(String id, String title, String text) {
    }

    record Judgement(String id, Sentiment label, String reason) {
    }

    private Handcheck() {
    }

    /** Messages by id, in file order; repeated bodies keep their first id only. */
    static Map<String, Message> messages(Path file) {
        Map<String, Message> messages = new LinkedHashMap<>();
        java.util.Set<String> bodies = new java.util.HashSet<>();
        for (CSVRecord record : records(file, true)) {
            Message message = new Message(cell(record, "留言编号", file), record.isMapped("留言主题")
                    ? record.get("留言主题").strip() : "", cell(record, "留言详情", file).strip());
            if (bodies.add(message.text())) {
                messages.put(message.id(), message);
            }
        }
        return messages;
    }

    /** A seeded sample of message ids, the same for the same file and seed. */
    static List<String> sample(Map<String, Message> messages, int size, long seed) {
        List<String> ids = new ArrayList<>(messages.keySet());
        Collections.shuffle(ids, new Random(seed));
        return ids.subList(0, Math.min(size, ids.size()));
    }

    static List<Judgement> judgements(Path file) {
        List<Judgement> judgements = new ArrayList<>();
        for (CSVRecord record : records(file, true)) {
            try {
                judgements.add(new Judgement(cell(record, "id", file), Sentiment.parse(cell(record, "label", file)),
                        record.isMapped("reason") ? record.get("reason") : ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + record.getRecordNumber() + ": " + e.getMessage(), e);
            }
        }
        return judgements;
    }

    private static String cell(CSVRecord record, String column, Path file) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            throw new IllegalArgumentException(file + ":" + record.getRecordNumber() + ": no column '" + column + "'");
        }
        return record.get(column);
    }

    private static List<CSVRecord> records(Path file, boolean header) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CSVFormat.Builder format = CSVFormat.RFC4180.builder();
            if (header) {
                format.setHeader().setSkipHeaderRecord(true);
            }
            return format.get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}

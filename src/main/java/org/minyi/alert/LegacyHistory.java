package org.minyi.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries a {@code history.jsonl} written before history segments (one line per state, one rule per alert) over into
 * the {@link HistoryLog} once, then renames it {@code history.jsonl.migrated}. Queued and held alerts in it are
 * then resumed like any others.
 */
final class LegacyHistory {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyHistory.class);

    private LegacyHistory() {
    }

    static void migrate(Path folder, HistoryLog log) {
        Path legacy = folder.resolve("history.jsonl");
        if (!Files.exists(legacy)) {
            return;
        }
        JsonMapper json = JsonMapper.builder().build();
        Set<String> seen = new HashSet<>();
        int lines = 0;
        try {
            for (String line : Files.readAllLines(legacy, StandardCharsets.UTF_8)) {
                JsonNode entry;
                try {
                    entry = json.readTree(line);
                } catch (JacksonException e) {
                    continue; // torn by a crash
                }
                JsonNode a = entry.path("alert");
                String id = a.path("id").asString(null);
                if (id == null || entry.path("at").isMissingNode()) {
                    continue;
                }
                Alert alert = null;
                if (seen.add(id)) {
                    String subject = a.path("subject").asString("");
                    String ruleId = a.path("ruleId").asString("");
                    alert = new Alert(id, subject.startsWith("hotspot:") ? AlertKind.HOTSPOT : AlertKind.MESSAGE,
                            a.path("subscriber").asString(""), List.of(ruleId), List.of(ruleId), subject,
                            AlertLevel.YELLOW, a.path("title").asString(""), a.path("text").asString(""), null, null,
                            instant(a.path("observedAt")), instant(a.path("createdAt")),
                            json.convertValue(a.path("messageIds"), String[].class) == null ? List.of()
                                    : List.of(json.convertValue(a.path("messageIds"), String[].class)));
                }
                DeliveryStatus status = DeliveryStatus.valueOf(entry.path("status").asString("SUPPRESSED"));
                log.append(new HistoryEvent(instant(entry.path("at")), id, a.path("subscriber").asString(""), status,
                        text(entry.path("reason")), entry.path("attempts").asInt(0),
                        status == DeliveryStatus.HELD ? HistoryEvent.Hold.QUIET : null, null, alert));
                lines++;
            }
            Files.move(legacy, folder.resolve("history.jsonl.migrated"), StandardCopyOption.REPLACE_EXISTING);
            LOG.info("alert history: carried {} lines of {} over into history segments", lines, legacy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot migrate " + legacy, e);
        }
    }

    private static Instant instant(JsonNode node) {
        String text = text(node);
        return text == null ? null : Instant.parse(text);
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }
}

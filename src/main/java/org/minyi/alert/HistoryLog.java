package org.minyi.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert history on disk, in segments: {@code history/history-<start millis>.jsonl}, one forced line per state
 * an alert reaches, a new segment each day (UTC) or every {@link #SEGMENT_BYTES}. Nothing of it is kept in memory:
 * the engine reads back only the last few days at start ({@link #since}), and a history page reads segments from
 * the newest until it has its rows ({@link #rows}). Segments older than the retention's age, and the oldest beyond
 * its size, are deleted whenever a segment is started. A line torn by a crash is skipped when reading back.
 */
final class HistoryLog implements AutoCloseable {

    static final long SEGMENT_BYTES = 4L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(HistoryLog.class);
    private static final String PREFIX = "history-";
    private static final String SUFFIX = ".jsonl";

    private final Path folder;
    private final Clock clock;
    private final AlertSettings.HistoryRetention retention;
    private final long segmentBytes;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();
    /** Segments whose torn lines were reported: once each, not on every read. */
    private final Set<Path> reported = ConcurrentHashMap.newKeySet();
    private FileChannel current;
    private long currentStart = Long.MIN_VALUE;

    HistoryLog(Path folder, Clock clock, AlertSettings.HistoryRetention retention, long segmentBytes) {
        this.folder = folder;
        this.clock = clock;
        this.retention = retention;
        this.segmentBytes = segmentBytes;
        try {
            Files.createDirectories(folder);
            List<Path> segments = segments();
            if (!segments.isEmpty()) {
                closeTornLine(segments.getLast());
                currentStart = startOf(segments.getLast());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open alert history in " + folder, e);
        }
    }

    synchronized void append(HistoryEvent event) {
        byte[] line = (json.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            FileChannel out = segmentFor(line.length);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the alert history in " + folder, e);
        }
    }

    /** Events at or after {@code from}, oldest first; reads only the segments that can hold them. */
    List<HistoryEvent> since(Instant from) {
        List<Path> segments = segments();
        List<HistoryEvent> events = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            boolean mayHold = i == segments.size() - 1 || startOf(segments.get(i + 1)) >= from.toEpochMilli();
            if (mayHold) {
                for (HistoryEvent e : read(segments.get(i), null)) {
                    if (!e.at().isBefore(from)) {
                        events.add(e);
                    }
                }
            }
        }
        return events;
    }

    /**
     * The newest {@code limit} alerts (by when they were made) of {@code subscriber}, or of everyone when null, each
     * with all its states. Reads segments from the newest back until it has them.
     */
    List<HistoryRow> rows(String subscriber, int limit) {
        List<Path> segments = segments();
        // Lines of other subscribers are skipped before they are parsed: a quiet subscriber's page reads many.
        String mark = subscriber == null ? null : "\"subscriber\":" + json.writeValueAsString(subscriber);
        Map<String, List<HistoryEvent>> later = new HashMap<>();
        Map<String, HistoryRow> rows = new LinkedHashMap<>();
        for (int s = segments.size() - 1; s >= 0 && rows.size() < limit; s--) {
            List<HistoryEvent> events = read(segments.get(s), mark);
            for (int i = events.size() - 1; i >= 0 && rows.size() < limit; i--) {
                HistoryEvent e = events.get(i);
                if (subscriber != null && !subscriber.equals(e.subscriber())) {
                    continue;
                }
                List<HistoryEvent> ofAlert = later.computeIfAbsent(e.alertId(), id -> new ArrayList<>());
                ofAlert.addFirst(e);
                if (e.alert() != null) { // its first event: every later one has been seen
                    later.remove(e.alertId());
                    HistoryEvent last = ofAlert.getLast();
                    rows.put(e.alertId(), new HistoryRow(e.alert(), last.status(), last.at(),
                            ofAlert.stream().map(HistoryEvent::state).toList()));
                }
            }
        }
        return List.copyOf(rows.values());
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.warn("closing the alert history: {}", e.toString());
            }
            current = null;
        }
    }

    // ---- segments ----

    private FileChannel segmentFor(int bytes) throws IOException {
        long now = clock.millis();
        boolean sameDay = currentStart != Long.MIN_VALUE && day(currentStart) == day(now);
        if (current != null && sameDay && current.size() + bytes <= segmentBytes) {
            return current;
        }
        if (current == null && sameDay && size(path(currentStart)) + bytes <= segmentBytes) {
            current = FileChannel.open(path(currentStart), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            return current;
        }
        close();
        currentStart = Math.max(now, currentStart == Long.MIN_VALUE ? now : currentStart + 1);
        current = FileChannel.open(path(currentStart), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        prune();
        return current;
    }

    /** Deletes segments wholly older than the retention age, then the oldest while over the size; never the newest. */
    void prune() {
        List<Path> segments = segments();
        long oldestKept = clock.millis() - retention.maxAge().toMillis();
        long total = segments.stream().mapToLong(HistoryLog::size).sum();
        for (int i = 0; i < segments.size() - 1; i++) {
            boolean tooOld = startOf(segments.get(i + 1)) <= oldestKept;
            if (tooOld || total > retention.maxBytes()) {
                long size = size(segments.get(i));
                try {
                    Files.deleteIfExists(segments.get(i));
                    total -= size;
                    LOG.info("alert history: deleted {} ({} bytes, {})", segments.get(i).getFileName(), size,
                            tooOld ? "older than " + retention.maxAge().toDays() + " days" : "over the size limit");
                } catch (IOException e) {
                    LOG.warn("alert history: cannot delete {}: {}", segments.get(i), e.toString());
                }
            }
        }
    }

    private List<Path> segments() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                            && p.getFileName().toString().endsWith(SUFFIX))
                    .sorted(Comparator.comparingLong(HistoryLog::startOf)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the alert history in " + folder, e);
        }
    }

    /** The events of a segment, oldest first; only lines containing {@code mark} when it is not null. */
    private List<HistoryEvent> read(Path segment, String mark) {
        List<String> lines;
        try {
            lines = Files.readAllLines(segment, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of(); // pruned meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + segment, e);
        }
        List<HistoryEvent> events = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank() || (mark != null && !lines.get(i).contains(mark))) {
                continue;
            }
            try {
                events.add(json.readValue(lines.get(i), HistoryEvent.class));
            } catch (JacksonException e) {
                if (reported.add(segment)) {
                    LOG.warn("skipping unreadable line {} of {} (torn by a crash?): {}", i + 1,
                            segment.getFileName(), e.getOriginalMessage());
                }
            }
        }
        return events;
    }

    /** A crash may leave half a line; end it so the next entry starts on a line of its own. */
    private static void closeTornLine(Path segment) throws IOException {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (size == 0) {
                return;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            if (last.get(0) != '\n') {
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}), size);
                channel.force(false);
            }
        }
    }

    private Path path(long start) {
        return folder.resolve(String.format("%s%015d%s", PREFIX, start, SUFFIX));
    }

    private static long startOf(Path segment) {
        String name = segment.getFileName().toString();
        try {
            return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    private static long day(long millis) {
        return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}

package org.minyi.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.minyi.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploaded files kept on disk until their import is done, so an import the API accepted survives a crash:
 * {@code <dataDir>/imports/<job id>/} holds {@code job.json}, the checkpoint and, in its own folder {@code upload/},
 * the file under the name it was sent with (so no upload name can take the place of the spool's own files). A job
 * folder is written under a temporary name, forced to disk and then renamed, so after a crash it is either whole or
 * absent. The spool is readable by the service's user only. Job numbers go on across restarts ({@link #nextId}).
 */
final class ImportSpool {

    private static final Logger LOG = LoggerFactory.getLogger(ImportSpool.class);
    private static final String MANIFEST = "job.json";
    private static final String ACKNOWLEDGED = "acknowledged";
    private static final String PARTIAL = ".partial";
    private static final String UPLOAD = "upload";
    private static final String LAST_ID = "last-id";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What is needed to run a spooled job again: its id, the file's name in the job folder, its options. */
    record Manifest(String id, String fileName, ImportRequest request, Instant submitted) {
    }

    /**
     * A job found on disk at start-up.
     *
     * @param acknowledged how many of its messages were durable (or failed for good) at its last checkpoint
     */
    record Spooled(Manifest manifest, Path file, long acknowledged) {
    }

    private final Path root;

    ImportSpool(Path root) {
        this.root = root;
        try {
            OwnerOnly.createDirectories(root);
            OwnerOnly.restrict(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the import spool folder " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the upload and its manifest durably (forced to disk) and returns the file to import.
     *
     * @throws IOException when it cannot be stored (e.g. the disk is full); nothing is left behind then
     */
    Path store(Manifest manifest, InputStream content) throws IOException {
        Path partial = root.resolve(manifest.id() + PARTIAL);
        Path done = root.resolve(manifest.id());
        try {
            OwnerOnly.createDirectories(partial.resolve(UPLOAD));
            Path upload = OwnerOnly.createFile(partial.resolve(UPLOAD).resolve(manifest.fileName()));
            try (FileChannel out = FileChannel.open(upload, StandardOpenOption.WRITE);
                 ReadableByteChannel in = Channels.newChannel(content)) {
                ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
                while (in.read(buffer) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                    buffer.clear();
                }
                out.force(true);
            }
            writeForced(partial.resolve(MANIFEST), JSON.writeValueAsBytes(manifest));
            forceFolder(partial);
            Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
            forceFolder(root);
            return done.resolve(UPLOAD).resolve(manifest.fileName());
        } catch (IOException | RuntimeException e) {
            deleteTree(partial);
            throw e;
        }
    }

    /**
     * The number of the next job: one more than any number given before, also before a restart ({@code last-id}
     * in the spool, written before the number is handed out) or found among the unfinished jobs.
     */
    synchronized long nextId(long atLeast) {
        long next = Math.max(atLeast, readLastId()) + 1;
        try {
            Path tmp = root.resolve(LAST_ID + ".next");
            Files.deleteIfExists(tmp);
            writeForced(tmp, Long.toString(next).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            Files.move(tmp, root.resolve(LAST_ID), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("cannot record the last import job number {}: {}", next, e.toString());
        }
        return next;
    }

    private long readLastId() {
        try {
            return Long.parseLong(Files.readString(root.resolve(LAST_ID)).strip());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** The import of this job is over (done or failed): its copy is no longer needed. */
    void release(String id) {
        deleteTree(root.resolve(id));
    }

    /** Jobs accepted but not finished before the last stop, oldest first; half-written folders are removed. */
    List<Spooled> unfinished() {
        List<Spooled> found = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                if (folder.getFileName().toString().endsWith(PARTIAL)) {
                    deleteTree(folder); // never acknowledged: the client got no job id for it
                    continue;
                }
                Path manifestFile = folder.resolve(MANIFEST);
                try {
                    Manifest manifest = JSON.readValue(Files.readAllBytes(manifestFile), Manifest.class);
                    Path upload = folder.resolve(UPLOAD).resolve(manifest.fileName());
                    Path file = Files.exists(upload) ? upload : folder.resolve(manifest.fileName()); // older spools
                    found.add(new Spooled(manifest, file, acknowledged(folder)));
                } catch (IOException | JacksonException e) {
                    LOG.error("import spool {} cannot be read ({}); left in place, move it away or import its file "
                            + "again", folder, e.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the import spool " + root + ": " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing((Spooled s) -> s.manifest().submitted()).thenComparing(s -> s.manifest().id()));
        return found;
    }

    /**
     * Records that the first {@code messages} of job {@code id} are acknowledged, so a resumed job skips them.
     * Written aside, forced and renamed: the file always holds some value that was true.
     */
    void checkpoint(String id, long messages) {
        Path folder = root.resolve(id);
        Path next = folder.resolve(ACKNOWLEDGED + ".next");
        try {
            Files.deleteIfExists(next);
            writeForced(next, Long.toString(messages).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            Files.move(next, folder.resolve(ACKNOWLEDGED), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // Only costs time after a crash: the job then re-imports from an earlier point (upserts by id).
            LOG.warn("cannot record the checkpoint of import {}: {}", id, e.toString());
        }
    }

    private static long acknowledged(Path folder) {
        try {
            return Long.parseLong(Files.readString(folder.resolve(ACKNOWLEDGED)).strip());
        } catch (IOException | NumberFormatException e) {
            return 0; // none yet: start from the first row
        }
    }

    private static void writeForced(Path file, byte[] bytes) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
    }

    /** Makes a rename or a new file in {@code folder} durable; not every system can open a folder, so best effort. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot force folder {}: {}", folder, e.toString());
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("cannot delete import spool {}: {}", folder, e.toString());
        }
    }
}

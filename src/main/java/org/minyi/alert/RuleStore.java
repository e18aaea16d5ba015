package org.minyi.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.minyi.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rules on disk, crash-safe without a database: {@code rules.json} is replaced atomically (write a temporary file,
 * force it, rename over). A rule the current limits refuse (e.g. one saved before rule sizes were capped) is not
 * loaded but kept aside in {@code rules.rejected.json} with the reason, so the service still starts and nothing
 * is lost. Folder and files are the service's user's only ({@link OwnerOnly}): the rules hold secrets.
 */
final class RuleStore {

    private static final Logger LOG = LoggerFactory.getLogger(RuleStore.class);

    private final Path rulesFile;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    RuleStore(Path folder) {
        try {
            // rules.json holds webhook secrets and robot tokens; history and digests sit beside it
            OwnerOnly.createDirectories(folder);
            OwnerOnly.restrict(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
        this.rulesFile = folder.resolve("rules.json");
    }

    List<Rule> load() {
        if (!Files.exists(rulesFile)) {
            return List.of();
        }
        JsonNode all;
        try {
            all = json.readTree(rulesFile.toFile());
        } catch (JacksonException e) {
            throw new IllegalStateException("alert rules file " + rulesFile + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        List<Rule> rules = new ArrayList<>();
        List<JsonNode> rejected = new ArrayList<>();
        for (JsonNode node : all) {
            try {
                rules.add(json.treeToValue(node, Rule.class));
            } catch (JacksonException | IllegalArgumentException e) {
                String reason = e instanceof JacksonException j && j.getCause() != null ? j.getCause().getMessage()
                        : e.getMessage();
                LOG.error("alert rule {} in {} is not loaded: {} (kept in rules.rejected.json)",
                        node.path("id").asString("?"), rulesFile, reason);
                rejected.add(json.createObjectNode().put("reason", reason).set("rule", node));
            }
        }
        if (!rejected.isEmpty()) {
            Path aside = rulesFile.resolveSibling("rules.rejected.json");
            List<JsonNode> kept = new ArrayList<>();
            if (Files.exists(aside)) {
                json.readTree(aside.toFile()).forEach(kept::add);
            }
            kept.addAll(rejected);
            write(aside, kept);
            save(rules);
        }
        return rules;
    }

    synchronized void save(List<Rule> rules) {
        write(rulesFile, rules);
    }

    private void write(Path file, Object value) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(OwnerOnly.createFile(temp), StandardOpenOption.WRITE)) {
            out.write(ByteBuffer.wrap(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(value)));
            out.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temp, e);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IllegalStateException("the file system of " + file + " cannot replace files atomically", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + file, e);
        }
    }
}

package org.minyi.collect.crawl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** All sources of a config folder, validated together so start-up fails once with every problem listed. */
public final class CrawlerConfigs {

    private CrawlerConfigs() {
    }

    /** Loads every {@code *.yaml} / {@code *.yml} of {@code folder} (not recursive), sorted by name. */
    public static List<CrawlerConfig> loadAll(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new CrawlerConfigException(List.of(folder + ": crawler config folder does not exist"));
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list crawler config folder " + folder, e);
        }
        List<String> problems = new ArrayList<>();
        List<CrawlerConfig> configs = new ArrayList<>();
        for (Path file : files) {
            List<String> fileProblems = new ArrayList<>();
            CrawlerConfig config = CrawlerConfig.read(file, fileProblems);
            fileProblems.forEach(p -> problems.add(file + ": " + p));
            if (config != null && fileProblems.isEmpty()) {
                configs.add(config);
            }
        }
        if (!problems.isEmpty()) {
            throw new CrawlerConfigException(problems);
        }
        return List.copyOf(configs);
    }

    /** The source named {@code name} ({@code folder/name.yaml}), with a clear error naming the known ones. */
    public static CrawlerConfig load(Path folder, String name) {
        for (String ext : List.of(".yaml", ".yml")) {
            Path file = folder.resolve(name + ext);
            if (Files.isRegularFile(file)) {
                return CrawlerConfig.load(file);
            }
        }
        List<String> known = new ArrayList<>();
        try (Stream<Path> listing = Files.list(folder)) {
            listing.map(p -> p.getFileName().toString()).filter(n -> n.matches(".*\\.ya?ml"))
                    .map(n -> n.replaceFirst("\\.ya?ml$", "")).sorted().forEach(known::add);
        } catch (IOException e) {
            // the message below still says what is missing
        }
        throw new CrawlerConfigException(List.of(folder.resolve(name + ".yaml") + ": no such source; known: "
                + (known.isEmpty() ? "none" : String.join(", ", known))));
    }
}

package org.minyi.collect.importer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real message files in ../shared/data/gov-messages; tests using them skip when the data is absent. */
final class RealFiles {

    static final Path DIR = Path.of("..", "shared", "data", "gov-messages");

    private RealFiles() {
    }

    static Path require(String name) {
        Path file = DIR.resolve(name);
        assumeTrue(Files.isRegularFile(file), () -> "real data file " + file.toAbsolutePath()
                + " is absent; skipping (see /work/shared/data/README.md)");
        return file;
    }
}

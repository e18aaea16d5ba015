package org.minyi.testing.es;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a JDK that can run Elasticsearch 9 (Java 21 or newer): the JVM running the tests when it qualifies, else
 * {@code ES_JAVA_HOME}, {@code JAVA_HOME}, then the Temurin 25 this project's machines have.
 */
final class NodeJava {

    static final int MINIMUM_FEATURE_VERSION = 21;
    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    private NodeJava() {
    }

    static Path find() {
        List<String> tried = new ArrayList<>();
        if (Runtime.version().feature() >= MINIMUM_FEATURE_VERSION) {
            return Path.of(System.getProperty("java.home"), "bin", "java");
        }
        tried.add(System.getProperty("java.home") + " (Java " + Runtime.version().feature() + ")");
        List<String> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("ES_JAVA_HOME")).ifPresent(candidates::add);
        Optional.ofNullable(System.getenv("JAVA_HOME")).ifPresent(candidates::add);
        candidates.add("/usr/lib/jvm/temurin-25-jdk-amd64");
        for (String candidate : candidates) {
            Path home = Path.of(candidate);
            Path java = home.resolve("bin").resolve("java");
            int feature = featureVersion(home);
            if (feature >= MINIMUM_FEATURE_VERSION && Files.isExecutable(java)) {
                return java;
            }
            tried.add(candidate + (feature > 0 ? " (Java " + feature + ")" : " (no JDK release file)"));
        }
        throw new IllegalStateException("no Java " + MINIMUM_FEATURE_VERSION
                + "+ found to run Elasticsearch; tried " + tried + ". Set ES_JAVA_HOME to a JDK 21 or newer.");
    }

    /** The major version from the JDK's {@code release} file, or 0 when there is none. */
    private static int featureVersion(Path javaHome) {
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(javaHome.resolve("release")));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}

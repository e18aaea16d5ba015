package org.minyi.testing.es;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Elasticsearch home folder that {@code es-node/pom.xml} lays out from Maven Central artifacts. Built on first
 * use (and again when the es-node sources change) by running that small Maven build, so a plain {@code mvn test}
 * on a clean clone needs nothing else; later runs work offline from the local Maven repository.
 */
final class NodeDistribution {

    /** A first build downloads about 45 MB from Maven Central. */
    private static final long BUILD_TIMEOUT_MINUTES = 15;

    private final Path project;

    private NodeDistribution(Path project) {
        this.project = project;
    }

    /** The es-node project next to the working directory Maven runs tests from. */
    static NodeDistribution ofWorkingDirectory() {
        Path project = Path.of(System.getProperty("minyi.es.node.project", "es-node")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(project.resolve("pom.xml"))) {
            throw new IllegalStateException("no es-node/pom.xml under " + project.getParent()
                    + "; run the tests from the repository root or set -Dminyi.es.node.project");
        }
        return new NodeDistribution(project);
    }

    Path home() {
        return project.resolve("target").resolve("node");
    }

    /** The home folder, built first if missing or older than any es-node source. */
    synchronized Path ensureBuilt(Path java) throws IOException, InterruptedException {
        Path ready = home().resolve("READY");
        if (Files.exists(ready) && newestSource().compareTo(Files.getLastModifiedTime(ready)) <= 0) {
            return home();
        }
        build(java);
        if (!Files.exists(ready)) {
            throw new IllegalStateException("es-node build finished but " + ready + " is missing");
        }
        return home();
    }

    private FileTime newestSource() throws IOException {
        FileTime newest = Files.getLastModifiedTime(project.resolve("pom.xml"));
        try (Stream<Path> files = Files.walk(project.resolve("src"))) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                FileTime modified = Files.getLastModifiedTime(file);
                if (modified.compareTo(newest) > 0) {
                    newest = modified;
                }
            }
        }
        return newest;
    }

    private void build(Path java) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(maven());
        command.addAll(List.of("-B", "-q", "-f", project.resolve("pom.xml").toString(), "package"));
        if (Boolean.getBoolean("minyi.maven.offline")) {
            command.add("-o");
        }
        String localRepository = System.getProperty("minyi.maven.repo.local", "");
        if (!localRepository.isBlank()) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        Path log = project.resolve("target").resolve("es-node-build.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // the launcher is compiled for Java 21, so the build must run on the node's JDK
        builder.environment().put("JAVA_HOME", java.getParent().getParent().toString());
        Process process = builder.start();
        if (!process.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("es-node build timed out; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("es-node build failed (exit " + process.exitValue() + "): "
                    + String.join(" ", command) + "\n" + tail(log));
        }
    }

    /** Surefire passes Maven's home; outside Maven, {@code mvn} must be on the PATH. */
    private static String maven() {
        String mavenHome = System.getProperty("minyi.maven.home", "");
        if (!mavenHome.isBlank() && Files.isExecutable(Path.of(mavenHome, "bin", "mvn"))) {
            return Path.of(mavenHome, "bin", "mvn").toString();
        }
        return "mvn";
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}

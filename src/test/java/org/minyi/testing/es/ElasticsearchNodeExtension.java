package org.minyi.testing.es;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Gives test classes one real Elasticsearch node, started on first use, shared by every class of the test run and
 * stopped at its end; its data lives in a temporary folder deleted afterwards. Tests receive it as an
 * {@link ElasticsearchNode} parameter or through {@link #sharedNode(ExtensionContext)}.
 *
 * <p>Policy when the node cannot start: with {@code CI=true} in the environment the tests FAIL, because a CI run
 * that silently skipped the Elasticsearch backend would prove nothing; elsewhere they are skipped with the reason,
 * so a laptop without Java 21 or network on the very first run can still run the rest.
 */
public final class ElasticsearchNodeExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ElasticsearchNodeExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        sharedNode(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ElasticsearchNode.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return sharedNode(context);
    }

    public static ElasticsearchNode sharedNode(ExtensionContext context) {
        SharedNode shared = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(SharedNode.class, key -> SharedNode.start(), SharedNode.class);
        return shared.nodeOrAbort();
    }

    /** Whether a node that cannot start fails the run (CI) rather than skipping the tests that need it. */
    static boolean mustRun() {
        return "true".equalsIgnoreCase(System.getenv("CI"))
                || Boolean.getBoolean("minyi.es.required");
    }

    /** The one node of the run, or why there is none; closed by JUnit when the root context ends. */
    private record SharedNode(ElasticsearchNode node, Path dataDir, Exception failure) implements AutoCloseable {

        static SharedNode start() {
            Path dataDir = null;
            try {
                dataDir = Files.createTempDirectory("minyi-es-node-");
                return new SharedNode(ElasticsearchNode.start(dataDir), dataDir, null);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return new SharedNode(null, dataDir, e);
            }
        }

        ElasticsearchNode nodeOrAbort() {
            if (node != null) {
                return node;
            }
            String reason = "could not start the Elasticsearch test node: " + failure.getMessage();
            if (mustRun()) {
                throw new IllegalStateException(reason + " (CI=true, so this fails instead of skipping)", failure);
            }
            // surefire counts a class aborted in beforeAll as neither run nor skipped: say it where people look
            System.err.println("SKIPPED Elasticsearch tests: " + reason);
            throw new TestAbortedException(reason + " (skipped; set CI=true to make this fail)");
        }

        @Override
        public void close() throws Exception {
            if (node != null) {
                node.close();
            }
            deleteRecursively(dataDir);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}

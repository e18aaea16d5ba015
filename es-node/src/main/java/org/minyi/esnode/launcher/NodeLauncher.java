package org.minyi.esnode.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.PluginsLoader;

/**
 * Starts one single-node Elasticsearch in this JVM from a home folder laid out by es-node/pom.xml, the way the
 * official launcher would minus the parts that are not on Maven Central (entitlements agent, native vector
 * library). Usage: {@code NodeLauncher <home> <data dir> <http port, 0 = any> [<ready file>]}. Once HTTP listens,
 * the bound port is written to the ready file (atomically), so a parent process can wait for it. Stops on
 * SIGTERM or when stdin closes, whichever comes first, so a test harness that dies takes the node with it.
 */
public final class NodeLauncher {

    private NodeLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: NodeLauncher <home> <data dir> <http port> [<ready file>]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path data = Path.of(args[1]).toAbsolutePath();
        String httpPort = args[2];
        Path readyFile = args.length > 3 ? Path.of(args[3]).toAbsolutePath() : null;
        Files.createDirectories(data);

        LogConfigurator.registerErrorListener();
        Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", data.resolve("data").toString())
                .put("path.logs", data.resolve("logs").toString())
                .put("cluster.name", "minyi-es-node")
                .put("node.name", "minyi-es-node")
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", httpPort)
                .put("transport.port", "0")
                // test machines have full disks more often than real clusters; do not go read-only on them
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("action.destructive_requires_name", false)
                .build();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(),
                home.resolve("config"), () -> "minyi-es-node");
        LogConfigurator.setNodeName("minyi-es-node");
        LogConfigurator.configure(environment, true);

        PluginsLoader plugins = PluginsLoader.createPluginsLoader(
                PluginsLoader.loadModulesBundles(environment.modulesDir(), false),
                PluginsLoader.loadPluginsBundles(environment.pluginsDir(), false),
                Map.of(),
                false); // true expects the official module layers and fails on a plain class path
        Node node = new Node(environment, plugins);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "es-node-shutdown"));
        node.start();

        int boundPort = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress()
                .getPort();
        System.out.println("minyi-es-node ready on http://127.0.0.1:" + boundPort);
        if (readyFile != null) {
            Path partial = readyFile.resolveSibling(readyFile.getFileName() + ".tmp");
            Files.writeString(partial, Integer.toString(boundPort));
            Files.move(partial, readyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent never writes; end of stream means it is gone
                }
            } catch (Exception ignored) {
                // stdin broken: same as closed
            }
            System.exit(0);
        }, "es-node-parent-watch");
        watchdog.setDaemon(true);
        if (!Boolean.getBoolean("minyi.esnode.ignoreStdin")) {
            watchdog.start();
        }
        stopped.await();
    }
}

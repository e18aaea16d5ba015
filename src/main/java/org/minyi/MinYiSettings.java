package org.minyi;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.minyi.analysis.AnalysisSteps;
import org.minyi.analysis.encode.EncoderSettings;

/**
 * Where MinYi keeps and finds things. Every path defaults relative to {@code home}: {@code data/} for the index and
 * state, {@code dictionaries/}, {@code models/}, {@code config/}, and the real data set at {@code ../shared/data}
 * when it exists. {@code home} is {@code minyi.home} / {@code MINYI_HOME} when set, else the installation — the
 * folder of the running {@code minyi.jar} (or the one above, for {@code target/minyi.jar} in a checkout) that holds
 * {@code models/} — so a command works from any folder; failing both, the working directory.
 *
 * @param sampleData    folder of the real government-message data set loaded at first start, or null
 * @param zone          the zone in which dates without offset are read and trend buckets are cut
 * @param elasticsearch where to index instead of the embedded Lucene index, or null for Lucene (the default)
 * @param analysis      which analysis steps run, on how many threads, with which sentence encoder
 * @param hotspotGrouping how hotspots find their issues ({@code minyi.hotspots.grouping}: indexed | query)
 */
public record MinYiSettings(Path home, Path dataDir, Path dictionaries, Path models, Path sampleData, ZoneId zone,
                            ElasticsearchTarget elasticsearch, AnalysisSettings analysis,
                            org.minyi.insight.HotspotGrouping hotspotGrouping) {

    /** How hotspots find their issues when {@code minyi.hotspots.grouping} is not set. */
    public static final org.minyi.insight.HotspotGrouping DEFAULT_GROUPING = org.minyi.insight.HotspotGrouping.INDEXED;

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /**
     * An Elasticsearch cluster to index into ({@code minyi.index.backend=elasticsearch}).
     *
     * @param buffer folder where accepted messages wait while the cluster is unreachable
     */
    public record ElasticsearchTarget(URI url, String prefix, int replicas, Path buffer) {
    }

    /**
     * The analysis pipeline ({@code minyi.analysis.*}, {@code minyi.encoder.*}).
     *
     * @param steps   step names in order ({@code minyi.analysis.steps}); by default the standard steps, with the
     *                encoder before the classifiers when it is on
     * @param threads analysis threads of the ingestion ({@code minyi.analysis.threads}, default: one per core);
     *                each runs the encoder with one ONNX thread
     * @param distilled topic and attitude from the n-gram students of the encoder models
     *                  ({@code minyi.analysis.distilled}, default false; {@code minyi train distil} makes them): with
     *                  the encoder off, the pipeline then runs at the encoder-off speed with classifiers that learnt
     *                  from the encoder models
     */
    public record AnalysisSettings(List<String> steps, int threads, EncoderSettings encoder, boolean distilled) {
        public AnalysisSettings {
            steps = List.copyOf(steps);
            if (threads < 1) {
                throw new IllegalArgumentException("minyi.analysis.threads must be >= 1, was " + threads);
            }
        }
    }

    /**
     * Settings from system properties ({@code -Dminyi.home=…}) or environment variables ({@code MINYI_HOME=…}),
     * with the defaults for anything unset.
     */
    public static MinYiSettings fromSystemProperties() {
        return from(key -> {
            String value = System.getProperty(key);
            return value != null ? value
                    : System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        });
    }

    /**
     * Settings from any property lookup (the service passes its Spring environment). Keys: {@code minyi.home},
     * {@code minyi.data-dir}, {@code minyi.dictionaries}, {@code minyi.models}, {@code minyi.sample-data},
     * {@code minyi.zone}, {@code minyi.index.backend} (lucene | elasticsearch) and, for Elasticsearch,
     * {@code minyi.index.elasticsearch.url | prefix | replicas | buffer}; {@code minyi.analysis.steps | threads |
     * distilled} and {@code minyi.encoder.enabled | model | max-tokens | batch}; {@code minyi.hotspots.grouping}.
     */
    public static MinYiSettings from(UnaryOperator<String> property) {
        String homeValue = property.apply("minyi.home");
        Path home = blank(homeValue) ? installation() : Path.of(homeValue).toAbsolutePath().normalize();
        Path dataDir = path(home, property.apply("minyi.data-dir"), "data");
        Path sample = path(home, property.apply("minyi.sample-data"), "../shared/data");
        String zone = property.apply("minyi.zone");
        return new MinYiSettings(
                home,
                dataDir,
                path(home, property.apply("minyi.dictionaries"), "dictionaries"),
                path(home, property.apply("minyi.models"), "models"),
                Files.isDirectory(sample) ? sample : null,
                blank(zone) ? CHINA : ZoneId.of(zone),
                elasticsearch(property, home, dataDir),
                analysis(property),
                org.minyi.insight.HotspotGrouping.parse(property.apply("minyi.hotspots.grouping"), DEFAULT_GROUPING));
    }

    private static AnalysisSettings analysis(UnaryOperator<String> property) {
        String enabled = property.apply("minyi.encoder.enabled");
        boolean encoderOn = blank(enabled) || Boolean.parseBoolean(enabled.strip());
        if (!blank(enabled) && !enabled.strip().equalsIgnoreCase("true") && !enabled.strip().equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("minyi.encoder.enabled must be true or false, was " + enabled);
        }
        String model = property.apply("minyi.encoder.model");
        EncoderSettings encoder = new EncoderSettings(encoderOn,
                blank(model) ? EncoderSettings.defaults().model() : model.strip(),
                number(property, "minyi.encoder.max-tokens", EncoderSettings.DEFAULT_MAX_TOKENS),
                number(property, "minyi.encoder.batch", EncoderSettings.DEFAULT_BATCH));
        String steps = property.apply("minyi.analysis.steps");
        List<String> names = blank(steps)
                ? (encoderOn ? AnalysisSteps.WITH_ENCODER : AnalysisSteps.STANDARD)
                : Arrays.stream(steps.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new AnalysisSettings(names,
                number(property, "minyi.analysis.threads", Math.max(1, Runtime.getRuntime().availableProcessors())),
                encoder, bool(property, "minyi.analysis.distilled", false));
    }

    private static boolean bool(UnaryOperator<String> property, String key, boolean fallback) {
        String value = property.apply(key);
        if (blank(value)) {
            return fallback;
        }
        if (!value.strip().equalsIgnoreCase("true") && !value.strip().equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(key + " must be true or false, was " + value);
        }
        return Boolean.parseBoolean(value.strip());
    }

    private static int number(UnaryOperator<String> property, String key, int fallback) {
        String value = property.apply(key);
        if (blank(value)) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + value + "'");
        }
    }

    private static ElasticsearchTarget elasticsearch(UnaryOperator<String> property, Path home, Path dataDir) {
        String backend = property.apply("minyi.index.backend");
        if (blank(backend) || backend.strip().equalsIgnoreCase("lucene")) {
            return null;
        }
        if (!backend.strip().equalsIgnoreCase("elasticsearch")) {
            throw new IllegalArgumentException("minyi.index.backend must be lucene or elasticsearch, was " + backend);
        }
        String url = property.apply("minyi.index.elasticsearch.url");
        String prefix = property.apply("minyi.index.elasticsearch.prefix");
        String replicas = property.apply("minyi.index.elasticsearch.replicas");
        return new ElasticsearchTarget(
                URI.create(blank(url) ? "http://127.0.0.1:9200" : url.strip()),
                blank(prefix) ? "minyi" : prefix.strip(),
                blank(replicas) ? 1 : Integer.parseInt(replicas.strip()),
                path(home, property.apply("minyi.index.elasticsearch.buffer"), dataDir.resolve("es-buffer").toString()));
    }

    /**
     * The installation folder when MinYi runs as {@code java -jar …/minyi.jar}: the jar's folder, or the folder above
     * it (a checkout's {@code target/}), whichever holds {@code models/}; else the working directory.
     */
    static Path installation() {
        return installation(System.getProperty("java.class.path", ""));
    }

    static Path installation(String classPath) {
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            Path folder = Path.of(classPath).toAbsolutePath().normalize().getParent();
            for (int up = 0; folder != null && up < 2; up++, folder = folder.getParent()) {
                if (Files.isDirectory(folder.resolve("models"))) {
                    return folder;
                }
            }
        }
        return Path.of(".").toAbsolutePath().normalize();
    }

    /** Settings files of this installation ({@code application.properties}), read by the service at start. */
    public Path configDir() {
        return home.resolve("config");
    }

    public Path indexDir() {
        return dataDir.resolve("index");
    }

    /** Which issue each merged issue went into ({@code org.minyi.insight.IssueTable}). */
    public Path issueMerges() {
        return dataDir.resolve(org.minyi.insight.IssueTable.FILE_NAME);
    }

    /** People's corrections of topics and attitudes (append-only, audited; see {@code CorrectionStore}). */
    public Path corrections() {
        return dataDir.resolve("corrections.jsonl");
    }

    /** Words admins add at run time are kept here (read by every pipeline, the command line's too). */
    public Path adminDictionaries() {
        return dataDir.resolve("dictionaries");
    }

    private static Path path(Path home, String value, String fallback) {
        return home.resolve(blank(value) ? fallback : value.strip()).normalize();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

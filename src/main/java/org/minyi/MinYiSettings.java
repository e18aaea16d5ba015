package org.minyi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Where MinYi keeps and finds things. Every path defaults relative to {@code home} (the checkout or install
 * folder): {@code data/} for the index and state, {@code dictionaries/}, {@code models/}, and the real data set at
 * {@code ../shared/data} when it exists.
 *
 * @param sampleData folder of the real government-message data set loaded at first start, or null
 * @param zone       the zone in which dates without offset are read and trend buckets are cut
 */
public record MinYiSettings(Path home, Path dataDir, Path dictionaries, Path models, Path sampleData, ZoneId zone) {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Settings from system properties {@code minyi.home}, {@code minyi.data-dir}, … or the defaults. */
    public static MinYiSettings fromSystemProperties() {
        Path home = Path.of(System.getProperty("minyi.home", ".")).toAbsolutePath().normalize();
        return resolve(home, System.getProperty("minyi.data-dir"), System.getProperty("minyi.dictionaries"),
                System.getProperty("minyi.models"), System.getProperty("minyi.sample-data"),
                System.getProperty("minyi.zone"));
    }

    /** Fills every blank value with its default under {@code home}. */
    public static MinYiSettings resolve(Path home, String dataDir, String dictionaries, String models,
                                        String sampleData, String zone) {
        Path sample = blank(sampleData) ? home.resolve("../shared/data").normalize() : home.resolve(sampleData);
        return new MinYiSettings(
                home,
                blank(dataDir) ? home.resolve("data") : home.resolve(dataDir),
                blank(dictionaries) ? home.resolve("dictionaries") : home.resolve(dictionaries),
                blank(models) ? home.resolve("models") : home.resolve(models),
                Files.isDirectory(sample) ? sample : null,
                blank(zone) ? CHINA : ZoneId.of(zone));
    }

    public Path indexDir() {
        return dataDir.resolve("index");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

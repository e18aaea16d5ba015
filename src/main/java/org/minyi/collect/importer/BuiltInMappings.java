package org.minyi.collect.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The mappings under resources/mappings/, loaded once. Listed by name because a jar cannot list a directory. */
final class BuiltInMappings {

    private static final List<String> NAMES = List.of(
            "teddy2020-with-votes",
            "teddy2020-with-replies",
            "teddy2020-labeled",
            "teddy2020-segmented",
            "shangluo-mayor-mailbox",
            "hotline-12345",
            "minyi-export");

    private static final List<ColumnMapping> ALL = NAMES.stream().map(BuiltInMappings::load).toList();

    private BuiltInMappings() {
    }

    static List<ColumnMapping> all() {
        return ALL;
    }

    private static ColumnMapping load(String name) {
        String resource = "/mappings/" + name + ".yaml";
        try (InputStream in = BuiltInMappings.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in mapping " + resource + " is missing from the classpath");
            }
            return MappingYaml.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

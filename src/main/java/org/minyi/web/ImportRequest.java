package org.minyi.web;

import org.minyi.collect.importer.ColumnMapping;
import org.minyi.collect.importer.FileFormat;
import org.minyi.collect.importer.ImportOptions;
import org.minyi.message.Channel;

/**
 * The options of an import as the client gave them (text), so a spooled job can be written down and read back after
 * a restart. Every part may be null or blank.
 *
 * @param format      csv | jsonl | xlsx; blank: by file name
 * @param mappingYaml a column-mapping YAML; blank: chosen by the file's header
 * @param source      overrides the source of every message
 * @param channel     overrides the channel: board | hotline | news | forum
 */
public record ImportRequest(String format, String mappingYaml, String source, String channel) {

    public static ImportRequest defaults() {
        return new ImportRequest(null, null, null, null);
    }

    /** @throws IllegalArgumentException naming the option that is wrong */
    public ImportOptions toOptions() {
        ImportOptions options = ImportOptions.defaults();
        if (present(format)) {
            options = options.withFormat(FileFormat.parse(format));
        }
        if (present(mappingYaml)) {
            options = options.withMapping(ColumnMapping.parse(mappingYaml, "uploaded mapping"));
        }
        if (present(source)) {
            options = options.withSource(source.strip());
        }
        if (present(channel)) {
            options = options.withChannel(Channel.parse(channel));
        }
        return options;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}

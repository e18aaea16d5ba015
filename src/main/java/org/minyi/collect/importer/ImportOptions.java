package org.minyi.collect.importer;

import org.minyi.message.Channel;

/**
 * How to read a file. Every part is optional.
 *
 * @param format  null: by file extension
 * @param mapping null: the built-in mapping whose columns match the file's header (or shape)
 * @param source  overrides the source of every message
 * @param channel overrides the channel of every message
 */
public record ImportOptions(FileFormat format, ColumnMapping mapping, String source, Channel channel) {

    public static ImportOptions defaults() {
        return new ImportOptions(null, null, null, null);
    }

    public ImportOptions withFormat(FileFormat format) {
        return new ImportOptions(format, mapping, source, channel);
    }

    public ImportOptions withMapping(ColumnMapping mapping) {
        return new ImportOptions(format, mapping, source, channel);
    }

    public ImportOptions withSource(String source) {
        return new ImportOptions(format, mapping, source, channel);
    }

    public ImportOptions withChannel(Channel channel) {
        return new ImportOptions(format, mapping, source, channel);
    }
}

package org.minyi.web;

import java.util.Locale;
import java.util.NoSuchElementException;
import org.minyi.LocalizedError;

/** A hotspot id no kept period holds (it may have cooled and left the current period): answered 404. */
final class UnknownHotspot extends NoSuchElementException implements LocalizedError {

    private final String id;

    UnknownHotspot(String id) {
        super("no hotspot " + id);
        this.id = id;
    }

    @Override
    public String code() {
        return "hotspot.unknown";
    }

    @Override
    public String message(Locale locale) {
        return LocalizedError.english(locale) ? "No such hotspot (it may have left the current period): " + id
                : "没有这个热点（可能已不在当前时期内）：" + id;
    }
}

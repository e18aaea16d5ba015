package org.minyi.access;

import java.util.Locale;
import org.minyi.LocalizedError;

/** The caller may not do this (change another user's saved search, say); the service answers 403. */
public final class AccessRefused extends RuntimeException implements LocalizedError {

    private final String chinese;

    public AccessRefused(String chinese, String english) {
        super(english);
        this.chinese = chinese;
    }

    @Override
    public String code() {
        return "forbidden";
    }

    @Override
    public String message(Locale locale) {
        return LocalizedError.english(locale) ? getMessage() : chinese;
    }
}

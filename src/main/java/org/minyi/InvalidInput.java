package org.minyi;

import java.util.Locale;

/** Input a person gave that cannot be accepted, explained in both languages; the service answers 400. */
public final class InvalidInput extends IllegalArgumentException implements LocalizedError {

    private final String code;
    private final String chinese;

    public InvalidInput(String code, String chinese, String english) {
        super(english);
        this.code = code;
        this.chinese = chinese;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String message(Locale locale) {
        return LocalizedError.english(locale) ? getMessage() : chinese;
    }
}

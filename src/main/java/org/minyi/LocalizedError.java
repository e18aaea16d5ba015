package org.minyi;

import java.util.Locale;

/**
 * An error a person reads: a stable code for programs and the explanation in Chinese (the default) or English.
 * The service answers such errors as {@code {code, message}} in the caller's language.
 */
public interface LocalizedError {

    /** A stable, dotted identifier such as {@code query.syntax}. */
    String code();

    /** The explanation in English when {@code locale} is English, in Chinese otherwise. */
    String message(Locale locale);

    static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}

package org.minyi.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * The language a person sees: Chinese first, English when they chose it with the pages' switch (the cookie
 * {@value #COOKIE}{@code =en}), with {@code ?lang=en}, or — for programs, not the pages' own calls, which follow the
 * switch alone — when the client asks for English first ({@code Accept-Language: en…}).
 */
public final class Language {

    public static final String COOKIE = "minyi-lang";

    private Language() {
    }

    public static Locale of(HttpServletRequest request) {
        if (request == null) {
            return Locale.CHINESE;
        }
        String chosen = request.getParameter("lang");
        if (chosen == null && request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    chosen = cookie.getValue();
                }
            }
        }
        if (chosen == null && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            String accept = request.getHeader("Accept-Language");
            chosen = accept == null ? null : accept.strip();
        }
        return chosen != null && chosen.regionMatches(true, 0, "en", 0, 2) ? Locale.ENGLISH : Locale.CHINESE;
    }

    public static boolean english(HttpServletRequest request) {
        return of(request) == Locale.ENGLISH;
    }

    /** The Chinese or the English wording, as the request asks. */
    public static String pick(HttpServletRequest request, String chinese, String english) {
        return english(request) ? english : chinese;
    }
}

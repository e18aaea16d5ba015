package org.minyi.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * A page the service fills in itself (login, errors): an HTML file under {@code pages/} with {@code {{name}}} slots,
 * each filled with an HTML-escaped value. Read once, filled per request.
 */
final class PageTemplate {

    private final String html;

    private PageTemplate(String html) {
        this.html = html;
    }

    static PageTemplate load(String name) {
        try (InputStream in = PageTemplate.class.getClassLoader().getResourceAsStream("pages/" + name)) {
            if (in == null) {
                throw new IllegalStateException("page template pages/" + name + " is missing");
            }
            return new PageTemplate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read page template pages/" + name, e);
        }
    }

    String fill(Map<String, String> values) {
        String page = html;
        for (Map.Entry<String, String> slot : values.entrySet()) {
            page = page.replace("{{" + slot.getKey() + "}}", HtmlUtils.htmlEscape(slot.getValue()));
        }
        return page;
    }
}

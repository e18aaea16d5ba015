package org.minyi.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.minyi.LocalizedError;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What the servlet container shows for an error no controller answered (a page the user may not open, an unknown
 * address, a failure in a filter): a page in Chinese with an English switch for browsers, {@link ApiError} JSON
 * for API calls and programs. Replaces Spring Boot's "Whitelabel" page.
 */
@Controller
class ErrorPages implements ErrorController {

    private final PageTemplate template = PageTemplate.load("error.html");

    @RequestMapping("/error")
    ResponseEntity<?> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : 500;
        ErrorWording wording = ErrorWording.of(status);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (wantsJson(request, uri == null ? "" : uri.toString())) {
            Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            ApiError body = thrown instanceof LocalizedError localized
                    ? new ApiError(localized.code(), localized.message(Language.of(request)))
                    : new ApiError(ApiError.codeOf(status), wording.message(request));
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
        }
        String page = template.fill(Map.of(
                "status", Integer.toString(status),
                "chineseTitle", wording.chineseTitle,
                "englishTitle", wording.englishTitle,
                "chineseText", wording.chineseText,
                "englishText", wording.englishText));
        return ResponseEntity.status(status).contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .body(page);
    }

    /** API and actuator addresses, script calls and clients that do not accept HTML get JSON. */
    static boolean wantsJson(HttpServletRequest request, String path) {
        if (path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/")
                || "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept == null || !accept.contains("text/html");
    }
}

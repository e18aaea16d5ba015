package org.minyi.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.minyi.analysis.AnalysisPipeline;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request body over its limit with 413 before it is read into memory: by its Content-Length, or, for a
 * chunked body, as soon as reading passes the limit. POST /api/analyze may send {@link #MAX_BYTES}; uploads to
 * /api/imports are files (bounded by the multipart settings, and spooled to disk, never held in memory); alert
 * subscriptions are bounded by their own controller; every other request, JSON bodies and forms alike, at most
 * {@link #OTHER_MAX_BYTES}.
 */
@Component
final class RequestBodyLimit extends OncePerRequestFilter {

    /**
     * The largest analyze request. The pipeline reads at most {@link AnalysisPipeline#MAX_ANALYSED_CHARS} characters
     * of a text (some 60 kB of UTF-8); a megabyte leaves room for a long title and JSON escapes while a client
     * cannot make the service hold a 10 MB body per request.
     */
    static final int MAX_BYTES = 1024 * 1024;
    /** Users, dictionary words, logins, crawl starts: a few hundred bytes each; 64 KiB is room to spare. */
    static final int OTHER_MAX_BYTES = 64 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The body grew past the limit while it was read; {@link ApiErrors} answers 413. */
    static final class TooLarge extends RuntimeException {
        TooLarge(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath();
        return path.equals("/api/imports") || path.startsWith("/api/subscriptions") || path.startsWith("/api/alerts");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean analyze = "/api/analyze".equals(request.getServletPath());
        long limit = analyze ? MAX_BYTES : OTHER_MAX_BYTES;
        String message = analyze ? message() : String.format("the request body is larger than %,d bytes", limit);
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(JSON.writeValueAsString(
                    new ApiError(HttpStatus.CONTENT_TOO_LARGE.value(), message)).getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(new CappedRequest(request, limit, message), response);
    }

    static String message() {
        return String.format("the request body is larger than %,d bytes; only the first %,d characters of a text are"
                + " analysed, so send at most those", MAX_BYTES, AnalysisPipeline.MAX_ANALYSED_CHARS);
    }

    private static final class CappedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private final String message;
        private ServletInputStream capped;

        CappedRequest(HttpServletRequest request, long limit, String message) {
            super(request);
            this.limit = limit;
            this.message = message;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (capped == null) {
                capped = new CappedStream(super.getInputStream(), limit, message);
            }
            return capped;
        }
    }

    private static final class CappedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private final String message;
        private long read;

        CappedStream(ServletInputStream in, long limit, String message) {
            this.in = in;
            this.limit = limit;
            this.message = message;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new TooLarge(message);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}

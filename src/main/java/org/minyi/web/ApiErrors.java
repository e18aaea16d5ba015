package org.minyi.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.minyi.LocalizedError;
import org.minyi.access.AccessRefused;
import org.minyi.collect.importer.ImportException;
import org.minyi.index.elasticsearch.ElasticsearchUnavailableException;
import org.minyi.index.lucene.IndexWriteException;
import org.minyi.index.query.QuerySyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;

/**
 * Every error an API call can end in, as {@link ApiError} {@code {code, message}}: bad input 400 (413 when too
 * large), unknown ids 404, an unavailable index 503, anything unexpected 500 with a reference to the log. Messages are
 * Chinese unless the caller chose English ({@link Language}), and never carry a Java class name.
 */
@RestControllerAdvice
class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    /** Qualified Java names (org.minyi.alert.Destination, java.net.ConnectException:) and bare exception names. */
    private static final Pattern CLASS_NAMES = Pattern.compile(
            "`?\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Z][\\w$]*`?:?\\s?|\\b[A-Z]\\w*(?:Exception|Error)\\b:?\\s?");

    @ExceptionHandler(QuerySyntaxException.class)
    ResponseEntity<ApiError> querySyntax(QuerySyntaxException e, HttpServletRequest request) {
        return ResponseEntity.badRequest().body(new ApiError(e.code(), e.message(Language.of(request)),
                e.position()));
    }

    @ExceptionHandler({IllegalArgumentException.class, ImportException.class})
    ResponseEntity<ApiError> badRequest(RuntimeException e, HttpServletRequest request) {
        if (e instanceof LocalizedError localized) {
            return answer(HttpStatus.BAD_REQUEST, localized.code(), localized.message(Language.of(request)));
        }
        return answer(HttpStatus.BAD_REQUEST, "bad_request",
                Language.pick(request, "请求有误：", "Bad request: ") + clean(e.getMessage()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, "parameter.missing", Language.pick(request,
                "缺少参数 " + e.getParameterName(), "the parameter '" + e.getParameterName() + "' is missing"));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, "parameter.missing", Language.pick(request,
                "缺少上传的部分 " + e.getRequestPartName(), "the upload part '" + e.getRequestPartName()
                        + "' is missing"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> wrongType(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String value = String.valueOf(e.getValue());
        return answer(HttpStatus.BAD_REQUEST, "parameter.invalid", Language.pick(request,
                "参数 " + e.getName() + " 的值“" + value + "”格式不对",
                "parameter '" + e.getName() + "': cannot read '" + value + "'"));
    }

    /** A body that is not JSON, or whose fields do not fit: says which field, and the reason a check gave. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.TooLarge tooLarge) {
                return tooLarge(tooLarge); // the body grew past the limit while it was read
            }
        }
        String reason = checkFailure(e);
        String field = fieldPath(e);
        String message;
        if (reason != null) {
            message = Language.pick(request, "请求内容有误", "the request body is not valid")
                    + (field == null ? "" : Language.pick(request, "（字段 " + field + "）", " (field " + field + ")"))
                    + Language.pick(request, "：", ": ") + reason;
        } else if (field != null) {
            message = Language.pick(request, "请求内容中字段 " + field + " 的值无法读取（类型或格式不对）",
                    "the request body's field " + field + " cannot be read (wrong type or format)");
        } else {
            message = Language.pick(request, "请求内容不是有效的 JSON", "the request body is not valid JSON");
        }
        return answer(HttpStatus.BAD_REQUEST, "request.unreadable", message);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return answer(HttpStatus.CONTENT_TOO_LARGE, "too_large", Language.pick(request,
                "上传的文件太大", "the upload is too large"));
    }

    @ExceptionHandler(RequestBodyLimit.TooLarge.class)
    ResponseEntity<ApiError> tooLarge(RequestBodyLimit.TooLarge e) {
        return answer(HttpStatus.CONTENT_TOO_LARGE, "too_large", e.getMessage());
    }

    /** A multipart body that cannot be parsed, e.g. a NUL in a file name (too large ones: above). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> badUpload(MultipartException e, HttpServletRequest request) {
        Throwable cause = e.getMostSpecificCause();
        String reason = clean(String.valueOf(cause.getMessage()).replace('\u0000', '?'));
        return answer(HttpStatus.BAD_REQUEST, "upload.unreadable", Language.pick(request,
                "上传的内容无法按表单读取：", "the upload cannot be read as multipart form data: ") + reason);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ApiError> notFound(NoSuchElementException e, HttpServletRequest request) {
        if (e instanceof LocalizedError localized) {
            return answer(HttpStatus.NOT_FOUND, localized.code(), localized.message(Language.of(request)));
        }
        return answer(HttpStatus.NOT_FOUND, "not_found",
                Language.pick(request, "找不到：", "not found: ") + clean(e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(AccessDeniedException e, HttpServletRequest request) {
        return answer(HttpStatus.FORBIDDEN, "forbidden", ErrorWording.of(403).message(request));
    }

    @ExceptionHandler(AccessRefused.class)
    ResponseEntity<ApiError> refused(AccessRefused e, HttpServletRequest request) {
        return answer(HttpStatus.FORBIDDEN, e.code(), e.message(Language.of(request)));
    }

    /**
     * The index failed. The exception's message names the index folder or Elasticsearch's internal address, which
     * is for the log; every role can meet a 503, so the answer says only what kind of failure it was.
     */
    @ExceptionHandler({ElasticsearchUnavailableException.class, IndexWriteException.class})
    ResponseEntity<ApiError> indexUnavailable(RuntimeException e, HttpServletRequest request) {
        LOG.warn("{} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        String reason;
        if (e instanceof IndexWriteException write && write.diskFull()) {
            reason = Language.pick(request, "索引所在磁盘已满，请释放空间后重试",
                    "the index disk is full; free disk space and try again");
        } else if (e instanceof IndexWriteException) {
            reason = Language.pick(request, "写入索引失败", "a write to the index failed");
        } else {
            reason = Language.pick(request, "Elasticsearch 无法访问或拒绝了请求",
                    "Elasticsearch cannot be reached or refused the request");
        }
        return answer(HttpStatus.SERVICE_UNAVAILABLE, "index.unavailable", Language.pick(request,
                "索引暂时不可用：" + reason + "（详见服务日志）",
                "the index is not available: " + reason + " (details in the service log)"));
    }

    /**
     * Spring's own request errors (unknown path, wrong method…) keep their status; anything else is a 500. A page a
     * browser asked for is left to {@link ErrorPages}, which draws it.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        if (!ErrorPages.wantsJson(request, request.getRequestURI())) {
            throw e; // rethrown as it came, Spring passes it on to the container's error page
        }
        if (e instanceof ErrorResponse spring) {
            HttpStatusCode status = spring.getStatusCode();
            return answer(HttpStatus.valueOf(status.value()), ApiError.codeOf(status.value()),
                    ErrorWording.of(status.value()).message(request));
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("{} {} failed (reference {})", request.getMethod(), request.getRequestURI(), reference, e);
        if (response.isCommitted()) {
            return null; // a streamed answer broke off: nothing more can be sent
        }
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal", ErrorWording.of(500).message(request)
                + Language.pick(request, "（编号 ", " (reference ") + reference + Language.pick(request, "）", ")"));
    }

    private static ResponseEntity<ApiError> answer(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(new ApiError(code, message));
    }

    /** The message without Java class names. */
    static String clean(String message) {
        if (message == null) {
            return "";
        }
        return CLASS_NAMES.matcher(message).replaceAll("").strip();
    }

    /** The message of a check that refused a value (a record's constructor, say), or null. */
    private static String checkFailure(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException && !(cause instanceof JacksonException)
                    && cause.getMessage() != null) {
                return clean(cause.getMessage());
            }
        }
        return null;
    }

    /** The JSON path of the field that could not be read (destination.type, rules[2]), or null. */
    private static String fieldPath(Throwable e) {
        for (Throwable cause = e; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (JacksonException.Reference reference : jackson.getPath()) {
                    if (reference.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
                    } else if (reference.getIndex() >= 0) {
                        path.append('[').append(reference.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
    }
}

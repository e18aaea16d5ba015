package org.minyi.web;

import java.util.NoSuchElementException;
import org.minyi.collect.importer.ImportException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** Maps bad input to 400 (413 when too large) and unknown ids to 404, with the reason in the body. */
@RestControllerAdvice
class ApiErrors {

    // ImportException: an upload's format, mapping or options are wrong before any import starts
    @ExceptionHandler({IllegalArgumentException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class, ImportException.class})
    ResponseEntity<ApiError> badRequest(Exception e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(RequestBodyLimit.TooLarge.class)
    ResponseEntity<ApiError> tooLarge(RequestBodyLimit.TooLarge e) {
        return answer(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    }

    /** An upload over the multipart limit (413), or a multipart body that cannot be parsed, e.g. a NUL in a name. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> badUpload(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException) {
            return answer(HttpStatus.CONTENT_TOO_LARGE, "the upload is larger than the service accepts"
                    + " (spring.servlet.multipart.max-file-size)");
        }
        Throwable cause = e.getMostSpecificCause();
        return answer(HttpStatus.BAD_REQUEST, "the upload cannot be read as multipart form data: "
                + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage())
                .replace('\u0000', '?'));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ApiError> notFound(NoSuchElementException e) {
        return answer(HttpStatus.NOT_FOUND, e.getMessage());
    }

    private static ResponseEntity<ApiError> answer(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), message));
    }
}

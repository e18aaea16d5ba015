package org.minyi.web;

import java.util.NoSuchElementException;
import org.minyi.collect.importer.ImportException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Maps bad input to 400 (413 when too large) and unknown ids to 404, with the reason in the body. */
@RestControllerAdvice
class ApiErrors {

    // ImportException: an upload's format, mapping or options are wrong before any import starts
    @ExceptionHandler({IllegalArgumentException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class, ImportException.class})
    ResponseEntity<ApiError> badRequest(Exception e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(AnalyzeBodyLimit.TooLarge.class)
    ResponseEntity<ApiError> tooLarge(AnalyzeBodyLimit.TooLarge e) {
        return answer(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ApiError> notFound(NoSuchElementException e) {
        return answer(HttpStatus.NOT_FOUND, e.getMessage());
    }

    private static ResponseEntity<ApiError> answer(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), message));
    }
}

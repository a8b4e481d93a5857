package org.complaintsuite.platform.web;

import org.complaintsuite.platform.consume.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

import java.net.URI;
import java.util.List;

/** Every error answer is RFC 9457 problem+json; request errors list each field at fault. */
@AutoConfiguration
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandling {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);
    private static final int RETRY_AFTER_SECONDS = 5;

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        return invalidRequest(e.problems());
    }

    @ExceptionHandler(WebExchangeBindException.class)
    ResponseEntity<ProblemDetail> bind(WebExchangeBindException e) {
        List<FieldProblem> problems = e.getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(FieldProblem::field))
                .toList();
        return invalidRequest(problems);
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        if (causedBy(e, DataBufferLimitException.class)) {
            return tooLarge();
        }
        String reason = causedBy(e, DecodingException.class)
                ? "body is not valid JSON for this request: " + rootMessage(e)
                : e.getReason();
        return invalidRequest(List.of(new FieldProblem("body", reason)));
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<ProblemDetail> limit(DataBufferLimitException e) {
        return tooLarge();
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.CONFLICT, "conflict",
                "Conflicts with the current state", e.getMessage());
        response.getBody().setProperty("currentState", e.currentState());
        return response;
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        if (status == HttpStatus.CONTENT_TOO_LARGE) {
            return tooLarge();
        }
        return problem(status, "http-" + status.value(), status.getReasonPhrase(), e.getReason());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (TransientFailures.isTransient(e)) {
            log.warn("a store this service needs is out of reach: {}", rootMessage(e));
            HttpHeaders retryAfter = new HttpHeaders();
            retryAfter.set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                    "a store this service needs is out of reach for now; send the request again after "
                            + RETRY_AFTER_SECONDS + " s", retryAfter);
        }
        log.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the request could not be completed; it can be retried");
    }

    public static ResponseEntity<ProblemDetail> invalidRequest(List<FieldProblem> problems) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "invalid-request",
                "Invalid request", problems.size() + " field(s) at fault");
        response.getBody().setProperty("errors", problems);
        return response;
    }

    private static ResponseEntity<ProblemDetail> tooLarge() {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Body too large",
                "the request body exceeds the size this service accepts");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        return problem(status, type, title, detail, new HttpHeaders());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail,
                                                         HttpHeaders headers) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("https://complaintsuite.org/problems/" + type));
        body.setTitle(title);
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}

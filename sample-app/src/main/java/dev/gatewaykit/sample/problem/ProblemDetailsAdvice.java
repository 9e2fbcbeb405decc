package dev.gatewaykit.sample.problem;

import java.util.ArrayList;
import java.util.List;

import dev.gatewaykit.sdk.errors.GatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as {@code application/problem+json}: gateway failures explained by the sdk (kind, hint, route), and
 * invalid input as 400 with an {@code errors} list naming each field and what is wrong with it.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger logger = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final GatewayProblems problems;

    public ProblemDetailsAdvice(GatewayProblems problems) {
        this.problems = problems;
    }

    /**
     * A gateway call failed.
     * @param ex the explained failure
     * @return the problem
     */
    @ExceptionHandler(GatewayException.class)
    public ResponseEntity<ProblemDetail> gatewayFailed(GatewayException ex) {
        logger.warn("Gateway call failed: {}", ex.getMessage());
        ProblemDetail problem = this.problems.of(ex.error());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /**
     * Anything else: a 500 problem that says where to look, without internals.
     * @param ex the failure
     * @return the problem
     */
    @ExceptionHandler(RuntimeException.class)
    public ResponseEntity<ProblemDetail> unexpected(RuntimeException ex) {
        logger.error("Unexpected failure", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Unexpected failure (" + ex.getClass().getSimpleName() + "); the server log has the details.");
        problem.setTitle("Internal error");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(fieldError(error.getField(), error));
        }
        return invalid(ex.getBody(), errors, headers, status, request, ex);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults()
            .forEach((result) -> result.getResolvableErrors()
                .forEach((error) -> errors.add(fieldError(result.getMethodParameter().getParameterName(), error))));
        return invalid(ex.getBody(), errors, headers, status, request, ex);
    }

    private ResponseEntity<Object> invalid(ProblemDetail body, List<FieldProblem> errors, HttpHeaders headers,
            HttpStatusCode status, WebRequest request, Exception ex) {
        body.setTitle("Invalid request");
        body.setDetail(String.join("; ", errors.stream().map((e) -> e.field() + " " + e.message()).toList()));
        body.setProperty("errors", errors);
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    private static FieldProblem fieldError(String field, MessageSourceResolvable error) {
        return new FieldProblem(String.valueOf(field), String.valueOf(error.getDefaultMessage()));
    }

    /**
     * One invalid input.
     * @param field the field or parameter
     * @param message what is wrong with it
     */
    public record FieldProblem(String field, String message) {
    }

}

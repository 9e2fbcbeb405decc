package dev.gatewaykit.sample.summary;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No corpus document has the requested id: 404, before any gateway call. */
public class UnknownDocumentException extends ErrorResponseException {

    UnknownDocumentException(String documentId, List<String> known) {
        super(HttpStatus.NOT_FOUND, problem(documentId, known), null);
    }

    private static ProblemDetail problem(String documentId, List<String> known) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No document '" + documentId + "'; the documents are " + String.join(", ", known) + ".");
        problem.setTitle("Unknown document");
        return problem;
    }

}

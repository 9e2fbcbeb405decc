package dev.gatewaykit.sample.summary;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/summarize}: a corpus document summarized through Spring AI's {@code ChatClient}. */
@RestController
public class SummaryController {

    private final SummaryService service;

    public SummaryController(SummaryService service) {
        this.service = service;
    }

    /**
     * Summarizes a document.
     * @param request the document id
     * @return the summary
     */
    @PostMapping("/api/summarize")
    public SummaryResponse summarize(@Valid @RequestBody SummaryRequest request) {
        return this.service.summarize(request.documentId());
    }

}

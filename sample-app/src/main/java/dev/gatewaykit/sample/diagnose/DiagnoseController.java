package dev.gatewaykit.sample.diagnose;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/diagnose}: a configuration problem diagnosed by the LLM route as structured JSON. */
@RestController
public class DiagnoseController {

    private final DiagnoseService service;

    public DiagnoseController(DiagnoseService service) {
        this.service = service;
    }

    /**
     * Diagnoses a problem.
     * @param request the problem
     * @return the parsed diagnosis
     */
    @PostMapping("/api/diagnose")
    public DiagnoseResponse diagnose(@Valid @RequestBody DiagnoseRequest request) {
        return this.service.diagnose(request.problem());
    }

}

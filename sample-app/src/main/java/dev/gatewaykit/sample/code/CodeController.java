package dev.gatewaykit.sample.code;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/code}: code generation through the CODEX route (Responses API). */
@RestController
public class CodeController {

    private final CodeService service;

    public CodeController(CodeService service) {
        this.service = service;
    }

    /**
     * Writes code for a task.
     * @param request the task
     * @return the code
     */
    @PostMapping("/api/code")
    public CodeResponse code(@Valid @RequestBody CodeRequest request) {
        return this.service.write(request.task());
    }

}

package dev.gatewaykit.sample.agent;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/agent}: a question answered by a tool-calling agent on the CODEX route (Responses API). */
@RestController
public class AgentController {

    private final AgentService service;

    public AgentController(AgentService service) {
        this.service = service;
    }

    /**
     * Runs the agent on a task.
     * @param request the task
     * @return the answer and the function calls it took
     */
    @PostMapping("/api/agent")
    public AgentResponse run(@Valid @RequestBody AgentRequest request) {
        return this.service.run(request.task());
    }

}

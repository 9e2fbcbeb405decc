package dev.gatewaykit.sample.demo;

import dev.gatewaykit.sample.agent.ReadFileTool;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.scripting.Script;

/**
 * The model turns the demo's public proxy plays, scripted as a test scripts them: a stub cannot decide to call a
 * function, so the agent's first turn calls {@code read_file} and, once the file's output is back, the model
 * answers. Every other call gets the stub's default answers (echo, or JSON synthesized from the schema).
 */
final class DemoScripts {

    static final String AGENT_FILE = "routes";

    static final String AGENT_ANSWER = "OPENAI_INTERNAL_BASE_URL sets the embeddings route; chat and code use "
            + "OPENAI_BASE_URL (read: " + AGENT_FILE + ").";

    private DemoScripts() {
    }

    static void apply(GatewayStub publicProxy) {
        publicProxy.script(Script.builder()
            .path("/responses")
            .hasTools(true)
            .turn(1)
            .toolCall(ReadFileTool.NAME, "{\"path\":\"" + AGENT_FILE + "\"}")
            .then()
            .reply(AGENT_ANSWER)
            .build());
    }

}

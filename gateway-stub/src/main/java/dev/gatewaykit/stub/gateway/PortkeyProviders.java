package dev.gatewaykit.stub.gateway;

import java.util.Set;

/**
 * The provider names Portkey's open-source gateway 1.15.2 accepts in {@code x-portkey-provider} and a config's
 * {@code provider}: {@code VALID_PROVIDERS} in Portkey-AI/gateway {@code src/globals.ts}, checked by
 * {@code src/middlewares/requestValidator/index.ts} (exact, case-sensitive match).
 */
final class PortkeyProviders {

    /** The names, in the order of {@code VALID_PROVIDERS}. */
    static final java.util.List<String> VALID = java.util.List.of(
            "anthropic", "anyscale", "azure-openai", "cohere", "google", "vertex-ai", "mistral-ai", "openai", "palm",
            "perplexity-ai", "reka-ai", "together-ai", "deepinfra", "ncompass", "stability-ai", "nomic", "ollama",
            "ai21", "bedrock", "groq", "segmind", "jina", "fireworks-ai", "workers-ai", "moonshot", "openrouter",
            "lingyi", "zhipu", "novita-ai", "monsterapi", "deepseek", "predibase", "triton", "voyage", "azure-ai",
            "github", "deepbricks", "siliconflow", "huggingface", "cerebras", "inference-net", "sambanova",
            "lemonfox-ai", "upstage", "lambda", "dashscope", "x-ai", "cortex", "sagemaker", "nebius", "recraft-ai",
            "milvus", "replicate", "portkey", "lepton", "kluster-ai", "nscale", "hyperbolic", "bytez",
            "featherless-ai", "krutrim", "qdrant", "302ai", "cometapi", "matterai", "meshy", "tripo3d", "nextbit",
            "modal", "z-ai", "oracle", "iointelligence", "aibadgr", "ovhcloud");

    private static final Set<String> SET = Set.copyOf(VALID);

    private PortkeyProviders() {
    }

    /** Whether {@code name} is a provider the gateway knows (exact match, as {@code VALID_PROVIDERS.includes}). */
    static boolean valid(String name) {
        return name != null && SET.contains(name);
    }
}

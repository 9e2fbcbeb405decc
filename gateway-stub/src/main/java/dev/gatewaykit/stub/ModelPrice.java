package dev.gatewaykit.stub;

/**
 * Price of a model in US dollars per million tokens, used for spend, budgets and {@code x-litellm-response-cost}.
 *
 * @param inputPerMillion  USD per 1,000,000 prompt tokens
 * @param outputPerMillion USD per 1,000,000 completion tokens
 */
public record ModelPrice(double inputPerMillion, double outputPerMillion) {

    /** Price applied to models without an explicit price. */
    public static final ModelPrice DEFAULT = new ModelPrice(1.0, 2.0);

    /** Validates that both prices are finite and not negative. */
    public ModelPrice {
        if (!(inputPerMillion >= 0) || !(outputPerMillion >= 0)
                || Double.isInfinite(inputPerMillion) || Double.isInfinite(outputPerMillion)) {
            throw new IllegalArgumentException("prices must be finite and >= 0, got input=" + inputPerMillion
                    + " output=" + outputPerMillion);
        }
    }

    /** Cost in USD of one call with the given token counts. */
    public double cost(long promptTokens, long completionTokens) {
        return (promptTokens * inputPerMillion + completionTokens * outputPerMillion) / 1_000_000.0;
    }
}

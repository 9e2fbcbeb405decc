package dev.gatewaykit.stub.keys;

import dev.gatewaykit.stub.ModelPrice;

import java.util.Map;

/** Prices per model (exact name, then the part after a {@code provider/} prefix), else a default. */
public final class PriceList {

    private final Map<String, ModelPrice> prices;

    /** Prices for the given models; others use {@link ModelPrice#DEFAULT}. */
    public PriceList(Map<String, ModelPrice> prices) {
        this.prices = Map.copyOf(prices);
    }

    /** The price of {@code model}. */
    public ModelPrice of(String model) {
        if (model == null) {
            return ModelPrice.DEFAULT;
        }
        ModelPrice p = prices.get(model);
        if (p == null) {
            int slash = model.lastIndexOf('/');
            if (slash >= 0) {
                p = prices.get(model.substring(slash + 1));
            }
        }
        return p == null ? ModelPrice.DEFAULT : p;
    }
}

package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.settings.RouteSettings.ValueSource;

/**
 * A value found in a layer: normalised (trimmed, never blank), with the setting that supplied it, the layer's name
 * and its position (0 = highest precedence).
 */
record FoundValue(String value, Setting setting, String layer, int position) {

    /** Where the value came from, as shown to users. */
    ValueSource source() {
        return new ValueSource(setting.variable(), layer);
    }
}

package dev.gatewaykit.sdk.settings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Formats routes as an aligned text table with masked keys. */
final class RoutingTable {

    private RoutingTable() {
    }

    static String format(Collection<RouteSettings> routes) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ROLE", "GATEWAY", "URL", "MODEL", "KEY", "FROM"});
        for (RouteSettings r : routes) {
            String key = r.keyless() ? "(none: keyless)" : r.apiKey().isPresent() ? r.apiKey().get().masked()
                    : "(missing)";
            rows.add(new String[] {r.role().name(), r.gateway().id(), r.baseUrl(), r.model().orElse("-"), key,
                    from(r)});
        }
        int[] widths = new int[6];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
            }
            sb.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return sb.toString();
    }

    private static String from(RouteSettings r) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, RouteSettings.ValueSource> e : r.sources().byField().entrySet()) {
            parts.add(e.getKey() + "=" + e.getValue().variable() + "(" + e.getValue().layer() + ")");
        }
        return String.join(" ", parts);
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}

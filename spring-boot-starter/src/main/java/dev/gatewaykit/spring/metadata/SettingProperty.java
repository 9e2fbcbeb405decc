package dev.gatewaykit.spring.metadata;

import java.util.Arrays;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.sdk.settings.Setting;

/**
 * One setting as a metadata property: its property name, the Java type Spring tools show for its
 * {@link Setting.Type}, its description with the environment variable, and its default when the default is a
 * value rather than a rule in words (such as "the resolved OPENAI_BASE_URL", which goes into the description).
 */
final class SettingProperty {

    private static final Pattern DURATION = Pattern.compile("\\d+(ns|us|ms|s|m|h|d)");

    private static final Pattern SIZE = Pattern.compile("\\d+(B|KB|MB|GB|TB)?");

    private SettingProperty() {
    }

    static ObjectNode of(Setting setting) {
        ObjectNode property = JsonNodeFactory.instance.objectNode();
        property.put("name", setting.property());
        property.put("type", javaType(setting.type()));
        property.put("sourceType", Setting.class.getName());
        String defaultText = setting.defaultDescription().orElse(null);
        boolean literal = defaultText != null && putDefault(property, setting.type(), defaultText);
        property.put("description", description(setting, literal ? null : defaultText));
        if (literal) {
            // Keep the conventional field order: name, type, description, defaultValue.
            property.set("defaultValue", property.remove("defaultValue"));
        }
        return property;
    }

    /** The Java type the Spring tools know for a kind of value. */
    static String javaType(Setting.Type type) {
        return switch (type) {
            case URL, SECRET, TEXT -> "java.lang.String";
            case DURATION -> "java.time.Duration";
            case INTEGER -> "java.lang.Integer";
            case MAP -> "java.util.Map<java.lang.String,java.lang.String>";
            case LIST -> "java.util.List<java.lang.String>";
            case BOOLEAN -> "java.lang.Boolean";
            case SIZE -> "org.springframework.util.unit.DataSize";
        };
    }

    /** The description: the table's line, the default in words when it is no value, the variable name. */
    static String description(Setting setting, String defaultInWords) {
        StringBuilder description = new StringBuilder(setting.description()).append('.');
        if (defaultInWords != null) {
            description.append(" Default: ").append(defaultInWords).append('.');
        }
        return description.append(" Environment variable: ").append(setting.variable()).append('.').toString();
    }

    private static boolean putDefault(ObjectNode property, Setting.Type type, String text) {
        switch (type) {
            case INTEGER -> {
                if (!text.matches("\\d+")) {
                    return false;
                }
                property.put("defaultValue", Integer.parseInt(text));
            }
            case BOOLEAN -> {
                if (!text.equals("true") && !text.equals("false")) {
                    return false;
                }
                property.put("defaultValue", Boolean.parseBoolean(text));
            }
            case DURATION -> {
                if (!DURATION.matcher(text).matches()) {
                    return false;
                }
                property.put("defaultValue", text);
            }
            case SIZE -> {
                if (!SIZE.matcher(text).matches()) {
                    return false;
                }
                property.put("defaultValue", text);
            }
            case LIST -> {
                if (text.isBlank() || text.chars().anyMatch(Character::isWhitespace)) {
                    return false;
                }
                Arrays.stream(text.split(",")).forEach(property.putArray("defaultValue")::add);
            }
            case URL, TEXT -> {
                if (text.isBlank() || text.chars().anyMatch(Character::isWhitespace)) {
                    return false;
                }
                property.put("defaultValue", text);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

}

package dev.gatewaykit.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.MapSource;
import dev.gatewaykit.sdk.settings.Setting;
import dev.gatewaykit.sdk.settings.SettingsSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's {@code META-INF/spring-configuration-metadata.json} and the sdk's {@link Setting} table agree, as
 * Spring Boot's {@code CouchbasePropertiesTests} keeps its properties and the Couchbase SDK's defaults equal: every
 * setting is a property with its type, description and default, no {@code openai.*} property exists without a
 * setting or a field the starter binds, and the defaults shown are the values the sdk resolves with nothing set.
 */
class ConfigurationMetadataTests {

    private static final String OWN_PROPERTIES = OpenAIGatewayProperties.class.getName();

    /** What Spring tools should show for each kind of value of the table. */
    private static final Map<Setting.Type, Class<?>> RAW_TYPES = new EnumMap<>(Map.of(Setting.Type.URL, String.class,
            Setting.Type.SECRET, String.class, Setting.Type.TEXT, String.class, Setting.Type.DURATION, Duration.class,
            Setting.Type.INTEGER, Integer.class, Setting.Type.MAP, Map.class, Setting.Type.LIST, List.class,
            Setting.Type.BOOLEAN, Boolean.class, Setting.Type.SIZE, DataSize.class));

    private static JsonNode metadata;

    private static synchronized JsonNode metadata() throws IOException {
        if (metadata == null) {
            metadata = read();
        }
        return metadata;
    }

    private static JsonNode read() throws IOException {
        // The starter's own file: the one next to its compiled classes, not another jar's.
        String ownLocation = OpenAIGatewayProperties.class.getProtectionDomain().getCodeSource().getLocation()
            .toString();
        List<URL> candidates = Collections.list(ConfigurationMetadataTests.class.getClassLoader()
            .getResources("META-INF/spring-configuration-metadata.json"));
        for (URL url : candidates) {
            if (url.toString().startsWith(ownLocation) || url.toString().contains(ownLocation)) {
                try (InputStream in = url.openStream()) {
                    return new ObjectMapper().readTree(in);
                }
            }
        }
        throw new AssertionError("no generated metadata under " + ownLocation + " among " + candidates);
    }

    private static Optional<JsonNode> find(String name) throws IOException {
        for (JsonNode property : metadata().get("properties")) {
            if (property.get("name").asText().equals(name)) {
                return Optional.of(property);
            }
        }
        return Optional.empty();
    }

    private static JsonNode property(String name) throws IOException {
        return find(name).orElseThrow(() -> new AssertionError("no property " + name));
    }

    private static List<String> hintValues(String name) throws IOException {
        List<String> values = new ArrayList<>();
        for (JsonNode hint : metadata().get("hints")) {
            if (hint.get("name").asText().equals(name)) {
                hint.get("values").forEach((value) -> values.add(value.get("value").asText()));
            }
        }
        return values;
    }

    static Stream<Setting> settings() {
        return Setting.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void everySettingIsAPropertyWithItsTypeDescriptionAndVariable(Setting setting) throws Exception {
        JsonNode property = property(setting.property());
        String type = property.path("type").asText();
        String rawType = type.contains("<") ? type.substring(0, type.indexOf('<')) : type;
        assertThat(Class.forName(rawType)).isEqualTo(RAW_TYPES.get(setting.type()));
        if (setting.type() == Setting.Type.MAP || setting.type() == Setting.Type.LIST) {
            assertThat(type).as("element types").matches(".*<java\\.lang\\.String(,java\\.lang\\.String)?>");
        }
        assertThat(property.path("description").asText()).startsWith(setting.description() + ".")
            .endsWith("Environment variable: " + setting.variable() + ".");
        assertThat(property.path("sourceType").asText()).isEqualTo(Setting.class.getName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void everyDefaultOfTheTableIsShownAsValueOrInWords(Setting setting) throws IOException {
        JsonNode property = property(setting.property());
        JsonNode defaultValue = property.path("defaultValue");
        Optional<String> inTable = setting.defaultDescription();
        if (inTable.isEmpty()) {
            assertThat(defaultValue.isMissingNode()).isTrue();
            assertThat(property.path("description").asText()).doesNotContain("Default:");
        }
        else if (defaultValue.isMissingNode()) {
            assertThat(property.path("description").asText()).contains("Default: " + inTable.get() + ".");
        }
        else {
            String shown = defaultValue.isArray() ? String.join(",", values(defaultValue)) : defaultValue.asText();
            assertThat(shown).isEqualTo(inTable.get());
        }
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach((value) -> values.add(value.asText()));
        return values;
    }

    static Stream<Arguments> resolvedDefaults() {
        Function<GatewaySettings, Object> maxRetries = GatewaySettings::maxRetries;
        return Stream.of(Arguments.of(Setting.CONNECT_TIMEOUT, (Function<GatewaySettings, Object>) GatewaySettings::connectTimeout),
                Arguments.of(Setting.READ_TIMEOUT, (Function<GatewaySettings, Object>) GatewaySettings::readTimeout),
                Arguments.of(Setting.TIMEOUT, (Function<GatewaySettings, Object>) GatewaySettings::callTimeout),
                Arguments.of(Setting.MAX_RETRIES, maxRetries),
                Arguments.of(Setting.BASE_URL, (Function<GatewaySettings, Object>) (s) -> s.route(Role.LLM).baseUrl()),
                Arguments.of(Setting.GATEWAY, (Function<GatewaySettings, Object>) (s) -> "auto"),
                Arguments.of(Setting.FAILOVER_ENABLED, (Function<GatewaySettings, Object>) (s) -> s.failover().enabled()),
                Arguments.of(Setting.FAILOVER_BASE_URL, (Function<GatewaySettings, Object>) (s) -> s.failover().baseUrl()),
                Arguments.of(Setting.FAILOVER_FAILURE_THRESHOLD,
                        (Function<GatewaySettings, Object>) (s) -> s.failover().failureThreshold()),
                Arguments.of(Setting.FAILOVER_COOL_DOWN, (Function<GatewaySettings, Object>) (s) -> s.failover().coolDown()),
                Arguments.of(Setting.MAX_RETRY_AFTER, (Function<GatewaySettings, Object>) (s) -> s.limits().maxRetryAfter()),
                Arguments.of(Setting.POOL_KEEP_ALIVE, (Function<GatewaySettings, Object>) (s) -> s.limits().poolKeepAlive()),
                Arguments.of(Setting.MAX_RESPONSE_BYTES,
                        (Function<GatewaySettings, Object>) (s) -> s.limits().maxResponseBytes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resolvedDefaults")
    void shownDefaultsAreTheValuesTheSdkResolvesWithNothingSet(Setting setting,
            Function<GatewaySettings, Object> resolvedValue) throws IOException {
        GatewaySettings nothingSet = GatewaySettings.resolve(SettingsSources.of(new MapSource("test",
                Map.of(Setting.API_KEY.variable(), "sk-test-metadata-defaults"))));
        JsonNode shown = property(setting.property()).path("defaultValue");
        assertThat(shown.isMissingNode()).as(setting + " shows a default").isFalse();
        Object expected = resolvedValue.apply(nothingSet);
        Object parsed = switch (setting.type()) {
            case DURATION -> DurationStyle.detectAndParse(shown.asText());
            case INTEGER -> shown.asInt();
            case BOOLEAN -> shown.asBoolean();
            case SIZE -> DataSize.parse(shown.asText()).toBytes();
            default -> shown.asText();
        };
        assertThat(parsed).isEqualTo(expected);
    }

    @Test
    void noOpenAIPropertyWithoutASettingOrAFieldTheStarterBinds() throws IOException {
        List<String> settings = Setting.all().stream().map(Setting::property).toList();
        for (JsonNode property : metadata().get("properties")) {
            String name = property.get("name").asText();
            if (name.startsWith("openai.") && !settings.contains(name)) {
                assertThat(property.path("sourceType").asText()).as(name).startsWith(OWN_PROPERTIES);
            }
        }
        assertThat(Setting.all()).extracting(Setting::property)
            .doesNotHaveDuplicates()
            .noneMatch((name) -> name.startsWith("openai.dotenv.") || name.startsWith("openai.metrics.")
                    || name.startsWith("openai.credentials"));
    }

    @Test
    void theTransportLimitsAreListed() throws IOException {
        assertThat(property("openai.max-retry-after").path("defaultValue").asText()).isEqualTo("60s");
        assertThat(property("openai.pool-keep-alive").path("type").asText()).isEqualTo("java.time.Duration");
        assertThat(property("openai.max-response-bytes").path("defaultValue").asText()).isEqualTo("64MB");
    }

    @Test
    void theStartersOwnPropertiesAreDescribedWithTheirDefaults() throws IOException {
        for (String name : List.of("openai.dotenv.enabled", "openai.dotenv.directory", "openai.metrics.enabled",
                "openai.credentials", "management.health.gateway.cache-ttl", "management.health.gateway.timeout",
                "management.health.gateway.include-in-root", "management.health.gateway.enabled")) {
            assertThat(property(name).path("description").asText()).as(name).isNotBlank();
        }
        OpenAIGatewayProperties defaults = new OpenAIGatewayProperties();
        assertThat(property("openai.dotenv.enabled").path("defaultValue").asBoolean())
            .isEqualTo(defaults.getDotenv().isEnabled());
        assertThat(property("openai.metrics.enabled").path("defaultValue").asBoolean())
            .isEqualTo(defaults.getMetrics().isEnabled());
        assertThat(property("openai.credentials").path("type").asText()).isEqualTo(
                "java.util.Map<java.lang.String," + OWN_PROPERTIES + "$Credential>");
        assertThat(property("openai.credentials").path("description").asText()).contains("base URL");
        assertThat(hintValues("openai.credentials.keys")).contains("billing");
    }

    @Test
    void hintsListGatewayKindsAuthModesRolesAndExampleUrls() throws IOException {
        List<String> kinds = new ArrayList<>(List.of("auto"));
        Stream.of(GatewayKind.values()).map(GatewayKind::id).forEach(kinds::add);
        assertThat(hintValues("openai.gateway")).containsExactlyElementsOf(kinds);
        for (Role role : Role.values()) {
            String prefix = "openai." + role.propertyName();
            assertThat(hintValues(prefix + ".auth")).containsExactly("bearer", "none");
            assertThat(hintValues(prefix + ".base-url")).contains("https://api.portkey.ai/v1");
            assertThat(hintValues(prefix + ".model")).isNotEmpty();
        }
        assertThat(hintValues("openai.base-url")).contains("https://api.openai.com/v1", "http://localhost:4000");
        assertThat(hintValues("openai.failover.base-url")).contains("https://api.openai.com/v1");
        assertThat(hintValues("openai.require-keys")).contains("true", "false", "llm");
    }

}

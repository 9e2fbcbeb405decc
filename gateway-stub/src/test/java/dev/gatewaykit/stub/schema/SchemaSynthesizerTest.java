package dev.gatewaykit.stub.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Synthesized values validate against their schema, keyword by keyword; impossible schemas say why. */
class SchemaSynthesizerTest {

    private static JsonNode schema(String json) {
        return RawHttp.json(json);
    }

    private static JsonNode valid(String json) {
        JsonNode schema = schema(json);
        JsonNode value = SchemaSynthesizer.synthesize(schema);
        assertThat(SchemaValidator.validate(value, schema)).as("problems of %s", value).isEmpty();
        assertThat(SchemaSynthesizer.synthesize(schema)).as("deterministic").isEqualTo(value);
        return value;
    }

    @Test
    void objectsGetEveryPropertyWithTypedValues() {
        JsonNode v = valid("{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"city\",\"days\",\"ok\",\"t\"],"
                + "\"properties\":{\"city\":{\"type\":\"string\"},\"days\":{\"type\":\"integer\"},\"ok\":{\"type\":\"boolean\"},"
                + "\"t\":{\"type\":\"number\"},\"note\":{\"type\":[\"string\",\"null\"]}}}");
        assertThat(v.get("city").asText()).isEqualTo("city");
        assertThat(v.get("days").isIntegralNumber()).isTrue();
        assertThat(v.get("ok").asBoolean()).isTrue();
        assertThat(v.has("note")).isTrue();
    }

    @Test
    void enumConstAndNumericBoundsAreHonoured() {
        JsonNode v = valid("{\"type\":\"object\",\"properties\":{\"unit\":{\"enum\":[\"C\",\"F\"]},\"v\":{\"const\":42},"
                + "\"n\":{\"type\":\"integer\",\"minimum\":5,\"maximum\":9,\"multipleOf\":3},"
                + "\"x\":{\"type\":\"number\",\"exclusiveMinimum\":10,\"exclusiveMaximum\":11},"
                + "\"neg\":{\"type\":\"integer\",\"maximum\":-3}}}");
        assertThat(v.get("unit").asText()).isEqualTo("C");
        assertThat(v.get("v").asInt()).isEqualTo(42);
        assertThat(v.get("n").asInt()).isEqualTo(6);
        assertThat(v.get("x").asDouble()).isStrictlyBetween(10.0, 11.0);
        assertThat(v.get("neg").asInt()).isEqualTo(-3);
    }

    @Test
    void stringLengthsAndFormats() {
        JsonNode v = valid("{\"type\":\"object\",\"properties\":{\"code\":{\"type\":\"string\",\"minLength\":8},"
                + "\"id\":{\"type\":\"string\",\"maxLength\":2},\"when\":{\"type\":\"string\",\"format\":\"date-time\"},"
                + "\"mail\":{\"type\":\"string\",\"format\":\"email\"}}}");
        assertThat(v.get("code").asText()).hasSize(8);
        assertThat(v.get("id").asText()).hasSize(2);
        assertThat(v.get("when").asText()).isEqualTo("2025-01-01T00:00:00Z");
    }

    @Test
    void arraysMeetMinItemsAndUniqueness() {
        JsonNode v = valid("{\"type\":\"object\",\"properties\":{\"tags\":{\"type\":\"array\",\"minItems\":3,\"uniqueItems\":true,"
                + "\"items\":{\"type\":\"string\"}},\"none\":{\"type\":\"array\",\"maxItems\":0},"
                + "\"levels\":{\"type\":\"array\",\"minItems\":2,\"uniqueItems\":true,\"items\":{\"enum\":[\"a\",\"b\"]}}}}");
        assertThat(v.get("tags")).hasSize(3);
        assertThat(v.get("none")).isEmpty();
        assertThat(v.get("levels").toString()).isEqualTo("[\"a\",\"b\"]");
    }

    @Test
    void nestedObjectsRefsAndAnyOf() {
        JsonNode v = valid("{\"type\":\"object\",\"$defs\":{\"Line\":{\"type\":\"object\",\"additionalProperties\":false,"
                + "\"required\":[\"sku\",\"qty\"],\"properties\":{\"sku\":{\"type\":\"string\"},\"qty\":{\"type\":\"integer\",\"minimum\":1}}}},"
                + "\"properties\":{\"lines\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/Line\"},\"minItems\":2},"
                + "\"discount\":{\"anyOf\":[{\"type\":\"number\",\"minimum\":0},{\"type\":\"null\"}]},"
                + "\"customer\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}},\"required\":[\"name\"]}}}");
        assertThat(v.at("/lines/1/qty").asInt()).isEqualTo(1);
        assertThat(v.at("/customer/name").asText()).isEqualTo("name");
        assertThat(v.get("discount").isNumber()).isTrue();
    }

    @Test
    void recursiveSchemasEndThroughTheirOptionalBranches() {
        JsonNode v = valid("{\"$defs\":{\"Node\":{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"name\",\"children\"],"
                + "\"properties\":{\"name\":{\"type\":\"string\"},\"children\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/Node\"}}}}},"
                + "\"$ref\":\"#/$defs/Node\"}");
        assertThat(v.get("name").asText()).isEqualTo("name");
    }

    @Test
    void impossibleSchemasSayWhereAndWhy() {
        assertThatThrownBy(() -> SchemaSynthesizer.synthesize(schema("{\"type\":\"object\",\"properties\":{\"tags\":"
                + "{\"type\":\"array\",\"minItems\":3,\"maxItems\":1}}}")))
                .isInstanceOf(SchemaException.class)
                .hasMessage("In context=('properties', 'tags'), minItems (3) is greater than maxItems (1)");
        assertThatThrownBy(() -> SchemaSynthesizer.synthesize(schema("{\"type\":\"integer\",\"minimum\":5,\"maximum\":3}")))
                .hasMessageContaining("no integer lies within the bounds");
        assertThatThrownBy(() -> SchemaSynthesizer.synthesize(schema("{\"type\":\"object\",\"required\":[\"x\"],"
                + "\"properties\":{},\"additionalProperties\":false}")))
                .hasMessageContaining("required property 'x' is not in 'properties'");
        assertThatThrownBy(() -> SchemaSynthesizer.synthesize(schema("{\"$ref\":\"#/$defs/Missing\"}")))
                .hasMessageContaining("points at nothing");
        assertThatThrownBy(() -> SchemaSynthesizer.synthesize(schema("{\"type\":\"array\",\"minItems\":1000000000}")))
                .hasMessageContaining("beyond the stub's limit");
    }

    @Test
    void validatorNamesEachProblemWithItsPath() {
        JsonNode schema = schema("{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"a\"],"
                + "\"properties\":{\"a\":{\"type\":\"integer\",\"maximum\":3},\"b\":{\"enum\":[\"x\"]}}}");
        assertThat(SchemaValidator.validate(RawHttp.json("{\"a\":5,\"b\":\"y\",\"c\":1}"), schema)).containsExactly(
                "$.a: 5 is greater than the maximum 3",
                "$.b: expected one of [\"x\"], got \"y\"",
                "$.c: property is not allowed (additionalProperties is false)");
        assertThat(SchemaValidator.validate(RawHttp.json("{}"), schema)).containsExactly("$: required property 'a' is missing");
    }

    @Test
    void strictModeRulesMatchOpenAiWording() {
        assertThat(StrictSchemaCheck.violation(schema("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},"
                + "\"required\":[\"a\"]}"))).contains("In context=(), 'additionalProperties' is required to be supplied and to be false.");
        assertThat(StrictSchemaCheck.violation(schema("{\"type\":\"object\",\"additionalProperties\":false,"
                + "\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}},\"required\":[\"a\"]}")))
                .contains("In context=(), 'required' is required to be supplied and to be an array including every key in properties. Missing 'b'.");
        assertThat(StrictSchemaCheck.violation(schema("{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"o\"],"
                + "\"properties\":{\"o\":{\"type\":\"object\",\"properties\":{}}}}")))
                .contains("In context=('properties', 'o'), 'additionalProperties' is required to be supplied and to be false.");
    }
}

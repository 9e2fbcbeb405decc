package dev.gatewaykit.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.gatewaykit.sdk.settings.MapSource;
import dev.gatewaykit.sdk.settings.Setting;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;

/**
 * Binds the string form {@code name=value,name2=value2} to a {@code Map<String, String>} property, so
 * {@code OPENAI_HEADERS}, {@code OPENAI_<ROLE>_HEADERS} and {@code PORTKEY_METADATA} set as single environment
 * variables bind to {@link OpenAIGatewayProperties} (Spring has no string-to-map conversion of its own). Parsing is
 * the sdk's, so both sides read the same string the same way.
 */
final class NameValueListConverter implements ConditionalGenericConverter {

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, Map.class));
    }

    @Override
    public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
        TypeDescriptor key = targetType.getMapKeyTypeDescriptor();
        TypeDescriptor value = targetType.getMapValueTypeDescriptor();
        return key != null && value != null && key.getType() == String.class && value.getType() == String.class;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        Setting anyMapSetting = Setting.HEADERS;
        try {
            return new MapSource("binding", Map.of(anyMapSetting.variable(), (String) source)).getMap(anyMapSetting);
        }
        catch (IllegalArgumentException ex) {
            // Malformed lists are reported by the settings resolution, which names the variable and keeps the
            // value out of Spring's bind-failure report (header values can carry credentials).
            return new LinkedHashMap<String, String>();
        }
    }

}

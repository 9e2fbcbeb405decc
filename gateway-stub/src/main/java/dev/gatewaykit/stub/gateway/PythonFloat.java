package dev.gatewaykit.stub.gateway;

import java.math.BigDecimal;

/**
 * Formats a double as Python's {@code str(float)} does ({@code 0.0}, {@code 14.0}, {@code 0.00015},
 * {@code 1.5e-05}, {@code 1e+16}), since LiteLLM's {@code get_custom_headers} sends {@code str(value)}
 * ({@code proxy/common_request_processing.py}) and budget messages format floats the same way.
 */
public final class PythonFloat {

    private PythonFloat() {
    }

    /** Python's repr of {@code value}. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String sign = value < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = exact.abs().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        int abs = Math.abs(exponent);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (abs < 10 ? "0" : "") + abs;
    }
}

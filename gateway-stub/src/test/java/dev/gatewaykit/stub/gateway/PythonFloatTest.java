package dev.gatewaykit.stub.gateway;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected values are Python 3's {@code str(float)} output. */
class PythonFloatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0.0, 0.0",
            "14.0, 14.0",
            "2.5, 2.5",
            "0.00015, 0.00015",
            "0.0001, 0.0001",
            "0.000015, 1.5e-05",
            "0.00001, 1e-05",
            "1.2345678e-7, 1.2345678e-07",
            "123456789012345.0, 123456789012345.0",
            "1e16, 1e+16",
            "1.5e17, 1.5e+17",
            "-0.25, -0.25",
            "-0.000015, -1.5e-05",
            "0.1, 0.1",
            "1e-100, 1e-100"})
    void formatsAsPythonsStr(double value, String python) {
        assertThat(PythonFloat.format(value)).isEqualTo(python);
    }
}

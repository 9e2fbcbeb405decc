package dev.gatewaykit.spring.test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;

import dev.gatewaykit.spring.autoconfigure.OpenAIGatewayAutoConfiguration;
import dev.gatewaykit.stub.GatewayStub;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The stub lives exactly as long as its context; its mode sets the routes' gateway. */
class GatewayStubAutoConfigurationTests {

    @Test
    void stubStopsWithTheContext() {
        GatewayStub[] started = new GatewayStub[1];
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GatewayStubAutoConfiguration.class,
                    OpenAIGatewayAutoConfiguration.class))
            .withPropertyValues("openai.dotenv.enabled=false")
            .run((context) -> {
                assertThat(context).hasSingleBean(GatewayStub.class)
                    .hasSingleBean(GatewayStubConnectionDetails.class);
                started[0] = context.getBean(GatewayStub.class);
                try (Socket socket = new Socket(started[0].host(), started[0].port())) {
                    assertThat(socket.isConnected()).isTrue();
                }
            });
        assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> connect(started[0]));
    }

    @Test
    void theSelfHostedPortkeyModeWithoutAProviderFailsTheStartNamingTheSetting() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GatewayStubAutoConfiguration.class,
                    OpenAIGatewayAutoConfiguration.class))
            .withPropertyValues("openai.dotenv.enabled=false", GatewayStubAutoConfiguration.MODE_PROPERTY + "=portkey-oss")
            .run((context) -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("PORTKEY_PROVIDER")
                .hasMessageContaining("x-portkey-provider"));
    }

    private static void connect(GatewayStub stub) throws IOException {
        try (Socket socket = new Socket(stub.host(), stub.port())) {
            socket.getInputStream();
        }
    }

}

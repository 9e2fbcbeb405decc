package dev.gatewaykit.sample.e2e;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;

/** A test of the sample app running on a random port, reached over real HTTP through {@link #http}. */
abstract class RunningAppTest {

    @LocalServerPort
    int port;

    AppHttp http;

    @BeforeEach
    void connectToApp() {
        this.http = new AppHttp(this.port);
    }

}

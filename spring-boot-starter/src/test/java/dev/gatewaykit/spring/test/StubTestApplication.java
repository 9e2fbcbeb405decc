package dev.gatewaykit.spring.test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A minimal web application using the starter, for the tests against the gateway stub. */
@SpringBootConfiguration
@EnableAutoConfiguration
class StubTestApplication {

}

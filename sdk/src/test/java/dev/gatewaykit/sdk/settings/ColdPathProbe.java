package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.metrics.GatewayMetrics;
import dev.gatewaykit.sdk.metrics.GatewayObservations;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

/**
 * Run in a fresh JVM by {@link ColdPathNoLambdaTest}: resolves the settings once, as an application's startup does,
 * and with {@code --clients} also builds the role clients with metrics and observations (without calling them),
 * then says so. Written without lambdas itself, so every lambda class of ours the JVM loads comes from the code
 * under test.
 */
public final class ColdPathProbe {

    static final String RESOLVED = "COLD_PATH_RESOLVED";

    private ColdPathProbe() {
    }

    public static void main(String[] args) {
        GatewaySettings settings = GatewaySettings.fromEnvironment();
        if (args.length == 1 && args[0].equals("--clients")) {
            GatewayClients clients = GatewayClients.builder(settings)
                    .addRouteInterceptors(GatewayMetrics.routeInterceptors(new SimpleMeterRegistry()))
                    .addRouteInterceptors(GatewayObservations.routeInterceptors(ObservationRegistry.create()))
                    .build();
            clients.close();
        }
        System.out.println(RESOLVED + " " + settings.routes().size());
    }
}

package dev.gatewaykit.sdk.plain;

import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.settings.GatewaySettings;

/** A plain-Java application as the README shows it: settings from the environment, clients, nothing else. */
public final class PlainJavaConsumer {

    private PlainJavaConsumer() {
    }

    public static void main(String[] args) {
        GatewaySettings settings = GatewaySettings.fromEnvironment();
        try (GatewayClients clients = GatewayClients.create(settings)) {
            System.out.print(settings.routingTable());
        }
    }
}

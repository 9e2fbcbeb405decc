package dev.gatewaykit.sdk.settings;

/**
 * Run in a fresh JVM by {@link ColdPathNoLambdaTest}: resolves the settings once, as an application's startup does,
 * and says so. Written without lambdas itself, so every lambda class the JVM loads comes from the code under test.
 */
public final class ColdPathProbe {

    static final String RESOLVED = "COLD_PATH_RESOLVED";

    private ColdPathProbe() {
    }

    public static void main(String[] args) {
        GatewaySettings settings = GatewaySettings.fromEnvironment();
        System.out.println(RESOLVED + " " + settings.routes().size());
    }
}

/**
 * Gateway settings: the {@link dev.gatewaykit.sdk.settings.Setting} table, the layers they are read from and the
 * rules that resolve them into {@link dev.gatewaykit.sdk.settings.GatewaySettings}.
 *
 * <p><b>The startup path is written without lambdas, method references or streams</b>, on purpose: everything
 * {@code GatewaySettings.fromEnvironment()} runs, and the client construction that follows it
 * ({@code GatewayClients}, {@code RouteHttpClients}, {@code SharedHttpClient}, {@code CredentialClients}, the
 * metrics and observation route interceptors). In a fresh JVM the first lambda of an application costs about
 * 8-14 ms (the {@code java.lang.invoke} machinery starts and generates its classes) and every further one about
 * 0.5 ms (one class spun each); the resolver alone used to spin 23 of them, and a regular expression compiled in a
 * static initialiser started that machinery even when no {@code .env} file existed. Plain loops and small named
 * classes cost nothing of the kind. Patterns that only some configurations need are compiled on first use (holder
 * classes); simple character checks are loops ({@code HttpTokens}). Measured in docs/benchmarks.md
 * ({@code SettingsColdStartBenchmark}); {@code ColdPathNoLambdaTest} fails when a lambda of ours is loaded on that
 * path again. Code that runs per call, or only on an error, may use lambdas freely.
 */
package dev.gatewaykit.sdk.settings;

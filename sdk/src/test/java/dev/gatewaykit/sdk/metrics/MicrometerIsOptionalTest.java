package dev.gatewaykit.sdk.metrics;

import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Micrometer is an optional dependency: an application without it must work, and only the metrics package needs it. */
class MicrometerIsOptionalTest {

    @Test
    void clientsWorkInAClassLoaderWithoutMicrometer() throws Exception {
        try (GatewayStub stub = GatewayStub.builder().mode(StubMode.LITELLM).port(0).start();
             NoMicrometerLoader loader = new NoMicrometerLoader()) {
            @SuppressWarnings("unchecked")
            Function<String, String> app = (Function<String, String>) loader
                    .loadClass(WithoutMicrometerScenario.class.getName()).getConstructor().newInstance();

            assertThat(app.apply(stub.baseUrl())).contains("no metrics here");

            assertThat(loader.refused).isEmpty();
            assertThat(loader.loaded).contains(GatewayClients.class.getName())
                    .noneMatch(name -> name.startsWith("dev.gatewaykit.sdk.metrics.")
                            && !name.equals(WithoutMicrometerScenario.class.getName()));
        }
    }

    @Test
    void theLoaderDoesNoticeWhenMetricsAreTouched() throws Exception {
        try (NoMicrometerLoader loader = new NoMicrometerLoader()) {
            Class<?> metrics = loader.loadClass(GatewayMetrics.class.getName());

            assertThatThrownBy(metrics::getMethods).isInstanceOf(NoClassDefFoundError.class);
            assertThat(loader.refused).anyMatch(name -> name.startsWith("io.micrometer."));
        }
    }

    @Test
    void onlyTheMetricsPackageReferencesMicrometer() throws IOException, URISyntaxException {
        Path classes = Path.of(GatewayClients.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path metricsPackage = classes.resolve("dev/gatewaykit/sdk/metrics");
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(classes)) {
            offenders = files.filter(f -> f.toString().endsWith(".class") && !f.startsWith(metricsPackage))
                    .filter(MicrometerIsOptionalTest::mentionsMicrometer).toList();
        }
        assertThat(offenders).isEmpty();
        try (Stream<Path> files = Files.list(metricsPackage)) {
            assertThat(files.filter(MicrometerIsOptionalTest::mentionsMicrometer)).isNotEmpty(); // the scan sees refs
        }
    }

    private static boolean mentionsMicrometer(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains("io/micrometer/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test class path without Micrometer: classes are loaded afresh here, and any {@code io.micrometer} is refused. */
    private static final class NoMicrometerLoader extends URLClassLoader {

        final Set<String> refused = ConcurrentHashMap.newKeySet();
        final Set<String> loaded = ConcurrentHashMap.newKeySet();

        NoMicrometerLoader() {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.micrometer.")) {
                refused.add(name);
                throw new ClassNotFoundException(name + " (hidden: Micrometer is absent in this test)");
            }
            return super.loadClass(name, resolve);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            Class<?> found = super.findClass(name);
            loaded.add(name);
            return found;
        }

        /** The JVM's class path; surefire's manifest-only jar is followed through its Class-Path by URLClassLoader. */
        private static URL[] classPath() {
            return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .filter(entry -> !entry.isBlank())
                    .map(entry -> {
                        try {
                            return new File(entry).toURI().toURL();
                        } catch (MalformedURLException e) {
                            throw new IllegalStateException(e);
                        }
                    }).toArray(URL[]::new);
        }
    }
}

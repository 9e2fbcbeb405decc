package dev.gatewaykit.stub.junit;

import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.config.StubConfigFile;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.verify.Verification;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * JUnit 5 extension behind {@link GatewayStubTest}; also usable directly:
 * <pre>{@code
 * @RegisterExtension
 * static GatewayStubExtension stub = new GatewayStubExtension(GatewayStub.builder().mode(StubMode.PORTKEY));
 * }</pre>
 * One stub per test class (started on first use, stopped when the class finishes), reset before each test,
 * injected into parameters of type {@link GatewayStub} (and {@link Verification}, the stub's {@code verify()}).
 */
public final class GatewayStubExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GatewayStubExtension.class);
    private static final String KEY = "gateway-stub";

    private final Supplier<GatewayStub.Builder> builder;

    /** Configured by {@link GatewayStubTest} on the test class (or defaults). */
    public GatewayStubExtension() {
        this.builder = null;
    }

    /** Configured by {@code builder} (its {@code start()} is called once per test class). */
    public GatewayStubExtension(GatewayStub.Builder builder) {
        Objects.requireNonNull(builder, "builder");
        this.builder = () -> builder;
    }

    /** The stub of the current test class, once started (for {@code @RegisterExtension} users). */
    public GatewayStub stub(ExtensionContext context) {
        return stubFor(context);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stubFor(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        stubFor(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == GatewayStub.class || type == Verification.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        GatewayStub stub = stubFor(extensionContext);
        return parameterContext.getParameter().getType() == Verification.class ? stub.verify() : stub;
    }

    private GatewayStub stubFor(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        Class<?> testClass = classContext.getRequiredTestClass();
        // The store closes AutoCloseable values when the class context ends.
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(KEY, k -> start(testClass), GatewayStub.class);
    }

    private GatewayStub start(Class<?> testClass) {
        if (builder != null) {
            return builder.get().start();
        }
        GatewayStubTest annotation = find(testClass);
        GatewayStub.Builder b = GatewayStub.builder();
        if (annotation != null) {
            b.mode(annotation.mode()).masterKey(annotation.masterKey()).liteLlmStatuses(annotation.liteLlmStatuses());
            if (!annotation.liteLlmVersion().isBlank()) {
                b.liteLlmVersion(dev.gatewaykit.stub.LiteLlmVersion.parse(annotation.liteLlmVersion()));
            }
            if (!annotation.config().isBlank()) {
                applyConfig(testClass, annotation.config(), b);
            }
            if (!annotation.record().isBlank()) {
                b.record(Path.of(annotation.record()), upstream(annotation.upstream()));
            } else if (!annotation.replay().isBlank()) {
                b.replay(Path.of(annotation.replay()));
            }
        }
        return b.start();
    }

    private static String upstream(String value) {
        String v = value.trim();
        if (v.startsWith("${") && v.endsWith("}")) {
            String name = v.substring(2, v.length() - 1);
            v = System.getenv(name) == null ? "" : System.getenv(name).trim();
            if (v.isEmpty()) {
                throw new IllegalArgumentException("@GatewayStubTest upstream " + value + ": environment variable "
                        + name + " is not set");
            }
        }
        if (v.isEmpty()) {
            throw new IllegalArgumentException("@GatewayStubTest record needs upstream (the real gateway's base URL)");
        }
        return v;
    }

    private static void applyConfig(Class<?> testClass, String resource, GatewayStub.Builder b) {
        try (InputStream in = testClass.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("@GatewayStubTest config " + resource + " is not on the class path of "
                        + testClass.getName());
            }
            StubConfigFile.apply(Json.parse(in.readAllBytes()), b);
        } catch (IOException e) {
            throw new IllegalArgumentException("@GatewayStubTest config " + resource + " is not valid JSON: "
                    + String.valueOf(e.getMessage()).split("\n")[0], e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("@GatewayStubTest config " + resource + ": " + e.getMessage(), e);
        }
    }

    private static GatewayStubTest find(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            GatewayStubTest a = c.getAnnotation(GatewayStubTest.class);
            if (a != null) {
                return a;
            }
        }
        return null;
    }
}

package dev.gatewaykit.spring.autoconfigure;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.client.RouteInterceptors;
import dev.gatewaykit.sdk.client.SharedHttpClient;
import dev.gatewaykit.sdk.credentials.CredentialClients;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.spring.GatewayClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Fallback;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the three role-scoped {@link OpenAIClient} beans on one shared HTTP client.
 * <p>
 * Beans, each backing off when the application defines its own: {@link OpenAIGatewayConnectionDetails},
 * {@link GatewaySettings}, {@link SharedHttpClient}, {@link GatewayClients}, {@link CredentialClients} (from
 * {@code openai.credentials.*}) and the clients
 * {@code embeddingsOpenAIClient}, {@code llmOpenAIClient} and {@code codexOpenAIClient}, each qualified with
 * {@link GatewayClient @GatewayClient(Role.X)}. The embeddings and codex clients are {@link Fallback @Fallback}
 * beans, so a plain {@code OpenAIClient} injection point receives the LLM client, while an application-defined
 * {@code OpenAIClient} bean still competes on equal terms with it. Every {@link RouteInterceptors} bean (such as the
 * metrics one) is added to the role and credential clients.
 * <p>
 * All six client beans are {@link Lazy @Lazy}: created where they are first injected or looked up, so an
 * application builds at start only the openai-java clients it injects (each is built by {@link GatewayClients} on
 * first use), and Spring's end-of-start reflection over their bean types is skipped
 * ({@link ClientBeansListenerScanExclusion}).
 */
@AutoConfiguration
@ConditionalOnClass({ OpenAIClient.class, GatewayClients.class })
@EnableConfigurationProperties(OpenAIGatewayProperties.class)
public final class OpenAIGatewayAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(OpenAIGatewayConnectionDetails.class)
    PropertiesOpenAIGatewayConnectionDetails openAIGatewayConnectionDetails(OpenAIGatewayProperties properties,
            Environment environment) {
        return new PropertiesOpenAIGatewayConnectionDetails(GatewaySettingsFactory.layers(properties, environment));
    }

    @Bean
    @ConditionalOnMissingBean
    GatewaySettings gatewaySettings(OpenAIGatewayConnectionDetails connectionDetails,
            OpenAIGatewayProperties properties, Environment environment) {
        return GatewaySettingsFactory.create(connectionDetails, properties, environment);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    SharedHttpClient sharedHttpClient(GatewaySettings settings) {
        return SharedHttpClient.create(settings);
    }

    // Extra route interceptors (metrics, or the application's own) arrive as RouteInterceptors beans, so this
    // method never names Micrometer and works unchanged without it.
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    GatewayClients gatewayClients(GatewaySettings settings, SharedHttpClient http,
            ObjectProvider<RouteInterceptors> routeInterceptors) {
        GatewayClients.Builder builder = GatewayClients.builder(settings).http(http);
        for (RouteInterceptors extra : ordered(routeInterceptors)) {
            builder.addRouteInterceptors(extra);
        }
        return builder.build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    CredentialClients credentialClients(GatewaySettings settings, SharedHttpClient http,
            OpenAIGatewayProperties properties, ObjectProvider<RouteInterceptors> routeInterceptors) {
        CredentialClients.Builder builder = CredentialClients.builder(settings, http)
            .credentials(ConfiguredCredentials.from(properties.getCredentials()));
        for (RouteInterceptors extra : ordered(routeInterceptors)) {
            builder.addRouteInterceptors(extra);
        }
        return builder.build();
    }

    // The clients belong to GatewayClients, which closes them: no destroy method of their own.
    @Lazy
    @Bean(destroyMethod = "")
    @GatewayClient(Role.EMBEDDINGS)
    @Fallback
    @ConditionalOnMissingBean(name = "embeddingsOpenAIClient")
    OpenAIClient embeddingsOpenAIClient(GatewayClients clients) {
        return clients.embeddings();
    }

    @Lazy
    @Bean(destroyMethod = "")
    @GatewayClient(Role.LLM)
    @ConditionalOnMissingBean(name = "llmOpenAIClient")
    OpenAIClient llmOpenAIClient(GatewayClients clients) {
        return clients.llm();
    }

    @Lazy
    @Bean(destroyMethod = "")
    @GatewayClient(Role.CODEX)
    @Fallback
    @ConditionalOnMissingBean(name = "codexOpenAIClient")
    OpenAIClient codexOpenAIClient(GatewayClients clients) {
        return clients.codex();
    }

    // The asynchronous views of the role clients: same route, pool, interceptors and failover; qualified and
    // ranked like the synchronous ones (a plain OpenAIClientAsync injection point gets the LLM one).
    @Lazy
    @Bean(destroyMethod = "")
    @GatewayClient(Role.EMBEDDINGS)
    @Fallback
    @ConditionalOnMissingBean(name = "embeddingsOpenAIClientAsync")
    OpenAIClientAsync embeddingsOpenAIClientAsync(GatewayClients clients) {
        return clients.embeddingsAsync();
    }

    @Lazy
    @Bean(destroyMethod = "")
    @GatewayClient(Role.LLM)
    @ConditionalOnMissingBean(name = "llmOpenAIClientAsync")
    OpenAIClientAsync llmOpenAIClientAsync(GatewayClients clients) {
        return clients.llmAsync();
    }

    @Lazy
    @Bean(destroyMethod = "")
    @GatewayClient(Role.CODEX)
    @Fallback
    @ConditionalOnMissingBean(name = "codexOpenAIClientAsync")
    OpenAIClientAsync codexOpenAIClientAsync(GatewayClients clients) {
        return clients.codexAsync();
    }

    @Bean
    static ClientBeansListenerScanExclusion openAIGatewayClientBeansListenerScanExclusion() {
        return new ClientBeansListenerScanExclusion();
    }

    @Bean
    GatewayRoutesLogger openAIGatewayRoutesLogger(ObjectProvider<GatewaySettings> settings,
            ObjectProvider<CredentialClients> credentials) {
        return new GatewayRoutesLogger(settings, credentials);
    }

    // Collected with a loop, not forEach(builder::add...): no lambda to spin at start (see the sdk settings
    // package note).
    private static List<RouteInterceptors> ordered(ObjectProvider<RouteInterceptors> routeInterceptors) {
        List<RouteInterceptors> ordered = new ArrayList<>();
        Iterator<RouteInterceptors> beans = routeInterceptors.orderedStream().iterator();
        while (beans.hasNext()) {
            ordered.add(beans.next());
        }
        return ordered;
    }

}

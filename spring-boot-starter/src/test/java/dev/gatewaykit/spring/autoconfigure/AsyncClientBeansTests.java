package dev.gatewaykit.spring.autoconfigure;

import java.nio.file.Path;

import com.openai.client.OpenAIClientAsync;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.spring.GatewayClient;
import dev.gatewaykit.spring.settings.FakeProcessEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/** The asynchronous role clients as beans: names, qualifiers, the LLM one for plain injection, back-off. */
class AsyncClientBeansTests {

    private static final String[] CLIENT_BEANS = { "embeddingsOpenAIClient", "llmOpenAIClient", "codexOpenAIClient",
            "embeddingsOpenAIClientAsync", "llmOpenAIClientAsync", "codexOpenAIClientAsync" };

    @TempDir
    Path emptyDotenvDirectory;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OpenAIGatewayAutoConfiguration.class))
            .withInitializer(FakeProcessEnvironment.of("OPENAI_BASE_URL", "http://litellm.internal:4000",
                    "OPENAI_API_KEY", "sk-test-async-0123456789"))
            .withPropertyValues("openai.dotenv.directory=" + this.emptyDotenvDirectory);
    }

    @Test
    void eachRoleHasAnAsyncClientBeanThatIsTheRolesAsyncView() {
        runner().run(context -> {
            GatewayClients clients = context.getBean(GatewayClients.class);
            assertThat(context.getBean("embeddingsOpenAIClientAsync")).isSameAs(clients.embeddingsAsync());
            assertThat(context.getBean("llmOpenAIClientAsync")).isSameAs(clients.llmAsync());
            assertThat(context.getBean("codexOpenAIClientAsync")).isSameAs(clients.codexAsync());
        });
    }

    @Test
    void noRoleClientBeanIsCreatedAtStartEachOnFirstLookup() {
        runner().run(context -> {
            GatewayClients clients = context.getBean(GatewayClients.class);
            for (String lazy : CLIENT_BEANS) {
                assertThat(context.getBeanFactory().containsSingleton(lazy)).as(lazy).isFalse();
            }
            assertThat(context.getBean("codexOpenAIClient")).isSameAs(clients.codex());
            assertThat(context.getBeanFactory().containsSingleton("codexOpenAIClient")).isTrue();
        });
    }

    @Test
    void anApplicationBeanInjectingTheLlmClientGetsItBuiltAtStart() {
        runner().withUserConfiguration(AsyncConsumer.class).run(context -> {
            assertThat(context.getBeanFactory().containsSingleton("llmOpenAIClientAsync")).isTrue();
            assertThat(context.getBean(AsyncConsumer.class).plain)
                .isSameAs(context.getBean(GatewayClients.class).llmAsync());
        });
    }

    @Test
    void theClientBeansAreLeftOutOfTheEventListenerScanButAnApplicationClientOfTheSameNameIsNot() {
        runner().withUserConfiguration(OwnAsyncClient.class).run(context -> {
            for (String name : CLIENT_BEANS) {
                Object target = context.getBeanFactory().getBeanDefinition(name)
                    .getAttribute(AutoProxyUtils.ORIGINAL_TARGET_CLASS_ATTRIBUTE);
                if (name.equals("llmOpenAIClientAsync")) {
                    assertThat(target).as(name).isNull();
                }
                else {
                    assertThat(target).as(name).isEqualTo(Object.class);
                }
            }
        });
    }

    @Test
    void anApplicationEventListenerStillReceivesEventsBesideTheMarkedClientBeans() {
        runner().withUserConfiguration(StartListener.class).run(context -> {
            assertThat(context.getBean(StartListener.class).refreshed).isTrue();
        });
    }

    @Test
    void qualifiedAndPlainInjectionPointsGetTheRightAsyncClient() {
        runner().withUserConfiguration(AsyncConsumer.class).run(context -> {
            GatewayClients clients = context.getBean(GatewayClients.class);
            AsyncConsumer consumer = context.getBean(AsyncConsumer.class);
            assertThat(consumer.plain).isSameAs(clients.llmAsync());
            assertThat(consumer.embeddings).isSameAs(clients.embeddingsAsync());
            assertThat(consumer.codex).isSameAs(clients.codexAsync());
        });
    }

    @Test
    void anApplicationAsyncClientBeanReplacesTheAutoConfiguredOne() {
        runner().withUserConfiguration(OwnAsyncClient.class).run(context -> {
            assertThat(context.getBean("llmOpenAIClientAsync")).isSameAs(OwnAsyncClient.CLIENT);
            assertThat(context.getBean("codexOpenAIClientAsync"))
                .isSameAs(context.getBean(GatewayClients.class).codexAsync());
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class AsyncConsumer {

        @Autowired
        OpenAIClientAsync plain;

        @Autowired
        @GatewayClient(Role.EMBEDDINGS)
        OpenAIClientAsync embeddings;

        @Autowired
        @GatewayClient(Role.CODEX)
        OpenAIClientAsync codex;

    }

    @Configuration(proxyBeanMethods = false)
    static class OwnAsyncClient {

        static final OpenAIClientAsync CLIENT = com.openai.client.okhttp.OpenAIOkHttpClientAsync.builder()
            .baseUrl("http://127.0.0.1:9/v1").apiKey("sk-test-own-0123456789").build();

        @Bean
        @GatewayClient(Role.LLM)
        OpenAIClientAsync llmOpenAIClientAsync() {
            return CLIENT;
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class StartListener {

        boolean refreshed;

        @EventListener
        void onRefresh(ContextRefreshedEvent event) {
            this.refreshed = true;
        }

    }

}

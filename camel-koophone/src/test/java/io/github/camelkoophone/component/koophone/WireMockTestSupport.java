package io.github.camelkoophone.component.koophone;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A CamelContext whose koophone component points at a WireMock server (also playing IAM), with retries fast
 * enough for tests. Subclasses adjust the component in {@link #configure(KooPhoneComponent)}.
 */
public abstract class WireMockTestSupport {

    public static final String TOKEN = "MIIStatic-test-token";

    @RegisterExtension
    protected static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    protected CamelContext context;
    protected ProducerTemplate template;
    protected KooPhoneComponent component;

    @BeforeEach
    void startCamel() throws Exception {
        context = new DefaultCamelContext();
        component = new KooPhoneComponent();
        KooPhoneConfiguration c = component.getConfiguration();
        c.setEndpoint(wm.baseUrl());
        c.setIamEndpoint(wm.baseUrl());
        c.setAuthToken(TOKEN);
        c.setRetryDelay(5);
        c.setMaxRetryDelay(50);
        c.setRequestTimeout(5000);
        configure(component);
        context.addComponent("koophone", component);
        addRoutes(context);
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        if (context != null) {
            context.stop();
        }
    }

    protected void configure(KooPhoneComponent component) {
    }

    protected void addRoutes(CamelContext context) throws Exception {
    }

    /** Sends to the URI and returns the exchange, failed or not. */
    protected Exchange call(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
    }

    protected Exchange call(String uri, Object body) {
        return call(uri, body, Map.of());
    }

    /** A response fixture from src/test/resources/seeds. */
    public static String fixture(String name) {
        try (InputStream in = WireMockTestSupport.class.getResourceAsStream("/seeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

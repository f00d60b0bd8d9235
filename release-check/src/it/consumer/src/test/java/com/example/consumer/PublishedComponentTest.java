package com.example.consumer;

import java.io.InputStream;
import java.util.Properties;

import io.github.camelkoophone.component.koophone.KooPhoneComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a user of the published jar meets first: the scheme resolves, URIs configure, the tooling files are there. */
class PublishedComponentTest {

    @Test
    void theKooPhoneSchemeResolvesAndConfiguresFromAUri() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            assertTrue(context.getComponent("koophone") instanceof KooPhoneComponent);
            Endpoint endpoint = context.getEndpoint("koophone:batchReset?maxBatchSize=50&authToken=t");
            assertEquals("batchReset", endpoint.getEndpointUri().replaceFirst("^koophone://?", "").replaceFirst("\\?.*", ""));
            assertNotNull(context.getComponent("cph"));
        }
    }

    @Test
    void theJarCarriesItsCatalogueMetadata() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        Properties components = new Properties();
        try (InputStream in = loader.getResourceAsStream("META-INF/services/org/apache/camel/component.properties")) {
            assertNotNull(in, "component.properties");
            components.load(in);
        }
        assertEquals("cph koophone", components.getProperty("components"));
        assertNotNull(loader.getResource("META-INF/io/github/camelkoophone/component/koophone/koophone.json"));
        assertNotNull(loader.getResource(
                "META-INF/native-image/io.github.camelkoophone/camel-koophone/reflect-config.json"));
    }
}

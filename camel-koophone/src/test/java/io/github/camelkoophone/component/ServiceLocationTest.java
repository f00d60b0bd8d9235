package io.github.camelkoophone.component;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.EndpointServiceRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where each endpoint calls, as tracing ({@code server.address}) and {@code camel get service} read it. */
class ServiceLocationTest {

    @Test
    void koophoneAndCphEndpointsNameTheirServiceAndProjectButNoCredential() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:koophone").to("koophone:getTask?endpoint=http://127.0.0.1:9&authToken=secret-token");
                    from("direct:cph").to("cph:listCloudPhones?region=cn-east-3&projectId=p1&accessKey=ak&secretKey=sk");
                }
            });
            context.start();

            EndpointServiceLocation koophone = (EndpointServiceLocation) context.getEndpoints().stream()
                    .filter(e -> e.getEndpointUri().startsWith("koophone:")).findFirst().orElseThrow();
            assertThat(koophone.getServiceUrl()).isEqualTo("http://127.0.0.1:9");
            assertThat(koophone.getServiceProtocol()).isEqualTo("http");
            assertThat(koophone.getServiceMetadata()).isNull();

            EndpointServiceLocation cph = (EndpointServiceLocation) context.getEndpoints().stream()
                    .filter(e -> e.getEndpointUri().startsWith("cph:")).findFirst().orElseThrow();
            assertThat(cph.getServiceUrl()).isEqualTo("https://cph.cn-east-3.myhuaweicloud.com");
            assertThat(cph.getServiceProtocol()).isEqualTo("https");
            assertThat(cph.getServiceMetadata()).isEqualTo(Map.of("projectId", "p1"));

            EndpointServiceRegistry registry = context.getCamelContextExtension().getEndpointServiceRegistry();
            List<EndpointServiceRegistry.EndpointService> services = registry.listAllEndpointServices();
            assertThat(services).extracting(EndpointServiceRegistry.EndpointService::getServiceUrl)
                    .contains("http://127.0.0.1:9", "https://cph.cn-east-3.myhuaweicloud.com");
            // the registry keeps Camel's raw endpoint URI: credentials belong on the component, not in URIs
            assertThat(services).filteredOn(s -> "cph".equals(s.getComponent()))
                    .extracting(EndpointServiceRegistry.EndpointService::getServiceMetadata)
                    .containsOnly(Map.of("projectId", "p1"));
        }
    }
}

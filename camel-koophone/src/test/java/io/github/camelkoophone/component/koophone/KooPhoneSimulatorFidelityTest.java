package io.github.camelkoophone.component.koophone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.github.camelkoophone.component.koophone.model.BatchQueryStatusResult;
import io.github.camelkoophone.component.cloud.model.InvalidInputException;
import io.github.camelkoophone.component.koophone.model.ListInstancesResult;
import io.github.camelkoophone.simulator.KooPhoneSimulator;
import io.github.camelkoophone.simulator.state.SimInstance;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.camelkoophone.component.koophone.KooPhoneConstants.INSTANCE_IDS;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.REQUEST_ID;
import static io.github.camelkoophone.component.koophone.KooPhoneConstants.TASK_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator answers as the references do where the component depends on it: an instance of another project is
 * refused with 401 KOOPHONE.API.1001, which fails one exchange and nothing else whatever the credentials; and the
 * component and the simulator apply the same x-request-id rule.
 */
class KooPhoneSimulatorFidelityTest extends SimulatorTestSupport {

    private static final String FOREIGN = "foreign01";

    enum Credentials {
        STATIC_TOKEN, IAM_PASSWORD, AK_SK
    }

    @Override
    protected KooPhoneSimulator.Builder simulator(KooPhoneSimulator.Builder builder) {
        return builder.instance(new SimInstance(FOREIGN).projectId("another-tenants-project"));
    }

    private void use(Credentials credentials) throws Exception {
        restartCamel(camel -> {
            KooPhoneConfiguration c = camel.getComponent("koophone", KooPhoneComponent.class).getConfiguration();
            switch (credentials) {
                case STATIC_TOKEN -> { }
                case IAM_PASSWORD -> usePasswordLogin(c, KooPhoneSimulator.DEFAULT_PASSWORD);
                case AK_SK -> {
                    c.setAuthToken(null);
                    c.setAccessKey(KooPhoneSimulator.DEFAULT_ACCESS_KEY);
                    c.setSecretKey(KooPhoneSimulator.DEFAULT_SECRET_KEY);
                    c.setProjectId(KooPhoneSimulator.DEFAULT_PROJECT_ID);
                }
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Credentials.class)
    void anotherProjectsInstanceFailsOneExchangeAndNothingElse(Credentials credentials) throws Exception {
        use(credentials);
        String own = sim.inventory().ids().get(0);

        Exchange refused = call("koophone:batchQueryStatus", null, Map.of(INSTANCE_IDS, FOREIGN));
        long loginsAfterRefusal = sim.journal().count("iamToken");
        Exchange next = call("koophone:batchQueryStatus", null, Map.of(INSTANCE_IDS, own));

        assertThat(refused.getException()).isInstanceOfSatisfying(KooPhoneApiException.class, e -> {
            assertThat(e.getHttpStatus()).isEqualTo(401);
            assertThat(e.getErrorCode()).isEqualTo("KOOPHONE.API.1001");
        });
        assertThat(next.getException()).isNull();
        assertThat(next.getMessage().getBody(BatchQueryStatusResult.class).getStatusResults())
                .singleElement().satisfies(s -> assertThat(s.getInstanceId()).isEqualTo(own));
        assertThat(sim.journal().count("batchQueryStatus")).as("each exchange sent once, none refused unsent").isEqualTo(2);
        assertThat(sim.journal().count("iamToken")).as("no login between the two")
                .isEqualTo(loginsAfterRefusal).isEqualTo(credentials == Credentials.IAM_PASSWORD ? 1 : 0);
    }

    @Test
    void anotherProjectsInstancesAreNotListed() {
        Exchange out = call("koophone:listInstances", null, Map.of());

        assertThat(out.getMessage().getBody(ListInstancesResult.class).getResult())
                .extracting(ListInstancesResult.InstanceRecord::getInstanceId)
                .containsExactlyElementsOf(sim.inventory().ids().subList(0, 10)).doesNotContain(FOREIGN);
    }

    /**
     * One rule on both sides: 32 lower-case hex digits, or a UUID (8-4-4-4-12 hex digits). The component refuses
     * any other id before sending; the simulator answers any other id with 400 KOOPHONE.API.0003.
     */
    @ParameterizedTest
    @ValueSource(strings = { "0123456789abcdef0123456789abcdef", "123e4567-e89b-12d3-a456-426614174000",
            "123E4567-E89B-12D3-A456-426614174000", "order-42", "0123456789ABCDEF0123456789ABCDEF",
            "0123456789abcdef0123456789abcde", "0123456789abcdef0123456789abcdef0", "123e4567e89b-12d3-a456-426614174000",
            "g123456789abcdef0123456789abcdef", "not an id!" })
    void theComponentAndTheSimulatorAgreeOnWhatARequestIdMayBe(String requestId) throws Exception {
        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sim.url() + "/v1/instances/tasks/t1"))
                .header("X-Auth-Token", sim.staticToken()).header("x-request-id", requestId).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        boolean simulatorAccepts = !raw.body().contains("KOOPHONE.API.0003");
        long sent = sim.journal().count("getTask");

        Exchange out = call("koophone:getTask", null, Map.of(TASK_ID, "t1", REQUEST_ID, requestId));
        boolean componentAccepts = !(out.getException() instanceof InvalidInputException);

        assertThat(componentAccepts).as("the component accepts %s as the simulator does", requestId).isEqualTo(simulatorAccepts);
        assertThat(sim.journal().count("getTask")).isEqualTo(sent + (componentAccepts ? 1 : 0));
        if (!componentAccepts) {
            assertThat(out.getException()).hasMessageContaining(REQUEST_ID).hasMessageContaining(requestId);
            assertThat(raw.statusCode()).isEqualTo(400);
        }
        if (List.of("0123456789abcdef0123456789abcdef", "123e4567-e89b-12d3-a456-426614174000").contains(requestId)) {
            assertThat(componentAccepts).as("the forms the rule is written for are accepted").isTrue();
        }
        if (requestId.equals("order-42")) {
            assertThat(componentAccepts).as("an id of the caller's own making outside the rule").isFalse();
        }
    }
}

package io.github.camelkoophone.simulator;

import java.util.List;
import java.util.Map;

import io.github.camelkoophone.simulator.http.ErrorCodes;
import io.github.camelkoophone.simulator.iam.AccessKey;
import io.github.camelkoophone.simulator.iam.SimUser;
import io.github.camelkoophone.simulator.junit.KooPhoneSimulatorExtension;
import io.github.camelkoophone.simulator.state.SimInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances belong to a project. Credentials act for one (a static token and the built-in key for the simulator's
 * project, an IAM token for its user's, a key for the project it was given): another project's instance is
 * refused with 401 KOOPHONE.API.1001, as the references answer an instance id that is not the caller's, before
 * anything changes; an id no project has keeps the simulator's own answer.
 */
class OwnershipTest {

    private static final String OTHER_PROJECT = "another-tenants-project";
    private static final String FOREIGN = "foreign01";
    static final AccessKey OTHER_TENANT = new AccessKey("OTHERTENANTAK0000001", "other-tenant-secret").inProject(OTHER_PROJECT);

    @RegisterExtension
    static final KooPhoneSimulatorExtension KOOPHONE = KooPhoneSimulatorExtension.create(b -> b.instances(2)
            .instance(new SimInstance(FOREIGN).projectId(OTHER_PROJECT)).accessKey(OTHER_TENANT)
            .user(new SimUser("other-user", "other-password", "other-domain", "other-project-name", OTHER_PROJECT)));

    private static SimClient.Resp queryStatus(SimClient client, List<String> ids) {
        return client.post("/v1/instances/batch-query-status", Map.of("instance_ids", ids));
    }

    private static String own(KooPhoneSimulator sim) {
        return sim.inventory().ids().get(0);
    }

    @Test
    void aStaticTokenActsForTheSimulatorsProject(KooPhoneSimulator sim) {
        SimClient.Resp refused = queryStatus(SimClient.of(sim), List.of(own(sim), FOREIGN));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo(ErrorCodes.NO_INSTANCE_PERMISSION);
        assertThat(refused.json().path("error_msg").asText()).contains(FOREIGN);
        assertThat(queryStatus(SimClient.of(sim), List.of(own(sim))).code()).isEqualTo("0");
    }

    @Test
    void anIamTokenActsForItsUsersProject(KooPhoneSimulator sim) {
        String token = sim.iam().issueToken(sim.iam().users().stream().filter(u -> u.name().equals("other-user"))
                .findFirst().orElseThrow());
        SimClient other = SimClient.of(sim).token(token);

        assertThat(queryStatus(other, List.of(FOREIGN)).code()).isEqualTo("0");
        assertThat(queryStatus(other, List.of(own(sim))).code()).isEqualTo(ErrorCodes.NO_INSTANCE_PERMISSION);
    }

    @Test
    void anAccessKeyActsForItsProject(KooPhoneSimulator sim) {
        assertThat(queryStatus(SimClient.of(sim).aksk(sim.accessKey()), List.of(FOREIGN)).code())
                .isEqualTo(ErrorCodes.NO_INSTANCE_PERMISSION);
        assertThat(queryStatus(SimClient.of(sim).aksk(OTHER_TENANT), List.of(FOREIGN)).code()).isEqualTo("0");
        assertThat(queryStatus(SimClient.of(sim).aksk(OTHER_TENANT), List.of(own(sim))).status()).isEqualTo(401);
    }

    @Test
    void aRefusedCommandStartsNothing(KooPhoneSimulator sim) {
        SimClient.Resp refused = SimClient.of(sim).post("/v1/instances/async-command",
                Map.of("command", "ls", "instance_ids", List.of(own(sim), FOREIGN)));

        assertThat(refused.code()).isEqualTo(ErrorCodes.NO_INSTANCE_PERMISSION);
        assertThat(sim.tasks().all()).isEmpty();
        assertThat(sim.journal().last().orElseThrow().executed()).isFalse();
    }

    @Test
    void anIdNoProjectHasKeepsTheSimulatorsAnswer(KooPhoneSimulator sim) {
        SimClient.Resp reset = SimClient.of(sim).post("/v1/instances/batch-reset", Map.of("instance_ids", List.of("nosuch01")));

        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.code()).isEqualTo(ErrorCodes.INSTANCE_NOT_FOUND);
    }

    @Test
    void listingShowsOnlyTheCallersInstances(KooPhoneSimulator sim) {
        SimClient.Resp mine = SimClient.of(sim).get("/v1/instances/batch-query");
        SimClient.Resp theirs = SimClient.of(sim).aksk(OTHER_TENANT).get("/v1/instances/batch-query");

        assertThat(mine.data().path("result").findValuesAsText("instance_id")).containsExactlyElementsOf(sim.inventory().ids().subList(0, 2));
        assertThat(theirs.data().path("result").findValuesAsText("instance_id")).containsExactly(FOREIGN);
    }
}

package io.github.camelkoophone.simulator;

import io.github.camelkoophone.simulator.iam.AccessKey;
import io.github.camelkoophone.simulator.iam.SimUser;
import io.github.camelkoophone.simulator.state.RateLimits;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The standalone entry point, run in-process. */
class MainTest {

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void mainStartsServesAndShutsDownOverHttp() throws Exception {
        int port = freePort();
        Main.main(new String[] {"--port", String.valueOf(port), "--instances", "7", "--task-duration", "200ms",
                "--token", "script-token", "--seed", "3"});
        String url = "http://127.0.0.1:" + port;
        SimClient admin = SimClient.of(url, java.net.http.HttpClient.newHttpClient()).noRequestId();
        assertThat(admin.get("/_sim/health").json().path("instances").asInt()).isEqualTo(7);

        SimClient api = SimClient.of(url, java.net.http.HttpClient.newHttpClient()).token("script-token");
        assertThat(api.get("/v1/instances/batch-query?page_size=100").data().path("total_count").asInt()).isEqualTo(7);
        assertThat(SimClient.of(url, java.net.http.HttpClient.newHttpClient())
                .token(KooPhoneSimulator.DEFAULT_STATIC_TOKEN).get("/v1/instances/sku").status()).isEqualTo(200);
        assertThat(admin.get("/_sim/settings").json().path("task_duration_ms").asLong()).isEqualTo(200);
        assertThat(admin.get("/_sim/settings").json().path("task_duration_max_ms").isNull()).isTrue();

        assertThat(admin.post("/_sim/shutdown", null).status()).isEqualTo(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (listening(port) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(listening(port)).isFalse();
    }

    @Test
    void optionsAreParsed() throws Exception {
        Path instances = Files.createTempFile("instances", ".json");
        Files.writeString(instances, "[{\"instance_id\":\"file0001\",\"instance_name\":\"from-file\"}]");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KooPhoneSimulator sim = Main.start(new String[] {"--port", "0", "--instances", "2", "--instances-file",
                instances.toString(), "--quirks", "--failure-rate", "0.25", "--token-lifetime", "10m",
                "--user", "bob:pw:corp", "--ak", "AK1:SK1:TOK1", "--project", "ap-southeast-1:abcdefabcdefabcdefabcdefabcdefab",
                "--random-faults", "503=0.5,drop=0.1", "--no-busy-check", "--region", "cn-north-7",
                "--task-duration", "2s", "--task-duration-max", "30s", "--rate-limit", "2.5",
                "--operation-rate-limit", "getTask=1:3", "--operation-rate-limit", "listInstances=4"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(sim.inventory().ids()).hasSize(3).contains("file0001");
            assertThat(sim.settings().quirkMode()).isTrue();
            assertThat(sim.settings().taskFailureRate()).isEqualTo(0.25);
            assertThat(sim.settings().tokenLifetime()).isEqualTo(Duration.ofMinutes(10));
            assertThat(sim.settings().busyCheck()).isFalse();
            assertThat(sim.settings().taskDuration()).isEqualTo(Duration.ofSeconds(2));
            assertThat(sim.settings().taskDurationMax()).isEqualTo(Duration.ofSeconds(30));
            assertThat(sim.settings().rateLimits()).isEqualTo(new RateLimits(new RateLimits.Limit(2.5, 3),
                    Map.of("getTask", new RateLimits.Limit(1, 3), "listInstances", new RateLimits.Limit(4, 4))));
            assertThat(sim.users()).extracting(SimUser::name).contains("bob");
            assertThat(sim.users().get(1).projectName()).isEqualTo("ap-southeast-1");
            assertThat(sim.accessKeys()).contains(new AccessKey("AK1", "SK1", "TOK1"));
            assertThat(sim.faults().toJson().path("random").path("drop").asDouble()).isEqualTo(0.1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("listening on " + sim.url())
                    .doesNotContain("SK1").doesNotContain(KooPhoneSimulator.DEFAULT_SECRET_KEY);
        } finally {
            sim.stop();
        }
    }

    @Test
    void helpAndBadOptions() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(Main.start(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8))).isNull();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port", "--random-faults", "--task-duration-max",
                "--rate-limit R[:BURST]", "--operation-rate-limit OP=R[:BURST]");
        assertThatThrownBy(() -> Main.start(new String[] {"--bogus"}, System.out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Main.start(new String[] {"--port"}, System.out))
                .isInstanceOf(IllegalArgumentException.class);
        for (String[] bad : List.of(new String[] {"--rate-limit", "fast"}, new String[] {"--rate-limit", "0"},
                new String[] {"--rate-limit", "5:0"}, new String[] {"--operation-rate-limit", "getTask"},
                new String[] {"--operation-rate-limit", "=5"})) {
            assertThatThrownBy(() -> Main.start(bad, System.out)).as(String.join(" ", bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void rateLimitBurstDefaultsToOneSecondsWorth() {
        assertThat(Main.rateLimit("10", "--rate-limit")).isEqualTo(new RateLimits.Limit(10, 10));
        assertThat(Main.rateLimit("2.5", "--rate-limit")).isEqualTo(new RateLimits.Limit(2.5, 3));
        assertThat(Main.rateLimit("0.2", "--rate-limit")).isEqualTo(new RateLimits.Limit(0.2, 1));
        assertThat(Main.rateLimit("0.2:4", "--rate-limit")).isEqualTo(new RateLimits.Limit(0.2, 4));
    }

    @Test
    void durations() {
        assertThat(Main.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Main.duration("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Main.duration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Main.duration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Main.duration("24h")).isEqualTo(Duration.ofHours(24));
        assertThat(Main.duration("PT3S")).isEqualTo(Duration.ofSeconds(3));
        assertThat(Main.duration("250")).isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> Main.duration("soon")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Main.randomFaults("429=0.2", 1).toJson().path("status").path("429").asDouble()).isEqualTo(0.2);
    }
}

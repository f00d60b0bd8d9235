package io.github.camelkoophone.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.camelkoophone.component.cloud.tasks.TaskLog;
import io.github.camelkoophone.component.cloud.tasks.TaskRegistration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The log against a real broker, without Camel: what is appended is handed to the group's members, split between
 * them; what a member recorded is what the next one starts from; a task done is handed to nobody.
 */
class KafkaTaskLogTest {

    private static KafkaBroker broker;
    private final List<KafkaTaskLog> logs = new java.util.ArrayList<>();
    private String topic;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @AfterEach
    void stopLogs() {
        logs.forEach(KafkaTaskLog::stop);
    }

    private KafkaTaskLog log(TestInfo test) {
        topic = "tasks-" + test.getTestMethod().orElseThrow().getName();
        KafkaTaskLog log = new KafkaTaskLog();
        log.setBootstrapServers(broker.bootstrapServers());
        log.setTopic(topic);
        log.setGroupId(topic);
        log.setPartitions(6);
        log.setProperties(Map.of("session.timeout.ms", "6000", "heartbeat.interval.ms", "500"));
        log.start();
        logs.add(log);
        return log;
    }

    private static TaskRegistration task(String id) {
        return new TaskRegistration(id, null, new String[] {id + "-job"}, new String[] {id + "-phone"});
    }

    @Test
    void theTopicIsCreatedCompactedWithTheConfiguredPartitions(TestInfo test) throws Exception {
        log(test);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic);
            assertThat(description.partitions()).hasSize(6);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            assertThat(admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
                    .get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void appendedTasksAreHandedToTheFollowerWithTheirRegistrationsState(TestInfo test) {
        KafkaTaskLog log = log(test);
        Follower follower = new Follower();
        log.append("koophone", task("before"));
        try (TaskLog.Following ignored = log.follow("koophone", "test", follower)) {
            log.append("koophone", task("after"));
            log.append("cph", task("other-service"));

            await().atMost(Duration.ofSeconds(30)).until(() -> follower.following.size() == 2);
            assertThat(follower.following).containsOnlyKeys("before", "after");
            assertThat(follower.following.get("after")).contains("after-job=after-phone");
        }
    }

    @Test
    void theMembersOfTheGroupSplitTheTasksAndTheOneLeftTakesThemAllWithTheRecordedProgress(TestInfo test) {
        KafkaTaskLog first = log(test);
        KafkaTaskLog second = log(test);
        Follower one = new Follower();
        Follower two = new Follower();
        TaskLog.Following followingOne = first.follow("koophone", "one", one);
        TaskLog.Following followingTwo = second.follow("koophone", "two", two);
        List<String> ids = IntStream.range(0, 60).mapToObj(i -> "task-" + i).toList();
        ids.forEach(id -> first.append("koophone", task(id)));
        await().atMost(Duration.ofSeconds(30)).until(() -> !one.following.isEmpty() && !two.following.isEmpty()
                && one.following.size() + two.following.size() == ids.size());
        Set<String> overlap = new HashSet<>(one.following.keySet());
        overlap.retainAll(two.following.keySet());
        assertThat(overlap).isEmpty();

        // the second records progress on one of its tasks and ends another, then leaves
        String progressed = two.following.keySet().stream().sorted().toList().get(0);
        String ended = two.following.keySet().stream().sorted().toList().get(1);
        followingTwo.record(progressed, "recorded-state");
        followingTwo.done(ended);
        followingTwo.close();

        await().atMost(Duration.ofSeconds(30)).until(() -> one.following.size() == ids.size() - 1);
        assertThat(one.following).doesNotContainKey(ended);
        assertThat(one.following.get(progressed)).isEqualTo("recorded-state");
        // all let go of on leaving but the one it ended, which a consumer forgets by itself
        assertThat(two.following).containsOnlyKeys(ended);
        assertThat(two.unfollowed).contains(progressed).doesNotContain(ended);
        followingOne.close();
    }

    @Test
    void oneFollowingPerServiceAndNoTaskIdsOptionOnASharedLog(TestInfo test) {
        KafkaTaskLog log = log(test);
        try (TaskLog.Following following = log.follow("koophone", "first", new Follower())) {
            assertThatThrownBy(() -> log.follow("koophone", "second", new Follower()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("one task-following consumer per service");
            assertThatThrownBy(() -> following.adopt(task("x")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("taskIds");
        }
    }

    @Test
    void aLogThatIsNotStartedSaysSo() {
        KafkaTaskLog log = new KafkaTaskLog();
        assertThatThrownBy(() -> log.append("koophone", task("x")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not started");
        assertThatThrownBy(log::start).hasMessageContaining("bootstrapServers is required");
    }

    /** Keeps what the log hands over and takes back. */
    static final class Follower implements TaskLog.Follower {

        final Map<String, String> following = new ConcurrentHashMap<>();
        final Set<String> unfollowed = ConcurrentHashMap.newKeySet();

        @Override
        public void follow(String taskId, String state) {
            following.put(taskId, state);
        }

        @Override
        public void unfollow(Collection<String> taskIds) {
            unfollowed.addAll(taskIds);
            taskIds.forEach(following::remove);
        }
    }
}

package io.github.camelkoophone.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelkoophone.component.cloud.tasks.TaskLog;
import io.github.camelkoophone.component.cloud.tasks.TaskRegistration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * One task-following consumer's membership of the service's consumer group, on a thread of its own.
 * <p>
 * Kafka assigns the partitions; the tasks of a partition are the consumer's while it is assigned. On assignment the
 * partition is read from its beginning up to the end it had then, keeping each task's latest record, and the tasks
 * not done are handed to the consumer with their state; after that, each new registration is handed over as it
 * arrives (records of progress after the rebuild are this consumer's own). On revocation the consumer lets go of the
 * partition's tasks, once no event of theirs is being delivered, and the records sent so far are flushed, so whoever
 * is assigned the partition next reads them. Nothing is committed: the topic is the state.
 */
final class PartitionFollowing implements TaskLog.Following, ConsumerRebalanceListener, Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionFollowing.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Consumer<String, String> kafka;
    private final RecordWriter writer;
    private final String topic;
    private final String service;
    private final TaskLog.Follower follower;
    private final Thread thread;
    /** Tasks handed to the consumer, by partition; read and written by the Kafka thread and the consumer's. */
    private final Map<String, TopicPartition> owned = new ConcurrentHashMap<>();
    /** Partitions being read up to the end they had when assigned. Kafka thread only. */
    private final Map<TopicPartition, Rebuild> rebuilding = new HashMap<>();
    private volatile boolean closed;

    PartitionFollowing(Consumer<String, String> kafka, RecordWriter writer, String topic, String service,
                       String consumer, TaskLog.Follower follower) {
        this.kafka = kafka;
        this.writer = writer;
        this.topic = topic;
        this.service = service;
        this.follower = follower;
        this.thread = new Thread(this, "koophone-task-log-" + service + "[" + consumer + "]");
        this.thread.setDaemon(true);
    }

    void start() {
        kafka.subscribe(List.of(topic), this);
        thread.start();
    }

    @Override
    public void run() {
        try {
            while (!closed) {
                try {
                    ConsumerRecords<String, String> records = kafka.poll(POLL);
                    for (TopicPartition partition : records.partitions()) {
                        records.records(partition).forEach(record -> read(partition, record));
                    }
                    finishRebuilds();
                    writer.retryUnwritten();
                } catch (WakeupException e) {
                    // close() wakes the poll up
                } catch (RuntimeException e) {
                    if (!closed) {
                        LOG.warn("The task log's consumer failed ({}): polling again", e.toString());
                        pause();
                    }
                }
            }
        } finally {
            // leaving the group revokes the partitions (onPartitionsRevoked) and hands them over at once
            kafka.close();
            owned.clear();
        }
    }

    private void read(TopicPartition partition, ConsumerRecord<String, String> record) {
        Rebuild rebuild = rebuilding.get(partition);
        if (rebuild != null && record.offset() < rebuild.end) {
            if (TaskRecords.isOf(record, service)) {
                rebuild.apply(record);
            }
            return;
        }
        if (rebuild != null) {
            finish(partition, rebuild);
        }
        if (TaskRecords.isOf(record, service) && TaskRecords.isRegistration(record)) {
            handOver(partition, record.key(), record.value());
        }
    }

    private void finishRebuilds() {
        for (Map.Entry<TopicPartition, Rebuild> entry : List.copyOf(rebuilding.entrySet())) {
            if (kafka.position(entry.getKey()) >= entry.getValue().end) {
                finish(entry.getKey(), entry.getValue());
            }
        }
    }

    private void finish(TopicPartition partition, Rebuild rebuild) {
        rebuilding.remove(partition);
        rebuild.tasks.forEach((taskId, state) -> handOver(partition, taskId, state));
        LOG.atLevel(rebuild.tasks.isEmpty() ? Level.DEBUG : Level.INFO).log("Following {} task(s) of {} (read {} "
                + "record(s) in {} ms)", rebuild.tasks.size(), partition, rebuild.read,
                (System.nanoTime() - rebuild.started) / 1_000_000);
    }

    private void handOver(TopicPartition partition, String taskId, String state) {
        owned.put(taskId, partition);
        follower.follow(taskId, state);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> ends = kafka.endOffsets(partitions);
        kafka.seekToBeginning(partitions);
        long now = System.nanoTime();
        partitions.forEach(partition -> rebuilding.put(partition, new Rebuild(ends.get(partition), now)));
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        partitions.forEach(rebuilding::remove);
        List<String> leaving = new ArrayList<>();
        owned.forEach((taskId, partition) -> {
            if (partitions.contains(partition)) {
                leaving.add(taskId);
            }
        });
        if (leaving.isEmpty()) {
            return;
        }
        follower.unfollow(leaving); // returns once none of them is being delivered
        leaving.forEach(owned::remove);
        writer.retryUnwritten();
        writer.flush();
        LOG.info("Handed over {} task(s) of {}", leaving.size(), partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        // another member may follow them already: let go all the same; its rebuild read what was written
        onPartitionsRevoked(partitions);
    }

    @Override
    public void adopt(TaskRegistration task) {
        throw new IllegalArgumentException("taskIds cannot be used with a task log shared by nodes: each start would "
                                           + "register the tasks again; register them once with the tasks producer "
                                           + "(to(\"" + service + ":...\") with the task id as body)");
    }

    @Override
    public void record(String taskId, String state) {
        // also while closing: an event delivered as the partitions are revoked is recorded before they are handed over
        if (owned.containsKey(taskId)) {
            writer.progress(TaskRecords.progress(topic, service, taskId, state));
        }
    }

    @Override
    public void done(String taskId) {
        if (owned.remove(taskId) != null) {
            writer.progress(TaskRecords.done(topic, service, taskId));
        }
    }

    @Override
    public void close() {
        closed = true;
        kafka.wakeup();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A partition being read up to {@code end}: each task's latest state, tasks done dropped. */
    private static final class Rebuild {

        final long end;
        final long started;
        final Map<String, String> tasks = new HashMap<>();
        long read;

        Rebuild(long end, long started) {
            this.end = end;
            this.started = started;
        }

        void apply(ConsumerRecord<String, String> record) {
            read++;
            if (record.value() == null) {
                tasks.remove(record.key());
            } else {
                tasks.put(record.key(), record.value());
            }
        }
    }
}

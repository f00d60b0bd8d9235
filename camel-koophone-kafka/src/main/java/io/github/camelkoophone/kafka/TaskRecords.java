package io.github.camelkoophone.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The topic's records. The key is the task id, so all records of a task are in one partition, in order, and
 * compaction keeps the latest; the value is the task's state as the consumers encode it, readable as it is with
 * any Kafka console tool; a null value (tombstone) says the task is done. Headers say which service the task is of
 * (one topic can serve koophone and cph) and whether a producer registered it or its follower recorded progress.
 */
final class TaskRecords {

    static final String SERVICE = "koophone-service";
    static final String KIND = "koophone-record";
    static final String REGISTERED = "registered";
    static final String PROGRESS = "progress";

    private TaskRecords() {
    }

    static ProducerRecord<String, String> registered(String topic, String service, String taskId, String state) {
        return record(topic, service, taskId, REGISTERED, state);
    }

    static ProducerRecord<String, String> progress(String topic, String service, String taskId, String state) {
        return record(topic, service, taskId, PROGRESS, state);
    }

    static ProducerRecord<String, String> done(String topic, String service, String taskId) {
        return record(topic, service, taskId, PROGRESS, null);
    }

    private static ProducerRecord<String, String> record(String topic, String service, String taskId, String kind,
                                                         String state) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, taskId, state);
        record.headers().add(SERVICE, service.getBytes(StandardCharsets.UTF_8));
        record.headers().add(KIND, kind.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    static boolean isOf(ConsumerRecord<String, String> record, String service) {
        return service.equals(header(record, SERVICE));
    }

    static boolean isRegistration(ConsumerRecord<String, String> record) {
        return REGISTERED.equals(header(record, KIND)) && record.value() != null;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

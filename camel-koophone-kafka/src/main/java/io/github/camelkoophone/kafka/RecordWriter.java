package io.github.camelkoophone.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.camelkoophone.component.cloud.tasks.TaskLogException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the topic through one idempotent producer ({@code acks=all}) shared by the node's producers and consumers.
 * <p>
 * A registration is awaited until Kafka has it or gives up ({@code delivery.timeout.ms}), and a failure names the
 * task: the API already started it. A consumer's progress is awaited too, so that a node dying repeats at most the
 * event whose record was in flight, but only up to {@link #PROGRESS_WAIT}: when the broker does not answer, events
 * go on being delivered and the latest record of each task is kept and sent again by the consumers' threads until
 * the broker takes it. A record is never sent again after a later one of its task.
 */
final class RecordWriter {

    /** How long a delivery waits for its record before the consumer goes on without. */
    static final long PROGRESS_WAIT = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(RecordWriter.class);

    private final Producer<String, String> producer;
    /** Per task, the progress record last sent and not yet acknowledged. */
    private final Map<String, ProducerRecord<String, String>> inFlight = new ConcurrentHashMap<>();
    /** Per task, the progress record whose delivery failed with no later one sent. */
    private final Map<String, ProducerRecord<String, String>> unwritten = new ConcurrentHashMap<>();
    private volatile boolean stalled;

    RecordWriter(Producer<String, String> producer) {
        this.producer = producer;
    }

    /** Writes a registration; returns once Kafka has it. */
    void register(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused(record, e);
        } catch (ExecutionException e) {
            throw refused(record, e.getCause());
        } catch (RuntimeException e) {
            throw refused(record, e);
        }
    }

    private static TaskLogException refused(ProducerRecord<String, String> record, Throwable cause) {
        return new TaskLogException(List.of(record.key()), cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                cause);
    }

    /** Writes a consumer's progress (or a tombstone), waiting for it unless the broker is known not to answer. */
    void progress(ProducerRecord<String, String> record) {
        if (stalled) {
            // not even sent: send() itself may block for max.block.ms; a consumer's thread sends it again
            inFlight.remove(record.key());
            keep(record);
            return;
        }
        Future<RecordMetadata> sent = send(record);
        if (sent == null) {
            return;
        }
        try {
            sent.get(PROGRESS_WAIT, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            stalled = true;
            LOG.warn("The task log's broker has not acknowledged a record for {} ms: delivering events without waiting "
                     + "for their records until it does", PROGRESS_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the callback kept the record to be sent again
        }
    }

    private Future<RecordMetadata> send(ProducerRecord<String, String> record) {
        inFlight.put(record.key(), record);
        unwritten.remove(record.key());
        try {
            return producer.send(record, (metadata, failure) -> {
                if (failure == null) {
                    inFlight.remove(record.key(), record);
                    if (stalled) {
                        stalled = false;
                        LOG.info("The task log's broker acknowledges records again");
                    }
                } else if (inFlight.remove(record.key(), record)) {
                    keep(record);
                }
            });
        } catch (RuntimeException e) {
            inFlight.remove(record.key(), record);
            keep(record);
            return null;
        }
    }

    /** Keeps the latest unwritten record of a task, to be sent again. */
    private void keep(ProducerRecord<String, String> record) {
        if (unwritten.isEmpty()) {
            LOG.warn("Progress of tasks is not being written to the task log: kept to be sent again until the broker "
                     + "takes it");
        }
        unwritten.put(record.key(), record);
    }

    /** Sends again what could not be written, until a send fails; called now and then by the consumers' threads. */
    void retryUnwritten() {
        for (ProducerRecord<String, String> record : unwritten.values()) {
            if (unwritten.remove(record.key(), record) && send(record) == null) {
                return;
            }
        }
    }

    /** Waits until every record sent so far is written or has failed, before a partition is handed over. */
    void flush() {
        producer.flush();
    }
}

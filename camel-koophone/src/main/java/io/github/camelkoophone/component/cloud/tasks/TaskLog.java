package io.github.camelkoophone.component.cloud.tasks;

import java.util.Collection;

/**
 * Where the tasks producers start go, and where task-following consumers take the ones they follow. The default
 * ({@link LocalTaskLog}) is the component's own memory: every consumer of the component follows every task its
 * producers start, and a consumer's progress survives a restart only in its {@code taskStore}. A distributed log
 * (the Kafka one of {@code camel-koophone-kafka}) lets producers and consumers live in different processes, and
 * shares the tasks among the consumers of all nodes, each task followed by one, which records what it delivered so
 * that the next one to follow it goes on from there.
 * <p>
 * A task's state is text a consumer makes and reads ({@link TaskRegistration#state}); a log keeps it as it is.
 */
public interface TaskLog {

    /**
     * Records a task a producer of {@code service} started; returns once it is durable, so the producer's exchange
     * completes only after. Throws {@link TaskLogException} naming the task when it could not be recorded.
     */
    void append(String service, TaskRegistration task);

    /**
     * Starts following tasks of {@code service} for one consumer, until the returned handle is closed.
     *
     * @param consumer names the consumer in logs and to the log
     */
    Following follow(String service, String consumer, Follower follower);

    /**
     * Whether the log keeps what consumers record, so that a consumer's own {@code taskStore} is not used. A log
     * shared by nodes does: a store of one node would resume tasks another node now follows.
     */
    default boolean keepsProgress() {
        return true;
    }

    /** A consumer, as the log sees it. Called from the log's threads. */
    interface Follower {

        /** Follow this task from {@code state}: its registration's for a new task, the recorded one otherwise. */
        void follow(String taskId, String state);

        /**
         * Stop following these tasks, which another consumer follows from now on. Returns only once no event of
         * theirs is being delivered, so the next one cannot deliver an event this one is still delivering.
         */
        void unfollow(Collection<String> taskIds);
    }

    /** One consumer's following of the log. */
    interface Following extends AutoCloseable {

        /** A task this consumer was told to follow from the start (the {@code taskIds} option). */
        void adopt(TaskRegistration task);

        /**
         * The task's state after a delivery or a failed one, recorded before the next event is delivered, so whoever
         * follows the task next repeats at most the event whose record this one did not write. Ignored once closed.
         */
        void record(String taskId, String state);

        /** The task has nothing more to deliver and is forgotten. */
        void done(String taskId);

        @Override
        void close();
    }
}

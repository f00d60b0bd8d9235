package io.github.camelkoophone.component.cloud.tasks;

import org.apache.camel.spi.StateRepository;

/**
 * A service's own options for following tasks, under its own names ({@code taskIds}, {@code taskTimeout},
 * {@code taskStore} for koophone; {@code requestIds}, {@code jobTimeout}, {@code jobStore} for cph).
 *
 * @param initialTaskIds comma-separated ids to follow from the start, or null
 * @param perTask        one event per task rather than per job
 * @param taskTimeout    ms after registration when an unfinished task is emitted as TIMED_OUT
 * @param store          where state survives restarts, or null for memory only
 */
public record Tracking(String initialTaskIds, boolean perTask, long taskTimeout, StateRepository<String, String> store) {
}

package io.github.camelkoophone.component.cloud.tasks;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.camel.spi.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a consumer's tasks in a {@link StateRepository}, so a restart resumes every pending task and never
 * re-emits a delivered job. A repository cannot list its keys, so an index entry lists the pending task ids. The
 * index is rewritten once per poll at most; tasks registered in between are appended to a small numbered log, so
 * a registration costs three short writes however many tasks are pending.
 */
final class TaskStore {

    /**
     * Keeps nothing: for a consumer without a {@code taskStore}, whose own map of tracked tasks is then the only
     * state. A {@code MemoryStateRepository} in its place would only double the heap per task (an encoded copy,
     * a log entry per registration, the index) and never free a finished task's key, as a repository cannot
     * delete one.
     */
    static final TaskStore NONE = new TaskStore(null, "");

    private static final Logger LOG = LoggerFactory.getLogger(TaskStore.class);
    private final String indexKey;
    private final String taskKey;
    private final String logSizeKey;
    private final String logEntryKey;

    private final StateRepository<String, String> repository;

    /**
     * @param prefix starts every key, so consumers of different services can share one repository
     *               ({@code koophone}: keys {@code koophone.tasks}, {@code koophone.task.<id>}...)
     */
    TaskStore(StateRepository<String, String> repository, String prefix) {
        this.repository = repository;
        this.indexKey = prefix + ".tasks";
        this.taskKey = prefix + ".task.";
        this.logSizeKey = prefix + ".tasks.log";
        this.logEntryKey = prefix + ".tasks.log.";
    }

    private int logSize;

    synchronized Map<String, TrackedTask> load() {
        if (repository == null) {
            return new LinkedHashMap<>();
        }
        Map<String, TrackedTask> tasks = new LinkedHashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        String index = repository.getState(indexKey);
        if (index != null && !index.isEmpty()) {
            ids.addAll(Arrays.asList(index.split(",")));
        }
        String size = repository.getState(logSizeKey);
        logSize = size == null || size.isEmpty() ? 0 : Integer.parseInt(size);
        for (int i = 1; i <= logSize; i++) {
            String taskId = repository.getState(logEntryKey + i);
            if (taskId != null && !taskId.isEmpty()) {
                ids.add(taskId);
            }
        }
        for (String taskId : ids) {
            String encoded = repository.getState(taskKey + taskId);
            if (encoded == null || encoded.isEmpty()) {
                continue;
            }
            try {
                tasks.put(taskId, TrackedTask.decode(taskId, encoded));
            } catch (RuntimeException e) {
                LOG.warn("Ignoring unreadable stored state of task {}: {}", taskId, e.getMessage());
            }
        }
        return tasks;
    }

    synchronized void added(TrackedTask task) {
        if (repository == null) {
            return;
        }
        save(task);
        logSize++;
        repository.setState(logEntryKey + logSize, task.taskId);
        repository.setState(logSizeKey, Integer.toString(logSize));
    }

    synchronized void save(TrackedTask task) {
        if (repository == null) {
            return;
        }
        repository.setState(taskKey + task.taskId, task.encode());
    }

    synchronized void remove(String taskId) {
        if (repository == null) {
            return;
        }
        repository.setState(taskKey + taskId, "");
    }

    /** Rewrites the index to exactly these pending tasks and empties the log. */
    synchronized void compact(Collection<String> taskIds) {
        if (repository == null) {
            return;
        }
        repository.setState(indexKey, String.join(",", taskIds));
        logSize = 0;
        repository.setState(logSizeKey, "0");
    }
}

package io.github.camelkoophone.component.koophone.tasks;

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
 * <p>
 * Without a repository ({@link #NONE}, the default) nothing is kept: the consumer's own map of tracked tasks is
 * the only state. A {@code MemoryStateRepository} in its place would only have doubled the heap per task (an
 * encoded copy of each task, a log entry per registration, the index) and never freed the key of a finished
 * task, since a repository has no way to delete one.
 */
final class TaskStore {

    /** Keeps nothing: for a consumer without a {@code taskStore}. */
    static final TaskStore NONE = new TaskStore(null);

    private static final Logger LOG = LoggerFactory.getLogger(TaskStore.class);
    private static final String INDEX = "koophone.tasks";
    private static final String TASK = "koophone.task.";
    private static final String LOG_SIZE = "koophone.tasks.log";
    private static final String LOG_ENTRY = "koophone.tasks.log.";

    private final StateRepository<String, String> repository;

    TaskStore(StateRepository<String, String> repository) {
        this.repository = repository;
    }

    private int logSize;

    synchronized Map<String, TrackedTask> load() {
        Map<String, TrackedTask> tasks = new LinkedHashMap<>();
        if (repository == null) {
            return tasks;
        }
        Set<String> ids = new LinkedHashSet<>();
        String index = repository.getState(INDEX);
        if (index != null && !index.isEmpty()) {
            ids.addAll(Arrays.asList(index.split(",")));
        }
        String size = repository.getState(LOG_SIZE);
        logSize = size == null || size.isEmpty() ? 0 : Integer.parseInt(size);
        for (int i = 1; i <= logSize; i++) {
            String taskId = repository.getState(LOG_ENTRY + i);
            if (taskId != null && !taskId.isEmpty()) {
                ids.add(taskId);
            }
        }
        for (String taskId : ids) {
            String encoded = repository.getState(TASK + taskId);
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
        repository.setState(LOG_ENTRY + logSize, task.taskId);
        repository.setState(LOG_SIZE, Integer.toString(logSize));
    }

    synchronized void save(TrackedTask task) {
        if (repository == null) {
            return;
        }
        repository.setState(TASK + task.taskId, task.encode());
    }

    synchronized void remove(String taskId) {
        if (repository == null) {
            return;
        }
        repository.setState(TASK + taskId, "");
    }

    /** Rewrites the index to exactly these pending tasks and empties the log. */
    synchronized void compact(Collection<String> taskIds) {
        if (repository == null) {
            return;
        }
        repository.setState(INDEX, String.join(",", taskIds));
        logSize = 0;
        repository.setState(LOG_SIZE, "0");
    }
}

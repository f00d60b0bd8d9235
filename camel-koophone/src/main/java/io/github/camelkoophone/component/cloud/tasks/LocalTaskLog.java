package io.github.camelkoophone.component.cloud.tasks;

import java.util.function.LongSupplier;

/**
 * The default task log: the component's own memory. Every task a producer of the component starts goes to every
 * running task-following consumer of the component, and tasks started while none runs wait for the first
 * ({@link TaskRegistry}). A consumer's progress lives in its own {@code taskStore}, so nothing is recorded here.
 */
public final class LocalTaskLog implements TaskLog {

    private final TaskRegistry registry;
    private final LongSupplier clock;

    /**
     * @param trackingOption the endpoint option that turns registration off, named when tasks are forgotten
     * @param clock          epoch ms of a task's registration: the component's clock
     */
    public LocalTaskLog(String trackingOption, LongSupplier clock) {
        this.registry = new TaskRegistry(trackingOption);
        this.clock = clock;
    }

    @Override
    public void append(String service, TaskRegistration task) {
        registry.register(task);
    }

    @Override
    public boolean keepsProgress() {
        return false;
    }

    @Override
    public Following follow(String service, String consumer, Follower follower) {
        TaskWatcher watcher = task -> follower.follow(task.taskId(), task.state(clock.getAsLong()));
        registry.attach(watcher);
        return new Following() {
            @Override
            public void adopt(TaskRegistration task) {
                watcher.watch(task);
            }

            @Override
            public void record(String taskId, String state) {
                // the consumer's taskStore keeps its progress
            }

            @Override
            public void done(String taskId) {
                // as record
            }

            @Override
            public void close() {
                registry.detach(watcher);
            }
        };
    }
}

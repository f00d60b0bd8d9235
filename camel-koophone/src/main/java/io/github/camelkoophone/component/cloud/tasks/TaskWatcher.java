package io.github.camelkoophone.component.cloud.tasks;

/** Something that follows registered tasks: each koophone:tasks consumer. */
public interface TaskWatcher {

    void watch(TaskRegistration task);
}

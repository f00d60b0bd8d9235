package io.github.camelkoophone.component.cloud.tasks;

import org.apache.camel.Message;

/**
 * The header names a service's task events carry: the same facts under each service's names.
 *
 * @param taskId     the task (a CPH request)
 * @param jobId      the job
 * @param instanceId the instance (phone) the job ran on
 * @param jobStatus  SUCCEEDED, FAILED or TIMED_OUT
 * @param operation  the operation that started the task, when known
 * @param eventId    a stable id of the event (the task's id and the job's), for idempotent consumers downstream
 */
public record EventHeaders(String taskId, String jobId, String instanceId, String jobStatus, String operation,
                           String eventId) {

    void fill(Message message, String task, String job, String instance, String status, String startedBy) {
        message.setHeader(eventId, job == null ? task : task + "/" + job);
        message.setHeader(taskId, task);
        message.setHeader(jobId, job);
        message.setHeader(instanceId, instance);
        message.setHeader(jobStatus, status);
        if (startedBy != null) {
            message.setHeader(operation, startedBy);
        }
    }
}

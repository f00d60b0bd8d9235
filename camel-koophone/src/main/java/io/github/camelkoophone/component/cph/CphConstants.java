package io.github.camelkoophone.component.cph;

import org.apache.camel.spi.Metadata;

/**
 * The message headers of the CPH component. Headers override endpoint options; a request body overrides both.
 */
public final class CphConstants {

    @Metadata(description = "The operation to perform, overriding the endpoint's; on job events, the operation that started the job.",
              javaType = "String")
    public static final String OPERATION = "CamelCphOperation";
    @Metadata(label = "producer", description = "The phone ids to restart: a List<String> or a comma-separated String.",
              javaType = "Object")
    public static final String PHONE_IDS = "CamelCphPhoneIds";
    @Metadata(description = "On events, the phone concerned; as input, a single phone to restart.", javaType = "String")
    public static final String PHONE_ID = "CamelCphPhoneId";
    @Metadata(description = "The CPH request id grouping jobs: input of listJobs, output of restartCloudPhones, on job events the request concerned.",
              javaType = "String")
    public static final String REQUEST_ID = "CamelCphRequestId";
    @Metadata(description = "The job id: input of showJob; on job events, the job concerned.", javaType = "String")
    public static final String JOB_ID = "CamelCphJobId";
    @Metadata(label = "consumer", description = "The job's final state: SUCCEEDED, FAILED or TIMED_OUT.", javaType = "String")
    public static final String JOB_STATUS = "CamelCphJobStatus";
    @Metadata(label = "consumer", description = "cph:phones: the phone's status.", javaType = "Integer")
    public static final String PHONE_STATUS = "CamelCphPhoneStatus";
    @Metadata(label = "consumer", description = "cph:phones: the phone's status at the previous poll (absent the first time).",
              javaType = "Integer")
    public static final String PREVIOUS_STATUS = "CamelCphPreviousStatus";

    @Metadata(label = "consumer", description = "A stable id of a job event (the request id, a slash and the job id), the same wherever and however often the event is delivered: for Camel's idempotent consumer downstream.",
              javaType = "String")
    public static final String EVENT_ID = "CamelCphEventId";

    private CphConstants() {
    }
}

package io.github.camelkoophone.simulator.http;

/**
 * The error codes the simulator answers with (HTTP status first). Each says whether the vendor's references define
 * the code with this meaning, or whether the simulator chose it: where the newest reference's table is unreadable
 * or silent for a case, the simulator still has to answer something, and these choices must not be read as the
 * API's. docs/simulator.md lists the same split.
 */
public final class ErrorCodes {

    // --- defined by the references with this meaning

    /** 200: the x-request-id header is missing. Reference. */
    public static final String MISSING_REQUEST_ID = "KOOPHONE.API.0002";
    /** 400: the x-request-id header is malformed. Reference (the rule itself is the simulator's, see RequestIds). */
    public static final String MALFORMED_REQUEST_ID = "KOOPHONE.API.0003";
    /** 200: more than 100 ids in one list. Reference. */
    public static final String TOO_MANY_IDS = "KOOPHONE.API.0004";
    /** 200: a required body field or query parameter is missing or empty. Reference. */
    public static final String MISSING_PARAMETER = "KOOPHONE.API.0005";
    /** 400: a parameter has a wrong type or value (id over 32 chars, command over 1,024 bytes, video rules...). Reference. */
    public static final String BAD_PARAMETER = "KOOPHONE.API.1000";
    /** 401: the instance exists but is not the caller's ("check whether the instance id is correct"). Reference. */
    public static final String NO_INSTANCE_PERMISSION = "KOOPHONE.API.1001";
    /** 400: the band SKU does not belong to the instance SKU. Reference. */
    public static final String BAND_SKU_MISMATCH = "KOOPHONE.API.3001";
    /** 200: the SKU is not sold in that region. Reference. */
    public static final String SKU_NOT_IN_REGION = "KOOPHONE.API.3002";
    /** 200: monthly period outside 1-9. Reference. */
    public static final String MONTH_PERIOD = "KOOPHONE.API.3006";
    /** 200: yearly period outside 1-3. Reference. */
    public static final String YEAR_PERIOD = "KOOPHONE.API.3007";
    /** 200: fast_install is neither 0 nor 1. Reference. */
    public static final String FAST_INSTALL = "KOOPHONE.API.3008";
    /** 200: install_package_url is not usable. Reference (an install_package_url error; the exact wording is unreadable). */
    public static final String BAD_PACKAGE_URL = "KOOPHONE.API.62017";
    /** 500: internal error. Reference. */
    public static final String INTERNAL = "KOOPHONE.API.9999";

    // --- the simulator's choices

    /**
     * 200: no project has an instance of that id. The simulator's choice: the reference lists 1012 as an instance
     * error whose meaning its text does not give legibly.
     */
    public static final String INSTANCE_NOT_FOUND = "KOOPHONE.API.1012";
    /**
     * 200: the instance is already assigned to another user. The simulator's choice among the reference's 2001-2006
     * instance-state codes, whose exact meanings are unreadable.
     */
    public static final String ALREADY_ASSIGNED = "KOOPHONE.API.2003";
    /** 200: the instance is not assigned to that user. The simulator's choice, as {@link #ALREADY_ASSIGNED}. */
    public static final String NOT_ASSIGNED = "KOOPHONE.API.2004";
    /**
     * 200: the instance is busy with another task. The simulator's choice: the reference lists 4001 in the
     * prepare/progress tables with a meaning that most likely reads "instance does not exist", and defines no
     * "busy" code at all.
     */
    public static final String INSTANCE_BUSY = "KOOPHONE.API.4001";

    // --- the API gateway in front (APIGW codes are Huawei Cloud's gateway's, not in the KooPhone tables)

    /** 401 from the gateway: no valid token or signature. */
    public static final String GATEWAY_AUTH = "APIGW.0301";
    /** 404 from the gateway: no such API. */
    public static final String GATEWAY_NOT_FOUND = "APIGW.0101";
    /**
     * 429 from the gateway: throttled, by a 429 fault or by the rate limit (with Retry-After). The gateway's
     * throttling code: the API page gives APIGW codes to the gateway's throttling and 429 to rate limiting (the number
     * itself is not on that page; Huawei's gateway documents 0308 as "APIG.0308"). The error_msg wording is the
     * simulator's choice.
     */
    public static final String GATEWAY_THROTTLED = "APIGW.0308";
    /** 502/503/504 from the gateway: backend unavailable. */
    public static final String GATEWAY_UNAVAILABLE = "APIGW.0203";

    // --- job-level codes, as the references' examples show them

    /** Job-level failure code used for failed jobs. */
    public static final String JOB_FAILED = "CPS.0191";
    /** Job-level failure code for a job on an unknown phone. */
    public static final String JOB_PHONE_NOT_FOUND = "CPS0005";

    private ErrorCodes() {
    }
}

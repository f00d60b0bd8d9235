package io.github.camelkoophone.simulator;

/**
 * The error codes the simulator answers with, chosen from the newest reference's error table
 * (HTTP status in the comment). Where the table leaves a case open, the choice is documented in
 * docs/simulator.md.
 */
public final class ErrorCodes {

    /** 200: the x-request-id header is missing. */
    public static final String MISSING_REQUEST_ID = "KOOPHONE.API.0002";
    /** 400: the x-request-id header is malformed. */
    public static final String MALFORMED_REQUEST_ID = "KOOPHONE.API.0003";
    /** 200: more than 100 ids in one list. */
    public static final String TOO_MANY_IDS = "KOOPHONE.API.0004";
    /** 200: a required body field or query parameter is missing or empty. */
    public static final String MISSING_PARAMETER = "KOOPHONE.API.0005";
    /** 400: a parameter has a wrong type or value (id over 32 chars, command over 1,024 bytes, video rules...). */
    public static final String BAD_PARAMETER = "KOOPHONE.API.1000";
    /** 200: an instance id is unknown. */
    public static final String INSTANCE_NOT_FOUND = "KOOPHONE.API.1012";
    /** 200: the instance is already assigned to another user. */
    public static final String ALREADY_ASSIGNED = "KOOPHONE.API.2003";
    /** 200: the instance is not assigned to that user. */
    public static final String NOT_ASSIGNED = "KOOPHONE.API.2004";
    /** 400: the band SKU does not belong to the instance SKU. */
    public static final String BAND_SKU_MISMATCH = "KOOPHONE.API.3001";
    /** 200: the SKU is not sold in that region. */
    public static final String SKU_NOT_IN_REGION = "KOOPHONE.API.3002";
    /** 200: monthly period outside 1-9. */
    public static final String MONTH_PERIOD = "KOOPHONE.API.3006";
    /** 200: yearly period outside 1-3. */
    public static final String YEAR_PERIOD = "KOOPHONE.API.3007";
    /** 200: fast_install is neither 0 nor 1. */
    public static final String FAST_INSTALL = "KOOPHONE.API.3008";
    /** 200: install_package_url is not a usable URL. */
    public static final String BAD_PACKAGE_URL = "KOOPHONE.API.62017";
    /** 200: the instance is busy with another task. */
    public static final String INSTANCE_BUSY = "KOOPHONE.API.4001";
    /** 500: internal error. */
    public static final String INTERNAL = "KOOPHONE.API.9999";

    /** 401 from the gateway: no valid token or signature. */
    public static final String GATEWAY_AUTH = "APIGW.0301";
    /** 404 from the gateway: no such API. */
    public static final String GATEWAY_NOT_FOUND = "APIGW.0101";
    /** 429 from the gateway: throttled. */
    public static final String GATEWAY_THROTTLED = "APIGW.0308";
    /** 502/503/504 from the gateway: backend unavailable. */
    public static final String GATEWAY_UNAVAILABLE = "APIGW.0203";

    /** Job-level failure code used for failed jobs. */
    public static final String JOB_FAILED = "CPS.0191";
    /** Job-level failure code for a job on an unknown phone. */
    public static final String JOB_PHONE_NOT_FOUND = "CPS0005";

    private ErrorCodes() {
    }
}

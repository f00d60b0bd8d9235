package io.github.camelkoophone.simulator.http;

/** A failure that ends a request with the standard envelope; thrown by handlers and checks. */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public ApiError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, ErrorCodes.BAD_PARAMETER, message);
    }

    public static ApiError missing(String field) {
        return new ApiError(200, ErrorCodes.MISSING_PARAMETER, "Missing required parameter: " + field);
    }

    public static ApiError notFound(String instanceId) {
        return new ApiError(200, ErrorCodes.INSTANCE_NOT_FOUND, "Instance not found: " + instanceId);
    }

    static ApiError notPermitted(String instanceId) {
        return new ApiError(401, ErrorCodes.NO_INSTANCE_PERMISSION,
                "No permission on instance " + instanceId + ": check that the instance id is correct");
    }

    public static ApiError business(String code, String message) {
        return new ApiError(200, code, message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}

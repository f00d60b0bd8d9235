package io.github.camelkoophone.simulator;

/** A failure that ends a request with the standard envelope; thrown by handlers and checks. */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    ApiError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, ErrorCodes.BAD_PARAMETER, message);
    }

    static ApiError missing(String field) {
        return new ApiError(200, ErrorCodes.MISSING_PARAMETER, "Missing required parameter: " + field);
    }

    static ApiError notFound(String instanceId) {
        return new ApiError(200, ErrorCodes.INSTANCE_NOT_FOUND, "Instance not found: " + instanceId);
    }

    static ApiError notPermitted(String instanceId) {
        return new ApiError(401, ErrorCodes.NO_INSTANCE_PERMISSION,
                "No permission on instance " + instanceId + ": check that the instance id is correct");
    }

    static ApiError business(String code, String message) {
        return new ApiError(200, code, message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}

package io.github.camelkoophone.component.koophone.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.camelkoophone.component.cloud.model.CodedResult;

/**
 * The result of an operation whose response carries no {@code data}: the envelope's code and message,
 * so the body is never null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NoDataResult extends CodedResult {

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{error_code=" + getErrorCode() + ", error_msg=" + getErrorMsg() + "}";
    }
}

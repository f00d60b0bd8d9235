package io.github.camelkoophone.component.cloud.call;

public enum HttpMethod {
    GET,
    POST,
    PUT;

    public boolean hasBody() {
        return this != GET;
    }
}

package io.github.camelkoophone.component.koophone.api;

public enum HttpMethod {
    GET,
    POST,
    PUT;

    public boolean hasBody() {
        return this != GET;
    }
}

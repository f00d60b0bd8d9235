package io.github.camelkoophone.component.cloud.http;

import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * What distinguishes one HTTP client from another. Endpoints whose settings are equal share one client.
 *
 * @param connectTimeout        milliseconds to establish a connection
 * @param maxConnections        pooled connections, in total and per host
 * @param proxyHost             HTTP proxy host, or null
 * @param proxyPort             HTTP proxy port, or null
 * @param sslContextParameters  the TLS configuration, or null for the JVM's default
 * @param ignoreSslVerification trust any certificate and host name
 */
public record TransportSettings(long connectTimeout, int maxConnections, String proxyHost, Integer proxyPort,
                                SSLContextParameters sslContextParameters, boolean ignoreSslVerification) {
}

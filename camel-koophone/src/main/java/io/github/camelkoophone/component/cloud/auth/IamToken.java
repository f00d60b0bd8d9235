package io.github.camelkoophone.component.cloud.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * A project-scoped IAM token and its validity. Refreshed a little before it expires: a tenth of its lifetime
 * early, at most five minutes, so a 24-hour token is renewed five minutes before and a short test token in time.
 */
record IamToken(String value, Instant fetchedAt, Instant expiresAt) {

    private static final Duration MAX_MARGIN = Duration.ofMinutes(5);

    boolean needsRefresh(Instant now) {
        Duration margin = Duration.between(fetchedAt, expiresAt).dividedBy(10);
        if (margin.compareTo(MAX_MARGIN) > 0) {
            margin = MAX_MARGIN;
        }
        return !now.isBefore(expiresAt.minus(margin));
    }

    @Override
    public String toString() {
        return "IamToken[expiresAt=" + expiresAt + "]";
    }
}

package io.github.camelkoophone.component.cloud.auth;

import java.time.Instant;

/**
 * What the service last said about one credential set: refused (since when, and why), or nothing against it. Told by
 * every authenticated attempt, so it costs no request of its own; producers' health checks and the dev console read
 * it. A call that is answered at all clears a refusal, whatever its outcome: the credentials were accepted.
 */
public final class CredentialState {

    /**
     * The credentials were refused.
     *
     * @param since  when first refused, after the last acceptance
     * @param reason what refused them (the gateway's or IAM's answer)
     */
    public record Refusal(Instant since, String reason) {
    }

    private volatile Refusal refusal;

    /** The current refusal, or null when the last word about the credentials was no refusal. */
    public Refusal refusal() {
        return refusal;
    }

    void refused(String reason) {
        Refusal current = refusal;
        refusal = new Refusal(current != null ? current.since() : Instant.now(), reason);
    }

    void accepted() {
        // a read per call, a write only when a refusal ends
        if (refusal != null) {
            refusal = null;
        }
    }
}

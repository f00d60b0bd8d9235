package io.github.camelkoophone.simulator.http;

import java.util.regex.Pattern;

/**
 * The x-request-id rule: 32 lower-case hex characters (the reference's examples), or a canonical UUID with dashes
 * (what most clients generate). Anything else is "malformed". The references name the error (KOOPHONE.API.0003)
 * but not the rule, so this is the simulator's choice; the component validates a caller's own id by the same rule.
 */
final class RequestIds {

    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private RequestIds() {
    }

    static boolean wellFormed(String id) {
        return HEX32.matcher(id).matches() || UUID.matcher(id).matches();
    }
}

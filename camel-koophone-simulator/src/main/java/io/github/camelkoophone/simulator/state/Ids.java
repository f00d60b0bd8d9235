package io.github.camelkoophone.simulator.state;

import java.util.Random;

/**
 * Id factory fed by the simulator's seeded random source, so a given seed and request sequence
 * always produce the same ids. Callers hold the state lock; {@link Random} is thread-safe anyway.
 */
public final class Ids {

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String URL_SAFE = ALNUM + "_-";
    private static final String HEX = "0123456789abcdef";

    private final Random random;

    Ids(Random random) {
        this.random = random;
    }

    /** 8 alphanumerics, like the reference's instance ids ({@code a44uhlf7}). */
    public String instanceId() {
        return pick(ALNUM, 8);
    }

    /** 32 lower-case hex: async-command task ids, job ids, phone and device ids, device tokens. */
    public String hex32() {
        return pick(HEX, 32);
    }

    /** InstallApp task ids look like {@code ZGCAorl8ocwK7U7_tOAfH26P-DjwDw8Yknf4}. */
    public String installTaskId() {
        return "ZGCA" + pick(URL_SAFE, 32);
    }

    public String installJobId() {
        return pick(URL_SAFE, 33);
    }

    /** Order ids look like {@code CS2412261442DBN4E}. */
    public String orderId(String timestamp) {
        return "CS" + timestamp + pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 5);
    }

    private String pick(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}

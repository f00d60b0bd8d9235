package io.github.camelkoophone.component.koophone;

/** Looks through an exception's cause chain. */
final class Causes {

    private Causes() {
    }

    /** The first throwable of that type in the chain, the failure itself included; null when none is. */
    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}

package io.github.camelkoophone.simulator.faults;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.simulator.json.SimJson;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/** The fault rules in force; decides, per request, what (if anything) goes wrong. */
public final class FaultInjector {

    /**
     * What to do with one request.
     *
     * @param outcome the rule whose status/business/drop applies, or null
     */
    public record Decision(Duration latency, boolean revokeTokens, Fault outcome, String label) {
        static final Decision NONE = new Decision(Duration.ZERO, false, null, null);
    }

    private final List<Fault> rules = new CopyOnWriteArrayList<>();
    private volatile RandomFaults random;
    private final Random latencyRandom;

    public FaultInjector(long seed) {
        this.latencyRandom = new Random(seed);
    }

    /** Adds a rule; rules are consulted in the order added. Returns the rule, whose hit count can be read later. */
    public Fault add(Fault fault) {
        rules.add(fault);
        return fault;
    }

    /** Turns on random faults (replacing earlier random settings); null turns them off. */
    public void random(RandomFaults randomFaults) {
        this.random = randomFaults;
    }

    /** Removes every rule and the random faults. */
    public void clear() {
        rules.clear();
        random = null;
    }

    public List<Fault> rules() {
        return List.copyOf(rules);
    }

    /**
     * Every matching rule is counted: latencies add up, token revocation applies, and the first
     * rule with an outcome (status, business error, drop) decides the answer.
     */
    public Decision decide(String operation, String path) {
        if (rules.isEmpty() && random == null) {
            return Decision.NONE;
        }
        Duration latency = Duration.ZERO;
        boolean revoke = false;
        Fault outcome = null;
        StringBuilder label = new StringBuilder();
        for (Fault f : rules) {
            if (!f.matches(operation, path)) {
                continue;
            }
            boolean hasOutcome = f.kind() != Fault.Kind.NONE;
            if (hasOutcome && outcome != null) {
                // The answer is already decided; leave this rule's budget for later requests.
                continue;
            }
            if (!f.consume()) {
                continue;
            }
            latency = latency.plus(latencyOf(f));
            revoke |= f.revokesTokens();
            if (hasOutcome) {
                outcome = f;
            }
            if (label.length() > 0) {
                label.append(';');
            }
            label.append(f.label());
        }
        RandomFaults r = random;
        if (outcome == null && r != null) {
            outcome = r.draw(operation);
            if (outcome != null) {
                if (label.length() > 0) {
                    label.append(';');
                }
                label.append("random:").append(outcome.label());
            }
        }
        if (outcome == null && latency.isZero() && !revoke) {
            return Decision.NONE;
        }
        return new Decision(latency, revoke, outcome, label.toString());
    }

    private Duration latencyOf(Fault f) {
        Duration min = f.latencyMin();
        Duration max = f.latencyMax();
        if (max.equals(min)) {
            return min;
        }
        long spread = max.toMillis() - min.toMillis();
        synchronized (latencyRandom) {
            return min.plusMillis((long) (latencyRandom.nextDouble() * (spread + 1)));
        }
    }

    public ObjectNode toJson() {
        ObjectNode n = SimJson.object();
        ArrayNode list = n.putArray("rules");
        rules.forEach(f -> list.add(f.toJson()));
        RandomFaults r = random;
        if (r != null) {
            n.set("random", r.toJson());
        } else {
            n.putNull("random");
        }
        return n;
    }
}

package io.github.camelkoophone.simulator.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The simulator's cloud phones. Reads first let due jobs finish, so what a test sees matches what
 * the API would answer at that moment. Everything goes through the shared state lock.
 */
public final class Inventory {

    private final SimulatorState state;
    private final Map<String, SimInstance> instances = new LinkedHashMap<>();

    Inventory(SimulatorState state) {
        this.state = state;
    }

    /** A copy of the instance, if present. */
    public Optional<SimInstance> get(String instanceId) {
        synchronized (state.lock()) {
            state.settle();
            SimInstance i = instances.get(instanceId);
            return Optional.ofNullable(i == null ? null : i.copy());
        }
    }

    /** A copy of the instance; throws when absent. */
    public SimInstance require(String instanceId) {
        return get(instanceId).orElseThrow(() -> new NoSuchElementException("no instance " + instanceId));
    }

    /** Copies of every instance, in creation order. */
    public List<SimInstance> all() {
        synchronized (state.lock()) {
            state.settle();
            List<SimInstance> out = new ArrayList<>(instances.size());
            instances.values().forEach(i -> out.add(i.copy()));
            return out;
        }
    }

    public List<String> ids() {
        synchronized (state.lock()) {
            return List.copyOf(instances.keySet());
        }
    }

    public int size() {
        synchronized (state.lock()) {
            return instances.size();
        }
    }

    /** Adds or replaces an instance (a copy of the argument is stored). */
    public void put(SimInstance instance) {
        synchronized (state.lock()) {
            instances.put(instance.instanceId(), state.fillDefaults(instance.copy()));
        }
    }

    /** Changes an instance in place. */
    public void update(String instanceId, Consumer<SimInstance> change) {
        synchronized (state.lock()) {
            state.settle();
            SimInstance i = instances.get(instanceId);
            if (i == null) {
                throw new NoSuchElementException("no instance " + instanceId);
            }
            change.accept(i);
        }
    }

    public boolean remove(String instanceId) {
        synchronized (state.lock()) {
            return instances.remove(instanceId) != null;
        }
    }

    /** Replaces the whole inventory. */
    public void replaceAll(Collection<SimInstance> newInstances) {
        synchronized (state.lock()) {
            instances.clear();
            newInstances.forEach(i -> instances.put(i.instanceId(), state.fillDefaults(i.copy())));
        }
    }

    /** The live object; callers hold the state lock. */
    public SimInstance live(String instanceId) {
        return instances.get(instanceId);
    }

    /** The live objects; callers hold the state lock. */
    public Collection<SimInstance> liveAll() {
        return instances.values();
    }

    /** Adds a live object; callers hold the state lock. */
    public void add(SimInstance instance) {
        instances.put(instance.instanceId(), instance);
    }
}

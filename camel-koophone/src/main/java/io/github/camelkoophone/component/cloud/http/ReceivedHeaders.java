package io.github.camelkoophone.component.cloud.http;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Response headers as received, looked up case-insensitively with the first of a repeated name winning. A
 * response has a handful of headers and the client reads one or two (Retry-After, X-Subject-Token), so a lookup
 * scans the array rather than sorting every response's headers into a map. The map view is built only when
 * something iterates it.
 */
final class ReceivedHeaders extends AbstractMap<String, String> {

    private final String[] namesAndValues;
    private Map<String, String> view;

    /** @param namesAndValues name, value, name, value... in the order received */
    ReceivedHeaders(String[] namesAndValues) {
        this.namesAndValues = namesAndValues;
    }

    @Override
    public String get(Object key) {
        if (key instanceof String name) {
            for (int i = 0; i < namesAndValues.length; i += 2) {
                if (namesAndValues[i].equalsIgnoreCase(name)) {
                    return namesAndValues[i + 1];
                }
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        if (view == null) {
            TreeMap<String, String> sorted = ApiResponse.caseInsensitive();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                sorted.putIfAbsent(namesAndValues[i], namesAndValues[i + 1]);
            }
            view = Collections.unmodifiableMap(sorted);
        }
        return view.entrySet();
    }
}

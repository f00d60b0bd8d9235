package io.github.camelkoophone.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the suites summarise repeated runs: the median, with the spread of the single runs beside it (lower to upper
 * quartile, then lowest to highest), and a target judged on the lower quartile, so a cell is "met" only when at
 * least three runs in four clear it.
 */
final class Stats {

    private Stats() {
    }

    static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /** The q-quantile, interpolated between the two nearest of the sorted values; NaN for none. */
    static double quantile(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** {@code median (Q1–Q3; min–max)} with {@code pattern} for each number, e.g. {@code "%.2f"}. */
    static String spread(double[] values, String pattern) {
        if (values.length == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, pattern + " (" + pattern + "–" + pattern + "; " + pattern + "–" + pattern + ")",
                median(values), quantile(values, 0.25), quantile(values, 0.75), min(values), max(values));
    }

    /**
     * "met" when the lower quartile of {@code values} is at least {@code target}; otherwise how far under it the lower
     * quartile and the median are.
     */
    static String verdict(double[] values, double target) {
        if (values.length == 0) {
            return "";
        }
        double q1 = quantile(values, 0.25);
        if (q1 >= target) {
            return "met";
        }
        double median = median(values);
        return String.format(Locale.ROOT, "**not met**: lower quartile %.2f under%s", target - q1,
                median >= target ? ", median clears it" : String.format(Locale.ROOT, ", median %.2f under", target - median));
    }
}

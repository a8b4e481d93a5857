package org.complaintsuite.bench;

import java.util.List;

/** p50 / p99 / max of a list of milliseconds, nearest-rank. */
final class Percentiles {

    private Percentiles() {
    }

    static String of(List<Long> millis) {
        if (millis.isEmpty()) {
            return "(none)";
        }
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        return "%d / %d / %d ms".formatted(rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1]);
    }

    static long rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}

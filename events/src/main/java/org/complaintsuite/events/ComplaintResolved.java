package org.complaintsuite.events;

import java.time.Instant;

/** A case was resolved; what was found, what was done about it, and why it happened. */
public record ComplaintResolved(
        ComplaintId complaintId,
        int round,
        Category category,
        String finding,
        String remedy,
        String rootCause,
        String note,
        String resolvedBy,
        Instant resolvedAt) implements LifecycleEvent {
}

package org.complaintsuite.events;

import java.time.Instant;

/** The case re-opens: a dissatisfied follow-up, a repeat complaint or the customer coming back. */
public record ComplaintRevisited(
        ComplaintId complaintId,
        int round,
        String reason,
        Instant revisitedAt) implements LifecycleEvent {
}

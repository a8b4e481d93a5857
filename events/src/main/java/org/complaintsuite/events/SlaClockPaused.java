package org.complaintsuite.events;

import java.time.Instant;

/** A running clock stopped counting, e.g. while waiting for the customer; {@code causedBy} says who or what. */
public record SlaClockPaused(
        ComplaintId complaintId,
        String clockId,
        SlaTarget target,
        String reason,
        String causedBy,
        Instant pausedAt,
        long elapsedSeconds) implements LifecycleEvent {
}

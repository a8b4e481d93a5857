package org.complaintsuite.events;

import java.time.Instant;

/** A clock reached its due time while still running. Emitted once per clock. */
public record SlaBreached(
        ComplaintId complaintId,
        String clockId,
        SlaTarget target,
        Instant dueAt,
        Instant breachedAt) implements LifecycleEvent {
}

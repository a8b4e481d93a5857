package org.complaintsuite.events;

import java.time.Instant;

/**
 * A clock reached its due time while still running. Emitted once per clock. {@code subject} is what
 * the clock is about (kind, category, priority, channel, department), so a consumer needs no join.
 */
public record SlaBreached(
        ComplaintId complaintId,
        String clockId,
        SlaTarget target,
        Instant dueAt,
        Instant breachedAt,
        ClockSubject subject) implements LifecycleEvent {
}

package org.complaintsuite.events;

import java.time.Instant;

/** A clock stopped before its due time. */
public record SlaMet(
        ComplaintId complaintId,
        String clockId,
        SlaTarget target,
        Instant dueAt,
        Instant metAt,
        long elapsedSeconds) implements LifecycleEvent {
}

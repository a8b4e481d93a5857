package org.complaintsuite.events;

import java.time.Instant;

/** A clock started for one target of one complaint, under the named policy version. */
public record SlaClockStarted(
        ComplaintId complaintId,
        String clockId,
        SlaTarget target,
        String policyId,
        String policyVersion,
        Instant startedAt,
        Instant dueAt) implements LifecycleEvent {
}

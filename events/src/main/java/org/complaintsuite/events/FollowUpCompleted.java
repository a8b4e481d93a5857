package org.complaintsuite.events;

import java.time.Instant;

/** The customer answered the follow-up: satisfaction 1-5 and whether the problem is solved. */
public record FollowUpCompleted(
        ComplaintId complaintId,
        int round,
        int satisfaction,
        boolean resolved,
        String comment,
        Instant completedAt) implements LifecycleEvent {
}

package org.complaintsuite.events;

import java.time.Instant;

/**
 * A call attempt of follow-up {@code followUp} did not get an answer ({@code outcome} is never
 * {@code ANSWERED}: an answer is a {@link FollowUpCompleted}). {@code nextAttemptAt} is when to try again,
 * by the plan's retry schedule; null when this attempt ended the follow-up ({@link FollowUpEnded}).
 */
public record FollowUpAttempted(
        ComplaintId complaintId,
        int round,
        int followUp,
        int attempt,
        CallOutcome outcome,
        String attemptedBy,
        Instant attemptedAt,
        Instant nextAttemptAt,
        String department) implements LifecycleEvent {
}

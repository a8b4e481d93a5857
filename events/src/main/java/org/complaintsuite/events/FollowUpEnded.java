package org.complaintsuite.events;

import java.time.Instant;

/**
 * Follow-up {@code followUp} ended without an answer: the customer could not be reached (every attempt
 * unanswered, or a wrong number), declined to answer, or the follow-up was cancelled because the complaint
 * was revisited before it was made. {@code attempts} counts the calls made.
 */
public record FollowUpEnded(
        ComplaintId complaintId,
        int round,
        int followUp,
        Outcome outcome,
        int attempts,
        Instant endedAt,
        String department) implements LifecycleEvent {

    public enum Outcome { UNREACHABLE, REFUSED, CANCELLED }
}

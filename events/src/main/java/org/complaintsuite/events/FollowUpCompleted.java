package org.complaintsuite.events;

import java.time.Instant;

/**
 * The customer answered follow-up {@code followUp} at call attempt {@code attempt}: satisfaction 1-5,
 * whether the problem is solved, a comment and, when asked, the net-promoter score 0-10. {@code
 * answeredBy} recorded it (an agent, or the survey gateway); {@code department} handled the case, so it
 * can subscribe to the results about its work. Events recorded before follow-ups were numbered carry
 * only the round.
 */
public record FollowUpCompleted(
        ComplaintId complaintId,
        int round,
        int satisfaction,
        boolean resolved,
        String comment,
        Instant completedAt,
        Integer followUp,
        Integer attempt,
        Integer nps,
        String answeredBy,
        String department) implements LifecycleEvent {

    /** The follow-up's number; the round's for an event recorded before follow-ups were numbered. */
    public int followUpNumber() {
        return followUp != null ? followUp : round;
    }
}

package org.complaintsuite.events;

import java.time.Instant;

/**
 * A call-back to the customer is due after a resolution: step {@code step} of the {@code steps} the
 * follow-up plan {@code plan} sets for the complaint's kind and category. {@code followUp} numbers the
 * complaint's follow-ups across rounds (1, 2, ...); it names the follow-up an attempt or an answer is
 * about and the SLA {@code FOLLOW_UP} clock that runs until {@code dueBy}. {@code department} handled
 * the case and is told the result. Events recorded before plans existed carry none of these: one
 * follow-up per round, numbered by the round.
 */
public record FollowUpScheduled(
        ComplaintId complaintId,
        int round,
        Category category,
        Instant scheduledAt,
        Instant dueBy,
        Integer followUp,
        Integer step,
        Integer steps,
        String plan,
        RequestKind kind,
        String department) implements LifecycleEvent {

    /** The follow-up's number; the round's for an event recorded before follow-ups were numbered. */
    public int followUpNumber() {
        return followUp != null ? followUp : round;
    }
}

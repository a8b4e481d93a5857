package org.complaintsuite.sla.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.complaintsuite.events.Area;
import org.complaintsuite.events.ClockSubject;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.SlaTarget;

import java.time.Instant;

public final class Commands {
    private Commands() {
    }

    /**
     * Start the clock of one target for one handling round (round 2+ after a revisit; for on-site arrival
     * the visit number). Without a subject the clock is about what the complaint's clocks are about;
     * {@code area} places an on-site arrival.
     */
    public record StartClockCommand(@TargetAggregateIdentifier ComplaintId complaintId, SlaTarget target, int round,
                                    ClockSubject subject, Instant startedAt, Area area, Instant dueAt) {

        public StartClockCommand(ComplaintId complaintId, SlaTarget target, int round, ClockSubject subject,
                                 Instant startedAt) {
            this(complaintId, target, round, subject, startedAt, null, null);
        }
    }

    /** The target was reached: stop its clock for that round. */
    public record StopClockCommand(@TargetAggregateIdentifier ComplaintId complaintId, SlaTarget target, int round,
                                   Instant stoppedAt) {
    }

    /** Stop counting, e.g. while waiting for the customer; {@code causedBy} is the actor or the event. */
    public record PauseClockCommand(@TargetAggregateIdentifier ComplaintId complaintId, SlaTarget target,
                                    String reason, String causedBy) {
    }

    public record ResumeClockCommand(@TargetAggregateIdentifier ComplaintId complaintId, SlaTarget target,
                                     String causedBy) {
    }

    /** Move running clocks to the policy versions now loaded, on purpose and on the record. */
    public record RecalculateClocksCommand(@TargetAggregateIdentifier ComplaintId complaintId, String reason,
                                           String requestedBy) {
    }
}

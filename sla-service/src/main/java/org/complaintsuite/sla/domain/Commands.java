package org.complaintsuite.sla.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.RequestKind;

import java.time.Instant;

public final class Commands {
    private Commands() {
    }

    /** Start the resolution clock of one handling round (round 2+ after a revisit). */
    public record StartResolutionClockCommand(@TargetAggregateIdentifier ComplaintId complaintId, int round,
                                              RequestKind kind, Category category, Instant startedAt) {
    }

    public record StopResolutionClockCommand(@TargetAggregateIdentifier ComplaintId complaintId, int round,
                                             Instant stoppedAt) {
    }
}

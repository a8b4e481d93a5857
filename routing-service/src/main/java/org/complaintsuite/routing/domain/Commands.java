package org.complaintsuite.routing.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.EscalationLevel;
import org.complaintsuite.events.RequestKind;

import java.time.Instant;

/** The commands a case accepts. */
public final class Commands {
    private Commands() {
    }

    public record OpenCaseCommand(@TargetAggregateIdentifier ComplaintId complaintId, RequestKind kind,
                                  Category category, Instant receivedAt) {
    }

    public record EscalateCaseCommand(@TargetAggregateIdentifier ComplaintId complaintId, String reason,
                                      String trigger, String actor, EscalationLevel targetLevel) {
        public static final String MANUAL = "MANUAL";
        public static final String SLA_BREACH = "SLA_BREACH";
    }

    public record ResolveCaseCommand(@TargetAggregateIdentifier ComplaintId complaintId, String finding,
                                     String remedy, String rootCause, String note, String resolvedBy) {
    }

    public record ReopenCaseCommand(@TargetAggregateIdentifier ComplaintId complaintId, int round, String reason,
                                    Instant revisitedAt) {
    }

    public record CloseCaseCommand(@TargetAggregateIdentifier ComplaintId complaintId, Instant closedAt) {
    }
}

package org.complaintsuite.feedback.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.ComplaintId;

import java.time.Instant;

public final class Commands {
    private Commands() {
    }

    public record ScheduleFollowUpCommand(@TargetAggregateIdentifier ComplaintId complaintId, int round,
                                          Category category, Instant resolvedAt) {
    }

    public record RecordFollowUpResponseCommand(@TargetAggregateIdentifier ComplaintId complaintId, int satisfaction,
                                                boolean resolved, String comment) {
    }

    /**
     * The customer complained again about the same subject after this complaint was resolved (intake's
     * repeat detection); {@code contact} is the new contact's complaintId.
     */
    public record RecordRepeatContactCommand(@TargetAggregateIdentifier ComplaintId complaintId, ComplaintId contact) {
    }
}

package org.complaintsuite.feedback.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.complaintsuite.events.CallOutcome;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.CustomerMessageIssued;
import org.complaintsuite.events.RequestKind;

import java.time.Instant;

public final class Commands {
    private Commands() {
    }

    /** A round was resolved: plan its follow-ups. {@code department} handled the case. */
    public record ScheduleFollowUpsCommand(@TargetAggregateIdentifier ComplaintId complaintId, int round,
                                           RequestKind kind, Category category, String department,
                                           Instant resolvedAt) {
    }

    /**
     * One call to the customer about follow-up {@code followUp} (null: the earliest one waiting) and how it
     * went; {@code attempt} is the caller's own number for it (null: the next one). The same follow-up and
     * attempt recorded again changes nothing. An answer carries satisfaction 1-5 and whether the problem
     * is solved, a comment and optionally the net-promoter score 0-10.
     */
    public record RecordAttemptCommand(@TargetAggregateIdentifier ComplaintId complaintId, Integer followUp,
                                       Integer attempt, CallOutcome outcome, Integer satisfaction, Boolean resolved,
                                       String comment, Integer nps, String by) {
    }

    /**
     * The customer complained again about the same subject after this complaint was resolved (intake's
     * repeat detection); {@code contact} is the new contact's complaintId.
     */
    public record RecordRepeatContactCommand(@TargetAggregateIdentifier ComplaintId complaintId, ComplaintId contact) {
    }

    /** The customer's address from intake's registration; both null when the customer left neither. */
    public record RecordRecipientCommand(ComplaintId complaintId, String phone, String email) {
        @TargetAggregateIdentifier
        public String messagesId() {
            return CustomerMessages.idOf(complaintId);
        }
    }

    /**
     * A message to the customer is due: {@code key} makes it once-only (the round of a resolution note, the
     * follow-up of an invitation); {@code promisedBy}, {@code note} and {@code followUp} where it has one.
     */
    public record IssueMessageCommand(ComplaintId complaintId, CustomerMessageIssued.Purpose purpose, int key,
                                      Instant promisedBy, String note, Integer followUp) {
        @TargetAggregateIdentifier
        public String messagesId() {
            return CustomerMessages.idOf(complaintId);
        }
    }
}

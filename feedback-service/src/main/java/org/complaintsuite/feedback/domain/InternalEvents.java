package org.complaintsuite.feedback.domain;

import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.CustomerMessageIssued.MessageChannel;
import org.complaintsuite.events.CustomerMessageIssued.Purpose;

import java.time.Instant;

/** Events feedback-service stores for itself; they are not published. */
public final class InternalEvents {
    private InternalEvents() {
    }

    /** Where the customer's messages go: the phone by SMS, else the e-mail; neither when none was given. */
    public record RecipientRecorded(ComplaintId complaintId, MessageChannel channel, String to) {
    }

    /** A message waiting for the customer's address, which comes on another topic. */
    public record MessageHeld(ComplaintId complaintId, String messageId, Purpose purpose, Instant promisedBy,
                              String note, Integer followUp) {
    }
}

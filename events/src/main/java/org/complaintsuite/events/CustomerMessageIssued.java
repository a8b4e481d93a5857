package org.complaintsuite.events;

import java.time.Instant;

/**
 * A message to the customer, for an SMS or e-mail gateway to deliver: the acknowledgement of a complaint
 * with the time its resolution is promised by, the resolution note, or the invitation to a follow-up
 * survey (naming the follow-up a reply answers). It carries only what the gateway needs: the address on
 * its channel, the language and the text rendered from the deployment's templates.
 */
public record CustomerMessageIssued(
        ComplaintId complaintId,
        String messageId,
        Purpose purpose,
        MessageChannel channel,
        String to,
        String language,
        String text,
        Integer followUp,
        Instant issuedAt) implements LifecycleEvent {

    public enum Purpose { ACKNOWLEDGEMENT, RESOLUTION_NOTE, SURVEY_INVITATION }

    public enum MessageChannel { SMS, EMAIL }
}

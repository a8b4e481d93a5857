package org.complaintsuite.feedback.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.CustomerMessageIssued;
import org.complaintsuite.events.CustomerMessageIssued.MessageChannel;
import org.complaintsuite.events.CustomerMessageIssued.Purpose;
import org.complaintsuite.feedback.domain.Commands.IssueMessageCommand;
import org.complaintsuite.feedback.domain.Commands.RecordRecipientCommand;
import org.complaintsuite.feedback.domain.InternalEvents.MessageHeld;
import org.complaintsuite.feedback.domain.InternalEvents.RecipientRecorded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The messages one complaint's customer gets (DOMAIN.md: acknowledge; tell the customer how long it will
 * take; follow up): the acknowledgement once its resolution time is promised, each resolution note, and
 * the invitation to each round's first follow-up survey — each once, by SMS to the phone, else by e-mail.
 * The news may arrive before the customer's address (they come on different topics): a message is then
 * held and issued when the address arrives. A customer without phone or e-mail gets none.
 */
@Aggregate
public class CustomerMessages {

    /** One event stream per complaint beside its follow-ups' (aggregate ids are unique across the event store). */
    @AggregateIdentifier
    private String messagesId;
    private ComplaintId complaintId;
    private boolean recipientKnown;
    private MessageChannel channel;
    private String to;
    private final Set<String> issuedOrHeld = new HashSet<>();
    private final List<MessageHeld> held = new ArrayList<>();

    protected CustomerMessages() {
    }

    public static String idOf(ComplaintId complaintId) {
        return "messages:" + complaintId.value();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordRecipientCommand command, MessageTemplates templates) {
        if (recipientKnown) {
            return;
        }
        boolean phone = command.phone() != null && !command.phone().isBlank();
        boolean email = command.email() != null && !command.email().isBlank();
        apply(new RecipientRecorded(command.complaintId(), phone ? MessageChannel.SMS : email ? MessageChannel.EMAIL
                : null, phone ? command.phone() : email ? command.email() : null));
        for (MessageHeld message : List.copyOf(held)) {
            issue(message.messageId(), message.purpose(), message.promisedBy(), message.note(), message.followUp(),
                    templates);
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(IssueMessageCommand command, MessageTemplates templates) {
        String messageId = command.complaintId().value() + ":" + command.purpose() + ":" + command.key();
        if (issuedOrHeld.contains(messageId)) {
            return; // this message was issued (or is waiting) already
        }
        if (!recipientKnown) {
            apply(new MessageHeld(command.complaintId(), messageId, command.purpose(), command.promisedBy(),
                    command.note(), command.followUp()));
            return;
        }
        issue(messageId, command.purpose(), command.promisedBy(), command.note(), command.followUp(), templates);
    }

    private void issue(String messageId, Purpose purpose, Instant promisedBy, String note, Integer followUp,
                       MessageTemplates templates) {
        if (to == null) {
            return; // no phone and no e-mail: nothing to send it by
        }
        apply(new CustomerMessageIssued(complaintId, messageId, purpose, channel, to, templates.language(),
                templates.render(purpose, complaintId.value(), promisedBy, note, followUp), followUp,
                GenericEventMessage.clock.instant()));
    }

    @EventSourcingHandler
    void on(RecipientRecorded event) {
        messagesId = idOf(event.complaintId());
        complaintId = event.complaintId();
        recipientKnown = true;
        channel = event.channel();
        to = event.to();
    }

    @EventSourcingHandler
    void on(MessageHeld event) {
        messagesId = idOf(event.complaintId());
        complaintId = event.complaintId();
        issuedOrHeld.add(event.messageId());
        held.add(event);
    }

    @EventSourcingHandler
    void on(CustomerMessageIssued event) {
        issuedOrHeld.add(event.messageId());
        held.removeIf(h -> h.messageId().equals(event.messageId()));
    }
}

package org.complaintsuite.intake.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.ComplaintReceived;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.RequestKind;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A complaint (or a further contact about one) as registered at the single intake. Its identifier is
 * derived from the channel's own reference or the client's idempotency key when there is one, so the
 * event store's uniqueness makes a retried submission a no-op, concurrent or days later.
 */
@Aggregate
public class Complaint {

    @AggregateIdentifier
    private ComplaintId complaintId;

    protected Complaint() {
    }

    @CommandHandler
    public Complaint(RegisterComplaintCommand command) {
        if (command.description() == null || command.description().isBlank()) {
            throw new IllegalArgumentException("a complaint needs a description");
        }
        if (command.answeredOnTheSpot() != null && command.kind() != RequestKind.CONSULTATION) {
            throw new IllegalArgumentException("only a consultation is answered on the spot, not a " + command.kind());
        }
        if (command.answeredAutomatically() != null && command.kind() != RequestKind.QUERY) {
            throw new IllegalArgumentException("only a query is answered from a lookup, not a " + command.kind());
        }
        apply(new ComplaintReceived(command.complaintId(), command.channel(), command.externalId(), command.kind(),
                command.category(), command.customer(), command.subject(), command.description(), command.demand(),
                command.receivedAt(), command.priority() == null ? Priority.NORMAL : command.priority(),
                command.receivedBy(), command.classification(), command.triggers(), command.linkedTo(),
                command.answeredOnTheSpot(), command.answeredAutomatically()));
    }

    @EventSourcingHandler
    void on(ComplaintReceived event) {
        this.complaintId = event.complaintId();
    }
}

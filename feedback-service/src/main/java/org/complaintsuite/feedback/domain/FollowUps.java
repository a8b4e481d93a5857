package org.complaintsuite.feedback.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.complaintsuite.events.ComplaintClosed;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.ComplaintRevisited;
import org.complaintsuite.events.FollowUpCompleted;
import org.complaintsuite.events.FollowUpScheduled;
import org.complaintsuite.feedback.domain.Commands.RecordFollowUpResponseCommand;
import org.complaintsuite.feedback.domain.Commands.RecordRepeatContactCommand;
import org.complaintsuite.feedback.domain.Commands.ScheduleFollowUpCommand;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The follow-ups of one complaint: after each resolution the customer is called back; a dissatisfied
 * answer (satisfaction 2 or less, or the problem not solved) re-opens the complaint, a satisfied one
 * closes it. A repeat complaint about the same subject after the resolution re-opens it too, whether
 * its follow-up was still waiting or the complaint had been closed.
 */
@Aggregate
public class FollowUps {

    public static final int DISSATISFIED_AT_OR_BELOW = 2;

    @AggregateIdentifier
    private ComplaintId complaintId;
    private int round;
    private boolean awaitingAnswer;
    private boolean closed;
    private boolean reopened;

    protected FollowUps() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ScheduleFollowUpCommand command, FollowUpPolicy policy) {
        if (command.round() <= round || closed) {
            return; // this resolution was already followed up
        }
        apply(new FollowUpScheduled(command.complaintId(), command.round(), command.category(), now(),
                policy.dueBy(command.resolvedAt())));
    }

    @CommandHandler
    void handle(RecordFollowUpResponseCommand command) {
        if (!awaitingAnswer) {
            throw new FollowUpRejected(closed ? "the complaint is closed" : "no follow-up is waiting for an answer");
        }
        if (command.satisfaction() < 1 || command.satisfaction() > 5) {
            throw new IllegalArgumentException("satisfaction must be 1 to 5");
        }
        var now = now();
        apply(new FollowUpCompleted(complaintId, round, command.satisfaction(), command.resolved(),
                command.comment(), now));
        if (!command.resolved() || command.satisfaction() <= DISSATISFIED_AT_OR_BELOW) {
            apply(new ComplaintRevisited(complaintId, round + 1, ComplaintRevisited.DISSATISFIED_FOLLOW_UP, now,
                    null));
        } else {
            apply(new ComplaintClosed(complaintId, round, command.satisfaction(), now));
        }
    }

    @CommandHandler
    void handle(RecordRepeatContactCommand command) {
        if (reopened) {
            return; // already open again: the new contact is one more voice on the same round
        }
        apply(new ComplaintRevisited(complaintId, round + 1, ComplaintRevisited.REPEAT_COMPLAINT, now(),
                command.contact()));
    }

    @EventSourcingHandler
    void on(FollowUpScheduled event) {
        complaintId = event.complaintId();
        round = event.round();
        awaitingAnswer = true;
        reopened = false;
    }

    @EventSourcingHandler
    void on(ComplaintRevisited event) {
        awaitingAnswer = false;
        closed = false;
        reopened = true;
    }

    @EventSourcingHandler
    void on(FollowUpCompleted event) {
        awaitingAnswer = false;
    }

    @EventSourcingHandler
    void on(ComplaintClosed event) {
        closed = true;
    }

    private static java.time.Instant now() {
        return GenericEventMessage.clock.instant();
    }
}

package org.complaintsuite.intake.api;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.complaintsuite.events.ComplaintClosed;
import org.complaintsuite.events.ComplaintResolved;
import org.complaintsuite.events.ComplaintRevisited;
import org.complaintsuite.events.ComplaintRouted;
import org.complaintsuite.intake.projection.ComplaintView;
import org.complaintsuite.intake.projection.ComplaintView.CaseStage;
import org.complaintsuite.platform.consume.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * How far each complaint's case has come (routed, resolved, revisited, closed), so that a new contact of
 * the same customer about the same subject is recognised as a duplicate or a repeat.
 */
@Component
class CaseProgressListener {

    private final Inbox inbox;
    private final ComplaintView view;

    CaseProgressListener(Inbox inbox, ComplaintView view) {
        this.inbox = inbox;
        this.view = view;
    }

    @KafkaListener(id = "intake-case-progress", groupId = "intake-service",
            topics = {"routing.cases.v1", "feedback.followups.v1"})
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, event -> {
            Mono<Void> update = switch (event.payload()) {
                case ComplaintRouted e -> view.caseReached(e.complaintId(), e.round(), CaseStage.OPEN, null);
                case ComplaintResolved e when !e.followedUp() -> // a consultation or a query: closed with it
                        view.caseReached(e.complaintId(), e.round(), CaseStage.CLOSED, null);
                case ComplaintResolved e ->
                        view.caseReached(e.complaintId(), e.round(), CaseStage.RESOLVED, e.resolvedAt());
                case ComplaintRevisited e -> view.caseReached(e.complaintId(), e.round(), CaseStage.OPEN, null);
                case ComplaintClosed e -> view.caseReached(e.complaintId(), e.round(), CaseStage.CLOSED, null);
                default -> Mono.empty();
            };
            update.block();
        });
    }
}

package org.complaintsuite.analytics.projection;

import org.complaintsuite.events.Category;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.Classification;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.ComplaintReceived;
import org.complaintsuite.events.ComplaintResolved;
import org.complaintsuite.events.Customer;
import org.complaintsuite.events.EventType;
import org.complaintsuite.events.LifecycleEvent;
import org.complaintsuite.events.LinkedComplaint;
import org.complaintsuite.events.OnTheSpotAnswer;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.events.Validity;
import org.complaintsuite.platform.envelope.InboundEvent;
import org.complaintsuite.testing.InfrastructureCondition;
import org.complaintsuite.testing.ScratchMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Given the lifecycle events analytics read, what the management summary answers. */
@ExtendWith(InfrastructureCondition.class)
class SummaryTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-23T08:00:00Z");

    private ComplaintProjection projection;
    private Summary summary;

    @BeforeEach
    void aStoreOfItsOwn() {
        var mongo = ScratchMongo.freshDatabase("analytics");
        projection = new ComplaintProjection(mongo);
        summary = new Summary(mongo);
    }

    @Test
    void consultationsAndQueriesAreCountedByKindButNeverAsOpenComplaints() {
        ComplaintId complaint = received(RequestKind.COMPLAINT, null);
        received(RequestKind.SERVICE_REQUEST, null);
        received(RequestKind.CONSULTATION, null);
        received(RequestKind.QUERY, null);

        Summary.Counts counts = summary.counts().block();
        assertThat(counts.received()).isEqualTo(4);
        assertThat(counts.open()).isEqualTo(2);
        assertThat(counts.byKind()).isEqualTo(Map.of("COMPLAINT", 1L, "SERVICE_REQUEST", 1L,
                "CONSULTATION", 1L, "QUERY", 1L));

        apply(new ComplaintResolved(complaint, 1, Category.PRODUCT_QUALITY, "leaking seal", "replaced",
                "seal batch", null, "s-agent-1", RECEIVED.plusSeconds(3_600), Validity.SUBSTANTIATED, null, null, null, null, null));
        assertThat(summary.counts().block().open()).isEqualTo(1);
        assertThat(summary.counts().block().resolved()).isEqualTo(1);
    }

    @Test
    void aLinkedContactIsCountedAsSuchAndNotAsAComplaintOfItsOwn() {
        ComplaintId first = received(RequestKind.COMPLAINT, null);
        received(RequestKind.COMPLAINT, new LinkedComplaint(first, LinkedComplaint.Reason.MULTI_CHANNEL_DUPLICATE));

        Summary.Counts counts = summary.counts().block();
        assertThat(counts.received()).isEqualTo(1);
        assertThat(counts.open()).isEqualTo(1);
        assertThat(counts.multiChannelDuplicates()).isEqualTo(1);
        assertThat(counts.byChannel()).isEqualTo(Map.of("PHONE", 1L));
    }

    @Test
    void aConsultationAnsweredInTheContactIsReceivedAndClosedInOne() {
        apply(new ComplaintReceived(ComplaintId.random(), Channel.PHONE, null, RequestKind.CONSULTATION,
                Category.PRODUCT_QUALITY, new Customer("c-1", null, null, null), null, "How do I descale it?", null,
                RECEIVED, Priority.NORMAL, "s-agent-1", Classification.fromChannel(), List.of(), null,
                new OnTheSpotAnswer("Citric acid, monthly.", "s-agent-1"), null));
        received(RequestKind.CONSULTATION, null);

        Summary.Counts counts = summary.counts().block();
        assertThat(counts.received()).isEqualTo(2);
        assertThat(counts.answeredOnTheSpot()).isEqualTo(1);
        assertThat(counts.closed()).isEqualTo(1);
        assertThat(counts.open()).isZero();
    }

    @Test
    void anEventDeliveredTwiceIsCountedOnce() {
        ComplaintId id = ComplaintId.random();
        InboundEvent once = envelope(receivedEvent(id, RequestKind.COMPLAINT, null));
        projection.apply(once);
        projection.apply(once);
        assertThat(summary.counts().block().received()).isEqualTo(1);
    }

    private ComplaintId received(RequestKind kind, LinkedComplaint linkedTo) {
        ComplaintId id = ComplaintId.random();
        apply(receivedEvent(id, kind, linkedTo));
        return id;
    }

    private static ComplaintReceived receivedEvent(ComplaintId id, RequestKind kind, LinkedComplaint linkedTo) {
        return new ComplaintReceived(id, Channel.PHONE, null, kind, Category.PRODUCT_QUALITY,
                new Customer("c-1", null, null, null), null, "The kettle leaks", null, RECEIVED, Priority.NORMAL,
                "s-agent-1", Classification.fromChannel(), List.of(), linkedTo, null, null);
    }

    private void apply(LifecycleEvent event) {
        projection.apply(envelope(event));
    }

    private static InboundEvent envelope(LifecycleEvent event) {
        return new InboundEvent(UUID.randomUUID().toString(), EventType.of(event.getClass()), "test",
                RECEIVED, event.complaintId().value(), event);
    }
}

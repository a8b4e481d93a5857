package org.complaintsuite.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventContractTest {

    private static final ComplaintId ID = ComplaintId.random();
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private final EventSchemas schemas = new EventSchemas();

    static List<LifecycleEvent> oneOfEach() {
        return List.of(
                new ComplaintReceived(ID, Channel.PHONE, "call-1", RequestKind.COMPLAINT, Category.PRODUCT_QUALITY,
                        new Customer("c-1", "Li Wei", "+8613800138000", "li@example.org"),
                        new Subject("PRODUCT", "SKU-42"), "The kettle leaks", "replacement", NOW),
                new ComplaintRouted(ID, 1, RequestKind.COMPLAINT, Category.PRODUCT_QUALITY, HandlingMode.TRANSFER,
                        "quality", EscalationLevel.AGENT, "quality-transfer", NOW, NOW),
                new ComplaintEscalated(ID, EscalationLevel.AGENT, EscalationLevel.SUPERVISOR, "customer demands it",
                        "MANUAL", "agent-7", NOW),
                new ComplaintResolved(ID, 1, Category.PRODUCT_QUALITY, "COMPANY_FAULT", "REPLACEMENT", "seal defect",
                        "We replaced the kettle", "agent-7", NOW),
                new SlaClockStarted(ID, "clock-1", SlaTarget.RESOLUTION, "default", "1", NOW, NOW.plusSeconds(259_200)),
                new SlaMet(ID, "clock-1", SlaTarget.RESOLUTION, NOW.plusSeconds(259_200), NOW.plusSeconds(60), 60),
                new SlaBreached(ID, "clock-1", SlaTarget.RESOLUTION, NOW, NOW.plusMillis(120)),
                new FollowUpScheduled(ID, 1, Category.PRODUCT_QUALITY, NOW, NOW.plusSeconds(432_000)),
                new FollowUpCompleted(ID, 1, 2, false, "still leaking", NOW),
                new ComplaintRevisited(ID, 2, "DISSATISFIED_FOLLOW_UP", NOW),
                new ComplaintClosed(ID, 2, 5, NOW));
    }

    @Test
    void everyEventTypeHasASampleAndItValidatesAgainstItsSchema() {
        List<LifecycleEvent> samples = oneOfEach();
        assertThat(samples.stream().map(e -> EventType.of(e.getClass())).distinct())
                .containsExactlyInAnyOrder(EventType.values());
        for (LifecycleEvent event : samples) {
            assertThat(schemas.violations(event)).as(event.getClass().getSimpleName()).isEmpty();
        }
    }

    @Test
    void aPayloadMissingARequiredFieldIsReported() {
        byte[] json = "{\"complaintId\":\"x\",\"clockId\":\"c\",\"target\":\"RESOLUTION\",\"dueAt\":\"2026-11-23T08:00:00Z\"}"
                .getBytes();
        assertThat(schemas.violations(EventType.SLA_BREACHED, json)).anyMatch(v -> v.contains("breachedAt"));
    }

    @Test
    void anUnknownEnumValueIsReported() {
        byte[] json = EventJson.write(oneOfEach().get(1)).clone();
        String tampered = new String(json).replace("TRANSFER", "TELEPATHY");
        assertThat(schemas.violations(EventType.COMPLAINT_ROUTED, tampered.getBytes())).isNotEmpty();
    }

    @Test
    void payloadsRoundTripThroughTheSharedMapping() {
        for (LifecycleEvent event : oneOfEach()) {
            assertThat(EventJson.read(EventJson.write(event), event.getClass())).isEqualTo(event);
        }
    }

    @Test
    void complaintIdIsAPlainStringOnTheWire() {
        assertThat(new String(EventJson.write(oneOfEach().get(0)))).contains("\"complaintId\":\"" + ID.value() + "\"");
    }

    @Test
    void ceTypesAreReverseDnsAndVersioned() {
        assertThat(EventType.COMPLAINT_RECEIVED.ceType()).isEqualTo("org.complaintsuite.ComplaintReceived.v1");
        assertThat(EventType.ofCeType("org.complaintsuite.SlaBreached.v1")).contains(EventType.SLA_BREACHED);
        assertThat(EventType.ofCeType("org.complaintsuite.Unknown.v1")).isEmpty();
    }

    @Test
    void theSameNaturalKeyAlwaysGivesTheSameComplaintId() {
        assertThat(ComplaintId.fromNaturalKey("PHONE:call-1")).isEqualTo(ComplaintId.fromNaturalKey("PHONE:call-1"));
        assertThat(ComplaintId.fromNaturalKey("PHONE:call-1")).isNotEqualTo(ComplaintId.fromNaturalKey("WEB:call-1"));
    }
}

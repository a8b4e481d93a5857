package org.complaintsuite.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventContractTest {

    private static final ClockSubject SUBJECT = new ClockSubject(RequestKind.COMPLAINT, Category.PRODUCT_QUALITY,
            Priority.NORMAL, Channel.PHONE, "quality");

    private static final ComplaintId ID = ComplaintId.random();
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private final EventSchemas schemas = new EventSchemas();

    static List<LifecycleEvent> oneOfEach() {
        return List.of(
                new ComplaintReceived(ID, Channel.PHONE, "call-1", RequestKind.COMPLAINT, Category.PRODUCT_QUALITY,
                        new Customer("c-1", "Li Wei", "+8613800138000", "li@example.org"),
                        new Subject("PRODUCT", "SKU-42"), "The kettle leaks", "replacement", NOW, Priority.HIGH,
                        "agent-7", new Classification(Classification.Source.RULE, "quality-leak", "leak"),
                        List.of(new PriorityTrigger(PriorityTrigger.Kind.VIP, "vip-accounts", "c-1")),
                        new LinkedComplaint(ID, LinkedComplaint.Reason.REPEAT_COMPLAINT), null, null),
                new ComplaintReceived(ID, Channel.APP, "app-9", RequestKind.QUERY, Category.PRODUCT_QUALITY,
                        new Customer(null, null, "+8613800138000", null), new Subject("BARCODE", "6901234567892"),
                        "Is this kettle genuine?", null, NOW, Priority.NORMAL, null, Classification.fromChannel(),
                        List.of(), null, null, new LookupAnswer("product-authenticity", "COUNTERFEIT",
                        "This code was never issued.", RequestKind.COMPLAINT, Category.PRODUCT_QUALITY)),
                new ComplaintRouted(ID, 1, RequestKind.COMPLAINT, Category.PRODUCT_QUALITY, HandlingMode.TRANSFER,
                        "quality", EscalationLevel.AGENT, "quality-transfer", NOW, NOW, Channel.PHONE, Priority.HIGH,
                        "agent-7", null, "PRODUCT"),
                new CaseHandedOff(ID, 1, "agent-7", "q-agent-2", "needs a quality engineer", "supervisor-2", NOW),
                new CaseAssigned(ID, 1, "q-agent-1", "quality", "least loaded with the skill", "routing", NOW, false),
                new ComplaintEscalated(ID, EscalationLevel.AGENT, EscalationLevel.SUPERVISOR, "customer demands it",
                        "MANUAL", "agent-7", NOW),
                new ComplaintResolved(ID, 1, Category.PRODUCT_QUALITY, "COMPANY_FAULT", "COMPENSATION", "seal defect",
                        "We replaced the kettle", "agent-7", NOW, Validity.SUBSTANTIATED,
                        new Compensation(new java.math.BigDecimal("200.00"), "CNY"), null, "quality", null, null),
                new FieldVisitRequested(ID, 1, 1, Area.RURAL, "Shop 12, Xinhua village", "inspect the kettle",
                        "agent-7", NOW),
                new FieldVisitArrived(ID, 1, 1, "field-3", NOW.plusSeconds(3600)),
                new FollowUpOverdue(ID, 1, ID.value() + ":FOLLOW_UP:2", NOW, "q-agent-1", "q-supervisor", NOW),
                new SlaClockStarted(ID, "clock-1", SlaTarget.RESOLUTION, 1,
                        SUBJECT, "default", "1", NOW, NOW.plusSeconds(259_200), 259_200,
                        new SlaCalendar("office", "Asia/Shanghai", Map.of("MONDAY", List.of("08:30-12:00")),
                                List.of(LocalDate.of(2026, 10, 1))), List.of(0.5, 0.8), null),
                new SlaClockPaused(ID, "clock-1", SlaTarget.RESOLUTION, "waiting for the customer", "agent-7", NOW, 60),
                new SlaClockResumed(ID, "clock-1", SlaTarget.RESOLUTION, "agent-7", NOW, NOW.plusSeconds(259_200)),
                new SlaWarningReached(ID, "clock-1", SlaTarget.RESOLUTION, 0.5, NOW, NOW.plusSeconds(100), SUBJECT),
                new SlaClockRecalculated(ID, "clock-1", SlaTarget.RESOLUTION, "default", "1", "2", NOW,
                        NOW.plusSeconds(100), 60, 86_400, new SlaCalendar("24x7", "UTC", Map.of(), List.of()),
                        "policy 2 applies from today", "manager-1", NOW),
                new SlaMet(ID, "clock-1", SlaTarget.RESOLUTION, NOW.plusSeconds(259_200), NOW.plusSeconds(60), 60),
                new SlaBreached(ID, "clock-1", SlaTarget.RESOLUTION, NOW, NOW.plusMillis(120), SUBJECT),
                new FollowUpScheduled(ID, 1, Category.PRODUCT_QUALITY, NOW, NOW.plusSeconds(432_000), 2, 1, 2,
                        "product-quality", RequestKind.COMPLAINT, "quality"),
                new FollowUpAttempted(ID, 1, 2, 1, CallOutcome.NO_ANSWER, "agent-7", NOW, NOW.plusSeconds(7200),
                        "quality"),
                new FollowUpCompleted(ID, 1, 2, false, "still leaking", NOW, 2, 2, 3, "sms-survey", "quality"),
                new FollowUpEnded(ID, 1, 3, FollowUpEnded.Outcome.CANCELLED, 0, NOW, "quality"),
                new CustomerContacted(ID, 1, "agent-7", "PHONE", "called back, photos requested", true, NOW),
                new ComplaintRevisited(ID, 2, ComplaintRevisited.REPEAT_COMPLAINT, NOW, ID),
                new ComplaintClosed(ID, 2, 5, NOW),
                new CustomerMessageIssued(ID, ID.value() + ":ACKNOWLEDGEMENT:1", CustomerMessageIssued.Purpose.ACKNOWLEDGEMENT,
                        CustomerMessageIssued.MessageChannel.SMS, "+8613800138000", "zh-CN",
                        "您的投诉已受理，我们将在 2026-11-26 16:00 前处理完毕。", null, NOW));
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

    @Test
    void theSubmissionSchemaTakesWhatAChannelSendsAndNamesWhatIsWrong() {
        EventSchemas schemas = new EventSchemas();
        assertThat(schemas.submissionViolations("""
                {"channel":"sms","externalId":"sms-981","kind":"COMPLAINT",
                 "customer":{"phone":"138 0013 8000"},"description":"热水器漏水"}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEmpty();
        assertThat(schemas.submissionViolations("""
                {"channel":"phone","kind":"CONSULTATION","customer":{"id":"c-1"},"description":"How do I descale it?",
                 "receivedBy":"agent-7","answer":"Citric acid, once a month."}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEmpty();
        assertThat(schemas.submissionViolations("""
                {"channel":"fax","customer":{"phone":"1"},"description":"","colour":"red"}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .anySatisfy(v -> assertThat(v).contains("channel"))
                .anySatisfy(v -> assertThat(v).contains("kind"))
                .anySatisfy(v -> assertThat(v).contains("description"))
                .anySatisfy(v -> assertThat(v).contains("colour"));
    }

    @Test
    void theResponseSchemaTakesWhatASurveyGatewaySendsAndNamesWhatIsWrong() {
        EventSchemas schemas = new EventSchemas();
        assertThat(schemas.responseViolations("""
                {"complaintId":"c-1","followUp":2,"attempt":1,"outcome":"ANSWERED","satisfaction":4,"resolved":true,
                 "nps":9,"by":"sms-survey"}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEmpty();
        assertThat(schemas.responseViolations("""
                {"complaintId":"c-1","followUp":1,"attempt":3,"outcome":"NO_ANSWER"}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEmpty();
        assertThat(schemas.responseViolations("""
                {"complaintId":"c-1","followUp":1,"attempt":1,"outcome":"ANSWERED","resolved":true}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .as("an answer needs its satisfaction").anySatisfy(v -> assertThat(v).contains("satisfaction"));
        assertThat(schemas.responseViolations("""
                {"complaintId":"c-1","outcome":"BUSY","nps":11}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .anySatisfy(v -> assertThat(v).contains("followUp"))
                .anySatisfy(v -> assertThat(v).contains("attempt"))
                .anySatisfy(v -> assertThat(v).contains("outcome"))
                .anySatisfy(v -> assertThat(v).contains("nps"));
    }
}

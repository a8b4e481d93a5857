package org.complaintsuite.feedback.service;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.ClockSubject;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.ComplaintResolved;
import org.complaintsuite.events.EventType;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.events.SlaCalendar;
import org.complaintsuite.events.SlaClockStarted;
import org.complaintsuite.events.SlaTarget;
import org.complaintsuite.events.Topic;
import org.complaintsuite.events.Validity;
import org.complaintsuite.testing.ContractClient.Answer;
import org.complaintsuite.testing.MongoIndexes;
import org.complaintsuite.testing.SampleEvents;
import org.complaintsuite.testing.ServiceTest;
import org.complaintsuite.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * feedback-service on its own on the embedded infrastructure: resolutions fed on routing's topic, calls
 * posted through its HTTP API and published by a survey gateway on {@code feedback.responses.v1}, what it
 * publishes read from {@code feedback.followups.v1}, every answer checked against the OpenAPI document it
 * serves.
 */
class FeedbackServiceTest extends ServiceTest {

    private static final String FOLLOW_UPS = "/api/follow-ups/{complaintId}";
    private static final String RESPONSES = FOLLOW_UPS + "/responses";
    private static final String ATTEMPTS = FOLLOW_UPS + "/attempts";
    private static final String GATEWAY = Topic.FEEDBACK_RESPONSES.topicName();

    @Test
    void aProductQualityResolutionIsFollowedUpTwiceEvenWhenDeliveredTwiceAndClosedBySatisfiedAnswersToBoth() {
        try (TopicProbe followUps = TopicProbe.from(Topic.FEEDBACK_FOLLOWUPS.topicName())) {
            ComplaintId id = SampleEvents.newComplaintId();
            Instant resolvedAt = Instant.now();
            String ceId = TopicProbe.publish(resolved(id, Category.PRODUCT_QUALITY, resolvedAt));
            TopicProbe.publish(ceId, resolved(id, Category.PRODUCT_QUALITY, resolvedAt)); // a redelivery

            JsonNode view = api.awaitGet(FOLLOW_UPS, v -> v.path("rounds").path(0).path("followUps").size() == 2,
                    id.value());
            assertThat(view.path("state").asString()).isEqualTo("AWAITING_ANSWER");
            JsonNode round = view.path("rounds").path(0);
            assertThat(round.path("plan").asString()).isEqualTo("product-quality");
            JsonNode first = round.path("followUps").path(0);
            JsonNode second = round.path("followUps").path(1);
            assertThat(first.path("state").asString()).isEqualTo("WAITING");
            assertThat(Instant.parse(first.path("dueBy").asString())).isAfter(resolvedAt)
                    .isBefore(Instant.parse(second.path("dueBy").asString()));

            api.post(RESPONSES, "{\"satisfaction\": 5, \"resolved\": true, \"comment\": \"thanks\", \"nps\": 9}", 202,
                    id.value());
            JsonNode afterFirst = api.awaitGet(FOLLOW_UPS, v -> "ANSWERED".equals(
                    v.path("rounds").path(0).path("followUps").path(0).path("state").asString()), id.value());
            assertThat(afterFirst.path("state").asString()).as("the second follow-up still waits")
                    .isEqualTo("AWAITING_ANSWER");
            assertThat(afterFirst.path("rounds").path(0).path("followUps").path(0).path("nps").asInt()).isEqualTo(9);

            api.post(RESPONSES, "{\"satisfaction\": 4, \"resolved\": true}", 202, id.value());
            followUps.await(id.value(), EventType.COMPLAINT_CLOSED.ceType());
            JsonNode closed = api.awaitGet(FOLLOW_UPS, v -> "CLOSED".equals(v.path("state").asString()), id.value());
            assertThat(closed.path("rounds").path(0).path("outcome").asString()).isEqualTo("CLOSED");
            assertThat(followUps.seenFor(id.value()).stream().filter(r -> EventType.FOLLOW_UP_SCHEDULED.ceType()
                    .equals(TopicProbe.header(r, "ce_type")))).as("two follow-ups per resolution, once").hasSize(2);

            Answer late = api.post(RESPONSES, "{\"satisfaction\": 1, \"resolved\": false}", 409, id.value());
            assertThat(late.json().path("currentState").asString()).isEqualTo("CLOSED");
        }
    }

    @Test
    void anUnsatisfiedAnswerCancelsTheOtherFollowUpAndRevisitsTheComplaint() {
        try (TopicProbe followUps = TopicProbe.from(Topic.FEEDBACK_FOLLOWUPS.topicName())) {
            ComplaintId id = awaitingAnswer(Category.PRODUCT_QUALITY, 2);
            api.post(RESPONSES, "{\"satisfaction\": 2, \"resolved\": false, \"comment\": \"still leaking\"}", 202,
                    id.value());
            JsonNode revisited = TopicProbe.payload(followUps.await(id.value(),
                    EventType.COMPLAINT_REVISITED.ceType()));
            assertThat(revisited.path("round").asInt()).isEqualTo(2);
            JsonNode view = api.awaitGet(FOLLOW_UPS, v -> "REVISITED".equals(v.path("state").asString()), id.value());
            assertThat(view.path("rounds").path(0).path("followUps").path(1).path("state").asString())
                    .isEqualTo("CANCELLED");
        }
    }

    @Test
    void threeUnansweredCallsEndTheFollowUpUnreachableWithEachAttemptOnTheRecord() {
        try (TopicProbe followUps = TopicProbe.from(Topic.FEEDBACK_FOLLOWUPS.topicName())) {
            ComplaintId id = awaitingAnswer(Category.SERVICE_ATTITUDE, 1);
            api.post(ATTEMPTS, "{\"outcome\": \"NO_ANSWER\", \"by\": \"agent-7\"}", 202, id.value());
            JsonNode retry = api.awaitGet(FOLLOW_UPS, v -> v.path("rounds").path(0).path("followUps").path(0)
                    .has("nextAttemptAt"), id.value()).path("rounds").path(0).path("followUps").path(0);
            assertThat(Instant.parse(retry.path("nextAttemptAt").asString())).isAfter(Instant.now().plusSeconds(7000));
            api.post(ATTEMPTS, "{\"outcome\": \"no_answer\", \"by\": \"agent-7\"}", 202, id.value());
            api.post(ATTEMPTS, "{\"outcome\": \"NO_ANSWER\", \"by\": \"agent-8\"}", 202, id.value());

            JsonNode ended = TopicProbe.payload(followUps.await(id.value(), EventType.FOLLOW_UP_ENDED.ceType()));
            assertThat(ended.path("outcome").asString()).isEqualTo("UNREACHABLE");
            assertThat(ended.path("attempts").asInt()).isEqualTo(3);
            JsonNode view = api.awaitGet(FOLLOW_UPS, v -> "UNANSWERED".equals(v.path("state").asString()), id.value());
            JsonNode followUp = view.path("rounds").path(0).path("followUps").path(0);
            assertThat(followUp.path("state").asString()).isEqualTo("UNREACHABLE");
            assertThat(followUp.path("attempts").findValuesAsString("by")).containsExactly("agent-7", "agent-7", "agent-8");
            assertThat(followUp.has("nextAttemptAt")).isFalse();
            assertThat(followUps.seenFor(id.value()).stream().map(r -> TopicProbe.header(r, "ce_type")))
                    .as("no close: nobody confirmed the resolution").doesNotContain(EventType.COMPLAINT_CLOSED.ceType());
            api.post(ATTEMPTS, "{\"outcome\": \"NO_ANSWER\"}", 409, id.value());
        }
    }

    @Test
    void aSurveyGatewaysAnswersOnKafkaCloseOrRevisitOnceAndBadRecordsAreDeadLetteredWithTheirReason() {
        try (TopicProbe followUps = TopicProbe.from(Topic.FEEDBACK_FOLLOWUPS.topicName());
             TopicProbe deadLetters = TopicProbe.from(Topic.FEEDBACK_RESPONSES.deadLetterTopicName())) {
            ComplaintId satisfied = awaitingAnswer(Category.SERVICE_ATTITUDE, 1);
            ComplaintId dissatisfied = awaitingAnswer(Category.SERVICE_ATTITUDE, 1);
            send(satisfied, "{\"complaintId\": \"%s\", \"outcome\": \"ANSWERED\"}".formatted(satisfied.value()));
            send(satisfied, """
                    {"complaintId": "%s", "followUp": 1, "attempt": 1, "outcome": "NO_ANSWER", "by": "ivr"}"""
                    .formatted(satisfied.value()));
            String answer = """
                    {"complaintId": "%s", "followUp": 1, "attempt": 2, "outcome": "ANSWERED", "satisfaction": 5,
                     "resolved": true, "nps": 10, "by": "sms-survey"}""".formatted(satisfied.value());
            send(satisfied, answer);
            send(satisfied, answer); // the gateway sent it twice
            send(dissatisfied, """
                    {"complaintId": "%s", "followUp": 1, "attempt": 1, "outcome": "ANSWERED", "satisfaction": 1,
                     "resolved": false, "comment": "nobody came"}""".formatted(dissatisfied.value()));
            ComplaintId unknown = SampleEvents.newComplaintId();
            send(unknown, """
                    {"complaintId": "%s", "followUp": 1, "attempt": 1, "outcome": "REFUSED"}"""
                    .formatted(unknown.value()));

            followUps.await(satisfied.value(), EventType.COMPLAINT_CLOSED.ceType());
            followUps.await(dissatisfied.value(), EventType.COMPLAINT_REVISITED.ceType());
            ConsumerRecord<String, byte[]> invalid = deadLetters.await(r -> satisfied.value().equals(r.key()));
            assertThat(TopicProbe.header(invalid, "dlt_reason")).contains("not a valid FollowUpResponse")
                    .contains("followUp").contains("satisfaction");
            ConsumerRecord<String, byte[]> nothingWaiting = deadLetters.await(r -> unknown.value().equals(r.key()));
            assertThat(TopicProbe.header(nothingWaiting, "dlt_reason")).contains("no follow-up for complaint");
            assertThat(deadLetters.seenFor(satisfied.value())).as("the repeated answer is no poison").hasSize(1);

            JsonNode view = api.awaitGet(FOLLOW_UPS, v -> "CLOSED".equals(v.path("state").asString()),
                    satisfied.value());
            JsonNode followUp = view.path("rounds").path(0).path("followUps").path(0);
            assertThat(followUp.path("attempts").findValuesAsString("outcome")).containsExactly("NO_ANSWER", "ANSWERED");
            assertThat(followUps.seenFor(satisfied.value()).stream().filter(r -> EventType.FOLLOW_UP_COMPLETED.ceType()
                    .equals(TopicProbe.header(r, "ce_type")))).as("answered once").hasSize(1);
        }
    }

    @Test
    void anInvalidCallNamesItsFieldsAndAnUnknownComplaintHasNoFollowUp() {
        ComplaintId id = awaitingAnswer(Category.SERVICE_ATTITUDE, 1);
        Answer invalid = api.post(RESPONSES, "{\"satisfaction\": 9, \"nps\": 11, \"comment\": \"%s\"}"
                .formatted("x".repeat(4001)), 400, id.value());
        assertThat(invalid.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("satisfaction", "resolved", "comment", "nps");
        Answer noOutcome = api.post(ATTEMPTS, "{\"followUp\": 0}", 400, id.value());
        assertThat(noOutcome.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("followUp", "outcome");
        Answer notWaiting = api.post(ATTEMPTS, "{\"followUp\": 7, \"outcome\": \"REFUSED\"}", 409, id.value());
        assertThat(notWaiting.json().path("detail").asString()).contains("follow-up 7 is not waiting");
        String unknown = "no-follow-up-" + UUID.randomUUID();
        api.get(FOLLOW_UPS, 404, unknown);
        api.post(RESPONSES, "{\"satisfaction\": 4, \"resolved\": true}", 404, unknown);
    }

    @Test
    void theCallListShowsWhatMayBeCalledNowDueSoonestFirstAndAnUnansweredCallReturnsAtItsNextAttempt() {
        ComplaintId id = awaitingAnswer(Category.PRODUCT_QUALITY, 2);
        String list = "/api/follow-ups?department=quality&size=500";
        JsonNode now = api.awaitGet(list, l -> l.path("items").findValuesAsString("complaintId").contains(id.value()));
        assertThat(followUpsOf(now, id)).as("the second is called on its own day, not now").containsExactly(1);
        JsonNode inAWeek = api.get(list + "&callableBy=" + Instant.now().plusSeconds(8 * 86_400), 200).json();
        assertThat(followUpsOf(inAWeek, id)).containsExactly(1, 2);

        api.post(ATTEMPTS, "{\"outcome\": \"NO_ANSWER\", \"by\": \"agent-7\"}", 202, id.value());
        api.awaitGet(list, l -> followUpsOf(l, id).isEmpty());
        JsonNode later = api.get(list + "&callableBy=" + Instant.now().plusSeconds(3 * 3600), 200).json();
        assertThat(followUpsOf(later, id)).as("back after the retry delay").containsExactly(1);
        assertThat(api.get("/api/follow-ups?callableBy=yesterday", 400).json().path("errors").path(0).path("field")
                .asString()).isEqualTo("callableBy");

        api.post(RESPONSES, "{\"satisfaction\": 5, \"resolved\": true}", 202, id.value());
        api.awaitGet(list + "&callableBy=" + Instant.now().plusSeconds(8 * 86_400),
                l -> followUpsOf(l, id).equals(List.of(2)));
    }

    @Test
    void theCallListQueriesHaveTheirIndexesAndARealMongoDbPlansWithThem() {
        awaitingAnswer(Category.SERVICE_ATTITUDE, 1);
        try (MongoIndexes feedback = new MongoIndexes("feedback")) {
            feedback.assertDeclared("followUpCalls", "[callableFrom, dueBy]", "[department, callableFrom, dueBy]");
            Document callable = new Document("callableFrom", new Document("$lte", Instant.now().toString()));
            Document dueFirst = new Document("dueBy", 1);
            feedback.assertPlannedWithAnIndex("followUpCalls", callable, dueFirst);
            feedback.assertPlannedWithAnIndex("followUpCalls", new Document("department", "quality")
                    .append("callableFrom", callable.get("callableFrom")), dueFirst);
        }
    }

    private static List<Integer> followUpsOf(JsonNode list, ComplaintId id) {
        List<Integer> numbers = new java.util.ArrayList<>();
        list.path("items").forEach(call -> {
            if (id.value().equals(call.path("complaintId").asString())) {
                numbers.add(call.path("followUp").asInt());
            }
        });
        return numbers;
    }

    @Test
    void theCustomerIsToldOnceOfTheReceiptWithThePromisedTimeTheResolutionNoteAndTheSurvey() {
        try (TopicProbe messages = TopicProbe.from(Topic.FEEDBACK_MESSAGES.topicName())) {
            ComplaintId id = SampleEvents.newComplaintId();
            Instant due = Instant.parse("2026-12-05T08:00:00Z"); // 16:00 in Shanghai
            // the promise comes first: the customer's address arrives on another topic, later
            SlaClockStarted promised = new SlaClockStarted(id, id.value() + ":RESOLUTION:1", SlaTarget.RESOLUTION, 1,
                    new ClockSubject(RequestKind.COMPLAINT, Category.PRODUCT_QUALITY, Priority.NORMAL, Channel.PHONE,
                            "quality"), "default", "1", due.minusSeconds(259_200), due, 259_200,
                    new SlaCalendar("24x7", "Asia/Shanghai", Map.of(), List.of()), List.of(0.5, 0.8), null);
            String ceId = TopicProbe.publish(promised);
            TopicProbe.publish(ceId, promised); // and again
            TopicProbe.publish(SampleEvents.complaint(id, Category.PRODUCT_QUALITY));
            JsonNode acknowledgement = TopicProbe.payload(messages.await(r -> id.value().equals(r.key())
                    && "ACKNOWLEDGEMENT".equals(TopicProbe.payload(r).path("purpose").asString())));
            assertThat(acknowledgement.path("channel").asString()).isEqualTo("SMS");
            assertThat(acknowledgement.path("to").asString()).isEqualTo("+8613800138000");
            assertThat(acknowledgement.path("language").asString()).isEqualTo("zh-CN");
            assertThat(acknowledgement.path("text").asString()).contains("2026-12-05 16:00")
                    .contains(id.value().substring(0, 8).toUpperCase());
            assertThat(acknowledgement.toString()).as("nothing of the customer but the address").doesNotContain("Li Wei");

            TopicProbe.publish(resolved(id, Category.PRODUCT_QUALITY, Instant.now()));
            JsonNode note = TopicProbe.payload(messages.await(r -> id.value().equals(r.key())
                    && "RESOLUTION_NOTE".equals(TopicProbe.payload(r).path("purpose").asString())));
            assertThat(note.path("text").asString()).contains("We replace the kettle.");
            JsonNode invitation = TopicProbe.payload(messages.await(r -> id.value().equals(r.key())
                    && "SURVEY_INVITATION".equals(TopicProbe.payload(r).path("purpose").asString())));
            assertThat(invitation.path("followUp").asInt()).as("a reply answers the first follow-up").isEqualTo(1);
            assertThat(messages.seenFor(id.value())).as("each message once; the second follow-up is a call")
                    .hasSize(3);
        }
    }

    private static void send(ComplaintId key, String json) {
        TopicProbe.send(GATEWAY, key.value(), json.getBytes(StandardCharsets.UTF_8));
    }

    private ComplaintId awaitingAnswer(Category category, int followUps) {
        ComplaintId id = SampleEvents.newComplaintId();
        TopicProbe.publish(resolved(id, category, Instant.now()));
        api.awaitGet(FOLLOW_UPS, v -> v.path("rounds").path(0).path("followUps").size() == followUps, id.value());
        return id;
    }

    private static ComplaintResolved resolved(ComplaintId id, Category category, Instant at) {
        return new ComplaintResolved(id, 1, category, "COMPANY_FAULT", "REPLACEMENT", "seal defect",
                "We replace the kettle.", "supervisor-2", at, Validity.SUBSTANTIATED, null, RequestKind.COMPLAINT,
                "quality", null, null);
    }
}

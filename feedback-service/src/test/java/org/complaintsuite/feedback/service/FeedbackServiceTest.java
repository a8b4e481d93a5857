package org.complaintsuite.feedback.service;

import org.complaintsuite.events.Category;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.ComplaintResolved;
import org.complaintsuite.events.EventType;
import org.complaintsuite.events.Topic;
import org.complaintsuite.events.Validity;
import org.complaintsuite.testing.ContractClient.Answer;
import org.complaintsuite.testing.SampleEvents;
import org.complaintsuite.testing.ServiceTest;
import org.complaintsuite.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * feedback-service on its own on the embedded infrastructure: resolutions fed on routing's topic, the
 * customer's answers posted through its HTTP API, what it publishes read from {@code feedback.followups.v1},
 * every answer checked against the OpenAPI document it serves.
 */
class FeedbackServiceTest extends ServiceTest {

    private static final String FOLLOW_UPS = "/api/follow-ups/{complaintId}";
    private static final String RESPONSES = FOLLOW_UPS + "/responses";


    @Test
    void aResolutionIsFollowedUpOnceEvenWhenDeliveredTwiceAndASatisfiedAnswerClosesTheComplaint() {
        try (TopicProbe followUps = TopicProbe.from(Topic.FEEDBACK_FOLLOWUPS.topicName())) {
            ComplaintId id = SampleEvents.newComplaintId();
            Instant resolvedAt = Instant.now();
            String ceId = TopicProbe.publish(resolved(id, resolvedAt));
            TopicProbe.publish(ceId, resolved(id, resolvedAt)); // a redelivery

            JsonNode scheduled = TopicProbe.payload(followUps.await(id.value(),
                    EventType.FOLLOW_UP_SCHEDULED.ceType()));
            assertThat(Instant.parse(scheduled.path("dueBy").asString())).isAfter(resolvedAt);
            JsonNode view = api.awaitGet(FOLLOW_UPS, v -> true, id.value());
            assertThat(view.path("state").asString()).isEqualTo("AWAITING_ANSWER");
            assertThat(view.path("rounds")).hasSize(1);

            Answer answered = api.post(RESPONSES, "{\"satisfaction\": 5, \"resolved\": true, \"comment\": \"thanks\"}",
                    202, id.value());
            assertThat(answered.location()).isEqualTo("/api/follow-ups/" + id.value());
            followUps.await(id.value(), EventType.COMPLAINT_CLOSED.ceType());
            JsonNode closed = api.awaitGet(FOLLOW_UPS, v -> "CLOSED".equals(v.path("state").asString()), id.value());
            assertThat(closed.path("rounds").path(0).path("satisfaction").asInt()).isEqualTo(5);
            assertThat(closed.path("rounds").path(0).path("outcome").asString()).isEqualTo("CLOSED");
            assertThat(followUps.seenFor(id.value()).stream().filter(r -> EventType.FOLLOW_UP_SCHEDULED.ceType()
                    .equals(TopicProbe.header(r, "ce_type")))).as("one follow-up per resolution").hasSize(1);

            Answer late = api.post(RESPONSES, "{\"satisfaction\": 1, \"resolved\": false}", 409, id.value());
            assertThat(late.json().path("currentState").asString()).isEqualTo("CLOSED");
        }
    }

    @Test
    void anUnsatisfiedAnswerRevisitsTheComplaint() {
        try (TopicProbe followUps = TopicProbe.from(Topic.FEEDBACK_FOLLOWUPS.topicName())) {
            ComplaintId id = awaitingAnswer();
            api.post(RESPONSES, "{\"satisfaction\": 2, \"resolved\": false, \"comment\": \"still leaking\"}", 202,
                    id.value());
            JsonNode revisited = TopicProbe.payload(followUps.await(id.value(),
                    EventType.COMPLAINT_REVISITED.ceType()));
            assertThat(revisited.path("round").asInt()).isEqualTo(2);
            api.awaitGet(FOLLOW_UPS, v -> "REVISITED".equals(v.path("state").asString()), id.value());
        }
    }

    @Test
    void anInvalidAnswerNamesItsFieldsAndAnUnknownComplaintHasNoFollowUp() {
        ComplaintId id = awaitingAnswer();
        Answer invalid = api.post(RESPONSES, "{\"satisfaction\": 9, \"comment\": \"%s\"}".formatted("x".repeat(4001)),
                400, id.value());
        assertThat(invalid.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("satisfaction", "resolved", "comment");
        String unknown = "no-follow-up-" + UUID.randomUUID();
        api.get(FOLLOW_UPS, 404, unknown);
        api.post(RESPONSES, "{\"satisfaction\": 4, \"resolved\": true}", 404, unknown);
    }

    private ComplaintId awaitingAnswer() {
        ComplaintId id = SampleEvents.newComplaintId();
        TopicProbe.publish(resolved(id, Instant.now()));
        api.awaitGet(FOLLOW_UPS, v -> "AWAITING_ANSWER".equals(v.path("state").asString()), id.value());
        return id;
    }

    private static ComplaintResolved resolved(ComplaintId id, Instant at) {
        return new ComplaintResolved(id, 1, Category.PRODUCT_QUALITY, "COMPANY_FAULT", "REPLACEMENT", "seal defect",
                "We replace the kettle.", "supervisor-2", at, Validity.SUBSTANTIATED, null, null);
    }
}

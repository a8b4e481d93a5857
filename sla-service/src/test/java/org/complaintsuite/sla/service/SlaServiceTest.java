package org.complaintsuite.sla.service;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.ComplaintResolved;
import org.complaintsuite.events.ComplaintRouted;
import org.complaintsuite.events.EscalationLevel;
import org.complaintsuite.events.EventType;
import org.complaintsuite.events.FollowUpEnded;
import org.complaintsuite.events.FollowUpScheduled;
import org.complaintsuite.events.HandlingMode;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.RequestKind;
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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * sla-service on its own on the embedded infrastructure: routing's and feedback's events fed on their
 * topics, clocks read and paused through its HTTP API, what it publishes read from {@code sla.clocks.v1},
 * every answer checked against the OpenAPI document it serves.
 */
class SlaServiceTest extends ServiceTest {

    private static final String CLOCKS = "/api/clocks/{complaintId}";
    private static final String STARTED = EventType.SLA_CLOCK_STARTED.ceType();


    @Test
    void thePoliciesInForceAreShownWithTheirCalendars() {
        JsonNode policies = api.get("/api/policies", 200).json();
        assertThat(policies.path("policies").findValuesAsString("id")).contains("default");
        assertThat(policies.path("calendars").findValuesAsString("id")).contains("24x7", "office");
    }

    @Test
    void aTransferredCaseStartsItsThreeClocksOnceEvenWhenItsRoutingIsDeliveredTwice() {
        try (TopicProbe clocks = TopicProbe.from(Topic.SLA_CLOCKS.topicName())) {
            ComplaintId id = SampleEvents.newComplaintId();
            Instant opened = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
            String ceId = TopicProbe.publish(routed(id, opened));
            TopicProbe.publish(ceId, routed(id, opened)); // a redelivery

            JsonNode view = api.awaitGet(CLOCKS, v -> v.path("clocks").size() == 3, id.value());
            assertThat(view.path("clocks").findValuesAsString("target"))
                    .containsExactlyInAnyOrder("RESOLUTION", "TRANSFER", "FIRST_RESPONSE");
            JsonNode resolution = clock(view, "RESOLUTION");
            assertThat(resolution.path("state").asString()).isEqualTo("RUNNING");
            assertThat(Instant.parse(resolution.path("startedAt").asString())).isEqualTo(opened);
            assertThat(Instant.parse(resolution.path("dueAt").asString()))
                    .isEqualTo(opened.plusSeconds(resolution.path("allowedSeconds").asLong()));
            assertThat(resolution.path("elapsedSeconds").asLong()).isGreaterThanOrEqualTo(60);
            assertThat(resolution.has("checkpointAt")).as("bookkeeping stays out of the answer").isFalse();

            ComplaintId marker = SampleEvents.newComplaintId();
            TopicProbe.publish(routed(marker, opened));
            clocks.await(marker.value(), STARTED);
            assertThat(clocks.seenFor(id.value()).stream().filter(r -> STARTED.equals(TopicProbe.header(r, "ce_type"))))
                    .as("one start per target").hasSize(3);
        }
    }

    @Test
    void aPausedClockResumesWithItsDueTimeMovedAndAPauseOfAPausedClockConflicts() {
        try (TopicProbe clocks = TopicProbe.from(Topic.SLA_CLOCKS.topicName())) {
            ComplaintId id = runningClocks();
            String pause = "{\"target\": \"RESOLUTION\", \"reason\": \"waiting for photos\", \"actor\": \"agent-7\"}";
            Answer paused = api.post(CLOCKS + "/pauses", pause, 202, id.value());
            assertThat(paused.location()).isEqualTo("/api/clocks/" + id.value());
            JsonNode event = TopicProbe.payload(clocks.await(id.value(), EventType.SLA_CLOCK_PAUSED.ceType()));
            assertThat(event.path("causedBy").asString()).isEqualTo("agent-7");

            Answer again = api.post(CLOCKS + "/pauses", pause, 409, id.value());
            assertThat(again.json().path("detail").asString()).contains("already paused");
            assertThat(again.json().path("currentState").isArray()).as("the clocks as they are now").isTrue();

            Instant dueBefore = Instant.parse(clock(api.get(CLOCKS, 200, id.value()).json(), "RESOLUTION")
                    .path("dueAt").asString());
            api.post(CLOCKS + "/resumptions", "{\"target\": \"RESOLUTION\", \"actor\": \"agent-7\"}", 202, id.value());
            JsonNode resumed = TopicProbe.payload(clocks.await(id.value(), EventType.SLA_CLOCK_RESUMED.ceType()));
            assertThat(Instant.parse(resumed.path("dueAt").asString())).isAfterOrEqualTo(dueBefore);
            JsonNode view = api.awaitGet(CLOCKS, v -> clock(v, "RESOLUTION").path("resumptions").size() == 1,
                    id.value());
            assertThat(clock(view, "RESOLUTION").path("pauses").path(0).path("reason").asString())
                    .isEqualTo("waiting for photos");
        }
    }

    @Test
    void aRecalculationUnderUnchangedPoliciesChangesNoClockAndNeedsAReason() {
        try (TopicProbe clocks = TopicProbe.from(Topic.SLA_CLOCKS.topicName())) {
            ComplaintId id = runningClocks();
            api.post(CLOCKS + "/recalculations", "{\"reason\": \"policies reviewed\", \"actor\": \"manager-1\"}", 202,
                    id.value());
            Answer noReason = api.post(CLOCKS + "/recalculations", "{\"actor\": \"manager-1\"}", 400, id.value());
            assertThat(noReason.json().path("errors").findValuesAsString("field")).containsExactly("reason");

            api.post(CLOCKS + "/pauses", "{\"reason\": \"waiting\"}", 202, id.value());
            clocks.await(id.value(), EventType.SLA_CLOCK_PAUSED.ceType());
            assertThat(clocks.seenFor(id.value())).noneMatch(r -> EventType.SLA_CLOCK_RECALCULATED.ceType()
                    .equals(TopicProbe.header(r, "ce_type")));
        }
    }

    @Test
    void anInvalidPauseNamesItsFieldsAndAnUnknownComplaintHasNoClocks() {
        ComplaintId id = runningClocks();
        Answer invalid = api.post(CLOCKS + "/pauses", "{\"target\": \"lunch\"}", 400, id.value());
        assertThat(invalid.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("target", "reason");
        String unknown = "no-clocks-" + UUID.randomUUID();
        api.get(CLOCKS, 404, unknown);
        api.post(CLOCKS + "/pauses", "{\"reason\": \"waiting\"}", 404, unknown);
    }

    @Test
    void theResolutionMeetsTheRunningClocksAndEachScheduledFollowUpRunsItsOwnClockToThePlansDueTime() {
        try (TopicProbe clocks = TopicProbe.from(Topic.SLA_CLOCKS.topicName())) {
            ComplaintId id = runningClocks();
            Instant resolvedAt = Instant.now();
            TopicProbe.publish(new ComplaintResolved(id, 1, Category.PRODUCT_QUALITY, "COMPANY_FAULT", "REPAIR", "seal",
                    "repaired", "agent-7", resolvedAt, Validity.SUBSTANTIATED, null, RequestKind.COMPLAINT, "quality", null, null));
            clocks.await(id.value(), EventType.SLA_MET.ceType());
            // feedback's plan: two follow-ups, each due at the end of its working day (computed there, once)
            Instant firstDue = resolvedAt.plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
            Instant secondDue = resolvedAt.plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
            TopicProbe.publish(new FollowUpScheduled(id, 1, Category.PRODUCT_QUALITY, resolvedAt, firstDue, 1, 1, 2,
                    "product-quality", RequestKind.COMPLAINT, "quality"));
            TopicProbe.publish(new FollowUpScheduled(id, 1, Category.PRODUCT_QUALITY, resolvedAt, secondDue, 2, 2, 2,
                    "product-quality", RequestKind.COMPLAINT, "quality"));
            JsonNode view = api.awaitGet(CLOCKS, v -> v.path("clocks").size() == 5
                    && "MET".equals(clock(v, "RESOLUTION").path("state").asString()), id.value());
            assertThat(clock(view, "RESOLUTION").path("open").asBoolean()).isFalse();
            List<JsonNode> followUps = new ArrayList<>();
            view.path("clocks").forEach(c -> {
                if ("FOLLOW_UP".equals(c.path("target").asString())) {
                    followUps.add(c);
                }
            });
            assertThat(followUps).extracting(c -> c.path("state").asString()).containsOnly("RUNNING");
            assertThat(followUps).extracting(c -> Instant.parse(c.path("dueAt").asString()))
                    .containsExactlyInAnyOrder(firstDue, secondDue);

            TopicProbe.publish(new FollowUpEnded(id, 1, 1, FollowUpEnded.Outcome.UNREACHABLE, 3, Instant.now(),
                    "quality"));
            api.awaitGet(CLOCKS, v -> { // the first follow-up ended: its clock stops, the second runs on
                List<String> states = new ArrayList<>();
                v.path("clocks").forEach(c -> {
                    if ("FOLLOW_UP".equals(c.path("target").asString())) {
                        states.add(c.path("state").asString());
                    }
                });
                return states.size() == 2 && states.contains("MET") && states.contains("RUNNING");
            }, id.value());
        }
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheNextCaseStillGetsItsClocks() {
        try (TopicProbe deadLetters = TopicProbe.from(Topic.ROUTING_CASES.deadLetterTopicName())) {
            ComplaintId id = SampleEvents.newComplaintId();
            ProducerRecord<String, byte[]> poison = new ProducerRecord<>(Topic.ROUTING_CASES.topicName(), id.value(),
                    "not json".getBytes(StandardCharsets.UTF_8));
            poison.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                    .add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                    .add("ce_type", EventType.COMPLAINT_ROUTED.ceType().getBytes(StandardCharsets.UTF_8))
                    .add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
            TopicProbe.send(poison);
            TopicProbe.publish(routed(id, Instant.now()));

            ConsumerRecord<String, byte[]> dead = deadLetters.await(r -> id.value().equals(r.key()));
            assertThat(TopicProbe.header(dead, "dlt_reason")).contains("not a valid ComplaintRouted");
            api.awaitGet(CLOCKS, v -> v.path("clocks").size() == 3, id.value());
        }
    }

    @Test
    void theClockQueriesHaveTheirIndexesAndARealMongoDbPlansWithThem() {
        ComplaintId id = runningClocks();
        try (MongoIndexes sla = new MongoIndexes("sla")) {
            sla.assertDeclared("clocks", "[complaintId]", "[open]");
            sla.assertPlannedWithAnIndex("clocks", new Document("complaintId", id.value()),
                    new Document("startedAt", 1));
            sla.assertPlannedWithAnIndex("clocks", new Document("open", true), null);
        }
    }

    private ComplaintId runningClocks() {
        ComplaintId id = SampleEvents.newComplaintId();
        TopicProbe.publish(routed(id, Instant.now()));
        api.awaitGet(CLOCKS, v -> v.path("clocks").size() == 3, id.value());
        return id;
    }

    private static ComplaintRouted routed(ComplaintId id, Instant opened) {
        return new ComplaintRouted(id, 1, RequestKind.COMPLAINT, Category.PRODUCT_QUALITY, HandlingMode.TRANSFER,
                "quality", EscalationLevel.AGENT, "quality-transfer", opened, opened.plusSeconds(1), Channel.PHONE,
                Priority.NORMAL, "agent-7", null, "PRODUCT");
    }

    private static JsonNode clock(JsonNode view, String target) {
        for (JsonNode clock : view.path("clocks")) {
            if (target.equals(clock.path("target").asString())) {
                return clock;
            }
        }
        return view.path("no " + target + " clock");
    }
}

package org.complaintsuite.suite;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.complaintsuite.events.CloudEventHeaders;
import org.complaintsuite.events.EventSchemas;
import org.complaintsuite.events.EventType;
import org.complaintsuite.events.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One complaint's whole life through the five services started for real, over a real Kafka broker,
 * PostgreSQL and the Mongo-protocol store; plus SLA breach, restarts mid-flow and bad input.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteEndToEndTest {

    private static RunningSuite suite;
    private static String intake;
    private static String routing;
    private static String sla;
    private static String feedback;
    private static String analytics;

    @BeforeAll
    static void startTheSuite() throws Exception {
        Path policies = Files.createTempFile("sla-policies", ".yml");
        Files.writeString(policies, """
                sla:
                  catalogue:
                    policies:
                      - id: default-resolution
                        version: "1"
                        kinds: [COMPLAINT, SERVICE_REQUEST]
                        resolution: P3D
                      - id: incident-two-seconds
                        version: "7"
                        categories: [INCIDENT]
                        resolution: PT2S
                """);
        suite = new RunningSuite(Map.of("SLA_POLICIES", policies.toString()));
        intake = suite.url("intake-service");
        routing = suite.url("routing-service");
        sla = suite.url("sla-service");
        feedback = suite.url("feedback-service");
        analytics = suite.url("analytics-service");
    }

    @AfterAll
    static void stopTheSuite() throws Exception {
        if (suite != null) {
            suite.close();
        }
    }

    private static String submit(String category, String externalId) {
        Http.Response response = Http.post(intake + "/api/complaints", """
                {"channel":"phone","externalId":"%s","kind":"COMPLAINT","category":"%s",
                 "customer":{"id":"cust-1","name":"Li Wei","phone":"+86 138 0013 8000","email":"li.wei@example.org"},
                 "subject":{"type":"PRODUCT","code":"SKU-42"},
                 "description":"The kettle leaks after two days","demand":"replacement"}
                """.formatted(externalId, category));
        assertThat(response.status()).isEqualTo(202);
        return response.body().get("complaintId").asString();
    }

    private static JsonNode awaitJson(String url, java.util.function.Predicate<JsonNode> condition) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Http.Response r = Http.get(url);
            last.set(r.body());
            return r.status() == 200 && condition.test(r.body());
        });
        return last.get();
    }

    private static JsonNode summary() {
        return Http.get(analytics + "/api/analytics/summary").body();
    }

    @Test
    @Order(1)
    void aComplaintLivesItsWholeLifeThroughAllFiveServices() {
        JsonNode before = summary();
        String id = submit("PRODUCT_QUALITY", "call-" + UUID.randomUUID());

        JsonNode registered = awaitJson(intake + "/api/complaints/" + id, c -> true);
        assertThat(registered.get("channel").asString()).isEqualTo("PHONE");
        assertThat(registered.get("customer").get("email").asString()).isEqualTo("li.wei@example.org");

        JsonNode routed = awaitJson(routing + "/api/cases/" + id, c -> c.get("state").asString().equals("OPEN"));
        assertThat(routed.get("department").asString()).isEqualTo("quality");
        assertThat(routed.get("handlingMode").asString()).isEqualTo("TRANSFER");

        JsonNode clocks = awaitJson(sla + "/api/clocks/" + id, c -> c.get("clocks").size() == 1);
        JsonNode clock = clocks.get("clocks").get(0);
        assertThat(clock.get("state").asString()).isEqualTo("RUNNING");
        assertThat(java.time.Duration.between(java.time.Instant.parse(clock.get("startedAt").asString()),
                java.time.Instant.parse(clock.get("dueAt").asString()))).isEqualTo(Duration.ofDays(3));

        assertThat(Http.post(routing + "/api/cases/" + id + "/escalations",
                "{\"reason\":\"customer asks for a supervisor\",\"actor\":\"agent-7\"}").status()).isEqualTo(202);
        awaitJson(routing + "/api/cases/" + id, c -> c.get("escalationLevel").asString().equals("SUPERVISOR"));

        assertThat(Http.post(routing + "/api/cases/" + id + "/resolution", """
                {"finding":"COMPANY_FAULT","remedy":"REPLACEMENT","rootCause":"seal defect in batch 7",
                 "note":"We replace the kettle.","resolvedBy":"supervisor-2"}""").status()).isEqualTo(202);
        awaitJson(sla + "/api/clocks/" + id, c -> c.get("clocks").get(0).get("state").asString().equals("MET"));
        JsonNode followUp = awaitJson(feedback + "/api/follow-ups/" + id,
                f -> f.get("state").asString().equals("AWAITING_ANSWER"));
        assertThat(followUp.get("rounds").get(0).get("dueBy").asString()).isNotBlank();

        assertThat(Http.post(feedback + "/api/follow-ups/" + id + "/responses",
                "{\"satisfaction\":2,\"resolved\":false,\"comment\":\"still leaking\"}").status()).isEqualTo(202);
        JsonNode reopened = awaitJson(routing + "/api/cases/" + id, c -> c.get("state").asString().equals("REOPENED"));
        assertThat(reopened.get("round").asInt()).isEqualTo(2);
        assertThat(reopened.get("history").size()).isEqualTo(4); // routed, escalated, resolved, routed again
        awaitJson(sla + "/api/clocks/" + id, c -> c.get("clocks").size() == 2);

        JsonNode after = awaitJson(analytics + "/api/analytics/summary",
                s -> s.get("revisited").asLong() == before.get("revisited").asLong() + 1);
        assertThat(after.get("received").asLong()).isEqualTo(before.get("received").asLong() + 1);
        assertThat(after.get("escalated").asLong()).isEqualTo(before.get("escalated").asLong() + 1);
        assertThat(after.get("resolved").asLong()).isEqualTo(before.get("resolved").asLong() + 1);
        assertThat(after.get("open").asLong()).isEqualTo(before.get("open").asLong() + 1);
        assertThat(after.get("byCategory").get("PRODUCT_QUALITY").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(after.get("byChannel").get("PHONE").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(2)
    void aRetriedSubmissionGivesTheSameComplaintAndNoSecondEvent() {
        String externalId = "call-" + UUID.randomUUID();
        String first = submit("PRICE_BILLING", externalId);
        String again = submit("PRICE_BILLING", externalId);
        assertThat(again).isEqualTo(first);
        awaitJson(routing + "/api/cases/" + first, c -> true);
        long received = TopicRecords.readAll(suite.bootstrapServers(), List.of(Topic.INTAKE_COMPLAINTS.topicName()))
                .stream().filter(r -> first.equals(r.key())).count();
        assertThat(received).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aTwoSecondPolicyBreachesOnceAndEscalatesTheCase() {
        String id = submit("INCIDENT", "call-" + UUID.randomUUID());
        JsonNode clocks = awaitJson(sla + "/api/clocks/" + id,
                c -> c.get("clocks").size() == 1 && c.get("clocks").get(0).get("state").asString().equals("BREACHED"));
        JsonNode clock = clocks.get("clocks").get(0);
        assertThat(clock.get("policyId").asString()).isEqualTo("incident-two-seconds");
        assertThat(clock.get("policyVersion").asString()).isEqualTo("7");
        JsonNode escalated = awaitJson(routing + "/api/cases/" + id,
                c -> c.get("escalationLevel").asString().equals("SUPERVISOR"));
        JsonNode last = escalated.get("history").get(escalated.get("history").size() - 1);
        assertThat(last.get("what").asString()).isEqualTo("ESCALATED");
        assertThat(last.get("detail").get("trigger").asString()).isEqualTo("SLA_BREACH");
        assertThat(breachesOf(id)).isEqualTo(1);
    }

    @Test
    @Order(4)
    void aServiceStoppedMidFlowCatchesUpFromItsCommittedPosition() throws Exception {
        String id = submit("AFTER_SALES", "call-" + UUID.randomUUID());
        awaitJson(sla + "/api/clocks/" + id, c -> c.get("clocks").size() == 1);
        suite.stop("feedback-service");
        assertThat(Http.post(routing + "/api/cases/" + id + "/resolution",
                "{\"finding\":\"CUSTOMER_MISUNDERSTANDING\",\"remedy\":\"EXPLANATION\"}").status()).isEqualTo(202);
        awaitJson(sla + "/api/clocks/" + id, c -> c.get("clocks").get(0).get("state").asString().equals("MET"));
        suite.restart("feedback-service");
        feedback = suite.url("feedback-service");
        awaitJson(feedback + "/api/follow-ups/" + id, f -> f.get("state").asString().equals("AWAITING_ANSWER"));
        assertThat(Http.post(feedback + "/api/follow-ups/" + id + "/responses",
                "{\"satisfaction\":5,\"resolved\":true}").status()).isEqualTo(202);
        awaitJson(routing + "/api/cases/" + id, c -> c.get("state").asString().equals("CLOSED"));
    }

    @Test
    @Order(5)
    void aBreachDueWhileTheSlaServiceIsDownFiresOnceAfterItsRestart() throws Exception {
        String id = submit("INCIDENT", "call-" + UUID.randomUUID());
        // the clock may already have breached if start-up was slow; what matters is once, never twice
        awaitJson(sla + "/api/clocks/" + id, c -> c.get("clocks").size() == 1);
        suite.stop("sla-service");
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
        suite.restart("sla-service");
        awaitJson(sla + "/api/clocks/" + id,
                c -> c.get("clocks").get(0).get("state").asString().equals("BREACHED"));
        awaitJson(routing + "/api/cases/" + id, c -> c.get("escalationLevel").asString().equals("SUPERVISOR"));
        assertThat(breachesOf(id)).isEqualTo(1);
    }

    @Test
    @Order(6)
    void badRequestsGetProblemJsonNamingEveryFieldAtFault() {
        Http.Response notJson = Http.post(intake + "/api/complaints", "{\"channel\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("application/problem+json");
        assertThat(notJson.body().get("errors").get(0).get("field").asString()).isEqualTo("body");

        Http.Response invalid = Http.post(intake + "/api/complaints",
                "{\"channel\":\"pigeon\",\"kind\":\"COMPLAINT\",\"customer\":{\"phone\":\"call me\"}}");
        assertThat(invalid.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        invalid.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("channel", "description", "customer.phone");

        Http.Response tooLarge = Http.post(intake + "/api/complaints",
                "{\"description\":\"" + "x".repeat(400_000) + "\"}");
        assertThat(tooLarge.status()).isEqualTo(413);

        assertThat(Http.post(routing + "/api/cases/no-such-case/escalations", "{\"reason\":\"x\"}").status())
                .isEqualTo(404);
        assertThat(Http.post(feedback + "/api/follow-ups/no-such/responses",
                "{\"satisfaction\":9,\"resolved\":true}").body().get("errors").get(0).get("field").asString())
                .isEqualTo("satisfaction");
    }

    @Test
    @Order(7)
    void aResolvedCaseCannotBeResolvedAgain() {
        String id = submit("PRICE_BILLING", "call-" + UUID.randomUUID());
        awaitJson(routing + "/api/cases/" + id, c -> true);
        String resolution = "{\"finding\":\"COMPANY_FAULT\",\"remedy\":\"REFUND\"}";
        assertThat(Http.post(routing + "/api/cases/" + id + "/resolution", resolution).status()).isEqualTo(202);
        awaitJson(routing + "/api/cases/" + id, c -> c.get("state").asString().equals("RESOLVED"));
        Http.Response again = Http.post(routing + "/api/cases/" + id + "/resolution", resolution);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("currentState").asString()).isEqualTo("RESOLVED");
    }

    @Test
    @Order(8)
    void aPoisonRecordIsDeadLetteredWithItsReasonAndThePartitionKeepsFlowing() {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            ProducerRecord<String, byte[]> poison = new ProducerRecord<>(Topic.INTAKE_COMPLAINTS.topicName(),
                    "poison-key", "{not json".getBytes(StandardCharsets.UTF_8));
            poison.headers().add(CloudEventHeaders.ID, "poison-1".getBytes(StandardCharsets.UTF_8));
            poison.headers().add(CloudEventHeaders.TYPE, EventType.COMPLAINT_RECEIVED.ceType().getBytes(StandardCharsets.UTF_8));
            poison.headers().add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
            poison.headers().add(CloudEventHeaders.TIME, "2026-11-23T08:00:00Z".getBytes(StandardCharsets.UTF_8));
            producer.send(poison);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> dead = TopicRecords.readAll(suite.bootstrapServers(),
                    List.of(Topic.INTAKE_COMPLAINTS.deadLetterTopicName()));
            assertThat(dead).anySatisfy(r -> {
                assertThat(r.key()).isEqualTo("poison-key");
                assertThat(new String(r.headers().lastHeader("dlt_reason").value(), StandardCharsets.UTF_8))
                        .contains("not a valid ComplaintReceived");
            });
        });
        String after = submit("AFTER_SALES", "call-" + UUID.randomUUID());
        awaitJson(routing + "/api/cases/" + after, c -> c.get("state").asString().equals("OPEN"));
    }

    @Test
    @Order(99)
    void everyServiceExportsTheMetricsTheReadmeLists() {
        for (String service : List.of("intake-service", "routing-service", "sla-service", "feedback-service")) {
            assertThat(Http.get(suite.url(service) + "/actuator/prometheus").raw())
                    .as(service).contains("complaint_relay_published_total{")
                    .contains("complaint_relay_last_published_timestamp{")
                    .contains("service=\"" + service + "\"");
        }
        for (String service : List.of("routing-service", "sla-service", "feedback-service", "analytics-service")) {
            assertThat(Http.get(suite.url(service) + "/actuator/prometheus").raw())
                    .as(service).contains("complaint_events_consumed_total{");
        }
        for (String service : List.of("routing-service", "analytics-service")) {
            assertThat(Http.get(suite.url(service) + "/actuator/prometheus").raw())
                    .as(service).contains("complaint_dead_letters_total{service=\"" + service
                            + "\",topic=\"intake.complaints.v1\"}");
        }
    }

    @Test
    @Order(100)
    void everyEventTheServicesPublishedValidatesAgainstItsSchemaAndCarriesTheEnvelope() {
        EventSchemas schemas = new EventSchemas();
        List<String> topics = List.of(Topic.INTAKE_COMPLAINTS.topicName(), Topic.ROUTING_CASES.topicName(),
                Topic.SLA_CLOCKS.topicName(), Topic.FEEDBACK_FOLLOWUPS.topicName());
        List<ConsumerRecord<String, byte[]>> records = TopicRecords.readAll(suite.bootstrapServers(), topics);
        List<String> seenTypes = new ArrayList<>();
        int checked = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            if ("poison-key".equals(record.key())) {
                continue;
            }
            String ceType = header(record, CloudEventHeaders.TYPE);
            EventType type = EventType.ofCeType(ceType).orElseThrow(() -> new AssertionError("unknown " + ceType));
            assertThat(record.topic()).isEqualTo(type.topic().topicName());
            assertThat(header(record, CloudEventHeaders.ID)).isNotBlank();
            assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/" + type.topic().writer());
            assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(record.key());
            assertThat(header(record, CloudEventHeaders.CORRELATION_ID)).isNotBlank();
            assertThat(schemas.violations(type, record.value())).as(type + " " + new String(record.value())).isEmpty();
            seenTypes.add(type.simpleName());
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(seenTypes).contains("ComplaintReceived", "ComplaintRouted", "ComplaintEscalated",
                "ComplaintResolved", "SlaClockStarted", "SlaMet", "SlaBreached", "FollowUpScheduled",
                "FollowUpCompleted", "ComplaintRevisited", "ComplaintClosed");
    }

    private static long breachesOf(String complaintId) {
        return TopicRecords.readAll(suite.bootstrapServers(), List.of(Topic.SLA_CLOCKS.topicName())).stream()
                .filter(r -> complaintId.equals(r.key()))
                .filter(r -> EventType.SLA_BREACHED.ceType().equals(header(r, CloudEventHeaders.TYPE)))
                .count();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}

package org.complaintsuite.intake.service;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.ComplaintResolved;
import org.complaintsuite.events.ComplaintRouted;
import org.complaintsuite.events.EventType;
import org.complaintsuite.events.Topic;
import org.complaintsuite.testing.ContractClient.Answer;
import org.complaintsuite.testing.ServiceTest;
import org.complaintsuite.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * intake-service on its own, in this JVM, on the embedded broker, PostgreSQL and Mongo-protocol store:
 * driven through HTTP and Kafka as channels drive it, checked by what it publishes and what it answers,
 * every answer against the OpenAPI document it serves.
 */
class IntakeServiceTest extends ServiceTest {

    private static final String COMPLAINTS = "/api/complaints";
    private static final String ONE = "/api/complaints/{complaintId}";

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theSubmissionIsDocumentedWithEveryAnswerAndTheReadmeExample() {
        JsonNode submit = api.contract().document().path("paths").path(COMPLAINTS).path("post");
        assertThat(submit.path("responses").propertyNames()).contains("202", "400", "413");
        assertThat(submit.path("requestBody").path("content").path("application/json").path("example")
                .path("externalId").asString()).isEqualTo("call-0001");
    }

    @Test
    void aSubmissionIsStoredPublishedAndReadable() {
        try (TopicProbe complaints = TopicProbe.from(Topic.INTAKE_COMPLAINTS.topicName())) {
            String body = submission("phone", "call-" + run, "138 0013 8000");
            Answer answer = post(COMPLAINTS, body, 202);
            String id = answer.json().path("complaintId").asString();
            assertThat(answer.json().path("duplicate").asBoolean()).isFalse();
            assertThat(answer.location()).isEqualTo("/api/complaints/" + id);
            assertThat(id).isEqualTo(ComplaintId.fromNaturalKey("PHONE:call-" + run).value());

            ConsumerRecord<String, byte[]> record = complaints.await(id, EventType.COMPLAINT_RECEIVED.ceType());
            assertThat(TopicProbe.header(record, "ce_subject")).isEqualTo(id);
            JsonNode event = TopicProbe.payload(record);
            assertThat(event.path("customer").path("phone").asString()).isEqualTo("+8613800138000");
            assertThat(event.path("kind").asString()).isEqualTo("COMPLAINT");

            JsonNode registered = awaitGet(ONE, id);
            assertThat(registered.path("channel").asString()).isEqualTo("PHONE");
            assertThat(registered.path("customer").path("phone").asString()).isEqualTo("+8613800138000");
            assertThat(registered.path("subject").path("code").asString()).isEqualTo("SKU-" + run);
            assertThat(registered.has("caseProgress")).as("bookkeeping stays out of the answer").isFalse();
        }
    }

    @Test
    void aRetryAnswersTheSameComplaintAndPublishesNothingMore() {
        try (TopicProbe complaints = TopicProbe.from(Topic.INTAKE_COMPLAINTS.topicName())) {
            String body = submission("web", "form-" + run, null);
            String id = post(COMPLAINTS, body, 202).json().path("complaintId").asString();
            Answer retry = post(COMPLAINTS, body, 202);
            assertThat(retry.json().path("complaintId").asString()).isEqualTo(id);
            assertThat(retry.json().path("duplicate").asBoolean()).isTrue();

            String marker = post(COMPLAINTS, submission("web", "marker-" + run, null), 202)
                    .json().path("complaintId").asString();
            complaints.await(marker, EventType.COMPLAINT_RECEIVED.ceType());
            assertThat(complaints.seenFor(id)).hasSize(1);
        }
    }

    @Test
    void anInvalidSubmissionNamesEveryFieldAtFaultAndStoresNothing() {
        try (TopicProbe complaints = TopicProbe.from(Topic.INTAKE_COMPLAINTS.topicName())) {
            String demand = "refund-" + run;
            String body = """
                    {"channel": "fax", "kind": "GRIEVANCE", "customer": {"phone": "12", "email": "not-an-address"},
                     "subject": {"type": "PRODUCT"}, "demand": "%s"}""".formatted(demand);
            Answer answer = post(COMPLAINTS, body, 400);
            assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(answer.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                    "channel", "kind", "description", "customer.phone", "customer.email", "subject.code");

            String marker = post(COMPLAINTS, submission("web", "after-400-" + run, null), 202)
                    .json().path("complaintId").asString();
            complaints.await(marker, EventType.COMPLAINT_RECEIVED.ceType());
            assertThat(complaints.seen()).noneMatch(r -> demand.equals(TopicProbe.payload(r).path("demand").asString()));
        }
    }

    @Test
    void aConsultationAnsweredInTheContactIsPublishedWithItsAnswerAndReadAsClosed() {
        try (TopicProbe complaints = TopicProbe.from(Topic.INTAKE_COMPLAINTS.topicName())) {
            String body = submission("phone", "consult-" + run, null)
                    .replace("\"kind\": \"COMPLAINT\"", "\"kind\": \"consultation\"")
                    .replace("\"demand\": \"replacement\"", "\"receivedBy\": \"agent-7\", \"answer\": \"Descale it.\"");
            String id = post(COMPLAINTS, body, 202).json().path("complaintId").asString();
            JsonNode event = TopicProbe.payload(complaints.await(id, EventType.COMPLAINT_RECEIVED.ceType()));
            assertThat(event.path("answeredOnTheSpot").path("answer").asString()).isEqualTo("Descale it.");
            assertThat(event.path("answeredOnTheSpot").path("answeredBy").asString()).isEqualTo("agent-7");
            JsonNode registered = awaitGet(ONE, id);
            assertThat(registered.path("caseStage").asString()).isEqualTo("CLOSED");
        }
    }

    @Test
    void anAuthenticityQueryIsAnsweredAtOnceFromTheLookupAndOnlyACounterfeitOpensACase() {
        try (TopicProbe complaints = TopicProbe.from(Topic.INTAKE_COMPLAINTS.topicName())) {
            String query = """
                    {"channel": "app", "externalId": "%s", "kind": "query", "customer": {"phone": "139 0000 1111"},
                     "subject": {"type": "barcode", "code": "%s"}, "description": "Is my kettle genuine?"}""";
            Answer genuine = post(COMPLAINTS, query.formatted("scan-ok-" + run, "6901234567892"), 202);
            assertThat(genuine.json().path("answer").path("verdict").asString()).isEqualTo("GENUINE");
            assertThat(genuine.json().path("answer").path("answer").asString())
                    .isEqualTo("Code 6901234567892 is genuine: kettle K-200, batch 7, made in March 2026. "
                            + "Thank you for checking.");
            assertThat(genuine.json().has("linkedTo")).isFalse();
            String id = genuine.json().path("complaintId").asString();
            JsonNode event = TopicProbe.payload(complaints.await(id, EventType.COMPLAINT_RECEIVED.ceType()));
            assertThat(event.path("answeredAutomatically").path("lookup").asString()).isEqualTo("product-authenticity");
            assertThat(event.path("kind").asString()).isEqualTo("QUERY");
            assertThat(awaitGet(ONE, id).path("caseStage").asString()).as("answered: closed in one").isEqualTo("CLOSED");
            Answer retried = post(COMPLAINTS, query.formatted("scan-ok-" + run, "6901234567892"), 202);
            assertThat(retried.json().path("duplicate").asBoolean()).isTrue();
            assertThat(retried.json().path("answer").path("verdict").asString()).as("a retry gets its answer too")
                    .isEqualTo("GENUINE");

            Answer counterfeit = post(COMPLAINTS, query.formatted("scan-fake-" + run, "6909999999994"), 202);
            assertThat(counterfeit.json().path("answer").path("verdict").asString()).isEqualTo("COUNTERFEIT");
            assertThat(counterfeit.json().path("answer").path("opensKind").asString()).isEqualTo("COMPLAINT");
            String fake = counterfeit.json().path("complaintId").asString();
            assertThat(awaitGet(ONE, fake).has("caseStage")).as("a case is opened: its stage comes from routing")
                    .isFalse();

            // a complaint about a code no lookup answers is left to people, as before
            Answer shop = post(COMPLAINTS, query.formatted("scan-shop-" + run, "S-12")
                    .replace("barcode", "shop"), 202);
            assertThat(shop.json().has("answer")).isFalse();
        }
    }

    @Test
    void onlyAConsultationTakenByAnAgentIsAnsweredOnTheSpot() {
        String complaint = submission("phone", "answered-" + run, null)
                .replace("\"demand\": \"replacement\"", "\"answer\": \"Sorry.\"");
        Answer refused = post(COMPLAINTS, complaint, 400);
        assertThat(refused.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("answer", "receivedBy");
        // left to the classifier, a leaking kettle reads as a complaint: no answer on the spot for it either
        String classified = submission("phone", "classified-" + run, null)
                .replace("\"kind\": \"COMPLAINT\", ", "")
                .replace("\"demand\": \"replacement\"", "\"receivedBy\": \"agent-7\", \"answer\": \"Sorry.\"");
        assertThat(post(COMPLAINTS, classified, 400).json().path("errors").path(0).path("field").asString())
                .isEqualTo("answer");
    }

    @Test
    void aBodyThatIsNotJsonOrTooLargeIsRefusedWithAProblem() {
        Answer unreadable = post(COMPLAINTS, "{\"channel\": ", 400);
        assertThat(unreadable.json().path("errors").path(0).path("field").asString()).isEqualTo("body");

        String huge = submission("web", "huge-" + run, null).replace("The kettle leaks", "x".repeat(300_000));
        Answer tooLarge = post(COMPLAINTS, huge, 413);
        assertThat(tooLarge.json().path("title").asString()).isEqualTo("Body too large");
    }

    @Test
    void anUnknownComplaintIsNotFound() {
        Answer missing = get(ONE, "no-such-complaint-" + run, 404);
        assertThat(missing.json().path("detail").asString()).contains("no-such-complaint-" + run);
    }

    @Test
    void aCsvImportRegistersEveryGoodLineAndReportsEveryBadOne() {
        String csv = "channel,externalId,phone,description\n"
                + "letter,L-" + run + ",138 0013 8000,\"The meter reading is wrong, I was overcharged\"\n"
                + "pigeon,L2-" + run + ",,\n";
        Answer report = api.exchange(HttpMethod.POST, COMPLAINTS + "/imports", "text/csv", csv, 200);
        assertThat(report.json().path("lines").asInt()).isEqualTo(2);
        assertThat(report.json().path("accepted").path(0).path("line").asInt()).isEqualTo(2); // the header is line 1
        assertThat(report.json().path("accepted").path(0).path("complaintId").asString())
                .isEqualTo(ComplaintId.fromNaturalKey("LETTER:L-" + run).value());
        JsonNode rejected = report.json().path("rejected").path(0);
        assertThat(rejected.path("line").asInt()).isEqualTo(3);
        assertThat(rejected.path("problems").findValuesAsString("field")).contains("channel", "description");
    }

    @Test
    void aGatewaySubmissionOnKafkaIsRegisteredOnceAndAPoisonRecordIsDeadLetteredWithoutStoppingThePartition() {
        try (TopicProbe complaints = TopicProbe.from(Topic.INTAKE_COMPLAINTS.topicName());
             TopicProbe deadLetters = TopicProbe.from(Topic.INTAKE_SUBMISSIONS.deadLetterTopicName())) {
            String key = "sms:sms-" + run;
            byte[] good = submission("sms", "sms-" + run, "+86 139 0000 0000").getBytes(StandardCharsets.UTF_8);
            TopicProbe.send(Topic.INTAKE_SUBMISSIONS.topicName(), key, "{not json".getBytes(StandardCharsets.UTF_8));
            TopicProbe.send(Topic.INTAKE_SUBMISSIONS.topicName(), key, good);
            TopicProbe.send(Topic.INTAKE_SUBMISSIONS.topicName(), key, good); // delivered twice

            String id = ComplaintId.fromNaturalKey("SMS:sms-" + run).value();
            complaints.await(id, EventType.COMPLAINT_RECEIVED.ceType());
            ConsumerRecord<String, byte[]> poison = deadLetters.await(r -> key.equals(r.key()));
            assertThat(TopicProbe.header(poison, "dlt_reason")).contains("not a valid submission");

            String marker = post(COMPLAINTS, submission("web", "after-kafka-" + run, null), 202)
                    .json().path("complaintId").asString();
            complaints.await(marker, EventType.COMPLAINT_RECEIVED.ceType());
            assertThat(complaints.seenFor(id)).as("the second delivery registers nothing").hasSize(1);
        }
    }

    @Test
    void theCaseProgressFromRoutingIsShownOnceAndARedeliveryChangesNothing() {
        String id = post(COMPLAINTS, submission("app", "app-" + run, null), 202).json().path("complaintId").asString();
        awaitGet(ONE, id);
        ComplaintId complaintId = ComplaintId.of(id);
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        ComplaintResolved resolved = new ComplaintResolved(complaintId, 1, null, "COMPANY_FAULT", "REPAIR", "seal",
                "repaired", "agent-7", at, null, null, null, null, null, null);
        String resolvedId = UUID.randomUUID().toString();
        TopicProbe.publish(resolvedId, resolved);
        await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(get(ONE, id, 200).json()
                .path("caseStage").asString()));
        assertThat(get(ONE, id, 200).json().path("resolvedAt").asString()).isEqualTo(at.toString());

        // an older event arriving late (round 1 routed) is the same case going back: it changes nothing
        ComplaintRouted lateRouted = routed(complaintId, at.minusSeconds(60));
        TopicProbe.publish(lateRouted);
        // the same resolution delivered again, then a newer round: only the newer round moves the stage
        TopicProbe.publish(resolvedId, resolved);
        ComplaintRouted round2 = new ComplaintRouted(complaintId, 2, lateRouted.kind(), lateRouted.category(),
                lateRouted.handlingMode(), lateRouted.department(), lateRouted.escalationLevel(), lateRouted.ruleId(),
                at, at.plusSeconds(60), lateRouted.channel(), lateRouted.priority(), lateRouted.owner(), null, null);
        TopicProbe.publish(round2);
        await().atMost(Duration.ofSeconds(30)).until(() -> get(ONE, id, 200).json().path("caseRound").asInt() == 2);
        JsonNode now = get(ONE, id, 200).json();
        assertThat(now.path("caseStage").asString()).isEqualTo("OPEN");
        assertThat(now.has("resolvedAt")).isFalse();
    }

    private static ComplaintRouted routed(ComplaintId id, Instant at) {
        return new ComplaintRouted(id, 1, org.complaintsuite.events.RequestKind.COMPLAINT,
                org.complaintsuite.events.Category.PRODUCT_QUALITY, org.complaintsuite.events.HandlingMode.TRANSFER,
                "quality", org.complaintsuite.events.EscalationLevel.AGENT, "quality-transfer", at, at,
                org.complaintsuite.events.Channel.APP, org.complaintsuite.events.Priority.NORMAL, null, null, null);
    }

    private String submission(String channel, String externalId, String phone) {
        return """
                {"channel": "%s", "externalId": "%s", "kind": "COMPLAINT", "category": "PRODUCT_QUALITY",
                 "customer": {"id": "c-%s", "name": "Li Wei", "phone": %s},
                 "subject": {"type": "PRODUCT", "code": "SKU-%s"},
                 "description": "The kettle leaks after two days", "demand": "replacement"}"""
                .formatted(channel, externalId, run + externalId, phone == null ? "null" : "\"" + phone + "\"", run);
    }

    private Answer post(String path, String body, int status) {
        return api.post(path, body, status);
    }

    private Answer get(String template, String id, int status) {
        return api.get(template, status, id);
    }

    private JsonNode awaitGet(String template, String id) {
        return api.awaitGet(template, body -> true, id);
    }
}

package org.complaintsuite.routing.service;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.ClockSubject;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.ComplaintReceived;
import org.complaintsuite.events.EventType;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.events.SlaBreached;
import org.complaintsuite.events.SlaTarget;
import org.complaintsuite.events.Topic;
import org.complaintsuite.testing.ContractClient.Answer;
import org.complaintsuite.testing.MongoIndexes;
import org.complaintsuite.testing.SampleEvents;
import org.complaintsuite.testing.ServiceTest;
import org.complaintsuite.testing.TopicProbe;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * routing-service on its own on the embedded infrastructure: complaints fed on intake's topic as intake
 * publishes them, cases handled through its HTTP API, what it publishes read from its topic, and every
 * answer checked against the OpenAPI document it serves.
 */
class RoutingServiceTest extends ServiceTest {

    private static final String CASE = "/api/cases/{complaintId}";
    private static final String AGENT = "/api/roster/agents/{agentId}";


    @Test
    void aResolutionDocumentsEveryAnswerItCanGive() {
        JsonNode resolve = api.contract().document().path("paths").path(CASE + "/resolution").path("post");
        assertThat(resolve.path("responses").propertyNames()).contains("202", "400", "404", "409", "413");
    }

    @Test
    void aReceivedComplaintIsRoutedAndAssignedOnceEvenWhenDeliveredTwice() {
        try (TopicProbe cases = TopicProbe.from(Topic.ROUTING_CASES.topicName())) {
            ComplaintId id = SampleEvents.newComplaintId();
            String ceId = TopicProbe.publish(SampleEvents.complaint(id, Category.PRODUCT_QUALITY));
            TopicProbe.publish(ceId, SampleEvents.complaint(id, Category.PRODUCT_QUALITY)); // a redelivery

            JsonNode routed = TopicProbe.payload(cases.await(id.value(), EventType.COMPLAINT_ROUTED.ceType()));
            assertThat(routed.path("department").asString()).isEqualTo("quality");
            assertThat(routed.path("handlingMode").asString()).isEqualTo("TRANSFER");
            assertThat(routed.path("owner").asString()).isEqualTo("agent-7");
            JsonNode assigned = TopicProbe.payload(cases.await(id.value(), EventType.CASE_ASSIGNED.ceType()));
            assertThat(assigned.path("assignee").asString()).isIn("q-agent-1", "q-agent-2");

            JsonNode theCase = api.awaitGet(CASE, c -> c.has("assignee"), id.value());
            assertThat(theCase.path("state").asString()).isEqualTo("OPEN");
            assertThat(theCase.path("ruleId").asString()).isEqualTo("quality-transfer");
            assertThat(theCase.path("history").findValuesAsString("what")).containsExactly("ROUTED", "ASSIGNED");

            ComplaintId marker = SampleEvents.newComplaintId();
            TopicProbe.publish(SampleEvents.complaint(marker, Category.PRODUCT_QUALITY));
            cases.await(marker.value(), EventType.COMPLAINT_ROUTED.ceType());
            assertThat(cases.seenFor(id.value()).stream()
                    .filter(r -> EventType.COMPLAINT_ROUTED.ceType().equals(TopicProbe.header(r, "ce_type"))))
                    .as("the redelivered complaint opens no second case").hasSize(1);
        }
    }

    @Test
    void aPoisonRecordIsDeadLetteredWithItsReasonAndTheNextComplaintIsStillRouted() {
        try (TopicProbe cases = TopicProbe.from(Topic.ROUTING_CASES.topicName());
             TopicProbe deadLetters = TopicProbe.from(Topic.INTAKE_COMPLAINTS.deadLetterTopicName())) {
            ComplaintId id = SampleEvents.newComplaintId();
            var poison = new org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>(
                    Topic.INTAKE_COMPLAINTS.topicName(), id.value(), "{}".getBytes(StandardCharsets.UTF_8));
            poison.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            TopicProbe.send(poison); // no ce_type, no ce_specversion
            TopicProbe.publish(SampleEvents.complaint(id, Category.PRODUCT_QUALITY));

            ConsumerRecord<String, byte[]> dead = deadLetters.await(r -> id.value().equals(r.key()));
            assertThat(TopicProbe.header(dead, "dlt_reason")).contains("missing header ce_type");
            cases.await(id.value(), EventType.COMPLAINT_ROUTED.ceType());
        }
    }

    @Test
    void aCaseIsEscalatedAndResolvedAndAResolvedCaseRefusesASecondResolution() {
        try (TopicProbe cases = TopicProbe.from(Topic.ROUTING_CASES.topicName())) {
            ComplaintId id = routedComplaint();
            Answer escalated = api.post(CASE + "/escalations",
                    "{\"reason\": \"customer demands a supervisor\", \"actor\": \"agent-7\"}", 202, id.value());
            assertThat(escalated.json().path("complaintId").asString()).isEqualTo(id.value());
            assertThat(escalated.location()).isEqualTo("/api/cases/" + id.value());
            JsonNode escalation = TopicProbe.payload(cases.await(id.value(), EventType.COMPLAINT_ESCALATED.ceType()));
            assertThat(escalation.path("toLevel").asString()).isEqualTo("SUPERVISOR");
            assertThat(escalation.path("actor").asString()).isEqualTo("agent-7");

            String resolution = """
                    {"validity": "substantiated", "finding": "company_fault", "remedy": "compensation",
                     "compensation": {"amount": 120.50, "currency": "cny"},
                     "rootCause": "seal defect in batch 7", "causeCode": "material_defect",
                     "note": "We compensate you.", "resolvedBy": "supervisor-2"}""";
            api.post(CASE + "/resolution", resolution, 202, id.value());
            JsonNode resolved = TopicProbe.payload(cases.await(id.value(), EventType.COMPLAINT_RESOLVED.ceType()));
            assertThat(resolved.path("compensation").path("currency").asString()).isEqualTo("CNY");
            assertThat(resolved.path("compensation").path("amount").decimalValue()).isEqualByComparingTo("120.50");
            assertThat(resolved.path("causeCode").asString()).isEqualTo("MATERIAL_DEFECT");
            assertThat(resolved.path("responsibleDepartment").asString()).as("the cause code's department")
                    .isEqualTo("production");
            assertThat(resolved.path("department").asString()).isEqualTo("quality");

            JsonNode theCase = api.awaitGet(CASE, c -> "RESOLVED".equals(c.path("state").asString()), id.value());
            assertThat(theCase.path("resolution").path("compensation").path("amount").decimalValue())
                    .isEqualByComparingTo("120.50");
            assertThat(theCase.path("history").findValuesAsString("what")).contains("ESCALATED", "RESOLVED");

            Answer again = api.post(CASE + "/resolution", resolution, 409, id.value());
            assertThat(again.json().path("currentState").asString()).isEqualTo("RESOLVED");
        }
    }

    @Test
    void anInvalidResolutionNamesEveryFieldAtFault() {
        ComplaintId id = routedComplaint();
        Answer answer = api.post(CASE + "/resolution", """
                {"validity": "unfounded", "finding": "company_fault", "remedy": "refund",
                 "compensation": {"amount": 10, "currency": "CNY"}}""", 400, id.value());
        assertThat(answer.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("finding", "note", "compensation");
        Answer uncaused = api.post(CASE + "/resolution", """
                {"validity": "substantiated", "finding": "company_fault", "remedy": "apology",
                 "rootCause": "rude on the phone", "note": "We apologise."}""", 400, id.value());
        assertThat(uncaused.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("causeCode", "responsibleDepartment");
        Answer unknownCause = api.post(CASE + "/resolution", """
                {"validity": "substantiated", "finding": "third_party", "remedy": "apology", "rootCause": "courier",
                 "causeCode": "BAD_LUCK", "responsibleDepartment": "logistics", "note": "We apologise."}""",
                400, id.value());
        assertThat(unknownCause.json().path("errors").findValuesAsString("reason"))
                .anySatisfy(r -> assertThat(r).startsWith("must be one of [MATERIAL_DEFECT"))
                .contains("only with finding company_fault");
        JsonNode catalogue = api.get("/api/resolution-catalogue", 200).json();
        assertThat(catalogue.path("causes").findValuesAsString("code")).contains("MATERIAL_DEFECT", "NO_FAULT_FOUND");
        assertThat(catalogue.path("responsibleDepartments").size()).isGreaterThan(3);
        assertThat(catalogue.path("compensationLimits").path("AGENT").decimalValue()).isEqualByComparingTo("200");
        Answer unknownTarget = api.post(CASE + "/escalations", "{\"reason\": \"r\", \"targetLevel\": \"king\"}", 400,
                id.value());
        assertThat(unknownTarget.json().path("errors").path(0).path("field").asString()).isEqualTo("targetLevel");
    }

    @Test
    void anUnknownCaseIsNotFoundToReadOrToChange() {
        String unknown = "no-such-case-" + UUID.randomUUID();
        api.get(CASE, 404, unknown);
        Answer change = api.post(CASE + "/escalations", "{\"reason\": \"customer demands a supervisor\"}", 404, unknown);
        assertThat(change.json().path("detail").asString()).contains(unknown);
    }

    @Test
    void workQueuesFilterByStateDepartmentAndModeAndRefuseUnknownValues() {
        ComplaintId id = routedComplaint();
        JsonNode queue = api.get("/api/cases?state=OPEN&department=quality&handlingMode=TRANSFER&size=500", 200)
                .json();
        assertThat(queue.path("items").findValuesAsString("complaintId")).contains(id.value());
        assertThat(queue.path("items").path(0).has("history")).as("listings leave the history out").isFalse();
        Answer refused = api.get("/api/cases?state=lost&handlingMode=sometimes&size=0", 400);
        assertThat(refused.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("state", "handlingMode", "page/size");
    }

    @Test
    void theRosterIsMaintainedOnTheRecord() {
        String agent = "t-agent-" + UUID.randomUUID().toString().substring(0, 8);
        Answer put = api.put(AGENT, """
                {"department": "quality", "skills": ["product_quality"], "supervisor": "q-supervisor", "by": "s-lead"}""",
                200, agent);
        assertThat(put.json().path("skills").path(0).asString()).isEqualTo("PRODUCT_QUALITY");
        assertThat(api.get(AGENT, 200, agent).json().path("department").asString()).isEqualTo("quality");
        assertThat(api.get("/api/roster", 200).json().path("departments").path("quality")
                .findValuesAsString("id")).contains(agent);

        Answer invalid = api.put(AGENT, "{\"department\": \" \", \"skills\": [\"juggling\"]}", 400, agent);
        assertThat(invalid.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("department", "skills[0]", "by");

        api.delete(AGENT + "?by=s-lead", 200, agent);
        api.delete(AGENT + "?by=s-lead", 404, agent);
        api.get(AGENT, 404, agent);
        JsonNode changes = api.get("/api/roster/changes?limit=1000", 200).json().path("changes");
        assertThat(changes.findParents("agent").stream().filter(c -> agent.equals(c.path("agent").asString()))
                .map(c -> c.path("what").asString())).containsExactly("REMOVED", "ADDED");
    }

    @Test
    void contactsHandOffsAssignmentsAndFieldVisitsAreRecordedAndPublished() {
        try (TopicProbe cases = TopicProbe.from(Topic.ROUTING_CASES.topicName())) {
            ComplaintId id = routedComplaint();
            api.post(CASE + "/contacts", "{\"by\": \"q-agent-1\", \"means\": \"phone\", \"note\": \"asked for photos\"}",
                    202, id.value());
            JsonNode contacted = TopicProbe.payload(cases.await(id.value(), EventType.CUSTOMER_CONTACTED.ceType()));
            assertThat(contacted.path("first").asBoolean()).isTrue();
            Answer badContact = api.post(CASE + "/contacts", "{\"means\": \"pigeon\"}", 400, id.value());
            assertThat(badContact.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("by", "means");

            api.post(CASE + "/handoffs", "{\"to\": \"q-agent-2\", \"reason\": \"needs an engineer\", \"by\": \"agent-7\"}",
                    202, id.value());
            JsonNode handedOff = TopicProbe.payload(cases.await(id.value(), EventType.CASE_HANDED_OFF.ceType()));
            assertThat(handedOff.path("toOwner").asString()).isEqualTo("q-agent-2");
            Answer toTheOwner = api.post(CASE + "/handoffs", "{\"to\": \"q-agent-2\", \"reason\": \"again\"}", 409,
                    id.value());
            assertThat(toTheOwner.json().path("currentState").asString()).isEqualTo("OPEN");

            api.post(CASE + "/assignment", "{\"assignee\": \"q-agent-9\", \"reason\": \"on leave\", \"by\": \"q-supervisor\"}",
                    202, id.value());
            api.post(CASE + "/field-visits", "{\"area\": \"rural\", \"location\": \"Xinhua shop\", \"requestedBy\": \"q-agent-9\"}",
                    202, id.value());
            JsonNode visit = TopicProbe.payload(cases.await(id.value(), EventType.FIELD_VISIT_REQUESTED.ceType()));
            assertThat(visit.path("area").asString()).isEqualTo("RURAL");
            api.post(CASE + "/field-visits", "{\"area\": \"town\"}", 409, id.value()); // the first is under way
            api.post(CASE + "/field-visits", "{\"area\": \"moon\"}", 400, id.value());
            api.post(CASE + "/field-visits/arrival", "{\"arrivedBy\": \"field-3\"}", 202, id.value());
            cases.await(id.value(), EventType.FIELD_VISIT_ARRIVED.ceType());

            JsonNode theCase = api.awaitGet(CASE, c -> "ARRIVED".equals(c.path("fieldVisit").path("state").asString()),
                    id.value());
            assertThat(theCase.path("owner").asString()).isEqualTo("q-agent-2");
            assertThat(theCase.path("assignee").asString()).isEqualTo("q-agent-9");
            assertThat(theCase.path("handOffs").asInt()).isEqualTo(1);
            assertThat(theCase.path("contacts").asInt()).isEqualTo(1);
            assertThat(theCase.path("history").findValuesAsString("what")).containsSubsequence("ROUTED", "CONTACTED",
                    "HANDED_OFF", "ASSIGNED", "FIELD_VISIT_REQUESTED", "FIELD_VISIT_ARRIVED");
        }
    }

    @Test
    void aDesignatedCaseWaitsForLeadershipOnTheRosterToDesignateItsHandler() {
        ComplaintId id = SampleEvents.newComplaintId();
        TopicProbe.publish(SampleEvents.complaint(id, Category.SERVICE_ATTITUDE));
        JsonNode designated = api.awaitGet(CASE, c -> true, id.value());
        assertThat(designated.path("handlingMode").asString()).isEqualTo("DESIGNATED");
        assertThat(designated.has("assignee")).as("nobody is picked automatically").isFalse();
        Answer byAnAgent = api.post(CASE + "/assignment",
                "{\"assignee\": \"s-agent-2\", \"reason\": \"knows the shop\", \"by\": \"s-agent-1\"}", 409, id.value());
        assertThat(byAnAgent.json().path("detail").asString()).contains("designated by leadership");
        api.post(CASE + "/assignment",
                "{\"assignee\": \"s-agent-2\", \"reason\": \"knows the shop\", \"by\": \"s-supervisor\"}", 409, id.value());
        api.post(CASE + "/assignment",
                "{\"assignee\": \"s-agent-2\", \"reason\": \"knows the shop\", \"by\": \"l-director\"}", 202, id.value());
        api.awaitGet(CASE, c -> "s-agent-2".equals(c.path("assignee").asString()), id.value());
    }

    @Test
    void theWorkQueueQueriesHaveTheirIndexesAndARealMongoDbPlansWithThem() {
        routedComplaint();
        try (MongoIndexes routing = new MongoIndexes("routing")) {
            routing.assertDeclared("cases", "[department, state, updatedAt]", "[handlingMode, state, updatedAt]",
                    "[state, updatedAt]", "[department, state, assignee]", "[assignee, state, updatedAt]");
            Document oldestFirst = new Document("updatedAt", 1);
            routing.assertPlannedWithAnIndex("cases", new Document("department", "quality").append("state", "OPEN"),
                    oldestFirst);
            routing.assertPlannedWithAnIndex("cases", new Document("handlingMode", "ANALYSIS").append("state", "OPEN"),
                    oldestFirst);
            routing.assertPlannedWithAnIndex("cases", new Document("state", "OPEN"), oldestFirst);
            routing.assertPlannedWithAnIndex("cases", new Document("assignee", "q-manager").append("state", "OPEN"),
                    oldestFirst);
        }
    }

    @Test
    void anEscalationToAManagerLandsInThatManagersQueueAndACompensationBeyondAnAgentsAuthorityIsRefused() {
        ComplaintId id = routedComplaint();
        String agent = api.get(CASE, 200, id.value()).json().path("assignee").asString();
        api.post(CASE + "/escalations", """
                {"reason": "the customer wants a refund decision", "targetLevel": "manager", "actor": "%s"}"""
                .formatted(agent), 202, id.value());
        JsonNode escalated = api.awaitGet(CASE, c -> "q-manager".equals(c.path("assignee").asString()), id.value());
        assertThat(escalated.path("escalationLevel").asString()).isEqualTo("MANAGER");
        JsonNode queue = api.get("/api/cases?assignee=q-manager&size=500", 200).json();
        assertThat(queue.path("items").findValuesAsString("complaintId")).contains(id.value());

        String compensation = """
                {"validity": "substantiated", "finding": "company_fault", "remedy": "compensation",
                 "compensation": {"amount": 5000, "currency": "CNY"}, "rootCause": "heater element failed",
                 "causeCode": "DESIGN_FLAW", "note": "We compensate the damaged floor.", "resolvedBy": "%s"}""";
        Answer refused = api.post(CASE + "/resolution", compensation.formatted(agent), 409, id.value());
        assertThat(refused.json().path("detail").asString())
                .contains("needs the authority of MANAGER (up to 20000 CNY)").contains(agent + " acts as AGENT");
        api.post(CASE + "/resolution", compensation.formatted("q-manager"), 202, id.value());
        api.awaitGet(CASE, c -> "RESOLVED".equals(c.path("state").asString()), id.value());
    }

    @Test
    void aFollowUpNotMadeInTimeIsEscalatedToTheSupervisorAboveTheOwnerOnceAndTheCaseStaysResolved() {
        try (TopicProbe cases = TopicProbe.from(Topic.ROUTING_CASES.topicName())) {
            ComplaintId id = routedComplaint();
            api.post(CASE + "/resolution", """
                    {"validity": "unfounded", "finding": "customer_misunderstanding", "remedy": "explanation",
                     "note": "The kettle needs descaling; we sent the guide."}""", 202, id.value());
            api.awaitGet(CASE, c -> "RESOLVED".equals(c.path("state").asString()), id.value());
            SlaBreached overdue = new SlaBreached(id, id.value() + ":FOLLOW_UP:1", SlaTarget.FOLLOW_UP,
                    Instant.now().minusSeconds(60), Instant.now(), new ClockSubject(RequestKind.COMPLAINT,
                    Category.PRODUCT_QUALITY, Priority.NORMAL, Channel.PHONE, "quality"));
            TopicProbe.publish(overdue);
            TopicProbe.publish(overdue); // a second delivery under another ce_id: still one escalation
            JsonNode escalated = TopicProbe.payload(cases.await(id.value(), EventType.FOLLOW_UP_OVERDUE.ceType()));
            assertThat(escalated.path("owner").asString()).isEqualTo("agent-7");
            assertThat(escalated.path("escalatedTo").asString()).as("agent-7 is on no reporting line: the "
                    + "department's supervisor").isEqualTo("q-supervisor");
            JsonNode view = api.awaitGet(CASE, c -> c.path("overdueFollowUps").asInt() == 1, id.value());
            assertThat(view.path("state").asString()).isEqualTo("RESOLVED");
            assertThat(view.path("history").findValuesAsString("what")).contains("FOLLOW_UP_OVERDUE");
            assertThat(cases.seenFor(id.value()).stream().filter(r -> EventType.FOLLOW_UP_OVERDUE.ceType()
                    .equals(TopicProbe.header(r, "ce_type")))).hasSize(1);
        }
    }

    /** A complaint routed to the quality department and assigned, its case readable. */
    private ComplaintId routedComplaint() {
        ComplaintId id = SampleEvents.newComplaintId();
        ComplaintReceived received = SampleEvents.complaint(id, Category.PRODUCT_QUALITY);
        TopicProbe.publish(received);
        api.awaitGet(CASE, c -> c.has("assignee"), id.value());
        return id;
    }
}

package org.complaintsuite.suite;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.complaintsuite.embedded.LocalPrometheus;
import org.complaintsuite.embedded.SuiteLayout;
import org.complaintsuite.testing.InfrastructureCondition;
import org.complaintsuite.events.CloudEventHeaders;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.EventJson;
import org.complaintsuite.events.EventSchemas;
import org.complaintsuite.events.EventType;
import org.complaintsuite.events.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One complaint's whole life through the five services started for real, over a real Kafka broker,
 * PostgreSQL and the Mongo-protocol store; plus SLA breach, restarts mid-flow and bad input. Each
 * scenario makes its own complaints; the checks over the whole run (every event valid, every metric
 * exported, every dashboard answered) first run the scenarios they look at, unless those already passed.
 */
// every scenario stands on its own: a new order each run (the seed is logged), so none can lean on another
@TestMethodOrder(MethodOrderer.Random.class)
@ExtendWith(InfrastructureCondition.class)
class SuiteEndToEndTest {

    private static RunningSuite suite;
    /** Metric names seen exported by any instance during the run (counters appear where events happened). */
    private static final Set<String> EXPORTED = new TreeSet<>();
    private static String intake;
    private static String routing;
    private static String sla;
    private static String feedback;
    private static String analytics;

    /** The scenarios that passed in this run: the whole-run checks need not run them again. */
    private static final Set<String> PASSED = ConcurrentHashMap.newKeySet();

    @RegisterExtension
    static final TestWatcher RECORD_PASSED = new TestWatcher() {
        @Override
        public void testSuccessful(ExtensionContext context) {
            PASSED.add(context.getRequiredTestMethod().getName());
        }
    };

    private interface Scenario {
        void run() throws Exception;
    }

    /**
     * The scenarios whose events and metrics the whole-run checks look at (every event type, warnings and
     * breaches, a closed complaint, dead letters, an open billing clock), each run now unless it passed.
     */
    private void everyKindOfEventHasHappened() throws Exception {
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        scenarios.put("aComplaintLivesItsWholeLifeThroughAllFiveServices",
                this::aComplaintLivesItsWholeLifeThroughAllFiveServices);
        scenarios.put("aSatisfiedCustomerClosesTheComplaintAndItsCase", this::aSatisfiedCustomerClosesTheComplaintAndItsCase);
        scenarios.put("aTwoSecondPolicyBreachesOnceAndEscalatesTheCase", this::aTwoSecondPolicyBreachesOnceAndEscalatesTheCase);
        scenarios.put("aCaseIsAssignedFromTheRosterAndOwnershipPassesOnlyThroughRecordedHandOffs",
                this::aCaseIsAssignedFromTheRosterAndOwnershipPassesOnlyThroughRecordedHandOffs);
        scenarios.put("aFieldVisitRunsAnArrivalClockForItsAreaUntilTheWorkerArrives",
                this::aFieldVisitRunsAnArrivalClockForItsAreaUntilTheWorkerArrives);
        scenarios.put("theFirstContactWithTheCustomerMeetsTheFirstResponseTarget",
                this::theFirstContactWithTheCustomerMeetsTheFirstResponseTarget);
        scenarios.put("aPoisonRecordIsDeadLetteredWithItsReasonAndThePartitionKeepsFlowing",
                this::aPoisonRecordIsDeadLetteredWithItsReasonAndThePartitionKeepsFlowing);
        scenarios.put("aRetriedSubmissionGivesTheSameComplaintAndNoSecondEvent",
                this::aRetriedSubmissionGivesTheSameComplaintAndNoSecondEvent);
        scenarios.put("threeUnansweredCallsEndAFollowUpUnreachableAndTheComplaintStaysResolved",
                this::threeUnansweredCallsEndAFollowUpUnreachableAndTheComplaintStaysResolved);
        for (Map.Entry<String, Scenario> scenario : scenarios.entrySet()) {
            if (PASSED.add(scenario.getKey())) {
                scenario.getValue().run();
            }
        }
    }

    @BeforeAll
    static void startTheSuite() throws Exception {
        Path policies = Files.createTempFile("sla-policies", ".yml");
        Files.writeString(policies, """
                zone: Asia/Shanghai
                policies:
                  - id: default
                    version: "1"
                    match: {kinds: [COMPLAINT, SERVICE_REQUEST]}
                    targets:
                      FIRST_RESPONSE: {duration: PT4H}
                      RESOLUTION: {duration: P3D}
                      TRANSFER: {duration: PT12H}
                      FOLLOW_UP: {}
                      ON_SITE_ARRIVAL: {duration: PT20M}
                  - id: rural-field-visits
                    version: "1"
                    match: {areas: [RURAL]}
                    targets:
                      ON_SITE_ARRIVAL: {duration: PT48H}
                  - id: incident-two-seconds
                    version: "7"
                    match: {categories: [INCIDENT]}
                    targets:
                      RESOLUTION: {duration: PT2S}
                  - id: process-ten-seconds
                    version: "1"
                    match: {categories: [PROCESS_SYSTEM]}
                    targets:
                      RESOLUTION: {duration: PT10S}
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
                 "subject":{"type":"PRODUCT","code":"SKU-%s"},
                 "description":"The kettle leaks after two days","demand":"replacement","receivedBy":"agent-7"}
                """.formatted(externalId, category, externalId));
        assertThat(response.status()).isEqualTo(202);
        return response.body().get("complaintId").asString();
    }

    /** Resolves the complaint's case once its resolution clock runs, and waits until feedback follows it up. */
    private static void resolvedAwaitingFollowUp(String id, String resolution) {
        awaitClock(id, "RESOLUTION", 1, "RUNNING");
        accepted(Http.post(routing + "/api/cases/" + id + "/resolution", resolution));
        awaitJson(feedback + "/api/follow-ups/" + id, f -> f.get("state").asString().equals("AWAITING_ANSWER"));
    }

    /** A command answered 202 with the complaint it was for; answers the complaint id. */
    private static String accepted(Http.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(202);
        assertThat(response.contentType()).startsWith("application/json");
        String complaintId = response.body().path("complaintId").asString();
        assertThat(complaintId).as(response.raw()).isNotBlank();
        return complaintId;
    }

    private static JsonNode awaitJson(String url, java.util.function.Predicate<JsonNode> condition) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Http.Response r = Http.get(url);
                last.set(r.body());
                return r.status() == 200 && condition.test(r.body());
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("GET " + url + " did not reach the expected state in 30 s; last answer: "
                    + last.get(), e);
        }
        return last.get();
    }

    /** The complaint's clock for one target and handling round, or null while it has not started. */
    private static JsonNode clock(JsonNode view, String target, int round) {
        for (JsonNode clock : view.get("clocks")) {
            if (clock.get("target").asString().equals(target) && clock.get("round").asInt() == round) {
                return clock;
            }
        }
        return null;
    }

    private static JsonNode awaitClock(String complaintId, String target, int round, String state) {
        JsonNode view = awaitJson(sla + "/api/clocks/" + complaintId, v -> {
            JsonNode clock = clock(v, target, round);
            return clock != null && (state == null || clock.get("state").asString().equals(state));
        });
        return clock(view, target, round);
    }

    private static JsonNode summary() {
        return Http.get(analytics + "/api/analytics/summary").body();
    }

    @Test
    void aComplaintLivesItsWholeLifeThroughAllFiveServices() {
        JsonNode before = summary();
        double metBefore = metric(sla, MET_QUALITY_RESOLUTIONS);
        String id = submit("PRODUCT_QUALITY", "call-" + UUID.randomUUID());

        JsonNode registered = awaitJson(intake + "/api/complaints/" + id, c -> true);
        assertThat(registered.get("channel").asString()).isEqualTo("PHONE");
        assertThat(registered.get("customer").get("email").asString()).isEqualTo("li.wei@example.org");
        assertThat(registered.get("receivedBy").asString()).isEqualTo("agent-7");
        assertThat(registered.get("customer").get("phone").asString()).isEqualTo("+8613800138000"); // E.164
        assertThat(registered.get("classification").get("source").asString()).isEqualTo("CHANNEL");

        JsonNode routed = awaitJson(routing + "/api/cases/" + id, c -> c.get("state").asString().equals("OPEN"));
        assertThat(routed.get("department").asString()).isEqualTo("quality");
        assertThat(routed.get("handlingMode").asString()).isEqualTo("TRANSFER");
        assertThat(routed.get("owner").asString()).isEqualTo("agent-7"); // first-contact ownership
        String firstAssignee = awaitJson(routing + "/api/cases/" + id,
                c -> c.has("assignee") && !c.get("assignee").isNull()).get("assignee").asString();
        assertThat(firstAssignee).isIn("q-agent-1", "q-agent-2");

        JsonNode clock = awaitClock(id, "RESOLUTION", 1, "RUNNING");
        assertThat(clock.get("policyId").asString()).isEqualTo("default");
        assertThat(clock.get("policyVersion").asString()).isEqualTo("1");
        assertThat(clock.get("elapsedSeconds").asLong()).isGreaterThanOrEqualTo(0);
        Instant dueAt = Instant.parse(clock.get("dueAt").asString());
        assertThat(Duration.between(Instant.parse(clock.get("startedAt").asString()), dueAt))
                .isEqualTo(Duration.ofDays(3));
        assertThat(awaitClock(id, "TRANSFER", 1, "RUNNING").get("allowedSeconds").asLong()).isEqualTo(12 * 3600);

        // waiting for the customer: the clock stops counting, and its due time moves by the pause
        accepted(Http.post(sla + "/api/clocks/" + id + "/pauses",
                "{\"reason\":\"waiting for the customer's photos\",\"actor\":\"agent-7\"}"));
        JsonNode paused = awaitClock(id, "RESOLUTION", 1, "PAUSED");
        assertThat(paused.get("pauses").get(0).get("causedBy").asString()).isEqualTo("agent-7");
        Http.Response pausedTwice = Http.post(sla + "/api/clocks/" + id + "/pauses", "{\"reason\":\"again\"}");
        assertThat(pausedTwice.status()).isEqualTo(409);
        assertThat(pausedTwice.contentType()).startsWith("application/problem+json");
        accepted(Http.post(sla + "/api/clocks/" + id + "/resumptions", "{\"actor\":\"agent-7\"}"));
        JsonNode resumed = awaitClock(id, "RESOLUTION", 1, "RUNNING");
        // the due time moves by the time the clock stood still (counted in whole seconds)
        Duration stoodStill = Duration.between(Instant.parse(resumed.get("pauses").get(0).get("pausedAt").asString()),
                Instant.parse(resumed.get("resumptions").get(0).get("resumedAt").asString()));
        assertThat(Duration.between(dueAt, Instant.parse(resumed.get("dueAt").asString())))
                .isCloseTo(stoodStill, Duration.ofSeconds(1));

        accepted(Http.post(routing + "/api/cases/" + id + "/escalations",
                "{\"reason\":\"customer asks for a supervisor\",\"actor\":\"agent-7\"}"));
        awaitJson(routing + "/api/cases/" + id, c -> c.get("escalationLevel").asString().equals("SUPERVISOR"));

        accepted(Http.post(routing + "/api/cases/" + id + "/resolution", """
                {"validity":"substantiated","finding":"COMPANY_FAULT","remedy":"REPLACEMENT","rootCause":"seal defect in batch 7",
                 "causeCode":"material_defect","note":"We replace the kettle.","resolvedBy":"supervisor-2"}"""));
        awaitClock(id, "RESOLUTION", 1, "MET");
        assertThat(metric(sla, MET_QUALITY_RESOLUTIONS) - metBefore).as("resolutions met, counted").isEqualTo(1);
        assertThat(Http.get(sla + "/actuator/prometheus").raw())
                .contains("complaint_sla_time_to_resolution_seconds_bucket{category=\"PRODUCT_QUALITY\"")
                .contains("le=\"10800.0\"").contains("le=\"43200.0\"").contains("le=\"259200.0\"");
        awaitClock(id, "TRANSFER", 1, "MET");
        // a product-quality complaint is followed up twice, each with a clock due when the plan says
        JsonNode followUp = awaitJson(feedback + "/api/follow-ups/" + id,
                f -> f.get("rounds").get(0).get("followUps").size() == 2);
        assertThat(followUp.get("state").asString()).isEqualTo("AWAITING_ANSWER");
        for (int n = 1; n <= 2; n++) {
            JsonNode planned = followUp.get("rounds").get(0).get("followUps").get(n - 1);
            assertThat(Instant.parse(awaitClock(id, "FOLLOW_UP", n, "RUNNING").get("dueAt").asString()))
                    .isEqualTo(Instant.parse(planned.get("dueBy").asString()));
        }

        accepted(Http.post(feedback + "/api/follow-ups/" + id + "/responses",
                "{\"satisfaction\":2,\"resolved\":false,\"comment\":\"still leaking\"}"));
        JsonNode reopened = awaitJson(routing + "/api/cases/" + id, c -> c.get("state").asString().equals("REOPENED"));
        assertThat(reopened.get("round").asInt()).isEqualTo(2);
        assertThat(whatHappened(reopened)).containsExactly("ROUTED", "ESCALATED", "RESOLVED", "ROUTED");
        // the first handling did not satisfy the customer: the re-opened case goes to that agent's supervisor
        awaitJson(routing + "/api/cases/" + id, c -> c.has("assignee") && c.get("assignee").asString().equals("q-supervisor"));
        awaitClock(id, "FOLLOW_UP", 1, "MET");
        awaitClock(id, "FOLLOW_UP", 2, "MET"); // cancelled by the revisit: nothing more is owed
        assertThat(awaitJson(feedback + "/api/follow-ups/" + id, f -> f.get("state").asString().equals("REVISITED"))
                .get("rounds").get(0).get("followUps").get(1).get("state").asString()).isEqualTo("CANCELLED");
        JsonNode second = awaitClock(id, "RESOLUTION", 2, "RUNNING");
        assertThat(second.get("previousClockId").asString()).isEqualTo(clock.get("clockId").asString());

        // other scenarios' complaints may still be arriving: this one is counted in each figure (exact counts,
        // redeliveries included, are analytics-service's own test)
        JsonNode after = awaitJson(analytics + "/api/analytics/summary",
                s -> s.get("revisited").asLong() > before.get("revisited").asLong());
        for (String figure : List.of("received", "escalated", "resolved")) {
            assertThat(after.get(figure).asLong()).as(figure).isGreaterThan(before.get(figure).asLong());
        }
        assertThat(after.get("byCategory").get("PRODUCT_QUALITY").asLong())
                .isGreaterThan(before.path("byCategory").path("PRODUCT_QUALITY").asLong());
        assertThat(after.get("byChannel").get("PHONE").asLong())
                .isGreaterThan(before.path("byChannel").path("PHONE").asLong());
        recordExportedMetrics();
    }

    @Test
    void everyEndpointTheReadmeCallsIsInItsServicesOpenApiDocumentAndSwaggerUiOpens() throws Exception {
        Map<Integer, String> services = new LinkedHashMap<>();
        SuiteLayout.SERVICES.forEach(service -> services.put(service.defaultPort(), suite.url(service.name())));
        Map<String, Set<String>> documented = new TreeMap<>(); // service URL -> "METHOD /path/{}"
        for (String url : services.values()) {
            Http.Response document = Http.get(url + "/v3/api-docs");
            SwaggerParseResult parsed = new OpenAPIParser().readContents(document.raw(), null, null);
            assertThat(parsed.getMessages()).as(url + "/v3/api-docs").isEmpty();
            assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1");
            Set<String> operations = new TreeSet<>();
            parsed.getOpenAPI().getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                    .forEach(method -> operations.add(method + " " + path.replaceAll("\\{[^}]+}", "{}"))));
            documented.put(url, operations);
            Http.Response ui = Http.get(url + "/swagger-ui/index.html");
            assertThat(ui.status()).isEqualTo(200);
            assertThat(ui.raw()).contains("swagger-ui");
        }
        Pattern curl = Pattern.compile("curl -s( -X (\\w+))? '?localhost:(\\d+)(/[^ '\"]*)");
        List<String> missing = new ArrayList<>();
        int calls = 0;
        for (String line : Files.readAllLines(DeployFiles.HOME.resolve("README.md"))) {
            Matcher call = curl.matcher(line);
            while (call.find()) {
                calls++;
                String operation = (call.group(2) == null ? "GET" : call.group(2)) + " "
                        + call.group(4).replace("$ID", "{}").replaceAll("\\?.*", "");
                String service = services.get(Integer.parseInt(call.group(3)));
                if (service == null || !documented.get(service).contains(operation)) {
                    missing.add(line.strip());
                }
            }
        }
        assertThat(calls).as("curl calls in the README").isGreaterThan(10);
        assertThat(missing).as("README calls not in their service's OpenAPI document").isEmpty();
    }

    @Test
    void aConsultationAnsweredInTheContactIsClosedThereAndOpensNoCaseNoClockAndNoFollowUp() {
        JsonNode before = summary();
        String customer = "cust-" + UUID.randomUUID();
        String code = "SKU-" + UUID.randomUUID();
        String id = accepted(post("""
                {"channel":"phone","externalId":"consult-%s","kind":"CONSULTATION","category":"PRODUCT_QUALITY",
                 "customer":{"id":"%s"},"subject":{"type":"PRODUCT","code":"%s"},
                 "description":"How do I descale the kettle?","receivedBy":"agent-7",
                 "answer":"Fill it with water and a spoon of citric acid, boil, rinse twice."}"""
                .formatted(UUID.randomUUID(), customer, code)));

        JsonNode registered = awaitJson(intake + "/api/complaints/" + id, c -> true);
        assertThat(registered.get("caseStage").asString()).isEqualTo("CLOSED");
        assertThat(registered.get("answeredOnTheSpot").get("answeredBy").asString()).isEqualTo("agent-7");
        JsonNode after = awaitJson(analytics + "/api/analytics/summary",
                s -> s.get("answeredOnTheSpot").asLong() > before.get("answeredOnTheSpot").asLong());
        assertThat(after.get("byKind").get("CONSULTATION").asLong())
                .isGreaterThan(before.path("byKind").path("CONSULTATION").asLong());

        // the customer's complaint about the same product afterwards is a case of its own, not linked
        String complaint = submitKind("web", "COMPLAINT", customer, code, "It still leaks after descaling");
        awaitJson(routing + "/api/cases/" + complaint, c -> c.get("state").asString().equals("OPEN"));
        assertThat(absent(Http.get(intake + "/api/complaints/" + complaint).body(), "linkedTo")).isTrue();
        // by then the consultation would have been routed, clocked and followed up if it ever were
        awaitClock(complaint, "RESOLUTION", 1, "RUNNING");
        assertThat(Http.get(routing + "/api/cases/" + id).status()).isEqualTo(404);
        assertThat(Http.get(sla + "/api/clocks/" + id).status()).isEqualTo(404);
        assertThat(Http.get(feedback + "/api/follow-ups/" + id).status()).isEqualTo(404);

        Http.Response notAConsultation = post("""
                {"channel":"phone","kind":"COMPLAINT","customer":{"id":"%s"},"description":"It leaks",
                 "answer":"Sorry about that."}""".formatted(customer));
        assertThat(notAConsultation.status()).isEqualTo(400);
        assertThat(fieldsAtFault(notAConsultation)).containsExactlyInAnyOrder("answer", "receivedBy");
    }

    @Test
    void anAuthenticityQueryIsAnsweredAutomaticallyAndACounterfeitBecomesAComplaintForTheQualityDepartment() {
        JsonNode before = summary();
        String customer = "scan-" + UUID.randomUUID();
        String query = """
                {"channel":"app","externalId":"%s","kind":"QUERY","customer":{"id":"%s"},
                 "subject":{"type":"BARCODE","code":"%s"},"description":"Is my kettle genuine?"}""";
        Http.Response genuine = post(query.formatted("scan-" + UUID.randomUUID(), customer, "6901234567892"));
        String answered = accepted(genuine);
        assertThat(genuine.body().get("answer").get("verdict").asString()).isEqualTo("GENUINE");
        assertThat(genuine.body().get("answer").get("answer").asString()).contains("is genuine");
        assertThat(awaitJson(intake + "/api/complaints/" + answered, c -> true).get("caseStage").asString())
                .isEqualTo("CLOSED");

        Http.Response fake = post(query.formatted("scan-" + UUID.randomUUID(), customer, "6909999999994"));
        String counterfeit = accepted(fake);
        assertThat(fake.body().get("answer").get("verdict").asString()).isEqualTo("COUNTERFEIT");
        JsonNode case_ = awaitJson(routing + "/api/cases/" + counterfeit, c -> c.get("state").asString().equals("OPEN"));
        assertThat(case_.get("kind").asString()).isEqualTo("COMPLAINT");
        assertThat(case_.get("department").asString()).isEqualTo("quality");
        // nobody took it in person (an app): its first assignee owns it
        JsonNode owned = awaitJson(routing + "/api/cases/" + counterfeit, c -> c.has("assignee") && c.has("owner"));
        assertThat(owned.get("owner").asString()).isEqualTo(owned.get("assignee").asString()).startsWith("q-agent-");
        awaitClock(counterfeit, "RESOLUTION", 1, "RUNNING");
        // the genuine one, answered before it, never became work
        assertThat(Http.get(routing + "/api/cases/" + answered).status()).isEqualTo(404);
        assertThat(Http.get(sla + "/api/clocks/" + answered).status()).isEqualTo(404);
        JsonNode after = awaitJson(analytics + "/api/analytics/summary",
                s -> s.get("answeredAutomatically").asLong() >= before.get("answeredAutomatically").asLong() + 2);
        assertThat(after.get("byKind").get("QUERY").asLong()).isGreaterThanOrEqualTo(
                before.path("byKind").path("QUERY").asLong() + 2);
    }

    @Test
    void aQueryAnsweredInTheDailyReviewIsClosedWithItsAnswerAndNeverFollowedUp() {
        String query = accepted(post("""
                {"channel":"app","externalId":"q-%s","kind":"QUERY","category":"OTHER","customer":{"id":"q-%s"},
                 "subject":{"type":"PRODUCT","code":"SKU-%s"},"description":"Is batch 7 of the kettle genuine?"}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID())));
        awaitJson(routing + "/api/cases/" + query, c -> c.get("handlingMode").asString().equals("ANALYSIS"));
        accepted(Http.post(routing + "/api/cases/" + query + "/resolution", """
                {"validity":"UNFOUNDED","finding":"THIRD_PARTY","remedy":"EXPLANATION",
                 "note":"Batch 7 is genuine; the seller is an authorised dealer."}"""));

        JsonNode closed = awaitJson(routing + "/api/cases/" + query, c -> c.get("state").asString().equals("CLOSED"));
        assertThat(whatHappened(closed)).endsWith("RESOLVED", "CLOSED");
        assertThat(closed.get("resolution").get("kind").asString()).isEqualTo("QUERY");
        awaitJson(intake + "/api/complaints/" + query, c -> "CLOSED".equals(c.path("caseStage").asString()));
        // a complaint resolved after it is followed up: by then the query would have been too, if ever
        String complaint = submit("AFTER_SALES", "after-query-" + UUID.randomUUID());
        awaitClock(complaint, "RESOLUTION", 1, "RUNNING");
        accepted(Http.post(routing + "/api/cases/" + complaint + "/resolution", REFUND));
        awaitJson(feedback + "/api/follow-ups/" + complaint, f -> f.get("state").asString().equals("AWAITING_ANSWER"));
        awaitClock(complaint, "FOLLOW_UP", 1, "RUNNING");
        assertThat(Http.get(feedback + "/api/follow-ups/" + query).status()).isEqualTo(404);
        assertThat(Http.get(sla + "/api/clocks/" + query).status()).isEqualTo(404);
    }

    @Test
    void aSatisfiedCustomerClosesTheComplaintAndItsCase() {
        String id = submit("AFTER_SALES", "close-" + UUID.randomUUID());
        resolvedAwaitingFollowUp(id, """
                {"validity":"substantiated","finding":"company_fault","remedy":"repair",
                 "rootCause":"installation skipped the seal","causeCode":"ASSEMBLY_ERROR",
                 "note":"A technician refits the seal on Monday."}""");
        accepted(Http.post(feedback + "/api/follow-ups/" + id + "/responses",
                "{\"satisfaction\":5,\"resolved\":true,\"comment\":\"works again\"}"));

        JsonNode closed = awaitJson(routing + "/api/cases/" + id, c -> c.get("state").asString().equals("CLOSED"));
        assertThat(whatHappened(closed)).endsWith("RESOLVED", "CLOSED");
        JsonNode followUp = awaitJson(feedback + "/api/follow-ups/" + id, f -> f.get("state").asString().equals("CLOSED"));
        assertThat(followUp.get("rounds").get(0).get("plan").asString()).isEqualTo("service");
        assertThat(followUp.get("rounds").get(0).get("followUps")).as("an after-sales complaint: one follow-up").hasSize(1);
        assertThat(followUp.get("rounds").get(0).get("followUps").get(0).get("satisfaction").asInt()).isEqualTo(5);
        assertThat(followUp.get("rounds").get(0).get("outcome").asString()).isEqualTo("CLOSED");
        awaitClock(id, "FOLLOW_UP", 1, "MET");
        awaitJson(intake + "/api/complaints/" + id, c -> "CLOSED".equals(c.path("caseStage").asString()));
        Http.Response late = Http.post(feedback + "/api/follow-ups/" + id + "/responses",
                "{\"satisfaction\":1,\"resolved\":false}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("currentState").asString()).isEqualTo("CLOSED");

        // what the SMS gateway was given for this customer, each once
        String promised = LocalDateTime.ofInstant(Instant.parse(awaitClock(id, "RESOLUTION", 1, "MET")
                .get("dueAt").asString()), ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, String> texts = new HashMap<>();
            for (ConsumerRecord<String, byte[]> r : TopicRecords.readAll(suite.bootstrapServers(),
                    List.of(Topic.FEEDBACK_MESSAGES.topicName()))) {
                if (id.equals(r.key())) {
                    JsonNode message = EventJson.mapper().readTree(r.value());
                    assertThat(texts.put(message.get("purpose").asString(), message.get("text").asString()))
                            .as("issued once").isNull();
                    assertThat(message.get("to").asString()).isEqualTo("+8613800138000");
                }
            }
            assertThat(texts).containsOnlyKeys("ACKNOWLEDGEMENT", "RESOLUTION_NOTE", "SURVEY_INVITATION");
            assertThat(texts.get("ACKNOWLEDGEMENT")).contains(promised);
            assertThat(texts.get("RESOLUTION_NOTE")).contains("A technician refits the seal on Monday.");
        });
    }

    @Test
    void threeUnansweredCallsEndAFollowUpUnreachableAndTheComplaintStaysResolved() {
        String id = submit("SERVICE_ATTITUDE", "unreachable-" + UUID.randomUUID());
        resolvedAwaitingFollowUp(id, """
                {"validity":"substantiated","finding":"company_fault","remedy":"apology",
                 "rootCause":"agent ignored the queue rules","causeCode":"STAFF_CONDUCT",
                 "note":"We apologise; the agent was coached."}""");
        for (String agent : List.of("agent-7", "agent-7", "agent-8")) {
            accepted(Http.post(feedback + "/api/follow-ups/" + id + "/attempts",
                    "{\"outcome\":\"NO_ANSWER\",\"by\":\"" + agent + "\"}"));
        }
        JsonNode ended = awaitJson(feedback + "/api/follow-ups/" + id, f -> f.get("state").asString().equals("UNANSWERED"));
        JsonNode only = ended.get("rounds").get(0).get("followUps").get(0);
        assertThat(only.get("state").asString()).isEqualTo("UNREACHABLE");
        assertThat(only.get("attempts")).hasSize(3);
        awaitClock(id, "FOLLOW_UP", 1, "MET");
        // nobody confirmed the resolution: the case stays resolved, on the record as unreachable
        assertThat(awaitJson(routing + "/api/cases/" + id, c -> true).get("state").asString()).isEqualTo("RESOLVED");
        assertThat(Http.post(feedback + "/api/follow-ups/" + id + "/attempts", "{\"outcome\":\"NO_ANSWER\"}").status())
                .isEqualTo(409);
    }

    @Test
    void aSurveyGatewaysAnswersOnKafkaCloseOneComplaintAndRevisitAnother() throws Exception {
        String satisfied = submit("PRICE_BILLING", "survey-ok-" + UUID.randomUUID());
        String dissatisfied = submit("PRICE_BILLING", "survey-bad-" + UUID.randomUUID());
        for (String id : List.of(satisfied, dissatisfied)) {
            resolvedAwaitingFollowUp(id, """
                    {"validity":"substantiated","finding":"company_fault","remedy":"refund",
                     "rootCause":"tariff table not updated","causeCode":"PRICING_ERROR",
                     "note":"We refund the difference."}""");
        }
        try (KafkaProducer<String, byte[]> producer = producer()) {
            String answer = """
                    {"complaintId":"%s","followUp":1,"attempt":1,"outcome":"ANSWERED","satisfaction":%d,"resolved":%s,
                     "by":"sms-survey"}""";
            producer.send(new ProducerRecord<>(Topic.FEEDBACK_RESPONSES.topicName(), satisfied,
                    answer.formatted(satisfied, 5, true).getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(Topic.FEEDBACK_RESPONSES.topicName(), satisfied, // the gateway retried
                    answer.formatted(satisfied, 5, true).getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(Topic.FEEDBACK_RESPONSES.topicName(), dissatisfied,
                    answer.formatted(dissatisfied, 1, false).getBytes(StandardCharsets.UTF_8))).get();
        }
        awaitJson(routing + "/api/cases/" + satisfied, c -> c.get("state").asString().equals("CLOSED"));
        JsonNode reopened = awaitJson(routing + "/api/cases/" + dissatisfied,
                c -> c.get("state").asString().equals("REOPENED"));
        assertThat(reopened.get("round").asInt()).isEqualTo(2);
        assertThat(awaitJson(feedback + "/api/follow-ups/" + satisfied, f -> f.get("state").asString().equals("CLOSED"))
                .get("rounds").get(0).get("followUps").get(0).get("attempts")).as("answered once").hasSize(1);
    }

    @Test
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
    void aTwoSecondPolicyBreachesOnceAndEscalatesTheCase() {
        String id = submit("INCIDENT", "call-" + UUID.randomUUID());
        JsonNode clock = awaitClock(id, "RESOLUTION", 1, "BREACHED");
        assertThat(clock.get("warnings").size()).isEqualTo(2);
        // fired by a persisted deadline: due at startedAt + 2 s, recorded within a second of it
        assertThat(Duration.between(Instant.parse(clock.get("dueAt").asString()),
                Instant.parse(clock.get("breachedAt").asString()))).isBetween(Duration.ZERO, Duration.ofSeconds(1));
        assertThat(clock.get("policyId").asString()).isEqualTo("incident-two-seconds");
        assertThat(clock.get("policyVersion").asString()).isEqualTo("7");
        JsonNode escalated = awaitJson(routing + "/api/cases/" + id,
                c -> c.get("escalationLevel").asString().equals("SUPERVISOR"));
        JsonNode escalation = lastEntry(escalated, "ESCALATED");
        assertThat(escalation.get("detail").get("trigger").asString()).isEqualTo("SLA_BREACH");
        assertThat(breachesOf(id)).isEqualTo(1);

        JsonNode policies = Http.get(sla + "/api/policies").body();
        List<String> loaded = new ArrayList<>();
        policies.get("policies").forEach(p -> loaded.add(p.get("id").asString() + " v" + p.get("version").asString()));
        assertThat(loaded).containsExactly("default v1", "rural-field-visits v1", "incident-two-seconds v7",
                "process-ten-seconds v1"); // file order
        recordExportedMetrics();
    }

    @Test
    void aServiceStoppedMidFlowCatchesUpFromItsCommittedPosition() throws Exception {
        String id = submit("AFTER_SALES", "call-" + UUID.randomUUID());
        awaitClock(id, "RESOLUTION", 1, null);
        suite.stop("feedback-service");
        accepted(Http.post(routing + "/api/cases/" + id + "/resolution",
                "{\"validity\":\"unfounded\",\"finding\":\"CUSTOMER_MISUNDERSTANDING\",\"remedy\":\"EXPLANATION\","
                        + "\"note\":\"The second charge is the deposit, returned on the 5th.\"}"));
        awaitClock(id, "RESOLUTION", 1, "MET");
        suite.restart("feedback-service");
        feedback = suite.url("feedback-service");
        awaitJson(feedback + "/api/follow-ups/" + id, f -> f.get("state").asString().equals("AWAITING_ANSWER"));
        accepted(Http.post(feedback + "/api/follow-ups/" + id + "/responses",
                "{\"satisfaction\":5,\"resolved\":true}"));
        awaitJson(routing + "/api/cases/" + id, c -> c.get("state").asString().equals("CLOSED"));
    }

    @Test
    void aBreachDueWhileTheSlaServiceIsDownFiresOnceAfterItsRestart() throws Exception {
        String id = submit("PROCESS_SYSTEM", "call-" + UUID.randomUUID());
        JsonNode running = awaitClock(id, "RESOLUTION", 1, "RUNNING");
        Instant dueAt = Instant.parse(running.get("dueAt").asString());
        suite.stop("sla-service");
        Instant stoppedAt = Instant.now();
        assertThat(stoppedAt).as("the service is down before the clock is due").isBefore(dueAt);
        // the clock falls due while nothing runs it, and nothing breaches
        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(dueAt.plusSeconds(1)));
        assertThat(breachesOf(id)).isZero();

        suite.restart("sla-service");
        sla = suite.url("sla-service");
        JsonNode breached = awaitClock(id, "RESOLUTION", 1, "BREACHED");
        assertThat(Instant.parse(breached.get("breachedAt").asString())).as("fired after the restart")
                .isAfter(dueAt.plusSeconds(1));
        awaitJson(routing + "/api/cases/" + id, c -> c.get("escalationLevel").asString().equals("SUPERVISOR"));
        assertThat(breachesOf(id)).isEqualTo(1);
    }

    @Test
    void twoSlaReplicasFireEveryBreachExactlyOnceAndEscalateEachCaseOnce() throws Exception {
        double firedBefore = breachesCountedBy("sla-service");
        long publishedBefore = breachesByComplaint().values().stream().mapToLong(Long::longValue).sum();
        String replica = suite.startReplica("sla-service");
        try {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                ids.add(submit("INCIDENT", "replicas-" + UUID.randomUUID()));
            }
            for (String id : ids) {
                awaitClock(id, "RESOLUTION", 1, "BREACHED");
                JsonNode escalated = awaitJson(routing + "/api/cases/" + id,
                        c -> c.get("escalationLevel").asString().equals("SUPERVISOR"));
                long slaEscalations = 0;
                for (JsonNode entry : escalated.get("history")) {
                    if (entry.get("what").asString().equals("ESCALATED")
                            && entry.get("detail").get("trigger").asString().equals("SLA_BREACH")) {
                        slaEscalations++;
                    }
                }
                assertThat(slaEscalations).as(id).isEqualTo(1);
            }
            // both instances poll the same deadline table; a deadline is taken by one of them only, and no
            // second breach follows later
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(15)).until(() -> {
                Map<String, Long> breaches = breachesByComplaint();
                return ids.stream().allMatch(id -> breaches.getOrDefault(id, 0L) == 1);
            });
            // each breach is counted by the instance that fired it: the counters add up to the breaches published
            // (other scenarios' clocks may fall due meanwhile: counted and published alike)
            long published = breachesByComplaint().values().stream().mapToLong(Long::longValue).sum() - publishedBefore;
            assertThat(published).isGreaterThanOrEqualTo(ids.size());
            assertThat(breachesCountedBy("sla-service") - firedBefore + breachesCountedBy(replica))
                    .isEqualTo((double) published);
            String scrapes = Http.get(sla + "/actuator/prometheus").raw()
                    + Http.get(suite.url(replica) + "/actuator/prometheus").raw();
            assertThat(scrapes).contains("complaint_sla_breaches_total{category=\"INCIDENT\",department=")
                    .contains("complaint_sla_warnings_total{category=\"INCIDENT\",department=");
            recordExportedMetrics();
        } finally {
            suite.stop(replica);
        }
    }

    @Test
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

    /** The answer leaves {@code field} out or sets it to null. */
    private static boolean absent(JsonNode body, String field) {
        return body.path(field).isMissingNode() || body.path(field).isNull();
    }

    private static Http.Response post(String body) {
        return Http.post(intake + "/api/complaints", body);
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    private static long recordsOf(Topic topic, String key) {
        return TopicRecords.readAll(suite.bootstrapServers(), List.of(topic.topicName())).stream()
                .filter(r -> key.equals(r.key())).count();
    }

    @Test
    void aGatewaySubmissionOnKafkaIsRegisteredOnceAndABadOneIsDeadLetteredWhileThePartitionFlows() throws Exception {
        String externalId = "sms-" + UUID.randomUUID();
        String submission = """
                {"channel":"sms","externalId":"%s","customer":{"phone":"139 1234 5678"},
                 "subject":{"type":"METER","code":"M-%s"},"description":"电表读数不对，多收费了"}
                """.formatted(externalId, externalId);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            String key = "SMS:" + externalId;
            producer.send(new ProducerRecord<>(Topic.INTAKE_SUBMISSIONS.topicName(), key, "{oops".getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(Topic.INTAKE_SUBMISSIONS.topicName(), key, """
                    {"channel":"sms","customer":{"phone":"12"},"description":""}""".getBytes(StandardCharsets.UTF_8)));
            // the same submission twice (a gateway retrying) behind the bad ones, on the same partition
            producer.send(new ProducerRecord<>(Topic.INTAKE_SUBMISSIONS.topicName(), key, submission.getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(Topic.INTAKE_SUBMISSIONS.topicName(), key, submission.getBytes(StandardCharsets.UTF_8))).get();
        }
        String id = ComplaintId.fromNaturalKey("SMS:" + externalId).value();
        JsonNode registered = awaitJson(intake + "/api/complaints/" + id, c -> true);
        assertThat(registered.get("channel").asString()).isEqualTo("SMS");
        assertThat(registered.get("customer").get("phone").asString()).isEqualTo("+8613912345678");
        // no kind or category given: the rule-based classifier decided, and says which rule and phrase
        assertThat(registered.get("category").asString()).isEqualTo("PRICE_BILLING");
        assertThat(registered.get("classification").get("rule").asString()).isEqualTo("billing");
        assertThat(registered.get("classification").get("matched").asString()).isEqualTo("多收费");
        awaitJson(routing + "/api/cases/" + id, c -> c.get("state").asString().equals("OPEN"));
        assertThat(recordsOf(Topic.INTAKE_COMPLAINTS, id)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> reasons = TopicRecords.readAll(suite.bootstrapServers(),
                            List.of(Topic.INTAKE_SUBMISSIONS.deadLetterTopicName())).stream()
                    .filter(r -> ("SMS:" + externalId).equals(r.key()))
                    .map(r -> new String(r.headers().lastHeader("dlt_reason").value(), StandardCharsets.UTF_8))
                    .toList();
            assertThat(reasons).hasSize(2);
            assertThat(reasons).anySatisfy(r -> assertThat(r).contains("not a valid submission"));
            assertThat(reasons).anySatisfy(r -> assertThat(r).contains("externalId").contains("customer.phone")
                    .contains("description"));
        });
    }

    @Test
    void aSecondContactIsLinkedAndARepeatAfterTheResolutionRevisitsTheCaseWithTheNewContact() {
        String code = "SKU-" + UUID.randomUUID();
        String customer = "cust-" + UUID.randomUUID();
        String first = submitAs("phone", "call-" + UUID.randomUUID(), customer, "+86 138 0013 8000", code);
        awaitJson(routing + "/api/cases/" + first, c -> c.get("state").asString().equals("OPEN"));

        // the same customer (known by the same number, written differently) on the web about the same product
        Http.Response again = post("""
                {"channel":"web","externalId":"form-%s","kind":"COMPLAINT","category":"PRODUCT_QUALITY",
                 "customer":{"phone":"138-0013-8000","email":"LI.WEI@example.org"},
                 "subject":{"type":"product","code":"%s"},"description":"Still leaking, I called already"}
                """.formatted(UUID.randomUUID(), code.toLowerCase()));
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().get("linkedTo").get("complaintId").asString()).isEqualTo(first);
        assertThat(again.body().get("linkedTo").get("reason").asString()).isEqualTo("MULTI_CHANNEL_DUPLICATE");
        String duplicate = again.body().get("complaintId").asString();
        JsonNode earlier = awaitJson(intake + "/api/complaints/" + first, c -> c.has("linkedContacts"));
        assertThat(earlier.get("linkedContacts").get(0).get("complaintId").asString()).isEqualTo(duplicate);
        assertThat(earlier.get("linkedContacts").get(0).get("channel").asString()).isEqualTo("WEB");
        assertThat(Http.get(routing + "/api/cases/" + duplicate).status()).isEqualTo(404); // no second case

        accepted(Http.post(routing + "/api/cases/" + first + "/resolution", REFUND));
        awaitJson(intake + "/api/complaints/" + first, c -> c.has("caseStage")
                && c.get("caseStage").asString().equals("RESOLVED"));
        String repeat = submitAs("sms", "sms-" + UUID.randomUUID(), null, "+8613800138000", code);
        JsonNode repeated = awaitJson(intake + "/api/complaints/" + repeat, c -> true);
        assertThat(repeated.get("linkedTo").get("reason").asString()).isEqualTo("REPEAT_COMPLAINT");
        assertThat(repeated.get("linkedTo").get("complaintId").asString()).isEqualTo(first);
        JsonNode reopened = awaitJson(routing + "/api/cases/" + first, c -> c.get("round").asInt() == 2);
        assertThat(reopened.get("escalationLevel").asString()).isEqualTo("SUPERVISOR");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                TopicRecords.readAll(suite.bootstrapServers(), List.of(Topic.FEEDBACK_FOLLOWUPS.topicName())).stream()
                        .filter(r -> first.equals(r.key()) && new String(r.value(), StandardCharsets.UTF_8)
                                .contains("REPEAT_COMPLAINT"))
                        .map(r -> EventJson.mapper().readTree(r.value()).get("contact").asString()).toList())
                .containsExactly(repeat));
        awaitClock(first, "RESOLUTION", 2, "RUNNING");
        // management sees both as the failure indicators they are, not as complaints of their own
        awaitJson(analytics + "/api/analytics/summary", v -> v.get("multiChannelDuplicates").asLong() >= 1
                && v.get("repeatComplaints").asLong() >= 1);
    }

    @Test
    void aComplaintAfterAQueryAboutTheSameProductOpensACaseOfItsOwn() {
        String customer = "cust-" + UUID.randomUUID();
        String code = "SKU-" + UUID.randomUUID();
        String query = submitKind("app", "QUERY", customer, code, "Is my kettle genuine?");
        awaitJson(intake + "/api/complaints/" + query, c -> true);
        awaitJson(routing + "/api/cases/" + query, c -> c.get("handlingMode").asString().equals("ANALYSIS"));

        Http.Response complaint = post(kindBody("phone", "COMPLAINT", customer, code, "The kettle leaks"));
        assertThat(complaint.status()).as(complaint.raw()).isEqualTo(202);
        assertThat(absent(complaint.body(), "linkedTo")).as(complaint.raw()).isTrue();
        String complaintId = complaint.body().get("complaintId").asString();
        JsonNode opened = awaitJson(routing + "/api/cases/" + complaintId, c -> c.get("state").asString().equals("OPEN"));
        assertThat(opened.get("handlingMode").asString()).isNotEqualTo("ANALYSIS");
        awaitClock(complaintId, "RESOLUTION", 1, "RUNNING");

        // contacts of one nature still meet: a second query joins the first, a second complaint the complaint
        Http.Response secondQuery = post(kindBody("web", "QUERY", customer, code, "Genuine or not?"));
        assertThat(secondQuery.body().get("linkedTo").get("complaintId").asString()).isEqualTo(query);
        awaitJson(intake + "/api/complaints/" + complaintId, c -> true);
        Http.Response secondComplaint = post(kindBody("sms", "COMPLAINT", customer, code, "Still leaking"));
        assertThat(secondComplaint.body().get("linkedTo").get("complaintId").asString()).isEqualTo(complaintId);
        assertThat(secondComplaint.body().get("linkedTo").get("reason").asString())
                .isEqualTo("MULTI_CHANNEL_DUPLICATE");
    }

    @Test
    void twoBillingComplaintsWithoutASubjectAreTwoCasesUnlessTheTextIsTheSame() {
        String customer = "cust-" + UUID.randomUUID();
        String first = submitKind("phone", "COMPLAINT", customer, null, "Charged twice for the March bill");
        awaitJson(intake + "/api/complaints/" + first, c -> true);

        Http.Response other = post(kindBody("web", "COMPLAINT", customer, null, "The roaming fee is wrong"));
        assertThat(absent(other.body(), "linkedTo")).as(other.raw()).isTrue();
        awaitJson(routing + "/api/cases/" + other.body().get("complaintId").asString(),
                c -> c.get("state").asString().equals("OPEN"));

        Http.Response sameText = post(kindBody("app", "COMPLAINT", customer, null, "charged twice for the March bill!"));
        assertThat(sameText.body().get("linkedTo").get("complaintId").asString()).as(sameText.raw()).isEqualTo(first);
    }

    private static String submitKind(String channel, String kind, String customerId, String code, String text) {
        Http.Response response = post(kindBody(channel, kind, customerId, code, text));
        assertThat(response.status()).as(response.raw()).isEqualTo(202);
        return response.body().get("complaintId").asString();
    }

    /** A submission by the customer; about the product {@code code}, or without a subject (billing) when null. */
    private static String kindBody(String channel, String kind, String customerId, String code, String text) {
        return """
                {"channel":"%s","externalId":"%s","kind":"%s","category":"%s","customer":{"id":"%s"},%s
                 "description":"%s"}""".formatted(channel, channel + "-" + UUID.randomUUID(), kind,
                code == null ? "PRICE_BILLING" : "PRODUCT_QUALITY", customerId,
                code == null ? "" : "\"subject\":{\"type\":\"PRODUCT\",\"code\":\"" + code + "\"},", text);
    }

    private static String submitAs(String channel, String externalId, String customerId, String phone, String code) {
        Http.Response response = post("""
                {"channel":"%s","externalId":"%s","kind":"COMPLAINT","category":"PRODUCT_QUALITY",
                 "customer":{"id":%s,"phone":"%s"},"subject":{"type":"PRODUCT","code":"%s"},
                 "description":"The kettle leaks"}
                """.formatted(channel, externalId, customerId == null ? "null" : "\"" + customerId + "\"", phone, code));
        assertThat(response.status()).as(response.raw()).isEqualTo(202);
        return response.body().get("complaintId").asString();
    }

    @Test
    void aSafetyIncidentWithAMediaThreatIsRaisedToUrgentAndClimbsToAManagerOnArrival() {
        Http.Response response = post("""
                {"channel":"phone","externalId":"call-%s","customer":{"id":"cust-%s"},
                 "description":"插座起火了，烧坏了墙面。我已经联系了电视台记者。","receivedBy":"agent-3"}
                """.formatted(UUID.randomUUID(), UUID.randomUUID()));
        assertThat(response.status()).isEqualTo(202);
        String id = response.body().get("complaintId").asString();
        JsonNode registered = awaitJson(intake + "/api/complaints/" + id, c -> true);
        assertThat(registered.get("category").asString()).isEqualTo("INCIDENT");
        assertThat(registered.get("priority").asString()).isEqualTo("URGENT");
        List<String> triggers = new ArrayList<>();
        registered.get("triggers").forEach(t -> triggers.add(t.get("kind").asString()));
        assertThat(triggers).containsExactly("SAFETY_INCIDENT", "MEDIA_OR_LEGAL_THREAT");
        JsonNode escalated = awaitJson(routing + "/api/cases/" + id,
                c -> c.get("escalationLevel").asString().equals("MANAGER"));
        JsonNode escalation = lastEntry(escalated, "ESCALATED");
        assertThat(escalation.get("detail").get("trigger").asString()).isIn("SAFETY_INCIDENT", "MEDIA_OR_LEGAL_THREAT");
        assertThat(escalation.get("detail").get("reason").asString()).contains("intake rule");
    }

    @Test
    void aBulkImportKeepsTheGoodLinesAndReportsEachBadOneWithItsReasons() {
        String run = UUID.randomUUID().toString();
        Http.Response ndjson = Http.post(intake + "/api/complaints/imports", "application/x-ndjson", """
                {"channel":"partner","externalId":"p-%1$s-1","customer":{"id":"a-%1$s"},"description":"Late delivery of the sofa"}
                {"channel":"partner","externalId":"p-%1$s-2","customer":{"phone":"not a number"},"description":""}
                {"channel":
                {"channel":"partner","externalId":"p-%1$s-3","customer":{"email":"b-%1$s@example.org"},"description":"Refund never came"}
                """.formatted(run), Map.of());
        assertThat(ndjson.status()).as(ndjson.raw()).isEqualTo(200);
        assertThat(ndjson.body().get("acceptedCount").asInt()).isEqualTo(2);
        assertThat(ndjson.body().get("rejectedCount").asInt()).isEqualTo(2);
        assertThat(ndjson.body().get("accepted").get(0).get("line").asInt()).isEqualTo(1);
        assertThat(ndjson.body().get("accepted").get(1).get("line").asInt()).isEqualTo(4);
        JsonNode badLine = ndjson.body().get("rejected").get(0);
        assertThat(badLine.get("line").asInt()).isEqualTo(2);
        List<String> fields = new ArrayList<>();
        badLine.get("problems").forEach(p -> fields.add(p.get("field").asString()));
        assertThat(fields).contains("customer.phone", "description");
        assertThat(ndjson.body().get("rejected").get(1).get("line").asInt()).isEqualTo(3);
        String accepted = ndjson.body().get("accepted").get(0).get("complaintId").asString();
        awaitJson(routing + "/api/cases/" + accepted, c -> c.get("state").asString().equals("OPEN"));

        Http.Response csv = Http.post(intake + "/api/complaints/imports", "text/csv", """
                channel,externalId,customerId,phone,kind,category,subjectType,subjectCode,description
                letter,L-%1$s-1,c-%1$s,+44 20 7946 0958,COMPLAINT,AFTER_SALES,ORDER,O-%1$s,"Repair visit missed, twice"
                letter,L-%1$s-2,c-%1$s,,COMPLAINT,NO_SUCH_CATEGORY,,,Something
                """.formatted(run), Map.of());
        assertThat(csv.body().get("acceptedCount").asInt()).as(csv.raw()).isEqualTo(1);
        assertThat(csv.body().get("rejected").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(csv.body().get("rejected").get(0).get("problems").get(0).get("field").asString())
                .isEqualTo("category");
        // importing the same file again registers nothing twice
        Http.Response again = Http.post(intake + "/api/complaints/imports", "text/csv", """
                channel,externalId,customerId,phone,kind,category,subjectType,subjectCode,description
                letter,L-%1$s-1,c-%1$s,+44 20 7946 0958,COMPLAINT,AFTER_SALES,ORDER,O-%1$s,"Repair visit missed, twice"
                """.formatted(run), Map.of());
        assertThat(again.body().get("accepted").get(0).get("duplicate").asBoolean()).isTrue();
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyAndARetryAfterARestartGiveOneComplaint() throws Exception {
        String key = "key-" + UUID.randomUUID();
        String body = """
                {"channel":"app","kind":"COMPLAINT","category":"AFTER_SALES","customer":{"id":"cust-%s"},
                 "description":"The app shows my repair as done; it is not"}""".formatted(UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Http.Response>> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sent.add(pool.submit(() -> Http.post(intake + "/api/complaints", "application/json", body,
                    Map.of("Idempotency-Key", key))));
        }
        List<String> ids = new ArrayList<>();
        int firsts = 0;
        for (Future<Http.Response> f : sent) {
            Http.Response r = f.get();
            assertThat(r.status()).as(r.raw()).isEqualTo(202);
            ids.add(r.body().get("complaintId").asString());
            firsts += r.body().get("duplicate").asBoolean() ? 0 : 1;
        }
        pool.shutdown();
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(firsts).isEqualTo(1);

        suite.restart("intake-service");
        Http.Response later = Http.post(intake + "/api/complaints", "application/json", body,
                Map.of("Idempotency-Key", key));
        assertThat(later.body().get("complaintId").asString()).isEqualTo(ids.get(0));
        assertThat(later.body().get("duplicate").asBoolean()).isTrue();
        awaitJson(routing + "/api/cases/" + ids.get(0), c -> true);
        assertThat(recordsOf(Topic.INTAKE_COMPLAINTS, ids.get(0))).isEqualTo(1);
    }

    @Test
    void thousandsOfMalformedInputsLeaveTheIntakeHealthyAndValidInputStillFlows() throws Exception {
        java.util.Random random = new java.util.Random(20261123);
        String valid = """
                {"channel":"web","externalId":"fuzz-0","kind":"COMPLAINT","category":"OTHER",
                 "customer":{"id":"f-1","phone":"+86 138 0013 8000","email":"f@example.org"},
                 "subject":{"type":"PRODUCT","code":"F-1"},"description":"fuzz","priority":"LOW"}""";
        String[] junk = {"", "null", "[]", "42", "\"text\"", "{}", "{\"channel\":{}}", "{\"customer\":[1,2]}",
                "{\"description\":" + "[".repeat(2000) + "}", "{\"channel\":\"web\",\"kind\":\"" + "Z".repeat(5000) + "\"}",
                "\u0000\u0001\u0002", "{\"channel\":\"web\",\"customer\":{\"phone\":\"+999 1\"},\"description\":\"x\"}"};
        int serverErrors = 0;
        int cases = 2400;
        for (int i = 0; i < cases; i++) {
            byte[] body;
            switch (i % 4) {
                case 0 -> body = junk[random.nextInt(junk.length)].getBytes(StandardCharsets.UTF_8);
                case 1 -> body = valid.substring(0, random.nextInt(valid.length())).getBytes(StandardCharsets.UTF_8);
                case 2 -> {
                    byte[] mutated = valid.getBytes(StandardCharsets.UTF_8);
                    for (int m = 0; m < 1 + random.nextInt(6); m++) {
                        mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
                    }
                    body = mutated;
                }
                default -> {
                    body = new byte[random.nextInt(600)];
                    random.nextBytes(body);
                }
            }
            Http.Response r = Http.postBytes(intake + "/api/complaints", "application/json", body);
            if (r.status() >= 500) {
                serverErrors++;
            } else if (r.status() != 202) {
                assertThat(r.status()).as(r.raw()).isIn(400, 413);
                assertThat(r.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(serverErrors).isZero();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < 1000; i++) {
                byte[] body = new byte[random.nextInt(300)];
                random.nextBytes(body);
                producer.send(new ProducerRecord<>(Topic.INTAKE_SUBMISSIONS.topicName(), "fuzz-" + i, body));
            }
            String externalId = "after-fuzz-" + UUID.randomUUID();
            producer.send(new ProducerRecord<>(Topic.INTAKE_SUBMISSIONS.topicName(), "EMAIL:" + externalId, """
                    {"channel":"email","externalId":"%s","kind":"COMPLAINT","customer":{"email":"z-%s@example.org"},
                     "description":"My bill is wrong"}""".formatted(externalId, externalId)
                    .getBytes(StandardCharsets.UTF_8))).get();
            String id = ComplaintId.fromNaturalKey("EMAIL:" + externalId).value();
            awaitJson(routing + "/api/cases/" + id, c -> c.get("state").asString().equals("OPEN"));
        }
        assertThat(Http.get(intake + "/actuator/health").body().get("status").asString()).isEqualTo("UP");
        String after = submit("OTHER", "after-fuzz-" + UUID.randomUUID());
        awaitJson(routing + "/api/cases/" + after, c -> c.get("state").asString().equals("OPEN"));
    }

    @Test
    void theFirstContactWithTheCustomerMeetsTheFirstResponseTarget() {
        String id = submit("AFTER_SALES", "contact-" + UUID.randomUUID());
        JsonNode running = awaitClock(id, "FIRST_RESPONSE", 1, "RUNNING");
        assertThat(Duration.between(Instant.parse(running.get("startedAt").asString()),
                Instant.parse(running.get("dueAt").asString()))).isEqualTo(Duration.ofHours(4));
        String contacts = routing + "/api/cases/" + id + "/contacts";
        Http.Response bad = Http.post(contacts, "{\"means\":\"pigeon\"}");
        List<String> fields = new ArrayList<>();
        bad.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("by", "means");
        accepted(Http.post(contacts, """
                {"by":"s-agent-1","means":"phone","note":"asked for photos of the receipt"}"""));
        accepted(Http.post(contacts, """
                {"by":"s-agent-1","means":"sms","note":"reminder"}"""));
        awaitClock(id, "FIRST_RESPONSE", 1, "MET");
        JsonNode view = awaitJson(routing + "/api/cases/" + id, c -> c.has("contacts") && c.get("contacts").asInt() == 2);
        assertThat(view.get("firstContactAt").asString()).isNotBlank();
        assertThat(lastEntry(view, "CONTACTED").get("actor").asString()).isEqualTo("s-agent-1");
    }

    @Test
    void misconductWaitsForLeadershipToDesignateItsHandlerAndQueriesWaitForTheDailyReview() {
        String misconduct = submit("SERVICE_ATTITUDE", "rude-" + UUID.randomUUID());
        String cases = routing + "/api/cases/" + misconduct;
        JsonNode designated = awaitJson(cases, c -> c.get("state").asString().equals("OPEN"));
        assertThat(designated.get("handlingMode").asString()).isEqualTo("DESIGNATED");
        awaitClock(misconduct, "RESOLUTION", 1, "RUNNING");
        assertThat(absent(Http.get(cases).body(), "assignee")).isTrue(); // nobody was picked automatically
        Http.Response byAgent = Http.post(cases + "/assignment", """
                {"assignee":"s-agent-2","reason":"knows the shop","by":"s-agent-1"}""");
        assertThat(byAgent.status()).isEqualTo(409);
        assertThat(Http.post(cases + "/assignment", """
                {"assignee":"s-agent-2","reason":"knows the shop","by":"s-supervisor"}""").status())
                .as("a supervisor does not designate: leadership does").isEqualTo(409);
        accepted(Http.post(cases + "/assignment", """
                {"assignee":"s-agent-2","reason":"knows the shop","by":"l-director"}"""));
        awaitJson(cases, c -> c.has("assignee") && "s-agent-2".equals(c.get("assignee").asString()));

        Http.Response query = post("""
                {"channel":"app","externalId":"q-%s","kind":"QUERY","category":"OTHER","customer":{"id":"q-%s"},
                 "description":"Is batch 7 of the kettle genuine?"}""".formatted(UUID.randomUUID(), UUID.randomUUID()));
        String queryId = query.body().get("complaintId").asString();
        awaitJson(routing + "/api/cases/" + queryId, c -> c.get("handlingMode").asString().equals("ANALYSIS"));
        JsonNode review = awaitJson(routing + "/api/cases?handlingMode=analysis&state=OPEN&size=500",
                l -> l.get("items").valueStream().anyMatch(i -> i.get("complaintId").asString().equals(queryId)));
        assertThat(review.get("items").valueStream().allMatch(i -> i.get("handlingMode").asString().equals("ANALYSIS")))
                .isTrue();
        assertThat(Http.get(routing + "/api/cases?handlingMode=sideways").status()).isEqualTo(400);
    }

    @Test
    void supervisorsMaintainTheRosterOnTheRecordAndTheNextCaseFollowsIt() {
        String roster = routing + "/api/roster";
        JsonNode shipped = Http.get(roster).body().get("departments");
        assertThat(shipped.get("quality").valueStream().map(a -> a.get("id").asString()))
                .contains("q-agent-1", "q-agent-2");

        Http.Response bad = Http.send("PUT", roster + "/agents/s-agent-0", """
                {"department":"","skills":["AFTER_SALES","FLYING"]}""");
        assertThat(bad.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        bad.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("department", "skills[1]", "by");

        Http.Response added = Http.send("PUT", roster + "/agents/s-agent-0", """
                {"department":"service","skills":["after_sales"],"supervisor":"s-lead-2","by":"s-supervisor"}""");
        assertThat(added.status()).as(added.raw()).isEqualTo(200);
        assertThat(Http.get(roster + "/agents/s-agent-0").body().get("department").asString()).isEqualTo("service");
        // the new agent has no open cases and, listed first, wins a tie with any other agent who has none:
        // the next after-sales case of the service department is theirs
        String id = submit("AFTER_SALES", "roster-" + UUID.randomUUID());
        awaitJson(routing + "/api/cases/" + id, c -> c.has("assignee") && !c.get("assignee").isNull()
                && c.get("assignee").asString().equals("s-agent-0"));

        assertThat(Http.send("DELETE", roster + "/agents/s-agent-0?by=s-supervisor", "").status()).isEqualTo(200);
        assertThat(Http.get(roster + "/agents/s-agent-0").status()).isEqualTo(404);
        assertThat(Http.send("DELETE", roster + "/agents/s-agent-0?by=s-supervisor", "").status()).isEqualTo(404);
        JsonNode changes = Http.get(roster + "/changes").body().get("changes");
        assertThat(changes.get(0).get("what").asString()).isEqualTo("REMOVED");
        assertThat(changes.get(1).get("what").asString()).isEqualTo("ADDED");
        assertThat(changes.get(1).get("by").asString()).isEqualTo("s-supervisor");
    }

    private static final String REFUND = """
            {"validity":"substantiated","finding":"company_fault","remedy":"refund","rootCause":"double billing run",
             "causeCode":"SYSTEM_FAULT","note":"We refund the second charge.","resolvedBy":"agent-7"}""";

    @Test
    void twoAgentsResolvingOrEscalatingAtOnceGetOneWinnerAndA409WithTheCurrentState() throws Exception {
        String id = submit("PRICE_BILLING", "call-" + UUID.randomUUID());
        awaitJson(routing + "/api/cases/" + id, c -> c.get("state").asString().equals("OPEN"));
        String cases = routing + "/api/cases/" + id;

        String escalation = "{\"reason\":\"customer asks for a supervisor\",\"expectedLevel\":\"agent\"}";
        List<Http.Response> escalations = atOnce(() -> Http.post(cases + "/escalations", escalation),
                () -> Http.post(cases + "/escalations", escalation));
        assertThat(escalations).extracting(Http.Response::status).containsExactlyInAnyOrder(202, 409);
        awaitJson(cases, c -> c.get("escalationLevel").asString().equals("SUPERVISOR"));

        List<Http.Response> resolutions = atOnce(() -> Http.post(cases + "/resolution", REFUND),
                () -> Http.post(cases + "/resolution", REFUND));
        assertThat(resolutions).extracting(Http.Response::status).containsExactlyInAnyOrder(202, 409);
        Http.Response loser = resolutions.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(loser.contentType()).startsWith("application/problem+json");
        assertThat(loser.body().get("currentState").asString()).isIn("ESCALATED", "RESOLVED");
        JsonNode resolved = awaitJson(cases, c -> c.get("state").asString().equals("RESOLVED"));
        assertThat(resolved.get("resolution").get("validity").asString()).isEqualTo("SUBSTANTIATED");
        // the view is read from routing's event store, the topic a moment later: once feedback has taken the
        // resolution up, everything routing recorded for it is on the topic
        awaitJson(feedback + "/api/follow-ups/" + id, f -> true);
        long resolvedEvents = TopicRecords.readAll(suite.bootstrapServers(), List.of(Topic.ROUTING_CASES.topicName()))
                .stream().filter(r -> id.equals(r.key()))
                .filter(r -> EventType.COMPLAINT_RESOLVED.ceType().equals(header(r, CloudEventHeaders.TYPE)))
                .count();
        assertThat(resolvedEvents).as("one resolution, whoever won").isEqualTo(1);
    }

    @Test
    void anIncompleteOrInconsistentResolutionIsRejectedFieldByField() {
        String id = submit("PRICE_BILLING", "call-" + UUID.randomUUID());
        awaitJson(routing + "/api/cases/" + id, c -> true);
        Http.Response empty = Http.post(routing + "/api/cases/" + id + "/resolution", "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(fieldsAtFault(empty)).contains("validity", "finding", "remedy", "note");

        Http.Response inconsistent = Http.post(routing + "/api/cases/" + id + "/resolution", """
                {"validity":"unfounded","finding":"company_fault","remedy":"compensation",
                 "compensation":{"amount":-5.123,"currency":"yuan"},"note":"sorry"}""");
        assertThat(inconsistent.status()).isEqualTo(400);
        assertThat(fieldsAtFault(inconsistent)).contains("finding", "compensation.amount", "compensation.currency");

        Http.Response notCompensation = Http.post(routing + "/api/cases/" + id + "/resolution", """
                {"validity":"substantiated","finding":"third_party","remedy":"apology","rootCause":"courier",
                 "causeCode":"THIRD_PARTY_FAULT","compensation":{"amount":50,"currency":"CNY"},"note":"sorry"}""");
        assertThat(fieldsAtFault(notCompensation)).containsExactly("compensation");

        accepted(Http.post(routing + "/api/cases/" + id + "/resolution", """
                {"validity":"substantiated","finding":"company_fault","remedy":"compensation","rootCause":"late repair",
                 "causeCode":"PROCESS_GAP","compensation":{"amount":200.00,"currency":"cny"},
                 "note":"We pay 200 yuan for the delay."}"""));
        JsonNode resolved = awaitJson(routing + "/api/cases/" + id, c -> c.get("state").asString().equals("RESOLVED"));
        assertThat(resolved.get("resolution").get("compensation").get("currency").asString()).isEqualTo("CNY");
        assertThat(resolved.get("resolution").get("compensation").get("amount").decimalValue())
                .isEqualByComparingTo("200.00");
    }

    /** What happened to a case, in order, leaving out the (asynchronous) automatic assignments. */
    private static List<String> whatHappened(JsonNode caseView) {
        List<String> what = new ArrayList<>();
        caseView.get("history").forEach(h -> what.add(h.get("what").asString()));
        what.removeIf(w -> w.equals("ASSIGNED"));
        return what;
    }

    private static JsonNode lastEntry(JsonNode caseView, String what) {
        JsonNode found = null;
        for (JsonNode entry : caseView.get("history")) {
            if (entry.get("what").asString().equals(what)) {
                found = entry;
            }
        }
        assertThat(found).as("a " + what + " entry").isNotNull();
        return found;
    }

    private static List<String> fieldsAtFault(Http.Response response) {
        assertThat(response.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        response.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    /** Runs the requests at the same moment, each on its own thread. */
    @SafeVarargs
    private static List<Http.Response> atOnce(Callable<Http.Response>... requests)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(requests.length);
        try (ExecutorService pool = Executors.newFixedThreadPool(requests.length)) {
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (var request : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            List<Http.Response> responses = new ArrayList<>();
            for (var future : futures) {
                responses.add(future.get());
            }
            return responses;
        }
    }

    @Test
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
    void aFieldVisitRunsAnArrivalClockForItsAreaUntilTheWorkerArrives() {
        String id = submit("AFTER_SALES", "visit-" + UUID.randomUUID());
        awaitClock(id, "RESOLUTION", 1, "RUNNING");
        String visits = routing + "/api/cases/" + id + "/field-visits";

        Http.Response nowhere = Http.post(visits, "{\"area\":\"moon\"}");
        assertThat(nowhere.status()).isEqualTo(400);
        assertThat(nowhere.body().get("errors").get(0).get("field").asString()).isEqualTo("area");
        assertThat(Http.post(visits + "/arrival", "{\"arrivedBy\":\"field-3\"}").status()).isEqualTo(409);

        accepted(Http.post(visits, """
                {"area":"rural","location":"Xinhua village shop","reason":"inspect the kettle","requestedBy":"agent-7"}
                """));
        JsonNode arrival = awaitClock(id, "ON_SITE_ARRIVAL", 1, "RUNNING");
        assertThat(arrival.get("policyId").asString()).isEqualTo("rural-field-visits");
        assertThat(arrival.get("allowedSeconds").asLong()).isEqualTo(48 * 3600);
        assertThat(arrival.get("subject").get("area").asString()).isEqualTo("RURAL");
        assertThat(Http.post(visits, "{\"area\":\"town\"}").status()).isEqualTo(409); // the first is under way

        accepted(Http.post(visits + "/arrival", "{\"arrivedBy\":\"field-3\"}"));
        awaitClock(id, "ON_SITE_ARRIVAL", 1, "MET");
        JsonNode visited = awaitJson(routing + "/api/cases/" + id,
                c -> c.has("fieldVisit") && c.get("fieldVisit").get("state").asString().equals("ARRIVED"));
        List<String> history = new ArrayList<>();
        visited.get("history").forEach(h -> history.add(h.get("what").asString()));
        assertThat(history).containsSubsequence("ROUTED", "FIELD_VISIT_REQUESTED", "FIELD_VISIT_ARRIVED");

        // a second visit in town gets the town target
        accepted(Http.post(visits, "{\"area\":\"town\",\"requestedBy\":\"agent-7\"}"));
        assertThat(awaitClock(id, "ON_SITE_ARRIVAL", 2, "RUNNING").get("allowedSeconds").asLong()).isEqualTo(20 * 60);
    }

    @Test
    void aCaseIsAssignedFromTheRosterAndOwnershipPassesOnlyThroughRecordedHandOffs() {
        String id = submit("PRODUCT_QUALITY", "handoff-" + UUID.randomUUID());
        String cases = routing + "/api/cases/" + id;
        awaitJson(cases, c -> c.get("owner").asString().equals("agent-7"));
        // the quality queue's least loaded agent with the skill works on it; the receiving agent still owns it
        JsonNode assigned = awaitJson(cases, c -> c.has("assignee") && !c.get("assignee").isNull());
        assertThat(assigned.get("assignee").asString()).isIn("q-agent-1", "q-agent-2");
        assertThat(lastEntry(assigned, "ASSIGNED").get("actor").asString()).isEqualTo("routing");

        Http.Response noReason = Http.post(cases + "/handoffs", "{\"to\":\"q-agent-2\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(fieldsAtFault(noReason)).containsExactly("reason");
        assertThat(Http.post(cases + "/handoffs", "{\"to\":\"agent-7\",\"reason\":\"mine\"}").status())
                .isEqualTo(409);

        accepted(Http.post(cases + "/handoffs", """
                {"to":"q-agent-2","reason":"needs a quality engineer","by":"supervisor-2"}"""));
        JsonNode handedOff = awaitJson(cases, c -> c.get("owner").asString().equals("q-agent-2"));
        assertThat(handedOff.get("handOffs").asInt()).isEqualTo(1);
        JsonNode last = lastEntry(handedOff, "HANDED_OFF");
        assertThat(last.get("actor").asString()).isEqualTo("supervisor-2");
        assertThat(last.get("detail").get("fromOwner").asString()).isEqualTo("agent-7");
        assertThat(last.get("detail").get("reason").asString()).isEqualTo("needs a quality engineer");

        String previous = assigned.get("assignee").asString();
        assertThat(Http.post(cases + "/assignment", "{\"assignee\":\"" + previous + "\",\"reason\":\"x\"}").status())
                .isEqualTo(409);
        accepted(Http.post(cases + "/assignment", """
                {"assignee":"q-agent-9","reason":"%s is on leave","by":"supervisor-2"}""".formatted(previous)));
        JsonNode reassigned = awaitJson(cases, c -> c.has("assignee") && c.get("assignee").asString().equals("q-agent-9"));
        assertThat(lastEntry(reassigned, "ASSIGNED").get("actor").asString()).isEqualTo("supervisor-2");
    }

    @Test
    void anEscalationToManagerLandsInANamedManagersQueueWhoAloneMayGrantTheCompensation() {
        String id = submit("PRICE_BILLING", "refund-" + UUID.randomUUID());
        String cases = routing + "/api/cases/" + id;
        String agent = awaitJson(cases, c -> c.has("assignee") && !c.get("assignee").isNull()).get("assignee").asString();
        assertThat(agent).startsWith("s-agent-");
        accepted(Http.post(cases + "/escalations", """
                {"reason":"the customer wants the overcharge refunded with damages","targetLevel":"MANAGER","actor":"%s"}"""
                .formatted(agent)));
        JsonNode escalated = awaitJson(cases, c -> "s-manager".equals(c.path("assignee").asString()));
        assertThat(escalated.get("escalationLevel").asString()).isEqualTo("MANAGER");
        assertThat(lastEntry(escalated, "ASSIGNED").get("detail").get("reason").asString())
                .startsWith("escalated to MANAGER");
        JsonNode queue = awaitJson(routing + "/api/cases?assignee=s-manager&state=ESCALATED&size=500",
                q -> q.get("items").findValuesAsString("complaintId").contains(id));
        assertThat(queue.get("items").findValuesAsString("assignee")).containsOnly("s-manager");

        String resolution = """
                {"validity":"substantiated","finding":"company_fault","remedy":"compensation",
                 "compensation":{"amount":3000,"currency":"CNY"},"rootCause":"tariff table not updated",
                 "causeCode":"PRICING_ERROR","note":"We refund the overcharge and pay 3000 CNY for the trouble.",
                 "resolvedBy":"%s"}""";
        Http.Response byAgent = Http.post(cases + "/resolution", resolution.formatted(agent));
        assertThat(byAgent.status()).isEqualTo(409);
        assertThat(byAgent.body().get("detail").asString()).contains("needs the authority of MANAGER");
        Http.Response bySupervisor = Http.post(cases + "/resolution", resolution.formatted("s-supervisor"));
        assertThat(bySupervisor.status()).as("a supervisor may grant up to 2000 CNY").isEqualTo(409);
        accepted(Http.post(cases + "/resolution", resolution.formatted("s-manager")));
        JsonNode resolved = awaitJson(cases, c -> c.get("state").asString().equals("RESOLVED"));
        assertThat(resolved.get("resolution").get("compensation").get("amount").decimalValue())
                .isEqualByComparingTo("3000");
    }

    @Test
    void everyDashboardQueryReturnsDataFromAPrometheusScrapingTheSuite() throws Exception {
        DeployFiles.requiredInCi("prometheus", "prometheus", LocalPrometheus.binary());
        everyKindOfEventHasHappened();
        // something to count on the current instances: a complaint received and resolved
        String id = submit("PRICE_BILLING", "dashboards-" + UUID.randomUUID());
        awaitClock(id, "RESOLUTION", 1, "RUNNING");
        accepted(Http.post(routing + "/api/cases/" + id + "/resolution",
                REFUND));
        awaitClock(id, "RESOLUTION", 1, "MET");
        try (LocalPrometheus prometheus = LocalPrometheus.startIfInstalled(DeployFiles.HOME, suite.workDirectory(),
                suite.servicePorts(), RunningSuite.freePort(), Duration.ofSeconds(1)).orElseThrow()) {
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                        .until(() -> emptyDashboardQueries(prometheus.url()).isEmpty());
            } catch (ConditionTimeoutException e) {
                // reported below, with every query that stayed empty
            }
            assertThat(emptyDashboardQueries(prometheus.url())).as("dashboard queries without data").isEmpty();
        }
    }

    /** Dashboard panel → query, for every query Prometheus answers with no series. */
    private static Map<String, String> emptyDashboardQueries(String prometheusUrl) throws Exception {
        Map<String, String> empty = new TreeMap<>();
        // a target Prometheus cannot scrape explains every empty query of that service
        Http.get(prometheusUrl + "/api/v1/targets").body().get("data").get("activeTargets").forEach(target -> {
            if (!target.get("health").asString().equals("up")) {
                empty.put("scrape of " + target.get("scrapeUrl").asString(), target.get("lastError").asString());
            }
        });
        for (Path file : DeployFiles.dashboards()) {
            DeployFiles.dashboard(file).get("panels").forEach(panel -> panel.get("targets").forEach(t -> {
                String expr = t.get("expr").asString();
                Http.Response r = Http.get(prometheusUrl + "/api/v1/query?query="
                        + URLEncoder.encode(expr, StandardCharsets.UTF_8));
                if (r.status() != 200 || r.body().get("data").get("result").isEmpty()) {
                    empty.put(file.getFileName() + ": " + panel.get("title").asString(), expr);
                }
            }));
        }
        return empty;
    }

    @Test
    void everyMetricTheDashboardsAndAlertRulesUseIsExported() throws Exception {
        everyKindOfEventHasHappened();
        recordExportedMetrics();
        List<String> missing = new ArrayList<>();
        for (String expression : DeployFiles.expressions()) {
            for (String name : DeployFiles.metricNames(expression)) {
                if (!name.equals("up") && !EXPORTED.contains(name)) { // up is Prometheus's own
                    missing.add(name + " in " + expression.strip());
                }
            }
        }
        assertThat(missing).as("metric names no service exports").isEmpty();
    }

    @Test
    void everyServiceExportsTheMetricsTheReadmeLists() throws Exception {
        everyKindOfEventHasHappened();
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
        // open SLA clocks by state, tagged by target, category, department and priority (recounted every 15 s)
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(Http.get(sla + "/actuator/prometheus").raw())
                        .contains("complaint_sla_open_clocks{category=\"PRICE_BILLING\",department=\"service\","
                                + "priority=\"NORMAL\",service=\"sla-service\",state=\"on_track\",target=\"RESOLUTION\"}")
                        .contains("# TYPE complaint_sla_open_clocks gauge"));
    }

    @Test
    void everyEventTheServicesPublishedValidatesAgainstItsSchemaAndCarriesTheEnvelope() throws Exception {
        everyKindOfEventHasHappened();
        EventSchemas schemas = new EventSchemas();
        List<String> topics = List.of(Topic.INTAKE_COMPLAINTS.topicName(), Topic.ROUTING_CASES.topicName(),
                Topic.SLA_CLOCKS.topicName(), Topic.FEEDBACK_FOLLOWUPS.topicName(), Topic.FEEDBACK_MESSAGES.topicName());
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
                "ComplaintResolved", "SlaClockStarted", "SlaClockPaused", "SlaClockResumed", "SlaWarningReached",
                "SlaMet", "SlaBreached", "CaseAssigned", "CaseHandedOff", "FieldVisitRequested", "FieldVisitArrived", "CustomerContacted", "FollowUpScheduled",
                "FollowUpAttempted", "FollowUpCompleted", "FollowUpEnded", "ComplaintRevisited", "ComplaintClosed",
                "CustomerMessageIssued");
    }

    /** Remembers every metric name the running instances export now. */
    private static void recordExportedMetrics() {
        for (String instance : suite.running()) {
            Http.get(suite.url(instance) + "/actuator/prometheus").raw().lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("[{ ]", 2)[0])
                    .forEach(EXPORTED::add);
        }
    }

    private static final String MET_QUALITY_RESOLUTIONS = "complaint_sla_clocks_stopped_total{category=\"PRODUCT_QUALITY\","
            + "department=\"quality\",outcome=\"met\",priority=\"NORMAL\",service=\"sla-service\",target=\"RESOLUTION\"}";

    /** The value of one exported series of a service, 0 while it has not been exported. */
    private static double metric(String serviceUrl, String series) {
        return Http.get(serviceUrl + "/actuator/prometheus").raw().lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Breaches fired in one instance (its counter counts the breaches its own scheduler fired). */
    private static double breachesCountedBy(String instance) {
        return Http.get(suite.url(instance) + "/actuator/prometheus").raw().lines()
                .filter(line -> line.startsWith("complaint_sla_breaches_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static long breachesOf(String complaintId) {
        return breachesByComplaint().getOrDefault(complaintId, 0L);
    }

    /** Every SlaBreached published so far, counted by complaint (one read of the topic). */
    private static Map<String, Long> breachesByComplaint() {
        return TopicRecords.readAll(suite.bootstrapServers(), List.of(Topic.SLA_CLOCKS.topicName())).stream()
                .filter(r -> EventType.SLA_BREACHED.ceType().equals(header(r, CloudEventHeaders.TYPE)))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}

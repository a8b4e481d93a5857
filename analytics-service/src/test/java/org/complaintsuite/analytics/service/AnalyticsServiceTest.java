package org.complaintsuite.analytics.service;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.complaintsuite.analytics.AnalyticsApplication;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.ComplaintResolved;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.events.Topic;
import org.complaintsuite.events.Validity;
import org.complaintsuite.testing.ContractClient;
import org.complaintsuite.testing.SampleEvents;
import org.complaintsuite.testing.ServiceTesting;
import org.complaintsuite.testing.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * analytics-service on its own on the embedded infrastructure: the lifecycle topics fed as the other
 * services publish them, the summary read through its HTTP API and checked against its OpenAPI document.
 */
@SpringBootTest(classes = AnalyticsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class AnalyticsServiceTest {

    private static final String SUMMARY = "/api/analytics/summary";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTesting.infrastructure(registry, "analytics-service");
    }

    @Autowired
    WebTestClient http;
    @Autowired
    ApplicationContext context;

    private ContractClient api;

    @BeforeEach
    void readContract() {
        api = new ContractClient(http);
    }

    @Test
    void everyEndpointIsInTheOpenApiDocument() {
        api.contract().assertEveryEndpointDocumented(context);
    }

    @Test
    void theSummaryCountsEachContactOnceByKindAndEachResolution() {
        JsonNode before = api.get(SUMMARY, 200).json();
        ComplaintId complaint = SampleEvents.newComplaintId();
        ComplaintId query = SampleEvents.newComplaintId();
        String ceId = TopicProbe.publish(SampleEvents.complaint(complaint, Category.PRICE_BILLING));
        TopicProbe.publish(ceId, SampleEvents.complaint(complaint, Category.PRICE_BILLING)); // a redelivery
        TopicProbe.publish(SampleEvents.received(query, RequestKind.QUERY, Category.PRICE_BILLING, Priority.NORMAL,
                null, Instant.now()));
        TopicProbe.publish(new ComplaintResolved(complaint, 1, Category.PRICE_BILLING, "COMPANY_FAULT", "REFUND",
                "tariff error", "We refund you.", "agent-7", Instant.now(), Validity.SUBSTANTIATED, null));

        JsonNode after = api.awaitGet(SUMMARY, s -> s.path("resolved").asLong() > before.path("resolved").asLong()
                && s.path("received").asLong() >= before.path("received").asLong() + 2);
        assertThat(after.path("received").asLong()).isEqualTo(before.path("received").asLong() + 2);
        assertThat(delta(before, after, "byKind", "COMPLAINT")).isEqualTo(1);
        assertThat(delta(before, after, "byKind", "QUERY")).isEqualTo(1);
        assertThat(delta(before, after, "byCategory", "PRICE_BILLING")).isEqualTo(2);
        assertThat(delta(before, after, "byChannel", "WEB")).isEqualTo(1);
        assertThat(after.path("open").asLong()).as("the complaint was resolved, a query is not tracked")
                .isEqualTo(before.path("open").asLong());
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheNextEventIsStillCounted() {
        try (TopicProbe deadLetters = TopicProbe.from(Topic.FEEDBACK_FOLLOWUPS.deadLetterTopicName())) {
            String key = "poison-" + UUID.randomUUID();
            TopicProbe.send(new ProducerRecord<>(Topic.FEEDBACK_FOLLOWUPS.topicName(), key,
                    "{}".getBytes(StandardCharsets.UTF_8)));
            JsonNode before = api.get(SUMMARY, 200).json();
            TopicProbe.publish(SampleEvents.complaint(SampleEvents.newComplaintId(), Category.AFTER_SALES));

            ConsumerRecord<String, byte[]> dead = deadLetters.await(r -> key.equals(r.key()));
            assertThat(TopicProbe.header(dead, "dlt_reason")).contains("missing header ce_id");
            api.awaitGet(SUMMARY, s -> s.path("received").asLong() == before.path("received").asLong() + 1);
        }
    }

    private static long delta(JsonNode before, JsonNode after, String breakdown, String key) {
        return after.path(breakdown).path(key).asLong() - before.path(breakdown).path(key).asLong();
    }
}

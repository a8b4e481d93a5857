package org.complaintsuite.analytics.service;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.ComplaintResolved;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.events.Topic;
import org.complaintsuite.events.Validity;
import org.complaintsuite.testing.SampleEvents;
import org.complaintsuite.testing.ServiceTest;
import org.complaintsuite.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * analytics-service on its own on the embedded infrastructure: the lifecycle topics fed as the other
 * services publish them, the summary read through its HTTP API and checked against its OpenAPI document.
 */
class AnalyticsServiceTest extends ServiceTest {

    private static final String SUMMARY = "/api/analytics/summary";


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
                "tariff error", "We refund you.", "agent-7", Instant.now(), Validity.SUBSTANTIATED, null, null, null, null, null));

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

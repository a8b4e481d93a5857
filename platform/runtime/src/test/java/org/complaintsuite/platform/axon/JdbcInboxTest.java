package org.complaintsuite.platform.axon;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.complaintsuite.embedded.EmbeddedPostgresServer;
import org.complaintsuite.events.ComplaintClosed;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.platform.envelope.CloudEventEnvelope;
import org.complaintsuite.platform.envelope.InboundEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The inbox of an event-sourced service on real PostgreSQL: each ce_id handled once, atomically. */
class JdbcInboxTest {

    private static EmbeddedPostgresServer postgres;
    private static JdbcTemplate jdbc;
    private static DataSourceTransactionManager transactions;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<InboundEvent> handled = new ArrayList<>();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgresServer.startTemporary();
        postgres.createDatabases(List.of("inbox"));
        DriverManagerDataSource dataSource = new DriverManagerDataSource(postgres.jdbcUrl("inbox"), "postgres",
                "postgres");
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void aRedeliveredEventIsHandledOnceAndCountedAsADuplicate() {
        JdbcInbox inbox = new JdbcInbox(jdbc, transactions, "routing-service", meters);
        ConsumerRecord<String, byte[]> record = closed(UUID.randomUUID().toString());
        inbox.receive(record, handled::add);
        inbox.receive(record, handled::add);
        assertThat(handled).hasSize(1);
        assertThat(counted("processed")).isEqualTo(1);
        assertThat(counted("duplicate")).isEqualTo(1);
    }

    @Test
    void aHandlerThatFailsLeavesNothingRecordedSoTheRedeliveryIsHandled() {
        JdbcInbox inbox = new JdbcInbox(jdbc, transactions, "routing-service", meters);
        String ceId = UUID.randomUUID().toString();
        jdbc.update("create table if not exists side_effect (ce_id varchar(120))");
        Consumer<InboundEvent> failing = event -> {
            jdbc.update("insert into side_effect values (?)", event.ceId());
            throw new IllegalStateException("the event store is away");
        };
        assertThatThrownBy(() -> inbox.receive(closed(ceId), failing)).hasMessageContaining("event store is away");
        assertThat(jdbc.queryForObject("select count(*) from side_effect where ce_id = ?", Long.class, ceId))
                .as("the handler's writes are rolled back with the inbox's").isZero();

        inbox.receive(closed(ceId), handled::add);
        assertThat(handled).extracting(InboundEvent::ceId).containsExactly(ceId);
    }

    @Test
    void eachConsumerHasItsOwnRecordOfWhatItHandled() {
        ConsumerRecord<String, byte[]> record = closed(UUID.randomUUID().toString());
        new JdbcInbox(jdbc, transactions, "routing-service", meters).receive(record, handled::add);
        new JdbcInbox(jdbc, transactions, "sla-service", meters).receive(record, handled::add);
        assertThat(handled).hasSize(2);
    }

    @Test
    void anEventOfATypeThisSuiteDoesNotKnowIsSkipped() {
        JdbcInbox inbox = new JdbcInbox(jdbc, transactions, "routing-service", meters);
        ConsumerRecord<String, byte[]> known = closed(UUID.randomUUID().toString());
        RecordHeaders headers = new RecordHeaders(known.headers().toArray());
        headers.remove("ce_type").add("ce_type", "org.complaintsuite.SomethingNew.v1".getBytes());
        inbox.receive(new ConsumerRecord<>(known.topic(), 0, 1L, 0L, TimestampType.CREATE_TIME, -1, -1, known.key(),
                known.value(), headers, Optional.empty()), handled::add);
        assertThat(handled).isEmpty();
        assertThat(meters.counter("complaint.events.consumed", "topic", known.topic(), "type", "unknown",
                "outcome", "skipped").count()).isEqualTo(1);
    }

    private double counted(String outcome) {
        return meters.counter("complaint.events.consumed", "topic", "feedback.followups.v1", "type", "ComplaintClosed",
                "outcome", outcome).count();
    }

    private static ConsumerRecord<String, byte[]> closed(String ceId) {
        ProducerRecord<String, byte[]> sent = CloudEventEnvelope.toRecord(ceId, "/feedback-service", Instant.now(),
                new ComplaintClosed(ComplaintId.of("c-" + ceId), 1, 5, Instant.now()), null, null);
        return new ConsumerRecord<>(sent.topic(), 0, 0L, sent.timestamp(), TimestampType.CREATE_TIME, -1, -1,
                sent.key(), sent.value(), sent.headers(), Optional.empty());
    }
}

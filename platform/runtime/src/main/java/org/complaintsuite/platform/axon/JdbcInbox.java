package org.complaintsuite.platform.axon;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.complaintsuite.platform.consume.Inbox;
import org.complaintsuite.platform.consume.InboxMetrics;
import org.complaintsuite.platform.envelope.CloudEventEnvelope;
import org.complaintsuite.platform.envelope.InboundEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Records each processed {@code ce_id} in the service's PostgreSQL database in the same transaction as
 * the events the handler appends (Axon joins the surrounding transaction). Either both are stored or
 * neither, so a redelivered record changes nothing and a failed one is retried in full.
 */
public class JdbcInbox implements Inbox {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final String consumer;
    private final InboxMetrics metrics;

    public JdbcInbox(JdbcTemplate jdbc, PlatformTransactionManager transactions, String consumer, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.consumer = consumer;
        this.metrics = new InboxMetrics(meters);
        jdbc.execute("""
                create table if not exists processed_event (
                    consumer     varchar(80)  not null,
                    ce_id        varchar(120) not null,
                    processed_at timestamptz  not null default now(),
                    primary key (consumer, ce_id))""");
    }

    @Override
    public void receive(ConsumerRecord<String, byte[]> record, Consumer<InboundEvent> handler) {
        Optional<InboundEvent> decoded = CloudEventEnvelope.fromRecord(record);
        if (decoded.isEmpty()) {
            metrics.count(record, "unknown", "skipped");
            return;
        }
        InboundEvent event = decoded.get();
        boolean processed = Boolean.TRUE.equals(transaction.execute(status -> {
            int inserted = jdbc.update(
                    "insert into processed_event (consumer, ce_id) values (?, ?) on conflict do nothing",
                    consumer, event.ceId());
            if (inserted == 0) {
                return false;
            }
            handler.accept(event);
            return true;
        }));
        metrics.count(record, event.type().simpleName(), processed ? "processed" : "duplicate");
    }
}

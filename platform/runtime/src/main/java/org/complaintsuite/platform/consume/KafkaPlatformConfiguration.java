package org.complaintsuite.platform.consume;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.complaintsuite.events.Topic;
import org.complaintsuite.platform.envelope.PoisonRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Kafka plumbing every service shares: the topics of the registry (created when missing, never
 * altered), and an error handler that retries transient failures (a store or broker out of reach) with
 * back-off for as long as they last, never dead-lettering a valid record for them, and sends records
 * that can never succeed to {@code <topic>.dlt} with the reason in headers, so the partition keeps flowing.
 */
@AutoConfiguration
public class KafkaPlatformConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaPlatformConfiguration.class);
    public static final String REASON_HEADER = "dlt_reason";

    @Bean
    KafkaAdmin.NewTopics suiteTopics() {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic topic : Topic.all()) {
            TopicBuilder builder = TopicBuilder.name(topic.topicName()).partitions(topic.partitions()).replicas(1);
            builder = topic.retention() == null
                    ? builder.config("retention.ms", "-1")
                    : builder.config("retention.ms", String.valueOf(topic.retention().toMillis()));
            topics.add(builder.build());
            topics.add(TopicBuilder.name(topic.deadLetterTopicName()).partitions(1).replicas(1)
                    .config("retention.ms", "-1").build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    DefaultErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, byte[]> template, MeterRegistry meters) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> {
                    meters.counter("complaint.dead.letters", "topic", record.topic()).increment();
                    log.warn("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                            reason(e));
                    return new TopicPartition(record.topic() + Topic.DEAD_LETTER_SUFFIX, -1);
                });
        recoverer.setHeadersFunction((record, e) -> {
            RecordHeaders headers = new RecordHeaders();
            headers.add(REASON_HEADER, reason(e).getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, withinThirtySeconds());
        handler.setBackOffFunction((record, e) -> {
            if (TransientFailures.isTransient(e)) {
                log.warn("{}-{}@{} waits for a transient failure to pass: {}", record.topic(), record.partition(),
                        record.offset(), reason(e));
            }
            return backOffFor(e);
        });
        handler.addNotRetryableExceptions(PoisonRecordException.class, IllegalArgumentException.class,
                IllegalStateException.class);
        // the records polled after a failed one are handled from memory, not fetched again: a run of
        // poison records costs one dead-letter send each instead of one re-fetch each
        handler.setSeekAfterError(false);
        return handler;
    }

    /**
     * A transient failure is retried until it passes (every 30 s at most once it has lasted a while); any
     * other is retried for up to 30 s (a race with another writer, a view not caught up) before the record
     * is dead-lettered.
     */
    static BackOff backOffFor(Exception e) {
        if (!TransientFailures.isTransient(e)) {
            return withinThirtySeconds();
        }
        ExponentialBackOff untilItPasses = new ExponentialBackOff(200, 2.0);
        untilItPasses.setMaxInterval(30_000);
        return untilItPasses;
    }

    private static BackOff withinThirtySeconds() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(30_000);
        return backOff;
    }

    static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause != cause.getCause()
                && !(cause instanceof PoisonRecordException)) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}

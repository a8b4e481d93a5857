package org.complaintsuite.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.complaintsuite.events.EventJson;
import org.complaintsuite.events.LifecycleEvent;
import org.complaintsuite.platform.envelope.CloudEventEnvelope;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * A topic read as an outside client reads it, from the moment the probe is made: every record published
 * after that, with its key, headers and payload. Also sends records as a channel gateway would.
 */
public final class TopicProbe implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private TopicProbe(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ServiceTesting.kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fixes "from now" before anything else is published
    }

    public static TopicProbe from(String topic) {
        return new TopicProbe(topic);
    }

    /** The first record since the probe was made that matches; fails after a minute without one. */
    public ConsumerRecord<String, byte[]> await(Predicate<ConsumerRecord<String, byte[]>> matching) {
        Instant until = Instant.now().plus(PATIENCE);
        while (true) {
            for (ConsumerRecord<String, byte[]> record : seen) {
                if (matching.test(record)) {
                    return record;
                }
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("no matching record within " + PATIENCE + "; seen " + seen.size());
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
    }

    /** The first record with this key and {@code ce_type}. */
    public ConsumerRecord<String, byte[]> await(String key, String type) {
        return await(r -> key.equals(r.key()) && type.equals(header(r, "ce_type")));
    }

    /** Every record seen so far with this key (after reading what has arrived). */
    public List<ConsumerRecord<String, byte[]>> seenFor(String key) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream().filter(r -> key.equals(r.key())).toList();
    }

    /** Every record seen so far (after reading what has arrived). */
    public List<ConsumerRecord<String, byte[]>> seen() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return List.copyOf(seen);
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static JsonNode payload(ConsumerRecord<String, byte[]> record) {
        return EventJson.mapper().readTree(record.value());
    }

    /** Publishes an event as its producing service does (CloudEvents headers, its topic); answers its ce_id. */
    public static String publish(LifecycleEvent event) {
        String ceId = UUID.randomUUID().toString();
        publish(ceId, event);
        return ceId;
    }

    /** Publishes an event with the given ce_id: the same id again is a redelivery. */
    public static void publish(String ceId, LifecycleEvent event) {
        send(CloudEventEnvelope.toRecord(ceId, "suite-test", Instant.now(), event, null, null));
    }

    /** Sends a record without headers, as a channel gateway does, and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, byte[] value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    public static void send(ProducerRecord<String, byte[]> record) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ServiceTesting.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not send to " + record.topic(), e.getCause());
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}

package org.complaintsuite.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.complaintsuite.events.CloudEventHeaders;
import org.complaintsuite.events.EventJson;
import org.complaintsuite.events.EventType;
import org.complaintsuite.events.SlaBreached;
import org.complaintsuite.events.SlaClockStarted;
import org.complaintsuite.events.Topic;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads {@code sla.clocks.v1} as an integrator would, and remembers when each clock was seen to start
 * and every breach: when it was due, when the service fired it, and when it arrived on Kafka.
 */
final class ClockEventTap implements AutoCloseable {

    record Breach(String clockId, Instant dueAt, Instant breachedAt, Instant seenAt) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final AtomicLong started = new AtomicLong();
    private final Map<String, Instant> startSeen = new ConcurrentHashMap<>();
    private final Map<String, List<Breach>> breaches = new ConcurrentHashMap<>();
    private final AtomicLong breachCount = new AtomicLong();
    private volatile boolean running = true;

    ClockEventTap(String bootstrap) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        List<TopicPartition> partitions = consumer.partitionsFor(Topic.SLA_CLOCKS.topicName()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = Thread.ofPlatform().name("clock-event-tap").daemon().start(this::run);
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    take(record, Instant.now());
                }
            }
        } catch (WakeupException stopping) {
            // closed
        } finally {
            consumer.close();
        }
    }

    private void take(ConsumerRecord<String, byte[]> record, Instant seenAt) {
        var type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        if (type == null) {
            return;
        }
        String ceType = new String(type.value(), StandardCharsets.UTF_8);
        if (EventType.SLA_CLOCK_STARTED.ceType().equals(ceType)) {
            SlaClockStarted e = EventJson.read(record.value(), SlaClockStarted.class);
            startSeen.putIfAbsent(e.clockId(), seenAt);
            started.incrementAndGet();
        } else if (EventType.SLA_BREACHED.ceType().equals(ceType)) {
            SlaBreached e = EventJson.read(record.value(), SlaBreached.class);
            breaches.computeIfAbsent(e.clockId(), id -> new CopyOnWriteArrayList<>())
                    .add(new Breach(e.clockId(), e.dueAt(), e.breachedAt(), seenAt));
            breachCount.incrementAndGet();
        }
    }

    long started() {
        return started.get();
    }

    long breachCount() {
        return breachCount.get();
    }

    Instant startSeen(String clockId) {
        return startSeen.get(clockId);
    }

    /** Every breach of the clocks whose id starts with the prefix (one entry per breach, repeats included). */
    List<Breach> breachesOf(String clockIdPrefix) {
        return breaches.entrySet().stream().filter(e -> e.getKey().startsWith(clockIdPrefix))
                .flatMap(e -> e.getValue().stream()).toList();
    }

    long clocksBreachedMoreThanOnce() {
        return breaches.values().stream().filter(list -> list.size() > 1).count();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5000);
    }
}

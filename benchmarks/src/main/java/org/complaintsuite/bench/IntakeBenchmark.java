package org.complaintsuite.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.complaintsuite.embedded.EmbeddedInfrastructure;
import org.complaintsuite.embedded.ServiceProcess;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.Topic;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives the real intake-service (its runnable jar, on the embedded Kafka, PostgreSQL and Mongo-protocol
 * store) with distinct complaints over HTTP and over {@code intake.submissions.v1}, and reports sustained
 * accepted complaints per second and accept latency for each, next to raw Kafka producer throughput
 * with records of the same size on the same broker, measured in the same run.
 *
 * <p>HTTP latency is request to 202 (the complaint's event is stored). Kafka latency is the submission's
 * record timestamp to the {@code ComplaintReceived} record the relay published after storing it.
 */
public final class IntakeBenchmark {

    record Options(int http, int concurrency, int kafka, int kafkaRate, int kafkaSeconds, String heap) {

        static Options parse(String[] args) {
            Map<String, String> o = BenchInfrastructure.options(args, Map.of("http", "20000", "concurrency", "32",
                    "kafka", "20000", "kafka-rate", "100", "kafka-seconds", "30", "heap", "512m"));
            return new Options(Integer.parseInt(o.get("http")), Integer.parseInt(o.get("concurrency")),
                    Integer.parseInt(o.get("kafka")), Integer.parseInt(o.get("kafka-rate")),
                    Integer.parseInt(o.get("kafka-seconds")), o.get("heap"));
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Options options;
    private final Path work;
    private final BenchInfrastructure.Report report = new BenchInfrastructure.Report();
    private BenchInfrastructure infra;
    private KafkaProducer<String, byte[]> producer;
    private ServiceProcess intake;
    private int port;

    private IntakeBenchmark(Options options, Path work) {
        this.options = options;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        IntakeBenchmark benchmark = new IntakeBenchmark(Options.parse(args), Files.createTempDirectory("intake-bench"));
        try {
            benchmark.run();
        } finally {
            benchmark.close();
        }
        benchmark.report.print();
    }

    private void run() throws Exception {
        infra = BenchInfrastructure.start(work, "intake");
        producer = infra.producer;
        say("machine: %d cores, %s; intake-service heap -Xmx%s; %d concurrent HTTP clients",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"), options.heap(),
                options.concurrency());
        double raw = rawKafka();
        startIntake();
        warmUp();
        double http = overHttp();
        double overKafka = overKafka();
        steadyOverKafka();
        say("ratios: raw Kafka / HTTP accepted = %.0f : 1; raw Kafka / Kafka accepted = %.0f : 1",
                raw / http, raw / overKafka);
    }

    private static String submission(String channel, String externalId, int n) {
        return """
                {"channel":"%s","externalId":"%s","customer":{"id":"bench-%d","name":"Customer %d","phone":"+86 138 %04d %04d"},
                 "subject":{"type":"PRODUCT","code":"SKU-%d"},"description":"热水器漏水，已经三天了。The heater leaks and \
                nobody came to repair it.","demand":"repair or replacement","receivedBy":"agent-%d"}"""
                .formatted(channel, externalId, n, n, (n / 10_000) % 10_000, n % 10_000, n, n % 50);
    }

    /** The baseline: this broker's producer throughput with records of a submission's size. */
    private double rawKafka() {
        int count = Math.max(options.kafka(), 50_000);
        byte[] value = submission("sms", "baseline", 1).getBytes(StandardCharsets.UTF_8);
        double rate = infra.rawKafka(count, value);
        say("raw Kafka producer: %,d records of %d bytes = %,.0f records/s", count, value.length, rate);
        return rate;
    }

    private void warmUp() throws Exception {
        sendOverHttp("warm", 2_000, 100_000_000);
    }

    private double overHttp() throws Exception {
        int n = options.http();
        long start = System.nanoTime();
        List<Long> latencies = sendOverHttp("http", n, 0);
        double seconds = seconds(start);
        say("HTTP: %,d complaints accepted (202, event stored) in %.1f s = %,.0f complaints/s; latency p50/p99/max = %s",
                n, seconds, n / seconds, Percentiles.of(latencies));
        return n / seconds;
    }

    /** Sends n distinct complaints from {@code concurrency} clients; answers each request's latency in ms. */
    private List<Long> sendOverHttp(String prefix, int n, int offset) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>(n));
        AtomicInteger failures = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(options.concurrency());
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < options.concurrency(); c++) {
            running.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    String body = submission("web", prefix + "-" + i, offset + i);
                    long sent = System.nanoTime();
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/api/complaints"))
                            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    latencies.add((System.nanoTime() - sent) / 1_000_000);
                    if (response.statusCode() != 202) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        clients.shutdown();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " HTTP submissions were not accepted");
        }
        return latencies;
    }

    /** A backlog: every submission published at once; how fast does intake work through it? */
    private double overKafka() throws Exception {
        int n = options.kafka();
        long start = System.nanoTime();
        List<Long> latencies = overKafka("kafka", n, 0);
        double seconds = seconds(start);
        say("Kafka backlog: %,d submissions published at once on intake.submissions.v1, all registered and published"
                + " as ComplaintReceived in %.1f s = %,.0f complaints/s (latency includes the wait in the backlog:"
                + " p50/p99/max = %s)", n, seconds, n / seconds, Percentiles.of(latencies));
        return n / seconds;
    }

    /** Submissions arriving at a steady rate below capacity: the latency a gateway sees. */
    private void steadyOverKafka() throws Exception {
        int n = options.kafkaRate() * options.kafkaSeconds();
        List<Long> latencies = overKafka("steady", n, 1_000_000_000L / options.kafkaRate());
        say("Kafka steady: %,d submissions at %d/s for %d s; submission to ComplaintReceived on Kafka p50/p99/max = %s",
                n, options.kafkaRate(), options.kafkaSeconds(), Percentiles.of(latencies));
    }

    /**
     * Publishes n submissions ({@code gapNanos} apart, 0 = at once) and answers, for each, the time from its
     * record to the {@code ComplaintReceived} record the relay published once it was stored.
     */
    private List<Long> overKafka(String prefix, int n, long gapNanos) throws Exception {
        Map<String, Long> producedAt = new ConcurrentHashMap<>();
        List<Long> latencies = new ArrayList<>(n);
        try (KafkaConsumer<String, byte[]> tap = tap()) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                if (gapNanos > 0) {
                    long due = start + i * gapNanos;
                    while (System.nanoTime() < due) {
                        drain(tap, producedAt, latencies, Duration.ZERO);
                        Thread.sleep(1);
                    }
                }
                String externalId = prefix + "-" + i;
                String key = "SMS:" + externalId;
                producedAt.put(ComplaintId.fromNaturalKey(key).value(), System.currentTimeMillis());
                producer.send(new ProducerRecord<>(Topic.INTAKE_SUBMISSIONS.topicName(), key,
                        submission("sms", externalId, (prefix.equals("kafka") ? 1_000_000 : 2_000_000) + i)
                                .getBytes(StandardCharsets.UTF_8)));
                if (gapNanos > 0) {
                    producer.flush();
                }
            }
            producer.flush();
            long deadline = System.nanoTime() + Duration.ofSeconds(120 + n / 20).toNanos();
            while (latencies.size() < n) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + latencies.size() + " of " + n + " Kafka submissions registered");
                }
                drain(tap, producedAt, latencies, Duration.ofMillis(100));
            }
        }
        return latencies;
    }

    private static void drain(KafkaConsumer<String, byte[]> tap, Map<String, Long> producedAt, List<Long> latencies,
                              Duration wait) {
        for (ConsumerRecord<String, byte[]> r : tap.poll(wait)) {
            Long produced = producedAt.remove(r.key());
            if (produced != null) {
                latencies.add(r.timestamp() - produced);
            }
        }
    }

    private KafkaConsumer<String, byte[]> tap() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        List<TopicPartition> partitions = consumer.partitionsFor(Topic.INTAKE_COMPLAINTS.topicName()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start before anything is sent
        return consumer;
    }

    private void startIntake() throws Exception {
        port = EmbeddedInfrastructure.freePort();
        intake = infra.service("intake-service", port, Map.of(), work.resolve("intake-service.log"), options.heap());
        long start = System.nanoTime();
        intake.start();
        intake.awaitReady(Duration.ofMinutes(3));
        say("intake-service ready %.1f s after start", seconds(start));
    }

    private void close() {
        if (infra != null) {
            infra.close(intake);
        }
    }

    private static double seconds(long startNanos) {
        return BenchInfrastructure.seconds(startNanos);
    }

    private void say(String format, Object... args) {
        report.say(format, args);
    }
}

package org.complaintsuite.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.complaintsuite.bench.ClockEventTap.Breach;
import org.complaintsuite.embedded.EmbeddedInfrastructure;
import org.complaintsuite.embedded.ServiceProcess;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.ComplaintRouted;
import org.complaintsuite.events.EscalationLevel;
import org.complaintsuite.events.HandlingMode;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.platform.envelope.CloudEventEnvelope;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/**
 * Opens many SLA clocks in the real sla-service (its runnable jar, on the embedded Kafka and PostgreSQL)
 * and reports how fast clocks open next to raw Kafka producer throughput on the same broker, how late
 * breaches fire at a steady rate and in a burst, breaches per second, memory, and how long a killed
 * service takes to recover with every pending deadline in its table.
 *
 * <p>Clocks are opened by publishing {@code ComplaintRouted} events, as routing does. A clock's due time
 * is its {@code openedAt} plus the policy's hour, so the benchmark chooses when each breach falls due.
 */
public final class SlaBenchmark {

    private static final Duration TARGET = Duration.ofHours(1);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Options(int clocks, int steadyRate, int steadySeconds, int burst, int outageClocks, int outageSeconds,
                   String heap) {

        static Options parse(String[] args) {
            Map<String, String> o = BenchInfrastructure.options(args, Map.of("clocks", "100000", "steady-rate", "200",
                    "steady-seconds", "30", "burst", "10000", "outage-clocks", "2000", "outage-seconds", "10",
                    "heap", "512m"));
            return new Options(Integer.parseInt(o.get("clocks")), Integer.parseInt(o.get("steady-rate")),
                    Integer.parseInt(o.get("steady-seconds")), Integer.parseInt(o.get("burst")),
                    Integer.parseInt(o.get("outage-clocks")), Integer.parseInt(o.get("outage-seconds")), o.get("heap"));
        }
    }

    private final Options options;
    private final Path work;
    private final BenchInfrastructure.Report report = new BenchInfrastructure.Report();
    private BenchInfrastructure infra;
    private KafkaProducer<String, byte[]> producer;
    private ServiceProcess sla;
    private int slaPort;
    private ClockEventTap tap;
    private MemorySampler memory;
    private double rawKafkaRate;
    private double openRate;

    private SlaBenchmark(Options options, Path work) {
        this.options = options;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        SlaBenchmark benchmark = new SlaBenchmark(options, Files.createTempDirectory("sla-benchmark"));
        try {
            benchmark.run();
        } finally {
            benchmark.close();
        }
        benchmark.report.print();
    }

    private void run() throws Exception {
        infra = BenchInfrastructure.start(work, "sla");
        producer = infra.producer;
        say("machine: %d cores, %s; sla-service heap -Xmx%s; policy: RESOLUTION %s, no warnings (one deadline a clock)",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"), options.heap(),
                TARGET);
        measureRawKafka();
        startSla();
        tap = new ClockEventTap(infra.kafka.bootstrapServers());
        openClocks();
        steadyBreaches();
        burstOfBreaches();
        restartWithPendingDeadlines();
        exactlyOnce();
    }

    // ---- phases ---------------------------------------------------------------------------------------

    /** The baseline: how fast this broker takes records of the same size, with the same producer settings. */
    private void measureRawKafka() throws Exception {
        int count = Math.max(options.clocks(), 50_000);
        byte[] value = routedRecord("baseline-0", Instant.now()).value();
        rawKafkaRate = infra.rawKafka(count, value);
        say("raw Kafka producer: %,d records of %d bytes = %,.0f records/s", count, value.length, rawKafkaRate);
    }

    /** Opens the main population of clocks; they fall due in an hour, long after the run. */
    private void openClocks() throws Exception {
        int n = options.clocks();
        long start = System.nanoTime();
        Instant now = Instant.now();
        publish("open", n, i -> now);
        await("clocks opened", () -> tap.started() >= n, Duration.ofSeconds(120 + n / 50));
        double seconds = seconds(start);
        openRate = n / seconds;
        say("open: %,d clocks started (event stored, deadline persisted, SlaClockStarted on Kafka) in %.1f s"
                + " = %,.0f clocks/s; raw Kafka / clocks = %.0f : 1", n, seconds, openRate, rawKafkaRate / openRate);
        say("      pending deadlines in PostgreSQL: %,d; sla database %s", pendingDeadlines(), databaseSize());
        say("      memory after opening: %s", memory.describe(slaUrl()));
    }

    /** Clocks falling due one after another at a steady rate: how late is each breach? */
    private void steadyBreaches() throws Exception {
        int n = options.steadyRate() * options.steadySeconds();
        Instant firstDue = Instant.now().plus(openingTime(n));
        long gapNanos = 1_000_000_000L / options.steadyRate();
        long before = tap.started();
        publish("steady", n, i -> firstDue.minus(TARGET).plusNanos(i * gapNanos));
        await("steady clocks opened", () -> tap.started() >= before + n, Duration.ofSeconds(120 + n / 50));
        Instant lastDue = firstDue.plusNanos((n - 1) * gapNanos);
        await("steady breaches", () -> distinctClocks(tap.breachesOf(clockPrefix("steady"))) >= n,
                Duration.between(Instant.now(), lastDue).plusSeconds(120));
        say("steady: %,d breaches due at %d/s over %d s: %s", n, options.steadyRate(), options.steadySeconds(),
                lateness(tap.breachesOf(clockPrefix("steady"))));
    }

    /** Many clocks falling due at the same instant: how fast are they all fired? */
    private void burstOfBreaches() throws Exception {
        int n = options.burst();
        Instant due = Instant.now().plus(openingTime(n));
        long before = tap.started();
        publish("burst", n, i -> due.minus(TARGET));
        await("burst clocks opened", () -> tap.started() >= before + n, Duration.ofSeconds(120 + n / 50));
        await("burst breaches", () -> distinctClocks(tap.breachesOf(clockPrefix("burst"))) >= n,
                Duration.between(Instant.now(), due).plusSeconds(120 + n / 20));
        List<Breach> burst = tap.breachesOf(clockPrefix("burst"));
        Instant lastFired = burst.stream().map(Breach::breachedAt).max(Instant::compareTo).orElseThrow();
        double drain = Math.max(0.001, Duration.between(due, lastFired).toMillis() / 1000.0);
        say("burst: %,d breaches due at one instant, all fired within %.1f s = %,.0f breaches/s; %s", n, drain,
                n / drain, lateness(burst));
        say("       memory after the burst: %s", memory.describe(slaUrl()));
    }

    /** Kill -9 with every pending deadline in the table; some fall due while the service is down. */
    private void restartWithPendingDeadlines() throws Exception {
        int n = options.outageClocks();
        Instant killAt = Instant.now().plus(openingTime(n));
        Instant due = killAt.plusSeconds(Math.max(1, options.outageSeconds() / 2));
        long before = tap.started();
        publish("outage", n, i -> due.minus(TARGET));
        await("outage clocks opened", () -> tap.started() >= before + n, Duration.ofSeconds(120 + n / 50));
        sleepUntil(killAt);
        long pending = pendingDeadlines();
        sla.kill();
        Thread.sleep(Duration.ofSeconds(options.outageSeconds()));
        long restart = System.nanoTime();
        Instant restartedAt = Instant.now();
        sla = slaProcess();
        sla.start();
        sla.awaitReady(Duration.ofMinutes(5));
        double ready = seconds(restart);
        await("overdue breaches after the restart", () -> distinctClocks(tap.breachesOf(clockPrefix("outage"))) >= n,
                Duration.ofMinutes(5));
        List<Breach> outage = tap.breachesOf(clockPrefix("outage"));
        Instant lastFired = outage.stream().map(Breach::breachedAt).max(Instant::compareTo).orElseThrow();
        say("restart: killed (SIGKILL) with %,d pending deadlines, %,d of them falling due during a %d s outage;"
                        + " ready %.1f s after start, all %,d overdue breaches fired %.1f s after start", pending, n,
                options.outageSeconds(), ready, n, Duration.between(restartedAt, lastFired).toMillis() / 1000.0);
        say("         memory after the restart: %s", memory.describe(slaUrl()));
    }

    private void exactlyOnce() throws Exception {
        Thread.sleep(Duration.ofSeconds(5)); // anything fired twice would have arrived by now
        long early = tap.breachesOf(clockPrefix("open")).size();
        long beforeDue = tap.breachesOf("bench-").stream().filter(b -> b.breachedAt().isBefore(b.dueAt())).count();
        say("exactly once: %,d breaches seen; clocks breached more than once: %d; breaches before their due time: %d;"
                        + " breaches of clocks not yet due: %d", tap.breachCount(), tap.clocksBreachedMoreThanOnce(),
                beforeDue, early);
    }

    // ---- helpers --------------------------------------------------------------------------------------

    /** How long opening n clocks should take at the measured rate, with room to spare. */
    private Duration openingTime(int n) {
        return Duration.ofMillis((long) (n / openRate * 1500) + 10_000);
    }

    private String lateness(List<Breach> breaches) {
        List<Long> fired = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        long startedLate = 0;
        for (Breach b : breaches) {
            Instant startSeen = tap.startSeen(b.clockId());
            if (startSeen != null && startSeen.isAfter(b.dueAt())) {
                startedLate++; // opened after it was due: that is consumer lag, not deadline lateness
                continue;
            }
            fired.add(Duration.between(b.dueAt(), b.breachedAt()).toMillis());
            seen.add(Duration.between(b.dueAt(), b.seenAt()).toMillis());
        }
        return "fired after due p50/p99/max = %s; seen on Kafka after due p50/p99/max = %s%s".formatted(
                Percentiles.of(fired), Percentiles.of(seen),
                startedLate == 0 ? "" : "; %,d clocks left out (started after their due time)".formatted(startedLate));
    }

    private static long distinctClocks(List<Breach> breaches) {
        return breaches.stream().map(Breach::clockId).distinct().count();
    }

    private static String clockPrefix(String phase) {
        return "bench-" + phase + "-";
    }

    private void publish(String phase, int count, IntFunction<Instant> openedAt) {
        AtomicLong failed = new AtomicLong();
        for (int i = 0; i < count; i++) {
            producer.send(routedRecord(clockPrefix(phase) + i, openedAt.apply(i)), (m, e) -> {
                if (e != null) {
                    failed.incrementAndGet();
                }
            });
        }
        producer.flush();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " records could not be published");
        }
    }

    private static ProducerRecord<String, byte[]> routedRecord(String complaintId, Instant openedAt) {
        ComplaintRouted routed = new ComplaintRouted(ComplaintId.of(complaintId), 1, RequestKind.COMPLAINT,
                Category.PRICE_BILLING, HandlingMode.ON_THE_SPOT, "service", EscalationLevel.AGENT, "benchmark",
                openedAt, openedAt, Channel.PHONE, Priority.NORMAL, "benchmark-agent",
                null, "PRODUCT");
        return CloudEventEnvelope.toRecord(UUID.randomUUID().toString(), "/routing-service", Instant.now(), routed,
                complaintId, null);
    }

    private long pendingDeadlines() throws Exception {
        return queryLong("select count(*) from scheduled_tasks");
    }

    private String databaseSize() throws Exception {
        return "%,d MB".formatted(queryLong("select pg_database_size('sla')") / (1024 * 1024));
    }

    private long queryLong(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(infra.postgres.jdbcUrl("sla"), "postgres", "postgres");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void await(String what, BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static void sleepUntil(Instant at) throws InterruptedException {
        Duration left = Duration.between(Instant.now(), at);
        if (!left.isNegative()) {
            Thread.sleep(left);
        }
    }

    private static double seconds(long startNanos) {
        return BenchInfrastructure.seconds(startNanos);
    }

    private void say(String format, Object... args) {
        report.say(format, args);
    }

    // ---- infrastructure -------------------------------------------------------------------------------

    private void startSla() throws Exception {
        Files.writeString(work.resolve("sla-policies.yml"), """
                zone: UTC
                warnAt: []
                policies:
                  - id: benchmark
                    version: "1"
                    match: {kinds: [COMPLAINT]}
                    targets:
                      RESOLUTION: {duration: %s}
                """.formatted(TARGET));
        slaPort = EmbeddedInfrastructure.freePort();
        sla = slaProcess();
        long start = System.nanoTime();
        sla.start();
        sla.awaitReady(Duration.ofMinutes(3));
        say("sla-service ready %.1f s after start (empty database)", seconds(start));
        memory = new MemorySampler(() -> sla);
    }

    private ServiceProcess slaProcess() throws IOException {
        return infra.service("sla-service", slaPort, Map.of("SLA_POLICIES", work.resolve("sla-policies.yml").toString()),
                work.resolve("sla-service.log"), options.heap());
    }

    private String slaUrl() {
        return "http://127.0.0.1:" + slaPort;
    }

    static String get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Stops everything that was started, in reverse order, each even if another fails to stop. */
    private void close() {
        if (infra != null) {
            infra.close(memory, tap, sla);
        } else {
            for (AutoCloseable resource : Arrays.asList(memory, tap, sla)) {
                try {
                    if (resource != null) {
                        resource.close();
                    }
                } catch (Exception e) {
                    System.err.println("[benchmark] could not stop " + resource + ": " + e);
                }
            }
        }
    }
}

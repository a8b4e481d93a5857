package org.complaintsuite.embedded;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./suite up}: starts PostgreSQL, the Mongo-protocol store and a Kafka broker on embedded
 * defaults, then the five services as separate processes; waits until all are ready; stops everything
 * on Ctrl-C or {@code ./suite down}. All data lives under the data folder, so a restart keeps it.
 */
public final class LocalSuite {

    private final Path home;
    private final Path data;
    private final String version;
    private final List<AutoCloseable> started = new ArrayList<>();

    private LocalSuite(Path home, Path data, String version) {
        this.home = home;
        this.data = data;
        this.version = version;
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("suite.home", ".")).toAbsolutePath().normalize();
        Path data = Path.of(env("SUITE_DATA_DIR", home.resolve("data").toString())).toAbsolutePath().normalize();
        String version = System.getProperty("suite.version", "0.1.0-SNAPSHOT");
        String command = args.length == 0 ? "up" : args[0];
        switch (command) {
            case "up" -> new LocalSuite(home, data, version).up();
            case "down" -> down(data);
            default -> {
                System.err.println("usage: suite up|down");
                System.exit(2);
            }
        }
    }

    private void up() throws Exception {
        Files.createDirectories(data.resolve("logs"));
        Path pidFile = data.resolve("suite.pid");
        Optional<ProcessHandle> running = runningSuite(data);
        if (running.isPresent()) {
            System.err.println("the suite is already running (pid " + running.get().pid() + "); ./suite down stops it");
            System.exit(1);
        }
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nstopping the suite...");
            stopAll();
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // best effort
            }
            System.out.println("stopped.");
            stopped.countDown();
        }, "suite-shutdown"));

        long t0 = System.nanoTime();
        int pgPort = intEnv("POSTGRES_PORT", 15432);
        int mongoPort = intEnv("MONGODB_PORT", 27017);
        int kafkaPort = intEnv("KAFKA_PORT", 9092);
        int controllerPort = intEnv("KAFKA_CONTROLLER_PORT", 9093);

        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data.resolve("postgres"), pgPort);
        started.add(postgres);
        postgres.createDatabases(SuiteLayout.databases());
        EmbeddedMongoServer mongo = EmbeddedMongoServer.startFileBacked(data.resolve("mongo").resolve("suite.mv"), mongoPort);
        started.add(mongo);
        EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(data.resolve("kafka"), kafkaPort, controllerPort).start();
        started.add(kafka);
        kafka.createTopics(SuiteLayout.topics());
        System.out.printf("infrastructure up in %.1f s: Kafka %s, PostgreSQL 127.0.0.1:%d, MongoDB protocol %s%n",
                seconds(t0), kafka.bootstrapServers(), pgPort, mongo.connectionString());

        List<ServiceProcess> services = new ArrayList<>();
        int identityPort = intEnv("IDENTITY_PORT", SuiteLayout.IDENTITY.defaultPort());
        ServiceProcess identity = launch(SuiteLayout.IDENTITY, identityPort,
                SuiteLayout.identityEnvironment(identityPort, data.resolve("identity").resolve("signing-key.json")));
        services.add(identity);
        for (SuiteLayout.Service service : SuiteLayout.SERVICES) {
            int port = intEnv(service.envPrefix() + "_PORT", service.defaultPort());
            services.add(launch(service, port, SuiteLayout.environment(service, port, kafka.bootstrapServers(),
                    postgres, mongo.connectionString())));
        }
        ExecutorService waiters = Executors.newFixedThreadPool(services.size());
        List<Future<?>> ready = new ArrayList<>();
        for (ServiceProcess service : services) {
            ready.add(waiters.submit(() -> {
                service.awaitReady(Duration.ofSeconds(intEnv("SUITE_START_TIMEOUT_SECONDS", 180)));
                return null;
            }));
        }
        try {
            for (Future<?> f : ready) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            System.err.println("the suite did not start: " + e.getCause().getMessage());
            System.exit(1);
        } finally {
            waiters.shutdown();
        }

        Map<String, Integer> ports = new LinkedHashMap<>();
        services.stream().filter(service -> service != identity).forEach(service -> ports.put(service.name(), service.port()));
        Optional<LocalPrometheus> prometheus = LocalPrometheus.startIfInstalled(home, data, ports,
                intEnv("PROMETHEUS_PORT", 9090));
        prometheus.ifPresent(started::add);

        System.out.printf("%nthe complaint-handling suite is up in %.1f s (data in %s)%n%n", seconds(t0), data);
        System.out.printf("  %-18s %-24s %s%n", "service", "listens on", "log");
        for (ServiceProcess service : services) {
            System.out.printf("  %-18s %-24s %s%n", service.name(), service.baseUrl(), service.logFile());
        }
        System.out.printf("  %-18s %-24s%n", "kafka", kafka.bootstrapServers());
        System.out.printf("  %-18s %-24s%n", "postgresql", "127.0.0.1:" + pgPort);
        System.out.printf("  %-18s %-24s%n", "mongodb protocol", mongo.connectionString());
        System.out.printf("  %-18s %-24s %s%n", "prometheus", prometheus.map(LocalPrometheus::url)
                        .orElse("(not installed)"), prometheus.isPresent() ? data.resolve("logs/prometheus.log")
                        : "install it (Debian: apt-get install prometheus) to get the alert rules evaluated");
        System.out.printf("%nidentity provider (OpenID Connect issuer) %s: users and clients in identity.yml,%n"
                + "  a token for a seeded user: ./suite token q-agent-1   (password of every seeded user: %s)%n"
                + "  for a channel gateway:     ./suite token --client gateway-web gateway-web-secret%n",
                identity.baseUrl(), SuiteTokens.SEEDED_PASSWORD);
        System.out.println("\nCtrl-C (or ./suite down) stops everything.");
        stopped.await();
    }

    /** Starts one service as its own process, logging to the data folder; it is stopped with the suite. */
    private ServiceProcess launch(SuiteLayout.Service service, int port, Map<String, String> environment)
            throws IOException {
        ServiceProcess process = new ServiceProcess(service.name(), service.jar(home, version), port, environment,
                data.resolve("logs").resolve(service.name() + ".log"),
                SuiteLayout.jvmOptions(Files.createDirectories(data.resolve("cds")), service));
        started.add(process);
        return process.start();
    }

    private void stopAll() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
        started.clear();
    }

    private static void down(Path data) throws InterruptedException {
        Optional<ProcessHandle> running = runningSuite(data);
        if (running.isEmpty()) {
            System.out.println("the suite is not running");
            return;
        }
        running.get().destroy();
        running.get().onExit().orTimeout(120, TimeUnit.SECONDS).join();
        System.out.println("the suite is stopped");
    }

    private static Optional<ProcessHandle> runningSuite(Path data) {
        try {
            String pid = Files.readString(data.resolve("suite.pid")).trim();
            return ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int intEnv(String name, int fallback) {
        return Integer.parseInt(env(name, String.valueOf(fallback)));
    }
}

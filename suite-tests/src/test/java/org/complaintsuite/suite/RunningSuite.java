package org.complaintsuite.suite;

import org.complaintsuite.embedded.EmbeddedKafkaBroker;
import org.complaintsuite.embedded.EmbeddedMongoServer;
import org.complaintsuite.embedded.EmbeddedPostgresServer;
import org.complaintsuite.embedded.ServiceProcess;
import org.complaintsuite.embedded.SuiteLayout;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The whole suite for real: a Kafka broker, PostgreSQL and the Mongo-protocol store in this JVM, and
 * the five services as separate processes from their runnable jars, each on a free port.
 */
final class RunningSuite implements AutoCloseable {

    private final Path work;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedMongoServer mongo;
    private final EmbeddedKafkaBroker kafka;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, String> extraEnvironment;

    RunningSuite(Map<String, String> extraEnvironment) throws Exception {
        this.extraEnvironment = extraEnvironment;
        work = Files.createTempDirectory("suite-e2e");
        postgres = EmbeddedPostgresServer.startTemporary();
        postgres.createDatabases(SuiteLayout.databases());
        mongo = EmbeddedMongoServer.startInMemory();
        kafka = new EmbeddedKafkaBroker(work.resolve("kafka"), freePort(), freePort()).start();
        kafka.createTopics(SuiteLayout.topics());
        for (SuiteLayout.Service service : SuiteLayout.SERVICES) {
            services.put(service.name(), process(service, freePort()));
        }
        startAll(services.values());
    }

    private ServiceProcess process(SuiteLayout.Service service, int port) throws IOException {
        return process(service, port, service.name());
    }

    private ServiceProcess process(SuiteLayout.Service service, int port, String name) throws IOException {
        Map<String, String> env = new LinkedHashMap<>(SuiteLayout.environment(service, port,
                kafka.bootstrapServers(), postgres, mongo.connectionString()));
        env.putAll(extraEnvironment);
        Path home = Path.of(System.getProperty("suite.home", "..")).toAbsolutePath().normalize();
        return new ServiceProcess(name, service.jar(home, System.getProperty("suite.version")), port, env,
                work.resolve("logs").resolve(name.replace('#', '-') + ".log"),
                List.of("-Xms64m", "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    }

    private static void startAll(Iterable<ServiceProcess> processes) throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            List<Future<?>> ready = new ArrayList<>();
            for (ServiceProcess p : processes) {
                p.start();
            }
            for (ServiceProcess p : processes) {
                ready.add(pool.submit(() -> {
                    p.awaitReady(Duration.ofMinutes(3));
                    return null;
                }));
            }
            for (Future<?> f : ready) {
                f.get();
            }
        } catch (Exception e) {
            // a service that did not come up fails the start; none of its siblings may outlive the test
            for (ServiceProcess p : processes) {
                p.close();
            }
            throw e;
        } finally {
            pool.shutdown();
        }
    }

    String url(String service) {
        return services.get(service).baseUrl();
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Stops one service (graceful shutdown), as an operator or a crash would. */
    void stop(String service) throws InterruptedException {
        services.get(service).close();
    }

    /**
     * Starts a service again on the same port and database (stopping it first if it still runs), and
     * waits until the new process is ready.
     */
    void restart(String service) throws Exception {
        ServiceProcess old = services.get(service);
        old.close();
        SuiteLayout.Service layout = SuiteLayout.SERVICES.stream().filter(s -> s.name().equals(service)).findFirst()
                .orElseThrow();
        ServiceProcess fresh = process(layout, old.port());
        services.put(service, fresh);
        startAll(List.of(fresh));
    }

    /**
     * Starts one more instance of a service on its own port, sharing the database, the store and the
     * consumer group of the first; it is known as {@code service#2} and stopped with {@link #stop}.
     */
    String startReplica(String service) throws Exception {
        SuiteLayout.Service layout = SuiteLayout.SERVICES.stream().filter(s -> s.name().equals(service)).findFirst()
                .orElseThrow();
        String name = service + "#2";
        ServiceProcess replica = process(layout, freePort(), name);
        services.put(name, replica);
        startAll(List.of(replica));
        return name;
    }

    /** HTTP port of each running service (replicas left out). */
    Map<String, Integer> servicePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        services.forEach((name, process) -> {
            if (process.isAlive() && !name.contains("#")) {
                ports.put(name, process.port());
            }
        });
        return ports;
    }

    Path workDirectory() {
        return work;
    }

    /** The services (and replicas) running now. */
    List<String> running() {
        return services.entrySet().stream().filter(e -> e.getValue().isAlive()).map(Map.Entry::getKey).toList();
    }

    String logTail(String service) {
        return services.get(service).tail(60);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess p : services.values()) {
            p.close();
        }
        kafka.close();
        mongo.close();
        postgres.close();
    }
}

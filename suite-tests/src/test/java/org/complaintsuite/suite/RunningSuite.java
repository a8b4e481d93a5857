package org.complaintsuite.suite;

import org.complaintsuite.embedded.EmbeddedInfrastructure;
import org.complaintsuite.embedded.Infrastructure;
import org.complaintsuite.embedded.ServiceProcess;
import org.complaintsuite.embedded.SuiteLayout;
import org.complaintsuite.testing.Infrastructures;

import java.io.IOException;
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
 * The whole suite for real: the five services as separate processes from their runnable jars, each on a
 * free port, on the infrastructure selected for the run (the embedded broker, PostgreSQL and Mongo-protocol
 * store in this JVM by default; the real images with {@code -Preal-infrastructure}).
 */
final class RunningSuite implements AutoCloseable {

    private final Path work;
    private final Infrastructure infrastructure;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, String> extraEnvironment;

    RunningSuite(Map<String, String> extraEnvironment) throws Exception {
        this.extraEnvironment = extraEnvironment;
        work = Files.createTempDirectory("suite-e2e");
        infrastructure = Infrastructures.selected();
        for (SuiteLayout.Service service : SuiteLayout.SERVICES) {
            services.put(service.name(), process(service, freePort()));
        }
        startAll(services.values());
    }

    private ServiceProcess process(SuiteLayout.Service service, int port) throws IOException {
        return process(service, port, service.name());
    }

    private ServiceProcess process(SuiteLayout.Service service, int port, String name) throws IOException {
        Map<String, String> env = new LinkedHashMap<>(infrastructure.environment(service, port));
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
        return infrastructure.kafkaBootstrapServers();
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
        SuiteLayout.Service layout = SuiteLayout.service(service);
        ServiceProcess fresh = process(layout, old.port());
        services.put(service, fresh);
        startAll(List.of(fresh));
    }

    /**
     * Starts one more instance of a service on its own port, sharing the database, the store and the
     * consumer group of the first; it is known as {@code service#2} and stopped with {@link #stop}.
     */
    String startReplica(String service) throws Exception {
        SuiteLayout.Service layout = SuiteLayout.service(service);
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
        return EmbeddedInfrastructure.freePort();
    }

    @Override
    public void close() throws Exception {
        // the infrastructure is the run's, shared and stopped when the JVM exits
        for (ServiceProcess p : services.values()) {
            p.close();
        }
    }
}

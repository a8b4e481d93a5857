package org.complaintsuite.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Prometheus server for the local suite, when one is installed (the {@code prometheus} binary on the
 * PATH, or {@code PROMETHEUS_BIN}). It scrapes the services on the ports they really listen on and
 * evaluates {@code deploy/prometheus/alerts.yml}; its data lives in {@code data/prometheus}.
 */
public final class LocalPrometheus implements AutoCloseable {

    private final Process process;
    private final int port;

    private LocalPrometheus(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Optional<Path> binary() {
        String configured = System.getenv("PROMETHEUS_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(dir -> Path.of(dir, "prometheus"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Starts Prometheus if installed, scraping every 15 s; the map is service name → HTTP port. */
    static Optional<LocalPrometheus> startIfInstalled(Path home, Path data, Map<String, Integer> servicePorts, int port)
            throws IOException {
        return startIfInstalled(home, data, servicePorts, port, Duration.ofSeconds(15));
    }

    public static Optional<LocalPrometheus> startIfInstalled(Path home, Path data, Map<String, Integer> servicePorts,
                                                             int port, Duration scrapeInterval) throws IOException {
        Optional<Path> binary = binary();
        if (binary.isEmpty()) {
            return Optional.empty();
        }
        Path dir = Files.createDirectories(data.resolve("prometheus"));
        Files.createDirectories(data.resolve("logs"));
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, config(home.resolve("deploy/prometheus/alerts.yml"), servicePorts, scrapeInterval));
        List<String> command = new ArrayList<>(List.of(binary.get().toString(),
                "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("logs/prometheus.log").toFile()))
                .start();
        return Optional.of(new LocalPrometheus(process, port));
    }

    /** The same scrape job as {@code deploy/prometheus/prometheus.yml}, on the ports in use. */
    static String config(Path alerts, Map<String, Integer> servicePorts, Duration scrapeInterval) {
        StringBuilder yaml = new StringBuilder("""
                # written by ./suite up from deploy/prometheus/prometheus.yml, with the ports in use
                global:
                  scrape_interval: %ds
                  evaluation_interval: %ds
                rule_files:
                  - "%s"
                scrape_configs:
                  - job_name: complaint-suite
                    metrics_path: /actuator/prometheus
                    honor_labels: true
                    static_configs:
                """.formatted(scrapeInterval.toSeconds(), scrapeInterval.toSeconds(), alerts.toAbsolutePath()));
        servicePorts.forEach((service, servicePort) -> yaml.append("""
                      - targets: ["127.0.0.1:%d"]
                        labels: {service: %s}
                """.formatted(servicePort, service)));
        return yaml.toString();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}

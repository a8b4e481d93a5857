package org.complaintsuite.bench;

import org.complaintsuite.embedded.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Samples the service's resident memory every 250 ms (Linux /proc) and keeps the peak. */
final class MemorySampler implements AutoCloseable {

    private final Supplier<ServiceProcess> process;
    private final Thread thread;
    private volatile long peakKb;
    private volatile boolean running = true;

    MemorySampler(Supplier<ServiceProcess> process) {
        this.process = process;
        thread = Thread.ofPlatform().name("memory-sampler").daemon().start(this::run);
    }

    private void run() {
        while (running) {
            peakKb = Math.max(peakKb, residentKb());
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long residentKb() {
        try {
            ServiceProcess p = process.get();
            if (p == null || !p.isAlive()) {
                return 0;
            }
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(p.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process just ended
        }
        return 0;
    }

    /** Resident memory now and at its peak, and the JVM heap in use as the service reports it. */
    String describe(String serviceUrl) {
        double heap = SlaBenchmark.get(serviceUrl + "/actuator/prometheus").lines()
                .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
        return "RSS %,d MB (peak %,d MB), heap in use %,d MB".formatted(residentKb() / 1024, peakKb / 1024,
                (long) (heap / (1024 * 1024)));
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}

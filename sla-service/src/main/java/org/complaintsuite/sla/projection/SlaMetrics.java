package org.complaintsuite.sla.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.complaintsuite.events.ClockSubject;
import org.complaintsuite.events.SlaBreached;
import org.complaintsuite.events.SlaTarget;
import org.complaintsuite.events.SlaWarningReached;
import org.complaintsuite.platform.mongo.Documents;
import org.complaintsuite.sla.domain.InternalEvents.ClockStopped;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SLA metrics for operations, tagged by target, category, department and priority. Counters and the
 * time-to-resolution histogram count what this instance observed live (a subscribing processor: a
 * replay never counts twice); the open-clock gauge is the fleet-wide state of the clock view.
 */
@Component
@ProcessingGroup("sla-metrics")
public class SlaMetrics {

    private static final double[] RESOLUTION_BUCKETS = {
            Duration.ofHours(3).toSeconds(), Duration.ofHours(12).toSeconds(), Duration.ofHours(24).toSeconds(),
            Duration.ofDays(3).toSeconds()};

    private final MeterRegistry meters;
    private final ClockView view;
    private final MultiGauge openClocks;
    private final MultiGauge oldestOpen;
    private final Clock clock;

    public SlaMetrics(MeterRegistry meters, ClockView view, Clock clock) {
        this.meters = meters;
        this.view = view;
        this.clock = clock;
        this.openClocks = MultiGauge.builder("complaint.sla.open.clocks")
                .description("open SLA clocks by state: on_track, warning, breached, paused")
                .register(meters);
        this.oldestOpen = MultiGauge.builder("complaint.sla.oldest.open.clock.age")
                .description("how long the oldest open clock of each target has been running")
                .baseUnit("seconds")
                .register(meters);
    }

    @EventHandler
    void on(SlaWarningReached e) {
        Counter.builder("complaint.sla.warnings").description("SLA warnings reached")
                .tags(tags(e.target(), e.subject()).and("fraction", String.valueOf(e.fraction())))
                .register(meters).increment();
    }

    @EventHandler
    void on(SlaBreached e) {
        Counter.builder("complaint.sla.breaches").description("SLA clocks breached")
                .tags(tags(e.target(), e.subject())).register(meters).increment();
    }

    @EventHandler
    void on(ClockStopped e) {
        Tags tags = tags(e.target(), e.subject());
        Counter.builder("complaint.sla.clocks.stopped").description("SLA clocks stopped, met or breached")
                .tags(tags.and("outcome", e.breached() ? "breached" : "met")).register(meters).increment();
        if (e.target() == SlaTarget.RESOLUTION) {
            DistributionSummary.builder("complaint.sla.time.to.resolution")
                    .description("calendar time from receipt (or re-opening) to resolution")
                    .baseUnit("seconds")
                    .serviceLevelObjectives(RESOLUTION_BUCKETS)
                    .tags(tags).register(meters).record(e.calendarSeconds());
        }
    }

    /** Recounted from the clock view every 15 s, grouped in the store (one row per tag combination). */
    @Scheduled(fixedDelayString = "${sla.metrics.refresh:15s}", initialDelay = 5_000)
    void refreshOpenClocks() {
        Map<Tags, Long> counts = new HashMap<>();
        view.openClockCounts().toIterable().forEach(group -> counts.merge(gaugeTags(group.get("_id", Document.class)),
                ((Number) group.get("count")).longValue(), Long::sum));
        openClocks.register(counts.entrySet().stream()
                .map(entry -> MultiGauge.Row.of(entry.getKey(), entry.getValue()))
                .toList(), true);
        Instant now = clock.instant();
        oldestOpen.register(view.oldestOpenClocks().toStream()
                .map(group -> MultiGauge.Row.of(Tags.of("target", group.getString("_id")),
                        Duration.between(Instant.parse(group.getString("oldest")), now).toSeconds()))
                .toList(), true);
    }

    private static Tags gaugeTags(Document d) {
        String state = switch (d.getString("state")) {
            case "PAUSED" -> "paused";
            case "BREACHED" -> "breached";
            default -> Boolean.TRUE.equals(d.getBoolean("warned")) ? "warning" : "on_track";
        };
        return tags(SlaTarget.valueOf(d.getString("target")), subjectOf(d)).and("state", state);
    }

    private static ClockSubject subjectOf(Document clock) {
        Document s = clock == null ? null : clock.get("subject", Document.class);
        return s == null ? null : Documents.read(s, ClockSubject.class);
    }

    static Tags tags(SlaTarget target, ClockSubject subject) {
        return Tags.of(List.of(
                Tag.of("target", target.name()),
                Tag.of("category", subject == null || subject.category() == null ? "unknown" : subject.category().name()),
                Tag.of("department", subject == null || subject.department() == null ? "unknown" : subject.department()),
                Tag.of("priority", subject == null || subject.priority() == null ? "unknown" : subject.priority().name())));
    }
}

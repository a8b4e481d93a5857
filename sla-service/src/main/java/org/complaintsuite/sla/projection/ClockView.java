package org.complaintsuite.sla.projection;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.SlaBreached;
import org.complaintsuite.events.SlaCalendar;
import org.complaintsuite.events.SlaClockPaused;
import org.complaintsuite.events.SlaClockRecalculated;
import org.complaintsuite.events.SlaClockResumed;
import org.complaintsuite.events.SlaClockStarted;
import org.complaintsuite.events.SlaMet;
import org.complaintsuite.events.SlaWarningReached;
import org.complaintsuite.platform.mongo.Documents;
import org.complaintsuite.platform.mongo.OnceOnly;
import org.complaintsuite.sla.domain.BusinessCalendar;
import org.complaintsuite.sla.domain.InternalEvents.ClockStopped;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Every clock, one document each, with everything needed to explain it: policy and version, calendar,
 * start, each pause with what caused it, warnings, recalculations, due time, state and how it ended.
 * Working time elapsed on a running clock is computed at the moment of the query.
 */
@Component
@ProcessingGroup("clock-view")
public class ClockView {

    public static final String COLLECTION = "clocks";

    private final MongoCollection<Document> clocks;
    private final Clock clock;

    public ClockView(MongoDatabase mongo, Clock clock) {
        this.clocks = mongo.getCollection(COLLECTION);
        this.clock = clock;
        Mono.from(clocks.createIndex(Indexes.ascending("complaintId"), new IndexOptions())).onErrorComplete().block();
        Mono.from(clocks.createIndex(Indexes.ascending("open"), new IndexOptions())).onErrorComplete().block();
    }

    @EventHandler
    void on(SlaClockStarted e, EventMessage<?> message) {
        apply(message, e.clockId(), Updates.combine(
                Updates.set("complaintId", e.complaintId().value()),
                Updates.set("target", e.target().name()),
                Updates.set("round", e.round()),
                Updates.set("subject", e.subject() == null ? null : Documents.of(e.subject())),
                Updates.set("policyId", e.policyId()),
                Updates.set("policyVersion", e.policyVersion()),
                Updates.set("calendar", Documents.of(e.calendar())),
                Updates.set("allowedSeconds", e.allowedSeconds()),
                Updates.set("warnAt", e.warnAt()),
                Updates.set("previousClockId", e.previousClockId()),
                Updates.set("startedAt", e.startedAt().toString()),
                Updates.set("dueAt", e.dueAt().toString()),
                Updates.set("state", "RUNNING"),
                Updates.set("open", true),
                // working time is counted from here on; a pause or recalculation sets a new checkpoint
                Updates.set("checkpointAt", e.startedAt().toString()),
                Updates.set("checkpointSeconds", 0L)));
    }

    @EventHandler
    void on(SlaClockPaused e, EventMessage<?> message) {
        apply(message, e.clockId(), Updates.combine(
                Updates.set("state", "PAUSED"),
                Updates.set("checkpointSeconds", e.elapsedSeconds()),
                Updates.push("pauses", new Document("pausedAt", e.pausedAt().toString())
                        .append("reason", e.reason()).append("causedBy", e.causedBy())
                        .append("elapsedSeconds", e.elapsedSeconds()))));
    }

    @EventHandler
    void on(SlaClockResumed e, EventMessage<?> message) {
        apply(message, e.clockId(), Updates.combine(
                Updates.set("state", "RUNNING"),
                Updates.set("dueAt", e.dueAt().toString()),
                Updates.set("checkpointAt", e.resumedAt().toString()),
                Updates.push("resumptions", new Document("resumedAt", e.resumedAt().toString())
                        .append("causedBy", e.causedBy()).append("dueAt", e.dueAt().toString()))));
    }

    @EventHandler
    void on(SlaWarningReached e, EventMessage<?> message) {
        apply(message, e.clockId(), Updates.combine(
                Updates.set("warned", true),
                Updates.push("warnings", new Document("fraction", e.fraction())
                        .append("reachedAt", e.reachedAt().toString()))));
    }

    @EventHandler
    void on(SlaClockRecalculated e, EventMessage<?> message) {
        Document detail = Documents.of(e);
        detail.remove("complaintId");
        detail.remove("clockId");
        detail.remove("target");
        apply(message, e.clockId(), Updates.combine(
                Updates.set("policyId", e.policyId()),
                Updates.set("policyVersion", e.toPolicyVersion()),
                Updates.set("allowedSeconds", e.allowedSeconds()),
                Updates.set("calendar", Documents.of(e.calendar())),
                Updates.set("dueAt", e.dueAt().toString()),
                Updates.set("checkpointAt", e.recalculatedAt().toString()),
                Updates.set("checkpointSeconds", e.elapsedSeconds()),
                Updates.push("recalculations", detail)));
    }

    @EventHandler
    void on(SlaBreached e, EventMessage<?> message) {
        apply(message, e.clockId(), Updates.combine(
                Updates.set("state", "BREACHED"),
                Updates.set("breachedAt", e.breachedAt().toString())));
    }

    @EventHandler
    void on(SlaMet e, EventMessage<?> message) {
        apply(message, e.clockId(), Updates.set("state", "MET"));
    }

    @EventHandler
    void on(ClockStopped e, EventMessage<?> message) {
        apply(message, e.clockId(), Updates.combine(
                Updates.set("open", false),
                Updates.set("stoppedAt", e.stoppedAt().toString()),
                Updates.set("elapsedSeconds", e.workingSeconds()),
                Updates.set("calendarSeconds", e.calendarSeconds())));
    }

    private void apply(EventMessage<?> message, String clockId, Bson update) {
        OnceOnly.apply(clocks, clockId, message.getIdentifier(), update).block();
    }

    /** The clocks of a complaint in the order they started, each with its working time elapsed until now. */
    public Mono<SlaClock.OfComplaint> find(String complaintId) {
        Instant now = clock.instant();
        return Flux.from(clocks.find(Filters.eq("complaintId", complaintId)).sort(Sorts.ascending("startedAt")))
                .map(d -> explain(d, now))
                .collectList()
                .filter(list -> !list.isEmpty())
                .map(list -> new SlaClock.OfComplaint(ComplaintId.of(complaintId), now, list));
    }

    static SlaClock explain(Document d, Instant now) {
        if (Boolean.TRUE.equals(d.getBoolean("open"))) {
            long counted = ((Number) d.get("checkpointSeconds")).longValue();
            if (!"PAUSED".equals(d.getString("state"))) {
                SlaCalendar snapshot = Documents.read(d.get("calendar", Document.class), SlaCalendar.class);
                counted += BusinessCalendar.of(snapshot).between(Instant.parse(d.getString("checkpointAt")), now)
                        .toSeconds();
            }
            d.put("elapsedSeconds", counted);
        }
        return Documents.read(d, SlaClock.class);
    }

    /** The start of the oldest open clock of each target: {@code {_id: target, oldest: startedAt}}. */
    public Flux<Document> oldestOpenClocks() {
        return Flux.from(clocks.aggregate(List.of(
                Aggregates.match(Filters.eq("open", true)),
                Aggregates.group("$target", Accumulators.min("oldest", "$startedAt")))));
    }

    /** Open clocks counted by state, warning, target and subject: {@code {_id: {...}, count: n}} per group. */
    public Flux<Document> openClockCounts() {
        return Flux.from(clocks.aggregate(List.of(
                Aggregates.match(Filters.eq("open", true)),
                Aggregates.group(new Document("state", "$state").append("warned", "$warned")
                                .append("target", "$target").append("subject", "$subject"),
                        Accumulators.sum("count", 1)))));
    }
}

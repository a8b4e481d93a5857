package org.complaintsuite.sla.projection;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.complaintsuite.events.SlaBreached;
import org.complaintsuite.events.SlaClockStarted;
import org.complaintsuite.events.SlaMet;
import org.complaintsuite.platform.mongo.OnceOnly;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every clock of a complaint: target, policy version, start, due time, state and how it ended. */
@Component
@ProcessingGroup("clock-view")
public class ClockView {

    private final MongoCollection<Document> clocks;

    public ClockView(MongoDatabase mongo) {
        this.clocks = mongo.getCollection("clocks");
    }

    private static String key(String clockId) {
        // field names must not contain dots; the clock id's last two parts (target, round) are unique per complaint
        String[] parts = clockId.split(":");
        return "clocks." + parts[parts.length - 2] + "_" + parts[parts.length - 1];
    }

    @EventHandler
    void on(SlaClockStarted e, EventMessage<?> message) {
        String k = key(e.clockId());
        apply(message, e.complaintId().value(), Updates.combine(
                Updates.set(k + ".clockId", e.clockId()),
                Updates.set(k + ".target", e.target().name()),
                Updates.set(k + ".policyId", e.policyId()),
                Updates.set(k + ".policyVersion", e.policyVersion()),
                Updates.set(k + ".startedAt", e.startedAt().toString()),
                Updates.set(k + ".dueAt", e.dueAt().toString()),
                Updates.set(k + ".state", "RUNNING")));
    }

    @EventHandler
    void on(SlaMet e, EventMessage<?> message) {
        String k = key(e.clockId());
        apply(message, e.complaintId().value(), Updates.combine(
                Updates.set(k + ".state", "MET"),
                Updates.set(k + ".stoppedAt", e.metAt().toString()),
                Updates.set(k + ".elapsedSeconds", e.elapsedSeconds())));
    }

    @EventHandler
    void on(SlaBreached e, EventMessage<?> message) {
        String k = key(e.clockId());
        apply(message, e.complaintId().value(), Updates.combine(
                Updates.set(k + ".state", "BREACHED"),
                Updates.set(k + ".breachedAt", e.breachedAt().toString())));
    }

    private void apply(EventMessage<?> message, String complaintId, Bson update) {
        OnceOnly.apply(clocks, complaintId, message.getIdentifier(), update).block();
    }

    public Mono<Map<String, Object>> find(String complaintId) {
        return Mono.from(clocks.find(Filters.eq("_id", complaintId)).first()).map(d -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("complaintId", complaintId);
            List<Object> list = new ArrayList<>();
            Document all = d.get("clocks", Document.class);
            if (all != null) {
                list.addAll(all.values());
            }
            view.put("clocks", list);
            return view;
        });
    }
}

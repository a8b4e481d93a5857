package org.complaintsuite.feedback.projection;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.complaintsuite.events.ComplaintClosed;
import org.complaintsuite.events.ComplaintRevisited;
import org.complaintsuite.events.FollowUpCompleted;
import org.complaintsuite.events.FollowUpScheduled;
import org.complaintsuite.platform.mongo.Documents;
import org.complaintsuite.platform.mongo.OnceOnly;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/** The follow-ups of each complaint: when due, what the customer answered, what it led to. */
@Component
@ProcessingGroup("follow-up-view")
public class FollowUpView {

    private final MongoCollection<Document> followUps;

    public FollowUpView(MongoDatabase mongo) {
        this.followUps = mongo.getCollection("followUps");
    }

    @EventHandler
    void on(FollowUpScheduled e, EventMessage<?> message) {
        String k = "rounds." + e.round();
        apply(message, e.complaintId().value(), Updates.combine(
                Updates.set("state", "AWAITING_ANSWER"),
                Updates.set("currentRound", e.round()),
                Updates.set(k + ".round", e.round()),
                Updates.set(k + ".scheduledAt", e.scheduledAt().toString()),
                Updates.set(k + ".dueBy", e.dueBy().toString())));
    }

    @EventHandler
    void on(FollowUpCompleted e, EventMessage<?> message) {
        String k = "rounds." + e.round();
        apply(message, e.complaintId().value(), Updates.combine(
                Updates.set("state", "ANSWERED"),
                Updates.set(k + ".satisfaction", e.satisfaction()),
                Updates.set(k + ".resolved", e.resolved()),
                Updates.set(k + ".comment", e.comment()),
                Updates.set(k + ".completedAt", e.completedAt().toString())));
    }

    @EventHandler
    void on(ComplaintRevisited e, EventMessage<?> message) {
        apply(message, e.complaintId().value(), Updates.combine(
                Updates.set("state", "REVISITED"),
                Updates.set("rounds." + (e.round() - 1) + ".outcome", "REVISITED")));
    }

    @EventHandler
    void on(ComplaintClosed e, EventMessage<?> message) {
        apply(message, e.complaintId().value(), Updates.combine(
                Updates.set("state", "CLOSED"),
                Updates.set("rounds." + e.round() + ".outcome", "CLOSED")));
    }

    private void apply(EventMessage<?> message, String complaintId, Bson update) {
        OnceOnly.apply(followUps, complaintId, message.getIdentifier(), update).block();
    }

    public Mono<ComplaintFollowUps> find(String complaintId) {
        return Mono.from(followUps.find(Filters.eq("_id", complaintId)).first()).map(d -> {
            // stored keyed by round number so that each event sets its round's fields; answered as a list
            Document rounds = d.get("rounds", Document.class);
            d.put("rounds", rounds == null ? List.of() : new ArrayList<>(rounds.values()));
            return Documents.read(d, ComplaintFollowUps.class);
        });
    }
}

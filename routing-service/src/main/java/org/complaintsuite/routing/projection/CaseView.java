package org.complaintsuite.routing.projection;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.complaintsuite.events.CaseAssigned;
import org.complaintsuite.events.CaseHandedOff;
import org.complaintsuite.events.ComplaintEscalated;
import org.complaintsuite.events.ComplaintResolved;
import org.complaintsuite.events.ComplaintRouted;
import org.complaintsuite.events.FieldVisitArrived;
import org.complaintsuite.events.FollowUpOverdue;
import org.complaintsuite.events.CustomerContacted;
import org.complaintsuite.events.FieldVisitRequested;
import org.complaintsuite.events.HandlingMode;
import org.complaintsuite.platform.mongo.Documents;
import org.complaintsuite.platform.mongo.OnceOnly;
import org.complaintsuite.routing.domain.AssignmentPolicy;
import org.complaintsuite.routing.domain.CaseState;
import org.complaintsuite.routing.domain.ComplaintCase.CaseClosed;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Each case with its state and full history (who, what, when, why). */
@Component
@ProcessingGroup("case-view")
public class CaseView implements AssignmentPolicy.CaseLoads {

    private final MongoCollection<Document> cases;

    public CaseView(MongoDatabase mongo) {
        this.cases = mongo.getCollection("cases");
        // the work queues (by department or handling mode and state, least recently changed first) and the
        // assignment's load count; the embedded store ignores indexes, a real MongoDB plans with them
        for (Bson index : List.of(Indexes.ascending("department", "state", "updatedAt"),
                Indexes.ascending("handlingMode", "state", "updatedAt"),
                Indexes.ascending("state", "updatedAt"),
                Indexes.ascending("department", "state", "assignee"),
                Indexes.ascending("assignee", "state", "updatedAt"))) {
            Mono.from(cases.createIndex(index)).onErrorComplete().block();
        }
    }

    @EventHandler
    void on(ComplaintRouted e, EventMessage<?> message) {
        apply(message, e.complaintId().value(), Updates.combine(
                Updates.set("state", (e.round() == 1 ? CaseState.OPEN : CaseState.REOPENED).name()),
                Updates.set("round", e.round()),
                Updates.set("kind", e.kind().name()),
                Updates.set("category", e.category().name()),
                Updates.set("handlingMode", e.handlingMode().name()),
                Updates.set("department", e.department()),
                Updates.set("assignee", null),
                Updates.set("escalationLevel", e.escalationLevel().name()),
                Updates.set("ruleId", e.ruleId()),
                Updates.set("owner", e.owner())), "ROUTED", e, null);
    }

    @EventHandler
    void on(ComplaintEscalated e, EventMessage<?> message) {
        apply(message, e.complaintId().value(), Updates.combine(
                Updates.set("state", CaseState.ESCALATED.name()),
                Updates.set("escalationLevel", e.toLevel().name())), "ESCALATED", e, e.actor());
    }

    @EventHandler
    void on(ComplaintResolved e, EventMessage<?> message) {
        apply(message, e.complaintId().value(), Updates.combine(
                Updates.set("state", CaseState.RESOLVED.name()),
                Updates.set("resolution", Documents.of(e))), "RESOLVED", e, e.resolvedBy());
    }

    @EventHandler
    void on(CaseAssigned e, EventMessage<?> message) {
        Bson update = e.ownershipPasses()
                ? Updates.combine(Updates.set("assignee", e.assignee()), Updates.set("owner", e.assignee()))
                : Updates.set("assignee", e.assignee());
        apply(message, e.complaintId().value(), update, "ASSIGNED", e, e.assignedBy());
    }

    @EventHandler
    void on(CaseHandedOff e, EventMessage<?> message) {
        apply(message, e.complaintId().value(), Updates.combine(
                Updates.set("owner", e.toOwner()),
                Updates.inc("handOffs", 1)), "HANDED_OFF", e, e.handedOffBy());
    }

    @EventHandler
    void on(CustomerContacted e, EventMessage<?> message) {
        Bson update = e.first() ? Updates.combine(Updates.inc("contacts", 1),
                Updates.set("firstContactAt", e.contactedAt().toString())) : Updates.inc("contacts", 1);
        apply(message, e.complaintId().value(), update, "CONTACTED", e, e.contactedBy());
    }

    @EventHandler
    void on(FieldVisitRequested e, EventMessage<?> message) {
        apply(message, e.complaintId().value(), Updates.set("fieldVisit", new Document("visit", e.visit())
                .append("area", e.area().name()).append("state", "UNDERWAY")), "FIELD_VISIT_REQUESTED", e,
                e.requestedBy());
    }

    @EventHandler
    void on(FollowUpOverdue e, EventMessage<?> message) {
        apply(message, e.complaintId().value(), Updates.inc("overdueFollowUps", 1), "FOLLOW_UP_OVERDUE", e,
                "sla-service");
    }

    @EventHandler
    void on(FieldVisitArrived e, EventMessage<?> message) {
        apply(message, e.complaintId().value(), Updates.combine(
                Updates.set("fieldVisit.state", "ARRIVED"),
                Updates.set("fieldVisit.arrivedAt", e.arrivedAt().toString())), "FIELD_VISIT_ARRIVED", e,
                e.arrivedBy());
    }

    @EventHandler
    void on(CaseClosed e, EventMessage<?> message) {
        apply(message, e.complaintId().value(), Updates.set("state", CaseState.CLOSED.name()), "CLOSED", e, null);
    }

    private void apply(EventMessage<?> message, String complaintId, Bson update, String what, Object event,
                       String actor) {
        Document detail = Documents.of(event);
        detail.remove("complaintId");
        Document entry = new Document("what", what).append("at", message.getTimestamp().toString())
                .append("actor", actor).append("detail", detail);
        OnceOnly.apply(cases, complaintId, message.getIdentifier(), Updates.combine(update,
                Updates.set("updatedAt", message.getTimestamp().toString()),
                Updates.push("history", entry))).block();
    }

    /** Open cases per assignee in a department: the load the assignment balances. */
    @Override
    public Map<String, Long> openCasesByAssignee(String department) {
        Map<String, Long> load = new HashMap<>();
        Flux.from(cases.aggregate(List.of(
                        Aggregates.match(Filters.and(Filters.eq("department", department),
                                Filters.in("state", "OPEN", "ESCALATED", "REOPENED"), Filters.ne("assignee", null))),
                        Aggregates.group("$assignee", Accumulators.sum("open", 1)))))
                .toIterable()
                .forEach(d -> load.put(d.getString("_id"), ((Number) d.get("open")).longValue()));
        return load;
    }

    public Mono<Case> find(String complaintId) {
        return Mono.from(cases.find(Filters.eq("_id", complaintId)).first()).map(d -> Documents.read(d, Case.class));
    }

    public Mono<List<Case>> list(CaseState state, String department, HandlingMode handlingMode, String assignee,
                                 int page, int size) {
        List<Bson> filters = new ArrayList<>();
        if (assignee != null) {
            filters.add(Filters.eq("assignee", assignee));
        }
        if (handlingMode != null) {
            filters.add(Filters.eq("handlingMode", handlingMode.name()));
        }
        if (state != null) {
            filters.add(Filters.eq("state", state.name()));
        }
        if (department != null) {
            filters.add(Filters.eq("department", department));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        return Flux.from(cases.find(filter).projection(Projections.exclude("history", OnceOnly.APPLIED))
                        .sort(new Document("updatedAt", 1)).skip(page * size).limit(size))
                .map(d -> Documents.read(d, Case.class))
                .collectList();
    }
}

package org.complaintsuite.analytics.projection;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.complaintsuite.events.ComplaintClosed;
import org.complaintsuite.events.ComplaintEscalated;
import org.complaintsuite.events.ComplaintReceived;
import org.complaintsuite.events.ComplaintResolved;
import org.complaintsuite.events.ComplaintRevisited;
import org.complaintsuite.events.ComplaintRouted;
import org.complaintsuite.events.FollowUpCompleted;
import org.complaintsuite.events.FollowUpEnded;
import org.complaintsuite.events.FollowUpScheduled;
import org.complaintsuite.events.SlaBreached;
import org.complaintsuite.events.SlaClockStarted;
import org.complaintsuite.events.SlaMet;
import org.complaintsuite.events.SlaWarningReached;
import org.complaintsuite.platform.envelope.InboundEvent;
import org.complaintsuite.platform.mongo.OnceOnly;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * One document per complaint, fed by every topic. Each event is applied once ({@link OnceOnly} on its
 * {@code ce_id}); the lifecycle state follows the latest event in time, whatever order the topics
 * deliver in. Replaying any topic from offset 0 changes nothing.
 */
@Component
public class ComplaintProjection {

    public static final String COLLECTION = "complaints";

    private final MongoCollection<Document> complaints;

    public ComplaintProjection(MongoDatabase mongo) {
        this.complaints = mongo.getCollection(COLLECTION);
    }

    public void apply(InboundEvent event) {
        String id = event.payload().complaintId().value();
        Bson update = switch (event.payload()) {
            // a contact linked to an earlier complaint is counted as such, not as a complaint of its own
            case ComplaintReceived e when e.linkedTo() != null -> Updates.combine(
                    Updates.set("channel", e.channel().name()), Updates.set("linked", e.linkedTo().reason().name()),
                    Updates.set("linkedTo", e.linkedTo().complaintId().value()),
                    Updates.set("receivedAt", e.receivedAt().toString()));
            // a consultation answered in the contact is received and closed in one
            case ComplaintReceived e when e.answeredOnTheSpot() != null -> {
                state(id, "CLOSED", e.receivedAt());
                yield Updates.combine(received(e), Updates.set("answeredOnTheSpot", true), Updates.set("closed", true));
            }
            // a query answered from a lookup: closed with its answer unless the answer opened a case
            case ComplaintReceived e when e.answeredAutomatically() != null && !e.answeredAutomatically().opensACase() -> {
                state(id, "CLOSED", e.receivedAt());
                yield Updates.combine(received(e), Updates.set("answeredAutomatically", true),
                        Updates.set("closed", true));
            }
            case ComplaintReceived e when e.answeredAutomatically() != null -> {
                state(id, "RECEIVED", e.receivedAt());
                yield Updates.combine(received(e), Updates.set("answeredAutomatically", true));
            }
            case ComplaintReceived e -> {
                state(id, "RECEIVED", e.receivedAt());
                yield received(e);
            }
            case ComplaintRouted e -> {
                state(id, e.round() == 1 ? "ROUTED" : "REOPENED", e.routedAt());
                yield Updates.combine(Updates.set("department", e.department()),
                        Updates.set("handlingMode", e.handlingMode().name()));
            }
            case ComplaintEscalated e -> {
                state(id, "ESCALATED", e.escalatedAt());
                yield Updates.combine(Updates.inc("escalations", 1),
                        Updates.set("escalationLevel", e.toLevel().name()));
            }
            case ComplaintResolved e when !e.followedUp() -> { // a consultation or a query: closed with it
                state(id, "CLOSED", e.resolvedAt());
                yield Updates.combine(resolved(e), Updates.set("closed", true));
            }
            case ComplaintResolved e -> {
                state(id, "RESOLVED", e.resolvedAt());
                yield resolved(e);
            }
            case SlaClockStarted e -> Updates.inc("clocksStarted", 1);
            case SlaMet e -> Updates.inc("slaMet", 1);
            case SlaWarningReached e -> Updates.inc("slaWarnings", 1);
            case SlaBreached e -> Updates.inc("slaBreaches", 1);
            case FollowUpScheduled e -> Updates.inc("followUpsScheduled", 1);
            case FollowUpCompleted e -> Updates.combine(Updates.inc("followUpsCompleted", 1),
                    Updates.push("satisfaction", e.satisfaction()));
            case FollowUpEnded e when e.outcome() == FollowUpEnded.Outcome.UNREACHABLE ->
                    Updates.inc("followUpsUnreachable", 1);
            case ComplaintRevisited e -> {
                state(id, "REVISITED", e.revisitedAt());
                yield Updates.inc("revisits", 1);
            }
            case ComplaintClosed e -> {
                state(id, "CLOSED", e.closedAt());
                yield Updates.set("closed", true);
            }
            default -> null;
        };
        if (update != null) {
            OnceOnly.apply(complaints, id, event.ceId(), update).block();
        }
    }

    /** Moves the state only forward in time; applying the same event twice is a no-op. */
    private static Bson received(ComplaintReceived e) {
        return Updates.combine(Updates.set("channel", e.channel().name()), Updates.set("kind", e.kind().name()),
                Updates.set("caseKind", e.caseKind().name()),
                Updates.set("category", e.category().name()), Updates.set("received", true),
                Updates.set("receivedAt", e.receivedAt().toString()));
    }

    private static Bson resolved(ComplaintResolved e) {
        // the cause and where a company fault lies: the Pareto of causes and the departments report
        return Updates.combine(Updates.inc("resolutions", 1), Updates.set("resolvedAt", e.resolvedAt().toString()),
                Updates.set("causeCode", e.causeCode()), Updates.set("responsibleDepartment", e.responsibleDepartment()));
    }

    private void state(String id, String state, Instant at) {
        Bson olderOrNone = Filters.and(Filters.eq("_id", id),
                Filters.or(Filters.exists("stateAt", false), Filters.lt("stateAt", at.toString())));
        Mono.from(complaints.updateOne(olderOrNone,
                        Updates.combine(Updates.set("state", state), Updates.set("stateAt", at.toString())),
                        new UpdateOptions().upsert(true)))
                .onErrorResume(e -> e instanceof com.mongodb.MongoWriteException, e -> Mono.empty())
                .block();
    }
}

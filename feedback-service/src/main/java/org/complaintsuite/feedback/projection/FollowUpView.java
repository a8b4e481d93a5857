package org.complaintsuite.feedback.projection;

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
import org.complaintsuite.events.CallOutcome;
import org.complaintsuite.events.ComplaintClosed;
import org.complaintsuite.events.ComplaintRevisited;
import org.complaintsuite.events.FollowUpAttempted;
import org.complaintsuite.events.FollowUpCompleted;
import org.complaintsuite.events.FollowUpEnded;
import org.complaintsuite.events.FollowUpScheduled;
import org.complaintsuite.platform.mongo.Documents;
import org.complaintsuite.platform.mongo.OnceOnly;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The follow-ups of each complaint, one document each: by round, every follow-up with its calls and answer.
 * Stored keyed by round, follow-up and attempt number, so that each event sets its own fields whatever the
 * order they are projected in; answered as lists.
 */
@Component
@ProcessingGroup("follow-up-view")
public class FollowUpView {

    private final MongoCollection<Document> followUps;
    /** One document per follow-up waiting, for the call list; removed once it is answered or ended. */
    private final MongoCollection<Document> calls;

    public FollowUpView(MongoDatabase mongo) {
        this.followUps = mongo.getCollection("followUps");
        this.calls = mongo.getCollection("followUpCalls");
        for (Bson index : List.of(Indexes.ascending("callableFrom", "dueBy"),
                Indexes.ascending("department", "callableFrom", "dueBy"))) {
            Mono.from(calls.createIndex(index)).onErrorComplete().block();
        }
    }

    @EventHandler
    void on(FollowUpScheduled e, EventMessage<?> message) {
        String f = followUp(e.round(), e.followUpNumber());
        List<Bson> sets = new ArrayList<>(List.of(
                Updates.max("currentRound", e.round()),
                Updates.set("rounds." + e.round() + ".round", e.round()),
                Updates.set(f + ".followUp", e.followUpNumber()),
                Updates.set(f + ".state", "WAITING"),
                Updates.set(f + ".scheduledAt", e.scheduledAt().toString()),
                Updates.set(f + ".dueBy", e.dueBy().toString())));
        if (e.plan() != null) {
            sets.add(Updates.set("rounds." + e.round() + ".plan", e.plan()));
            sets.add(Updates.set(f + ".step", e.step()));
            sets.add(Updates.set(f + ".steps", e.steps()));
        }
        apply(message, e.complaintId().value(), Updates.combine(sets));
        // a round's first follow-up is called at once; a later one on its own day, not before
        Instant callableFrom = e.step() == null || e.step() == 1 ? e.scheduledAt()
                : e.dueBy().minus(Duration.ofDays(1)).plusSeconds(1);
        OnceOnly.apply(calls, callId(e.complaintId().value(), e.followUpNumber()), message.getIdentifier(),
                Updates.combine(Updates.set("complaintId", e.complaintId().value()),
                        Updates.set("followUp", e.followUpNumber()), Updates.set("round", e.round()),
                        Updates.set("department", e.department()), Updates.set("dueBy", e.dueBy().toString()),
                        Updates.set("callableFrom", callableFrom.toString()), Updates.setOnInsert("attempts", 0)))
                .block();
    }

    @EventHandler
    void on(FollowUpAttempted e, EventMessage<?> message) {
        if (e.nextAttemptAt() != null) {
            OnceOnly.apply(calls, callId(e.complaintId().value(), e.followUp()), message.getIdentifier(),
                    Updates.combine(Updates.inc("attempts", 1),
                            Updates.set("callableFrom", e.nextAttemptAt().toString()))).block();
        }
        String f = followUp(e.round(), e.followUp());
        apply(message, e.complaintId().value(), Updates.combine(
                attempt(f, e.attempt(), e.outcome(), e.attemptedAt(), e.attemptedBy()),
                e.nextAttemptAt() == null ? Updates.unset(f + ".nextAttemptAt")
                        : Updates.set(f + ".nextAttemptAt", e.nextAttemptAt().toString())));
    }

    @EventHandler
    void on(FollowUpCompleted e, EventMessage<?> message) {
        Mono.from(calls.deleteOne(Filters.eq("_id", callId(e.complaintId().value(), e.followUpNumber())))).block();
        String f = followUp(e.round(), e.followUpNumber());
        List<Bson> sets = new ArrayList<>(List.of(
                Updates.set(f + ".followUp", e.followUpNumber()),
                Updates.set(f + ".state", "ANSWERED"),
                Updates.set(f + ".satisfaction", e.satisfaction()),
                Updates.set(f + ".resolved", e.resolved()),
                Updates.set(f + ".completedAt", e.completedAt().toString()),
                Updates.unset(f + ".nextAttemptAt"),
                attempt(f, e.attempt() == null ? 1 : e.attempt(), CallOutcome.ANSWERED, e.completedAt(),
                        e.answeredBy())));
        if (e.comment() != null) {
            sets.add(Updates.set(f + ".comment", e.comment()));
        }
        if (e.nps() != null) {
            sets.add(Updates.set(f + ".nps", e.nps()));
        }
        apply(message, e.complaintId().value(), Updates.combine(sets));
    }

    @EventHandler
    void on(FollowUpEnded e, EventMessage<?> message) {
        Mono.from(calls.deleteOne(Filters.eq("_id", callId(e.complaintId().value(), e.followUp())))).block();
        String f = followUp(e.round(), e.followUp());
        apply(message, e.complaintId().value(), Updates.combine(
                Updates.set(f + ".state", e.outcome().name()),
                Updates.set(f + ".endedAt", e.endedAt().toString()),
                Updates.unset(f + ".nextAttemptAt")));
    }

    @EventHandler
    void on(ComplaintRevisited e, EventMessage<?> message) {
        apply(message, e.complaintId().value(), roundEnded(e.round() - 1, ComplaintFollowUps.Outcome.REVISITED));
    }

    @EventHandler
    void on(ComplaintClosed e, EventMessage<?> message) {
        apply(message, e.complaintId().value(), roundEnded(e.round(), ComplaintFollowUps.Outcome.CLOSED));
    }

    private static Bson roundEnded(int round, ComplaintFollowUps.Outcome outcome) {
        return Updates.combine(Updates.set("rounds." + round + ".round", round),
                Updates.set("rounds." + round + ".outcome", outcome.name()));
    }

    private static String callId(String complaintId, int followUp) {
        return complaintId + ":" + followUp;
    }

    /** The follow-ups that may be called by {@code by}, of {@code department} when given, due soonest first. */
    public Mono<CallList> calls(String department, Instant by, int page, int size) {
        Bson callable = Filters.lte("callableFrom", by.toString());
        Bson filter = department == null ? callable : Filters.and(Filters.eq("department", department), callable);
        return Flux.from(calls.find(filter).projection(Projections.exclude(OnceOnly.APPLIED))
                        .sort(new Document("dueBy", 1)).skip(page * size).limit(size))
                .map(d -> Documents.read(d, CallList.Call.class))
                .collectList()
                .map(items -> new CallList(page, size, items));
    }

    private static String followUp(int round, int followUp) {
        return "rounds." + round + ".followUps." + followUp;
    }

    private static Bson attempt(String followUp, int attempt, CallOutcome outcome, Instant at, String by) {
        String a = followUp + ".attempts." + attempt;
        return Updates.combine(Updates.set(a + ".attempt", attempt), Updates.set(a + ".outcome", outcome.name()),
                Updates.set(a + ".at", at.toString()), by == null ? Updates.unset(a + ".by") : Updates.set(a + ".by", by));
    }

    private void apply(EventMessage<?> message, String complaintId, Bson update) {
        OnceOnly.apply(followUps, complaintId, message.getIdentifier(), update).block();
    }

    public Mono<ComplaintFollowUps> find(String complaintId) {
        return Mono.from(followUps.find(Filters.eq("_id", complaintId)).first()).map(d -> {
            List<Document> rounds = listed(d.get("rounds", Document.class), "round");
            for (Document round : rounds) {
                List<Document> each = listed(round.get("followUps", Document.class), "followUp");
                each.forEach(f -> f.put("attempts", listed(f.get("attempts", Document.class), "attempt")));
                round.put("followUps", each);
            }
            d.put("rounds", rounds);
            ComplaintFollowUps read = Documents.read(d, ComplaintFollowUps.class);
            ComplaintFollowUps.Round current = read.rounds().stream()
                    .filter(r -> r.round() == read.currentRound()).findFirst()
                    .orElse(new ComplaintFollowUps.Round(read.currentRound(), null, null, List.of()));
            return new ComplaintFollowUps(read.complaintId(), ComplaintFollowUps.stateOf(current),
                    read.currentRound(), read.rounds());
        });
    }

    /** A document keyed by number, as a list in that number's order. */
    private static List<Document> listed(Document byNumber, String numberField) {
        if (byNumber == null) {
            return new ArrayList<>();
        }
        List<Document> list = new ArrayList<>();
        byNumber.values().forEach(v -> list.add((Document) v));
        list.sort(Comparator.comparingInt(v -> v.getInteger(numberField, 0)));
        return list;
    }
}

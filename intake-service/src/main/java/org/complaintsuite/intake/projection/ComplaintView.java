package org.complaintsuite.intake.projection;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.ComplaintReceived;
import org.complaintsuite.intake.domain.CustomerIdentity;
import org.complaintsuite.intake.domain.RepeatDetection.EarlierComplaint;
import org.complaintsuite.platform.mongo.Documents;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What intake registered, one document per complaint, rebuilt from the event store on replay; it also
 * indexes each complaint by its customer's keys and subject, lists the contacts linked to it, and keeps
 * how far its case has come (from routing and feedback) so a new contact can be matched with it.
 */
@Component
@ProcessingGroup("complaint-view")
public class ComplaintView {

    /** Stage of a case within a round, in the order they happen. */
    public enum CaseStage { OPEN, RESOLVED, CLOSED }

    private final MongoCollection<Document> complaints;

    public ComplaintView(MongoDatabase mongo) {
        this.complaints = mongo.getCollection("complaints");
        Mono.from(complaints.createIndex(Indexes.ascending("identity", "subjectKey"))).onErrorComplete().subscribe();
    }

    @EventHandler
    void on(ComplaintReceived event) {
        Document fields = Documents.of(event);
        fields.remove("complaintId");
        List<Bson> sets = new ArrayList<>();
        fields.forEach((key, value) -> sets.add(Updates.set(key, value)));
        sets.add(Updates.set("identity", CustomerIdentity.keys(event.customer())));
        sets.add(Updates.set("subjectKey", CustomerIdentity.subjectKey(event.subject(), event.category().name())));
        sets.add(Updates.set("receivedAtMillis", event.receivedAt().toEpochMilli()));
        Mono.from(complaints.updateOne(Filters.eq("_id", event.complaintId().value()), Updates.combine(sets),
                new UpdateOptions().upsert(true))).block();
        if (event.linkedTo() != null) {
            Document contact = new Document("complaintId", event.complaintId().value())
                    .append("channel", event.channel().name())
                    .append("reason", event.linkedTo().reason().name())
                    .append("receivedAt", event.receivedAt().toString());
            Mono.from(complaints.updateOne(Filters.eq("_id", event.linkedTo().complaintId().value()),
                    Updates.addToSet("linkedContacts", contact), new UpdateOptions().upsert(true))).block();
        }
    }

    /**
     * Records that the complaint's case reached {@code stage} in {@code round}; an older news arriving
     * late (another topic, a redelivery) changes nothing.
     */
    public Mono<Void> caseReached(ComplaintId complaintId, int round, CaseStage stage, Instant resolvedAt) {
        long progress = round * 4L + stage.ordinal() + 1;
        Bson filter = Filters.and(Filters.eq("_id", complaintId.value()),
                Filters.or(Filters.lt("caseProgress", progress), Filters.exists("caseProgress", false)));
        List<Bson> sets = new ArrayList<>(List.of(Updates.set("caseProgress", progress),
                Updates.set("caseRound", round), Updates.set("caseStage", stage.name())));
        if (stage == CaseStage.RESOLVED) {
            sets.add(Updates.set("resolvedAt", resolvedAt.toString()));
        } else if (stage == CaseStage.OPEN) {
            sets.add(Updates.unset("resolvedAt"));
        }
        return Mono.from(complaints.updateOne(filter, Updates.combine(sets), new UpdateOptions().upsert(true)))
                .onErrorResume(e -> e instanceof MongoWriteException w
                        && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY, e -> Mono.empty())
                .then();
    }

    /**
     * The customer's latest earlier complaint about the subject that opened a case of its own (a contact
     * linked to another is not one), other than {@code exclude}; empty when there is none.
     */
    public Mono<EarlierComplaint> latestEarlier(List<String> identity, String subjectKey, ComplaintId exclude) {
        if (identity.isEmpty()) {
            return Mono.empty();
        }
        Bson filter = Filters.and(Filters.in("identity", identity), Filters.eq("subjectKey", subjectKey),
                Filters.eq("linkedTo", null), Filters.ne("_id", exclude.value()));
        return Mono.from(complaints.find(filter).sort(Sorts.descending("receivedAtMillis")).first())
                .map(d -> new EarlierComplaint(new ComplaintId(d.getString("_id")),
                        CaseStage.OPEN.name().equals(d.getString("caseStage")) || d.getString("resolvedAt") == null
                                ? null : Instant.parse(d.getString("resolvedAt"))));
    }

    public Mono<Map<String, Object>> find(String complaintId) {
        return Mono.from(complaints.find(Filters.and(Filters.eq("_id", complaintId), Filters.exists("channel")))
                        .first())
                .map(d -> {
                    Map<String, Object> view = Documents.toView(d, "complaintId");
                    view.remove("receivedAtMillis");
                    view.remove("caseProgress");
                    return view;
                });
    }
}

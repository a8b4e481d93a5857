package org.complaintsuite.intake.projection;

import com.mongodb.client.model.Filters;
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
import org.complaintsuite.intake.domain.ProblemKey;
import org.complaintsuite.intake.domain.Registrar;
import org.complaintsuite.intake.domain.RepeatDetection.EarlierComplaint;
import org.complaintsuite.platform.mongo.Documents;
import org.complaintsuite.platform.mongo.OnceOnly;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What intake registered, one document per complaint, rebuilt from the event store on replay; it also
 * indexes each complaint by its customer's keys and subject, lists the contacts linked to it, and keeps
 * how far its case has come (from routing and feedback) so a new contact can be matched with it.
 */
@Component
@ProcessingGroup("complaint-view")
public class ComplaintView implements Registrar.EarlierComplaints {

    /** Stage of a case within a round, in the order they happen. */
    public enum CaseStage { OPEN, RESOLVED, CLOSED }

    private final MongoCollection<Document> complaints;
    /** One document per (customer key, problem): the latest complaint that opened a case; point lookups only. */
    private final MongoCollection<Document> contacts;

    public ComplaintView(MongoDatabase mongo) {
        this.complaints = mongo.getCollection("complaints");
        this.contacts = mongo.getCollection("contacts");
    }

    @EventHandler
    void on(ComplaintReceived event) {
        if (event.opensACase()) {
            ProblemKey problem = ProblemKey.of(event.caseKind(), event.subject(), event.category(), event.description());
            long at = event.receivedAt().toEpochMilli();
            for (String key : CustomerIdentity.keys(event.customer())) {
                // the latest complaint wins; an older one projected late changes nothing
                OnceOnly.advance(contacts, contactKey(key, problem), "receivedAtMillis", at,
                        Updates.set("complaintId", event.complaintId().value())).block();
            }
        }
        // indexed before it is visible: a complaint anyone can read is one a new contact is matched with
        Document fields = Documents.of(event);
        fields.remove("complaintId");
        List<Bson> sets = new ArrayList<>();
        fields.forEach((key, value) -> sets.add(Updates.set(key, value)));
        if (event.answeredOnTheSpot() != null
                || (event.answeredAutomatically() != null && !event.answeredAutomatically().opensACase())) {
            sets.add(Updates.set("caseStage", CaseStage.CLOSED.name())); // answered in the contact, closed in one
        }
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
        List<Bson> sets = new ArrayList<>(List.of(Updates.set("caseRound", round),
                Updates.set("caseStage", stage.name())));
        if (stage == CaseStage.RESOLVED) {
            sets.add(Updates.set("resolvedAt", resolvedAt.toString()));
        } else if (stage == CaseStage.OPEN) {
            sets.add(Updates.unset("resolvedAt"));
        }
        return OnceOnly.advance(complaints, complaintId.value(), "caseProgress", progress, Updates.combine(sets))
                .then();
    }

    /**
     * The customer's latest earlier contact about the same problem that opened a case of its own (a contact
     * linked to another is not one), other than {@code exclude}; empty when there is none. One point
     * lookup per customer key, whatever the number of complaints stored.
     */
    public Mono<EarlierComplaint> latestEarlier(List<String> identity, ProblemKey problem, ComplaintId exclude) {
        return Flux.fromIterable(identity)
                .flatMap(key -> Mono.from(contacts.find(Filters.eq("_id", contactKey(key, problem))).first()))
                .filter(c -> !exclude.value().equals(c.getString("complaintId")))
                .reduce((a, b) -> a.getLong("receivedAtMillis") >= b.getLong("receivedAtMillis") ? a : b)
                .flatMap(c -> Mono.from(complaints.find(Filters.eq("_id", c.getString("complaintId"))).first()))
                .map(d -> new EarlierComplaint(new ComplaintId(d.getString("_id")),
                        CaseStage.OPEN.name().equals(d.getString("caseStage")) || d.getString("resolvedAt") == null
                                ? null : Instant.parse(d.getString("resolvedAt"))));
    }

    /** The same, for the registration: a few point lookups, waited for (the caller runs off the event loop). */
    @Override
    public Optional<EarlierComplaint> latestAbout(List<String> customerKeys, ProblemKey problem, ComplaintId exclude) {
        return latestEarlier(customerKeys, problem, exclude).blockOptional();
    }

    private static String contactKey(String customerKey, ProblemKey problem) {
        return customerKey + "|" + problem.value();
    }

    public Mono<RegisteredComplaint> find(String complaintId) {
        return Mono.from(complaints.find(Filters.and(Filters.eq("_id", complaintId), Filters.exists("channel")))
                        .first())
                .map(d -> Documents.read(d, RegisteredComplaint.class));
    }
}

package org.complaintsuite.analytics.projection;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.complaintsuite.events.RequestKind;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The management summary, computed from the per-complaint projection. */
@Component
public class Summary {

    private final MongoCollection<Document> complaints;

    public Summary(MongoDatabase mongo) {
        this.complaints = mongo.getCollection(ComplaintProjection.COLLECTION);
    }

    /**
     * {@code open}: complaints and service requests not yet resolved — the tracked kinds, whose resolution
     * is time-limited; consultations and queries are in {@code received} and {@code byKind}, never open work.
     * {@code multiChannelDuplicates}: contacts about a complaint still open (no case of their own);
     * {@code repeatComplaints}: contacts that re-opened a resolved one. Neither is in {@code received}.
     * {@code answeredOnTheSpot}: consultations answered during the contact, received and closed in one (also
     * in {@code closed}). {@code answeredAutomatically}: queries answered from a lookup (closed, or open as the
     * case their answer called for — a counterfeit is an open complaint until resolved).
     */
    public record Counts(long received, long open, long escalated, long resolved, long revisited, long closed,
                         long answeredOnTheSpot, long answeredAutomatically, long slaWarnings, long slaBreaches, long multiChannelDuplicates,
                         long repeatComplaints, Map<String, Long> byKind, Map<String, Long> byCategory,
                         Map<String, Long> byChannel) {
    }

    private static final List<String> TRACKED_KINDS = Arrays.stream(RequestKind.values())
            .filter(RequestKind::isTracked).map(RequestKind::name).toList();

    public Mono<Counts> counts() {
        Bson received = Filters.eq("received", true);
        return Mono.zip(List.of(
                count(received),
                // the kind of the case it opened (a counterfeit query's is a complaint); before that was kept, its own
                count(Filters.and(received, Filters.or(Filters.in("caseKind", TRACKED_KINDS),
                                Filters.and(Filters.exists("caseKind", false), Filters.in("kind", TRACKED_KINDS))),
                        Filters.nin("state", "RESOLVED", "CLOSED"))),
                count(Filters.and(received, Filters.gt("escalations", 0))),
                count(Filters.and(received, Filters.gt("resolutions", 0))),
                count(Filters.and(received, Filters.gt("revisits", 0))),
                count(Filters.and(received, Filters.eq("closed", true))),
                count(Filters.and(received, Filters.eq("answeredOnTheSpot", true))),
                count(Filters.and(received, Filters.eq("answeredAutomatically", true))),
                sum("slaWarnings"),
                sum("slaBreaches"),
                count(Filters.eq("linked", "MULTI_CHANNEL_DUPLICATE")),
                count(Filters.eq("linked", "REPEAT_COMPLAINT")),
                groupCount("kind"),
                groupCount("category"),
                groupCount("channel")), values -> new Counts(
                (Long) values[0], (Long) values[1], (Long) values[2], (Long) values[3], (Long) values[4],
                (Long) values[5], (Long) values[6], (Long) values[7], (Long) values[8], (Long) values[9],
                (Long) values[10], (Long) values[11], castMap(values[12]), castMap(values[13]), castMap(values[14])));
    }

    private Mono<Long> count(Bson filter) {
        return Mono.from(complaints.countDocuments(filter));
    }

    private Mono<Long> sum(String field) {
        return Flux.from(complaints.aggregate(List.of(
                        Aggregates.match(Filters.gt(field, 0)),
                        Aggregates.group(null, Accumulators.sum("total", "$" + field)))))
                .next()
                .map(d -> ((Number) d.get("total")).longValue())
                .defaultIfEmpty(0L);
    }

    private Mono<Map<String, Long>> groupCount(String field) {
        return Flux.from(complaints.aggregate(List.of(
                        Aggregates.match(Filters.eq("received", true)),
                        Aggregates.group("$" + field, Accumulators.sum("n", 1)))))
                .collectMap(d -> String.valueOf(d.get("_id")), d -> ((Number) d.get("n")).longValue(), TreeMap::new);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> castMap(Object value) {
        return (Map<String, Long>) value;
    }
}

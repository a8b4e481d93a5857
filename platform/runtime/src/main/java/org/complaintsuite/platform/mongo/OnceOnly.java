package org.complaintsuite.platform.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Mono;

/**
 * Applies an update to one document at most once per event: the event id is recorded in the same
 * single-document write that applies the update, so a redelivered or replayed event changes nothing.
 */
public final class OnceOnly {

    public static final String APPLIED = "appliedEvents";

    private OnceOnly() {
    }

    /** True when applied now, false when this event had been applied before. */
    public static Mono<Boolean> apply(MongoCollection<Document> collection, String documentId, String eventId,
                                      Bson update) {
        Bson filter = Filters.and(Filters.eq("_id", documentId), Filters.ne(APPLIED, eventId));
        Bson withMark = Updates.combine(update, Updates.push(APPLIED, eventId));
        return Mono.from(collection.updateOne(filter, withMark, new UpdateOptions().upsert(true)))
                .map(result -> true)
                // the document exists and already holds the event id: the upsert's insert collides
                .onErrorResume(e -> e instanceof MongoWriteException w
                        && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY, e -> Mono.just(false));
    }
}

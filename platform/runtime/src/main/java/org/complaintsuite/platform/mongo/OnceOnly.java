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
 * {@link #advance} does the same for updates ordered by a number instead of an event id.
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
                .onErrorResume(OnceOnly::isDuplicateKey, e -> Mono.just(false));
    }

    /**
     * Applies {@code update} and sets {@code field} to {@code value} only while the stored {@code field} is
     * lower (or absent), so news arriving late or twice changes nothing. True when applied now.
     */
    public static Mono<Boolean> advance(MongoCollection<Document> collection, String documentId, String field,
                                        long value, Bson update) {
        Bson lower = Filters.and(Filters.eq("_id", documentId),
                Filters.or(Filters.lt(field, value), Filters.exists(field, false)));
        return Mono.from(collection.updateOne(lower, Updates.combine(update, Updates.set(field, value)),
                        new UpdateOptions().upsert(true)))
                .map(result -> true)
                // the document exists with the field at or above the value: the upsert's insert collides
                .onErrorResume(OnceOnly::isDuplicateKey, e -> Mono.just(false));
    }

    /** Whether a write failed because a document with that key exists already. */
    public static boolean isDuplicateKey(Throwable e) {
        return e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}

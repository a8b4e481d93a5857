package org.complaintsuite.testing;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a read model's hot queries against the store of the run: the indexes its view declares exist
 * (either store), and a real MongoDB plans each query with one (the embedded store scans; it has no
 * planner to ask).
 */
public final class MongoIndexes implements AutoCloseable {

    private final MongoClient client = MongoClients.create(Infrastructures.selected().mongoUri());
    private final MongoDatabase database;

    public MongoIndexes(String database) {
        this.database = client.getDatabase(database);
    }

    /** Each of {@code keys} (e.g. {@code "[department, state, updatedAt]"}) is an index of {@code collection}. */
    public void assertDeclared(String collection, String... keys) {
        List<String> declared = Flux.from(database.getCollection(collection).listIndexes())
                .map(index -> index.get("key", Document.class).keySet().toString()).collectList().block();
        assertThat(declared).as("indexes of " + collection).contains(keys);
    }

    /** On a real MongoDB: the query is planned with an index, never a collection scan. */
    public void assertPlannedWithAnIndex(String collection, Document filter, Document sort) {
        if (!Infrastructures.realSelected()) {
            return;
        }
        Document find = new Document("find", collection).append("filter", filter);
        if (sort != null) {
            find.append("sort", sort);
        }
        Document plan = Mono.from(database.runCommand(new Document("explain", find)
                .append("verbosity", "queryPlanner"))).block();
        assertThat(plan.toJson()).as("plan of " + filter.toJson() + " on " + collection).contains("IXSCAN")
                .doesNotContain("COLLSCAN");
    }

    @Override
    public void close() {
        client.close();
    }
}

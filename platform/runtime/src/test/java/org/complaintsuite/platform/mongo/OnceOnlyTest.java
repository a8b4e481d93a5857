package org.complaintsuite.platform.mongo;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.complaintsuite.embedded.EmbeddedMongoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Projections written once per event on the Mongo-protocol store, and read back as records. */
class OnceOnlyTest {

    private static EmbeddedMongoServer server;
    private static MongoClient client;
    private MongoCollection<Document> views;

    @BeforeAll
    static void startTheStore() {
        server = EmbeddedMongoServer.startInMemory();
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stopTheStore() {
        client.close();
        server.close();
    }

    @BeforeEach
    void aCollectionOfItsOwn() {
        views = client.getDatabase("platform-" + UUID.randomUUID()).getCollection("views");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        assertThat(OnceOnly.apply(views, "c-1", "e-1", Updates.inc("contacts", 1)).block()).isTrue();
        assertThat(OnceOnly.apply(views, "c-1", "e-1", Updates.inc("contacts", 1)).block()).isFalse();
        assertThat(OnceOnly.apply(views, "c-1", "e-2", Updates.inc("contacts", 1)).block()).isTrue();
        assertThat(stored("c-1").getInteger("contacts")).isEqualTo(2);
        assertThat(stored("c-1").getList(OnceOnly.APPLIED, String.class)).containsExactly("e-1", "e-2");
    }

    @Test
    void anOlderNewsArrivingLateChangesNothing() {
        assertThat(OnceOnly.advance(views, "c-1", "progress", 6, Updates.set("stage", "RESOLVED")).block()).isTrue();
        assertThat(OnceOnly.advance(views, "c-1", "progress", 5, Updates.set("stage", "OPEN")).block()).isFalse();
        assertThat(OnceOnly.advance(views, "c-1", "progress", 6, Updates.set("stage", "OPEN")).block()).isFalse();
        assertThat(stored("c-1").getString("stage")).isEqualTo("RESOLVED");
        assertThat(OnceOnly.advance(views, "c-1", "progress", 9, Updates.set("stage", "OPEN")).block()).isTrue();
        assertThat(stored("c-1").getString("stage")).isEqualTo("OPEN");
    }

    record Amount(BigDecimal amount, String currency) {
    }

    record View(@JsonAlias("_id") String complaintId, Instant resolvedAt, Amount compensation, List<String> tags) {
    }

    @Test
    void aStoredDocumentIsReadBackAsItsRecordWithoutItsBookkeeping() {
        Document document = Documents.of(new View("c-9", Instant.parse("2026-12-01T10:00:00Z"),
                new Amount(new BigDecimal("120.50"), "CNY"), List.of("vip")));
        document.put("_id", document.remove("complaintId"));
        Mono.from(views.insertOne(document)).block();
        OnceOnly.apply(views, "c-9", "e-1", Updates.set("tags", List.of("vip", "media"))).block();

        Document stored = stored("c-9");
        assertThat(stored.get("compensation", Document.class).get("amount")).isInstanceOf(Decimal128.class);
        assertThat(Documents.read(stored, View.class)).isEqualTo(new View("c-9", Instant.parse("2026-12-01T10:00:00Z"),
                new Amount(new BigDecimal("120.50"), "CNY"), List.of("vip", "media")));
    }

    private Document stored(String id) {
        return Mono.from(views.find(Filters.eq("_id", id)).first()).block();
    }
}

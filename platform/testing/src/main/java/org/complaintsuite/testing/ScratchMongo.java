package org.complaintsuite.testing;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.complaintsuite.embedded.EmbeddedMongoServer;

import java.util.UUID;

/**
 * A database of its own for each projection test, on an in-memory Mongo-protocol store shared by the
 * tests of this JVM and stopped when it exits; on the real MongoDB under {@code -Preal-infrastructure}
 * (tests using it carry {@link InfrastructureCondition}).
 */
public final class ScratchMongo {

    private static MongoClient client;

    private ScratchMongo() {
    }

    public static synchronized MongoDatabase freshDatabase(String name) {
        if (client == null && Infrastructures.realSelected()) {
            client = MongoClients.create(Infrastructures.selected().mongoUri());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> client.close(), "scratch-mongo-stop"));
        } else if (client == null) {
            EmbeddedMongoServer server = EmbeddedMongoServer.startInMemory();
            client = MongoClients.create(server.connectionString());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                client.close();
                server.close();
            }, "scratch-mongo-stop"));
        }
        return client.getDatabase(name + "-" + UUID.randomUUID());
    }
}

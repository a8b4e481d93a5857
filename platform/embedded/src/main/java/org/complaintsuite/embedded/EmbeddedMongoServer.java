package org.complaintsuite.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A server speaking the MongoDB wire protocol (mongo-java-server): file-backed for the local suite,
 * in memory for tests. Production uses a real MongoDB replica set through {@code MONGODB_URI}.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private final MongoServer server;
    private final String host;
    private final int port;

    private EmbeddedMongoServer(MongoBackend backend, int port) {
        this.server = new MongoServer(backend);
        this.host = "127.0.0.1";
        if (port == 0) {
            var address = server.bind();
            this.port = address.getPort();
        } else {
            server.bind(host, port);
            this.port = port;
        }
    }

    public static EmbeddedMongoServer startFileBacked(Path file, int port) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return new EmbeddedMongoServer(new H2Backend(file.toAbsolutePath().toString()), port);
    }

    public static EmbeddedMongoServer startInMemory() {
        return new EmbeddedMongoServer(new MemoryBackend(), 0);
    }

    public String connectionString() {
        return "mongodb://" + host + ":" + port;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}

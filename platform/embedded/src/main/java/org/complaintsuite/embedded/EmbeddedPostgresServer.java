package org.complaintsuite.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

/** Real PostgreSQL binaries delivered by Maven (zonky), one database per service. */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Keeps its data in {@code dataDir} across restarts. */
    public static EmbeddedPostgresServer start(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir);
        return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "200")
                // the embedded defaults trade durability for speed; the local suite keeps real data
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start());
    }

    /** A throw-away server on a free port, for tests. */
    public static EmbeddedPostgresServer startTemporary() throws IOException {
        return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .start());
    }

    public void createDatabases(Collection<String> names) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            createDatabases(c, names);
        }
    }

    /** Creates the databases that do not exist yet on the server {@code c} is connected to. */
    public static void createDatabases(Connection c, Collection<String> names) throws SQLException {
        for (String name : names) {
            if (!name.matches("[a-z_]+")) {
                throw new IllegalArgumentException("bad database name " + name);
            }
            try (PreparedStatement q = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                q.setString(1, name);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        continue;
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("create database " + name);
            }
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}

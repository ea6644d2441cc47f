package gov.commerce.aiexports.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server (zonky's packaged binaries), for tests and the local stack. fsync and
 * synchronous_commit are on unless asked otherwise: the local stack and benchmarks keep them on.
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** @param dataDirectory kept between runs when not null; a fresh temporary one otherwise */
    public static PostgresServer start(int port, Path dataDirectory, boolean durable) throws IOException {
        return start(port, dataDirectory, durable, true);
    }

    /**
     * @param stopWithJvm whether the server stops by a hook of its own when the JVM ends (tests); the
     *                    local stack stops it itself, after the services and the broker
     */
    public static PostgresServer start(int port, Path dataDirectory, boolean durable, boolean stopWithJvm) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(stopWithJvm)
                .setPort(port)
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("full_page_writes", durable ? "on" : "off")
                .setServerConfig("max_connections", "300")
                .setServerConfig("listen_addresses", "127.0.0.1");
        if (Boolean.getBoolean(STATEMENT_STATISTICS)) {
            // ./bench --profile: which statements PostgreSQL's CPU goes to, beside the services' JFR profiles
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        return new PostgresServer(builder.start());
    }

    /** System property: load pg_stat_statements (the benchmark's profile reads it). */
    public static final String STATEMENT_STATISTICS = "aiexports.postgres.statements";

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** The owner of every database: migrations run as this role (and tests tamper as it). */
    public String user() {
        return "postgres";
    }

    /**
     * The role the services connect as: it may only append to the event tables (db/runtime V5,
     * which creates it). The server trusts local connections, so neither role needs a password.
     */
    public String appUser() {
        return APP_USER;
    }

    public static final String APP_USER = "aiexports_app";

    /**
     * The role a service connects as to its own database, one per database (as in production):
     * db/runtime V9 lets no other role but the owner connect to that database.
     */
    public String appUserOf(String database) {
        return appRoleOf(database);
    }

    public static String appRoleOf(String database) {
        return "aiexports_" + database.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    /** Creates the database if it does not exist yet. */
    public void createDatabase(String name) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name.replace("'", "") + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database \"" + name.replace("\"", "") + "\"");
        }
    }

    /** How many events the aggregate has in the service's event store: a refused command must not add one. */
    public long eventCount(String database, String aggregateId) throws SQLException {
        try (Connection c = connect(database);
             java.sql.PreparedStatement s = c.prepareStatement("select count(*) from domain_event_entry where aggregate_identifier = ?")) {
            s.setString(1, aggregateId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public Connection connect(String database) throws SQLException {
        return postgres.getDatabase(user(), database).getConnection();
    }

    /** A connection as another role, such as {@link #appUser()}. */
    public Connection connectAs(String user, String database) throws SQLException {
        return postgres.getDatabase(user, database).getConnection();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}

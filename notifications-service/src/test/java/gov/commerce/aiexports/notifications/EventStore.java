package gov.commerce.aiexports.notifications;

import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Reads the service's event store and tables directly, as an auditor's replay would. */
public final class EventStore {

    public static final String DATABASE = "notifications";
    /** System properties (JVM-wide, unlike the test infrastructure's statics) that hand the database to a restarted service. */
    public static final String HANDED_OVER_URL = "aiexports.test.notifications.jdbc-url";
    public static final String HANDED_OVER_KAFKA = "aiexports.test.notifications.kafka";
    public static final String HANDED_OVER_JWT_KEY = "aiexports.test.notifications.jwt-key";

    private static String handedOverUrl;

    private EventStore() {
    }

    /**
     * Quarkus starts a restarted application in a new class loader, where the test
     * infrastructure's statics are new (and would start new servers): the database, broker and
     * token key in use are therefore handed over in system properties.
     */
    public static void handOver() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        System.setProperty(HANDED_OVER_URL, infra.postgres().jdbcUrl(DATABASE));
        System.setProperty(HANDED_OVER_KAFKA, infra.kafka().bootstrapServers());
        System.setProperty(HANDED_OVER_JWT_KEY, infra.tokens().publicKeyBase64());
    }

    /** In the restarted application: read the database handed over, not a new one. */
    public static void useHandedOver() {
        handedOverUrl = System.getProperty(HANDED_OVER_URL);
        if (handedOverUrl == null) {
            throw new IllegalStateException("no database handed over: ClosingRemindersTest runs first");
        }
    }

    static Connection connect() throws Exception {
        if (handedOverUrl != null) {
            return java.sql.DriverManager.getConnection(handedOverUrl, "postgres", "");
        }
        return TestInfrastructure.get().postgres().connect(DATABASE);
    }

    /** The simple payload type names of an aggregate's events, in order. */
    public static List<String> eventTypes(String aggregateId) throws Exception {
        List<String> out = new ArrayList<>();
        for (String[] row : rows("select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                aggregateId)) {
            out.add(row[0].substring(row[0].lastIndexOf('$') + 1));
        }
        return out;
    }

    /** The payload JSON of an aggregate's events, in order. */
    public static List<String> payloads(String aggregateId) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement(
                     "select payload from domain_event_entry where aggregate_identifier = ? order by sequence_number")) {
            s.setString(1, aggregateId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new String(rs.getBytes(1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    public static long count(String sql, Object... params) throws Exception {
        return Long.parseLong(rows(sql, params).get(0)[0]);
    }

    public static List<String[]> rows(String sql, Object... params) throws Exception {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<String[]> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    String[] row = new String[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }
}

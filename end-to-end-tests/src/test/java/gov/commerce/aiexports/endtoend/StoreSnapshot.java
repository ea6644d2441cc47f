package gov.commerce.aiexports.endtoend;

import gov.commerce.aiexports.localstack.Services;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content of every table of the four services' databases (a row count and a digest of the
 * rows), to prove that a run of refused requests wrote nothing anywhere: no event, no read-model
 * row, no secret, no counter. Only what moves by itself is left out: the processors' tokens and the
 * audit chain's signed checkpoints, taken on a timer.
 */
record StoreSnapshot(Map<String, String> tables) {

    /**
     * What a read writes, left out: a read of a confidential section by someone outside the consortium
     * is recorded (the account of disclosure: each service's DisclosureBatch events and their chain
     * links, the ConfidentialSectionsRead records consumed from them, proposals-service's account).
     */
    private static final String ACCOUNT_OF_READS = "disclosure_record";
    private static final Map<String, String> READS_LEFT_OUT = Map.of(
            "domain_event_entry", " where t.type is distinct from 'DisclosureBatch'",
            "event_hash_chain", " where t.event_identifier not in (select event_identifier from domain_event_entry"
                    + " where type = 'DisclosureBatch')",
            "processed_integration_event", " where t.event_type <> 'ConfidentialSectionsRead'");

    static StoreSnapshot take() throws Exception {
        Map<String, String> tables = new TreeMap<>();
        for (Services.Service service : Services.ALL) {
            try (Connection c = RunningStack.get().postgres().connect(service.database()); Statement s = c.createStatement()) {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = 'public' "
                        + "and tablename not in ('token_entry', 'audit_checkpoint', 'flyway_schema_history') order by tablename")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                for (String table : names) {
                    if (ACCOUNT_OF_READS.equals(table)) {
                        continue;
                    }
                    try (ResultSet rs = s.executeQuery("select count(*) || ' rows, ' || md5(coalesce(string_agg(t::text, '|' "
                            + "order by t::text), '')) from " + table + " t" + READS_LEFT_OUT.getOrDefault(table, ""))) {
                        rs.next();
                        tables.put(service.database() + "." + table, rs.getString(1));
                    }
                }
            }
        }
        return new StoreSnapshot(tables);
    }

    /** Waits until the stores stop moving (consumers and publishers of earlier steps done), then takes a snapshot. */
    static StoreSnapshot settled() throws Exception {
        StoreSnapshot previous = take();
        long until = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < until) {
            Thread.sleep(2_000);
            StoreSnapshot next = take();
            if (next.equals(previous)) {
                return next;
            }
            previous = next;
        }
        throw new IllegalStateException("the stores kept changing for two minutes: " + previous.tables().keySet());
    }

    /** The tables whose content differs, with both states; empty when nothing was written. */
    List<String> differencesFrom(StoreSnapshot before) {
        List<String> changed = new ArrayList<>();
        tables.forEach((table, state) -> {
            if (!state.equals(before.tables().get(table))) {
                changed.add(table + ": " + before.tables().get(table) + " -> " + state);
            }
        });
        return changed;
    }
}

package gov.commerce.aiexports.endtoend.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard JSON against the dashboard model of the schema version it declares (the
 * fields Grafana requires of a dashboard and of a panel in that version), and its queries against
 * the metrics: each one documented in the runbook's table (that the services really export them is
 * checked over the running services, OperationsIT).
 */
class DashboardTest {

    /** Grafana's dashboard JSON model, schema version 39 (Grafana 11.0 to 11.2; later versions migrate it on load). */
    private static final Map<Integer, List<String>> REQUIRED_DASHBOARD_FIELDS = Map.of(
            39, List.of("uid", "title", "schemaVersion", "version", "time", "panels", "templating", "annotations", "editable"));
    private static final Map<Integer, List<String>> REQUIRED_PANEL_FIELDS = Map.of(
            39, List.of("id", "type", "title", "gridPos", "datasource", "targets", "fieldConfig", "options"));
    private static final Set<String> PANEL_TYPES = Set.of("timeseries", "stat", "gauge", "table", "bargauge");

    @Test
    void it_is_a_dashboard_of_the_schema_version_it_declares() throws Exception {
        JsonNode d = Dashboard.read();
        int version = d.get("schemaVersion").asInt();
        assertTrue(REQUIRED_DASHBOARD_FIELDS.containsKey(version), "a schema version this test knows: " + version);
        for (String field : REQUIRED_DASHBOARD_FIELDS.get(version)) {
            assertTrue(d.has(field), "dashboard." + field);
        }
        assertTrue(d.get("time").has("from") && d.get("time").has("to"));
        assertTrue(d.get("templating").get("list").isArray() && d.get("annotations").get("list").isArray());
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : d.get("panels")) {
            for (String field : REQUIRED_PANEL_FIELDS.get(version)) {
                assertTrue(panel.has(field), panel.path("title").asText() + ": panel." + field);
            }
            assertTrue(ids.add(panel.get("id").asInt()), "panel ids are unique");
            assertTrue(PANEL_TYPES.contains(panel.get("type").asText()), panel.get("type").asText());
            for (String g : List.of("h", "w", "x", "y")) {
                assertTrue(panel.get("gridPos").get(g).isInt(), "gridPos." + g);
            }
            assertTrue(panel.get("gridPos").get("x").asInt() + panel.get("gridPos").get("w").asInt() <= 24, "within the 24 columns");
            assertEquals("prometheus", panel.get("datasource").get("uid").asText());
            Set<String> refIds = new HashSet<>();
            for (JsonNode target : panel.get("targets")) {
                assertTrue(refIds.add(target.get("refId").asText()), "refIds are unique within a panel");
                assertTrue(!target.get("expr").asText().isBlank());
            }
        }
    }

    @Test
    void it_shows_throughput_latency_lags_dead_letters_and_delivery_retries() throws Exception {
        Set<String> metrics = Dashboard.metricNames();
        for (String m : List.of("http_server_requests_seconds_count", "http_server_requests_seconds_sum", "aiexports_consumer_lag_records",
                "aiexports_publisher_lag_events", "aiexports_consumer_dead_letters_total", "aiexports_notifications_delivery_attempts_total")) {
            assertTrue(metrics.contains(m), m + " in " + metrics);
        }
    }

    @Test
    void every_metric_it_reads_is_in_the_runbook_table() throws Exception {
        String runbook = Repo.read("docs/runbook.md");
        for (String metric : Dashboard.metricNames()) {
            String base = metric.replaceAll("_(count|sum|max|bucket|total)$", "");
            assertTrue(runbook.contains("`" + metric) || runbook.contains("`" + base), metric + " is not in docs/runbook.md");
        }
    }

    @Test
    void metric_names_are_read_out_of_a_query() {
        assertEquals(Set.of("a_total", "b_count"), Dashboard.metricNames(
                "sum by (application, rule) (increase(a_total{rule=\"x\"}[1h])) / max without (le) (b_count)"));
    }
}

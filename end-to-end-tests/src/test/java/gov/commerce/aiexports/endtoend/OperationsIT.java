package gov.commerce.aiexports.endtoend;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.endtoend.deploy.Dashboard;
import gov.commerce.aiexports.localstack.Services;
import gov.commerce.aiexports.localstack.Stack;
import io.restassured.RestAssured;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What operators rely on, over the packaged services: database roles, and the metrics the dashboard reads. */
class OperationsIT {

    @Test
    void each_service_role_reads_its_own_database_and_cannot_open_another_services() throws Exception {
        Stack stack = RunningStack.get();
        for (Services.Service own : Services.ALL) {
            String role = stack.postgres().appUserOf(own.database());
            try (Connection c = stack.postgres().connectAs(role, own.database()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select current_user, count(*) from domain_event_entry")) {
                rs.next();
                assertEquals(role, rs.getString(1));
            }
            for (Services.Service other : Services.ALL) {
                if (other == own) {
                    continue;
                }
                SQLException refused = assertThrows(SQLException.class, () -> {
                    try (Connection c = stack.postgres().connectAs(role, other.database()); Statement s = c.createStatement()) {
                        s.executeQuery("select count(*) from domain_event_entry").close();
                    }
                }, role + " opened " + other.database());
                // 42501: insufficient_privilege ("permission denied for database ...")
                assertEquals("42501", refused.getSQLState(), role + " on " + other.database() + ": " + refused.getMessage());
            }
        }
    }

    @Test
    void with_json_logs_on_every_line_is_a_json_object_with_date_level_message_and_service() throws Exception {
        Stack stack = RunningStack.get();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (Services.Service s : Services.ALL) {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(stack.service(s).log());
            java.util.List<String> objects = lines.stream().filter(l -> l.startsWith("{")).toList();
            assertTrue(objects.size() >= 10 && objects.size() * 10 >= lines.size() * 9,
                    s.name() + ": " + objects.size() + " JSON lines of " + lines.size());
            for (String line : objects) {
                com.fasterxml.jackson.databind.JsonNode entry = json.readTree(line);
                assertEquals(s.name(), entry.path("service").asText(), line);
                assertTrue(entry.path("timestamp").asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"), line);
                assertTrue(entry.path("level").isTextual() && entry.has("message") && entry.has("loggerName"), line);
            }
        }
    }

    @Test
    void every_metric_the_dashboard_reads_is_exported_by_the_services() throws Exception {
        RunningStack.get();
        String uei = Program.newUei();
        Program.submittedProposal(Program.publishedCall(), Program.consortium(uei), uei);
        Set<String> wanted = Dashboard.metricNames();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Set<String> exported = new TreeSet<>();
            for (Services.Service s : Services.ALL) {
                String text = RestAssured.given().baseUri(RunningStack.url(s)).get("/q/metrics").then().statusCode(200).extract().asString();
                Matcher m = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]").matcher(text);
                while (m.find()) {
                    exported.add(m.group(1));
                }
            }
            Set<String> missing = new TreeSet<>(wanted);
            missing.removeAll(exported);
            assertTrue(missing.isEmpty(), "the dashboard reads metrics no service exports: " + missing);
        });
    }
}

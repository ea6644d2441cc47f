package gov.commerce.aiexports.endtoend.deploy;

import static gov.commerce.aiexports.endtoend.deploy.Repo.list;
import static gov.commerce.aiexports.endtoend.deploy.Repo.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, read strictly, and what it refers to: the production settings an operator
 * relies on (.ci/run also has Compose itself validate it, with and without the observability profile).
 */
class ComposeFileTest {

    private static final Set<String> APPLICATIONS = Set.of("proposals-service", "review-service", "incentives-service",
            "notifications-service");
    private static final Set<String> OBSERVABILITY = Set.of("otel-collector", "jaeger", "prometheus", "grafana");

    private final Map<String, Object> compose = Repo.yamlMap("docker-compose.yml");
    private final Map<String, Object> services = map(compose.get("services"));
    private final Map<String, Object> secrets = map(compose.get("secrets"));

    @Test
    void only_keys_compose_knows_at_the_top() {
        for (String key : compose.keySet()) {
            assertTrue(key.startsWith("x-") || Set.of("services", "volumes", "secrets", "networks", "configs", "name").contains(key), key);
        }
        assertTrue(services.keySet().containsAll(APPLICATIONS), services.keySet().toString());
        assertTrue(services.keySet().containsAll(OBSERVABILITY), services.keySet().toString());
    }

    @Test
    void every_port_is_published_on_loopback_unless_the_operator_says_otherwise() {
        services.forEach((name, s) -> {
            for (Object port : list(map(s).get("ports"))) {
                assertTrue(port.toString().startsWith("${BIND_ADDRESS:-127.0.0.1}:"), name + ": " + port);
            }
        });
    }

    @Test
    void every_service_restarts_has_a_memory_limit_and_a_pinned_image() {
        services.forEach((name, s) -> {
            Map<String, Object> service = map(s);
            assertEquals("unless-stopped", service.get("restart"), name);
            assertTrue(String.valueOf(service.get("mem_limit")).matches("\\d+[mg]"), name + ": " + service.get("mem_limit"));
            String image = String.valueOf(service.get("image"));
            Matcher tag = Pattern.compile("^[a-z0-9./_-]+:([A-Za-z0-9._${}:-]+)$").matcher(image);
            assertTrue(tag.matches(), name + ": image " + image + " has no tag");
            assertFalse(tag.group(1).equals("latest") || tag.group(1).matches("\\d+"), name + ": " + image + " is not pinned to a release");
        });
    }

    @Test
    void secrets_come_from_files_and_every_file_variable_names_a_secret_its_service_mounts() {
        Pattern mounted = Pattern.compile("/run/secrets/([a-z0-9_]+)");
        Set<String> used = new TreeSet<>();
        services.forEach((name, s) -> {
            Map<String, Object> service = map(s);
            Set<String> mounts = new TreeSet<>();
            list(service.get("secrets")).forEach(m -> mounts.add(m.toString()));
            assertTrue(secrets.keySet().containsAll(mounts), name + " mounts an undeclared secret: " + mounts);
            used.addAll(mounts);
            map(service.get("environment")).forEach((variable, value) -> {
                String v = String.valueOf(value);
                assertFalse(variable.matches(".*(PASSWORD|SECRET|SIGNING_KEY)$") && !v.isEmpty(),
                        name + ": " + variable + " is a secret in the environment; use " + variable + "_FILE");
                Matcher m = mounted.matcher(v);
                if (variable.endsWith("_FILE") || variable.endsWith("__FILE") || variable.endsWith("_LOCATION")) {
                    assertTrue(m.matches(), name + ": " + variable + "=" + v + " is not a mounted secret");
                    assertTrue(mounts.contains(m.group(1)), name + ": " + variable + " names " + m.group(1) + ", which it does not mount");
                }
            });
            for (String required : APPLICATIONS.contains(name) ? List.of("DATABASE_PASSWORD_FILE", "DATABASE_OWNER_PASSWORD_FILE",
                    "AIEXPORTS_AUDIT_SIGNING_KEY_FILE", "MP_JWT_VERIFY_PUBLICKEY_LOCATION") : List.<String>of()) {
                assertTrue(map(service.get("environment")).containsKey(required), name + " lacks " + required);
            }
        });
        assertEquals(secrets.keySet(), used, "every declared secret is used");
        secrets.forEach((name, s) -> assertTrue(map(s).get("file") != null, name + " is not read from a file"));
    }

    @Test
    void the_stack_refuses_to_start_without_a_jwt_key() {
        String file = String.valueOf(map(secrets.get("jwt_public_key")).get("file"));
        assertTrue(file.matches("\\$\\{JWT_PUBLIC_KEY_FILE:\\?.+}"), file);
        assertTrue(map(map(services.get("notifications-service")).get("environment")).containsKey("QUARKUS_MAILER_PASSWORD_FILE"));
    }

    @Test
    void every_file_it_mounts_from_the_repository_exists() {
        services.forEach((name, s) -> {
            for (Object volume : list(map(s).get("volumes"))) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith("./")) {
                    assertTrue(Files.isRegularFile(Repo.root().resolve(source)), name + " mounts " + source + ", which is missing");
                }
            }
            Object build = map(s).get("build");
            if (build != null) {
                assertTrue(Files.isRegularFile(Repo.root().resolve(String.valueOf(map(build).get("dockerfile")))), name);
                // one parametrised Dockerfile: each service names its own module and the port it publishes
                assertEquals("docker/Dockerfile", map(build).get("dockerfile"), name);
                assertEquals(name, String.valueOf(map(map(build).get("args")).get("SERVICE")), name);
                assertTrue(Files.isRegularFile(Repo.root().resolve(name).resolve("pom.xml")), name);
                assertEquals(String.valueOf(map(map(s).get("environment")).get("PORT")),
                        String.valueOf(map(map(build).get("args")).get("PORT")), name);
            }
        });
    }

    @Test
    void observability_runs_only_in_its_profile_and_prometheus_scrapes_the_four_services() {
        services.forEach((name, s) -> assertEquals(OBSERVABILITY.contains(name) ? List.of("observability") : List.of(),
                list(map(s).get("profiles")), name));
        Map<String, Object> prometheus = Repo.yamlMap("docker/observability/prometheus.yml");
        Set<String> targets = new TreeSet<>();
        for (Object job : list(prometheus.get("scrape_configs"))) {
            assertEquals("/q/metrics", map(job).get("metrics_path"));
            for (Object c : list(map(job).get("static_configs"))) {
                list(map(c).get("targets")).forEach(t -> targets.add(t.toString()));
            }
        }
        assertEquals(Set.of("proposals-service:8081", "review-service:8082", "incentives-service:8083", "notifications-service:8084"),
                targets);
        for (Object group : list(Repo.yamlMap("docker/observability/alerts.yml").get("groups"))) {
            for (Object rule : list(map(group).get("rules"))) {
                assertTrue(map(rule).get("alert") != null && map(rule).get("expr") != null, rule.toString());
            }
        }
        Map<String, Object> collector = Repo.yamlMap("docker/observability/otel-collector.yaml");
        assertTrue(map(map(map(collector.get("service")).get("pipelines")).get("traces")).get("exporters").toString().contains("jaeger"));
    }

    @Test
    void grafana_is_provisioned_with_the_committed_dashboard() {
        Map<String, Object> grafana = map(services.get("grafana"));
        String provider = String.valueOf(map(list(Repo.yamlMap("docker/observability/grafana/provisioning/dashboards/dashboards.yml")
                .get("providers")).get(0)).get("options"));
        assertTrue(provider.contains("/var/lib/grafana/dashboards"), provider);
        assertTrue(list(grafana.get("volumes")).stream().anyMatch(v -> v.toString().equals(
                "./docker/observability/grafana/dashboards/aiexports.json:/var/lib/grafana/dashboards/aiexports.json:ro")));
        List<Object> sources = list(Repo.yamlMap("docker/observability/grafana/provisioning/datasources/datasources.yml").get("datasources"));
        assertTrue(sources.stream().anyMatch(d -> "prometheus".equals(map(d).get("uid"))), sources.toString());
    }
}

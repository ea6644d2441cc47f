package gov.commerce.aiexports.endtoend.deploy;

import static gov.commerce.aiexports.endtoend.deploy.Repo.list;
import static gov.commerce.aiexports.endtoend.deploy.Repo.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s, parsed strictly into the Kubernetes model (fabric8): every document is a kind this
 * test knows, of the API version that kind has, and has no field the model does not know (the
 * model keeps unknown fields aside instead of refusing them: any kept field fails here). Then what
 * operators rely on: probes, resources, a disruption budget and an autoscaler per Deployment, the
 * Service selecting its pods, ConfigMap keys and Secret mounts that exist for every reference.
 */
class KubernetesManifestsTest {

    private static final String DIR = "deploy/k8s/";
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "apps/v1/Deployment", Deployment.class,
            "v1/Service", Service.class,
            "v1/ConfigMap", ConfigMap.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);
    private static final Set<String> SERVICES = Set.of("proposals-service", "review-service", "incentives-service", "notifications-service");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final List<HasMetadata> resources = load();

    private static List<HasMetadata> load() {
        List<HasMetadata> all = new ArrayList<>();
        Map<String, Object> kustomization = Repo.yamlMap(DIR + "kustomization.yaml");
        assertEquals("kustomize.config.k8s.io/v1beta1", kustomization.get("apiVersion"));
        assertEquals("Kustomization", kustomization.get("kind"));
        for (Object file : list(kustomization.get("resources"))) {
            assertTrue(Files.isRegularFile(Repo.root().resolve(DIR + file)), "kustomization names a missing file: " + file);
            for (Object doc : Repo.yamlDocuments(DIR + file)) {
                String kind = map(doc).get("apiVersion") + "/" + map(doc).get("kind");
                Class<? extends HasMetadata> type = KINDS.get(kind);
                if (type == null) {
                    fail(file + ": a kind this test does not know: " + kind);
                }
                HasMetadata resource = MAPPER.convertValue(doc, type);
                List<String> unknown = new ArrayList<>();
                unknownFields(resource, kind + " " + resource.getMetadata().getName(), unknown, new IdentityHashMap<>());
                assertTrue(unknown.isEmpty(), file + ": fields the Kubernetes model does not have: " + unknown);
                all.add(resource);
            }
        }
        return all;
    }

    /** Walks the model's getters; a non-empty additionalProperties is a field Kubernetes would reject (or silently drop). */
    private static void unknownFields(Object o, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (o == null || seen.put(o, true) != null) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                unknownFields(e, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknownFields(v, path + "." + k, unknown, seen));
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : o.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            try {
                Object value = getter.invoke(o);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + ": " + extra.keySet());
                    }
                } else {
                    unknownFields(value, path + "." + getter.getName().substring(3), unknown, seen);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(getter.toString(), e);
            }
        }
    }

    private <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private <T extends HasMetadata> T named(Class<T> type, String name) {
        return all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    @Test
    void the_model_refuses_a_field_it_does_not_know() {
        List<String> unknown = new ArrayList<>();
        Deployment d = MAPPER.convertValue(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "metadata", Map.of("name", "x"),
                "spec", Map.of("replica", 2)), Deployment.class);
        unknownFields(d, "Deployment x", unknown, new IdentityHashMap<>());
        assertEquals(List.of("Deployment x.Spec: [replica]"), unknown);
    }

    @Test
    void each_service_has_a_deployment_service_disruption_budget_and_autoscaler() {
        for (String name : SERVICES) {
            Deployment d = named(Deployment.class, name);
            Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
            assertTrue(podLabels.entrySet().containsAll(d.getSpec().getSelector().getMatchLabels().entrySet()), name);
            assertTrue(d.getSpec().getReplicas() >= 2, name + ": two instances at least, so one may go");
            Service s = named(Service.class, name);
            assertTrue(podLabels.entrySet().containsAll(s.getSpec().getSelector().entrySet()), name + ": the Service selects the pods");
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals("http", s.getSpec().getPorts().get(0).getTargetPort().getStrVal());
            assertEquals("http", c.getPorts().get(0).getName());
            String port = c.getEnv().stream().filter(e -> e.getName().equals("PORT")).findFirst().orElseThrow().getValue();
            assertEquals(Integer.valueOf(port), c.getPorts().get(0).getContainerPort(), name);

            assertEquals("/q/health/ready", c.getReadinessProbe().getHttpGet().getPath(), name);
            assertEquals("/q/health/live", c.getLivenessProbe().getHttpGet().getPath(), name);
            assertNotNull(c.getStartupProbe(), name);
            assertNotNull(c.getResources().getRequests().get("cpu"), name);
            assertNotNull(c.getResources().getRequests().get("memory"), name);
            assertNotNull(c.getResources().getLimits().get("memory"), name);
            assertEquals(Boolean.FALSE, d.getSpec().getTemplate().getSpec().getEnableServiceLinks(),
                    name + ": service links would put KAFKA_PORT and the like in the environment");

            PodDisruptionBudget pdb = named(PodDisruptionBudget.class, name);
            assertTrue(podLabels.entrySet().containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()), name);
            HorizontalPodAutoscaler hpa = named(HorizontalPodAutoscaler.class, name);
            assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
            assertEquals(name, hpa.getSpec().getScaleTargetRef().getName());
            assertTrue(hpa.getSpec().getMinReplicas() > pdb.getSpec().getMinAvailable().getIntVal(), name + ": a drain can proceed");
            String partitions = named(ConfigMap.class, "aiexports").getData().get("AIEXPORTS_KAFKA_PARTITIONS");
            assertTrue(hpa.getSpec().getMaxReplicas() <= Integer.parseInt(partitions), name + ": no more instances than partitions");
        }
    }

    @Test
    void every_config_map_key_and_secret_file_it_refers_to_is_there() {
        ConfigMap config = named(ConfigMap.class, "aiexports");
        for (Deployment d : all(Deployment.class)) {
            var pod = d.getSpec().getTemplate().getSpec();
            Map<String, Volume> volumes = new java.util.HashMap<>();
            pod.getVolumes().forEach(v -> volumes.put(v.getName(), v));
            for (Container c : pod.getContainers()) {
                c.getEnvFrom().forEach(e -> assertEquals("aiexports", e.getConfigMapRef().getName()));
                for (VolumeMount m : c.getVolumeMounts()) {
                    assertTrue(volumes.containsKey(m.getName()), d.getMetadata().getName() + " mounts an undeclared volume " + m.getName());
                }
                for (EnvVar e : c.getEnv()) {
                    if (e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null) {
                        String key = e.getValueFrom().getConfigMapKeyRef().getKey();
                        assertTrue(config.getData().containsKey(key), d.getMetadata().getName() + ": ConfigMap key " + key);
                    }
                    if (e.getName().endsWith("_FILE") || e.getName().endsWith("_LOCATION")) {
                        // the file is an item of a secret volume mounted at the path's folder
                        String path = e.getValue();
                        String folder = path.substring(0, path.lastIndexOf('/'));
                        String file = path.substring(path.lastIndexOf('/') + 1);
                        VolumeMount mount = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(folder)).findFirst()
                                .orElseThrow(() -> new AssertionError(d.getMetadata().getName() + ": " + e.getName() + " is not in a mounted folder"));
                        Volume v = volumes.get(mount.getName());
                        assertNotNull(v.getSecret(), e.getName() + " is read from a Secret");
                        assertTrue(v.getSecret().getItems().stream().anyMatch(i -> i.getPath().equals(file)),
                                d.getMetadata().getName() + ": " + e.getName() + " names " + file + ", not an item of its secret");
                    }
                }
                assertTrue(c.getEnv().stream().noneMatch(e -> e.getName().matches(".*(PASSWORD|SIGNING_KEY)") && e.getValue() != null),
                        "no secret in plain environment");
            }
        }
    }
}

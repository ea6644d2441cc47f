package gov.commerce.aiexports.localstack;

import java.nio.file.Path;
import java.util.List;

/** The four services: their ports (API.md), databases and packaged jars. */
public final class Services {

    public record Service(String name, int port, String database) {

        /**
         * The packaged service: under the project's own build, or under {@code aiexports.apps} when
         * ./run started from a copy of the builds (so that a ./mvnw verify beside it may rebuild them).
         */
        public Path jar(Path projectRoot) {
            String apps = System.getProperty("aiexports.apps");
            return (apps == null ? projectRoot : Path.of(apps)).resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        }

        public String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    public static final Service PROPOSALS = new Service("proposals-service", 8081, "proposals");
    public static final Service REVIEW = new Service("review-service", 8082, "review");
    public static final Service INCENTIVES = new Service("incentives-service", 8083, "incentives");
    public static final Service NOTIFICATIONS = new Service("notifications-service", 8084, "notifications");
    public static final List<Service> ALL = List.of(PROPOSALS, REVIEW, INCENTIVES, NOTIFICATIONS);

    private Services() {
    }
}

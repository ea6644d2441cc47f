package gov.commerce.aiexports.notifications;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * For the restarted service: the PostgreSQL database, Kafka broker and token key the first
 * application used (see {@link EventStore#handOver()}), so the restart meets its own data again.
 */
public class HandedOverInfrastructure implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String url = System.getProperty(EventStore.HANDED_OVER_URL);
        if (url == null) {
            throw new IllegalStateException("nothing handed over: ClosingRemindersTest must run before the restart test");
        }
        String signingKey;
        try {
            // the same audit key as the first application: its checkpoints must still verify
            signingKey = gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure.get().auditSigningKey();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", gov.commerce.aiexports.testsupport.PostgresServer.appRoleOf(url.substring(url.lastIndexOf('/') + 1)),
                "quarkus.datasource.password", "",
                "quarkus.flyway.username", "postgres",
                "quarkus.flyway.password", "trusted-locally",
                "aiexports.audit.signing-key", signingKey,
                "kafka.bootstrap.servers", System.getProperty(EventStore.HANDED_OVER_KAFKA),
                "mp.jwt.verify.publickey", System.getProperty(EventStore.HANDED_OVER_JWT_KEY),
                "mp.jwt.verify.issuer", gov.commerce.aiexports.testsupport.Tokens.ISSUER);
    }

    @Override
    public void stop() {
        // the servers belong to the first application's infrastructure
    }
}

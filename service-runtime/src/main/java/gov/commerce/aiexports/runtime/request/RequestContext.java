package gov.commerce.aiexports.runtime.request;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Per request: the caller from the token and the correlation id (from X-Correlation-Id or new). */
@RequestScoped
public class RequestContext {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    @Inject
    JsonWebToken token;

    private String correlationId;

    public String correlationId() {
        if (correlationId == null) {
            correlationId = UUID.randomUUID().toString();
        }
        return correlationId;
    }

    void correlationId(String value) {
        this.correlationId = value;
    }

    /** The version If-Match named for an aggregate ({@link Preconditions}): its commands carry it. */
    public record Expectation(String aggregateId, long version) {
    }

    private Expectation expectation;

    void expect(String aggregateId, long version) {
        this.expectation = new Expectation(aggregateId, version);
    }

    public Expectation expectation() {
        return expectation;
    }

    public Caller caller() {
        if (token == null || token.getSubject() == null) {
            throw new io.quarkus.security.UnauthorizedException("no authenticated caller");
        }
        Object org = token.getClaim("org");
        Set<String> groups = token.getGroups() == null ? Set.of() : Set.copyOf(token.getGroups());
        return new Caller(token.getSubject(), org == null ? "" : org.toString(), groups);
    }
}

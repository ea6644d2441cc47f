package gov.commerce.aiexports.runtime.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import gov.commerce.aiexports.runtime.consuming.Failures;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.domain.RuleViolation;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.runtime.domain.Violation;
import gov.commerce.aiexports.runtime.request.RequestContext;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json; nothing internal leaks in a 500. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Inject
    RequestContext context;

    @ServerExceptionMapper(priority = 1)
    public Response invalidInput(InvalidInput e, UriInfo uri) {
        return violations(400, "Invalid input", e.violations(), uri);
    }

    @ServerExceptionMapper(priority = 2)
    public Response ruleViolation(RuleViolation e, UriInfo uri) {
        return violations(422, "Refused by a rule of the program", e.violations(), uri);
    }

    @ServerExceptionMapper
    public Response conflict(StateConflict e, UriInfo uri) {
        return respond(409, "Conflict with the current state", e.getMessage(), e.rule(), e.field(), null, uri);
    }

    /** A change made under If-Match that lost the race to another change of that version: its precondition failed (412). */
    @ServerExceptionMapper
    public Response concurrent(ConcurrencyException e, UriInfo uri) {
        if (context.expectation() != null) {
            return stale(uri);
        }
        return respond(409, "Concurrent change", "The resource was changed by another request; read it again and retry.",
                "CONCURRENT_MODIFICATION", null, null, uri);
    }

    /** If-Match named a version another change replaced between the check and the write: as a stale If-Match, 412. */
    @ServerExceptionMapper
    public Response staleVersion(ConflictingModificationException e, UriInfo uri) {
        return stale(uri);
    }

    private Response stale(UriInfo uri) {
        return respond(412, "Precondition failed", "The resource has changed since the version given in If-Match; read it again.",
                gov.commerce.aiexports.runtime.request.Preconditions.STALE_VERSION, "/If-Match", null, uri);
    }

    @ServerExceptionMapper
    public Response precondition(gov.commerce.aiexports.runtime.domain.PreconditionFailed e, UriInfo uri) {
        return respond(e.status(), e.status() == 428 ? "Precondition required" : "Precondition failed", e.getMessage(), e.rule(),
                "/If-Match", null, uri);
    }

    @ServerExceptionMapper
    public Response notFound(NotFound e, UriInfo uri) {
        return respond(404, "Not found", e.getMessage(), "NOT_FOUND", null, null, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "Forbidden", "The token's roles or organisation do not allow this.", "FORBIDDEN", null, null, uri);
    }

    /** Quarkus maps these to a bare 400 of its own; ours names the field and the rule. */
    @ServerExceptionMapper(priority = 1)
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return respond(400, "Unknown field", "The field '" + e.getPropertyName() + "' is not part of this request.",
                "UNKNOWN_FIELD", pointer(e), null, uri);
    }

    @ServerExceptionMapper(priority = 2)
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        if (e instanceof InvalidFormatException format && format.getTargetType() == String.class) {
            return respond(400, "Control character in a value", "Text fields take no control character other than tab and line breaks.",
                    RequestGuards.CONTROL_CHARACTER, pointer(e), null, uri);
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            return respond(400, "Value not allowed", "'" + format.getValue() + "' is not one of "
                    + java.util.Arrays.toString(format.getTargetType().getEnumConstants()) + ".", "VALUE_NOT_ALLOWED", pointer(e),
                    null, uri);
        }
        return respond(400, "Wrong type", "A value has the wrong type for this request: " + e.getOriginalMessage(),
                "WRONG_TYPE", pointer(e), null, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown, uri);
        }
        if (e instanceof MismatchedInputException mismatched) {
            return wrongType(mismatched, uri);
        }
        return respond(400, "Malformed request body", "The body is not valid JSON for this request: " + e.getOriginalMessage(),
                "MALFORMED_JSON", pointer(e), null, uri);
    }

    private static String pointer(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("/", "/", ""));
        }
        return null;
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        String rule = status == 404 ? "NOT_FOUND" : status == 405 ? "METHOD_NOT_ALLOWED"
                : status == 415 ? "UNSUPPORTED_MEDIA_TYPE" : status == 406 ? "NOT_ACCEPTABLE" : "HTTP_" + status;
        return respond(status, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), e.getMessage(), rule, null, null, uri);
    }

    @ServerExceptionMapper(priority = 10000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (Failures.databaseAway(e)) {
            // PostgreSQL restarting or crashed: not the request's fault and not a bug; the client may send it again
            LOG.warnf("database unavailable on %s: %s (correlation %s)", uri.getPath(), Failures.describeForLog(e), context.correlationId());
            return Response.fromResponse(respond(503, "Service unavailable", "The database is unavailable for a moment; send the "
                    + "request again (with the same Idempotency-Key, if it had one).", "SERVICE_UNAVAILABLE", null, null, uri))
                    .header("Retry-After", "2").build();
        }
        LOG.errorf(e, "unexpected failure on %s (correlation %s)", uri.getPath(), context.correlationId());
        return respond(500, "Internal error", "The request failed; quote the correlation id to the operators.",
                "INTERNAL_ERROR", null, null, uri);
    }

    private Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(respond(401, "Unauthorized", "A valid bearer token is required.", "UNAUTHENTICATED",
                null, null, uri)).header("WWW-Authenticate", "Bearer").build();
    }

    private Response violations(int status, String title, List<Violation> violations, UriInfo uri) {
        Violation first = violations.get(0);
        return respond(status, title, first.detail(), first.rule(), first.field(), violations, uri);
    }

    private Response respond(int status, String title, String detail, String rule, String field,
            List<Violation> violations, UriInfo uri) {
        Problem problem = new Problem(Problem.typeOf(rule), title, status, detail, uri == null ? null : uri.getPath(), rule,
                field, context.correlationId(), violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem)
                .header(RequestContext.CORRELATION_HEADER, context.correlationId()).build();
    }
}

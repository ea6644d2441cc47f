package gov.commerce.aiexports.runtime.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.runtime.request.CorrelationFilter;
import gov.commerce.aiexports.runtime.request.RequestContext;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refusals made before a request reaches a resource, each answered with a problem document:
 * <ul>
 * <li>{@code BODY_TOO_LARGE} (413): a body declared larger than the limit, before a byte of it is
 * read. The HTTP layer's own limit ({@code quarkus.http.limits.max-body-size}, the same size) cuts
 * a chunked body there, with a bare 413.</li>
 * <li>{@code UNSUPPORTED_MEDIA_TYPE} (415): a body that is not declared JSON. Every body of this API is
 * JSON; without the check, a bare text body could bind to a request with a single text field.</li>
 * <li>{@code CONTROL_CHARACTER} (400): a path or query carrying an encoded control character, which
 * no identifier or filter of this API contains (and PostgreSQL refuses NUL in text).</li>
 * </ul>
 * Streamed uploads are the exception: a POST whose path matches {@code aiexports.http.stream-paths}
 * (a regular expression; none by default) carries a file of any type, which its resource reads as a
 * stream and limits itself. Its chunked body is cut by the HTTP layer at
 * {@code aiexports.http.stream-max-bytes}; every other chunked body still at {@code max-body-bytes},
 * even where a service raises {@code quarkus.http.limits.max-body-size} for its uploads.
 */
@ApplicationScoped
public class RequestGuards {

    public static final String BODY_TOO_LARGE = "BODY_TOO_LARGE";
    public static final String CONTROL_CHARACTER = "CONTROL_CHARACTER";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    /** C0 controls, DEL, and the C1 controls as UTF-8 (%C2%80 to %C2%9F). */
    private static final Pattern ENCODED_CONTROL = Pattern.compile("%(0[0-9a-fA-F]|1[0-9a-fA-F]|7[fF])|%[cC]2%[89][0-9a-fA-F]");

    /** Read by the HTTP layer's body stream for a request without Content-Length (VertxInputStream.MAX_REQUEST_SIZE_KEY). */
    private static final String MAX_REQUEST_SIZE_KEY = "io.quarkus.max-request-size";

    @ConfigProperty(name = "aiexports.http.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;
    @ConfigProperty(name = "aiexports.http.stream-paths")
    java.util.Optional<Pattern> streamPaths;
    @ConfigProperty(name = "aiexports.http.stream-max-bytes", defaultValue = "104857600")
    long streamMaxBytes;

    private boolean streamed(RoutingContext rc) {
        return streamPaths.isPresent() && rc.request().method() == io.vertx.core.http.HttpMethod.POST
                && streamPaths.get().matcher(rc.request().path()).matches();
    }

    void register(@Observes Filters filters) {
        // after the HTTP layer's own limit handler (order -2), which sets its limit for chunked bodies: this one wins
        filters.register(rc -> {
            rc.put(MAX_REQUEST_SIZE_KEY, streamed(rc) ? streamMaxBytes : maxBodyBytes);
            rc.next();
        }, 1);
        filters.register(rc -> {
            if (streamed(rc)) {
                // its resource limits and checks the body; the path and query are still checked
                if (ENCODED_CONTROL.matcher(rc.request().uri()).find()) {
                    refuse(rc, 400, "Control character in the request", CONTROL_CHARACTER, null,
                            "The path or query carries an encoded control character, which no identifier or filter contains.");
                    return;
                }
                rc.next();
                return;
            }
            String length = rc.request().getHeader("Content-Length");
            if (length != null && declaredLength(length) > maxBodyBytes) {
                refuse(rc, 413, "Request body too large", BODY_TOO_LARGE, "",
                        "The body is " + length + " bytes; this API accepts at most " + maxBodyBytes + ".");
                return;
            }
            if (hasBody(rc) && !isJson(rc.request().getHeader("Content-Type"))) {
                refuse(rc, 415, "Unsupported Media Type", UNSUPPORTED_MEDIA_TYPE, null,
                        "Request bodies are JSON: send Content-Type: application/json.");
                return;
            }
            if (ENCODED_CONTROL.matcher(rc.request().uri()).find()) {
                refuse(rc, 400, "Control character in the request", CONTROL_CHARACTER, null,
                        "The path or query carries an encoded control character, which no identifier or filter contains.");
                return;
            }
            rc.next();
        }, 200);
    }

    private static void refuse(RoutingContext rc, int status, String title, String rule, String field, String detail) {
        String correlation = rc.request().getHeader(RequestContext.CORRELATION_HEADER);
        correlation = correlation == null || !CorrelationFilter.ACCEPTED.matcher(correlation).matches() ? UUID.randomUUID().toString()
                : correlation;
        Problem problem = new Problem(Problem.typeOf(rule), title, status, detail, rc.request().path(), rule, field, correlation,
                null);
        rc.response().setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader(RequestContext.CORRELATION_HEADER, correlation)
                .putHeader("Connection", status == 413 ? "close" : "keep-alive")
                .end(json(problem));
    }

    private static boolean hasBody(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        return (length != null && declaredLength(length) > 0) || rc.request().getHeader("Transfer-Encoding") != null;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // a Content-Length that is not a number is refused as too large
        }
    }

    private static String json(Problem problem) {
        try {
            return EventCodec.mapper().writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

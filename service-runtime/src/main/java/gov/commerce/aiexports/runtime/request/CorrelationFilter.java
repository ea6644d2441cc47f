package gov.commerce.aiexports.runtime.request;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;

/** Takes the caller's X-Correlation-Id (or makes one) and returns it on every response. */
@Provider
@PreMatching
public class CorrelationFilter implements ContainerRequestFilter, ContainerResponseFilter {

    // bounded and plain, so a header can never smuggle anything into logs or events
    /** What a caller may send as its correlation id; anything else is replaced by a new one. */
    public static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** The log context's key: every line logged while a request is handled carries its correlation id (JSON logs: mdc.correlationId). */
    public static final String MDC_CORRELATION_ID = "correlationId";

    @Inject
    RequestContext context;

    @Override
    public void filter(ContainerRequestContext request) {
        String given = request.getHeaderString(RequestContext.CORRELATION_HEADER);
        if (given != null && ACCEPTED.matcher(given).matches()) {
            context.correlationId(given);
        }
        org.jboss.logging.MDC.put(MDC_CORRELATION_ID, context.correlationId());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(RequestContext.CORRELATION_HEADER, context.correlationId());
        org.jboss.logging.MDC.remove(MDC_CORRELATION_ID);
    }
}

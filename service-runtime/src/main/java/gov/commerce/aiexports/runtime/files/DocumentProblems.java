package gov.commerce.aiexports.runtime.files;

import gov.commerce.aiexports.runtime.problem.Problem;
import gov.commerce.aiexports.runtime.request.RequestContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A refused file or download as a problem document naming its rule (413, 422, 403 or 500). */
@Singleton // a framework edge (an exception mapper), as the architecture rule tells by its annotation
public class DocumentProblems {

    @Inject
    RequestContext context;

    @ServerExceptionMapper
    public Response refused(DocumentRefused e, UriInfo uri) {
        String title = switch (e.status()) {
            case 413 -> "File too large";
            case 403 -> "Forbidden";
            case 500 -> "Stored file failed its integrity check";
            default -> "File refused";
        };
        Problem problem = new Problem(Problem.typeOf(e.rule()), title, e.status(), e.getMessage(), uri.getPath(), e.rule(), e.field(),
                context.correlationId(), null);
        Response.ResponseBuilder response = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(problem)
                .header(RequestContext.CORRELATION_HEADER, context.correlationId());
        // the rest of a refused upload is not read: the connection cannot carry another request
        return (e.status() == 413 || e.status() == 422 ? response.header("Connection", "close") : response).build();
    }
}

package gov.commerce.aiexports.runtime.consuming;

import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.request.RequestContext;
import gov.commerce.aiexports.runtime.request.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Operators: the integration events this service's consumer gave up on, newest first, with why
 * and where they came from (not their content: a reason is a rule code, exception classes and
 * messages stripped of values, see Failures.reason), and their redelivery once the cause is fixed.
 * Auditors may read the list too: an event a service did not apply is part of how a decision was
 * (or was not) reached.
 */
@Path("/admin/dead-letters")
public class DeadLetterResource {

    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Inject
    DeadLetters deadLetters;
    @Inject
    gov.commerce.aiexports.runtime.paging.PageLinks links;
    @Inject
    IntegrationEventConsumer consumer;
    @Inject
    RequestContext request;
    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public DeadLetters.Page list(@QueryParam("status") String status, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size, @QueryParam("cursor") String cursor) {
        gov.commerce.aiexports.runtime.paging.PageRequest paging = gov.commerce.aiexports.runtime.paging.PageRequest.sized(cursor, page,
                size, 50, 200);
        new Checks()
                .require(status == null || DeadLetters.STATUSES.contains(status), "STATUS_INVALID", "/status",
                        "status is one of " + DeadLetters.STATUSES)
                .throwIfInvalid();
        DeadLetters.Page list = deadLetters.list(status, paging, page);
        links.next(list.next());
        return list;
    }

    /**
     * Applies the stored record again through the consumer's own path. 200 with the dead letter and
     * its {@code lastRedelivery}: {@code APPLIED}, {@code ALREADY_APPLIED} (no second effect) or
     * {@code FAILED} with the reason (it stays {@code DEAD_LETTERED}).
     */
    @POST
    @Path("{id}/redeliver")
    @RolesAllowed(Roles.OPERATOR)
    public DeadLetters.View redeliver(@PathParam("id") String id) {
        if (id == null || !UUID_SHAPE.matcher(id).matches()) {
            throw new NotFound("dead letter", "with that id");
        }
        return consumer.redeliver(UUID.fromString(id), request.caller().subject(), clock.instant());
    }
}

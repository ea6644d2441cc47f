package gov.commerce.aiexports.runtime.request;

import gov.commerce.aiexports.events.Actor;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.runtime.axon.AxonRuntime;
import gov.commerce.aiexports.runtime.axon.MetadataKeys;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.domain.RuleViolation;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Sends commands with the audit metadata: the caller and correlation of the current request, or
 * the service itself and the consumed integration event that caused it.
 */
@Singleton
public class Commands {

    @Inject
    AxonRuntime axon;
    @Inject
    RequestContext request;
    @Inject
    gov.commerce.aiexports.runtime.tracing.Tracing tracing;
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "aiexports.service.name")
    String serviceName;

    /** From a REST request: the token's caller is the actor. */
    public <R> R send(Object command) {
        Caller caller = request.caller();
        Map<String, Object> meta = metadata(caller.actor(), request.correlationId(), null);
        RequestContext.Expectation expected = request.expectation();
        if (expected != null) {
            // only a command to that aggregate is held to it (ExpectedVersionResolver)
            meta.put(MetadataKeys.EXPECTED_VERSION_OF, expected.aggregateId());
            meta.put(MetadataKeys.EXPECTED_VERSION, expected.version());
        }
        return dispatch(command, meta);
    }

    /**
     * What caused the service's work: a consumed integration event, by its id and correlation id.
     * Work done later on the service's own schedule (a delivery try, a reminder) keeps it instead of the event.
     */
    public record Cause(String eventId, String correlationId) {

        public static Cause of(IntegrationEvent event) {
            return new Cause(event.eventId().toString(), event.correlationId());
        }
    }

    /** On a consumed integration event: the service is the actor, the event is the cause. */
    public <R> R sendOnEvent(Object command, IntegrationEvent cause) {
        return sendOnCause(command, Cause.of(cause));
    }

    /** For a cause recorded earlier: the service is the actor, the event that started the work is the source. */
    public <R> R sendOnCause(Object command, Cause cause) {
        return dispatch(command, metadata(Actor.system(serviceName), cause.correlationId(), cause.eventId()));
    }

    /** From the service's own scheduled work: the service is the actor, the correlation names the work. */
    public <R> R sendAsService(Object command, String correlationId) {
        return dispatch(command, metadata(Actor.system(serviceName), correlationId, null));
    }

    private static Map<String, Object> metadata(Actor actor, String correlationId, String sourceEventId) {
        Map<String, Object> meta = new HashMap<>();
        meta.put(MetadataKeys.ACTOR_SUBJECT, actor.subject());
        meta.put(MetadataKeys.ACTOR_ORGANISATION, actor.organisation());
        meta.put(MetadataKeys.ACTOR_ROLES, actor.roles());
        if (correlationId != null) {
            meta.put(MetadataKeys.CORRELATION_ID, correlationId);
        }
        if (sourceEventId != null) {
            meta.put(MetadataKeys.SOURCE_EVENT_ID, sourceEventId);
        }
        return meta;
    }

    private <R> R dispatch(Object command, Map<String, Object> metadata) {
        // the command's span covers its handling and the append to the event store; the events keep its context
        return tracing.command(command.getClass().getSimpleName(), () -> {
            Map<String, Object> traced = new HashMap<>(metadata);
            traced.putAll(gov.commerce.aiexports.runtime.tracing.Tracing.currentMetadata());
            try {
                return axon.configuration().commandGateway()
                        .<R>sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(traced)));
            } catch (RuntimeException e) {
                throw unwrap(e);
            }
        });
    }

    /** Gives the REST edge the domain's own exception, not Axon's wrapper of it. */
    private static RuntimeException unwrap(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RuleViolation || t instanceof StateConflict || t instanceof NotFound
                    || t instanceof org.axonframework.modelling.command.ConflictingModificationException
                    || t instanceof org.axonframework.modelling.command.ConcurrencyException) {
                return (RuntimeException) t;
            }
            if (t instanceof AggregateNotFoundException) {
                return new NotFound("aggregate", String.valueOf(((AggregateNotFoundException) t).getAggregateIdentifier()));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return e;
    }
}

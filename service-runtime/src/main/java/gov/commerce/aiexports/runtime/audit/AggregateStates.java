package gov.commerce.aiexports.runtime.audit;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.runtime.axon.AxonRuntime;
import gov.commerce.aiexports.runtime.axon.ServiceModule;
import gov.commerce.aiexports.runtime.domain.NotFound;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.lang.reflect.Constructor;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

/**
 * An aggregate's state at an instant, rebuilt from its events alone by the aggregate's own
 * event-sourcing handlers (the code that rebuilds it for commands), after upcasting.
 */
@Singleton
public class AggregateStates {

    /** The rebuilt state with what it was rebuilt from. */
    public record State(String aggregateId, String aggregateType, Instant asOf, long version, int eventsApplied,
            String lastEventAt, JsonNode state) {
    }

    @Inject
    AxonRuntime axon;
    @Inject
    ServiceModule module;

    private final ObjectMapper fields = EventCodec.mapper().copy()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private final Map<Class<?>, AggregateModel<?>> models = new HashMap<>();

    public State asOf(String aggregateId, Instant asOf) {
        DomainEventStream stream = axon.configuration().eventStore().readEvents(aggregateId);
        Object aggregate = null;
        AggregateModel<Object> model = null;
        String type = null;
        long version = -1;
        int applied = 0;
        String lastAt = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getTimestamp().isAfter(asOf)) {
                break;
            }
            if (aggregate == null) {
                type = event.getType();
                Class<?> cls = classOf(type).orElseThrow(() -> new NotFound("aggregate type", event.getType()));
                model = model(cls);
                aggregate = instantiate(cls);
            }
            model.publish(event, aggregate);
            version = event.getSequenceNumber();
            lastAt = event.getTimestamp().toString();
            applied++;
        }
        if (aggregate == null) {
            throw new NotFound("aggregate (as of " + asOf + ")", aggregateId);
        }
        return new State(aggregateId, type, asOf, version, applied, lastAt, fields.valueToTree(aggregate));
    }

    private Optional<Class<?>> classOf(String type) {
        return module.aggregates().stream().filter(c -> c.getSimpleName().equals(type) || c.getName().equals(type)).findFirst()
                .map(c -> (Class<?>) c);
    }

    @SuppressWarnings("unchecked")
    private synchronized AggregateModel<Object> model(Class<?> cls) {
        return (AggregateModel<Object>) models.computeIfAbsent(cls, c -> AnnotatedAggregateMetaModelFactory.inspectAggregate(c));
    }

    private static Object instantiate(Class<?> cls) {
        try {
            Constructor<?> constructor = cls.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(cls + " needs a no-argument constructor for event sourcing", e);
        }
    }
}

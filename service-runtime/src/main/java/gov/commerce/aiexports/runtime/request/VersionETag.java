package gov.commerce.aiexports.runtime.request;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every successful GET of a single resource whose view carries its aggregate's {@code version}
 * answers with {@code ETag: "<version>"}, the value a change sends back as {@code If-Match}. One
 * place for every service: a view gains its ETag by having a version (a record component, a public
 * field, or a JSON property), or by its resource naming its aggregate ({@link Preconditions#tag}).
 * A change made with If-Match answers with the aggregate's new version. A resource that sets its
 * own ETag keeps it.
 */
@Provider
public class VersionETag implements ContainerResponseFilter {

    @jakarta.inject.Inject
    Preconditions preconditions;
    @jakarta.inject.Inject
    RequestContext context;

    private static final Map<Class<?>, Function<Object, Object>> READERS = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            return;
        }
        if (!HttpMethod.GET.equals(request.getMethod())) {
            // a conditional change that succeeded answers with the version it made: the next change's If-Match
            RequestContext.Expectation expected = expectation();
            if (expected != null && response.getStatus() / 100 == 2) {
                preconditions.version(expected.aggregateId())
                        .ifPresent(v -> response.getHeaders().putSingle(HttpHeaders.ETAG, new EntityTag(String.valueOf(v))));
            }
            return;
        }
        if (response.getStatus() != 200 || !response.hasEntity()) {
            return;
        }
        // the version the resource read from the store (Preconditions.tag) first: the one If-Match is checked against
        Long tagged = tagged();
        Optional<String> version = tagged != null ? Optional.of(String.valueOf(tagged)) : versionOf(response.getEntity());
        version.ifPresent(v -> response.getHeaders().putSingle(HttpHeaders.ETAG, new EntityTag(v)));
    }

    private Long tagged() {
        try {
            return preconditions.tagged();
        } catch (RuntimeException e) {
            return null; // no request scope
        }
    }

    private RequestContext.Expectation expectation() {
        try {
            return context.expectation();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The entity's version as text, if it has a numeric one. */
    public static Optional<String> versionOf(Object entity) {
        if (entity == null) {
            return Optional.empty();
        }
        if (entity instanceof JsonNode node) {
            JsonNode v = node.path("version");
            return v.isIntegralNumber() ? Optional.of(v.asText()) : Optional.empty();
        }
        Object v = READERS.computeIfAbsent(entity.getClass(), VersionETag::reader).apply(entity);
        return v instanceof Number n ? Optional.of(String.valueOf(n.longValue())) : Optional.empty();
    }

    private static Function<Object, Object> reader(Class<?> type) {
        if (type.isRecord()) {
            for (var component : type.getRecordComponents()) {
                if (component.getName().equals("version")) {
                    Method accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    return e -> invoke(accessor, e);
                }
            }
            return e -> null;
        }
        try {
            Field field = type.getField("version");
            if (Modifier.isPublic(field.getModifiers())) {
                return e -> {
                    try {
                        return field.get(e);
                    } catch (IllegalAccessException x) {
                        return null;
                    }
                };
            }
        } catch (NoSuchFieldException ignored) {
            // no version: no ETag
        }
        return e -> null;
    }

    private static Object invoke(Method accessor, Object entity) {
        try {
            return accessor.invoke(entity);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}

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
 * field, or a JSON property). A resource that sets its own ETag keeps it.
 */
@Provider
public class VersionETag implements ContainerResponseFilter {

    private static final Map<Class<?>, Function<Object, Object>> READERS = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != 200 || !response.hasEntity()
                || response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            return;
        }
        versionOf(response.getEntity()).ifPresent(v -> response.getHeaders().putSingle(HttpHeaders.ETAG, new EntityTag(v)));
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

package gov.commerce.aiexports.runtime.request;

import gov.commerce.aiexports.runtime.domain.InvalidInput;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks on query parameters. A filter that is malformed can match nothing, so it is refused with
 * a 400 naming the parameter rather than answered with an empty list the caller would trust:
 * {@code IDENTIFIER_INVALID}, {@code VALUE_NOT_ALLOWED}. Each returns the value, upper-cased
 * where the codes are upper case, or null when the parameter is absent.
 */
public final class QueryParameters {

    private static final Pattern IDENTIFIER = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private QueryParameters() {
    }

    /** An identifier this system issued (a UUID). */
    public static String identifier(String value, String name) {
        if (value != null && !IDENTIFIER.matcher(value).matches()) {
            throw new InvalidInput("IDENTIFIER_INVALID", "/" + name, name + " is an identifier such as 3f2b8c1e-0d4a-4c5e-9b7a-1f2e3d4c5b6a");
        }
        return value;
    }

    /** One of the given codes, in any case. */
    public static String oneOf(String value, String name, Collection<String> allowed) {
        if (value == null) {
            return null;
        }
        String code = value.toUpperCase(Locale.ROOT);
        if (!allowed.contains(code)) {
            throw new InvalidInput("VALUE_NOT_ALLOWED", "/" + name, name + " is one of " + allowed);
        }
        return code;
    }

    /** One of an enumeration's constants, in any case. */
    public static <E extends Enum<E>> String oneOf(String value, String name, Class<E> type) {
        return oneOf(value, name, Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    /** A value of a known shape, such as a designation number or a country code. */
    public static String matching(String value, String name, Pattern shape, String description) {
        if (value != null && !shape.matcher(value).matches()) {
            throw new InvalidInput("VALUE_NOT_ALLOWED", "/" + name, name + " is " + description);
        }
        return value;
    }

    /** An ISO-8601 UTC instant, such as a report's asOf; absent, the given default (INSTANT_INVALID otherwise). */
    public static Instant instant(String value, String name, Instant absent) {
        if (value == null) {
            return absent;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("INSTANT_INVALID", "/" + name, "an ISO-8601 UTC instant such as 2027-09-30T23:59:59Z");
        }
    }
}

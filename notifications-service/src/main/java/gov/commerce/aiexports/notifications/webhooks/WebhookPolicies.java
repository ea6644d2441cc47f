package gov.commerce.aiexports.notifications.webhooks;

import gov.commerce.aiexports.events.EventCatalog;
import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.Violation;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The rules of a webhook subscription, in one place; each {@code check...} returns what it finds (400 when refused). */
public final class WebhookPolicies {

    public static final int MIN_SECRET_LENGTH = 16;
    public static final int MAX_SECRET_LENGTH = 256;

    /** The integration events this service consumes, so the ones it can forward: every contract but its own. */
    public static final Set<String> SUBSCRIBABLE_TYPES = subscribable();

    private WebhookPolicies() {
    }

    /** WEBHOOK_URL_INVALID, EVENT_TYPES_REQUIRED, EVENT_TYPE_UNKNOWN, SECRET_TOO_SHORT, SECRET_TOO_LONG, SECRET_INVALID. */
    public static List<Violation> check(String url, List<String> eventTypes, String secret) {
        Checks checks = new Checks()
                .required(url, "/url")
                .require(url == null || url.isBlank() || validUrl(url), "WEBHOOK_URL_INVALID", "/url",
                        "url is an absolute http or https URL with a host and no user info")
                .require(eventTypes != null && !eventTypes.isEmpty(), "EVENT_TYPES_REQUIRED", "/eventTypes",
                        "subscribe to at least one event type")
                .required(secret, "/secret");
        if (eventTypes != null) {
            for (int i = 0; i < eventTypes.size(); i++) {
                checks.require(SUBSCRIBABLE_TYPES.contains(eventTypes.get(i)), "EVENT_TYPE_UNKNOWN", "/eventTypes/" + i,
                        "event types are among " + SUBSCRIBABLE_TYPES);
            }
        }
        if (secret != null && !secret.isBlank()) {
            checks.require(secret.length() >= MIN_SECRET_LENGTH, "SECRET_TOO_SHORT", "/secret",
                    "the secret has at least " + MIN_SECRET_LENGTH + " characters")
                    .require(secret.length() <= MAX_SECRET_LENGTH, "SECRET_TOO_LONG", "/secret",
                            "the secret has at most " + MAX_SECRET_LENGTH + " characters")
                    .require(StandardWebhooks.key(secret) != null, "SECRET_INVALID", "/secret",
                            "a secret starting whsec_ is followed by the base64 of 24 to 64 bytes (Standard Webhooks)");
        }
        return checks.violations();
    }

    /** Hours a replaced secret keeps signing beside the new one: from 0 (at once) to a week. */
    public static final int MAX_ROLLOVER_HOURS = 168;

    /** SECRET_* as on registration; ROLLOVER_INVALID. */
    public static List<Violation> checkRotation(String secret, Integer previousValidForHours) {
        Checks present = new Checks().required(secret, "/secret");
        if (!present.ok()) {
            return present.violations(); // the rest measures the secret
        }
        Checks checks = new Checks()
                .require(secret.length() >= MIN_SECRET_LENGTH, "SECRET_TOO_SHORT", "/secret",
                        "the secret has at least " + MIN_SECRET_LENGTH + " characters")
                .require(secret.length() <= MAX_SECRET_LENGTH, "SECRET_TOO_LONG", "/secret",
                        "the secret has at most " + MAX_SECRET_LENGTH + " characters")
                .require(StandardWebhooks.key(secret) != null, "SECRET_INVALID", "/secret",
                        "a secret starting whsec_ is followed by the base64 of 24 to 64 bytes (Standard Webhooks)")
                .require(previousValidForHours == null || (previousValidForHours >= 0 && previousValidForHours <= MAX_ROLLOVER_HOURS),
                        "ROLLOVER_INVALID", "/previousValidForHours", "previousValidForHours is from 0 to " + MAX_ROLLOVER_HOURS);
        return checks.violations();
    }

    static boolean validUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getUserInfo() == null && url.length() <= 2000;
        } catch (Exception e) {
            return false;
        }
    }

    private static Set<String> subscribable() {
        Set<String> types = new TreeSet<>();
        EventCatalog.CONTRACTS.stream().map(EventCatalog::contractOf)
                .filter(c -> !"notifications-service".equals(c.producer())).map(EventContract::type).forEach(types::add);
        return Set.copyOf(types);
    }
}

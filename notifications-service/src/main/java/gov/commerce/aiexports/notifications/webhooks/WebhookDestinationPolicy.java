package gov.commerce.aiexports.notifications.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * WEBHOOK_URL_INTERNAL: a webhook may not point into the network this service runs in (loopback,
 * private, link-local such as the cloud metadata address 169.254.169.254, unique-local IPv6, and
 * the like), or a subscriber could make the service call its neighbours (server-side request
 * forgery). Checked when a webhook is registered and again before every delivery, on the addresses
 * the host resolves to then, so a name that later resolves inward is refused too. Operators who run
 * receivers on their own network turn the check off ({@code aiexports.notifications.webhooks.allow-internal}).
 */
public final class WebhookDestinationPolicy {

    public static final String RULE = "WEBHOOK_URL_INTERNAL";

    /** Resolves a host name to its addresses (the system resolver, or a fixed table in tests). */
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    public static final Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    private WebhookDestinationPolicy() {
    }

    /** Why this URL must not be called, or empty if it may; a host that does not resolve is left to the delivery's retries. */
    public static Optional<String> refusal(String url, Resolver resolver) {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the URL's shape is WebhookRules' concern
        }
        if (host == null) {
            return Optional.empty();
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            for (InetAddress address : resolver.resolve(bare)) {
                if (isInternal(address)) {
                    return Optional.of(host + " is an internal address (" + address.getHostAddress() + ")");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7, unique local
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 // "this network"
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT, 100.64.0.0/10
                || (first == 198 && (second == 18 || second == 19)) // benchmarking, 198.18.0.0/15
                || first >= 240; // reserved and broadcast
    }
}

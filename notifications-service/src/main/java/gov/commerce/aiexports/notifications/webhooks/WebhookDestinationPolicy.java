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

    /** The IPv4 address carried inside an IPv6 one (NAT64 64:ff9b::/96, 6to4 2002::/16, IPv4-compatible ::/96), or null. */
    private static byte[] embeddedIpv4(byte[] b) {
        boolean zeroTo11 = true;
        for (int i = 4; i < 12; i++) {
            zeroTo11 &= b[i] == 0;
        }
        if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zeroTo11) {
            return java.util.Arrays.copyOfRange(b, 12, 16);
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return java.util.Arrays.copyOfRange(b, 2, 6);
        }
        if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == 0 && zeroTo11) {
            return java.util.Arrays.copyOfRange(b, 12, 16);
        }
        return null;
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            byte[] embedded = embeddedIpv4(b);
            if (embedded != null) {
                try {
                    return isInternal(InetAddress.getByAddress(embedded));
                } catch (UnknownHostException e) {
                    return true; // four bytes always make an address; refuse if not
                }
            }
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

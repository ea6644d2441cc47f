package gov.commerce.aiexports.notifications.webhooks;

import gov.commerce.aiexports.runtime.domain.Violation;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * WEBHOOK_URL_INTERNAL: a webhook may only call the public internet, or a subscriber could make the
 * service call its neighbours (server-side request forgery). Refused: every special-purpose range
 * of the IANA IPv4 and IPv6 registries (loopback, private, link-local such as the cloud metadata
 * address 169.254.169.254, carrier-grade NAT, benchmarking, the documentation ranges, which on some
 * networks reach the host itself, multicast, reserved), IPv4 carried inside IPv6, and hosts written
 * as numbers in the forms C resolvers accept ({@code 0x7f000001}, {@code 2130706433},
 * {@code 127.1}, {@code 0177.0.0.1}), read the way such a resolver would read them.
 * <p>
 * Checked when a webhook is registered and again before every delivery, which then connects to
 * the very address that passed ({@link #destination}): a name cannot resolve outward for the
 * check and inward for the connection (DNS rebinding). Operators who run receivers on their own
 * network turn the check off ({@code aiexports.notifications.webhooks.allow-internal}).
 */
public final class WebhookDestinationPolicies {

    public static final String RULE = "WEBHOOK_URL_INTERNAL";

    /** Resolves a host name to its addresses (the system resolver, or a fixed table in tests). */
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    public static final Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /** Where a delivery connects: the URL's host (for Host and TLS), port and path, and the address that was checked. */
    public record Destination(String host, int port, boolean https, String pathAndQuery, InetAddress address) {
    }

    /** A destination, or why there is none: refused ({@link #RULE}) or not resolvable now. */
    public record Resolution(Optional<Destination> destination, Optional<String> refusal, Optional<String> unresolved) {
    }

    /** Special-purpose IPv4 ranges (IANA IPv4 Special-Purpose Address Registry, multicast and reserved). */
    private static final List<Range> V4 = List.of(
            Range.of("0.0.0.0/8"), Range.of("10.0.0.0/8"), Range.of("100.64.0.0/10"), Range.of("127.0.0.0/8"),
            Range.of("169.254.0.0/16"), Range.of("172.16.0.0/12"), Range.of("192.0.0.0/24"), Range.of("192.0.2.0/24"),
            Range.of("192.31.196.0/24"), Range.of("192.52.193.0/24"), Range.of("192.88.99.0/24"), Range.of("192.168.0.0/16"),
            Range.of("192.175.48.0/24"), Range.of("198.18.0.0/15"), Range.of("198.51.100.0/24"), Range.of("203.0.113.0/24"),
            Range.of("224.0.0.0/4"), Range.of("240.0.0.0/4"));

    /** Special-purpose IPv6 ranges (IANA IPv6 Special-Purpose Address Registry), besides those carrying IPv4. */
    private static final List<Range> V6 = List.of(
            Range.of("::/128"), Range.of("::1/128"), Range.of("100::/64"), Range.of("2001::/23"), Range.of("2001:db8::/32"),
            Range.of("3fff::/20"), Range.of("5f00::/16"), Range.of("fc00::/7"), Range.of("fe80::/10"), Range.of("fec0::/10"),
            Range.of("ff00::/8"));

    /** What a C resolver's inet_aton takes as a number: dotted parts of decimal, octal (0...) or hex (0x...). */
    private static final Pattern NUMERIC_HOST = Pattern.compile("(0[xX][0-9a-fA-F]*|[0-9]+)(\\.(0[xX][0-9a-fA-F]*|[0-9]+)){0,3}\\.?");

    private WebhookDestinationPolicies() {
    }

    /** Why this URL must not be called, or empty if it may; a host that does not resolve is left to the delivery's retries. */
    public static Optional<String> refusal(String url, Resolver resolver) {
        return destination(url, resolver).refusal();
    }

    /** WEBHOOK_URL_INTERNAL (422, field /url): a webhook is registered only for a destination on the public internet. */
    public static List<Violation> checkDestination(String url, Resolver resolver) {
        return refusal(url, resolver).map(why -> List.of(new Violation(RULE, "/url", why + "; webhooks call the public internet only")))
                .orElse(List.of());
    }

    /**
     * Resolves the URL's host once and checks every address it resolves to; the destination is the
     * first of them, to be connected to as is.
     */
    public static Resolution destination(String url, Resolver resolver) {
        return destination(url, resolver, true);
    }

    /** As {@link #destination(String, Resolver)}; without the check when internal destinations are allowed (resolved once all the same). */
    public static Resolution destination(String url, Resolver resolver, boolean refuseInternal) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return unresolved("invalid URL: " + e.getMessage());
        }
        String host = uri.getHost();
        int givenPort = uri.getPort();
        if (host == null && uri.getRawAuthority() != null) {
            // java.net.URI takes 127.1 or 0x7f.1 for no host name at all; C resolvers take them for addresses
            String authority = uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1);
            int colon = authority.lastIndexOf(':');
            if (colon > 0 && !authority.endsWith("]")) {
                try {
                    givenPort = Integer.parseInt(authority.substring(colon + 1));
                } catch (NumberFormatException e) {
                    return unresolved("invalid port in " + url);
                }
                authority = authority.substring(0, colon);
            }
            host = authority.isEmpty() ? null : authority;
        }
        if (host == null) {
            return unresolved("the URL has no host");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = givenPort >= 0 ? givenPort : https ? 443 : 80;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> addresses;
        if (NUMERIC_HOST.matcher(bare).matches()) {
            Optional<InetAddress> numeric = numericHost(bare);
            if (numeric.isEmpty()) {
                return refused(host + " is a number that is not an IPv4 address");
            }
            addresses = List.of(numeric.get());
        } else {
            try {
                addresses = resolver.resolve(bare);
            } catch (UnknownHostException e) {
                return unresolved("unknown host " + host);
            }
        }
        if (addresses.isEmpty()) {
            return unresolved("unknown host " + host);
        }
        for (InetAddress address : addresses) {
            if (refuseInternal && isInternal(address)) {
                return refused(host + " is an internal or reserved address (" + address.getHostAddress() + ")");
            }
        }
        return new Resolution(Optional.of(new Destination(bare, port, https, path, addresses.get(0))), Optional.empty(),
                Optional.empty());
    }

    private static Resolution refused(String why) {
        return new Resolution(Optional.empty(), Optional.of(why), Optional.empty());
    }

    private static Resolution unresolved(String why) {
        return new Resolution(Optional.empty(), Optional.empty(), Optional.of(why));
    }

    /**
     * A host of one to four numeric parts read as inet_aton reads it: the last part fills the bytes
     * left (127.1 is 127.0.0.1, 2130706433 is 127.0.0.1), a leading 0x is hex, a leading 0 octal.
     * Empty if a part is out of range or not a number in its base (08).
     */
    static Optional<InetAddress> numericHost(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] parts = h.split("\\.", -1);
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].toLowerCase(Locale.ROOT);
            try {
                BigInteger v = p.startsWith("0x") ? (p.length() == 2 ? BigInteger.ZERO : new BigInteger(p.substring(2), 16))
                        : p.length() > 1 && p.startsWith("0") ? new BigInteger(p.substring(1), 8) : new BigInteger(p);
                if (v.bitLength() > 32) {
                    return Optional.empty();
                }
                values[i] = v.longValue();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        long address = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                return Optional.empty();
            }
            address |= values[i] << (8 * (3 - i));
        }
        long last = values[values.length - 1];
        if (last >= 1L << (8 * (4 - (values.length - 1)))) {
            return Optional.empty();
        }
        address |= last;
        try {
            return Optional.of(InetAddress.getByAddress(new byte[] {(byte) (address >>> 24), (byte) (address >>> 16),
                (byte) (address >>> 8), (byte) address}));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The IPv4 address carried inside an IPv6 one (NAT64 64:ff9b::/96 and 64:ff9b:1::/48, 6to4 2002::/16, ::/96, ::ffff:0:0/96), or null. */
    private static byte[] embeddedIpv4(byte[] b) {
        boolean zeroTo11 = true;
        for (int i = 4; i < 12; i++) {
            zeroTo11 &= b[i] == 0;
        }
        if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zeroTo11) {
            return java.util.Arrays.copyOfRange(b, 12, 16);
        }
        if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && b[4] == 0 && b[5] == 1) {
            return java.util.Arrays.copyOfRange(b, 12, 16); // local-use NAT64: refused as a whole below anyway
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return java.util.Arrays.copyOfRange(b, 2, 6);
        }
        boolean zeroTo9 = true;
        for (int i = 0; i < 10; i++) {
            zeroTo9 &= b[i] == 0;
        }
        if (zeroTo9 && ((b[10] == 0 && b[11] == 0) || ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff))) {
            return java.util.Arrays.copyOfRange(b, 12, 16);
        }
        return null;
    }

    public static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            if (V6.stream().anyMatch(r -> r.contains(b))) {
                return true;
            }
            if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && b[4] == 0 && b[5] == 1) {
                return true; // 64:ff9b:1::/48, local-use translation
            }
            byte[] embedded = embeddedIpv4(b);
            if (embedded != null) {
                return V4.stream().anyMatch(r -> r.contains(embedded));
            }
            return false;
        }
        return a instanceof Inet4Address && V4.stream().anyMatch(r -> r.contains(b));
    }

    /** An address range in CIDR notation. */
    private record Range(byte[] prefix, int bits) {

        static Range of(String cidr) {
            String[] p = cidr.split("/");
            try {
                return new Range(InetAddress.getByName(p[0]).getAddress(), Integer.parseInt(p[1]));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}

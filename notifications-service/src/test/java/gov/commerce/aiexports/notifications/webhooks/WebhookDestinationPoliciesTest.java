package gov.commerce.aiexports.notifications.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WebhookDestinationPoliciesTest {

    /** A fixed name table: no test depends on the machine's DNS. */
    private static final WebhookDestinationPolicies.Resolver NAMES = host -> {
        Map<String, String> table = Map.of("hooks.state.example", "93.184.215.14", "rebind.example", "10.0.0.5",
                "metadata.example", "169.254.169.254", "docs.example", "192.0.2.2");
        String address = table.get(host);
        if (address == null && !Character.isDigit(host.charAt(0)) && !host.contains(":")) {
            throw new UnknownHostException(host);
        }
        return List.of(InetAddress.getByName(address != null ? address : host));
    };

    @Test
    void public_addresses_and_unknown_names_may_be_called() {
        for (String url : List.of("https://hooks.state.example/aiexports", "https://93.184.215.14/x", "https://8.8.8.8/hook",
                "https://not-yet-registered.example/hook", "https://[2606:4700::1111]/hook", "http://[64:ff9b::808:808]/",
                "http://[2002:808:808::]/", "http://1.1.1.1/", "https://198.20.0.1/", "https://100.128.0.1/")) {
            assertEquals(Optional.empty(), WebhookDestinationPolicies.refusal(url, NAMES), url);
        }
    }

    @Test
    void loopback_private_link_local_and_names_resolving_inward_are_refused() {
        for (String url : List.of("http://127.0.0.1:8080/admin", "http://10.1.2.3/", "http://172.16.0.1/", "http://192.168.1.1/",
                "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/", "http://[::1]/", "http://[fd00::1]/",
                "http://100.64.0.1/", "https://rebind.example/hook", "https://metadata.example/",
                // IPv4 carried in IPv6: NAT64, 6to4, IPv4-compatible, IPv4-mapped
                "http://[64:ff9b::a9fe:a9fe]/", "http://[2002:7f00:1::]/", "http://[::10.0.0.1]/", "http://[::ffff:127.0.0.1]/")) {
            assertTrue(WebhookDestinationPolicies.refusal(url, NAMES).isPresent(), url);
        }
    }

    @Test
    void every_reserved_range_is_refused() {
        for (String url : List.of(
                // documentation (TEST-NET-1/2/3), which on some networks reaches the host itself
                "http://192.0.2.2/", "http://198.51.100.7/", "http://203.0.113.9/", "https://docs.example/",
                // benchmarking, carrier-grade NAT, IETF protocol assignments, 6to4 relay, AS112, AMT
                "http://198.18.0.1/", "http://198.19.255.254/", "http://100.127.255.254/", "http://192.0.0.8/",
                "http://192.88.99.1/", "http://192.175.48.1/", "http://192.52.193.1/", "http://192.31.196.1/",
                // multicast, reserved, broadcast
                "http://224.0.0.1/", "http://239.255.255.250/", "http://240.0.0.1/", "http://255.255.255.255/",
                // IPv6: documentation, discard, Teredo and other IETF assignments, ORCHID, site-local, multicast, unspecified
                "http://[2001:db8::1]/", "http://[3fff::1]/", "http://[100::1]/", "http://[2001::1]/", "http://[2001:2::1]/",
                "http://[2001:20::1]/", "http://[fec0::1]/", "http://[ff02::1]/", "http://[::]/", "http://[fe80::1]/",
                "http://[64:ff9b:1::1]/", "http://[64:ff9b::c000:202]/")) {
            assertTrue(WebhookDestinationPolicies.refusal(url, NAMES).isPresent(), url);
        }
    }

    @Test
    void numeric_host_forms_are_read_as_a_c_resolver_reads_them_and_refused_when_inward() {
        for (String url : List.of("http://0x7f000001/", "http://2130706433/", "http://127.1/", "http://0177.0.0.1/",
                "http://0x7f.1/", "http://017700000001/", "http://127.0.1/", "http://0/", "http://0xa9fea9fe/latest/meta-data/",
                "http://3232235777/", "http://127.0.0.1./", "http://08.1.2.3/", "http://256.1.1.1/")) {
            assertTrue(WebhookDestinationPolicies.refusal(url, NAMES).isPresent(), url);
        }
        assertEquals("127.0.0.1", WebhookDestinationPolicies.numericHost("0x7f000001").orElseThrow().getHostAddress());
        assertEquals("127.0.0.1", WebhookDestinationPolicies.numericHost("2130706433").orElseThrow().getHostAddress());
        assertEquals("127.0.0.1", WebhookDestinationPolicies.numericHost("127.1").orElseThrow().getHostAddress());
        assertEquals("127.0.0.1", WebhookDestinationPolicies.numericHost("0177.0.0.1").orElseThrow().getHostAddress());
        assertEquals("8.8.8.8", WebhookDestinationPolicies.numericHost("134744072").orElseThrow().getHostAddress());
        assertFalse(WebhookDestinationPolicies.numericHost("08.1.2.3").isPresent(), "8 is no octal digit");
        assertFalse(WebhookDestinationPolicies.numericHost("1.2.65536").isPresent(), "the last of three parts has 16 bits");
        // a public address in a numeric form may be called, at the address it means
        assertEquals(Optional.empty(), WebhookDestinationPolicies.refusal("http://134744072/", NAMES));
    }

    @Test
    void the_delivery_connects_to_the_address_that_was_checked_resolving_once() {
        AtomicInteger lookups = new AtomicInteger();
        WebhookDestinationPolicies.Resolver counting = host -> {
            lookups.incrementAndGet();
            return NAMES.resolve(host);
        };
        WebhookDestinationPolicies.Destination d = WebhookDestinationPolicies
                .destination("https://hooks.state.example:8443/aiexports?x=1", counting).destination().orElseThrow();
        assertEquals(1, lookups.get());
        assertEquals("93.184.215.14", d.address().getHostAddress());
        assertEquals("hooks.state.example", d.host());
        assertEquals(8443, d.port());
        assertTrue(d.https());
        assertEquals("/aiexports?x=1", d.pathAndQuery());
        assertEquals("127.0.0.1", WebhookDestinationPolicies.destination("http://127.1:9/", NAMES, false).destination().orElseThrow()
                .address().getHostAddress(), "allowed internal: still the address the number means");
    }
}

package gov.commerce.aiexports.notifications.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookDestinationPolicyTest {

    /** A fixed name table: no test depends on the machine's DNS. */
    private static final WebhookDestinationPolicy.Resolver NAMES = host -> {
        Map<String, String> table = Map.of("hooks.state.example", "203.0.113.10", "rebind.example", "10.0.0.5",
                "metadata.example", "169.254.169.254");
        String address = table.get(host);
        if (address == null && !Character.isDigit(host.charAt(0)) && !host.contains(":")) {
            throw new UnknownHostException(host);
        }
        return List.of(InetAddress.getByName(address != null ? address : host));
    };

    @Test
    void public_addresses_and_unknown_names_may_be_called() {
        for (String url : List.of("https://hooks.state.example/aiexports", "https://203.0.113.7/x", "https://8.8.8.8/hook",
                "https://not-yet-registered.example/hook", "https://[2001:db8::1]/hook", "http://[64:ff9b::808:808]/",
                "http://[2002:808:808::]/")) {
            assertEquals(java.util.Optional.empty(), WebhookDestinationPolicy.refusal(url, NAMES), url);
        }
    }

    @Test
    void loopback_private_link_local_and_names_resolving_inward_are_refused() {
        for (String url : List.of("http://127.0.0.1:8080/admin", "http://10.1.2.3/", "http://172.16.0.1/", "http://192.168.1.1/",
                "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/", "http://[::1]/", "http://[fd00::1]/",
                "http://100.64.0.1/", "https://rebind.example/hook", "https://metadata.example/",
                // IPv4 carried in IPv6: NAT64, 6to4, IPv4-compatible
                "http://[64:ff9b::a9fe:a9fe]/", "http://[2002:7f00:1::]/", "http://[::10.0.0.1]/")) {
            assertTrue(WebhookDestinationPolicy.refusal(url, NAMES).isPresent(), url);
        }
    }
}

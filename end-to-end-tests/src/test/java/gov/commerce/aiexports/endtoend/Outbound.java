package gov.commerce.aiexports.endtoend;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import gov.commerce.aiexports.testsupport.FreePorts;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where the stack's notifications-service sends to: a real SMTP server (GreenMail) and an HTTP
 * receiver for webhooks, both in the test JVM and started before the services, so every e-mail
 * and webhook POST of every end-to-end test can be read back. The receiver answers 204 to any
 * POST under {@code /hooks/} and keeps it.
 */
final class Outbound {

    /** One webhook POST as the receiver got it. */
    record WebhookCall(String path, Map<String, List<String>> headers, String body, Instant receivedAt) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    private static GreenMail smtp;
    private static HttpServer hooks;
    private static final List<WebhookCall> CALLS = new CopyOnWriteArrayList<>();

    private Outbound() {
    }

    static synchronized void start() throws Exception {
        if (smtp != null) {
            return;
        }
        smtp = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.next()), 0);
        hooks.createContext("/hooks/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            CALLS.add(new WebhookCall(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    new String(body, StandardCharsets.UTF_8), Instant.now()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hooks.start();
        GreenMail mail = smtp;
        HttpServer server = hooks;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            mail.stop();
        }));
    }

    /**
     * The services' JVM options that point notifications-service at these receivers (system
     * properties resolve the same ${SMTP_PORT}-style expressions as its environment); webhooks to
     * 127.0.0.1 are allowed, as the receiver lives there.
     */
    static List<String> serviceOptions() {
        return List.of("-DSMTP_HOST=127.0.0.1", "-DSMTP_PORT=" + smtp.getSmtp().getPort(), "-DSMTP_START_TLS=DISABLED",
                "-DWEBHOOKS_ALLOW_INTERNAL=true");
    }

    /** A receiver URL whose last segment names who subscribed it. */
    static String webhookUrl(String name) {
        return "http://127.0.0.1:" + hooks.getAddress().getPort() + "/hooks/" + name;
    }

    static List<WebhookCall> webhookCalls() {
        return List.copyOf(CALLS);
    }

    static MimeMessage[] mails() {
        return smtp.getReceivedMessages();
    }
}

package gov.commerce.aiexports.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import gov.commerce.aiexports.testsupport.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A real SMTP server (GreenMail) in the test JVM, once per JVM; the mailer is pointed at it. */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            GreenMail started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        GreenMail smtp = server();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(smtp.getSmtp().getPort()),
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public void stop() {
        // shared by the JVM's tests; stopped by the shutdown hook
    }
}

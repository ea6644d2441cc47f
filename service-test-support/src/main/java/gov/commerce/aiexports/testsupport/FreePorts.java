package gov.commerce.aiexports.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

public final class FreePorts {

    private FreePorts() {
    }

    public static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A free port whose next one is free too: a broker started by the local stack listens on the port and
     * its controller on the next (Stack). Two free ports taken apart could leave the next one in use, and
     * the broker would not start ("Address already in use").
     */
    public static int pair() {
        for (int i = 0; i < 50; i++) {
            int p = next();
            try (ServerSocket following = new ServerSocket(p + 1, 1, InetAddress.getLoopbackAddress())) {
                return p;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("no two free consecutive ports on the loopback interface"));
    }
}

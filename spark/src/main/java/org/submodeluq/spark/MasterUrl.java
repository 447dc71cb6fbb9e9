package org.submodeluq.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.submodeluq.core.UserInputException;

/**
 * Checks a master URL before Spark sees it: Spark itself retries an unreachable standalone master for a
 * minute before it gives up, and logs a stack trace for a URL it cannot parse, where a user wants one line
 * that names the URL.
 */
final class MasterUrl {

    private static final int CONNECT_TIMEOUT_MS = 3000;
    /** The masters Spark 4.2 knows: local threads (and failures), its test cluster, standalone, YARN, Kubernetes. */
    private static final Pattern KNOWN = Pattern.compile("local|local\\[(\\d+|\\*)(,\\d+)?]"
            + "|local-cluster\\[\\s*\\d+\\s*,\\s*\\d+\\s*,\\s*\\d+\\s*]|spark://.+|yarn|k8s://.+");

    /**
     * @throws UserInputException (field "--master") when Spark would not know the URL, or a standalone master
     *     or Kubernetes API server it names does not accept a connection
     */
    static void check(String master) {
        if (!KNOWN.matcher(master).matches()) {
            throw new UserInputException("--master", master + " is not a Spark master: local[N], "
                    + "spark://HOST:PORT, yarn or k8s://https://HOST:PORT");
        }
        requireReachable(master);
    }

    private MasterUrl() {
    }

    private static void requireReachable(String master) {
        List<InetSocketAddress> addresses = addresses(master);
        if (addresses.isEmpty()) {
            return;
        }
        List<String> failures = new ArrayList<>();
        for (InetSocketAddress address : addresses) {
            try (Socket socket = new Socket()) {
                socket.connect(address, CONNECT_TIMEOUT_MS);
                return;
            } catch (IOException e) {
                failures.add(address.getHostString() + ":" + address.getPort() + " (" + e.getMessage() + ")");
            }
        }
        throw new UserInputException("--master", master + ": nothing answers at " + String.join(", ", failures));
    }

    /** Where a standalone master or Kubernetes API server listens; none for local, yarn and the like. */
    private static List<InetSocketAddress> addresses(String master) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        if (master.startsWith("spark://")) {
            for (String hostPort : master.substring("spark://".length()).split(",")) {
                int colon = hostPort.lastIndexOf(':');
                if (colon < 0) {
                    throw new UserInputException("--master", master + " names no port: spark://HOST:PORT");
                }
                addresses.add(InetSocketAddress.createUnresolved(hostPort.substring(0, colon), port(master,
                        hostPort.substring(colon + 1))));
            }
        } else if (master.startsWith("k8s://")) {
            String api = master.substring("k8s://".length());
            URI uri = URI.create(api.contains("://") ? api : "https://" + api);
            int port = uri.getPort() >= 0 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
            addresses.add(InetSocketAddress.createUnresolved(uri.getHost(), port));
        }
        return addresses.stream().map(a -> new InetSocketAddress(a.getHostString(), a.getPort())).toList();
    }

    private static int port(String master, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UserInputException("--master", master + ": '" + text + "' is not a port number");
        }
    }
}

package io.mesosevents.streams.rest;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;

/** The one Jetty connector of an HTTPS server: HTTP/1.1 over TLS, nothing in plain text. */
final class TlsConnector {

    private TlsConnector() {
    }

    static ServerConnector create(Server server, HttpConfiguration base, TlsMaterial tls, String host, int port) {
        HttpConfiguration https = new HttpConfiguration(base);
        // Requests are marked secure (scheme https). The SNI host check is off: it answers 400 to a request whose Host
        // the certificate does not name, which breaks probes by IP address; clients check the certificate themselves.
        https.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(tls.serverContextFactory(), HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }
}

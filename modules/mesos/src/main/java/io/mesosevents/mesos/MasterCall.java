package io.mesosevents.mesos;

import io.mesosevents.client.TrustStore;
import org.apache.mesos.v1.master.Protos;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Sends a call to one master and follows it to the leader: {@code SUBSCRIBE} for the event stream,
 * or a read call such as {@code GET_FLAGS}.
 */
final class MasterCall {

    private static final Logger log = LoggerFactory.getLogger(MasterCall.class);

    // A standby redirects to the leader in one hop; a longer chain means the masters disagree
    // about who leads (mid-election), which a later attempt resolves.
    private static final int MAX_REDIRECTS = 3;
    private static final int BODY_EXCERPT_BYTES = 512;
    private static final String API_PATH = "/api/v1";

    private final HttpClient client;
    private final MesosClientConfig config;

    private MasterCall(HttpClient client, MesosClientConfig config) {
        this.client = client;
        this.config = config;
    }

    /** A caller with the client settings of {@code config}: TLS trust, connect timeout, HTTP/1.1. */
    static MasterCall of(MesosClientConfig config) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                // libprocess speaks HTTP/1.1 only; redirects are followed here so
                // that the request body and headers go along.
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout());
        config.trustStore().ifPresent(store -> builder.sslContext(sslContext(store)));
        return new MasterCall(builder.build(), config);
    }

    private static SSLContext sslContext(TrustStore store) {
        try {
            return store.sslContext();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the trust store " + store.path(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot use the trust store " + store.path() + ": " + e.getMessage(), e);
        }
    }

    /** The open event stream of the leader that {@code master} leads to. */
    OpenStream subscribe(URI master) throws IOException, InterruptedException, MasterRejected {
        return send(master, Protos.Call.Type.SUBSCRIBE);
    }

    /** The leader's answer to a read call such as {@code GET_FLAGS}. */
    Protos.Response read(URI master, Protos.Call.Type type) throws IOException, InterruptedException, MasterRejected {
        OpenStream answer = send(master, type);
        try (InputStream body = answer.body()) {
            return answer.encoding().decode(body.readAllBytes(), Protos.Response.newBuilder()).build();
        }
    }

    private OpenStream send(URI master, Protos.Call.Type type) throws IOException, InterruptedException, MasterRejected {
        byte[] body = config.encoding().encode(Protos.Call.newBuilder().setType(type).build());
        URI endpoint = apiEndpoint(master);
        for (int redirects = 0; ; redirects++) {
            HttpResponse<InputStream> response = client.send(request(endpoint, body), InOrderBodyStream.handler());
            int status = response.statusCode();
            if (status == 200) {
                MesosEncoding encoding = response.headers().firstValue("Content-Type")
                        .flatMap(MesosEncoding::forMediaType)
                        .orElse(config.encoding());
                return new OpenStream(baseUrl(endpoint), encoding, response.body());
            }
            if (status != 307) {
                throw new MasterRejected(endpoint, status, excerpt(response.body()));
            }
            response.body().close();
            Optional<String> redirect = response.headers().firstValue("Location");
            if (redirect.isEmpty()) {
                throw new MasterRejected(endpoint, status, "redirect without a Location header");
            }
            String location = redirect.get();
            if (redirects == MAX_REDIRECTS) {
                throw new MasterRejected(endpoint, status, "more than " + MAX_REDIRECTS + " redirects, last to " + location);
            }
            URI leader = leader(endpoint, location);
            log.info("Mesos master {} is not the leader; following its redirect to {}", baseUrl(endpoint), baseUrl(leader));
            endpoint = leader;
        }
    }

    /** Masters send a protocol-relative {@code //host:port/api/v1}; resolving it keeps our scheme. */
    private static URI leader(URI endpoint, String location) throws MasterRejected {
        try {
            URI leader = endpoint.resolve(location);
            if (("http".equalsIgnoreCase(leader.getScheme()) || "https".equalsIgnoreCase(leader.getScheme())) && leader.getHost() != null) {
                return leader;
            }
        } catch (IllegalArgumentException malformed) {
            // reported below, like any other unusable Location
        }
        throw new MasterRejected(endpoint, 307, "unusable redirect Location " + location);
    }

    private HttpRequest request(URI endpoint, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", config.encoding().mediaType())
                .header("Accept", config.encoding().mediaType())
                .timeout(config.firstByteTimeout());
        config.basicAuth().ifPresent(auth -> request.header("Authorization", auth.authorizationHeader()));
        return request.build();
    }

    static URI apiEndpoint(URI master) {
        String path = master.getPath() == null ? "" : master.getPath().replaceAll("/+$", "");
        return master.resolve(path.endsWith(API_PATH) ? path : path + API_PATH);
    }

    static URI baseUrl(URI endpoint) {
        return URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority());
    }

    /** The start of an error body, on one line: masters explain rejections in plain text. */
    private static String excerpt(InputStream body) throws IOException {
        try (body) {
            String text = new String(body.readNBytes(BODY_EXCERPT_BYTES), StandardCharsets.UTF_8);
            return text.replaceAll("\\s+", " ").trim();
        }
    }
}

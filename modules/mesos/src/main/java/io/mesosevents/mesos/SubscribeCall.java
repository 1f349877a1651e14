package io.mesosevents.mesos;

import org.apache.mesos.v1.master.Protos;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Sends {@code SUBSCRIBE} to one master and follows it to the leader. */
final class SubscribeCall {

    private static final Logger log = LoggerFactory.getLogger(SubscribeCall.class);

    // A standby redirects to the leader in one hop; a longer chain means the masters disagree
    // about who leads (mid-election), which a later attempt resolves.
    private static final int MAX_REDIRECTS = 3;
    private static final int BODY_EXCERPT_BYTES = 512;
    private static final String API_PATH = "/api/v1";

    private final HttpClient client;
    private final MesosClientConfig config;
    private final byte[] body;

    SubscribeCall(HttpClient client, MesosClientConfig config) {
        this.client = client;
        this.config = config;
        this.body = config.encoding().encode(Protos.Call.newBuilder().setType(Protos.Call.Type.SUBSCRIBE).build());
    }

    /** The open event stream of the leader that {@code master} leads to. */
    OpenStream open(URI master) throws IOException, InterruptedException, MasterRejected {
        URI endpoint = apiEndpoint(master);
        for (int redirects = 0; ; redirects++) {
            HttpResponse<InputStream> response = client.send(request(endpoint), InOrderBodyStream.handler());
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

    private HttpRequest request(URI endpoint) {
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

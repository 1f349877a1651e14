package io.mesosevents.simulator.mesos;

import io.mesosevents.mesos.InOrderBodyStream;

import io.mesosevents.mesos.MesosEncoding;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.master.Protos.Response;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Talks to a simulator over real HTTP, as an Operator API client would. */
final class MasterClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    MasterClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static byte[] body(Call.Type type, MesosEncoding encoding) {
        return MessageEncoder.encode(Call.newBuilder().setType(type).build(), encoding);
    }

    /** A raw request; null headers are left out. */
    HttpResponse<byte[]> send(String method, String path, byte[] body, String contentType, String accept)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    Response call(Call.Type type, MesosEncoding encoding) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = send("POST", OperatorApi.PATH, body(type, encoding), encoding.mediaType(),
                encoding.mediaType());
        if (response.statusCode() != 200) {
            throw new IOException(type + " answered " + response.statusCode() + ": " + new String(response.body()));
        }
        return encoding.decode(response.body(), Response.newBuilder()).build();
    }

    /**
     * Opens a subscription; the caller closes the stream. Its body hands out every byte received
     * before it reports a cut connection (see {@link InOrderBodyStream}).
     */
    EventStream subscribe(MesosEncoding encoding) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + OperatorApi.PATH))
                .header("Content-Type", encoding.mediaType())
                .header("Accept", encoding.mediaType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(Call.Type.SUBSCRIBE, encoding)))
                .build();
        HttpResponse<InputStream> response = http.send(request, InOrderBodyStream.handler());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("SUBSCRIBE answered " + response.statusCode());
        }
        return new EventStream(response, encoding);
    }
}

package io.mesosevents.mesos;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A response body as an {@link InputStream} that hands out every byte received before it reports
 * how the body ended, as a socket does.
 *
 * <p>{@link HttpResponse.BodyHandlers#ofInputStream()} does not: once the client sees the
 * connection end inside a chunked body, its stream throws {@code IOException("closed")} at the next
 * read and drops whatever it had received but not yet handed out. Whether the last bytes of a cut
 * stream are seen then depends on whether the reading thread got to them before the end was
 * signalled, which a loaded machine decides. The subscriber must see them all: the records that
 * arrived before a connection broke are events, and a broken frame is a dead letter to keep.
 */
public final class InOrderBodyStream extends InputStream implements HttpResponse.BodySubscriber<InputStream> {

    /** What the client delivered, in the order it did. */
    private sealed interface Item {
    }

    private record Data(List<ByteBuffer> buffers) implements Item {
    }

    private record Failed(Throwable error) implements Item {
    }

    private record Completed() implements Item {
    }

    /** Put by {@link #close()} to wake a reader blocked in {@link #read}. */
    private record Closed() implements Item {
    }

    private final BlockingQueue<Item> items = new LinkedBlockingQueue<>();
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
    private List<ByteBuffer> current = List.of();
    private int currentIndex;
    /** How the body ended, once the reader got there: null while bytes may still come. */
    private Item end;
    private volatile boolean closed;

    /** For {@link java.net.http.HttpClient#send}: {@code http.send(request, InOrderBodyStream.handler())}. */
    public static HttpResponse.BodyHandler<InputStream> handler() {
        return responseInfo -> new InOrderBodyStream();
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        if (!subscription.complete(s)) {
            s.cancel();
            return;
        }
        // Checked after publishing the subscription: either close() sees it or this sees close().
        if (closed) {
            s.cancel();
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        items.add(new Data(Objects.requireNonNull(buffers)));
    }

    @Override
    public void onError(Throwable error) {
        items.add(new Failed(Objects.requireNonNull(error)));
    }

    @Override
    public void onComplete() {
        items.add(new Completed());
    }

    @Override
    public int read() throws IOException {
        ByteBuffer buffer = buffer();
        return buffer == null ? -1 : buffer.get() & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length == 0) {
            return 0;
        }
        ByteBuffer buffer = buffer();
        if (buffer == null) {
            return -1;
        }
        int n = Math.min(length, buffer.remaining());
        buffer.get(bytes, offset, n);
        return n;
    }

    /** A buffer with bytes left, waiting for one if need be; null at the end of a complete body. */
    private ByteBuffer buffer() throws IOException {
        while (true) {
            if (closed) {
                throw new IOException("Stream closed");
            }
            while (currentIndex < current.size()) {
                ByteBuffer buffer = current.get(currentIndex);
                if (buffer.hasRemaining()) {
                    return buffer;
                }
                currentIndex++;
            }
            if (end == null) {
                take();
                continue;
            }
            if (end instanceof Failed failed) {
                throw failed.error() instanceof IOException io ? io : new IOException(failed.error());
            }
            return null;
        }
    }

    /** Takes the next thing the client delivered: more bytes, or the end. */
    private void take() throws IOException {
        Item item;
        try {
            item = items.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the body", e);
        }
        if (item instanceof Data data) {
            current = data.buffers();
            currentIndex = 0;
            // One list at a time, as the JDK's own stream asks: the client holds back the rest.
            subscription.join().request(1);
        } else if (!(item instanceof Closed)) {
            end = item;
        }
    }

    @Override
    public int available() {
        int available = 0;
        for (int i = currentIndex; i < current.size(); i++) {
            available += current.get(i).remaining();
        }
        return available;
    }

    /** Stops reading: the client drops the connection; a blocked {@link #read} fails. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Flow.Subscription s = subscription.getNow(null);
        if (s != null) {
            s.cancel();
        }
        items.add(new Closed());
    }
}

package io.mesosevents.registry.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A least-recently-used cache that loads each missing key once: concurrent callers asking for the
 * same key wait for the one load in flight instead of sending their own request. Failed loads are
 * not cached.
 */
final class BoundedCache<K, V> {

    private final Map<K, V> entries;
    private final Map<K, CompletableFuture<V>> loading = new ConcurrentHashMap<>();

    BoundedCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    V get(K key, Function<? super K, ? extends V> loader) {
        synchronized (entries) {
            V cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> inFlight = loading.putIfAbsent(key, mine);
        if (inFlight != null) {
            return await(inFlight);
        }
        try {
            V value;
            synchronized (entries) {
                // A load that finished between our first look and claiming the key has stored its value.
                value = entries.get(key);
            }
            if (value == null) {
                value = loader.apply(key);
            }
            put(key, value);
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(key, mine);
        }
    }

    void put(K key, V value) {
        synchronized (entries) {
            entries.put(key, value);
        }
    }

    void removeIf(Predicate<? super K> condition) {
        synchronized (entries) {
            entries.keySet().removeIf(condition);
        }
    }

    private static <V> V await(CompletableFuture<V> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}

package dev.gatewaykit.sdk.client;

import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Marks failures of exchanges on a reused pooled connection that happened before the response head arrived, as
 * {@link StaleConnectionException}: the signature of a connection the gateway closed while it sat idle in the pool.
 * A network interceptor, because only there is the connection known; one instance on the shared client, because
 * connections are shared by all routes. Timeouts are not marked: a slow gateway is not a dead connection.
 */
final class ConnectionReuseMarker implements Interceptor {

    // Identity of connections that already carried an exchange; weak, so closed connections are forgotten.
    private final Set<Connection> used = Collections.synchronizedSet(Collections.newSetFromMap(
            new WeakHashMap<Connection, Boolean>()));

    @Override
    public Response intercept(Chain chain) throws IOException {
        Connection connection = chain.connection();
        boolean reused = connection != null && !used.add(connection);
        try {
            return chain.proceed(chain.request());
        } catch (InterruptedIOException timeoutOrCancel) {
            throw timeoutOrCancel;
        } catch (IOException e) {
            if (reused && !chain.call().isCanceled()) {
                throw new StaleConnectionException(e);
            }
            throw e;
        }
    }
}

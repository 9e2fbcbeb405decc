package dev.gatewaykit.ai.langchain4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * LangChain4j's {@link HttpClient} on a gateway route's OkHttp client, so LangChain4j's calls take the same shared
 * pool and dispatcher, gateway interceptors (headers, keyless routes, float encoding, error masking), failover and
 * metrics as the openai-java clients. Streams are read on the shared dispatcher's threads.
 */
final class RouteHttpClient implements HttpClient {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient okHttp;

    RouteHttpClient(OkHttpClient okHttp) {
        this.okHttp = Objects.requireNonNull(okHttp, "okHttp");
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try (Response response = okHttp.newCall(toOkHttp(request)).execute()) {
            byte[] body = response.body() == null ? new byte[0] : response.body().bytes();
            if (!response.isSuccessful()) {
                throw new HttpException(response.code(), new String(body, java.nio.charset.StandardCharsets.UTF_8));
            }
            return SuccessfulHttpResponse.builder().statusCode(response.code()).headers(headers(response.headers()))
                .body(body).build();
        } catch (InterruptedIOException e) {
            throw new TimeoutException(e);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        okHttp.newCall(toOkHttp(request)).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                listener.onError(e instanceof InterruptedIOException ? new TimeoutException(e) : e);
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    ResponseBody body = response.body();
                    if (!response.isSuccessful()) {
                        listener.onError(new HttpException(response.code(), body == null ? "" : body.string()));
                        return;
                    }
                    listener.onOpen(SuccessfulHttpResponse.builder().statusCode(response.code())
                        .headers(headers(response.headers())).build());
                    try (InputStream events = body.byteStream()) {
                        parser.parse(events, listener);
                    }
                    listener.onClose();
                } catch (IOException | RuntimeException e) {
                    listener.onError(e);
                }
            }
        });
    }

    private static Request toOkHttp(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            // The bridged models (chat, streaming chat, embeddings) send JSON only.
            throw new UnsupportedOperationException("multipart requests are not supported on gateway routes");
        }
        Request.Builder builder = new Request.Builder().url(request.url());
        request.headers().forEach((name, values) -> values.forEach(value -> builder.addHeader(name, value)));
        RequestBody body = request.body() == null ? null : RequestBody.create(request.body(), JSON);
        String method = request.method().name();
        if (body == null && ("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method))) {
            body = RequestBody.create(new byte[0], null);
        }
        return builder.method(method, body).build();
    }

    private static Map<String, List<String>> headers(Headers headers) {
        return headers.toMultimap();
    }
}

package dev.gatewaykit.sdk.client;

import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Okio;

import java.io.IOException;

/**
 * Bounds every response body of a route to {@code OPENAI_MAX_RESPONSE_BYTES}; an event stream is bounded per event,
 * since a long answer streams many small events. Exceeding it fails the read with
 * {@link dev.gatewaykit.sdk.errors.ResponseTooLargeException}: one misbehaving gateway costs one failed call, not
 * the application's heap. The failure surfaces while openai-java reads the body, outside its retry loop, so the
 * oversized answer is not fetched again; closing the body releases the connection.
 */
final class ResponseSizeLimitInterceptor implements Interceptor {

    private final long limit;

    ResponseSizeLimitInterceptor(long limit) {
        this.limit = limit;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        if (body == null) {
            return response;
        }
        SizeLimitedSource limited = new SizeLimitedSource(body.source(), limit,
                StreamErrorKeyMaskingInterceptor.isEventStream(body.contentType()));
        return response.newBuilder()
                .body(ResponseBody.create(Okio.buffer(limited), body.contentType(), body.contentLength())).build();
    }
}

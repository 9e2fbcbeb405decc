package dev.gatewaykit.sdk.metrics;

/** A JSON reply (Chat, Embeddings, Responses, Completions): usage is read while the caller parses the same bytes. */
final class JsonObserver implements BodyObserver {

    private final UsageScanner scanner;

    JsonObserver(TokenUsage usage) {
        this.scanner = new UsageScanner(usage);
    }

    @Override
    public void onBytes(byte[] bytes, int offset, int length) {
        scanner.feed(bytes, offset, length);
    }

    @Override
    public void onEnd() {
        scanner.end();
    }

    /** Whole once the root object closed; a body that is not JSON after all cannot be judged, so counts as whole. */
    @Override
    public boolean complete() {
        return scanner.complete() || scanner.failed();
    }

    @Override
    public boolean reportsError() {
        return false;
    }
}

package dev.gatewaykit.stub.endpoints;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * Deterministic unit vectors from text: the same text always gives the same vector, different texts give
 * (almost surely) different ones, and a shorter {@code dimensions} is the normalised prefix of the longer one.
 */
public final class EmbeddingVectors {

    /** Largest {@code dimensions} accepted. */
    public static final int MAX_DIMENSIONS = 8192;

    private EmbeddingVectors() {
    }

    /** Default size for a model: 3072 for "large" models, else 1536. */
    public static int defaultDimensions(String model) {
        return model.contains("large") ? 3072 : 1536;
    }

    /** The unit vector for {@code text} with {@code dimensions} components. */
    public static float[] vector(String text, int dimensions) {
        SplittableRandom random = new SplittableRandom(seed(text));
        double[] raw = new double[dimensions];
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            raw[i] = random.nextDouble() * 2 - 1;
            norm += raw[i] * raw[i];
        }
        norm = Math.sqrt(norm);
        float[] out = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            out[i] = (float) (norm == 0 ? 0 : raw[i] / norm);
        }
        return out;
    }

    /** Little-endian float32 bytes, Base64-encoded, as OpenAI's {@code encoding_format=base64}. */
    public static String base64(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : vector) {
            buffer.putFloat(v);
        }
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    private static long seed(String text) {
        // FNV-1a over UTF-8: stable across JVMs, unlike String.hashCode's 32 bits.
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}

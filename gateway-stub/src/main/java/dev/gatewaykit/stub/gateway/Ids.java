package dev.gatewaykit.stub.gateway;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Cheap random identifiers (no SecureRandom on the hot path: ids are not secrets). */
public final class Ids {

    private Ids() {
    }

    /** A random version-4 UUID string. */
    public static String uuid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** {@code prefix} followed by 24 random hex digits, like OpenAI's object ids. */
    public static String withPrefix(String prefix) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return prefix + Long.toHexString(r.nextLong() | Long.MIN_VALUE) + Long.toHexString((r.nextInt() & 0xffffffffL) | 0x100000000L).substring(1);
    }

    /** A UUID-shaped id that is always the same for {@code text} (no MessageDigest: it is not a secret). */
    public static String stableUuid(String text) {
        long h1 = fnv(text, 0xcbf29ce484222325L);
        long h2 = fnv(text, 0x84222325cbf29ce4L);
        return new UUID((h1 & 0xffffffffffff0fffL) | 0x0000000000003000L, (h2 & 0x3fffffffffffffffL) | 0x8000000000000000L).toString();
    }

    /** 16 hex digits that are always the same for {@code text}. */
    public static String stableHex(String text) {
        return String.format("%016x", fnv(text, 0xcbf29ce484222325L));
    }

    private static long fnv(String text, long seed) {
        long hash = seed;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}

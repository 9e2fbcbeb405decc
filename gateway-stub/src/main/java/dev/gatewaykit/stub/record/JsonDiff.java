package dev.gatewaykit.stub.record;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Optional;
import java.util.TreeSet;

/** The first place two JSON values differ, as {@code $.path: recorded X, request Y}. */
final class JsonDiff {

    private static final int MAX_VALUE = 80;

    private JsonDiff() {
    }

    static Optional<String> first(JsonNode recorded, JsonNode actual, String at) {
        if (recorded == null || actual == null || recorded.isMissingNode() || actual.isMissingNode()) {
            boolean same = (recorded == null || recorded.isMissingNode()) == (actual == null || actual.isMissingNode());
            return same ? Optional.empty() : Optional.of(at + ": recorded " + show(recorded) + ", request " + show(actual));
        }
        if (recorded.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            recorded.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                Optional<String> d = first(recorded.get(name), actual.get(name), at + "." + name);
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        if (recorded.isArray() && actual.isArray()) {
            if (recorded.size() != actual.size()) {
                return Optional.of(at + ": recorded " + recorded.size() + " items, request " + actual.size());
            }
            Iterator<JsonNode> r = recorded.iterator();
            Iterator<JsonNode> a = actual.iterator();
            for (int i = 0; r.hasNext(); i++) {
                Optional<String> d = first(r.next(), a.next(), at + "[" + i + "]");
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        boolean equal = recorded.equals(actual)
                || (recorded.isNumber() && actual.isNumber() && recorded.decimalValue().compareTo(actual.decimalValue()) == 0);
        return equal ? Optional.empty() : Optional.of(at + ": recorded " + show(recorded) + ", request " + show(actual));
    }

    private static String show(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "(absent)";
        }
        String s = n.toString();
        return s.length() > MAX_VALUE ? s.substring(0, MAX_VALUE) + "..." : s;
    }
}

package dev.gatewaykit.hardening.secrets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import dev.gatewaykit.hardening.support.PlantedKey;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Collects everything a user or an operator could see while scenarios run: {@code System.out} and
 * {@code System.err}, every java.util.logging record, every Logback event (with stack traces), and whatever a test
 * hands it explicitly (exception messages, {@code toString()}s, stack traces, HTTP bodies). Then asserts that no
 * planted key, nor a telling part of one, appears in any of it.
 */
final class LeakWitness implements AutoCloseable {

    private static final List<String> CHATTY_LOGGERS = List.of("dev.gatewaykit", "com.openai", "okhttp3");

    private final List<String> evidence = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final Handler julHandler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringWriter text = new StringWriter();
            text.append("JUL ").append(String.valueOf(record.getLevel())).append(' ')
                    .append(record.getLoggerName()).append(": ").append(record.getMessage());
            if (record.getParameters() != null) {
                for (Object p : record.getParameters()) {
                    text.append(" | ").append(String.valueOf(p));
                }
            }
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(text));
            }
            evidence.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Map<String, java.util.logging.Level> julLevels = new ConcurrentHashMap<>();
    private final List<Logger> julLoggers = new ArrayList<>();
    private final LogbackEvidence logback = new LogbackEvidence();
    private final Map<String, Level> logbackLevels = new ConcurrentHashMap<>();

    private LeakWitness() {
    }

    /** Starts capturing; {@link #close()} restores the streams and loggers. */
    static LeakWitness start() {
        LeakWitness witness = new LeakWitness();
        witness.install();
        return witness;
    }

    private void install() {
        OutputStream teeOut = tee(originalOut);
        OutputStream teeErr = tee(originalErr);
        System.setOut(new PrintStream(teeOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(teeErr, true, StandardCharsets.UTF_8));
        Logger root = Logger.getLogger("");
        root.addHandler(julHandler);
        julHandler.setLevel(java.util.logging.Level.ALL);
        for (String name : CHATTY_LOGGERS) {
            Logger logger = Logger.getLogger(name);
            julLoggers.add(logger);
            julLevels.put(name, logger.getLevel() == null ? java.util.logging.Level.INFO : logger.getLevel());
            logger.setLevel(java.util.logging.Level.ALL);
        }
        attachLogback();
    }

    /**
     * (Re-)attaches the Logback appender and lowers the chatty loggers to DEBUG; Spring Boot resets Logback when an
     * application starts, so call this again after each start.
     */
    void attachLogback() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(LogbackEvidence.NAME) == null) {
            logback.setContext(context);
            logback.setName(LogbackEvidence.NAME);
            logback.start();
            root.addAppender(logback);
        }
        for (String name : CHATTY_LOGGERS) {
            ch.qos.logback.classic.Logger logger = context.getLogger(name);
            logbackLevels.putIfAbsent(name, logger.getLevel() == null ? Level.OFF : logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
    }

    private OutputStream tee(PrintStream original) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (console) {
                    console.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (console) {
                    console.write(b, off, len);
                }
                original.write(b, off, len);
            }

            @Override
            public void flush() {
                original.flush();
            }
        };
    }

    /** Records any text a user could see (a body, a {@code toString()}, a report). */
    void saw(String where, Object text) {
        evidence.add(where + ": " + text);
    }

    /** Records an exception as a user sees it: message, {@code toString()} and the full stack trace with causes. */
    void sawException(String where, Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        evidence.add(where + " message: " + failure.getMessage());
        evidence.add(where + " toString: " + failure);
        evidence.add(where + " stack trace: " + trace);
        for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            evidence.add(where + " cause: " + t.getMessage());
        }
    }

    /** Everything printed to the console so far. */
    String console() {
        synchronized (console) {
            return console.toString(StandardCharsets.UTF_8);
        }
    }

    /** Everything captured so far, console included. */
    String all() {
        return String.join("\n", evidence) + "\n" + console();
    }

    /** Fails listing every place where a planted key (or a telling part of it) shows. */
    void assertNoLeaks(Collection<PlantedKey> keys) {
        List<String> leaks = new ArrayList<>();
        for (String text : evidence) {
            leaks.addAll(PlantedKey.leaks(keys, "captured", text));
        }
        leaks.addAll(PlantedKey.leaks(keys, "console", console()));
        assertThat(leaks).as("planted keys found in output").isEmpty();
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        Logger.getLogger("").removeHandler(julHandler);
        for (Logger logger : julLoggers) {
            logger.setLevel(julLevels.get(logger.getName()));
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(LogbackEvidence.NAME);
        logbackLevels.forEach((name, level) -> context.getLogger(name).setLevel(level == Level.OFF ? null : level));
        logback.stop();
    }

    private final class LogbackEvidence extends AppenderBase<ILoggingEvent> {

        static final String NAME = "hardening-leak-witness";

        @Override
        protected void append(ILoggingEvent event) {
            String text = "LOGBACK " + event.getLevel() + " " + event.getLoggerName() + ": "
                    + event.getFormattedMessage();
            if (event.getThrowableProxy() != null) {
                text += "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
            }
            evidence.add(text);
        }
    }
}

package chatroom.protocol;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The {@code time} tag (https://ircv3.net/specs/extensions/server-time): UTC, always with milliseconds, as in
 * {@code 2026-12-02T10:15:30.000Z}. A busy server stamps many lines within one millisecond, so the last text made
 * and the last text read are kept and reused.
 */
public final class ServerTime {
    private static final DateTimeFormatter FORMAT =
            new DateTimeFormatterBuilder().appendInstant(3).toFormatter(Locale.ROOT);

    private record Entry(Instant at, String text) {}

    private static volatile Entry lastFormatted = new Entry(Instant.EPOCH, FORMAT.format(Instant.EPOCH));
    private static volatile Entry lastParsed = lastFormatted;

    private ServerTime() {}

    /** {@code at} to the millisecond, with three fraction digits even when they are zero. */
    public static String format(Instant at) {
        Instant ms = at.truncatedTo(ChronoUnit.MILLIS);
        Entry e = lastFormatted;
        if (!e.at().equals(ms)) {
            e = new Entry(ms, FORMAT.format(ms));
            lastFormatted = e;
        }
        return e.text();
    }

    /** An ISO 8601 UTC instant, as {@link Instant#parse} reads it. */
    public static Instant parse(String text) throws DateTimeParseException {
        Entry e = lastParsed;
        if (!e.text().equals(text)) {
            e = new Entry(Instant.parse(text), text);
            lastParsed = e;
        }
        return e.at();
    }
}

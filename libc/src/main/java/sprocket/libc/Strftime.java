package sprocket.libc;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;

/**
 * strftime(3C) in the C locale and Coordinated Universal Time (this system keeps no time zone database, so TZ is UTC):
 * the conversions of POSIX's strftime, %a %A %b %B %c %C %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %s %S %t %T
 * %u %U %V %w %W %x %X %y %Y %z %Z %%, with E and O modifiers accepted and ignored, as the C locale ignores them. A
 * conversion it does not know is written as it is.
 */
public final class Strftime {
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};
    /** date(1)'s default format, the C locale's: "Thu Jan  1 00:00:05 UTC 1970". */
    public static final String DATE_FORMAT = "%a %b %e %H:%M:%S %Z %Y";

    private Strftime() {
    }

    /** strftime(3C) of {@code seconds} since the Epoch (time(2)'s count) in {@code format}. */
    public static String strftime(String format, long seconds) {
        ZonedDateTime t = Instant.ofEpochSecond(seconds).atZone(ZoneOffset.UTC);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                b.append(c);
                continue;
            }
            char k = format.charAt(++i);
            if ((k == 'E' || k == 'O') && i + 1 < format.length()) k = format.charAt(++i);
            conversion(b, k, t, seconds);
        }
        return b.toString();
    }

    private static void conversion(StringBuilder b, char k, ZonedDateTime t, long seconds) {
        switch (k) {
            case 'a' -> b.append(DAYS[t.getDayOfWeek().getValue() - 1], 0, 3);
            case 'A' -> b.append(DAYS[t.getDayOfWeek().getValue() - 1]);
            case 'b', 'h' -> b.append(MONTHS[t.getMonthValue() - 1], 0, 3);
            case 'B' -> b.append(MONTHS[t.getMonthValue() - 1]);
            case 'c' -> b.append(strftime("%a %b %e %H:%M:%S %Y", seconds));
            case 'C' -> two(b, Math.floorDiv(t.getYear(), 100));
            case 'd' -> two(b, t.getDayOfMonth());
            case 'D', 'x' -> b.append(strftime("%m/%d/%y", seconds));
            case 'e' -> b.append(t.getDayOfMonth() < 10 ? " " : "").append(t.getDayOfMonth());
            case 'F' -> b.append(strftime("%Y-%m-%d", seconds));
            case 'g' -> two(b, Math.floorMod(t.get(IsoFields.WEEK_BASED_YEAR), 100));
            case 'G' -> b.append(t.get(IsoFields.WEEK_BASED_YEAR));
            case 'H' -> two(b, t.getHour());
            case 'I' -> two(b, t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
            case 'j' -> b.append(String.format(java.util.Locale.ROOT, "%03d", t.getDayOfYear()));
            case 'm' -> two(b, t.getMonthValue());
            case 'M' -> two(b, t.getMinute());
            case 'n' -> b.append('\n');
            case 'p' -> b.append(t.getHour() < 12 ? "AM" : "PM");
            case 'r' -> b.append(strftime("%I:%M:%S %p", seconds));
            case 'R' -> b.append(strftime("%H:%M", seconds));
            case 's' -> b.append(seconds);
            case 'S' -> two(b, t.getSecond());
            case 't' -> b.append('\t');
            case 'T', 'X' -> b.append(strftime("%H:%M:%S", seconds));
            case 'u' -> b.append(t.getDayOfWeek().getValue());
            case 'U' -> two(b, (t.getDayOfYear() + 6 - t.getDayOfWeek().getValue() % 7) / 7);
            case 'V' -> two(b, t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'w' -> b.append(t.getDayOfWeek().getValue() % 7);
            case 'W' -> two(b, (t.getDayOfYear() + 6 - (t.getDayOfWeek().getValue() + 6) % 7) / 7);
            case 'y' -> two(b, Math.floorMod(t.getYear(), 100));
            case 'Y' -> b.append(t.get(ChronoField.YEAR));
            case 'z' -> b.append("+0000");
            case 'Z' -> b.append("UTC");
            case '%' -> b.append('%');
            default -> b.append('%').append(k);
        }
    }

    private static void two(StringBuilder b, int v) {
        if (v < 10 && v >= 0) b.append('0');
        b.append(v);
    }
}

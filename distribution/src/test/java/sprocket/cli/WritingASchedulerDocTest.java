package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/writing-a-scheduler.md says what is true: its build file is the lottery example's pom.xml, byte for byte,
 * and its signatures are the scheduler SPI's, every method and constant, no more and no fewer.
 */
class WritingASchedulerDocTest {
    private static final Path DOC = Path.of("..", "docs", "writing-a-scheduler.md");
    private static final Pattern INTERFACE = Pattern.compile("public interface (\\w+)[^{]*\\{(.*?)\\n}", Pattern.DOTALL);
    private static final Pattern METHOD = Pattern.compile("^\\s*(?:default\\s+)?([\\w<>]+)\\s+(\\w+)\\(([^)]*)\\)",
            Pattern.MULTILINE);
    private static final Pattern CONSTANT = Pattern.compile("^\\s*int\\s+(\\w+)\\s*=\\s*(\\d+);", Pattern.MULTILINE);

    /** The fenced block that follows the HTML comment starting with {@code marker}. */
    private static String blockAfter(String marker) throws Exception {
        String doc = Files.readString(DOC);
        int at = doc.indexOf("<!-- " + marker);
        assertThat(at).as("marker %s in %s", marker, DOC).isNotNegative();
        int open = doc.indexOf("```", at);
        int start = doc.indexOf('\n', open) + 1;
        int end = doc.indexOf("\n```", start - 1);
        return doc.substring(start, end + 1);
    }

    @Test
    void the_build_file_shown_is_the_lottery_example_pom() throws Exception {
        String pom = Files.readString(Path.of("..", "examples", "lottery-scheduler", "pom.xml"));
        assertThat(blockAfter("build-file")).isEqualTo(pom);
    }

    @Test
    void the_signatures_shown_are_the_scheduler_spi() throws Exception {
        Map<String, String> shown = new LinkedHashMap<>();
        Matcher i = INTERFACE.matcher(blockAfter("signatures"));
        while (i.find()) shown.put(i.group(1), i.group(2));
        assertThat(shown.keySet()).containsExactly("Scheduler", "SchedulerProvider", "SchedulerContext", "Task");
        for (Map.Entry<String, String> e : shown.entrySet()) {
            Class<?> type = Class.forName("sprocket.api.sched." + e.getKey());
            TreeSet<String> documented = new TreeSet<>();
            Matcher m = METHOD.matcher(e.getValue());
            while (m.find()) {
                String params = Arrays.stream(m.group(3).split(",")).map(String::strip).filter(p -> !p.isEmpty())
                        .map(p -> p.substring(0, p.lastIndexOf(' '))).collect(Collectors.joining(", "));
                documented.add(m.group(1) + " " + m.group(2) + "(" + params + ")");
            }
            TreeSet<String> declared = new TreeSet<>();
            for (Method method : type.getMethods()) {
                if (Modifier.isStatic(method.getModifiers())) continue;
                String params = Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(", "));
                String returns = method.getGenericReturnType().getTypeName().replaceAll("[\\w.]+\\.", "");
                declared.add(returns + " " + method.getName() + "(" + params + ")");
            }
            assertThat(documented).as(e.getKey()).isEqualTo(declared);

            Map<String, Integer> constants = new LinkedHashMap<>();
            Matcher c = CONSTANT.matcher(e.getValue());
            while (c.find()) constants.put(c.group(1), Integer.parseInt(c.group(2)));
            Map<String, Integer> actual = new LinkedHashMap<>();
            for (Field f : type.getFields()) actual.put(f.getName(), f.getInt(null));
            assertThat(constants).as(e.getKey() + " constants").isEqualTo(actual);
        }
    }
}

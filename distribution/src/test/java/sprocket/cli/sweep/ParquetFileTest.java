package sprocket.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables written as Parquet read back equal: every type, nulls in runs, many columns and rows, any text. */
class ParquetFileTest {

    @Test
    void random_tables_read_back_exactly(@TempDir Path tmp) throws IOException {
        Random random = new Random(15);
        for (int round = 0; round < 10; round++) {
            int columns = 1 + random.nextInt(40);
            int rows = random.nextInt(round == 0 ? 1 : 300);
            List<Map<String, Object>> maps = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("run", (long) r);
                for (int c = 1; c < columns; c++) {
                    int kind = c % 3;
                    Object v = random.nextInt(4) == 0 ? null : switch (kind) {
                        case 0 -> random.nextLong();
                        case 1 -> random.nextDouble() * 1e6;
                        default -> text(random);
                    };
                    row.put("c" + c + (kind == 2 ? "_é" : ""), v);
                }
                maps.add(row);
            }
            Table table = Table.of(maps, List.of("run"));
            Path file = tmp.resolve("t" + round + ".parquet");
            ParquetFile.write(file, table);
            Table back = ParquetFile.read(file);
            assertThat(back.columns()).isEqualTo(table.columns());
            assertThat(back.rows()).hasSameSizeAs(table.rows());
            for (int r = 0; r < rows; r++) assertThat(back.rows().get(r)).containsExactly(table.rows().get(r));
        }
    }

    @Test
    void the_same_table_gives_the_same_bytes(@TempDir Path tmp) throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("run", 0L);
        row.put("x", 1.5);
        Table t = Table.of(List.of(row), List.of("run"));
        assertThat(ParquetFile.bytes(t)).isEqualTo(ParquetFile.bytes(t));
    }

    @Test
    void a_file_that_is_not_parquet_is_refused_with_its_name(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("x.parquet"), "PAR1 but not really");
        assertThatThrownBy(() -> ParquetFile.read(file)).isInstanceOf(IOException.class).hasMessageContaining("x.parquet");
    }

    private static String text(Random random) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(300);
        for (int i = 0; i < n; i++) b.appendCodePoint(random.nextInt(10) == 0 ? 0x1F600 + random.nextInt(50) : 32 + random.nextInt(300));
        return b.toString();
    }
}

package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Sys;

/**
 * Every byte a system call moves between a user buffer and the kernel costs the machine's copy cost, once, whatever is
 * behind the descriptor: the kernel cycles of one read(2) or write(2) grow by the same amount per byte for a device,
 * a file and a pipe, and a read into simulated memory costs what a read into the program's buffer costs.
 */
class CopyCostTest {

    /** The kernel cycles of the one call named {@code name} that {@code body} makes. */
    private static long cycles(String hw, String name, java.util.function.ToIntFunction<Sys> body) {
        var o = Sim.with("hw=" + hw, "hw.cpus=1").program("t", (sys, argv) -> body.applyAsInt(sys)).run("t");
        assertThat(o.status()).isZero();
        @SuppressWarnings("unchecked")
        var rows = (Map<String, Map<String, Long>>) o.stats().get("syscalls_by_name");
        assertThat(rows.get(name).get("calls")).as(name + " calls").isEqualTo(1);
        return rows.get(name).get("cycles");
    }

    private static long readZero(String hw, int n) {
        return cycles(hw, "read", sys -> {
            int fd = sys.open("/dev/zero", Fcntl.O_RDONLY);
            return sys.read(fd, new byte[n], 0, n) == n ? 0 : 1;
        });
    }

    private static long writeFile(String hw, int n) {
        return cycles(hw, "write", sys -> {
            int fd = sys.open("/tmp/f", Fcntl.O_WRONLY | Fcntl.O_CREAT, 0644);
            return sys.write(fd, new byte[n], 0, n) == n ? 0 : 1;
        });
    }

    private static long writePipe(String hw, int n) {
        return cycles(hw, "write", sys -> {
            int[] p = new int[2];
            sys.pipe(p);
            return sys.write(p[1], new byte[n], 0, n) == n ? 0 : 1;
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void the_copy_costs_the_same_per_word_for_a_device_a_file_and_a_pipe(String hw) {
        long perThousandWords = readZero(hw, 4000) - readZero(hw, 0);
        assertThat(perThousandWords).isPositive();
        assertThat(readZero(hw, 8000) - readZero(hw, 4000)).isEqualTo(perThousandWords);
        // Past the first byte a regular file's write costs what its words cost, as a pipe's does.
        assertThat(writeFile(hw, 4001) - writeFile(hw, 1)).isEqualTo(perThousandWords);
        assertThat(writePipe(hw, 4001) - writePipe(hw, 1)).isEqualTo(perThousandWords);
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void a_read_into_simulated_memory_is_charged_once_as_a_read_into_a_buffer_is(String hw) {
        int n = 4000;
        long intoBuffer = readZero(hw, n);
        long intoMemory = cycles(hw, "read", sys -> {
            long a = sys.sbrk(8192);
            // Touch the pages first, so the read's own cost is only the copy.
            sys.cpu().store8(a, (byte) 1);
            sys.cpu().store8(a + 4096, (byte) 1);
            sys.cpu().store8(a + 8191, (byte) 1);
            int fd = sys.open("/dev/zero", Fcntl.O_RDONLY);
            return sys.read(fd, a, n) == n ? 0 : 1;
        });
        assertThat(intoMemory).isEqualTo(intoBuffer);
    }
}

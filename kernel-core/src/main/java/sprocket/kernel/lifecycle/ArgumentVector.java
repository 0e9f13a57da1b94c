package sprocket.kernel.lifecycle;

import java.nio.charset.StandardCharsets;
import sprocket.api.hw.Access;
import sprocket.api.hw.Machine;
import sprocket.api.hw.Mmu;
import sprocket.api.hw.PhysicalMemory;
import sprocket.api.vm.AddressSpace;
import sprocket.kernel.engine.Cpu;
import sprocket.kernel.engine.Engine;

/** exec(2)'s argument vector: argc, argv and envp laid out at the top of the new image's stack through the MMU. */
final class ArgumentVector {
    private final Engine engine;
    private final Mmu mmu;
    private final PhysicalMemory memory;
    private final long copyWord;

    ArgumentVector(Engine engine, Machine machine) {
        this.engine = engine;
        this.mmu = machine.mmu();
        this.memory = machine.memory();
        this.copyWord = machine.costs().copyWord();
    }

    /**
     * Lays out the new image's arguments at the top of its stack as a System V exec does: argc, the argv pointers
     * and a null, the envp pointers and a null, then the strings. The stores go through the MMU, so the stack
     * page is faulted in as in any exec. Returns the new stack pointer (at argc), or -1 if the stack cannot hold them.
     */
    long push(Cpu cpu, AddressSpace space, String[] argv, String[] envp) {
        byte[][] strings = new byte[argv.length + envp.length][];
        long bytes = 0;
        for (int i = 0; i < strings.length; i++) {
            String s = i < argv.length ? argv[i] : envp[i - argv.length];
            strings[i] = (s + "\0").getBytes(StandardCharsets.UTF_8);
            bytes += strings[i].length;
        }
        long strBase = (space.stackTop() - bytes) & ~7L;
        long vector = (strBase - 4L * (strings.length + 3)) & ~7L;
        long at = strBase;
        long slot = vector;
        if (!store32(cpu, slot, argv.length)) return -1;
        slot += 4;
        for (int i = 0; i < strings.length; i++) {
            if (i == argv.length) {
                if (!store32(cpu, slot, 0)) return -1;
                slot += 4;
            }
            if (!store32(cpu, slot, at) || !storeBytes(cpu, at, strings[i])) return -1;
            slot += 4;
            at += strings[i].length;
        }
        if (argv.length == strings.length && !store32(cpu, slot, 0)) return -1;
        if (!store32(cpu, slot + (argv.length == strings.length ? 4 : 0), 0)) return -1;
        engine.charge(copyWord * ((bytes + 4L * strings.length + 12) / 4));
        return vector;
    }

    private boolean store32(Cpu cpu, long va, long value) {
        long pa = mmu.translate(cpu.id, va, Access.WRITE);
        if (pa == Mmu.FAULT) return false;
        memory.store(pa, 4, value);
        return true;
    }

    private boolean storeBytes(Cpu cpu, long va, byte[] b) {
        int page = memory.pageSize();
        int done = 0;
        while (done < b.length) {
            long a = va + done;
            int chunk = (int) Math.min(b.length - done, page - Math.floorMod(a, page));
            long pa = mmu.translate(cpu.id, a, Access.WRITE);
            if (pa == Mmu.FAULT) return false;
            memory.write(pa, b, done, chunk);
            done += chunk;
        }
        return true;
    }
}

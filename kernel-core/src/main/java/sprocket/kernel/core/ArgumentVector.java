package sprocket.kernel.core;

import sprocket.api.vm.AddressSpace;

/** exec(2)'s argument vector: argc, argv and envp laid out at the top of the new image's stack through the MMU. */
final class ArgumentVector {
    private ArgumentVector() {
    }

    /**
     * Lays out the new image's arguments at the top of its stack as a System V exec does: argc, the argv pointers
     * and a null, the envp pointers and a null, then the strings. The stores go through the MMU, so the stack
     * page is faulted in as in any exec. Returns the new stack pointer (at argc), or -1 if the stack cannot hold them.
     */
    static long push(Engine engine, Cpu cpu, AddressSpace space, String[] argv, String[] envp) {
        byte[][] strings = new byte[argv.length + envp.length][];
        long bytes = 0;
        for (int i = 0; i < strings.length; i++) {
            String s = i < argv.length ? argv[i] : envp[i - argv.length];
            strings[i] = (s + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            bytes += strings[i].length;
        }
        long strBase = (space.stackTop() - bytes) & ~7L;
        long vector = (strBase - 4L * (strings.length + 3)) & ~7L;
        long at = strBase;
        long slot = vector;
        if (!store32(engine, cpu, slot, argv.length)) return -1;
        slot += 4;
        for (int i = 0; i < strings.length; i++) {
            if (i == argv.length) {
                if (!store32(engine, cpu, slot, 0)) return -1;
                slot += 4;
            }
            if (!store32(engine, cpu, slot, at) || !storeBytes(engine, cpu, at, strings[i])) return -1;
            slot += 4;
            at += strings[i].length;
        }
        if (argv.length == strings.length && !store32(engine, cpu, slot, 0)) return -1;
        if (!store32(engine, cpu, slot + (argv.length == strings.length ? 4 : 0), 0)) return -1;
        engine.charge(engine.costs.copyWord() * ((bytes + 4L * strings.length + 12) / 4));
        return vector;
    }

    private static boolean store32(Engine engine, Cpu cpu, long va, long value) {
        long pa = engine.machine.mmu().translate(cpu.id, va, sprocket.api.hw.Access.WRITE);
        if (pa == sprocket.api.hw.Mmu.FAULT) return false;
        engine.machine.memory().store(pa, 4, value);
        return true;
    }

    private static boolean storeBytes(Engine engine, Cpu cpu, long va, byte[] b) {
        int page = engine.machine.memory().pageSize();
        int done = 0;
        while (done < b.length) {
            long a = va + done;
            int chunk = (int) Math.min(b.length - done, page - Math.floorMod(a, page));
            long pa = engine.machine.mmu().translate(cpu.id, a, sprocket.api.hw.Access.WRITE);
            if (pa == sprocket.api.hw.Mmu.FAULT) return false;
            engine.machine.memory().write(pa, b, done, chunk);
            done += chunk;
        }
        return true;
    }
}

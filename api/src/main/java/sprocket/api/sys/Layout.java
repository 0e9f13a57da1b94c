package sprocket.api.sys;

/**
 * The address-space layout exec(2) gives every program, which programs and their C library may rely on as a linked
 * program relies on its linker's addresses: text at {@link #TEXT_BASE} as in the MIPS ABI, data+bss right after it
 * (private, copy-on-write at fork, shared by PR_SADDR share-group members), the break at the end of data, the PRDA at
 * {@link Prctl#PRDA}, and a stack under {@link #STACK_TOP}. Programs are Java code, so text and data have nominal
 * sizes; the C library keeps its own variables at the start of data (sprocket.libc), and a program's own data comes
 * from sbrk(2).
 */
public final class Layout {
    /** Where text starts, as in the MIPS ABI. */
    public static final long TEXT_BASE = 0x0040_0000L;
    /** The size of every program's text. */
    public static final long TEXT_BYTES = 16 * 1024;
    /** Where data+bss starts: right after the text. */
    public static final long DATA_BASE = TEXT_BASE + TEXT_BYTES;
    /** The size of every program's data+bss; the initial break is {@code DATA_BASE + DATA_BYTES}. */
    public static final long DATA_BYTES = 16 * 1024;
    /** The top of the stack, exclusive. */
    public static final long STACK_TOP = 0x7FFF_F000L;
    /** The end of user space: kernel space (the R2000's kseg0, the x86 kernel's half) starts here. */
    public static final long USER_END = 0x8000_0000L;

    private Layout() {
    }
}

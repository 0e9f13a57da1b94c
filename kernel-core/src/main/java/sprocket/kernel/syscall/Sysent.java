package sprocket.kernel.syscall;

import sprocket.kernel.lock.Locks;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.proc.TrapFrame;

/**
 * One entry of the system call table (SVR4's struct sysent, xv6's syscalls[]): the call's number and name, the
 * kernel lock area it works in, how a tracer prints its arguments and result, and the handler that does it.
 *
 * @param index the entry's place in {@link SyscallTable#ALL}, for per-call figures
 * @param number the system call number
 * @param name the manual page's name
 * @param area what the call locks under fine-grained kernel locking
 * @param args the arguments as a tracer prints them, comma-separated tokens of a kind and a trap-frame slot:
 *     {@code d0} a0 in decimal, {@code x1} a1 in hex, {@code o2} a2 in octal, {@code g0} a0 as a signal name,
 *     {@code s0} o0 as a string, {@code w0} o0 as bytes being written, {@code r0} o0 as a buffer being read into,
 *     {@code v1} o1 as a string vector, {@code p0} o0 as another object, {@code e0} o0 as an entry point
 * @param result how the result prints: {@code 'd'} decimal, {@code 'x'} hex, {@code 'O'} octal, {@code 'r'} the
 *     object the call left in the frame
 * @param objects whether the call takes the caller's objects in the frame or answers one, which the frame must let
 *     go of afterwards (known from {@code args} and {@code result}, kept as a component so that it is a constant)
 * @param handler the kernel's code for the call
 */
public record Sysent(int index, int number, String name, Locks.Area area, String args, char result,
        boolean objects, Handler handler) {

    /** The kernel's code for one call: reads its arguments from the frame, returns the result register. */
    @FunctionalInterface
    public interface Handler {
        long call(Calls k, Proc p, TrapFrame f);
    }
}

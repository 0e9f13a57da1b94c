/**
 * The C library: what IRIX and every Unix keep in libc rather than in the kernel. It is library code running in the
 * calling process: it reaches the kernel only through the system calls of {@link sprocket.api.sys.Sys} and memory only
 * through the loads, stores and atomic instructions of {@link sprocket.api.sys.UserCpu}, so everything it does costs
 * simulated time as the machine charges it, and nothing it does can reach the kernel's own state.
 *
 * <h2>Calling it</h2>
 * Each routine is a static method named as the manual page names it, taking the caller's {@code Sys} first and then
 * C's arguments in C's order ({@code Ulock.ussetlock(sys, lock)}, {@code Stdio.printf(sys, "%d\n", n)}). A stream is
 * named by its descriptor, right after the {@code Sys}, as in fprintf: C's {@code fputs(s, stderr)} is {@code
 * Stdio.fputs(sys, STDERR_FILENO, s)}. Failures are C's: -1, 0 (for a pointer), {@link sprocket.libc.Stdio#EOF} or
 * null, with errno set in the process ({@link sprocket.api.sys.Sys#errno()}); nothing a program passes makes a routine
 * throw. The kinds of object are the ones C programs hold themselves: a {@link sprocket.libc.Getopt} (the parse
 * state C keeps in optind, optarg and optopt), a buffered {@link sprocket.libc.Stream} (a FILE, read or written),
 * a {@link sprocket.libc.Dir} (a DIR), and the records of /etc/passwd and /etc/group.
 *
 * <h2>One concept per class</h2>
 * {@link sprocket.libc.Arena} (usinit(3P), usconfig(3P)), {@link sprocket.libc.Ulock} (usnewlock(3P),
 * ussetlock(3P)...), {@link sprocket.libc.Usema} (usnewsema(3P), uspsema(3P)...), {@link sprocket.libc.Sproc}
 * (sproc(2) with the C library arena), {@link sprocket.libc.Ulocks} (ulocks.h), {@link sprocket.libc.Stdio} and
 * {@link sprocket.libc.Stream} (stdio(3S)), {@link sprocket.libc.Strerror} (strerror(3C), perror(3C)), {@link
 * sprocket.libc.Getopt} (getopt(3C)), {@link sprocket.libc.Strtol} (strtol(3C)), {@link sprocket.libc.Sockets}
 * (inet_addr(3N) and the calls around accept and recv), {@link sprocket.libc.Dir} (opendir(3C), readdir(3C),
 * scandir(3C)), {@link sprocket.libc.Libgen} (basename(3G), dirname(3G)), {@link sprocket.libc.Passwd} and {@link
 * sprocket.libc.Group} (getpwnam(3C), getgrgid(3C)...), {@link sprocket.libc.Exec} (execvp(3C)), {@link
 * sprocket.libc.Environ} (getenv(3C)), {@link sprocket.libc.Strsignal} (strsignal(3C)).
 *
 * <h2>Where the library keeps its state</h2>
 * A C library's globals are per process and live in the process's memory. Here they live at the start of the
 * program's data segment ({@link sprocket.api.sys.Layout#DATA_BASE}, the first 256 bytes), where a linker places a
 * static libc's data and bss: usconfig's CONF_INITUSERS and CONF_INITSIZE, and the address of the share group's C
 * library arena. So fork(2) gives the child a copy-on-write copy, a share-group member made with PR_SADDR shares them
 * with the group, a member made without it gets a copy, and exec(2) starts them at zero (the defaults). Nothing is in
 * Java static fields (one JVM runs many simulations) nor in the kernel. The PRDA's library part would not do: the
 * PRDA is private to each member and starts afresh at fork. A program takes its own data from sbrk(2) and leaves
 * these bytes alone; if it writes over them, the routines that read them fail with EINVAL.
 *
 * <h2>Trust</h2>
 * An arena, a lock or a semaphore is the program's memory, which the program (or any process sharing it) may have
 * overwritten: the routines check what they read (an arena's header, a semaphore's capacity, ring and count) and fail
 * with EINVAL rather than divide by it or loop on it.
 */
package sprocket.libc;

/**
 * The kernel's character device drivers behind S_IFCHR nodes, found by the major number of a node's st_rdev as
 * SVR4's cdevsw table finds them: the console (also /dev/tty) and the memory devices /dev/null and /dev/zero.
 */
package sprocket.kernel.dev;

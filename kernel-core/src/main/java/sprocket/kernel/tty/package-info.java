/**
 * Terminals: the tty line discipline (canonical input with erase and kill, echo, the signal characters, MIN and TIME),
 * sessions and controlling terminals with their job control (the foreground process group, SIGTTIN and SIGTTOU, SIGHUP
 * when the controlling process exits, orphaned process groups), the console as a terminal on the host's screen and
 * keyboard or script, and /dev/tty. After POSIX.1's "General Terminal Interface" and SVR4's ldterm.
 */
package sprocket.kernel.tty;

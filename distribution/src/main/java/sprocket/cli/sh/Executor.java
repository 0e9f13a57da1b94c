package sprocket.cli.sh;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import sprocket.api.Errno;
import sprocket.libc.Strerror;
import sprocket.api.sys.Sys;

/**
 * Runs the syntax tree: lists, and-or lists, compound commands, subshells, background jobs and command
 * substitution (XCU 2.9). {@code exit} tells a node it is the last thing its process does, so that a forked child
 * can exec its last command rather than fork once more, as dash does. set -e is applied here, by dash's rule: a
 * simple command, a pipeline or a subshell that fails outside a tested context ends the shell.
 */
final class Executor {
    private final Shell sh;
    private final Commands commands;

    Executor(Shell sh) {
        this.sh = sh;
        this.commands = new Commands(sh);
    }

    Commands commands() {
        return commands;
    }

    /** Runs {@code n}; its status is also left in {@code $?}. */
    int eval(Node n, boolean exit) {
        int s = switch (n) {
            case Node.Simple c -> errexit(commands.simple(c, exit));
            case Node.Pipeline p -> p.negate() ? Pipelines.run(sh, p) : errexit(Pipelines.run(sh, p));
            case Node.Subshell s2 -> errexit(subshell(s2.body(), exit));
            case Node.Sequence q -> {
                int last = 0;
                List<Node> items = q.items();
                for (int i = 0; i < items.size(); i++) last = eval(items.get(i), exit && i == items.size() - 1);
                yield last;
            }
            case Node.AndOr a -> {
                int left = tested(a.left());
                yield (left == 0) == a.and() ? eval(a.right(), exit) : left;
            }
            case Node.Background b -> Pipelines.background(sh, b.body());
            case Node.Group g -> eval(g.body(), exit);
            case Node.Redirected r -> redirected(r, exit);
            case Node.If i -> {
                if (tested(i.condition()) == 0) yield eval(i.body(), exit);
                yield i.otherwise() == null ? 0 : eval(i.otherwise(), exit);
            }
            case Node.Loop l -> loop(l);
            case Node.For f -> forLoop(f);
            case Node.Case c -> caseCommand(c, exit);
            case Node.FunctionDefinition f -> {
                sh.functions.put(f.name(), f);
                yield 0;
            }
        };
        sh.status = s;
        if (sh.pendingTraps != 0) Traps.runPending(sh);
        return s;
    }

    /** Runs a condition: set -e does not apply to it (XCU set, -e). */
    int tested(Node n) {
        sh.errexitSuppressed++;
        try {
            return eval(n, false);
        } finally {
            sh.errexitSuppressed--;
        }
    }

    private int errexit(int status) {
        sh.status = status;
        if (status != 0 && sh.options.errexit && sh.errexitSuppressed == 0) throw Jump.exit(status);
        return status;
    }

    private int subshell(Node body, boolean exit) {
        if (exit) return eval(body, true); // already a child that ends after this: no need for another
        Job job = sh.jobs.create(false);
        Pipelines.fork(sh, job, Pipelines.Mode.FOREGROUND, "(" + Unparse.text(body) + ")",
                child -> child.executor.eval(body, true));
        return Pipelines.waitForeground(sh, job);
    }

    private int redirected(Node.Redirected r, boolean exit) {
        Redirections.Saved saved;
        try {
            saved = Redirections.apply(sh, r.redirections(), !exit);
        } catch (ShellError e) {
            if (e.fatal) throw e;
            sh.error(e.getMessage());
            return e.status;
        }
        try {
            return eval(r.body(), exit);
        } finally {
            saved.restore();
        }
    }

    private int loop(Node.Loop l) {
        int status = 0;
        sh.loops++;
        try {
            while (true) {
                try {
                    int c = tested(l.condition());
                    if ((c == 0) == l.until()) break;
                    status = eval(l.body(), false);
                } catch (Jump j) {
                    status = 0; // break and continue succeed, and were the last command run
                    if (!loopJump(j)) break;
                }
            }
        } finally {
            sh.loops--;
        }
        return status;
    }

    /** Handles break and continue aimed at this loop: true to go on with the next iteration, false to leave. */
    private boolean loopJump(Jump j) {
        if (j.kind != Jump.Kind.BREAK && j.kind != Jump.Kind.CONTINUE) throw j;
        if (j.value > 1) throw j.kind == Jump.Kind.BREAK ? Jump.breakLoops(j.value - 1) : Jump.continueLoop(j.value - 1);
        return j.kind == Jump.Kind.CONTINUE;
    }

    private int forLoop(Node.For f) {
        sh.lineNo = f.line();
        List<String> values = f.words() == null ? List.copyOf(sh.vars.positional()) : sh.expander.fields(f.words());
        int status = 0;
        sh.loops++;
        try {
            for (String v : values) {
                sh.vars.set(f.name(), v);
                if (sh.options.allexport) sh.vars.export(f.name());
                try {
                    status = eval(f.body(), false);
                } catch (Jump j) {
                    status = 0;
                    if (!loopJump(j)) break;
                }
            }
        } finally {
            sh.loops--;
        }
        return status;
    }

    private int caseCommand(Node.Case c, boolean exit) {
        sh.lineNo = c.line();
        String subject = sh.expander.string(c.subject());
        for (Node.CaseItem item : c.items()) {
            for (Word p : item.patterns()) {
                if (Pattern.matches(sh.expander.pattern(p), subject)) {
                    return item.body() == null ? 0 : eval(item.body(), exit);
                }
            }
        }
        return 0;
    }

    /** eval and traps: parses and runs {@code text} in this shell; its lines count from 1, as in dash. */
    int evalString(String text) {
        if (sh.dotDepth + sh.functionDepth >= Limits.MAX_CALL_DEPTH) throw ShellError.fatal("nesting too deep");
        int line = sh.lineNo;
        sh.dotDepth++;
        try {
            return sh.runNested(Input.of(text));
        } finally {
            sh.dotDepth--;
            sh.lineNo = line;
        }
    }

    /**
     * {@code $(...)}: runs {@code body} in a child whose standard output is a pipe, reads everything it writes, and
     * waits for it; {@code $?} becomes its status. The trailing newlines go (XCU 2.6.3).
     */
    String substitute(Node body) {
        commands.substituted();
        if (body == null) {
            sh.status = 0;
            return "";
        }
        Sys sys = sh.sys;
        int[] p = new int[2];
        if (sys.pipe(p) == -1) throw ShellError.fatal("Pipe call failed: " + Strerror.strerror(sys.errno()));
        int pid = Pipelines.forkPlain(sh, child -> {
            Sys s = child.sys;
            s.close(p[0]);
            if (p[1] != 1) {
                if (s.dup2(p[1], 1) == -1) {
                    child.error("dup2: " + Strerror.strerror(s.errno()));
                    return 2;
                }
                s.close(p[1]);
            }
            return child.executor.eval(body, true);
        }, p);
        sys.close(p[1]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (true) {
            int n = sys.read(p[0], buf, 0, buf.length);
            if (n > 0) {
                out.write(buf, 0, n);
            } else if (n == 0 || sys.errno() != Errno.EINTR) {
                break;
            }
        }
        sys.close(p[0]);
        int[] status = new int[1];
        int r;
        do {
            r = sys.waitpid(pid, status, 0);
        } while (r == -1 && sys.errno() == Errno.EINTR);
        sh.status = r == pid ? Job.statusOf(status[0]) : 2;
        if (r == pid && Job.deathNotice(status[0]) != null) sh.err(Job.deathNotice(status[0]));
        String s = out.toString(StandardCharsets.UTF_8);
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') end--;
        return s.substring(0, end);
    }
}

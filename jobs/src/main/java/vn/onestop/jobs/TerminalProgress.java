package vn.onestop.jobs;

import java.io.PrintStream;

/**
 * Progress of a run on standard error: in a terminal, one line per stage redrawn in place with a bar when the
 * total is known; otherwise (a log file, a pipe) one plain line per step, so that cron mail stays readable.
 */
final class TerminalProgress {
    static final TerminalProgress SILENT = new TerminalProgress(null, false);
    private static final int BAR = 24;

    private final PrintStream out;
    private final boolean interactive;
    private String lastStep;
    private boolean open;

    TerminalProgress(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    /** Standard error, redrawn in place only when the command runs in a terminal. */
    static TerminalProgress standardError() {
        return new TerminalProgress(System.err, System.console() != null);
    }

    void stage(String stage) {
        if (out == null) {
            return;
        }
        end();
        lastStep = null;
        out.println("▶ " + stage);
    }

    void step(String stage, String step, long done, long total) {
        if (out == null || step.equals(lastStep) && !interactive) {
            return;
        }
        lastStep = step;
        String line = "  " + stage + " " + bar(done, total) + " " + step;
        if (interactive) {
            out.print("\r" + line + "\u001b[K");
            open = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    void end() {
        if (out != null && open) {
            out.println();
            open = false;
        }
    }

    /** {@code [#########---------------]  38 % (3/8)}, or the count alone when the total is not known. */
    static String bar(long done, long total) {
        if (total <= 0) {
            return String.format("%,d", done);
        }
        int filled = (int) Math.min(BAR, done * BAR / total);
        return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] " + String.format("%3d %%", Math.min(100,
                done * 100 / total)) + " (" + done + "/" + total + ")";
    }
}

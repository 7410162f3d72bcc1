package dev.l2l.runner;

import dev.l2l.core.train.MetaBatchReport;
import dev.l2l.core.train.TrainingListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.Locale;

/**
 * How progress is shown: a progress bar (iteration, meta-loss, throughput, ETA) when standard
 * output is a terminal, and plain periodic lines otherwise (CI, files).
 */
final class Console {

    private final PrintStream out;
    private final boolean terminal;

    Console(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** A console for {@code out}, with a progress bar only if it is the process's terminal. */
    static Console of(PrintStream out) {
        return new Console(out, out == System.out && System.console() != null && !"true".equals(System.getenv("CI")));
    }

    PrintStream out() {
        return out;
    }

    /** Progress of meta-training: a bar, or a line every {@code every} meta-batches and after the last. */
    TrainingListener training(int total, int done, int every) {
        if (!terminal) {
            return new ProgressPrinter(out, every);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName("meta-training").setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).setUnit(" meta-batches", 1)
                .startsFrom(done, java.time.Duration.ZERO).build();
        return new TrainingListener() {
            @Override
            public void metaBatchDone(MetaBatchReport r) {
                bar.stepTo(r.index() + 1);
                bar.setExtraMessage(String.format(Locale.ROOT, "meta-loss %.4g, %,.0f steps/s", r.metaLoss(), r.throughput()));
                if (r.index() + 1 == r.total()) {
                    bar.close();
                }
            }

            @Override
            public void validated(int completedBatches, double score, double best) {
                bar.setExtraMessage(validationLine(completedBatches, score, best));
            }
        };
    }

    /** The line that reports a score of φ for selection. */
    static String validationLine(int completedBatches, double score, double best) {
        return String.format(Locale.ROOT, "φ after meta-batch %d: validation loss %.4g%s", completedBatches, score,
                score == best ? " (best so far)" : String.format(Locale.ROOT, " (best %.4g)", best));
    }

    /** Progress of an evaluation of {@code total} runs: a bar, or a line at every tenth of the way. */
    Step evaluation(int total) {
        if (!terminal) {
            int[] done = {0};
            return () -> {
                done[0]++;
                if (done[0] == total || done[0] % Math.max(1, total / 10) == 0) {
                    out.printf(Locale.ROOT, "evaluation: %d/%d runs (tuning and held-out)%n", done[0], total);
                }
            };
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName("evaluation").setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).build();
        return () -> {
            bar.step();
            if (bar.getCurrent() >= total) {
                bar.close();
            }
        };
    }

    /** One unit of progress. */
    interface Step {
        void done();
    }
}

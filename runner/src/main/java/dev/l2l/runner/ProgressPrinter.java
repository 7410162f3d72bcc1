package dev.l2l.runner;

import dev.l2l.core.train.MetaBatchReport;
import dev.l2l.core.train.TrainingListener;

import java.io.PrintStream;
import java.util.Locale;

/** Prints a line every {@code every} meta-batches (and after the last), and one per score of φ. */
final class ProgressPrinter implements TrainingListener {

    private final PrintStream out;
    private final int every;

    ProgressPrinter(PrintStream out, int every) {
        this.out = out;
        this.every = every;
    }

    @Override
    public void metaBatchDone(MetaBatchReport r) {
        boolean last = r.index() + 1 == r.total();
        if (every > 0 && ((r.index() + 1) % every == 0 || last)) {
            out.printf(Locale.ROOT, "meta-batch %d/%d  meta-loss %.4g  final loss %.4g  %,.0f optimizee steps/s%s%n",
                    r.index() + 1, r.total(), r.metaLoss(), r.finalLoss(), r.throughput(),
                    (r.skippedUpdates() > 0 ? "  skipped updates " + r.skippedUpdates() : "")
                            + (r.resetInstances() > 0 ? "  replaced instances " + r.resetInstances() : ""));
        }
    }

    @Override
    public void validated(int completedBatches, double score, double best) {
        out.println(Console.validationLine(completedBatches, score, best));
    }
}

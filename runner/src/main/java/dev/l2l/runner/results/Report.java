package dev.l2l.runner.results;

import dev.l2l.core.eval.PairedDifference;

import java.util.List;
import java.util.Locale;

/** {@code report.md}: the comparison table and the charts of a run directory. */
public final class Report {

    private Report() {
    }

    public static String markdown(ExperimentResults results, String timing) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(results.name()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Task `%s`, learned optimizer `%s`, seed %d. Loss at step %d on %d held-out "
                + "instances; baselines' learning rates tuned on separate instances.%n%n", results.task(),
                results.optimizer(), results.seed(), results.horizon(), results.evaluationInstances()));
        md.append("| optimizer | kind | learning rate | loss on the tuning instances | mean | median | 95% interval of the mean"
                + " | " + results.optimizer() + " − this, paired (95% interval) | " + results.optimizer() + " lower on |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (ContenderResult r : results.optimizers()) {
            PairedDifference d = r.learnedMinusThis();
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.4g | %.4g | [%.4g, %.4g] | %s | %s |%n", r.name(),
                    r.kind(), r.learningRate() == null ? "–" : String.format(Locale.ROOT, "%.3g", r.learningRate()),
                    r.tuningLoss() == null ? "–" : String.format(Locale.ROOT, "%.4g", r.tuningLoss()),
                    r.finalLossMean(), r.finalLossMedian(), r.finalLossCi95()[0], r.finalLossCi95()[1],
                    d == null ? "–" : String.format(Locale.ROOT, "%+.4g [%+.4g, %+.4g]", d.mean(), d.ciLow(), d.ciHigh()),
                    d == null ? "–" : d.lowerOn() + "/" + d.instances()));
        }
        md.append("\n![mean loss per step](").append(Charts.LOSS_CURVES).append(")\n");
        List<Double> metaLosses = results.metaLosses();
        if (metaLosses != null && !metaLosses.isEmpty()) {
            md.append("\n## Meta-training\n\n").append(timing).append("\n\n![meta-loss per meta-batch](")
                    .append(Charts.META_TRAINING).append(")\n");
        }
        return md.toString();
    }
}

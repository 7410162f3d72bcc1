package dev.l2l.runner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Timing helpers of the benchmarks: the median of repeated runs after a warm-up, and the process's peak memory. */
final class Measure {

    private Measure() {
    }

    /** Median seconds of {@code repetitions} runs of {@code work}, after {@code warmUp} untimed runs. */
    static double medianSeconds(int warmUp, int repetitions, Runnable work) {
        for (int i = 0; i < warmUp; i++) {
            work.run();
        }
        double[] seconds = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            work.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[repetitions / 2];
    }

    /** Peak resident memory of this process in MiB (Linux {@code VmHWM}), or −1 where unknown. */
    static long peakResidentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}

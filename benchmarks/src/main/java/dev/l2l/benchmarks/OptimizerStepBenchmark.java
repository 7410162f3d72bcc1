package dev.l2l.benchmarks;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.Rollout;
import dev.l2l.core.rnn.CoordinatewiseRnnOptimizer;
import dev.l2l.optimizers.gru.GruCell;
import dev.l2l.optimizers.lstm.LstmCell;
import dev.l2l.optimizers.preprocessing.LogSignPreprocessing;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One step of the paper's coordinatewise optimizer (2 layers of 20 units, log-sign input, float)
 * at several coordinate counts: forward only (inference), and forward plus its backward pass
 * (meta-training).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-modules", "jdk.incubator.vector"})
public class OptimizerStepBenchmark {

    /** The recurrent cell. */
    @Param({"lstm", "gru"})
    public String cell;

    /** Coordinates optimized at once. */
    @Param({"10", "1000", "16000", "100000"})
    public int coordinates;

    private Rollout inference;
    private Rollout recording;
    private INDArray gradient;
    private INDArray update;
    private INDArray updateAdjoint;
    private INDArray parameterGradient;

    @Setup(Level.Trial)
    public void setUp() {
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        LearnedOptimizer optimizer = new CoordinatewiseRnnOptimizer(new LogSignPreprocessing(10),
                "gru".equals(cell) ? GruCell::new : LstmCell::new, 2, 20, 0.1, DataType.FLOAT, 1);
        inference = optimizer.newRollout(coordinates, false);
        recording = optimizer.newRollout(coordinates, true);
        gradient = Nd4j.rand(DataType.FLOAT, 1, coordinates).subi(0.5).muli(0.01);
        update = Nd4j.zeros(DataType.FLOAT, 1, coordinates);
        updateAdjoint = Nd4j.rand(DataType.FLOAT, 1, coordinates).subi(0.5);
        parameterGradient = Nd4j.zeros(DataType.FLOAT, optimizer.parameters().length());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        inference.close();
        recording.close();
    }

    /** One inference step. */
    @Benchmark
    public INDArray forward() {
        inference.step(gradient, update);
        return update;
    }

    /** One recorded step, its backward pass, and the truncation. */
    @Benchmark
    public INDArray forwardBackward() {
        recording.step(gradient, update);
        recording.backwardStep(updateAdjoint, null, parameterGradient);
        recording.truncate();
        return parameterGradient;
    }
}

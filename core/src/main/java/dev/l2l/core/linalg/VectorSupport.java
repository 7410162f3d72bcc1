package dev.l2l.core.linalg;

/**
 * Whether this JVM can run the Vector API loops of {@link VectorMath}: the incubating module
 * {@code jdk.incubator.vector} must have been added ({@code java --add-modules jdk.incubator.vector},
 * as the {@code l2l} launcher, the test runs and the benchmarks do). This class never touches the
 * module itself, so asking does not load it; without it, {@link FastMath}'s bulk forms run their
 * plain loops, which give the same bits more slowly.
 */
public final class VectorSupport {

    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && VectorMath.usableLanes();

    private VectorSupport() {
    }

    /** Whether {@link VectorMath} may be called in this JVM. */
    public static boolean available() {
        return AVAILABLE;
    }
}

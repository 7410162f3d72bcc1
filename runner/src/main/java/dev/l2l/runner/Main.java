package dev.l2l.runner;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.l2l.core.DataException;
import dev.l2l.core.plugin.PluginException;
import dev.l2l.core.plugin.PluginRegistry;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The {@code l2l} command line. Errors in what the user gave (files, fields, arguments) are one
 * line on standard error and exit status 2; {@code --debug} adds the stack trace.
 */
@Command(name = "l2l", mixinStandardHelpOptions = true, version = "l2l 0.1.0",
        description = "Learned optimizers: learning to learn by gradient descent by gradient descent.",
        subcommands = {RunCommand.class, TrainCommand.class, EvalCommand.class, InspectCommand.class, PluginsCommand.class,
                BenchCommand.class})
public final class Main {

    /** Exit status for bad input. */
    public static final int BAD_INPUT = 2;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
    private boolean debug;

    @Option(names = "--plugins", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Folder of plugin jars (default: the plugins folder of the l2l checkout, or ./plugins).")
    private Path plugins;

    private final PrintStream out;
    private Injector injector;

    Main(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command line and returns its exit status. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine commandLine = new CommandLine(new Main(out));
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            err.println("l2l: " + e.getMessage() + " (see: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            if (debug) {
                e.printStackTrace(err);
            }
            if (e instanceof UserError || e instanceof PluginException || e instanceof DataException
                    || e instanceof java.io.UncheckedIOException) {
                err.println("l2l: " + e.getMessage());
                return BAD_INPUT;
            }
            err.println("l2l: internal error: " + e + (debug ? "" : " (run with --debug for the stack trace)"));
            return 1;
        });
        return commandLine.execute(args);
    }

    /** The launcher passes its checkout's plugins folder as {@code -Dl2l.plugins}; otherwise ./plugins. */
    static Path defaultPluginFolder() {
        return Path.of(System.getProperty("l2l.plugins", "plugins"));
    }

    /** The Guice injector over the discovered plugins, created on first use. */
    Injector injector() {
        if (injector == null) {
            Nd4j.getEnvironment().setMaxMasterThreads(1);
            Path folder = plugins != null ? plugins : defaultPluginFolder();
            PluginRegistry registry = PluginLoader.load(folder, plugins != null);
            injector = Guice.createInjector(new RunnerModule(registry, out));
        }
        return injector;
    }
}

package org.minyi;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.minyi.cli.CommandLines;

/** Entry point: {@code minyi serve} (or no arguments) starts the service, anything else is a CLI command. */
public final class MinYi {

    /**
     * Lucene says through java.util.logging, on standard error, that it would use the incubating Vector API if
     * {@code --add-modules jdk.incubator.vector} were given, and that flag makes the JVM warn instead. Plain runs need
     * neither. Held here because java.util.logging keeps loggers only weakly: a level set on a collected one is lost.
     */
    private static final Logger LUCENE_VECTORIZATION = Logger.getLogger("org.apache.lucene.internal.vectorization");

    private MinYi() {
    }

    public static void main(String[] args) {
        LUCENE_VECTORIZATION.setLevel(Level.SEVERE);
        if (args.length == 0 || args[0].equals("serve")) {
            String[] rest = args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length);
            MinYiApplication.start(rest);
            return;
        }
        System.exit(CommandLines.create().execute(args));
    }
}

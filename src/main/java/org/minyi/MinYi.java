package org.minyi;

import org.minyi.cli.CommandLines;

/** Entry point: {@code minyi serve} (or no arguments) starts the service, anything else is a CLI command. */
public final class MinYi {

    private MinYi() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("serve")) {
            String[] rest = args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length);
            MinYiApplication.start(rest);
            return;
        }
        System.exit(CommandLines.create().execute(args));
    }
}

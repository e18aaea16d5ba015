package org.minyi.cli;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The Shangluo letters are kept for the maintainers' out-of-domain evaluation: commands that read messages to label,
 * list or tune anything refuse them by their file name.
 */
final class OutOfDomainLetters {

    private OutOfDomainLetters() {
    }

    /** @param why what the command would have done with them, appended to the refusal */
    static void refuse(Path file, String why) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).contains("shangluo")) {
            throw new IllegalArgumentException(file + ": the Shangluo letters are for out-of-domain evaluation only"
                    + why);
        }
    }
}

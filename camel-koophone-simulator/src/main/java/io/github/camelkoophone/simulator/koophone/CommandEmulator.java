package io.github.camelkoophone.simulator.koophone;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.github.camelkoophone.simulator.state.SimInstance;

/**
 * Plausible adb-shell output for a handful of common commands, and an echo for the rest. Enough for
 * tests to see that the command reached the right instance; output is capped at 1,024 bytes like the API's.
 */
final class CommandEmulator {

    static final int MAX_OUTPUT_BYTES = 1024;

    private CommandEmulator() {
    }

    static String output(String command, SimInstance instance) {
        String trimmed = command.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        String out;
        if (lower.startsWith("echo ")) {
            out = trimmed.substring(5);
        } else if (lower.equals("getprop ro.product.model")) {
            out = "KooPhone Simulator";
        } else if (lower.equals("getprop ro.build.version.release")) {
            out = "AOSP11".equals(instance.os()) ? "11" : "9";
        } else if (lower.equals("getprop ro.serialno")) {
            out = instance.instanceId();
        } else if (lower.startsWith("pm list packages")) {
            StringBuilder sb = new StringBuilder("package:com.android.settings");
            instance.installedApps().forEach(app -> sb.append("\npackage:").append(app));
            out = sb.toString();
        } else if (lower.startsWith("ls")) {
            out = "total 0\ndrwxr-xr-x 2 root root 4096 2024-01-01 00:00 app\n"
                    + "drwxr-xr-x 2 root root 4096 2024-01-01 00:00 bin\n"
                    + "drwxr-xr-x 2 root root 4096 2024-01-01 00:00 etc";
        } else if (lower.equals("whoami")) {
            out = "root";
        } else {
            out = "[" + instance.instanceId() + "] " + trimmed;
        }
        return truncate(out);
    }

    static String truncate(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_OUTPUT_BYTES) {
            return text;
        }
        // Cut on a character boundary so the result stays valid UTF-8 within the limit.
        int end = text.length();
        while (text.substring(0, end).getBytes(StandardCharsets.UTF_8).length > MAX_OUTPUT_BYTES) {
            end--;
        }
        return text.substring(0, end);
    }
}

package org.minyi.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;

/**
 * CPU time used so far by this JVM (the load generator) and by the service process, if its id is known: on a
 * machine of two cores the generator competes with the service, and the figures should say by how much.
 */
record CpuTime(long generatorNanos, Optional<Duration> service) {

    static CpuTime now(long servicePid) {
        long generator = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        Optional<Duration> service = servicePid < 0 ? Optional.empty()
                : ProcessHandle.of(servicePid).flatMap(p -> p.info().totalCpuDuration());
        return new CpuTime(generator, service);
    }

    /** "CPU used: service 8.7 s (0.87 cores, 17 ms per request), load generator ..." over the wall time given. */
    String since(CpuTime before, double wallSeconds, long requests) {
        double generator = (generatorNanos - before.generatorNanos) / 1e9;
        String serviceText = "";
        if (service.isPresent() && before.service.isPresent()) {
            double used = seconds(service.get().minus(before.service.get()));
            serviceText = String.format("service %.1f s (%.2f cores, %.0f ms per request), ", used,
                    used / wallSeconds, used * 1000 / Math.max(1, requests));
        }
        return String.format("CPU used: %sload generator %.1f s (%.2f cores)", serviceText, generator,
                generator / wallSeconds);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}

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

    /** "CPU: service 1.9 cores ..., load generator 0.2 cores" over the wall time given. */
    String since(CpuTime before, double wallSeconds) {
        double generator = (generatorNanos - before.generatorNanos) / 1e9;
        String serviceText = service.isPresent() && before.service.isPresent()
                ? String.format("service %.1f s (%.2f cores), ", seconds(service.get().minus(before.service.get())),
                        seconds(service.get().minus(before.service.get())) / wallSeconds)
                : "";
        return String.format("CPU used: %sload generator %.1f s (%.2f cores)", serviceText, generator,
                generator / wallSeconds);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}

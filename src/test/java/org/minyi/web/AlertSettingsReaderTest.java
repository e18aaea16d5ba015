package org.minyi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minyi.alert.AlertSettings;
import org.minyi.alert.InternalReceiver;
import org.minyi.alert.SubscriberLimits;
import org.springframework.mock.env.MockEnvironment;

/** Limits, windows, freshness and levels are settings, with per-subscriber overrides key by key. */
class AlertSettingsReaderTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void withoutSettingsTheDefaultsHold() {
        AlertSettings settings = AlertSettingsReader.read(new MockEnvironment(), SHANGHAI);
        assertEquals(SubscriberLimits.defaults(), settings.limits());
        assertEquals(Duration.ofHours(72), settings.limitsOf("anyone").freshness());
        assertEquals(List.of(), AlertSettingsReader.internalReceivers(new MockEnvironment()));
    }

    @Test
    void generalValuesAndPerSubscriberOverridesAreRead() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("minyi.alert.max-per-window", "10")
                .withProperty("minyi.alert.window", "30m")
                .withProperty("minyi.alert.freshness", "48h")
                .withProperty("minyi.alert.subscribers.mayor-office.max-per-window", "60")
                .withProperty("minyi.alert.subscribers.[night.desk].freshness", "6h")
                .withProperty("minyi.alert.levels.red.heat", "12")
                .withProperty("minyi.alert.history.max-size", "2MB")
                .withProperty("minyi.alert.link-base", "https://minyi.example.gov.cn/")
                .withProperty("minyi.alert.internal-receivers", "10.20.0.0/16, 127.0.0.1:9000");

        AlertSettings settings = AlertSettingsReader.read(env, SHANGHAI);

        assertEquals(new SubscriberLimits(10, Duration.ofMinutes(30), Duration.ofHours(48)), settings.limits());
        assertEquals(new SubscriberLimits(60, Duration.ofMinutes(30), Duration.ofHours(48)),
                settings.limitsOf("mayor-office"));
        assertEquals(new SubscriberLimits(10, Duration.ofMinutes(30), Duration.ofHours(6)),
                settings.limitsOf("night.desk"));
        assertEquals(12, settings.levels().red().heat());
        assertEquals(2L << 20, settings.history().maxBytes());
        assertEquals("https://minyi.example.gov.cn", settings.linkBase());
        assertEquals(List.of(InternalReceiver.parse("10.20.0.0/16"), InternalReceiver.parse("127.0.0.1:9000")),
                AlertSettingsReader.internalReceivers(env));
    }

    @Test
    void aBadValueStopsTheStartWithItsName() {
        MockEnvironment env = new MockEnvironment().withProperty("minyi.alert.internal-receivers", "intranet.local");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AlertSettingsReader.internalReceivers(env));
        assertEquals("internal receiver 'intranet.local': not an IP address (names are not allowed: the address is "
                + "what is checked)", e.getMessage());
    }
}

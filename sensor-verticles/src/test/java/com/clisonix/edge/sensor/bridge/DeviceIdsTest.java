package com.clisonix.edge.sensor.bridge;

import static com.clisonix.edge.sensor.decode.Results.failed;
import static com.clisonix.edge.sensor.decode.Results.parsed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.clisonix.edge.sensor.decode.RejectReason;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeviceIdsTest {

    @Test
    void macFormsNormaliseToTwelveUpperCaseHexDigits() {
        // CONTRACT.md §1: "a1:b2:.." and "A1-B2-.." become 12 upper-case hex digits; bridges.md §1
        // Theengs topics already use that form (A1B2C3D4E5F6)
        for (String form : new String[] {"a1:b2:c3:d4:e5:f6", "A1-B2-C3-D4-E5-F6", "A1:B2:C3:D4:E5:F6",
                "a1b2.c3d4.e5f6", "a1b2c3d4e5f6", "A1B2C3D4E5F6"}) {
            DeviceId id = parsed(DeviceIds.normalise(form));
            assertThat(id.value()).as(form).isEqualTo("A1B2C3D4E5F6");
            assertThat(id.mac()).isTrue();
        }
    }

    @Test
    void theengsPayloadIdWithColonsMatchesTheTopicLevel() {
        // bridges.md §1 example: topic .../C7FAAD132C00, payload id "C7:FA:AD:13:2C:00"
        assertThat(parsed(DeviceIds.normalise("C7:FA:AD:13:2C:00")))
                .isEqualTo(parsed(DeviceIds.normalise("C7FAAD132C00")));
    }

    @Test
    void plainIdsAreKeptAsTheyAre() {
        DeviceId id = parsed(DeviceIds.normalise("watch_123"));
        assertThat(id.value()).isEqualTo("watch_123");
        assertThat(id.mac()).isFalse();
        assertThat(parsed(DeviceIds.normalise("Bike-07")).value()).isEqualTo("Bike-07");
        assertThat(parsed(DeviceIds.normalise("x".repeat(64))).value()).hasSize(64);
        // BlueMaestro's short id from bridges.md §1 arrives on the topic without colons
        assertThat(parsed(DeviceIds.normalise("F35285")).value()).isEqualTo("F35285");
    }

    @Test
    void invalidIdsFailWithATypedReason() {
        for (String bad : new String[] {"", "x".repeat(65), "a b", "A1:B2:C3:D4:E5", "a1:b2-c3:d4:e5:f6",
                "g1:b2:c3:d4:e5:f6", "F3:52:85", " A1B2C3D4E5F6", "dev/1", "dev#", "ünï", "+"}) {
            failed(DeviceIds.normalise(bad), RejectReason.BAD_DEVICE_ID);
            assertThat(DeviceIds.isValid(bad)).as(bad).isFalse();
        }
        failed(DeviceIds.normalise(null), RejectReason.BAD_DEVICE_ID);
    }

    @Test
    void normalisationIsIdempotentAndNeverThrows() {
        Random rnd = new Random(12);
        String alphabet = "aAfF09:-._ gz/";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(20);
            for (int k = 0; k < len; k++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String raw = sb.toString();
            assertThatCode(() -> DeviceIds.normalise(raw)).doesNotThrowAnyException();
            if (DeviceIds.isValid(raw)) {
                String once = parsed(DeviceIds.normalise(raw)).value();
                assertThat(parsed(DeviceIds.normalise(once)).value()).isEqualTo(once);
                assertThat(once).matches("[A-Za-z0-9_-]{1,64}");
            }
        }
    }
}

package com.clisonix.edge.sensor.bridge;

import static com.clisonix.edge.sensor.decode.Results.decoded;
import static com.clisonix.edge.sensor.decode.Results.rejected;
import static com.clisonix.edge.sensor.decode.Results.types;
import static com.clisonix.edge.sensor.decode.Results.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.sensor.decode.DecodeResult;
import com.clisonix.edge.sensor.decode.DroppedField;
import com.clisonix.edge.sensor.decode.RejectReason;
import com.clisonix.edge.sensor.reading.ReadingType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TheengsDecoderTest {

    private static DecodeResult decode(String json) {
        return TheengsDecoder.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void polarH10GatewayMessage() {
        // bridges.md §1 "Example messages", home/TheengsGateway/BTtoMQTT/A1B2C3D4E5F6
        DecodeResult.Decoded d = decoded(decode("{\"id\":\"A1:B2:C3:D4:E5:F6\",\"name\":\"Polar H10 75087320\","
                + "\"rssi\":-62,\"brand\":\"Polar\",\"model\":\"Heart Rate Sensor\",\"model_id\":\"H10\","
                + "\"type\":\"BODY\",\"bpm\":70}"));
        assertThat(types(d)).containsExactly(ReadingType.HEART_RATE, ReadingType.RSSI);
        assertThat(value(d, ReadingType.HEART_RATE)).isEqualTo(70);
        assertThat(value(d, ReadingType.RSSI)).isEqualTo(-62);
        assertThat(d.rawExtras()).containsEntry("model_id", "H10").containsEntry(TheengsDecoder.HR_SOURCE_KEY, "bpm")
                .doesNotContainKey("id");
    }

    @Test
    void xossX2WithBattery() {
        // bridges.md §1 "Example messages", home/OpenMQTTGateway/BTtoMQTT/C7FAAD132C00
        DecodeResult.Decoded d = decoded(decode("{\"id\":\"C7:FA:AD:13:2C:00\",\"rssi\":-70,\"brand\":\"XOSS\","
                + "\"model\":\"X2 Heart Rate Sensor\",\"model_id\":\"XOSSX2\",\"type\":\"BODY\",\"bpm\":63,\"batt\":97}"));
        assertThat(value(d, ReadingType.HEART_RATE)).isEqualTo(63);
        assertThat(value(d, ReadingType.BATTERY)).isEqualTo(97);
        assertThat(value(d, ReadingType.RSSI)).isEqualTo(-70);
    }

    @Test
    void miBandActivityHeartRate() {
        // bridges.md §1 decoder output for Mi Band / Amazfit (theengs/decoder tests/BLE/test_ble.cpp)
        DecodeResult.Decoded d = decoded(decode("{\"brand\":\"Xiaomi/Amazfit\",\"model\":\"Mi Band/Smart Watch\","
                + "\"model_id\":\"MB/SW\",\"type\":\"BODY\",\"acts\":true,\"track\":true,\"steps\":9101,"
                + "\"act_bpm\":125,\"device\":\"Xiaomi/Amazfit Tracker\",\"mac\":\"AA:BB:CC:DD:EE:FF\"}"));
        assertThat(types(d)).containsExactly(ReadingType.HEART_RATE);
        assertThat(value(d, ReadingType.HEART_RATE)).isEqualTo(125);
        assertThat(d.rawExtras()).containsEntry(TheengsDecoder.HR_SOURCE_KEY, "act_bpm")
                .containsEntry("steps", 9101.0).containsEntry("acts", true).doesNotContainKey("mac");
    }

    @Test
    void polarH10AdvertDecodedWhenBpmIsAbsent() {
        // ble-gatt.md §6: manufacturerdata 6b003b164446 -> bpm 70 (theengs/decoder test_ble.cpp)
        DecodeResult.Decoded d = decoded(decode("{\"id\":\"A1:B2:C3:D4:E5:F6\",\"rssi\":-80,"
                + "\"manufacturerdata\":\"6b003b164446\"}"));
        assertThat(value(d, ReadingType.HEART_RATE)).isEqualTo(70);
        assertThat(d.rawExtras()).containsEntry(TheengsDecoder.HR_SOURCE_KEY, "polar_h10_advert");
        assertThat(TheengsDecoder.polarH10HeartRate("6B003B164446")).isEqualTo(70);
    }

    @Test
    void otherManufacturerDataIsNotAHeartRate() {
        // bridges.md §1: an undecoded Apple advert (4c00...) carries no heart rate
        DecodeResult.Decoded d = decoded(decode("{\"id\":\"54:94:5E:9F:64:C4\",\"mac_type\":1,"
                + "\"manufacturerdata\":\"4c0010060319247bbc68\",\"rssi\":-74,\"txpower\":12}"));
        assertThat(types(d)).containsExactly(ReadingType.RSSI);
        assertThat(TheengsDecoder.polarH10HeartRate("6b003b1644")).isEqualTo(-1);
        assertThat(TheengsDecoder.polarH10HeartRate("6b003b16444g")).isEqualTo(-1);
        assertThat(TheengsDecoder.polarH10HeartRate("6b003b16444600")).isEqualTo(-1);
    }

    @Test
    void bpmWinsOverAdvertAndActivityHeartRate() {
        DecodeResult.Decoded d = decoded(decode("{\"bpm\":80,\"act_bpm\":90,\"manufacturerdata\":\"6b003b164446\"}"));
        assertThat(value(d, ReadingType.HEART_RATE)).isEqualTo(80);
    }

    @Test
    void devicesWithoutReadingsDecodeToNothing() {
        // bridges.md §1: a thermometer on the same topic (LYWSD03MMC) is not an error
        DecodeResult.Decoded d = decoded(decode("{\"id\":\"A4:C1:38:6E:4A:E8\",\"mac_type\":0,"
                + "\"name\":\"ATC_6E4AE8\",\"brand\":\"Xiaomi\",\"model\":\"LYWSD03MMC\",\"tempc\":14.2}"));
        assertThat(types(d)).isEmpty();
        assertThat(d.rawExtras()).containsEntry("tempc", 14.2);
    }

    @Test
    void wrongTypedFieldIsDroppedAlone() {
        DecodeResult.Decoded d = decoded(decode("{\"bpm\":\"70\",\"batt\":[97],\"rssi\":-60}"));
        assertThat(types(d)).containsExactly(ReadingType.RSSI);
        assertThat(d.dropped()).containsExactly(
                new DroppedField("heart_rate", "wrong_type"), new DroppedField("battery", "wrong_type"));
        DecodeResult.Decoded inf = decoded(decode("{\"bpm\":1e999}"));
        assertThat(inf.dropped()).containsExactly(new DroppedField("heart_rate", "not_finite"));
    }

    @Test
    void wholePayloadRejections() {
        rejected(decode("online"), RejectReason.BAD_JSON);
        rejected(decode("[70]"), RejectReason.WRONG_TYPE);
        rejected(decode("{\"bpm\":70"), RejectReason.BAD_JSON);
        rejected(TheengsDecoder.decode(new byte[0]), RejectReason.EMPTY);
        rejected(TheengsDecoder.decode(new byte[TheengsDecoder.MAX_BYTES + 1]), RejectReason.TOO_LARGE);
    }

    @Test
    void extrasAreBounded() {
        StringBuilder sb = new StringBuilder("{\"bpm\":70");
        for (int i = 0; i < 60; i++) {
            sb.append(",\"k").append(i).append("\":\"").append("v".repeat(i == 0 ? 1000 : 50)).append('"');
        }
        DecodeResult.Decoded d = decoded(decode(sb.append('}').toString()));
        assertThat(d.rawExtras().size()).isLessThanOrEqualTo(TheengsDecoder.MAX_EXTRAS + 1);
        assertThat(d.rawExtras().values()).allSatisfy(v -> assertThat(String.valueOf(v).length()).isLessThanOrEqualTo(256));
    }
}

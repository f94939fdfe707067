package com.clisonix.edge.sensor.gatt;

import com.clisonix.edge.sensor.decode.DecodeResult;
import com.clisonix.edge.sensor.decode.RejectReason;
import com.clisonix.edge.sensor.reading.Measurement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decodes any FTMS data characteristic from its {@link FtmsLayout} (the six machines share one
 * flag-and-fields scheme, ble-gatt.md §0 and §2).
 *
 * <p>Policies, common to all six machines:
 * <ul>
 *   <li>Fewer bytes than the flags field: rejected, {@link RejectReason#TRUNCATED}.</li>
 *   <li>A field group announced by the flags that does not fit in the remaining bytes: the
 *       whole packet is rejected, {@link RejectReason#FLAGS_MISMATCH}; nothing of it is kept,
 *       because a misaligned read would attach wrong values to every later field.</li>
 *   <li>Flag bits the layout does not know (RFU bits set by real treadmills) are ignored, and so
 *       are bytes after the last announced field (ble-gatt.md §2.2).</li>
 *   <li>A field holding its "not available" marker produces no reading; so does a treadmill
 *       pace of 0 (a standing belt has no pace).</li>
 *   <li>A packet whose bit 0 says "more data" and which announces nothing else is valid and
 *       yields no readings.</li>
 * </ul>
 */
public final class FtmsDataDecoder implements GattDecoder {

    private final FtmsLayout layout;
    private final FtmsGroup[] groups;

    public FtmsDataDecoder(FtmsLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.groups = layout.groups().toArray(new FtmsGroup[0]);
    }

    public FtmsLayout layout() {
        return layout;
    }

    @Override
    public DecodeResult decode(byte[] b, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, b.length);
        if (length == 0) {
            return new DecodeResult.Rejected(RejectReason.EMPTY, "no bytes");
        }
        final int flagBytes = layout.flagBytes();
        if (length < flagBytes) {
            return new DecodeResult.Rejected(RejectReason.TRUNCATED,
                    layout.name() + " needs " + flagBytes + " flag bytes, packet has " + length);
        }
        final int flags = flagBytes == 3 ? LittleEndian.uint24(b, offset) : LittleEndian.uint16(b, offset);
        final int end = offset + length;
        int pos = offset + flagBytes;
        List<Measurement> out = new ArrayList<>(8);
        for (FtmsGroup g : groups) {
            if (!FtmsLayout.isPresent(g, flags)) {
                continue;
            }
            if (pos + g.byteSize() > end) {
                return new DecodeResult.Rejected(RejectReason.FLAGS_MISMATCH, layout.name()
                        + " flag bit " + g.bit() + " announces " + g.byteSize() + " byte(s) at offset "
                        + (pos - offset) + " but the packet ends at " + length);
            }
            for (FtmsField f : g.fields()) {
                long raw = f.wire().read(b, pos);
                pos += f.wire().size();
                if (f.isNotAvailable(raw) || (f.isInverse() && raw == 0)) {
                    continue;
                }
                out.add(new Measurement(f.type(), f.toValue(raw)));
            }
        }
        Map<String, Object> extras = Map.of();
        if (!layout.flagExtras().isEmpty()) {
            FtmsLayout.FlagExtra x = layout.flagExtras().get(0);
            extras = layout.flagExtras().size() == 1
                    ? Map.of(x.key(), flagText(x, flags))
                    : allFlagExtras(flags);
        }
        return new DecodeResult.Decoded(List.copyOf(out), extras, List.of());
    }

    private Map<String, Object> allFlagExtras(int flags) {
        Map<String, Object> m = new HashMap<>();
        for (FtmsLayout.FlagExtra x : layout.flagExtras()) {
            m.put(x.key(), flagText(x, flags));
        }
        return m;
    }

    private static String flagText(FtmsLayout.FlagExtra x, int flags) {
        return (flags >>> x.bit() & 1) != 0 ? x.whenSet() : x.whenClear();
    }
}

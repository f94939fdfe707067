package com.clisonix.edge.sensor.sim;

import com.clisonix.edge.sensor.reading.Measurement;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the simulator has published so far and what it meant by it: the ground truth a test
 * checks the gateway against. A snapshot; later messages do not change it.
 *
 * @param athletes       everyone on the floor
 * @param devices        per normalised device id (straps and machines), in floor order
 * @param tracks         per camera track, in camera then track order
 * @param messages       messages handed out, bridge status included
 * @param messagesByKind the same, per {@link SimMessage#kind()}
 * @param expectations   the readings of every BLE data message in publication order, when the
 *                       spec asked to record them; empty otherwise
 */
public record SimulationTruth(List<SimAthlete> athletes, Map<String, DeviceTruth> devices, List<TrackTruth> tracks,
    long messages, Map<String, Long> messagesByKind, List<Expectation> expectations) {

  public SimulationTruth {
    athletes = List.copyOf(athletes);
    devices = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(devices));
    tracks = List.copyOf(tracks);
    messagesByKind = Map.copyOf(messagesByKind);
    expectations = List.copyOf(expectations);
  }

  /** The athlete wearing or using a device, if any. */
  public SimAthlete athleteOf(String deviceId) {
    DeviceTruth d = devices.get(deviceId);
    return d == null ? null : athletes.get(d.athleteIndex());
  }

  /** The track truth of one camera track, or null. */
  public TrackTruth track(String cameraId, String track) {
    for (TrackTruth t : tracks) {
      if (t.cameraId().equals(cameraId) && t.track().equals(track)) {
        return t;
      }
    }
    return null;
  }

  /**
   * One strap or machine.
   *
   * @param deviceId     normalised device id
   * @param deviceType   {@code chest_strap}, {@code bike}, {@code treadmill} or {@code rower}
   * @param bridgeId     the bridge relaying it
   * @param athleteIndex the athlete using it
   * @param messages     notifications published
   * @param readings     readings those notifications decode to (the decoder's count)
   * @param minHeartRate lowest heart rate sent (straps; 0 before the first message)
   * @param maxHeartRate highest heart rate sent (straps)
   * @param rrIntervals  RR intervals sent (straps)
   * @param lastReadings the readings of the last notification
   */
  public record DeviceTruth(String deviceId, String deviceType, String bridgeId, int athleteIndex, long messages,
      long readings, int minHeartRate, int maxHeartRate, long rrIntervals, List<Measurement> lastReadings) {
    public DeviceTruth {
      lastReadings = List.copyOf(lastReadings);
    }
  }

  /**
   * One person a camera tracks.
   *
   * @param cameraId     the camera
   * @param track        the track id in its frames
   * @param athleteIndex the athlete it is, or null for a person not among the simulated athletes
   * @param sets         exercise sets, in order; the last may still be under way
   * @param frames       frames the person appeared in
   * @param eyeMessages  eye-metric messages published for the track
   */
  public record TrackTruth(String cameraId, String track, Integer athleteIndex, List<SetTruth> sets, long frames,
      long eyeMessages) {
    public TrackTruth {
      sets = List.copyOf(sets);
    }

    /** Sets whose last frame has been published. */
    public List<SetTruth> completedSets() {
      return sets.stream().filter(SetTruth::complete).toList();
    }

    /** Full repetitions of an exercise over the completed sets. */
    public int fullReps(String exercise) {
      return completedSets().stream().filter(s -> s.exercise().equals(exercise)).mapToInt(SetTruth::fullReps).sum();
    }
  }

  /**
   * One exercise set acted out in front of a camera.
   *
   * @param exercise        the exercise's wire name ({@code squat}, {@code push_up}, ...)
   * @param fault           the form fault built in ({@code none}, {@code hip_sag}, ...)
   * @param attemptedReps   repetitions attempted (0 for a plank)
   * @param fullReps        repetitions through the full range of motion
   * @param partialReps     attempts that fell short
   * @param goodHoldSeconds plank: seconds held in good form
   * @param faultSeconds    plank: seconds held with the fault
   * @param startMs         time of the set's first frame
   * @param endMs           time of its last frame (its planned end while under way)
   * @param complete        whether every frame of the set has been published
   */
  public record SetTruth(String exercise, String fault, int attemptedReps, int fullReps, int partialReps,
      double goodHoldSeconds, double faultSeconds, long startMs, long endMs, boolean complete) {
    public SetTruth {
      Objects.requireNonNull(exercise, "exercise");
      Objects.requireNonNull(fault, "fault");
    }
  }

  /**
   * The readings one BLE data message decodes to, in the decoder's order, with the values the
   * simulator meant after the field's resolution.
   *
   * @param sequence position among all messages handed out, 0-based
   * @param topic    its topic
   * @param deviceId the device
   * @param ts       the {@code ts} of a JSON envelope, or null
   * @param readings the readings
   */
  public record Expectation(long sequence, String topic, String deviceId, Long ts, List<Measurement> readings) {
    public Expectation {
      readings = List.copyOf(readings);
    }
  }
}

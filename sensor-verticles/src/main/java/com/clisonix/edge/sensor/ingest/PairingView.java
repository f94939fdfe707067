package com.clisonix.edge.sensor.ingest;

import java.util.UUID;

/** Who a device or camera track belongs to right now, and who allows the camera. */
public interface PairingView {
  /** The athlete a device belongs to, or null when it is unassigned. */
  UUID owner(String deviceId);

  /** The athlete a camera track belongs to, or null. */
  UUID trackOwner(String cameraId, String track);

  /** The exercise a camera track was paired for, or null for "the user's most recent". */
  String trackExercise(String cameraId, String track);

  /** Whether the athlete's profile allows camera analysis ({@code camera_enabled}). */
  boolean cameraConsent(UUID userId);
}

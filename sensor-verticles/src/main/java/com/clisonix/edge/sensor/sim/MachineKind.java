package com.clisonix.edge.sensor.sim;

import com.clisonix.edge.sensor.gatt.GattCharacteristic;

/** The fitness machines the floor simulator puts on the floor, with the FTMS characteristic each sends. */
public enum MachineKind {
  BIKE(GattCharacteristic.INDOOR_BIKE_DATA, SimMessage.INDOOR_BIKE, "bike"),
  TREADMILL(GattCharacteristic.TREADMILL_DATA, SimMessage.TREADMILL, "treadmill"),
  ROWER(GattCharacteristic.ROWER_DATA, SimMessage.ROWER, "rower");

  private final GattCharacteristic characteristic;
  private final String messageKind;
  private final String deviceType;

  MachineKind(GattCharacteristic characteristic, String messageKind, String deviceType) {
    this.characteristic = characteristic;
    this.messageKind = messageKind;
    this.deviceType = deviceType;
  }

  public GattCharacteristic characteristic() {
    return characteristic;
  }

  /** The {@link SimMessage#kind()} of its notifications. */
  public String messageKind() {
    return messageKind;
  }

  /** The contract's {@code device_type} for a profile's device list. */
  public String deviceType() {
    return deviceType;
  }
}

/**
 * The floor simulator: a seeded gym class published to MQTT through the product's own encoders,
 * for the demo, the ingestion tests and load runs. {@link com.clisonix.edge.sensor.sim.FloorSimulator}
 * is the pure model (spec in, messages and ground truth out);
 * {@link com.clisonix.edge.sensor.sim.FloorSimulatorVerticle} plays it to a broker with bounded
 * in-flight messages; {@link com.clisonix.edge.sensor.sim.FloorSimulatorMain} runs it standalone.
 */
package com.clisonix.edge.sensor.sim;

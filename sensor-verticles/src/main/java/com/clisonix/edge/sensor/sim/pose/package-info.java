/**
 * Deterministic synthetic BlazePose sequences for the seven supported exercises, from an
 * articulated body model seen by an orthographic camera, with optional form faults, landmark
 * jitter, occlusion and dropped frames. Drives the floor simulator and the pose analysers' tests.
 */
package com.clisonix.edge.sensor.sim.pose;

package dev.mosaic.federation.application.port.in;

/**
 * {@code mosaic gateway doctor}: runs every dependency check in parallel, each capped at 5 s; a
 * check that does not answer in time, or throws, is reported as failed with a remedy. Never throws.
 */
public interface RunDoctorUseCase {
  DoctorReport run();
}

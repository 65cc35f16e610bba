package dev.mosaic.federation.bootstrap.archfixtures.application.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Bad: an application service logging through SLF4J. */
public final class ServiceUsingLogging {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceUsingLogging.class);

  public void run() {
    LOG.info("running");
  }
}

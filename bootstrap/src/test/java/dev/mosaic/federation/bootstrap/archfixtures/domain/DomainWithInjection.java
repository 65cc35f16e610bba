package dev.mosaic.federation.bootstrap.archfixtures.domain;

import jakarta.inject.Inject;

/** Bad: a domain class carrying an injection annotation. */
public final class DomainWithInjection {
  @Inject
  public DomainWithInjection() {}
}
